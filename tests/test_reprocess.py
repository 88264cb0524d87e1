"""`hadath reprocess` on SQLite and PostgreSQL: after one trigger line of the lexicon changes, the store
holds what a fresh ingest with the new lexicon holds, the events of untouched triggers keep their ids,
and running it again changes nothing. Real pipeline, real stores, the command line as users run it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select

from hadath.events.lexicon import LEXICON_DIR
from hadath.store import schema
from hadath.store.engine import resolve_url
from pg import postgres  # noqa: F401  (the session's server, a fixture)

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "tests" / "data" / "recode_corpus.jsonl"  # three outlets; two condemn with "أدانت"
PACKAGE_LEXICON = REPO / "src" / "hadath" / "events" / LEXICON_DIR
CONDEMN_LINE = "أدان/يدين\t111\tverb"  # the trigger line the tests change


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def new_db(request, tmp_path):
    """Makes new, empty stores: SQLite files, or databases on the session's PostgreSQL server."""
    def make(name: str) -> str:
        if request.param == "sqlite":
            return str(tmp_path / f"{name}.db")
        return request.getfixturevalue("postgres").new_database(f"r_{name}_{uuid.uuid4().hex[:8]}")
    return make


def hadath(*args: str, lexicon: Path | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "HADATH_LEXICON_DIR"}
    env["PYTHONPATH"] = str(REPO / "src")
    if lexicon is not None:
        env["HADATH_LEXICON_DIR"] = str(lexicon)
    done = subprocess.run([sys.executable, "-m", "hadath", *args], capture_output=True, text=True, env=env,
                          cwd=REPO, timeout=600)
    return done


def ok(done: subprocess.CompletedProcess) -> subprocess.CompletedProcess:
    assert done.returncode == 0, done.stderr
    return done


def changed_lexicon(tmp_path: Path, replace_with: str | None) -> Path:
    """The package's lexicon with the condemnation line dropped (None) or replaced."""
    folder = tmp_path / "lexicon"
    shutil.copytree(PACKAGE_LEXICON, folder)
    path = folder / "11.tsv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    hits = [i for i, line in enumerate(lines) if line.startswith(CONDEMN_LINE)]
    assert len(hits) == 1, "the condemnation line the test changes is not in 11.tsv"
    lines[hits[0]] = "" if replace_with is None else lines[hits[0]].replace(CONDEMN_LINE, replace_with)
    path.write_text("".join(lines), encoding="utf-8")
    return folder


CODED = [c.name for c in schema.mentions.c if c.name not in ("article_id", "idx", "event_id", "merged_by",
                                                             "coder_version")]
EVENT_CONTENT = [c.name for c in schema.events.c if c.name not in ("id", "coder_version", "source_url")]


def snapshot(db: str) -> dict:
    """mentions: (article, idx) -> (coded fields, event id); events: id -> content; every data table."""
    engine = create_engine(resolve_url(db))
    with engine.connect() as conn:
        mentions = {(r[0], r[1]): (tuple(r[2:-1]), r[-1]) for r in conn.execute(select(
            schema.mentions.c.article_id, schema.mentions.c.idx, *[schema.mentions.c[n] for n in CODED],
            schema.mentions.c.event_id))}
        events = {r.id: tuple(r[1:]) for r in conn.execute(
            select(schema.events.c.id, *[schema.events.c[n] for n in EVENT_CONTENT]))}
        tables = {t.name: sorted(map(tuple, conn.execute(select(*[c for c in t.c if c.name != "ingested_at"]))))
                  for t in schema.DATA_TABLES}
    engine.dispose()
    return {"mentions": mentions, "events": events, "tables": tables}


def by_content(snap: dict) -> list[tuple]:
    """The events as sets of their reports and their content, ids left out: stores equal but for ids compare equal."""
    reports: dict[int, set] = {}
    for (article, _), (coded, event_id) in snap["mentions"].items():
        reports.setdefault(event_id, set()).add((article, coded))
    return sorted((sorted(reports.get(i, ())), content) for i, content in snap["events"].items())


def reprocess(db: str, lexicon: Path | None, *args: str) -> dict:
    return json.loads(ok(hadath("reprocess", "--db", db, "--json", *args, lexicon=lexicon)).stdout)


