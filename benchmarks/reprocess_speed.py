"""Re-coding speed and the cost of alert rules on writing, on SQLite.

1. A corpus (default 1,000 articles, composed as benchmarks/ingest_speed.py composes it) is ingested with
   one process; `hadath reprocess --all` then codes every article again with the same coder (nothing
   changes: the cost of checking), and again with a lexicon copy without the condemnation verb
   (HADATH_LEXICON_DIR; events removed); each prints articles/s and what changed.
2. The same corpus is ingested into two new stores, with no alert rules and with 20 rules (dyads, actors,
   roots, thresholds; no webhook), and the writer's time per article is compared: the cost of checking
   every new or changed event against the rules inside the writer's transaction.

    .venv/bin/python benchmarks/reprocess_speed.py [--articles 1000] [--workers 1]

Figures are printed; nothing is asserted. On a machine shared with other jobs they move by ±20-30 %.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest_speed import compose_corpus  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
RULES = "\n".join(
    [f'[rules.dyad-{a}-{b}]\ndyad = ["{a}", "{b}"]\n' for a, b in
     [("IRN", "TUR"), ("ISR", "PSE"), ("USA", "IRN"), ("RUS", "UKR"), ("SYR", "TUR"), ("SAU", "YEM")]]
    + [f'[rules.actor-{a}]\nactor = "{a}"\nquad_class = [3, 4]\n' for a in
       ["EGY", "IRQ", "LBN", "JOR", "HAMAS", "PKK", "ISIS", "UN"]]
    + [f'[rules.root-{r}]\nroots = ["{r}"]\nmin_sources = 2\n' for r in ["14", "17", "18", "19", "20"]]
    + ['[rules.severe]\ngoldstein_max = -9.0\nstatuses = ["occurred"]\n']
)


def hadath(*args: str, env: dict | None = None) -> tuple[str, float]:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "hadath", *args], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(REPO / "src"), **(env or {})}, check=False)
    if done.returncode != 0:
        sys.exit(f"hadath {' '.join(args)} failed: {done.stderr}")
    return done.stdout, time.perf_counter() - started


def write_share(db: str, corpus: Path) -> tuple[float, int]:
    """Seconds the writer spent per article, and alerts raised, ingesting `corpus` into `db` in-process."""
    sys.path.insert(0, str(REPO / "src"))
    from hadath.store.ingest import Ingester

    ingester = Ingester(db)
    summary = ingester.ingest([str(corpus)])
    return summary.write_seconds / max(1, summary.new), ingester.writer.alerts_raised


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="hadath-reprocess-"))
    try:
        corpus = work / "corpus.jsonl"
        compose_corpus(corpus, args.articles)
        db = str(work / "store.db")
        out, seconds = hadath("ingest", str(corpus), "--db", db)
        print(f"ingest: {out.strip()}")
        workers = ["--workers", str(args.workers)]
        out, seconds = hadath("reprocess", "--db", db, "--all", "--json", *workers)
        summary = json.loads(out)
        print(f"reprocess --all, same coder: {summary['articles']} articles in {seconds:.1f} s "
              f"({summary['articles'] / seconds:.1f} articles/s, process start included); events {summary['events']}")
        lexicon = work / "lexicon"
        shutil.copytree(REPO / "src" / "hadath" / "events" / "data" / "lexicon", lexicon)
        condemn = lexicon / "11.tsv"
        condemn.write_text("".join(line for line in condemn.read_text(encoding="utf-8").splitlines(keepends=True)
                                   if not line.startswith("أدان/يدين\t")), encoding="utf-8")
        out, seconds = hadath("reprocess", "--db", db, "--json", *workers, env={"HADATH_LEXICON_DIR": str(lexicon)})
        summary = json.loads(out)
        print(f"reprocess, lexicon without أدان/يدين: {summary['articles']} articles in {seconds:.1f} s "
              f"({summary['articles'] / seconds:.1f} articles/s); {summary['changed']} articles changed, "
              f"events {summary['events']}")

        plain, raised_none = write_share(str(work / "plain.db"), corpus)
        rules = work / "rules.toml"
        rules.write_text(RULES, encoding="utf-8")
        ruled_db = str(work / "ruled.db")
        hadath("alerts", "rules", "--rules", str(rules), "--db", ruled_db)
        ruled, raised = write_share(ruled_db, corpus)
        print(f"writer per article: {1000 * plain:.2f} ms without rules, {1000 * ruled:.2f} ms with 20 rules "
              f"({raised} alerts raised)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
