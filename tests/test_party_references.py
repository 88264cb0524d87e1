"""Parties told by reference, in sentences of our own: an adverbial participle shares its clause's
subject; "الجانبان"/"البلدين" are the two states just named or the two sides of the last act; joined
subjects each act on each listed target."""

from __future__ import annotations

from tests.sentence_events import coded_events, keys


def _pairs(text: str, root: str) -> set[tuple[str | None, str | None]]:
    return {keys(e) for e in coded_events(text) if e.root == root}


def test_an_adverbial_participle_takes_the_subject_of_its_clause() -> None:
    text = "رحب الاتحاد الأوروبي بالهدنة، مطالبًا إسرائيل بالسماح بدخول المساعدات."
    assert _pairs(text, "10") == {("EU", "ISR")}
    text = "وأشاد الرئيس الأمريكي بجهود قطر، داعيًا طهران إلى الإفراج عن المعتقلين."
    assert _pairs(text, "02") == {("USA", "IRN")}


def test_the_two_sides_are_the_two_states_the_sentence_just_named() -> None:
    assert _pairs("زار الرئيس المصري فرنسا، وبحث الجانبان التعاون.", "04") == {("EGY", "FRA")}


def test_the_two_countries_behind_joined_names_are_the_pair_of_the_last_act() -> None:
    text = "اندلعت اشتباكات بين الهند وباكستان. وناشدت السعودية وإيران البلدين الجارين ضبط النفس."
    assert _pairs(text, "02") == {("SAU", "IND"), ("SAU", "PAK"), ("IRN", "IND"), ("IRN", "PAK")}


def test_the_pair_of_a_strike_is_who_the_two_sides_are_next() -> None:
    text = "قصفت القوات الأذربيجانية مواقع أرمينية. ودعت روسيا البلدين إلى وقف القتال."
    assert _pairs(text, "02") == {("RUS", "AZE"), ("RUS", "ARM")}
