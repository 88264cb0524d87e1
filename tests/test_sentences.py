"""Sentence splitting: boundaries, the places a full stop is not one, and exact offsets."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hadath.clean import clean
from hadath.model import Article
from hadath.sentences import quoted_spans, split_sentences, split_text


def pieces(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_text(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وصل الوفد. وبدأت المحادثات.", ["وصل الوفد.", "وبدأت المحادثات."]),
        ("هل تنجح المحادثات؟ لا أحد يعرف!", ["هل تنجح المحادثات؟", "لا أحد يعرف!"]),
        ("انتهى الاجتماع؛ وغادر الوفد", ["انتهى الاجتماع؛", "وغادر الوفد"]),
        ("Is it over? Yes", ["Is it over?", "Yes"]),
        ("ماذا حدث؟! لا شيء", ["ماذا حدث؟!", "لا شيء"]),
        # numbers
        ("بلغ النمو 3.5 في المئة. وارتفع", ["بلغ النمو 3.5 في المئة.", "وارتفع"]),
        ("شارك 2.000 متظاهر في المسيرة.", ["شارك 2.000 متظاهر في المسيرة."]),
        ("في عام 2017. وبعد ذلك", ["في عام 2017.", "وبعد ذلك"]),
        # abbreviations and initials
        ("التقى د. أحمد بالوزير.", ["التقى د. أحمد بالوزير."]),
        ("قال أ. د. سامي إن الوضع صعب.", ["قال أ. د. سامي إن الوضع صعب."]),
        ("وصل م. خالد إلى الموقع. ثم عاد", ["وصل م. خالد إلى الموقع.", "ثم عاد"]),
        ("قالت القوات U.S. إنها انسحبت.", ["قالت القوات U.S. إنها انسحبت."]),
        ("Dr. Smith arrived. Then left", ["Dr. Smith arrived.", "Then left"]),
        ("زار الموقع example.com أمس.", ["زار الموقع example.com أمس."]),
        # list numbers
        ("1. الرياضة: برنامج تنفيذي. 2. الشباب: برنامج آخر.", ["1. الرياضة: برنامج تنفيذي.", "2. الشباب: برنامج آخر."]),
        # quotes and brackets closing on the line
        ('قال: "انتهى الأمر. سنمضي قدما" ثم غادر. وبعدها', ['قال: "انتهى الأمر. سنمضي قدما" ثم غادر.', "وبعدها"]),
        ("قال «لن نتراجع. أبدا» وغادر.", ["قال «لن نتراجع. أبدا» وغادر."]),
        ("الأطراف (روسيا. تركيا. إيران) اجتمعت. ثم", ["الأطراف (روسيا. تركيا. إيران) اجتمعت.", "ثم"]),
        # a quote that does not close on the line does not protect
        ("قال «لن نتراجع. وغادر", ["قال «لن نتراجع.", "وغادر"]),
        # a closing quote after the full stop belongs to the sentence
        ("وأضاف: «هذا يكفي.» ثم صمت.", ["وأضاف: «هذا يكفي.» ثم صمت."]),
        # pauses
        ("زيارة الرئيس إلى تركيا.. لماذا الآن؟", ["زيارة الرئيس إلى تركيا.. لماذا الآن؟"]),
        ("رئيسا للوزراء… في عهد المالكي.", ["رئيسا للوزراء… في عهد المالكي."]),
        ("والقائمة تطول...", ["والقائمة تطول..."]),
        # a full stop glued to the next word still ends the sentence
        ("لن تساعد البلاد بعد الآن.وقال ترمب", ["لن تساعد البلاد بعد الآن.", "وقال ترمب"]),
        # lines
        ("عنوان الخبر\n12 فبراير 2025\n\nنص الخبر. جملة ثانية", ["عنوان الخبر", "12 فبراير 2025", "نص الخبر.", "جملة ثانية"]),
        # nothing empty, nothing made of punctuation only
        ("  . . ؟  \n\n - \n", []),
        ("", []),
    ],
)
def test_split(text: str, expected: list[str]) -> None:
    assert pieces(text) == expected


def test_offsets_are_stripped_and_point_into_the_text() -> None:
    text = "  عنوان  \n\n   الجملة الأولى.   الجملة الثانية!  "
    sentences = split_text(text)
    assert [(s.start, s.end) for s in sentences] == [(2, 7), (14, 28), (31, 46)]
    assert [text[s.start : s.end] for s in sentences] == ["عنوان", "الجملة الأولى.", "الجملة الثانية!"]


def test_quoted_spans_match_pairs_on_the_line() -> None:
    assert quoted_spans('أ "ب" (ج «د») ه') == [(2, 4), (9, 11), (6, 12)]
    assert quoted_spans("«مفتوح فقط") == []


def test_split_sentences_fills_the_article() -> None:
    article = split_sentences(Article(text="العنوان\nوصل الوفد. وبدأت المحادثات."))
    assert [article.sentence_text(i) for i in range(len(article.sentences))] == [
        "العنوان", "وصل الوفد.", "وبدأت المحادثات."]


def test_real_sample_sentences_are_clean_and_ordered(shared: Path) -> None:
    [path] = sorted((shared / "samples").glob("000_*.txt"))
    article = split_sentences(clean(Article(text=path.read_text(encoding="utf-8"))))
    spans = [(s.start, s.end) for s in article.sentences]
    assert len(spans) >= 25
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:], strict=False))
    for start, end in spans:
        piece = article.text[start:end]
        assert piece == piece.strip() and piece and "\n" not in piece
    # The headline is a sentence of its own.
    assert article.sentence_text(0) == article.text.split("\n", 1)[0]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=list("وزير الخارجية 3.5 د.م\n\n.؟?!؛…«»\"()[]“” "), max_size=200))
def test_any_text_gives_ordered_stripped_sentences_within_lines(text: str) -> None:
    sentences = split_text(text)
    previous_end = 0
    for sentence in sentences:
        piece = text[sentence.start : sentence.end]
        assert previous_end <= sentence.start < sentence.end <= len(text)
        assert piece == piece.strip() and "\n" not in piece
        assert any(c.isalnum() for c in piece)
        previous_end = sentence.end
    # Nothing with a letter or digit is lost.
    covered = set()
    for sentence in sentences:
        covered.update(range(sentence.start, sentence.end))
    assert all(i in covered for i, c in enumerate(text) if c.isalnum())
