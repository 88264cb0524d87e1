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
from pathlib import Path

import pytest

_server: dict[str, object] = {}


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


def _start() -> str:
    bin_dir = _find_bin()
    if bin_dir is None:
        _install()
        bin_dir = _find_bin()
        if bin_dir is None:
            raise RuntimeError("apt-get installed postgresql but pg_ctl is not to be found")
    # initdb refuses to run as root: run the server as the postgres user (made by the Debian package).
    user = "postgres" if os.geteuid() == 0 else None
    base = Path(tempfile.mkdtemp(prefix="hadath-pg-"))
    data = base / "data"
    if user:
        shutil.chown(base, user=user)
    port = _free_port()
    subprocess.run(
        _as_owner([str(bin_dir / "initdb"), "-D", str(data), "-U", "hadath", "-A", "trust", "-E", "UTF8",
                   "--locale=C"], user),
        check=True, capture_output=True, timeout=120,
    )
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {base} -c fsync=off -c full_page_writes=off"
    subprocess.run(
        _as_owner([str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(base / "log"), "-w",
                   "start"], user),
        check=True, capture_output=True, timeout=120,
    )
    _server.update(bin_dir=bin_dir, data=data, base=base, user=user, port=port)
    atexit.register(_stop)
    subprocess.run(
        [str(bin_dir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "hadath", "hadath_root"],
        check=True, capture_output=True, timeout=60,
    )
    return f"postgresql://hadath@127.0.0.1:{port}/"


def _stop() -> None:
    if "data" not in _server:
        return
    subprocess.run(
        _as_owner([str(_server["bin_dir"] / "pg_ctl"), "-D", str(_server["data"]), "-m", "immediate", "stop"],
                  _server["user"]),  # type: ignore[arg-type]
        capture_output=True, timeout=60,
    )
    shutil.rmtree(_server["base"], ignore_errors=True)  # type: ignore[arg-type]
    _server.clear()


def postgres_base_url() -> str:
    """postgresql://hadath@127.0.0.1:PORT/ of the session's server, started on first use."""
    if "url" not in _server:
        try:
            url = _start()
        except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
            detail = getattr(exc, "stderr", b"") or b""
            reason = f"PostgreSQL unavailable: {exc} {detail.decode(errors='replace')[-500:]}"
            if os.environ.get("CI") == "true":
                pytest.fail(reason)
            pytest.skip(reason)
        _server["url"] = url
    return str(_server["url"])


def new_database(name: str) -> str:
    """A fresh, empty database on the session's server; its URL."""
    base = postgres_base_url()
    subprocess.run(
        [str(_server["bin_dir"] / "dropdb"), "--if-exists", "-h", "127.0.0.1", "-p", str(_server["port"]),
         "-U", "hadath", name],
        check=True, capture_output=True, timeout=60,
    )
    subprocess.run(
        [str(_server["bin_dir"] / "createdb"), "-h", "127.0.0.1", "-p", str(_server["port"]), "-U", "hadath", name],
        check=True, capture_output=True, timeout=60,
    )
    return base + name


def wait_until(predicate, timeout: float = 30.0) -> bool:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.05)
    return False
