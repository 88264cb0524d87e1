"""The bisection helpers that keep a long sentence linear give what the scans they replace gave."""

from __future__ import annotations

import itertools

import pytest

from hadath.events.lexicon import ending_within, load_lexicon, opening_within
from hadath.events.participants import ActorMention, Clauses, _position, _token_starting_at, clause_span
from hadath.events.stage import _continuing
from hadath.model import DateMention
from hadath.text.spans import ByStart, Spans
from hadath.text.tokens import tokenize

SENTENCES = [
    "زار قالن طهران، حيث اجتمع مع أحمديان وخطيب.",
    "أعلنت الوزارة أن الوزير سيزور طهران، وإيران استهدفت السفينة التي قصفها الجيش: لا تعليق؛ انتهى",
    "الهجوم الذي استهدف زوار المرقد بينما كان الوزير في بغداد، كذلك رومانيا اتهمت إيران",
    "تركيا وإيران سيبحثان",
    "",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_clauses_are_clause_span_at_every_token(sentence: str) -> None:
    tokens = tokenize(sentence)
    clauses = Clauses(tokens)
    assert [clauses.around(i) for i in range(len(tokens))] == [clause_span(tokens, i) for i in range(len(tokens))]


def test_clauses_of_a_sentence():
    tokens = tokenize("زار قالن طهران، حيث اجتمع مع أحمديان.")
    # "،" then "حيث" close the first clause; "." ends the second
    assert Clauses(tokens).around(1) == (0, 3) and Clauses(tokens).around(5) == (5, 7)


SPANS = [(0, 5), (3, 4), (10, 12), (10, 11), (20, 30), (25, 26)]


def test_spans_overlap_as_a_scan_of_them_all():
    spans = Spans.of(SPANS)
    for start, end in itertools.combinations(range(-1, 33), 2):
        assert spans.overlaps(start, end) == any(s < end and start < e for s, e in SPANS), (start, end)
    assert not Spans.of([]).overlaps(0, 10)


def test_the_furthest_end_of_the_spans_begun_by_an_offset():
    spans = Spans.of(SPANS)
    for offset in range(-1, 33):
        assert spans.furthest_end(offset) == max([e for s, e in SPANS if s <= offset], default=-1), offset


def test_the_tokens_that_continue_a_name_or_a_date():
    text = "تفقد الرئيس المصري عبد الفتاح السيسي، أمس السبت، وحدات من الجيش"
    tokens = tokenize(text)
    name, date = text.index("عبد"), text.index("أمس")
    for spans in ([(name, name + len("عبد الفتاح السيسي")), (date, date + len("أمس السبت"))],
                  [(name + 1, name + 6), (0, 3), (name, name + 2)], []):
        # as a scan of all the spans gives them, for each token
        expected = frozenset(i for i, token in enumerate(tokens) if i > 0 and any(
            start < token.start < end and start <= tokens[i - 1].start for start, end in spans))
        assert _continuing(tokens, Spans.of(spans)) == expected
    assert _continuing(tokens, Spans.of([(name, name + len("عبد الفتاح السيسي"))])) == {4, 5}  # الفتاح، السيسي


def test_items_starting_in_a_range_keep_their_own_order():
    # dates as the resolver lists them: not in order of start, two at one place
    dates = [DateMention(text=f"date {n}", start=start, end=start + 4, value=None, precision="unknown")
             for n, start in enumerate((30, 5, 12, 5, 0, 44, 30))]
    index = ByStart(dates)
    for start, end in itertools.combinations(range(-1, 47), 2):
        assert index.starting_in(start, end) == [d for d in dates if start <= d.start < end], (start, end)


def test_triggers_within_a_range_of_tokens():
    tokens = tokenize("هدد الوزير بتوسيع الهجمات وطالب بوقف الغارات ثم شن الجيش غارات على المدينة واعتقل عشرين")
    triggers = load_lexicon().match(tokens)
    assert len(triggers) >= 4
    for lo, hi in itertools.product(range(-2, len(tokens) + 2), repeat=2):
        assert opening_within(triggers, lo, hi) == [t for t in triggers if lo <= t.first <= hi]
        assert ending_within(triggers, lo, hi) == [t for t in triggers if lo <= t.last <= hi]


def _mention(start: int, key: str, conjoined: bool = False) -> ActorMention:
    return ActorMention(text=key, start=start, end=start + 3, first=start, last=start, actor=key, key=key,
                        name=None, type="LOC", preposition=None, conjoined=conjoined)


def test_a_mention_is_found_where_index_finds_it():
    # two mentions at one place (the two states of "البلدين"), and an equal copy of one of them
    mentions = [_mention(0, "TUR"), _mention(5, "IRN"), _mention(5, "SYR", conjoined=True), _mention(9, "EGY")]
    for mention in mentions:
        assert _position(mention, mentions) == mentions.index(mention)
        copy = ActorMention(**vars(mention))
        assert _position(copy, mentions) == mentions.index(copy)
    assert _position(_mention(5, "IRQ"), mentions) is None
    assert _position(_mention(7, "IRN"), mentions) is None


def test_the_token_starting_at_an_offset():
    tokens = tokenize("زار قالن طهران.")
    assert [_token_starting_at(tokens, offset) for offset in (0, 1, 4, 9, 14, 15, 99)] == [0, None, 1, 2, 3, None, None]
