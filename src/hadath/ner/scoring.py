"""conlleval-style scoring: an entity counts when its type and exact token span both agree."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


def bio_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """(start, end, type) of each entity, end exclusive; a stray I- starts an entity, as in conlleval."""
    spans = []
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, tag_kind = tag.partition("-")
        continues = prefix == "I" and tag_kind == kind and start >= 0
        if start >= 0 and not continues:
            spans.append((start, i, kind))
            start, kind = -1, ""
        if prefix in ("B", "I") and not continues:
            start, kind = i, tag_kind
    return spans


@dataclass
class Score:
    true_positives: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(gold: Iterable[Sequence[str]], predicted: Iterable[Sequence[str]]) -> dict[str, Score]:
    """Per-type scores and "micro" over all types, from aligned tag sequences."""
    tp: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    for gold_tags, pred_tags in zip(gold, predicted, strict=True):
        gold_spans = set(bio_spans(gold_tags))
        pred_spans = set(bio_spans(pred_tags))
        for span in gold_spans:
            n_gold[span[2]] += 1
        for span in pred_spans:
            n_pred[span[2]] += 1
            if span in gold_spans:
                tp[span[2]] += 1
    kinds = sorted(set(n_gold) | set(n_pred))
    result = {kind: Score(tp[kind], n_pred[kind], n_gold[kind]) for kind in kinds}
    result["micro"] = Score(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    return result


def format_table(scores: dict[str, Score], title: str) -> str:
    lines = [title, f"{'type':<6} {'prec':>6} {'rec':>6} {'F1':>6} {'gold':>6} {'pred':>6}"]
    for kind, s in scores.items():
        lines.append(
            f"{kind:<6} {s.precision:6.2%} {s.recall:6.2%} {s.f1:6.2%} {s.gold:6d} {s.predicted:6d}"
        )
    return "\n".join(lines)



@dataclass
class OverlapScore:
    """Lenient micro score: a span counts when it overlaps one of the same type on the other side.

    For corpora whose span conventions differ from ANERcorp's (Wojood includes the cue word:
    "قرية المجدل" is one LOC where ANERcorp tags "المجدل"). Hits are counted on each side.
    """

    predicted_hits: int
    predicted: int
    gold_hits: int
    gold: int

    @property
    def precision(self) -> float:
        return self.predicted_hits / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.gold_hits / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_overlap(gold: Iterable[Sequence[str]], predicted: Iterable[Sequence[str]]) -> OverlapScore:
    result = OverlapScore(0, 0, 0, 0)
    for gold_tags, pred_tags in zip(gold, predicted, strict=True):
        gold_spans = bio_spans(gold_tags)
        pred_spans = bio_spans(pred_tags)
        result.gold += len(gold_spans)
        result.predicted += len(pred_spans)
        result.gold_hits += sum(1 for g in gold_spans if any(_overlap(g, p) for p in pred_spans))
        result.predicted_hits += sum(1 for p in pred_spans if any(_overlap(g, p) for g in gold_spans))
    return result


def _overlap(a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    return a[2] == b[2] and a[0] < b[1] and b[0] < a[1]
