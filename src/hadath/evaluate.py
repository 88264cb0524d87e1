"""Score extraction output against hand-made gold, by the rules of spec/OUTPUT.md ("Gold files").

Gold is a folder of NAME.json files; predictions are article objects, one per line (JSON Lines), and
an article is scored against the gold whose NAME is the stem of its `source`.

Events. A predicted event matches a gold event of the same article when
- its `root` (else the first two digits of its `cameo`) is the gold `root` or one of the gold roots;
- its source and target keys (`event["source"]["key"]`, null when the participant is null) agree with
  the gold ones: a gold side is a key, null, a list of keys any of which is right (a null in the list
  accepts no participant), or "*" (any key or none); a gold side that is missing counts as "*";
- for roots 03-06 (statements of intent, consultations, cooperation) the swapped order also agrees.
Each gold event matches at most one prediction and each prediction at most one gold event: a maximum
weight bipartite matching (Hungarian algorithm) that first maximises the matched required gold events,
then the matched predictions (an optional gold event absorbs a prediction that would otherwise be a
false positive), then agreement of status and date on the required ones.
A matched required gold event is a true positive; an unmatched one a false negative. An optional gold
event counts neither way. An unmatched prediction is a false positive unless the gold file is
`recall_only`. Status accuracy and date accuracy are taken over the matched required events (date
accuracy only where the gold gives a `date`); the CAMEO-code accuracy over those whose gold gives a
`cameo`.

Entities. Gold entities are distinct names, predictions are mentions: predictions are first reduced to
distinct (type, matching form). A prediction is correct when it overlaps a gold entity of its type; a
gold entity is found when a prediction of its type overlaps it (not one-to-one: "أردوغان" and
"رجب طيب أردوغان" both find the gold "أردوغان"). Two texts overlap when
- they share a word: two words are the same when one, bare or without its article, is one of the
  clitic readings of the other (`hadath.text.tokens.clitic_readings`: "للأمن" ~ "الأمن", "وتركيا" ~
  "تركيا", but not "بين" ~ "لين"); name particles and prepositions alone ("عبد", "بن", "في") do not
  count; or
- one of them is a single word whose normalised form (`hadath.text.normalize.normalize`), or that
  form without its article, has at least three letters and is a substring of the other normalised
  text ("الحوثيون" contains "حوثي", "الإيرانية" contains "إيران"; a name of several words never
  contains another by string: "حسين عبد اللهيان" does not contain "عبد الله").
Key accuracy is over found gold entities: the key of the closest overlapping prediction (same form
first, else most shared words) equals the gold key (null equals null).

Dates. Gold dates are scored on `value`, predictions reduced to distinct values. A predicted value
matches a gold value when it is equal or more precise and falls inside it ("2024-01-24" matches gold
"2024-01"; "2024-01" does not match gold "2024-01-24"). Precision over distinct predicted values,
recall over gold dates, not one-to-one, as for entities.

For `recall_only` gold files unmatched predicted entities and dates are not counted against precision
either: those files annotate one event per sentence and nothing else. A gold article without a
prediction counts all its gold as missed; a prediction with an `error` counts as an empty article; a
prediction without a gold file is ignored (and counted in the report).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path, PurePosixPath
from typing import Any, TextIO

from hadath import bounded_json
from hadath.errors import InputError
from hadath.text.normalize import normalize
from hadath.text.tokens import clitic_readings, tokenize

EITHER_ORDER_ROOTS = frozenset({"03", "04", "05", "06"})
ANY_KEY = "*"
# Statuses that count as agreeing (OUTPUT.md: "Scoring counts occurred and ongoing as agreeing").
AGREEING_STATUSES = frozenset({"occurred", "ongoing"})
# Words too common in names to make two names overlap on their own, in normalised form: name
# particles (عبد أبو ابن بن بنت آل) and prepositions (في من على عن إلى; "على" normalises to "علي",
# which also keeps the first name Ali from joining "علي خامنئي" to "علي لاريجاني").
NON_NAME_WORDS = frozenset({"عبد", "ابو", "ابن", "بن", "بنت", "ال", "في", "من", "علي", "عن", "الي"})
MIN_CONTAINED_LETTERS = 3


# ---------------------------------------------------------------- gold and predictions


@dataclass
class GoldArticle:
    name: str
    published: str | None
    events: list[dict[str, Any]]
    entities: list[dict[str, Any]]
    dates: list[dict[str, Any]]
    recall_only: bool = False


def _gold_problem(data: Any) -> str | None:
    """Why a parsed gold file cannot be scored, or None."""
    if not isinstance(data, dict):
        return "not a JSON object"
    for part in ("events", "entities", "dates"):
        items = data.get(part, [])
        if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
            return f"{part} is not a list of objects"
    for number, event in enumerate(data.get("events", []), start=1):
        if not event.get("root"):
            return f"event {number} has no root"
    return None


def load_gold(gold_dir: str | Path) -> dict[str, GoldArticle]:
    """Every NAME.json in `gold_dir`, by NAME."""
    folder = Path(gold_dir)
    if not folder.is_dir():
        raise InputError(f"gold folder {folder} does not exist")
    gold: dict[str, GoldArticle] = {}
    for path in sorted(folder.glob("*.json")):
        try:
            data = bounded_json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:  # unreadable, not UTF-8, not JSON, nested too deeply
            raise InputError(f"gold file {path} is not readable JSON: {exc}") from None
        problem = _gold_problem(data)
        if problem:
            raise InputError(f"gold file {path}: {problem}")
        gold[path.stem] = GoldArticle(
            name=path.stem,
            published=data.get("published"),
            events=list(data.get("events") or []),
            entities=list(data.get("entities") or []),
            dates=list(data.get("dates") or []),
            recall_only=bool(data.get("recall_only", False)),
        )
    if not gold:
        raise InputError(f"no gold files (*.json) in {folder}")
    return gold


def gold_name_of(source: str, names: Iterable[str]) -> str | None:
    """The gold NAME an output `source` belongs to: the source itself or its file stem.

    "../shared/samples/000_c0f0550435efb6a9.txt" -> "000_c0f0550435efb6a9"; "dev-01" -> "dev-01".
    """
    known = set(names)
    last = PurePosixPath(source.replace("\\", "/").split("?", 1)[0].split("#", 1)[0].rstrip("/")).name
    for candidate in (source, last, PurePosixPath(last).stem):
        if candidate in known:
            return candidate
    return None


def read_predictions(lines: Iterable[str], label: str = "predictions") -> list[dict[str, Any]]:
    """Article objects, one per non-blank line."""
    articles = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            article = bounded_json.loads(line)
        except ValueError as exc:  # not JSON, nested too deeply
            raise InputError(f"{label} line {number} is not JSON: {exc}") from None
        if not isinstance(article, dict):
            raise InputError(f"{label} line {number} is not an article object")
        articles.append(article)
    return articles


def load_predictions(path: str | Path, stdin: TextIO | None = None) -> list[dict[str, Any]]:
    """Article objects from a JSON Lines file, or standard input for "-"."""
    if str(path) == "-":
        if stdin is None and sys.stdin is None:
            raise InputError("cannot read predictions from -: standard input is closed")
        return read_predictions(stdin or sys.stdin, "stdin")
    try:
        with open(path, encoding="utf-8") as handle:
            return read_predictions(handle, str(path))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read predictions {path}: {exc}") from None


# ---------------------------------------------------------------- the matching rules


def _gold_side_accepts(gold_side: Any, predicted_key: str | None) -> bool:
    if gold_side == ANY_KEY:
        return True
    if isinstance(gold_side, list):
        return ANY_KEY in gold_side or predicted_key in gold_side
    return gold_side == predicted_key


def _participant_key(participant: Any) -> str | None:
    return participant.get("key") if isinstance(participant, dict) else None


def predicted_root(event: dict[str, Any]) -> str | None:
    root = event.get("root")
    if root:
        return str(root)
    cameo = event.get("cameo")
    return str(cameo)[:2] if cameo else None


def event_matches(gold: dict[str, Any], predicted: dict[str, Any]) -> bool:
    """Root agrees and the keys agree (either order for roots 03-06)."""
    root = predicted_root(predicted)
    gold_roots = gold.get("root")
    if isinstance(gold_roots, list):
        if root not in gold_roots:
            return False
    elif root != gold_roots:
        return False
    gold_source, gold_target = gold.get("source", ANY_KEY), gold.get("target", ANY_KEY)
    source, target = _participant_key(predicted.get("source")), _participant_key(predicted.get("target"))
    if _gold_side_accepts(gold_source, source) and _gold_side_accepts(gold_target, target):
        return True
    return (
        root in EITHER_ORDER_ROOTS
        and _gold_side_accepts(gold_source, target)
        and _gold_side_accepts(gold_target, source)
    )


def status_agrees(gold_status: str | None, predicted_status: str | None) -> bool:
    """Equal, or both one of occurred/ongoing."""
    if gold_status == predicted_status:
        return True
    return gold_status in AGREEING_STATUSES and predicted_status in AGREEING_STATUSES


def date_within(predicted: str | None, gold: str | None) -> bool:
    """The predicted value is the gold value or a more precise value inside it.

    ("2024-01-24", "2024-01") -> True; ("2024-01", "2024-01-24") -> False; ("2024-02-01", "2024-01") -> False.
    """
    if not predicted or not gold:
        return False
    return predicted == gold or predicted.startswith(gold + "-")


def max_weight_matching(weights: list[list[int]]) -> list[tuple[int, int]]:
    """Pairs (row, column) of a maximum-weight matching; a weight of 0 or less is no edge.

    The Hungarian algorithm (Kuhn-Munkres, O(n^2 m)) on the rectangular matrix, costs = -weights.
    """
    if not weights or not weights[0]:
        return []
    transposed = len(weights) > len(weights[0])
    if transposed:
        weights = [list(column) for column in zip(*weights, strict=True)]
    n, m = len(weights), len(weights[0])
    cost = [[-max(w, 0) for w in row] for row in weights]
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    owner = [0] * (m + 1)  # owner[j]: the row (1-based) assigned to column j, 0 for none
    way = [0] * (m + 1)
    for row in range(1, n + 1):
        owner[0] = row
        j0 = 0
        min_reduced = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = owner[j0], inf, 0
            for j in range(1, m + 1):
                if not used[j]:
                    reduced = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if reduced < min_reduced[j]:
                        min_reduced[j], way[j] = reduced, j0
                    if min_reduced[j] < delta:
                        delta, j1 = min_reduced[j], j
            for j in range(m + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    min_reduced[j] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    pairs = [(owner[j] - 1, j - 1) for j in range(1, m + 1) if owner[j] and weights[owner[j] - 1][j - 1] > 0]
    return sorted((c, r) for r, c in pairs) if transposed else sorted(pairs)


def match_events(
    gold_events: list[dict[str, Any]], predicted_events: list[dict[str, Any]]
) -> list[tuple[int, int]]:
    """(gold index, prediction index) pairs: most required gold, then most predictions, then agreement."""
    size = len(gold_events) + len(predicted_events) + 1
    # Integer weights ordered lexicographically: the agreement terms (at most 2 per pair) can never
    # add up to one more match, and the match terms never to one more required gold event.
    per_match = 2 * size + 1
    per_required = size * per_match + 1
    weights = []
    for gold in gold_events:
        row = []
        for predicted in predicted_events:
            if not event_matches(gold, predicted):
                row.append(0)
            elif gold.get("optional"):
                row.append(per_match)
            else:
                agreement = int(status_agrees(gold.get("status"), predicted.get("status")))
                agreement += int(date_within(predicted.get("date"), gold.get("date")))
                row.append(per_required + per_match + agreement)
        weights.append(row)
    return max_weight_matching(weights)


def _word_forms(word: str) -> tuple[set[str], set[str]]:
    """(bare forms, clitic readings) of a word: the bare forms are its normalised form and that without an article."""
    readings = clitic_readings(word)
    return {stem for prefix, stem in readings if prefix in ("", "ال")}, {stem for _, stem in readings}


def _name_words(text: str) -> list[str]:
    return [t.text for t in tokenize(text) if t.text[0].isalnum()]


def _same_word(a: str, b: str) -> bool:
    bare_a, readings_a = _word_forms(a)
    bare_b, readings_b = _word_forms(b)
    return bool(bare_a & readings_b or bare_b & readings_a)


def matching_form(text: str) -> str:
    """The normalised words of a name, space-separated: how predicted mentions are told apart."""
    return " ".join(normalize(word) for word in _name_words(text))


def _word_contained(text: str, other: str) -> bool:
    words = _name_words(text)
    if len(words) != 1:
        return False
    bare, _ = _word_forms(words[0])
    target = matching_form(other)
    return any(len(form) >= MIN_CONTAINED_LETTERS and form in target for form in bare)


def _counts_as_name_word(word: str) -> bool:
    form = normalize(word)
    return len(form) >= 2 and form not in NON_NAME_WORDS


def shared_words(gold_text: str, predicted_text: str) -> int:
    """How many words of the gold text have the same word in the predicted text (name particles aside)."""
    predicted_words = [w for w in _name_words(predicted_text) if _counts_as_name_word(w)]
    return sum(
        1
        for word in _name_words(gold_text)
        if _counts_as_name_word(word) and any(_same_word(word, other) for other in predicted_words)
    )


def texts_overlap(gold_text: str, predicted_text: str) -> bool:
    """The entity rule: a shared word, or one text contains the other (see the module docstring)."""
    if shared_words(gold_text, predicted_text):
        return True
    return _word_contained(gold_text, predicted_text) or _word_contained(predicted_text, gold_text)


# ---------------------------------------------------------------- scoring


@dataclass
class Counts:
    """Counts that add up over articles; the ratios are computed from the totals."""

    gold_events: int = 0  # required gold events
    optional_events: int = 0
    predicted_events: int = 0
    events_tp: int = 0
    events_fp: int = 0
    events_fn: int = 0
    optional_found: int = 0
    status_agree: int = 0
    status_total: int = 0
    date_agree: int = 0
    date_total: int = 0
    cameo_agree: int = 0
    cameo_total: int = 0
    gold_entities: int = 0
    entities_found: int = 0
    predicted_entities: int = 0  # distinct, counted for precision
    entities_correct: int = 0
    key_agree: int = 0
    gold_dates: int = 0
    dates_found: int = 0
    predicted_dates: int = 0  # distinct values, counted for precision
    dates_correct: int = 0

    def add(self, other: Counts) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))


@dataclass
class ArticleResult:
    name: str
    predicted: bool  # a prediction line was found for this gold article
    error: str | None
    recall_only: bool
    counts: Counts
    missed_events: list[dict[str, Any]] = field(default_factory=list)
    spurious_events: list[dict[str, Any]] = field(default_factory=list)
    disagreements: list[dict[str, Any]] = field(default_factory=list)


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def _f1(p: float | None, r: float | None) -> float | None:
    """Harmonic mean; 0 when either is 0 (nothing found, or nothing right), None when one is undefined."""
    if p == 0 or r == 0:
        return 0.0
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r)


def summary_figures(c: Counts) -> dict[str, float | None]:
    """Precision, recall, F1 and accuracies from counts; None where the denominator is 0."""
    ev_p = _ratio(c.events_tp, c.events_tp + c.events_fp)
    ev_r = _ratio(c.events_tp, c.events_tp + c.events_fn)
    en_p = _ratio(c.entities_correct, c.predicted_entities)
    en_r = _ratio(c.entities_found, c.gold_entities)
    da_p = _ratio(c.dates_correct, c.predicted_dates)
    da_r = _ratio(c.dates_found, c.gold_dates)
    return {
        "events_precision": ev_p,
        "events_recall": ev_r,
        "events_f1": _f1(ev_p, ev_r),
        "status_accuracy": _ratio(c.status_agree, c.status_total),
        "date_accuracy": _ratio(c.date_agree, c.date_total),
        "cameo_accuracy": _ratio(c.cameo_agree, c.cameo_total),
        "entities_precision": en_p,
        "entities_recall": en_r,
        "entities_f1": _f1(en_p, en_r),
        "key_accuracy": _ratio(c.key_agree, c.entities_found),
        "dates_precision": da_p,
        "dates_recall": da_r,
        "dates_f1": _f1(da_p, da_r),
    }


def _sentence_text(article: dict[str, Any], event: dict[str, Any]) -> str | None:
    try:
        sentence = article["sentences"][event["sentence"]]
        return article["text"][sentence["start"] : sentence["end"]]
    except (KeyError, IndexError, TypeError):
        return None


def _describe_prediction(article: dict[str, Any], event: dict[str, Any]) -> dict[str, Any]:
    trigger = event.get("trigger")
    return {
        "cameo": event.get("cameo"),
        "root": predicted_root(event),
        "source": _participant_key(event.get("source")),
        "target": _participant_key(event.get("target")),
        "status": event.get("status"),
        "date": event.get("date"),
        "trigger": trigger.get("text") if isinstance(trigger, dict) else None,
        "sentence": _sentence_text(article, event),
    }


def _score_events(gold: GoldArticle, article: dict[str, Any], events: list[dict[str, Any]], r: ArticleResult) -> None:
    c = r.counts
    pairs = match_events(gold.events, events)
    matched_gold = {g: p for g, p in pairs}
    matched_predictions = {p for _, p in pairs}
    for index, gold_event in enumerate(gold.events):
        optional = bool(gold_event.get("optional"))
        predicted = events[matched_gold[index]] if index in matched_gold else None
        if optional:
            c.optional_events += 1
            c.optional_found += predicted is not None
            continue
        c.gold_events += 1
        if predicted is None:
            c.events_fn += 1
            r.missed_events.append(gold_event)
            continue
        c.events_tp += 1
        problems = []
        if "status" in gold_event:
            c.status_total += 1
            if status_agrees(gold_event["status"], predicted.get("status")):
                c.status_agree += 1
            else:
                problems.append("status")
        if gold_event.get("date"):
            c.date_total += 1
            if date_within(predicted.get("date"), gold_event["date"]):
                c.date_agree += 1
            else:
                problems.append("date")
        if gold_event.get("cameo"):
            c.cameo_total += 1
            c.cameo_agree += predicted.get("cameo") == gold_event["cameo"]
        if problems:
            r.disagreements.append(
                {"problems": problems, "gold": gold_event, "predicted": _describe_prediction(article, predicted)}
            )
    for index, event in enumerate(events):
        if index in matched_predictions:
            continue
        if not gold.recall_only:
            c.events_fp += 1
        r.spurious_events.append(_describe_prediction(article, event))


def _distinct_entities(entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: dict[tuple[str, str], dict[str, Any]] = {}
    for entity in entities:
        text = entity.get("text") or ""
        form = matching_form(text)
        if form:
            seen.setdefault((entity.get("type") or "", form), entity)
    return list(seen.values())


def _score_entities(gold: GoldArticle, predicted: list[dict[str, Any]], c: Counts) -> None:
    distinct = _distinct_entities(predicted)
    correct = [False] * len(distinct)
    for gold_entity in gold.entities:
        c.gold_entities += 1
        gold_text, gold_type = gold_entity.get("text") or "", gold_entity.get("type")
        gold_form = matching_form(gold_text)
        best: tuple[int, int] | None = None  # (closeness, index) of the closest overlapping prediction
        for index, entity in enumerate(distinct):
            if entity.get("type") != gold_type or not texts_overlap(gold_text, entity.get("text") or ""):
                continue
            correct[index] = True
            closeness = 1000 if matching_form(entity["text"]) == gold_form else shared_words(gold_text, entity["text"])
            if best is None or closeness > best[0]:
                best = (closeness, index)
        if best is not None:
            c.entities_found += 1
            c.key_agree += distinct[best[1]].get("key") == gold_entity.get("key")
    c.entities_correct += sum(correct)
    c.predicted_entities += len(distinct) if not gold.recall_only else sum(correct)


def _score_dates(gold: GoldArticle, predicted: list[dict[str, Any]], c: Counts) -> None:
    values = sorted({d["value"] for d in predicted if isinstance(d, dict) and d.get("value")})
    gold_values = [d["value"] for d in gold.dates if d.get("value")]  # a date left without value is unscored
    c.gold_dates += len(gold_values)
    c.dates_found += sum(1 for g in gold_values if any(date_within(v, g) for v in values))
    correct = sum(1 for v in values if any(date_within(v, g) for g in gold_values))
    c.dates_correct += correct
    c.predicted_dates += len(values) if not gold.recall_only else correct


def score_article(gold: GoldArticle, article: dict[str, Any] | None) -> ArticleResult:
    """Counts for one gold article against its prediction (None: no prediction line)."""
    error = article.get("error") if article else None
    usable = article if article is not None and not error else {}
    result = ArticleResult(
        name=gold.name, predicted=article is not None, error=error, recall_only=gold.recall_only, counts=Counts()
    )
    events = [e for e in usable.get("events") or [] if isinstance(e, dict)]
    result.counts.predicted_events = len(events)
    _score_events(gold, usable, events, result)
    _score_entities(gold, [e for e in usable.get("entities") or [] if isinstance(e, dict)], result.counts)
    _score_dates(gold, usable.get("dates") or [], result.counts)
    return result


@dataclass
class Report:
    articles: list[ArticleResult]
    totals: Counts
    without_prediction: list[str]  # gold articles no prediction line was found for
    errors: list[str]  # gold articles whose prediction carries an error
    without_gold: list[str]  # prediction sources with no gold file

    def figures(self) -> dict[str, float | None]:
        return summary_figures(self.totals)

    def to_dict(self) -> dict[str, Any]:
        return {
            "figures": self.figures(),
            "totals": asdict(self.totals),
            "gold_articles": len(self.articles),
            "without_prediction": self.without_prediction,
            "prediction_errors": self.errors,
            "predictions_without_gold": self.without_gold,
            "articles": [
                {
                    "name": r.name,
                    "predicted": r.predicted,
                    "error": r.error,
                    "recall_only": r.recall_only,
                    "counts": asdict(r.counts),
                    "figures": summary_figures(r.counts),
                    "missed_events": r.missed_events,
                    "unmatched_predictions": r.spurious_events,
                    "disagreements": r.disagreements,
                }
                for r in self.articles
            ],
        }


def evaluate(gold: dict[str, GoldArticle], predictions: list[dict[str, Any]]) -> Report:
    """Score every gold article against its prediction (spec/OUTPUT.md, "Gold files")."""
    by_name: dict[str, dict[str, Any]] = {}
    without_gold = []
    for article in predictions:
        source = str(article.get("source") or "")
        name = gold_name_of(source, gold)
        if name is None:
            without_gold.append(source)
            continue
        if name in by_name:
            raise InputError(f"two predictions for gold {name}: {by_name[name].get('source')} and {source}")
        by_name[name] = article
    totals = Counts()
    results = []
    for name in sorted(gold):
        result = score_article(gold[name], by_name.get(name))
        totals.add(result.counts)
        results.append(result)
    return Report(
        articles=results,
        totals=totals,
        without_prediction=[r.name for r in results if not r.predicted],
        errors=[r.name for r in results if r.error],
        without_gold=without_gold,
    )


def evaluate_paths(gold_dir: str | Path, predictions_path: str | Path) -> Report:
    return evaluate(load_gold(gold_dir), load_predictions(predictions_path))


# ---------------------------------------------------------------- the readable report


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def _keys(side: Any) -> str:
    if isinstance(side, list):
        return "|".join("null" if k is None else str(k) for k in side)
    return "null" if side is None else str(side)


def _gold_event_line(event: dict[str, Any]) -> str:
    root = _keys(event.get("root"))
    code = event.get("cameo") or root
    parts = [f"{code:<5}", f"{_keys(event.get('source', ANY_KEY))} -> {_keys(event.get('target', ANY_KEY))}"]
    parts.append(str(event.get("status", "")))
    if event.get("date"):
        parts.append(str(event["date"]))
    note = event.get("note")
    return "  ".join(parts) + (f"  ({note})" if note else "")


def _predicted_event_line(event: dict[str, Any]) -> str:
    parts = [f"{event['cameo'] or event['root'] or '?':<5}", f"{_keys(event['source'])} -> {_keys(event['target'])}"]
    parts.append(str(event.get("status")))
    if event.get("date"):
        parts.append(str(event["date"]))
    if event.get("trigger"):
        parts.append(f"trigger «{event['trigger']}»")
    line = "  ".join(parts)
    sentence = " ".join((event.get("sentence") or "").split())
    return line + (f"\n        {sentence}" if sentence else "")


def format_errors(report: Report) -> str:
    """Missed gold events, unmatched predictions and status/date disagreements, article by article."""
    lines = []
    for r in report.articles:
        if not (r.missed_events or r.spurious_events or r.disagreements):
            continue
        flag = " (recall_only: unmatched predictions not counted)" if r.recall_only and r.spurious_events else ""
        lines.append(f"== {r.name}{flag}")
        for event in r.missed_events:
            lines.append("  missed     " + _gold_event_line(event))
        for event in r.spurious_events:
            lines.append("  unmatched  " + _predicted_event_line(event))
        for item in r.disagreements:
            lines.append(f"  wrong {'+'.join(item['problems'])}:  " + _gold_event_line(item["gold"]))
            lines.append("    predicted " + _predicted_event_line(item["predicted"]))
    return "\n".join(lines)


def format_report(report: Report, per_article: bool = False, show_errors: bool = False) -> str:
    """The plain-text report; its last three lines are the compact summary."""
    out = []
    if show_errors:
        errors = format_errors(report)
        if errors:
            out += [errors, ""]
    if per_article:
        out.append(
            f"{'article':<28} {'gold':>4} {'opt':>4} {'pred':>4} {'tp':>4} {'fp':>4} {'fn':>4}"
            f"  {'ev F1':>5}  {'ent P':>5} {'ent R':>5}  {'date P':>6} {'date R':>6}"
        )
        for r in report.articles:
            c, f = r.counts, summary_figures(r.counts)
            note = " (no prediction)" if not r.predicted else (" (error)" if r.error else "")
            out.append(
                f"{r.name[:28]:<28} {c.gold_events:>4} {c.optional_events:>4} {c.predicted_events:>4}"
                f" {c.events_tp:>4} {c.events_fp:>4} {c.events_fn:>4}  {_fmt(f['events_f1']):>5}"
                f"  {_fmt(f['entities_precision']):>5} {_fmt(f['entities_recall']):>5}"
                f"  {_fmt(f['dates_precision']):>6} {_fmt(f['dates_recall']):>6}{note}"
            )
        out.append("")
    t, f = report.totals, report.figures()
    recall_only = sum(r.recall_only for r in report.articles)
    out.append(
        f"gold articles {len(report.articles)}"
        + (f" ({recall_only} recall_only)" if recall_only else "")
        + f"; without a prediction {len(report.without_prediction)} (all their gold counted as missed)"
        + f"; predictions with an error {len(report.errors)} (counted as empty)"
        + f"; predictions without gold {len(report.without_gold)} (ignored)"
    )
    out.append(
        f"events   gold {t.gold_events} required + {t.optional_events} optional; predicted {t.predicted_events};"
        f" tp {t.events_tp} fp {t.events_fp} fn {t.events_fn}; optional found {t.optional_found}"
    )
    out.append(
        f"         status {t.status_agree}/{t.status_total}, date {t.date_agree}/{t.date_total},"
        f" cameo code {t.cameo_agree}/{t.cameo_total} (acc {_fmt(f['cameo_accuracy'])}) on matched required events"
    )
    out.append(
        f"entities gold {t.gold_entities}, found {t.entities_found}; predicted (distinct) {t.predicted_entities},"
        f" correct {t.entities_correct}; key {t.key_agree}/{t.entities_found}"
    )
    out.append(
        f"dates    gold {t.gold_dates}, found {t.dates_found}; predicted (distinct values) {t.predicted_dates},"
        f" correct {t.dates_correct}"
    )
    out.append(
        f"events P={_fmt(f['events_precision'])} R={_fmt(f['events_recall'])} F1={_fmt(f['events_f1'])}"
        f" | status acc={_fmt(f['status_accuracy'])} date acc={_fmt(f['date_accuracy'])}"
    )
    out.append(
        f"entities P={_fmt(f['entities_precision'])} R={_fmt(f['entities_recall'])} F1={_fmt(f['entities_f1'])}"
        f" | key acc={_fmt(f['key_accuracy'])}"
    )
    out.append(f"dates P={_fmt(f['dates_precision'])} R={_fmt(f['dates_recall'])} F1={_fmt(f['dates_f1'])}")
    return "\n".join(out)


def report_json(report: Report) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=1)

