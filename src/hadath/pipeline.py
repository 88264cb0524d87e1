"""The extraction pipeline: one Article through small named stages.

clean -> split -> dates -> actors -> ner -> names -> events -> locations -> casualties. Each stage is
`Article -> Article`, in a module of its own; `run` is what the CLI, the store and the API call.
Stages load their data lazily.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Iterable, Iterator
from functools import cache

from hadath.deadline import SETTING, OverBudget, article_deadline, article_seconds, check_deadline
from hadath.model import Article

Stage = Callable[[Article], Article]
log = logging.getLogger(__name__)


def stages() -> list[tuple[str, Stage]]:
    from hadath.actors.coreference import link_surnames
    from hadath.actors.stage import tag_actors
    from hadath.clean import clean
    from hadath.dates.stage import resolve_dates
    from hadath.events.casualty_stage import count_casualties
    from hadath.events.locations import locate_events
    from hadath.events.stage import code_events
    from hadath.ner.stage import tag_entities
    from hadath.sentences import split_sentences

    return [
        ("clean", clean),
        ("split", split_sentences),
        ("dates", resolve_dates),
        ("actors", tag_actors),
        ("ner", tag_entities),
        ("names", link_surnames),
        ("events", code_events),
        ("locations", locate_events),
        ("casualties", count_casualties),
    ]


def run(article: Article, *, seconds: float | None = None, after_clean: bool = False) -> Article:
    """Run every stage; a failing stage turns into `article.error` rather than an exception, and so does
    an article over its time budget (`seconds`, else HADATH_MAX_ARTICLE_SECONDS; see hadath.deadline),
    checked after each stage and inside the stages' loops.

    `after_clean`: the text is already the cleaner's output (a stored article, re-coded by `hadath
    reprocess`): cleaning it again could drop more lines and move every offset the store holds."""
    if article.error is not None:
        return article
    budget = article_seconds() if seconds is None else (seconds or None)
    with article_deadline(budget):
        for name, stage in stages():
            if after_clean and name == "clean":
                continue
            try:
                article = stage(article)
                check_deadline()
            except OverBudget:
                article.error = f"took longer than {budget:g} s ({SETTING}); stopped in the {name} stage"
                return article
            except Exception as exc:  # one bad article must not stop a batch
                log.debug("stage %s failed on %s", name, article.source, exc_info=True)
                article.error = f"{name} stage failed: {type(exc).__name__}: {exc}"
                return article
    _freeze_loaded_data()
    return article


@cache
def _freeze_loaded_data() -> None:
    """Once every stage has run, its dictionaries, lexicons and models are loaded for the life of
    the process: `gc.freeze` takes them out of the cyclic collector's scans, which walked them all
    at each full collection (a tenth of the extraction time). Nothing of them is ever garbage."""
    gc.freeze()


def run_all(articles: Iterable[Article]) -> Iterator[Article]:
    for article in articles:
        yield run(article)
