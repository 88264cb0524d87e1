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
EXAMPLE_TITLES = [
    "وزير الخارجية التركي يزور طهران الأسبوع المقبل",  # visit-announced.txt
    "محادثات مصرية أردنية في القاهرة",  # talks-held.html
    "قطر تدين الهجوم على قافلة مساعدات أممية في دارفور",  # news.jsonl, line 1
    "موسكو تنفي قصف ميناء أوديسا",  # news.jsonl, line 2
    "تأجيل القمة العربية الأفريقية إلى مطلع العام المقبل",  # summit-postponed.txt
    "غارات تركية على مواقع في شمال العراق",  # strike.txt
]


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


def test_demo_prints_every_example_title(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--no-serve", "--db", str(tmp_path / "demo.db")]) == 0
    out = capsys.readouterr().out
    headings = [line[3:] for line in out.splitlines() if line.startswith("== ")]
    assert sorted(headings) == sorted(EXAMPLE_TITLES)
    assert "published 2024-05-06 (from metadata)" in out  # the html page's article:published_time
    assert "published 2024-06-12" in out  # the jsonl line's published


def test_demo_on_a_missing_path_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--path", str(tmp_path / "nowhere")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("hadath demo: ") and err.count("\n") == 1
