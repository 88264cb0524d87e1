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
