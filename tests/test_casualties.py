"""Casualty counts of violent acts: the reader (hadath.events.casualties) on sentences of our own
(tests/data/casualties.tsv), the same sentences through the whole pipeline, and the casualty stage's
rules across sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hadath.events.casualties import (
    CasualtyMention,
    Count,
    _words,
    casualties,
    casualty_words,
    number_at,
    number_words,
    read_casualties,
    tally,
)
from hadath.events.casualty_stage import VIOLENT_ROOTS
from hadath.model import Event
from sentence_events import coded_events

DATA = Path(__file__).parent / "data" / "casualties.tsv"


def parse_count(text: str) -> Count | None:
    """"12" -> 12; "10+" -> at least 10; "" -> None."""
    if not text:
        return None
    return Count(int(text.rstrip("+")), text.endswith("+"))


def rows() -> list[tuple[str, Count | None, Count | None, str]]:
    lines = [line for line in DATA.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    out = []
    for line in lines[1:]:
        sentence, fatalities, injured, what = line.split("\t")
        out.append((sentence, parse_count(fatalities), parse_count(injured), what))
    return out


ROWS = rows()


def test_the_sentence_set_is_large_and_covers_every_case() -> None:
    assert len(ROWS) >= 40
    assert len({sentence for sentence, *_ in ROWS}) == len(ROWS)
    counts = [c for _, f, i, _ in ROWS for c in (f, i)]
    assert any(c is not None and c.lower_bound for c in counts)
    assert sum(1 for _, f, i, _ in ROWS if f is None and i is None) >= 4  # no count given
    assert sum(1 for _, f, i, _ in ROWS if f is None and i is not None) >= 4  # injured only
    assert sum(1 for _, f, i, _ in ROWS if f is not None and i is not None) >= 8  # both


@pytest.mark.parametrize(("sentence", "fatalities", "injured"), [r[:3] for r in ROWS], ids=[r[3] for r in ROWS])
def test_reader_counts_the_killed_and_injured(sentence: str, fatalities: Count | None, injured: Count | None) -> None:
    found = casualties(sentence)
    assert (found.fatalities, found.injured) == (fatalities, injured)


def _together(events: list[Event], count: str, flag: str) -> Count | None:
    """The count the violent events of a sentence carry between them (each act's once)."""
    told = [Count(getattr(e, count), getattr(e, flag)) for e in events if getattr(e, count) is not None]
    if not told:
        return None
    return Count(sum(c.value for c in told), any(c.lower_bound for c in told))


@pytest.mark.parametrize(("sentence", "fatalities", "injured"), [r[:3] for r in ROWS], ids=[r[3] for r in ROWS])
def test_pipeline_sets_the_counts_on_the_violent_act(sentence: str, fatalities: Count | None,
                                                     injured: Count | None) -> None:
    events = coded_events(sentence)
    violent = [e for e in events if e.root in VIOLENT_ROOTS]
    if fatalities is not None or injured is not None:
        assert violent, [(e.cameo, e.trigger.text) for e in events]
    assert _together(violent, "fatalities", "fatalities_lower_bound") == fatalities
    assert _together(violent, "injured", "injured_lower_bound") == injured
    for event in events:
        if event.root not in VIOLENT_ROOTS:
            assert (event.fatalities, event.injured, event.fatalities_lower_bound, event.injured_lower_bound) == (
                None, None, False, False)


# -- numbers --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("words", "value", "lower_bound"), [
    ("ثلاثة", 3, False), ("ثلاث", 3, False), ("اثنان", 2, False), ("اثنين", 2, False), ("اثنتين", 2, False),
    ("إحدى عشرة", 11, False), ("اثنا عشر", 12, False), ("اثني عشر", 12, False), ("خمس عشرة", 15, False),
    ("عشرون", 20, False), ("عشرين", 20, False), ("ستة وثلاثون", 36, False), ("سبع وأربعين", 47, False),
    ("مئة", 100, False), ("مائة", 100, False), ("مئتين", 200, False), ("ثلاثمائة", 300, False),
    ("أربع مئة", 400, False), ("مئة وخمسون", 150, False), ("ثلاثة آلاف", 3000, False), ("عشرين ألفا", 20000, False),
    ("ألف ومئتان", 1200, False), ("١٢", 12, False), ("1,500", 1500, False), ("٣ آلاف", 3000, False),
    ("عشرات", 10, True), ("العشرات", 10, True), ("مئات", 100, True), ("آلاف", 1000, True),
    ("عشرات الآلاف", 10000, True), ("بضعة", 3, True),
])
def test_number_words_in_every_gender_and_case(words: str, value: int, lower_bound: bool) -> None:
    tokens = _words(words, 0)
    found = number_at(tokens, 0)
    assert found is not None and found == (Count(value, lower_bound), len(tokens))


