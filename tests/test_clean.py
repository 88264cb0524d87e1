"""The clean stage on invented page furniture, and on the real scraped sample for measurement."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hadath.clean import clean, clean_text, is_date_line
from hadath.model import Article

BODY_1 = "أعلنت وزارة الخارجية أن الوزير سيزور العاصمة الأردنية يوم الأحد المقبل لبحث العلاقات الثنائية."
BODY_2 = "وقال المتحدث باسم الوزارة إن الزيارة تأتي في إطار التنسيق المستمر بين البلدين."
BODY_3 = "وكانت الحكومة قد أعلنت الشهر الماضي عن خطة لتوسيع التبادل التجاري."
TITLE = "وزير الخارجية يزور عمّان الأحد"


def cleaned(*lines: str, title: str | None = None) -> str:
    return clean_text("\n".join(lines), title)[0]


def removed(*lines: str, title: str | None = None) -> list[str]:
    return clean_text("\n".join(lines), title)[1]


@pytest.mark.parametrize(
    "line",
    [
        "اقرأ أيضًا: الحكومة تقر موازنة العام المقبل",
        "اقرأ أيضا",
        "إقرأ أيضاً: انتخابات بلدية في الجنوب",
        "اقرأ أيضًاانتخابات بلدية في الجنوب.. ماذا تغير؟",  # glued to the linked headline
        "اقرأ ايضا - افتتاح معرض الكتاب",
        "شارك",
        "شارك الخبر",
        "شارك على فيسبوك",
        "+ الخط -",
        "المساهمون",
        "الساعة : 14:50",
        "الساعة 9:05",
        "جهازك لا يدعم تشغيل الفيديو",
        "مصدر الصورة .",
        "Image caption جانب من الاجتماع",
        "More forecasts: Wetter 4 wochen",
        "Define your generation here",
        "<img src=http://example.org/a.jpg width=100>",
        "نستخدم ملفات تعريف الارتباط لتحسين تجربتك",
        "القاهرة 24° C",
        "جانب من الاجتماع scaled",
        "وزير الخارجية في المؤتمر-1024x683",
        "صورة الوزير.jpg",
        "انفجار في المنطقة - المصدر: صفحة الجيش على فيسبوك",
        "***",
        "|",
    ],
)
def test_furniture_lines_go(line: str) -> None:
    assert cleaned(TITLE, "", BODY_1, line, BODY_2) == f"{TITLE}\n\n{BODY_1}\n{BODY_2}"
    assert removed(TITLE, "", BODY_1, line, BODY_2) == [line]


def test_furniture_words_inside_a_long_paragraph_do_not_drop_it() -> None:
    paragraph = " ".join([BODY_1, BODY_2, BODY_3, "وقال مصدر - المصدر: إن ملفات تعريف الارتباط ليست موضوع الاجتماع.", BODY_1])
    assert cleaned(TITLE, paragraph) == f"{TITLE}\n{paragraph}"


def test_most_read_list_goes_up_to_the_blank_line() -> None:
    text = [TITLE, "", BODY_1, "الأكثر قراءة", "مقتل ثلاثة في انفجار بالعاصمة", "الرئيس يستقبل وفدا برلمانيا",
            "", BODY_2]
    assert cleaned(*text) == f"{TITLE}\n\n{BODY_1}\n\n{BODY_2}"


def test_most_read_list_stops_at_a_paragraph() -> None:
    text = [TITLE, "", BODY_1, "ربما يعجبك أيضا:", "مقتل ثلاثة في انفجار بالعاصمة", BODY_2]
    assert cleaned(*text) == f"{TITLE}\n\n{BODY_1}\n{BODY_2}"


def test_navigation_menu_run_goes() -> None:
    text = ["أخبار", "حوادث", "رياضة", "فن", "اقتصاد", "", TITLE, "", BODY_1]
    assert cleaned(*text) == f"{TITLE}\n\n{BODY_1}"


def test_two_short_lines_are_not_a_menu() -> None:
    text = [TITLE, "", "الحدث", "", BODY_1, "", "الرأي", "", BODY_2, "", "الخلاصة", "", BODY_3]
    assert cleaned(*text) == "\n\n".join(text[::2])


def test_section_words_between_paragraphs_stay() -> None:
    text = [TITLE, "", "الحدث", "", BODY_1, "", "الرأي", "", BODY_2]
    assert cleaned(*text) == "\n".join(text)


def test_caption_with_credit_in_parentheses_goes() -> None:
    caption = "يصافح الوزير نظيره في العاصمة (محمد علي/ فرانس برس)"
    assert cleaned(TITLE, caption, BODY_1) == f"{TITLE}\n{BODY_1}"


def test_caption_with_agency_credit_goes() -> None:
    assert cleaned(TITLE, "جانب من الاجتماع (رويترز)", BODY_1) == f"{TITLE}\n{BODY_1}"


def test_credit_alone_takes_its_caption_with_it() -> None:
    assert cleaned(TITLE, "", BODY_1, "", "جانب من الاجتماع", "(أ ف ب)", "", BODY_2) == f"{TITLE}\n\n{BODY_1}\n\n{BODY_2}"


def test_agency_credit_in_parentheses_alone_at_the_end_goes() -> None:
    assert cleaned(TITLE, BODY_1, BODY_2, "(أ ف ب)") == f"{TITLE}\n{BODY_1}\n{BODY_2}"


def test_agency_name_alone_stays_it_names_the_source() -> None:
    # "الأناضول" closing an article says who reported it: an organisation mention, not furniture.
    assert cleaned(TITLE, BODY_1, "الأناضول") == f"{TITLE}\n{BODY_1}\nالأناضول"


def test_parentheses_inside_a_paragraph_are_not_a_credit() -> None:
    line = "قال المسؤول إن الأطراف الضامنة (روسيا وتركيا وإيران) ستجتمع قريبا"
    assert cleaned(TITLE, line) == f"{TITLE}\n{line}"


def test_repeated_short_caption_goes_every_time() -> None:
    caption = "الوزيران خلال المؤتمر الصحفي"
    text = [TITLE, "", BODY_1, "", caption, "", caption, "", BODY_2, "", caption, "", BODY_3]
    assert cleaned(*text) == f"{TITLE}\n\n{BODY_1}\n\n{BODY_2}\n\n{BODY_3}"


def test_repeated_title_kept_once() -> None:
    text = [TITLE, "", "الساعة : 10:15", "12 فبراير 2025", TITLE, "", BODY_1]
    assert cleaned(*text) == f"{TITLE}\n\n12 فبراير 2025\n\n{BODY_1}"


def test_known_title_drops_the_page_header_above_it() -> None:
    text = ["الخميس 07 نوفمبر 2024", "موجز الأخبار: انفجار في الميناء يوقع جرحى", "", TITLE, "", BODY_1, BODY_2]
    assert cleaned(*text, title=TITLE) == f"{TITLE}\n\n{BODY_1}\n{BODY_2}"


def test_known_title_near_the_end_does_not_drop_the_body() -> None:
    text = [BODY_1, BODY_2, BODY_3, TITLE]
    assert cleaned(*text, title=TITLE) == "\n".join(text)


def test_repeated_paragraph_keeps_the_paragraph_over_its_summary_bullet() -> None:
    text = [TITLE, "- " + BODY_1.rstrip("."), BODY_1, BODY_2, BODY_1]
    assert cleaned(*text) == f"{TITLE}\n{BODY_1}\n{BODY_2}"


@pytest.mark.parametrize(
    "line",
    ["12 فبراير 2025", "السبت 18/نوفمبر/2023 - 05:56 م", "١٠ مايو ٢٠١٩ - ٠٨:٣٧ م", "16 ابريل 2023",
     "21 تشرين الأول 2023", "01 10:50 2020 أوت", "الأربعاء ٨ أكتوبر ٢٠٢٥ الساعة ٢:٥٧ مساءً"],
)
def test_datelines_are_dates_and_stay(line: str) -> None:
    assert is_date_line(line)
    assert cleaned(TITLE, line, BODY_1) == f"{TITLE}\n{line}\n{BODY_1}"


@pytest.mark.parametrize("line", ["زيارة مؤجلة", "قمة 2024", "الحدث"])
def test_not_datelines(line: str) -> None:
    assert not is_date_line(line)


def test_blank_runs_collapse_and_characters_are_kept() -> None:
    body = "وقال الوزيرُ إنّ اللقاءَ «مثمر» ـــ جداً."
    text = f"\n\n{TITLE}\r\n\r\n\r\n\n  {body}  \n\n\n\n{BODY_2}\n\n"
    assert cleaned(text) == f"{TITLE}\n\n{body}\n\n{BODY_2}"


def test_clean_sets_removed_raw_text_and_title() -> None:
    text = f"{TITLE}\n\nاقرأ أيضا: خبر آخر\n{BODY_1}"
    article = clean(Article(text=text))
    assert (article.text, article.raw_text, article.removed, article.title) == (
        f"{TITLE}\n\n{BODY_1}", text, ["اقرأ أيضا: خبر آخر"], TITLE)


def test_clean_does_not_take_a_paragraph_or_a_dateline_for_a_title() -> None:
    assert clean(Article(text=f"{BODY_1}\n{BODY_2}")).title is None
    assert clean(Article(text=f"الخرطوم – خاص – 28 / يناير / 2026\n{BODY_1}")).title is None


def test_cleaning_twice_changes_nothing_more() -> None:
    text = "\n".join(["أخبار", "حوادث", "رياضة", "", TITLE, "", "اقرأ أيضا: خبر", BODY_1, "", "صورة الوزيرين",
                     "صورة الوزيرين", "", BODY_2, "الأكثر قراءة", "خبر آخر", "", BODY_3])
    once = clean_text(text)[0]
    assert once == f"{TITLE}\n\n{BODY_1}\n\n{BODY_2}\n\n{BODY_3}"
    assert clean_text(once)[0] == once


# --- the real scraped page (measurement, not rules) --------------------------------------------

READ_ALSO = re.compile(r"^\s*[اإ]قرأ\s+[أا]يض")


def sample(shared: Path, prefix: str) -> str:
    [path] = sorted((shared / "samples").glob(f"{prefix}_*.txt"))
    return path.read_text(encoding="utf-8")


def test_scraped_sample_loses_read_also_and_keeps_every_paragraph(shared: Path) -> None:
    raw = sample(shared, "000")
    text = clean(Article(text=raw)).text
    raw_lines = [line.strip() for line in raw.splitlines() if line.strip()]
    read_also = [line for line in raw_lines if READ_ALSO.match(line)]
    assert len(read_also) >= 5  # the sample is what this test says it is
    assert not [line for line in text.splitlines() if READ_ALSO.match(line)]
    paragraphs = [line for line in raw_lines if len(line.split()) >= 12 and line.endswith(".")]
    assert len(paragraphs) >= 10
    kept = set(text.splitlines())
    assert [p for p in paragraphs if p not in kept] == []
    # Every kept line is a line of the page, character for character.
    assert set(text.splitlines()) - {""} <= set(raw_lines)


def test_analysis_brief_keeps_headline_once_dateline_and_section_words(shared: Path) -> None:
    raw = sample(shared, "003")
    raw_lines = [line.strip() for line in raw.splitlines() if line.strip()]
    headline = raw_lines[0]
    assert raw_lines.count(headline) == 2
    article = clean(Article(text=raw))
    lines = article.text.splitlines()
    assert lines.count(headline) == 1 and lines[0] == headline
    datelines = [line for line in raw_lines if is_date_line(line)]
    assert datelines and all(d in lines for d in datelines)
    short = [line for line in raw_lines if len(line.split()) == 1]
    assert short and all(s in lines for s in short)
    assert not [line for line in lines if re.fullmatch(r"الساعة\s*:?\s*\d+:\d+", line)]


LINE_POOL = [TITLE, BODY_1, BODY_2, BODY_3, "", "", "اقرأ أيضا: خبر", "أخبار", "رياضة", "الحدث", "12 فبراير 2025",
             "صورة (رويترز)", "Live", "الأكثر قراءة", "شارك", "  ", "- " + BODY_1]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(LINE_POOL), max_size=25))
def test_cleaned_lines_are_lines_of_the_input_and_removed_accounts_for_the_rest(lines: list[str]) -> None:
    text = "\n".join(lines)
    out, dropped, _ = clean_text(text)
    kept = [line for line in out.split("\n") if line]
    assert "\n\n\n" not in out and out == out.strip()
    assert sorted(kept + dropped) == sorted(line.strip() for line in lines if line.strip())


def test_a_text_whose_every_line_reads_as_boilerplate_is_kept_as_it_came() -> None:
    from hadath.clean import clean
    from hadath.model import Article

    # a one-line report with a photo credit under it reads as a caption and its credit: both would go
    text = "قتل 12 شخصا في هجوم على القوات\n(لؤي بشارة/ فرانس برس)"
    assert clean(Article(text=text, source="t")).text == text
