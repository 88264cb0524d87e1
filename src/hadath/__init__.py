"""Hadath (حدث): Arabic-first political event data."""

__version__ = "0.1.0"
