"""A real PostgreSQL server for the store tests: found on PATH or under /usr/lib/postgresql/*/bin,
installed with apt-get when missing (CI runs as root on a clean machine), initdb'd in a temporary
folder, started on 127.0.0.1 on a free port, stopped when the test session ends.

When the server cannot be had, tests that need it fail under CI=true and are skipped elsewhere,
with the reason.
"""

from __future__ import annotations

import atexit
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest


def _find_bin() -> Path | None:
    if found := shutil.which("pg_ctl"):
        return Path(found).resolve().parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(p.split("/")[4]))
    return Path(candidates[-1]).parent if candidates else None


def _install() -> None:
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        raise RuntimeError("PostgreSQL is not installed and this user cannot install it with apt-get")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update"], check=True, env=env, capture_output=True, timeout=600)
    subprocess.run(
        ["apt-get", "install", "-y", "--no-install-recommends", "postgresql"],
        check=True, env=env, capture_output=True, timeout=900,
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _as_owner(command: list[str], user: str | None) -> list[str]:
    return ["runuser", "-u", user, "--", *command] if user else command


class PostgresServer:
    """A throwaway cluster: initdb'd in a temporary folder, listening on 127.0.0.1:port."""

    def __init__(self) -> None:
        bin_dir = _find_bin()
        if bin_dir is None:
            _install()
            bin_dir = _find_bin()
            if bin_dir is None:
                raise RuntimeError("apt-get installed postgresql but pg_ctl is not to be found")
        self.bin_dir = bin_dir
        # initdb refuses to run as root: run the server as the postgres user (made by the Debian package).
        self.user = "postgres" if os.geteuid() == 0 else None
        self.base = Path(tempfile.mkdtemp(prefix="hadath-pg-"))
        self.data = self.base / "data"
        if self.user:
            shutil.chown(self.base, user=self.user)
        self.port = _free_port()
        self.url = f"postgresql://hadath@127.0.0.1:{self.port}/"
        subprocess.run(
            _as_owner([str(bin_dir / "initdb"), "-D", str(self.data), "-U", "hadath", "-A", "trust", "-E", "UTF8",
                       "--locale=C"], self.user),
            check=True, capture_output=True, timeout=120,
        )
        # fsync off: a test server needs no durability, and the tests run faster without it.
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.base} -c fsync=off -c full_page_writes=off"
        subprocess.run(
            _as_owner([str(bin_dir / "pg_ctl"), "-D", str(self.data), "-o", options, "-l", str(self.base / "log"),
                       "-w", "start"], self.user),
            check=True, capture_output=True, timeout=120,
        )
        atexit.register(self.stop)  # also when the session is killed by an exception

    def _client(self, program: str, *args: str) -> None:
        subprocess.run(
            [str(self.bin_dir / program), "-h", "127.0.0.1", "-p", str(self.port), "-U", "hadath", *args],
            check=True, capture_output=True, timeout=60,
        )

    def new_database(self, name: str) -> str:
        """A fresh, empty database; its URL."""
        self._client("dropdb", "--if-exists", name)
        self._client("createdb", name)
        return self.url + name

    def stop(self) -> None:
        if self.base.exists():
            subprocess.run(
                _as_owner([str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"], self.user),
                capture_output=True, timeout=60,
            )
            shutil.rmtree(self.base, ignore_errors=True)


def start_server() -> PostgresServer:
    """A server, or the test's failure (under CI=true) or skip, with the reason."""
    try:
        return PostgresServer()
    except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
        detail = (getattr(exc, "stderr", b"") or b"").decode(errors="replace")[-500:]
        reason = f"PostgreSQL unavailable: {exc} {detail}"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """The session's PostgreSQL server, started on first use and stopped at the end of the session."""
    server = start_server()
    yield server
    server.stop()


def wait_until(predicate: Callable[[], bool], timeout: float = 30.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.05)
    return False
