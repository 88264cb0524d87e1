"""Dates: find date expressions in Arabic news and resolve them against the publication date.

`find_dates(text, published)` lists the expressions; `stage.resolve_dates(article)` is the pipeline stage.
"""

from hadath.dates.resolve import find_dates

__all__ = ["find_dates"]
