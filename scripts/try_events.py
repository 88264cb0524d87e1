"""Print the events Hadath codes in each line of Arabic text (stdin or arguments): a quick check
while writing lexicon entries. Usage: python scripts/try_events.py "شنت إسرائيل غارات على غزة."
"""

from __future__ import annotations

import sys
from datetime import date

from hadath.model import Article
from hadath.pipeline import run


def main(lines: list[str]) -> None:
    for line in lines:
        if not line.strip():
            continue
        article = run(Article(text=line.strip(), published=date(2024, 3, 10), source="try"))
        print(line.strip())
        if article.error:
            print(f"   ERROR {article.error}")
        for event in article.events:
            source = event.source.key if event.source else None
            target = event.target.key if event.target else None
            print(f"   {event.cameo:5} {source} -> {target}  {event.status}  «{event.trigger.text}»")
        if not article.events:
            print("   (no event)")


if __name__ == "__main__":
    main(sys.argv[1:] or sys.stdin.read().splitlines())
