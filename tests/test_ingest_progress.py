"""`hadath ingest` shows a progress bar (articles, events, rate) on a terminal and only its one-line
summary otherwise (issue 13, item 2). The terminal is a real pseudo-terminal."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import struct
import subprocess
import sys
import termios
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def run_ingest(db: Path, inputs: Path, *, terminal: bool) -> tuple[int, str, str]:
    """Exit status, stdout and stderr of `hadath ingest`; stderr a pseudo-terminal when `terminal`."""
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    command = [sys.executable, "-m", "hadath", "ingest", str(inputs), "--db", str(db)]
    if not terminal:
        done = subprocess.run(command, capture_output=True, text=True, timeout=300, env=env)
        return done.returncode, done.stdout, done.stderr
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))  # 40 rows, 120 columns
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=follower, env=env)
    os.close(follower)
    seen = bytearray()
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the follower side closed: the process is done with the terminal
            break
        if not chunk:
            break
        seen.extend(chunk)
    out = process.stdout.read().decode()
    process.wait(timeout=300)
    os.close(leader)
    return process.returncode, out, seen.decode("utf-8", "replace")


def test_a_terminal_sees_articles_events_and_rate(shared, tmp_path):
    status, out, terminal = run_ingest(tmp_path / "t.db", shared / "data" / "news_dev" / "input.jsonl", terminal=True)
    assert status == 0, terminal
    last = terminal.replace("\r", "\n").strip().splitlines()[-1]
    # e.g. "ingest: 24 articles [00:03, 7.85 articles/s, 90 events]"; slower than one a second, tqdm
    # writes the rate inverted: "[00:27, 1.16s/ articles, 89 events]"
    found = re.search(r"ingest: (\d+) articles \[[\d:]+, +([\d.]+)(?: articles/s|s/ articles), (\d+) events\]", last)
    assert found, last
    assert int(found.group(1)) == 24 and float(found.group(2)) > 0
    summary = re.search(r"24 new, 0 duplicate, 0 failed; (\d+) new events", out)
    assert summary and int(found.group(3)) == int(summary.group(1))  # the bar counted every event
    assert out.count("\n") == 1  # the summary line is still on stdout


def test_without_a_terminal_only_the_summary_line(shared, tmp_path):
    status, out, err = run_ingest(tmp_path / "p.db", shared / "data" / "news_dev" / "input.jsonl", terminal=False)
    assert status == 0, err
    assert err == ""
    assert out.startswith("hadath ingest: ingested 24 articles read: 24 new, 0 duplicate, 0 failed;")
    assert out.count("\n") == 1
