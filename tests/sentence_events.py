"""The events Hadath codes in a sentence of our own, through the whole pipeline (the dictionary's
actors, dates resolved against 10 March 2024): shared by the vocabulary and sense tests."""

from __future__ import annotations

from datetime import date

from hadath.model import Article, Event
from hadath.pipeline import run


def coded_events(text: str) -> list[Event]:
    article = run(Article(text=text, published=date(2024, 3, 10), source="sentence"))
    assert article.error is None, article.error
    return article.events


def keys(event: Event) -> tuple[str | None, str | None]:
    """(source key, target key), None for a side not named."""
    return (event.source.key if event.source else None, event.target.key if event.target else None)


def assert_coded(text: str, cameo: str, source: str | None, target: str | None, status: str) -> None:
    """The sentence codes an event of `cameo` with these keys and status (the first of that code)."""
    events = coded_events(text)
    found = [e for e in events if e.cameo == cameo]
    assert found, f"no {cameo} in {[(e.cameo, keys(e), e.trigger.text) for e in events]}"
    assert keys(found[0]) == (source, target)
    assert found[0].status == status


def codes_of(text: str) -> set[str]:
    """The CAMEO codes of the events the sentence codes."""
    return {e.cameo for e in coded_events(text)}
