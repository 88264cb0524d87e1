"""The merge rules of hadath.store.merge, on literal values: which reports are the same happening."""

from __future__ import annotations

from datetime import date

import pytest

from hadath.store.merge import (
    MergeView,
    cameo_compatible,
    compatible,
    dates_compatible,
    dyad_key,
    event_day,
    event_id,
    preference,
    publication_week,
    status_compatible,
)

WEEK = "2024-01-22"


def view(date_value=None, precision="unknown", week=WEEK, *, dyad="IRN|TUR", cameo="042", status="occurred"):
    return MergeView(dyad, cameo[:2], cameo, status, date_value, precision, week)


@pytest.mark.parametrize(
    ("root", "source", "target", "key"),
    [
        ("04", "TUR", "IRN", "IRN|TUR"),  # consultations: either way round
        ("04", "IRN", "TUR", "IRN|TUR"),
        ("06", "TUR", "AZE", "AZE|TUR"),
        ("19", "TUR", "PKK", "TUR|PKK"),  # force has a direction
        ("19", "PKK", "TUR", "PKK|TUR"),
        ("14", "IRN", None, "IRN|-"),
        ("04", None, "IRN", "-|IRN"),
        ("04", None, None, None),  # nobody named: never merged
    ],
)
def test_dyad_key(root, source, target, key):
    assert dyad_key(root, source, target) == key


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("042", "042", True),
        ("042", "043", False),
        ("04", "042", True),  # a bare root code matches any code of its root
        ("042", "04", True),
        ("040", "042", False),  # "040" is consult, a code of its own
        ("19", "042", False),
        ("1951", "195", False),
    ],
)
def test_cameo_compatible(a, b, same):
    assert cameo_compatible(a, b) is same


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("occurred", "ongoing", True),
        ("ongoing", "occurred", True),
        ("planned", "planned", True),
        ("planned", "occurred", False),
        ("postponed", "planned", False),
        ("denied", "occurred", False),
        ("cancelled", "cancelled", True),
        ("hypothetical", "planned", False),
    ],
)
def test_status_compatible(a, b, same):
    assert status_compatible(a, b) is same


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (view("2024-01-24", "day"), view("2024-01-24", "day"), True),
        (view("2024-01-24", "day"), view("2024-01-25", "day"), False),
        (view("2024-01-24", "day"), view("2024-01", "month"), True),  # a day inside its month
        (view("2024-02-01", "day"), view("2024-01", "month"), False),
        (view("2024-01", "month"), view("2024-01", "month"), True),
        (view("2024", "year"), view("2024-01-24", "day"), True),  # inside the year, same week
        (view("2024", "year", "2024-03-04"), view("2024-01-24", "day"), False),
        (view(None), view("2024-01-24", "day"), True),  # unknown: same publication week
        (view(None), view("2024-01-24", "day", "2024-01-29"), False),
        (view(None), view(None), True),
        (view(None, week=None), view(None, week=None), False),  # nothing to go on
    ],
)
def test_dates_compatible_within_their_precision(a, b, same):
    assert dates_compatible(a, b) is same
    assert dates_compatible(b, a) is same


def test_compatible_needs_parties_code_status_and_dates():
    event = view("2024-01-24", "day")
    assert compatible(view("2024-01-24", "day"), event)
    assert not compatible(view("2024-01-24", "day", dyad="IRN|SYR"), event)
    assert not compatible(view("2024-01-24", "day", status="planned"), event)
    assert not compatible(view("2024-01-23", "day"), event)
    assert compatible(view("2024-01-23", "day"), event, same_cluster=True)  # a wire copy's own "yesterday"
    assert not compatible(view("2024-01-24", "day", dyad=None), view("2024-01-24", "day", dyad=None))


def test_preference_orders_exact_matches_first():
    mention = view("2024-01-24", "day")
    exact = view("2024-01-24", "day")
    by_month = view("2024-01", "month")
    by_root = view("2024-01-24", "day", cameo="04")
    ongoing = view("2024-01-24", "day", status="ongoing")
    ranked = sorted([ongoing, by_root, by_month, exact], key=lambda e: preference(mention, e))
    assert ranked == [exact, ongoing, by_month, by_root]


def test_publication_week_event_day_and_stable_ids():
    assert publication_week(date(2024, 1, 24)) == "2024-01-22"
    assert publication_week(date(2024, 1, 22)) == "2024-01-22"
    assert publication_week(None) is None
    published = date(2024, 1, 21)
    assert event_day("2024-01-24", "day", published) == date(2024, 1, 24)
    assert event_day("2024-03", "month", published) == date(2024, 3, 1)
    assert event_day("2023", "year", published) == date(2023, 1, 1)
    assert event_day(None, "unknown", published) == published
    assert event_id("e142ff0c6241f371", 0) == event_id("e142ff0c6241f371", 0)
    assert event_id("e142ff0c6241f371", 0) != event_id("e142ff0c6241f371", 1)
    assert 0 < event_id("e142ff0c6241f371", 0) < 2**63


def test_wire_copies_are_near_duplicates_and_other_stories_are_not():
    from hadath.store.neardup import signature, similarity

    story = (
        "أعلنت وزارة الدفاع التركية أن طائراتها نفذت أمس غارات جوية على مواقع تابعة لحزب العمال الكردستاني "
        "في منطقة متينا شمالي العراق وأضافت الوزارة في بيان أن الغارات أسفرت عن تدمير مخابئ ومستودعات ذخيرة."
    )
    copy = "أنقرة (الأناضول) - " + story.replace("أعلنت", "أعلنت") + " تابعونا على وسائل التواصل."
    respelt = story.replace("أ", "ا").replace("ة", "ه")  # spelling variants fold in normalisation
    other = (
        "وصل الرئيس الإيراني إبراهيم رئيسي اليوم الأربعاء إلى العاصمة التركية أنقرة في زيارة رسمية يلتقي "
        "خلالها نظيره التركي رجب طيب أردوغان لبحث التعاون في مجالات الطاقة والتجارة والأمن."
    )
    assert similarity(signature(story), signature(copy)) >= 0.6
    assert similarity(signature(story), signature(respelt)) == 1.0
    assert similarity(signature(story), signature(other)) < 0.2
    assert signature("قصفت المقاتلات التركية مواقع") is None  # too short to call a copy