def test_a_unit_then_a_unit_is_two_numbers_not_one() -> None:
    """Arabic puts units before tens ("خمسة وعشرون"); "خمسة وثلاثة" is a list of two counts."""
    assert number_at(_words("خمسة وثلاثة", 0), 0) == (Count(5), 1)


# -- counts of one act ------------------------------------------------------------------------------

def test_offsets_point_into_the_text_and_a_date_span_is_skipped() -> None:
    text = "قتل 4 أشخاص في 12 مارس"
    found = read_casualties(text, offset=100)
    assert [(m.kind, m.count, text[m.start - 100 : m.end - 100]) for m in found] == [("killed", Count(4), "4 أشخاص")]
    skipped = read_casualties("أصيب في 12 مارس 7 أشخاص", skip=[(6, 14)])
    assert [m.count for m in skipped] == [Count(7)]


def test_tally_adds_counts_and_a_running_total_replaces_them() -> None:
    def mention(kind: str, value: int, total: bool = False, lower: bool = False) -> CasualtyMention:
        return CasualtyMention(kind, Count(value, lower), 0, 1, total)

    assert tally([mention("killed", 3), mention("killed", 4)]).fatalities == Count(7)
    assert tally([mention("killed", 5), mention("killed", 8, total=True)]).fatalities == Count(8)
    assert tally([mention("killed", 12), mention("killed", 10, lower=True)]).fatalities == Count(22, True)
    assert tally([mention("injured", 9, total=True), mention("injured", 9, total=True, lower=True)]).injured == Count(9)
    assert tally([]).fatalities is None


@pytest.mark.parametrize(("text", "fatalities", "injured"), [
    ("مقتل زعيم التنظيم و3 من مرافقيه", 4, None),
    ("قتل جندي واحد", 1, None),
    ("ملاحقة شرطيين قتلوا 13 متظاهراً", 13, None),  # the two policemen are the killers
    ("قال مسؤول إن 11 مدنياً وأربعة من رجال الشرطة قتلوا في التفجير", 15, None),
    ("سقط عشرات العراقيين بين قتيل وجريح", None, None),
    ("سقوط قتيل وجريحين", 1, 2),
    ("قتل 3 جنود إسرائيليين ومدني", 4, None),
    ("أسفر الحادث عن مقتل صبي، 16 سنة", 1, None),
    ("لم يقتل أحد في الهجوم", None, None),
    ("أسفر الهجوم عن سقوط قتلى وجرحى", None, None),
    ("أصيب 5 منازل بأضرار", None, None),
    ("ارتفعت حصيلة الهجوم من 5 إلى 8 قتلى", 8, None),
    ("قتل المسلحون الجندي", None, None),  # a definite singular after a verb may be its doer
])
def test_what_is_and_is_not_a_count(text: str, fatalities: int | None, injured: int | None) -> None:
    found = casualties(text)
    assert (found.fatalities and found.fatalities.value, found.injured and found.injured.value) == (fatalities, injured)


