"""The cache of data built at start-up (hadath.derived_cache): a second process loads what the first
built, a changed input file builds afresh, a damaged or unwritable cache only costs a rebuild, and
"off" turns it off. Real files in a temporary folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from hadath import derived_cache

REPO = Path(__file__).resolve().parents[1]


def test_what_one_build_writes_the_next_reads_until_an_input_changes(tmp_path, monkeypatch):
    monkeypatch.setenv(derived_cache.SETTING, str(tmp_path / "cache"))
    source = tmp_path / "words.tsv"
    source.write_text("a\n", encoding="utf-8")
    builds = []

    def build() -> list[str]:
        builds.append(1)
        return source.read_text(encoding="utf-8").split()

    assert derived_cache.cached("words", [source], build) == ["a"]
    assert derived_cache.cached("words", [source], build) == ["a"]
    assert len(builds) == 1  # the second call read the file the first wrote
    source.write_text("a\nb\n", encoding="utf-8")
    assert derived_cache.cached("words", [source], build) == ["a", "b"]
    assert len(builds) == 2
    assert len(list((tmp_path / "cache").glob("words-*.pickle"))) == 1  # the stale build is gone


def test_a_damaged_or_unwritable_cache_only_costs_a_rebuild(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(derived_cache.SETTING, str(folder))
    source = tmp_path / "words.tsv"
    source.write_text("a\n", encoding="utf-8")
    derived_cache.cached("words", [source], lambda: ["a"])
    [written] = folder.glob("words-*.pickle")
    written.write_bytes(b"not a pickle")
    assert derived_cache.cached("words", [source], lambda: ["rebuilt"]) == ["rebuilt"]
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(derived_cache.SETTING, str(blocker / "cache"))  # a folder that cannot be made
    assert derived_cache.cached("words", [source], lambda: ["in memory"]) == ["in memory"]
    monkeypatch.setenv(derived_cache.SETTING, "off")
    assert derived_cache.cache_folder() is None


def test_a_command_gives_the_same_events_built_and_loaded(tmp_path):
    article = tmp_path / "a.jsonl"
    article.write_text('{"source": "a", "published": "2024-03-10", "text": "زار الرئيس التركي طهران واتهمت '
                       'إيران واشنطن بدعم الإرهاب."}\n', encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), derived_cache.SETTING: str(tmp_path / "cache")}
    runs = [subprocess.run([sys.executable, "-m", "hadath", "extract", str(article)], capture_output=True,
                           text=True, env=env, check=True).stdout for _ in range(2)]
    assert sorted(p.name.split("-")[0] for p in (tmp_path / "cache").glob("*.pickle")) == ["event", "ner"]
    assert runs[0] == runs[1] and '"cameo": "112"' in runs[0]
