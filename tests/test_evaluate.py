"""`hadath evaluate`: every scoring rule of spec/OUTPUT.md on hand-made gold and predictions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from hadath.cli import main
from hadath.errors import InputError
from hadath.evaluate import (
    date_within,
    evaluate,
    evaluate_paths,
    event_matches,
    format_report,
    gold_name_of,
    load_gold,
    max_weight_matching,
    status_agrees,
    texts_overlap,
)


def party(key: str | None) -> dict[str, Any] | None:
    return None if key is None else {"text": key, "actor": key, "key": key}


def predicted_event(root: str, source: str | None, target: str | None, **extra: Any) -> dict[str, Any]:
    event = {
        "sentence": 0,
        "trigger": {"text": "زار", "start": 0, "end": 3},
        "source": party(source),
        "target": party(target),
        "cameo": extra.pop("cameo", root + "0"),
        "root": root,
        "status": extra.pop("status", "occurred"),
        "date": extra.pop("date", None),
    }
    event.update(extra)
    return event


def prediction(source: str, events=(), entities=(), dates=(), **extra: Any) -> dict[str, Any]:
    article = {
        "source": source,
        "text": "زار الوزير أنقرة.",
        "sentences": [{"start": 0, "end": 17}],
        "events": list(events),
        "entities": list(entities),
        "dates": list(dates),
    }
    article.update(extra)
    return article


def gold_event(root: Any, source: Any, target: Any, status: str = "occurred", **extra: Any) -> dict[str, Any]:
    return {"source": source, "target": target, "root": root, "status": status, **extra}


def write_gold(folder: Path, name: str, events=(), entities=(), dates=(), **extra: Any) -> None:
    folder.mkdir(exist_ok=True)
    data = {"published": "2024-01-21", "entities": list(entities), "dates": list(dates), "events": list(events)}
    data.update(extra)
    (folder / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def score(tmp_path: Path, gold_events=(), predicted=(), **gold_extra: Any):
    write_gold(tmp_path / "gold", "a", gold_events, **gold_extra)
    return evaluate(load_gold(tmp_path / "gold"), [prediction("a", predicted)])


# ------------------------------------------------------------------ the event rules


def test_gold_list_of_keys_accepts_any_of_them() -> None:
    gold = gold_event("19", "TUR", ["KUR", "PKK"])
    assert event_matches(gold, predicted_event("19", "TUR", "PKK"))
    assert event_matches(gold, predicted_event("19", "TUR", "KUR"))
    assert not event_matches(gold, predicted_event("19", "TUR", "SYR"))
    assert not event_matches(gold, predicted_event("19", "TUR", None))


def test_star_accepts_any_key_or_none() -> None:
    gold = gold_event(["18", "19", "20"], "*", "KEN")
    assert event_matches(gold, predicted_event("19", None, "KEN"))
    assert event_matches(gold, predicted_event("18", "SOM", "KEN"))
    assert not event_matches(gold, predicted_event("17", "SOM", "KEN"))  # root not in the list
    assert not event_matches(gold, predicted_event("19", "SOM", "UGA"))


def test_null_side_wants_no_participant_and_a_list_may_hold_null() -> None:
    gold = gold_event("18", None, "IRN")
    assert event_matches(gold, predicted_event("18", None, "IRN"))
    unknown_key = predicted_event("18", "ISIS", "IRN")
    unknown_key["source"]["key"] = None  # a participant whose actor is not known counts as no key
    assert event_matches(gold, unknown_key)
    assert not event_matches(gold, predicted_event("18", "ISIS", "IRN"))
    assert event_matches(gold_event("04", "SYR", ["TUN", None]), predicted_event("04", "SYR", None))


def test_swapped_order_agrees_for_consult_but_not_for_force() -> None:
    assert event_matches(gold_event("04", "IRN", "TUR"), predicted_event("04", "TUR", "IRN"))
    assert event_matches(gold_event("05", "TUN", "SYR"), predicted_event("05", "SYR", "TUN"))
    assert not event_matches(gold_event("19", "TUR", "PKK"), predicted_event("19", "PKK", "TUR"))
    assert not event_matches(gold_event("11", "IRN", "TUR"), predicted_event("11", "TUR", "IRN"))


def test_root_is_taken_from_cameo_when_missing() -> None:
    event = predicted_event("04", "SYR", "TUN", cameo="042")
    del event["root"]
    assert event_matches(gold_event("04", "SYR", "TUN"), event)


def test_status_agreement() -> None:
    assert status_agrees("occurred", "ongoing")
    assert status_agrees("ongoing", "occurred")
    assert status_agrees("planned", "planned")
    assert not status_agrees("planned", "occurred")
    assert not status_agrees("denied", "occurred")
    assert not status_agrees("postponed", "cancelled")


def test_date_precision_containment() -> None:
    assert date_within("2024-01-24", "2024-01-24")
    assert date_within("2024-01-24", "2024-01")
    assert date_within("2024-03", "2024")
    assert not date_within("2024-01", "2024-01-24")  # less precise than the gold
    assert not date_within("2024-02-01", "2024-01")
    assert not date_within("2024-11-01", "2024-1")  # a prefix of digits is not a containing period
    assert not date_within(None, "2024")


def test_one_gold_event_matches_one_prediction(tmp_path: Path) -> None:
    report = score(
        tmp_path,
        [gold_event("04", "IRN", "TUR")],
        [predicted_event("04", "IRN", "TUR"), predicted_event("04", "TUR", "IRN")],
    )
    t = report.totals
    assert (t.events_tp, t.events_fp, t.events_fn) == (1, 1, 0)
    f = report.figures()
    assert f["events_precision"] == 0.5 and f["events_recall"] == 1.0
    assert f["events_f1"] == pytest.approx(2 / 3)


def test_matching_is_maximal_not_greedy(tmp_path: Path) -> None:
    # The first prediction fits both gold events; taken greedily by the first, the second would go unmatched.
    gold = [gold_event("19", "TUR", ["PKK", "KUR"]), gold_event("19", "TUR", "PKK")]
    predicted = [predicted_event("19", "TUR", "PKK"), predicted_event("19", "TUR", "KUR")]
    t = score(tmp_path, gold, predicted).totals
    assert (t.events_tp, t.events_fp, t.events_fn) == (2, 0, 0)


def test_matching_prefers_agreeing_status_and_date(tmp_path: Path) -> None:
    gold = [
        gold_event("04", "IRN", "TUR", "planned", date="2024-01-24"),
        gold_event("04", "IRN", "TUR", "postponed", date="2023-11-28"),
    ]
    predicted = [
        predicted_event("04", "IRN", "TUR", status="postponed", date="2023-11-28"),
        predicted_event("04", "IRN", "TUR", status="planned", date="2024-01-24"),
    ]
    t = score(tmp_path, gold, predicted).totals
    assert (t.events_tp, t.status_agree, t.status_total, t.date_agree, t.date_total) == (2, 2, 2, 2, 2)


def test_status_and_date_accuracy_on_matched_required_events(tmp_path: Path) -> None:
    gold = [
        gold_event("04", "IRN", "TUR", "occurred", date="2024-01"),
        gold_event("19", "ISR", "HAMAS", "planned", date="2024-01-24"),
        gold_event("11", "IRN", "TUR", "denied"),  # no date: outside date accuracy
        gold_event("17", "USA", "PSE", "planned", date="2024-02", optional=True),  # optional: outside both
    ]
    predicted = [
        predicted_event("04", "IRN", "TUR", status="ongoing", date="2024-01-24"),
        predicted_event("19", "ISR", "HAMAS", status="occurred", date="2024-01"),
        predicted_event("11", "IRN", "TUR", status="denied", date="2024-01-20"),
        predicted_event("17", "USA", "PSE", status="occurred"),
    ]
    report = score(tmp_path, gold, predicted)
    t = report.totals
    assert (t.events_tp, t.events_fp, t.events_fn, t.optional_found) == (3, 0, 0, 1)
    assert (t.status_agree, t.status_total) == (2, 3)
    assert (t.date_agree, t.date_total) == (1, 2)
    assert report.figures()["status_accuracy"] == pytest.approx(2 / 3)
    assert report.figures()["date_accuracy"] == 0.5
    assert [d["problems"] for d in report.articles[0].disagreements] == [["status", "date"]]
    shown = format_report(report, show_errors=True)
    assert "  wrong status+date:  19     ISR -> HAMAS  planned  2024-01-24\n    predicted 190    ISR -> HAMAS  occurred  2024-01" in shown


def test_optional_gold_counts_neither_way(tmp_path: Path) -> None:
    gold = [
        gold_event("04", "SYR", "TUN", "planned"),
        gold_event("04", "TUN", "SYR", "planned", cameo="043", optional=True),
        gold_event("16", "TUN", "SYR", optional=True),
    ]
    # Two predictions for the visit: one takes the required event, the other the optional host side.
    predicted = [predicted_event("04", "SYR", "TUN", status="planned"), predicted_event("04", "TUN", "SYR")]
    t = score(tmp_path, gold, predicted).totals
    assert (t.gold_events, t.optional_events) == (1, 2)
    assert (t.events_tp, t.events_fp, t.events_fn, t.optional_found) == (1, 0, 0, 1)


def test_required_gold_wins_over_optional(tmp_path: Path) -> None:
    gold = [gold_event("04", "TUR", "IRN", optional=True), gold_event("04", "IRN", "TUR")]
    t = score(tmp_path, gold, [predicted_event("04", "IRN", "TUR")]).totals
    assert (t.events_tp, t.events_fp, t.events_fn, t.optional_found) == (1, 0, 0, 0)


def test_recall_only_does_not_count_unmatched_predictions(tmp_path: Path) -> None:
    gold = [gold_event(["18", "19", "20"], "*", "KEN")]
    predicted = [predicted_event("14", "KEN", None), predicted_event("19", "SOM", "KEN")]
    report = score(tmp_path, gold, predicted, recall_only=True)
    t = report.totals
    assert (t.events_tp, t.events_fp, t.events_fn) == (1, 0, 0)
    assert report.figures()["events_precision"] == 1.0
    assert len(report.articles[0].spurious_events) == 1  # still listed for --show-errors

    plain = score(tmp_path, gold, predicted, recall_only=False).totals
    assert (plain.events_tp, plain.events_fp) == (1, 1)


def test_hungarian_matching_on_a_rectangular_matrix() -> None:
    assert max_weight_matching([[5, 0], [5, 3], [0, 0]]) == [(0, 0), (1, 1)]
    assert max_weight_matching([[0], [4], [6]]) == [(2, 0)]
    assert max_weight_matching([[1, 9, 0]]) == [(0, 1)]
    assert max_weight_matching([[0, 0], [0, 0]]) == []
    assert max_weight_matching([]) == []


# ------------------------------------------------------------------ entities and dates


def test_entity_texts_overlap() -> None:
    assert texts_overlap("الأمن الوطني", "للأمن الوطني")  # attached preposition + article
    assert texts_overlap("تركيا", "وتركيا")
    assert texts_overlap("أردوغان", "رجب طيب أردوغان")  # a shared word
    assert texts_overlap("بيجاك", "لبيجاك")
    assert texts_overlap("إيران", "الإيرانية")  # one word contained in the other text
    assert texts_overlap("الحوثيون", "الحوثي")
    assert not texts_overlap("بين", "لين")  # a stripped letter is not a clitic of the other word
    assert not texts_overlap("علي خامنئي", "علي لاريجاني")  # sharing only a first name
    assert not texts_overlap("حسين عبد اللهيان", "عبد الله")  # a name particle alone
    assert not texts_overlap("دمشق", "بغداد")


def test_entity_scores_by_type_overlap_and_key(tmp_path: Path) -> None:
    gold_entities = [
        {"text": "أردوغان", "type": "PER", "key": "TUR"},
        {"text": "المجلس الأعلى للأمن القومي", "type": "ORG", "key": "IRN"},
        {"text": "طهران", "type": "LOC", "key": "IRN"},
        {"text": "صيغة أستانا", "type": "MISC", "key": None},
    ]
    predicted = [
        {"text": "رجب طيب أردوغان", "type": "PER", "key": "TUR"},
        {"text": "أردوغان", "type": "PER", "key": "TUR"},
        {"text": "أردوغان", "type": "PER", "key": "TUR"},  # a second mention: one distinct prediction
        {"text": "الأمن القومي", "type": "ORG", "key": None},  # overlaps, wrong key
        {"text": "طهران", "type": "ORG", "key": "IRN"},  # wrong type
        {"text": "أستانا", "type": "MISC", "key": None},
        {"text": "موسكو", "type": "LOC", "key": "RUS"},  # not in gold
    ]
    write_gold(tmp_path / "gold", "a", entities=gold_entities)
    report = evaluate(load_gold(tmp_path / "gold"), [prediction("a", entities=predicted)])
    t = report.totals
    assert (t.gold_entities, t.entities_found) == (4, 3)
    assert (t.predicted_entities, t.entities_correct) == (6, 4)
    assert t.key_agree == 2  # أردوغان TUR and أستانا null agree; the council predicted null, gold IRN
    f = report.figures()
    assert f["entities_precision"] == pytest.approx(4 / 6)
    assert f["entities_recall"] == 0.75


def test_dates_match_on_value_with_containment(tmp_path: Path) -> None:
    gold_dates = [
        {"text": "الأربعاء المقبل 24 يناير", "value": "2024-01-24"},
        {"text": "يونيو 2023", "value": "2023-06"},
        {"text": "مطلع عام 2017", "value": "2017"},
    ]
    predicted = [
        {"text": "24 يناير", "value": "2024-01-24", "precision": "day"},
        {"text": "الأربعاء", "value": "2024-01-24", "precision": "day"},  # same value again
        {"text": "يونيو", "value": "2023-06-15", "precision": "day"},  # inside June 2023
        {"text": "2017", "value": None, "precision": "year"},  # unresolved: not a prediction
        {"text": "أمس", "value": "2024-01-20", "precision": "day"},
    ]
    write_gold(tmp_path / "gold", "a", dates=gold_dates)
    report = evaluate(load_gold(tmp_path / "gold"), [prediction("a", dates=predicted)])
    t = report.totals
    assert (t.gold_dates, t.dates_found, t.predicted_dates, t.dates_correct) == (3, 2, 3, 2)
    f = report.figures()
    assert f["dates_precision"] == pytest.approx(2 / 3)
    assert f["dates_recall"] == pytest.approx(2 / 3)


# ------------------------------------------------------------------ articles, files, the command


def test_prediction_source_stem_names_the_gold() -> None:
    names = {"000_c0f0550435efb6a9", "dev-01", "up-5b6757616203c433883a1e0f"}
    assert gold_name_of("../shared/samples/000_c0f0550435efb6a9.txt", names) == "000_c0f0550435efb6a9"
    assert gold_name_of("dev-01", names) == "dev-01"
    assert gold_name_of("up-5b6757616203c433883a1e0f", names) == "up-5b6757616203c433883a1e0f"
    assert gold_name_of("https://example.org/news/dev-01.html?x=1", names) == "dev-01"
    assert gold_name_of("dev-02", names) is None


def test_missing_and_failed_predictions_count_as_empty(tmp_path: Path) -> None:
    for name in ("a", "b", "c"):
        write_gold(tmp_path / "gold", name, [gold_event("04", "IRN", "TUR")], dates=[{"text": "أمس", "value": "2024-01-20"}])
    predictions = [
        prediction("x/a.txt", [predicted_event("04", "IRN", "TUR")]),
        prediction("b", [predicted_event("04", "IRN", "TUR")], error="events stage failed: boom"),
        prediction("elsewhere/zzz.txt", [predicted_event("04", "IRN", "TUR")]),
    ]
    report = evaluate(load_gold(tmp_path / "gold"), predictions)
    t = report.totals
    assert (t.events_tp, t.events_fp, t.events_fn, t.gold_dates) == (1, 0, 2, 3)
    assert report.without_prediction == ["c"]
    assert report.errors == ["b"]
    assert report.without_gold == ["elsewhere/zzz.txt"]


def test_two_predictions_for_one_gold_is_an_input_error(tmp_path: Path) -> None:
    write_gold(tmp_path / "gold", "a")
    with pytest.raises(InputError, match="two predictions for gold a"):
        evaluate(load_gold(tmp_path / "gold"), [prediction("a"), prediction("dir/a.txt")])


def test_report_ends_with_the_three_summary_lines(tmp_path: Path) -> None:
    report = score(
        tmp_path,
        [gold_event("04", "IRN", "TUR", "planned", date="2024-01-24"), gold_event("19", "TUR", "PKK")],
        [predicted_event("04", "TUR", "IRN", status="planned", date="2024-01-24"), predicted_event("14", "TUR", None)],
    )
    lines = format_report(report, per_article=True, show_errors=True).splitlines()
    assert lines[-3:] == [
        "events P=0.50 R=0.50 F1=0.50 | status acc=1.00 date acc=1.00",
        "entities P=n/a R=n/a F1=n/a | key acc=n/a",
        "dates P=n/a R=n/a F1=n/a",
    ]
    text = "\n".join(lines)
    assert "missed     19" in text and "TUR -> PKK" in text
    assert "unmatched  140" in text and "trigger «زار»" in text and "زار الوزير أنقرة." in text


def test_command_plain_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_gold(tmp_path / "gold", "dev-01", [gold_event("04", "SYR", "TUN", "planned")])
    predictions = tmp_path / "pred.jsonl"
    predictions.write_text(
        json.dumps(prediction("dev-01", [predicted_event("04", "SYR", "TUN", status="planned")]), ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    assert main(["evaluate", str(tmp_path / "gold"), str(predictions), "--per-article"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[-3] == "events P=1.00 R=1.00 F1=1.00 | status acc=1.00 date acc=n/a"
    assert "dev-01" in out

    assert main(["evaluate", str(tmp_path / "gold"), str(predictions), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["figures"]["events_f1"] == 1.0
    assert data["totals"]["events_tp"] == 1
    assert data["articles"][0]["name"] == "dev-01"


def test_command_user_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_gold(tmp_path / "gold", "a")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"source": "a"}\nnot json\n', encoding="utf-8")
    assert main(["evaluate", str(tmp_path / "gold"), str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("hadath evaluate: ") and "line 2 is not JSON" in err and err.count("\n") == 1

    assert main(["evaluate", str(tmp_path / "nowhere"), str(bad)]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert main(["evaluate", str(tmp_path / "gold"), str(tmp_path / "missing.jsonl")]) == 1
    assert "cannot read predictions" in capsys.readouterr().err


def test_shared_samples_gold_against_no_predictions(shared: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    report = evaluate_paths(shared / "samples" / "gold", empty)
    t = report.totals
    assert len(report.articles) == 2 and len(report.without_prediction) == 2
    # 000_…: 16 events of which 5 optional; 003_…: 10 events of which 3 optional.
    assert (t.gold_events, t.optional_events) == (18, 8)
    assert (t.gold_entities, t.gold_dates) == (28 + 23, 9 + 1)
    assert (t.events_tp, t.events_fn, t.entities_found, t.dates_found) == (0, 18, 0, 0)
    f = report.figures()
    assert f["events_recall"] == 0.0 and f["entities_recall"] == 0.0 and f["dates_recall"] == 0.0
    assert f["events_precision"] is None  # nothing predicted: precision undefined, F1 0
    assert f["events_f1"] == 0.0


def test_a_malformed_gold_file_is_an_input_error(tmp_path: Path) -> None:
    write_gold(tmp_path / "gold", "a", [{"source": "IRN", "target": "TUR", "status": "occurred"}])
    with pytest.raises(InputError, match=r"a.json: event 1 has no root"):
        load_gold(tmp_path / "gold")
    (tmp_path / "gold" / "a.json").write_text('{"events": [], "entities": ["تركيا"]}', encoding="utf-8")
    with pytest.raises(InputError, match="entities is not a list of objects"):
        load_gold(tmp_path / "gold")
    (tmp_path / "gold" / "a.json").write_text("{", encoding="utf-8")
    with pytest.raises(InputError, match="not readable JSON"):
        load_gold(tmp_path / "gold")


def oracle_prediction(name: str, gold: dict[str, Any]) -> dict[str, Any]:
    """What a perfect extractor would write for a gold file: first key of a list, none for "*"."""

    def pick(side: Any) -> str | None:
        if isinstance(side, list):
            side = side[0]
        return None if side == "*" else side

    events = []
    for g in gold["events"]:
        root = g["root"][0] if isinstance(g["root"], list) else g["root"]
        events.append(
            predicted_event(root, pick(g["source"]), pick(g["target"]), status=g["status"], date=g.get("date"))
        )
    entities = [{"text": e["text"], "type": e["type"], "key": e["key"]} for e in gold["entities"]]
    dates = [{"text": d["text"], "value": d["value"]} for d in gold["dates"]]
    return prediction(f"some/where/{name}.txt", events, entities, dates)


@pytest.mark.parametrize("gold_dir", ["samples/gold", "data/news_dev/gold", "data/up_arabic_gsr_dev/gold"])
def test_the_gold_itself_scores_one(shared: Path, gold_dir: str) -> None:
    folder = shared / gold_dir
    predictions = [
        oracle_prediction(path.stem, json.loads(path.read_text(encoding="utf-8"))) for path in folder.glob("*.json")
    ]
    report = evaluate(load_gold(folder), predictions)
    t = report.totals
    assert t.events_fp == 0 and t.events_fn == 0 and t.optional_found == t.optional_events
    figures = report.figures()
    assert (figures["events_f1"], figures["status_accuracy"]) == (1.0, 1.0)
    if t.date_total:
        assert figures["date_accuracy"] == 1.0
    if t.gold_entities:
        assert (figures["entities_f1"], figures["key_accuracy"], figures["dates_f1"]) == (1.0, 1.0, 1.0)