def test_word_lists_are_well_formed() -> None:
    kinds = {"act", "verb", "after", "noun", "toll", "breakdown", "min", "min_after", "person", "thing",
             "not_count", "negation", "outcome"}
    for senses in casualty_words().values():
        for sense in senses:
            assert sense.kind in kinds
            if sense.kind in ("act", "verb", "after", "noun"):
                assert sense.category in ("killed", "injured")
    assert all(set(entry) <= {"unit", "teen", "ten", "hundred", "thousand", "vague"} for entry in number_words().values())


# -- the stage, across sentences ---------------------------------------------------------------------

def violent(text: str) -> list[tuple[int, str, int | None, int | None]]:
    return [(e.sentence, e.trigger.text, e.fatalities, e.injured) for e in coded_events(text) if e.root in VIOLENT_ROOTS]


def test_the_next_sentence_adds_the_injured_once() -> None:
    events = violent("انفجرت سيارة مفخخة في سوق بمدينة تكريت ما أدى إلى مقتل 6 أشخاص. وأصيب 17 آخرون بجروح.")
    assert events[0][2:] == (6, 17)
    assert sum(e[3] or 0 for e in events) == 17  # not again on the second sentence's act


def test_a_later_running_total_raises_the_toll_of_the_act() -> None:
    events = violent("قتل 4 أشخاص في هجوم بالقنابل على سوق في مدينة جوبا. وارتفعت الحصيلة مساء إلى 9 قتلى.")
    assert events[0][2] == 9 and sum(e[2] or 0 for e in events) == 9


def test_a_sentence_telling_the_outcome_continues_the_act_before() -> None:
    events = violent("فجر انتحاري نفسه قرب مركز للشرطة في مدينة كويتا. وأسفر التفجير عن مقتل 11 شخصاً.")
    assert events[0][0] == 0 and events[0][2] == 11


def test_a_new_act_in_the_next_sentence_keeps_its_own_toll() -> None:
    events = violent("اقتحم مسلحون مقراً للشرطة في مدينة سرت. وفي بنغازي قصفت طائرات حربية مخزنا للذخيرة، "
                     "ما أدى إلى مقتل شخص وإصابة 6 آخرين.")
    assert (events[0][2], events[0][3]) == (None, None)
    assert (events[-1][0], events[-1][2], events[-1][3]) == (1, 1, 6)


def test_a_toll_told_after_its_act_is_that_acts() -> None:
    # "استشهد شرطي وأصيب 6" names no doer: the storming's toll (one act, one event), not an act of its own
    events = violent("اقتحم مسلحون مقراً للشرطة في مدينة سرت. واستشهد شرطي وأصيب 6 أشخاص في اشتباكات مع المسلحين.")
    assert [(e[0], e[2], e[3]) for e in events] == [(0, 1, 6)]


def test_a_non_violent_event_has_no_counts_even_beside_numbers() -> None:
    events = coded_events("وقعت مصر والأردن 12 اتفاقية للتعاون في عمّان بحضور 300 مستثمر.")
    assert events and all(e.fatalities is None and e.injured is None for e in events)


def test_extract_output_carries_the_fields_and_reads_back() -> None:
    from datetime import date

    from hadath.model import Article
    from hadath.pipeline import run

    article = run(Article(text="قتل 3 جنود وأصيب 20 آخرون في هجوم على ثكنة قرب مدينة الرمادي.",
                          published=date(2024, 3, 10), source="s"))
    written = json.loads(json.dumps(article.to_dict(), ensure_ascii=False))
    event = next(e for e in written["events"] if e["root"] in VIOLENT_ROOTS)
    assert {k: event[k] for k in ("fatalities", "injured", "fatalities_lower_bound", "injured_lower_bound")} == {
        "fatalities": 3, "injured": 20, "fatalities_lower_bound": False, "injured_lower_bound": False}
    again = Article.from_dict(written)
    assert [(e.fatalities, e.injured) for e in again.events] == [(e.fatalities, e.injured) for e in article.events]
