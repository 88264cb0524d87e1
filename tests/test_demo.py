"""`hadath demo` on the example articles, its printing, and the CAMEO table it names codes from."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from hadath.cli import main
from hadath.commands.demo import describe_article, find_examples, shorten
from hadath.events.cameo import CameoCode, cameo_name, load_cameo
from hadath.model import Article, Event, Participant, Sentence, Trigger

REPO = Path(__file__).resolve().parents[1]


def examples_coded_as_their_gold() -> tuple[set[str], set[str]]:
    """Titles of the example articles whose extracted events match their gold, and of the others,
    scored here independently of the demo (hadath.evaluate on each article's output)."""
    from hadath import pipeline
    from hadath.evaluate import gold_name_of, load_gold, score_article
    from hadath.read import read_inputs

    gold = load_gold(REPO / "examples" / "gold")
    right, wrong = set(), set()
    for article in pipeline.run_all(read_inputs([str(REPO / "examples")])):
        result = score_article(gold[gold_name_of(article.source, gold)], article.to_dict())
        agrees = not (result.missed_events or result.spurious_events or result.disagreements)
        (right if agrees else wrong).add(article.title)
    return right, wrong


def test_cameo_table_rows() -> None:
    table = load_cameo()
    assert table["042"] == CameoCode("042", "Make a visit", 1.9, 1, "CONSULT")
    assert table["190"].quad_class == 4 and table["190"].goldstein == -10.0
    assert table["16"].name == "REDUCE RELATIONS"
    assert len(table) == 312
    assert {entry.quad_class for entry in table.values()} == {1, 2, 3, 4}


def test_cameo_name_falls_back_to_the_longest_known_prefix() -> None:
    assert cameo_name("043") == "Host a visit"
    assert cameo_name("0429") == "Make a visit"
    assert cameo_name("99") is None


def test_shorten_cuts_at_a_space() -> None:
    assert shorten("  أعلنت   الوزارة\nاليوم ") == "أعلنت الوزارة اليوم"
    assert shorten("أعلنت وزارة الخارجية اليوم", width=16) == "أعلنت وزارة…"


def test_describe_article_prints_title_date_and_events() -> None:
    text = "سيزور وزير الخارجية التركي طهران الأربعاء المقبل."
    article = Article(
        text=text,
        source="examples/x.txt",
        title="زيارة مرتقبة",
        published=date(2024, 3, 10),
        published_from="text",
        sentences=[Sentence(0, len(text))],
    )
    article.events.append(
        Event(
            sentence=0,
            trigger=Trigger("سيزور", 0, 5),
            source=Participant("وزير الخارجية التركي", "TURGOV", "TUR", name="Turkey"),
            target=Participant("طهران", "IRN", "IRN"),
            cameo="042",
            root="04",
            quad_class=1,
            goldstein=1.9,
            plover="CONSULT",
            status="planned",
            date="2024-03-13",
            date_precision="day",
        )
    )
    assert describe_article(article).splitlines() == [
        "== زيارة مرتقبة",
        "   examples/x.txt",
        "   published 2024-03-10 (from text); 1 sentences, 0 entities, 0 dates, 1 events",
        "  2024-03-13      planned      Turkey (TURGOV) → طهران (IRN)  042 Make a visit",
        f"      «سيزور» {text}",
    ]


def test_describe_article_with_an_error() -> None:
    article = Article(text="", source="bad.txt", error="not Arabic text")
    assert describe_article(article) == "== (untitled)\n   bad.txt\n   error: not Arabic text"


def test_examples_are_found_beside_the_package() -> None:
    assert find_examples() == REPO / "examples"


def test_demo_shows_and_stores_only_examples_coded_as_their_gold(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from hadath.store import Store

    db = tmp_path / "demo.db"
    assert main(["demo", "--no-serve", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    headings = {line[3:] for line in out.splitlines() if line.startswith("== ")}
    right, wrong = examples_coded_as_their_gold()
    assert headings == right and len(right) >= 4  # a first screen worth showing
    assert not headings & wrong
    assert f"{len(wrong)} more examples not shown" in out
    statuses = {line[18:30].strip() for line in out.splitlines() if line.startswith(("  20", "  date unknown"))}
    assert {"planned", "cancelled", "occurred"} <= statuses  # the first screen tells them apart
    stored = Store(str(db)).articles(limit=None)
    assert set(stored["title"]) == right  # the dashboard shows the same articles


def test_an_example_whose_events_differ_from_its_gold_is_left_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json
    import shutil

    folder = tmp_path / "examples"
    (folder / "gold").mkdir(parents=True)
    for name in ("aid-sent", "visit-cancelled"):
        shutil.copy(REPO / "examples" / f"{name}.txt", folder)
        shutil.copy(REPO / "examples" / "gold" / f"{name}.json", folder / "gold")
    # The cancelled visit's gold now says it happened: Hadath's (right) reading no longer agrees.
    gold = json.loads((folder / "gold" / "visit-cancelled.json").read_text(encoding="utf-8"))
    gold["events"][0]["status"] = "occurred"
    (folder / "gold" / "visit-cancelled.json").write_text(json.dumps(gold), encoding="utf-8")
    assert main(["demo", "--no-serve", "--path", str(folder), "--db", str(tmp_path / "d.db")]) == 0
    out = capsys.readouterr().out
    assert [line[3:] for line in out.splitlines() if line.startswith("== ")] == [
        "الإمارات ترسل طائرة مساعدات طبية إلى السودان"]
    assert "1 more examples not shown" in out and "visit-cancelled.txt (1 with another status or date)" in out


def test_a_folder_without_gold_is_shown_whole_and_said_to_be_unchecked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    shutil.copy(REPO / "examples" / "strike.txt", tmp_path)
    assert main(["demo", "--no-serve", "--path", str(tmp_path / "strike.txt"), "--db", str(tmp_path / "d.db")]) == 0
    out = capsys.readouterr().out
    assert "== غارات تركية على مواقع في شمال العراق" in out and "shown unchecked" in out


def test_demo_on_a_missing_path_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--path", str(tmp_path / "nowhere")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("hadath demo: ") and err.count("\n") == 1
