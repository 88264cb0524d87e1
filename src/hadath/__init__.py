"""Hadath (حدث): Arabic-first political event data."""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    """`hadath.Store` without importing the store (and SQLAlchemy) on `import hadath`."""
    if name == "Store":
        from hadath.store import Store

        return Store
    raise AttributeError(f"module 'hadath' has no attribute {name!r}")
