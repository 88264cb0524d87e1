"""Character spans asked whether they overlap a range, by bisection: a sentence of thousands of
words has thousands of names, places and triggers, and a scan of all spans for each of them is
quadratic."""

from __future__ import annotations

import itertools
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Spans:
    """(start, end) spans, in any order and overlapping or not."""

    starts: list[int]  # in order
    reach: list[int]  # the furthest end among the spans up to each one, in order of start

    @classmethod
    def of(cls, spans: Iterable[tuple[int, int]]) -> Spans:
        ordered = sorted(spans)
        return cls([start for start, _ in ordered], list(itertools.accumulate((end for _, end in ordered), max)))

    def overlaps(self, start: int, end: int) -> bool:
        """Some span has `span.start < end and start < span.end`."""
        before_end = bisect_left(self.starts, end)  # the spans that start before `end`
        return before_end > 0 and self.reach[before_end - 1] > start