def test_a_dropped_trigger_line_removes_exactly_its_events_and_the_rest_keep_their_ids(new_db, tmp_path):
    store, reference = new_db("store"), new_db("reference")
    lexicon = changed_lexicon(tmp_path, None)
    ok(hadath("ingest", str(CORPUS), "--db", store))
    before = snapshot(store)
    ok(hadath("ingest", str(CORPUS), "--db", reference, lexicon=lexicon))  # what the new coder makes from scratch

    dry = reprocess(store, lexicon, "--dry-run")
    assert snapshot(store)["tables"] == before["tables"], "--dry-run wrote to the store"
    summary = reprocess(store, lexicon)
    after = snapshot(store)

    # The store now holds exactly what a fresh ingest with the changed lexicon holds.
    assert by_content(after) == by_content(snapshot(reference))
    # What went: only mentions whose trigger is the dropped verb, and the events they alone made.
    gone_mentions = [coded for (a, i), (coded, _) in before["mentions"].items()
                     if (a, coded) not in {(a2, c2) for (a2, _), (c2, _) in after["mentions"].items()}]
    assert gone_mentions and all(m[CODED.index("cameo")] == "111" and "دان" in m[CODED.index("trigger_text")]
                                          for m in gone_mentions)
    removed = before["events"].keys() - after["events"].keys()
    assert len(removed) == summary["events"]["removed"] == dry["events"]["removed"] >= 1
    assert summary["events"]["added"] == dry["events"]["added"] == 0
    assert summary["events"] == dry["events"] and summary["examples"] == dry["examples"]
    # Every report found again is attached to the event it was attached to: ids stay.
    for key, (coded, event_id) in after["mentions"].items():
        old = [e for (a, _), (c, e) in before["mentions"].items() if a == key[0] and c == coded]
        assert old == [event_id]

    # Again: nothing is selected (the store is coded by this coder); with --all, everything is coded again
    # and nothing changes.
    assert reprocess(store, lexicon)["articles"] == 0
    again = reprocess(store, lexicon, "--all")
    assert again["articles"] == 3 and again["unchanged"] == 3 and again["events"] == {"added": 0, "removed": 0,
                                                                                      "changed": 0}
    assert snapshot(store)["tables"] == after["tables"]


def test_a_recoded_trigger_changes_its_events_and_restoring_the_lexicon_restores_the_store(new_db, tmp_path):
    store = new_db("store")
    ok(hadath("ingest", str(CORPUS), "--db", store))
    before = snapshot(store)
    accuse = changed_lexicon(tmp_path, "أدان/يدين\t112\tverb")  # condemn -> accuse
    summary = reprocess(store, accuse)
    after = snapshot(store)
    codes = {key: coded[CODED.index("cameo")] for key, (coded, _) in after["mentions"].items()}
    old_codes = {key: coded[CODED.index("cameo")] for key, (coded, _) in before["mentions"].items()}
    moved = [key for key in old_codes if old_codes[key] != codes[key]]
    assert moved and all((old_codes[k], codes[k]) == ("111", "112") for k in moved)
    assert summary["changed"] == 2 and summary["events"]["added"] + summary["events"]["changed"] >= 1
    # Back to the package's lexicon: the store is as first ingested (the coder version too).
    reprocess(store, None)
    restored = snapshot(store)
    assert by_content(restored) == by_content(before)


def test_selection_by_coder_version_and_bad_options(tmp_path):
    store = str(tmp_path / "store.db")
    ok(hadath("ingest", str(CORPUS), "--db", store))
    version = ok(hadath("reprocess", "--version")).stdout.strip()
    assert version.startswith("0.") and "+" in version
    assert reprocess(store, None, "--all", "--where-version-below", "0.0.1")["articles"] == 0
    assert reprocess(store, None, "--where-version-below", "999.0", "--dry-run")["articles"] == 3
    assert reprocess(store, None, "--all", "--source", "alarabiya.net", "--dry-run")["articles"] == 1
    assert reprocess(store, None, "--all", "--since", "2024-02-01", "--dry-run")["articles"] == 1
    for args, message in (
        (["--since", "yesterday"], "--since 'yesterday' is not a date"),
        (["--where-version-below", "new"], "not a coder version"),
        (["--workers", "0"], "--workers must be at least 1"),
    ):
        done = hadath("reprocess", "--db", store, *args)
        assert done.returncode == 1 and done.stderr.count("\n") == 1 and message in done.stderr, done.stderr
    done = hadath("reprocess", "--db", store, lexicon=tmp_path / "missing")
    assert done.returncode == 1 and "HADATH_LEXICON_DIR" in done.stderr and "Traceback" not in done.stderr


def test_an_interrupted_run_resumes_and_workers_and_dask_give_the_same_store(tmp_path):
    lexicon = changed_lexicon(tmp_path, None)
    stores = {name: str(tmp_path / f"{name}.db") for name in ("whole", "resumed", "workers", "dask")}
    for db in stores.values():
        ok(hadath("ingest", str(CORPUS), "--db", db))
    reprocess(stores["whole"], lexicon)
    # A run stopped after one outlet's articles: the next run takes only the articles not yet re-coded.
    assert reprocess(stores["resumed"], lexicon, "--source", "alarabiya.net")["articles"] == 1
    assert reprocess(stores["resumed"], lexicon)["articles"] == 2
    assert reprocess(stores["workers"], lexicon, "--workers", "2")["articles"] == 3
    assert reprocess(stores["dask"], lexicon, "--dask", "local", "--workers", "2")["articles"] == 3
    whole = snapshot(stores["whole"])["tables"]
    for name in ("resumed", "workers", "dask"):
        assert snapshot(stores[name])["tables"] == whole, name
