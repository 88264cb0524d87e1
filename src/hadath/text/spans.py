"""Character spans asked whether they overlap a range, and items asked which start in one, by
bisection: a sentence of thousands of words has thousands of names, places and triggers, an article
of thousands of sentences thousands of entities, and a scan of them all for each is quadratic."""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar


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

    def furthest_end(self, started_by: int) -> int:
        """The furthest end among the spans that start at or before `started_by`; -1 where none does."""
        started = bisect_right(self.starts, started_by)
        return self.reach[started - 1] if started else -1


class HasStart(Protocol):
    @property
    def start(self) -> int: ...


T = TypeVar("T", bound=HasStart)


class ByStart(Generic[T]):
    """Items with a character offset `start` (an article's entities, its dates): those that start in
    a range, found by bisection and given in the items' own order, as a filter of them all gives them
    (an article of thousands of sentences asks once per sentence)."""

    def __init__(self, items: Sequence[T]) -> None:
        self.items = items
        self.order = sorted(range(len(items)), key=lambda i: items[i].start)
        self.starts = [items[i].start for i in self.order]

    def starting_in(self, start: int, end: int) -> list[T]:
        """`[x for x in items if start <= x.start < end]`."""
        found = self.order[bisect_left(self.starts, start) : bisect_left(self.starts, end)]
        return [self.items[i] for i in sorted(found)]
