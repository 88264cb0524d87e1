"""Recall of the place gazetteer on the gold LOC entities that are neither states nor capitals.

Runs clean -> find_places on ../shared/samples and ../shared/data/news_dev; a gold LOC entity counts as
found where a place mention overlaps it by the rule of `hadath evaluate`, and its key agrees when the
place's key is the gold key. States and capitals are the actor dictionary's (its states.tsv) and are left
out, as are the gazetteer's own capitals. Prints the figures and, with --misses, what was missed.

    .venv/bin/python benchmarks/place_recall.py [--misses] [--extra]

It also prints a precision figure on the ANERcorp test split (place mentions on LOC-tagged words
against mentions on untagged words).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from functools import cache
from pathlib import Path

from hadath.clean import clean
from hadath.evaluate import gold_name_of, texts_overlap
from hadath.model import Article
from hadath.places import find_places, lookup_place
from hadath.places.gazetteer import first_word_forms
from hadath.read import read_file, read_jsonl
from hadath.text.normalize import normalize

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SETS = {
    "samples": (SHARED / "samples", SHARED / "samples" / "gold"),
    "news_dev": (SHARED / "data" / "news_dev" / "input.jsonl", SHARED / "data" / "news_dev" / "gold"),
}
STATES_TSV = REPO / "src" / "hadath" / "actors" / "data" / "states.tsv"
NOT_PLACES_TSV = REPO / "src" / "hadath" / "places" / "data" / "not_places.tsv"


@cache
def state_and_capital_names() -> frozenset[str]:
    """Normalised names of states and their capitals, from the actor dictionary's table."""
    names: set[str] = set()
    with STATES_TSV.open(encoding="utf-8") as handle:
        for row in csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t"):
            for column in ("names_ar", "capitals_ar"):
                names.update(normalize(n) for n in (row.get(column) or "").split("|") if n)
    # names the gazetteer leaves to the actor dictionary as states ("المملكة" for Saudi Arabia)
    with NOT_PLACES_TSV.open(encoding="utf-8") as handle:
        for row in csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t"):
            if row["reason"].startswith("state") or "actor dictionary" in row["reason"]:
                names.add(normalize(row["names_ar"]))
    return frozenset(names)


def is_state_or_capital(text: str) -> bool:
    first, *rest = text.split()
    forms = [" ".join([form, *(normalize(w) for w in rest)]) for form in first_word_forms(first)]
    for form in forms:
        place = lookup_place(form)
        if form in state_and_capital_names() or (place is not None and place.kind == "capital"):
            return True
    return False


def read_set(source: Path) -> list[Article]:
    if source.is_dir():
        return [a for path in sorted(source.glob("*.txt")) for a in read_file(path)]
    return list(read_jsonl(source))


def score(set_name: str) -> tuple[int, int, int, list[str], list[str]]:
    """(gold places, found, key agreeing, misses, place mentions that match no gold LOC)."""
    source, gold_dir = SETS[set_name]
    gold_files = {p.stem: p for p in gold_dir.glob("*.json")}
    total = found = keys = 0
    misses: list[str] = []
    extra: list[str] = []
    for article in read_set(source):
        article = clean(article)
        name = gold_name_of(article.source, gold_files)
        if name is None:
            continue
        gold = json.loads(gold_files[name].read_text(encoding="utf-8"))
        mentions = find_places(article.text)
        locs = [e for e in gold.get("entities", []) if e["type"] == "LOC"]
        seen: set[str] = set()
        for entity in locs:
            text = entity["text"]
            if normalize(text) in seen or is_state_or_capital(text):
                continue
            seen.add(normalize(text))
            total += 1
            matches = [m for m in mentions if texts_overlap(text, m.text)]
            if not matches:
                misses.append(f"{set_name}/{name}: {text} ({entity.get('key')})")
                continue
            found += 1
            if any(m.key == entity.get("key") for m in matches):
                keys += 1
            else:
                misses.append(
                    f"{set_name}/{name}: key {text}: gold {entity.get('key')}, places {matches[0].key}"
                )
        for mention in mentions:
            if not any(texts_overlap(e["text"], mention.text) for e in locs):
                extra.append(f"{set_name}/{name}: {mention.text} -> {mention.place.name_en} ({mention.key})")
    return total, found, keys, misses, extra


def anercorp_precision(split: str = "test") -> tuple[int, int]:
    """(place mentions on ANERcorp LOC tokens, place mentions on untagged tokens) in one split.

    Mentions on PERS/ORG/MISC tokens (clubs named after cities, "وكالة الأناضول") are left out of both:
    whether those are places is the NER stage's call. ANERcorp leaves some places untagged ("الصعيد"),
    so the second count is an upper bound on false places.
    """
    on_loc = on_untagged = 0
    sentence: list[tuple[str, str]] = []
    lines = (SHARED / "data" / "anercorp" / f"{split}.txt").read_text(encoding="utf-8").splitlines()
    for line in [*lines, ""]:
        parts = line.split()
        if parts:
            sentence.append((parts[0], parts[-1]))
            continue
        text, spans = "", []
        for word, tag in sentence:
            spans.append((len(text), len(text) + len(word), tag))
            text += word + " "
        for mention in find_places(text):
            tags = [tag for start, end, tag in spans if start < mention.end and mention.start < end]
            if any(tag.endswith("LOC") for tag in tags):
                on_loc += 1
            elif all(tag == "O" for tag in tags):
                on_untagged += 1
        sentence = []
    return on_loc, on_untagged


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list missed gold places and wrong keys")
    parser.add_argument("--extra", action="store_true", help="list place mentions that match no gold LOC")
    args = parser.parse_args()
    all_total = all_found = all_keys = 0
    for set_name, (source, _) in SETS.items():
        if not source.exists():
            print(f"{set_name}: {source} is missing", file=sys.stderr)
            return 1
        total, found, keys, misses, extra = score(set_name)
        all_total, all_found, all_keys = all_total + total, all_found + found, all_keys + keys
        print(
            f"{set_name}: places {total}  found {found}  recall {found / max(total, 1):.3f}  key accuracy {keys / max(found, 1):.3f}  unmatched mentions {len(extra)}"
        )
        for line in misses if args.misses else []:
            print("    miss", line)
        for line in extra if args.extra else []:
            print("    extra", line)
    print(
        f"all: places {all_total}  found {all_found}  recall {all_found / max(all_total, 1):.3f}  key accuracy {all_keys / max(all_found, 1):.3f}"
    )
    on_loc, on_untagged = anercorp_precision()
    precision = on_loc / max(on_loc + on_untagged, 1)
    print(
        f"anercorp test: mentions on LOC {on_loc}, on untagged words {on_untagged}, precision {precision:.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
