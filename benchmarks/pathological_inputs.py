"""Pathological inputs (issue 14): each through the real `hadath extract`, timed from start to exit.

    python benchmarks/pathological_inputs.py              # the four cases of the issue, 5 s target each
    python benchmarks/pathological_inputs.py --budget 10  # HADATH_MAX_ARTICLE_SECONDS for the runs

Cases: one sentence of 40,000 Arabic words; an article with 35,000 dots inserted between its words;
a page of 500,000 nested <div>s; one tag with 300,000 attributes. Each must end within the target
(5 s), extracted or as an error record, or as the error record of the article's time budget within
that budget (HADATH_MAX_ARTICLE_SECONDS, 30 s unless --budget) and the command's start; a traceback,
no record or a later end fails. The command's own start (imports, the model and dictionaries loaded by
the first article, about 2-3 s) is in the time, as a user sees it.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from hadath.deadline import DEFAULT_ARTICLE_SECONDS

TARGET_SECONDS = 5.0
START_SECONDS = 5.0  # the command's start and loading, on top of the time budget
WORDS = ("أعلنت وزارة الخارجية التركية أن الوزير سيزور طهران الأسبوع المقبل لبحث العلاقات الثنائية "
         "وقتل ثلاثة أشخاص في غارة جوية على مدينة حلب").split()
PARAGRAPH = "<p>أعلنت وزارة الخارجية التركية أن الوزير سيزور طهران الأسبوع المقبل لبحث العلاقات.</p>"


def cases() -> dict[str, tuple[str, str]]:
    """name -> (file suffix, content)."""
    long_sentence = " ".join(WORDS[i % len(WORDS)] for i in range(40_000))
    dotted = " . ".join(WORDS[i % len(WORDS)] for i in range(35_000))
    nested = "<html><body>" + "<div>" * 500_000 + PARAGRAPH + "</div>" * 500_000 + "</body></html>"
    attributes = ("<html><body><p " + " ".join(f"a{i}=1" for i in range(300_000)) + ">"
                  + PARAGRAPH + "</p></body></html>")
    return {
        "40,000-word sentence": (".txt", long_sentence),
        "35,000 dots": (".txt", dotted),
        "500,000 nested <div>s": (".html", nested),
        "300,000 attributes on one tag": (".html", attributes),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--budget", type=float, default=None, help="HADATH_MAX_ARTICLE_SECONDS (default: its default)")
    parser.add_argument("--target", type=float, default=TARGET_SECONDS, help="seconds allowed per case")
    args = parser.parse_args()
    env = dict(os.environ)
    if args.budget is not None:
        env["HADATH_MAX_ARTICLE_SECONDS"] = str(args.budget)
    budget = float(env.get("HADATH_MAX_ARTICLE_SECONDS") or DEFAULT_ARTICLE_SECONDS)
    wait = max(60.0, 2 * (budget + START_SECONDS))
    failed = 0
    with tempfile.TemporaryDirectory() as folder:
        for name, (suffix, content) in cases().items():
            path = Path(folder) / f"case{suffix}"
            path.write_text(content, encoding="utf-8")
            started = time.perf_counter()
            try:
                result = subprocess.run([sys.executable, "-m", "hadath", "extract", str(path)], capture_output=True,
                                        text=True, env=env, timeout=wait)
            except subprocess.TimeoutExpired:
                print(f"{name:32} did not end in {wait:.0f} s: FAILED")
                failed += 1
                continue
            seconds = time.perf_counter() - started
            records = [json.loads(line) for line in result.stdout.split("\n") if line.strip()]
            outcome = (records[0].get("error") or f"{len(records[0].get('events', []))} events") if records else "no record"
            over_budget = outcome.startswith("took longer than") and seconds <= budget + START_SECONDS
            ok = "Traceback" not in result.stderr and len(records) == 1 and (seconds <= args.target or over_budget)
            failed += not ok
            print(f"{name:32} {len(content.encode()) / 1e6:5.1f} MB  {seconds:6.2f} s  {'ok' if ok else 'FAILED'}: {outcome}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
