"""Hadath events as GDELT 2.0 event records: 61 tab-separated columns in GDELT's order, no header.
The mapping column by column is in docs/gdelt_export.md.

Status: occurred and ongoing events are written as they are; planned events are written with the
intent code strict CAMEO gives the announcement (data/gdelt_intent.tsv: a planned visit 042 -> 036,
a planned strike 19x -> 138), with that code's QuadClass and Goldstein score; postponed, cancelled,
denied and hypothetical events are not written (GDELT records events reported as happening or
intended; it has no field to say an event did not happen).
"""

from __future__ import annotations

import csv
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

import hadath
from hadath.store.api import gdelt_quad_class

DATA = Path(__file__).parent / "data"

COLUMNS = (
    "GLOBALEVENTID SQLDATE MonthYear Year FractionDate "
    "Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code "
    "Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code "
    "Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code "
    "Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code "
    "IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources "
    "NumArticles AvgTone "
    "Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code "
    "Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID "
    "Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code "
    "Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID "
    "ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code "
    "ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID "
    "DATEADDED SOURCEURL"
).split()
assert len(COLUMNS) == 61

EXPORTED_STATUSES = ("occurred", "ongoing", "planned")


def _read_tsv(path: Path) -> dict[str, str]:
    with path.open(encoding="utf-8") as handle:
        rows = csv.reader((line for line in handle if not line.startswith("#")), delimiter="\t")
        next(rows)  # header
        return {row[0]: row[1] for row in rows if len(row) >= 2}


@cache
def fips_codes() -> dict[str, str]:
    return _read_tsv(DATA / "iso3_fips.tsv")


@cache
def intent_codes() -> dict[str, str]:
    return _read_tsv(DATA / "gdelt_intent.tsv")


@cache
def group_codes() -> dict[str, str]:
    return _read_tsv(DATA / "group_codes.tsv")


@cache
def cameo_table() -> dict[str, tuple[float, int]]:
    """CAMEO code -> (Goldstein score, QuadClass), from the event coder's table."""
    path = Path(hadath.__file__).parent / "events" / "data" / "cameo.tsv"
    out = {}
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t"):
            out[row["code"]] = (float(row["goldstein"]), int(row["quad_class"]))
    return out


def _actor_columns(actor: str | None, key: str | None, name: str | None) -> list[str]:
    """Code, Name, CountryCode, KnownGroupCode, Ethnic, Religion1, Religion2, Type1, Type2, Type3."""
    if actor is None and key is None:
        return [""] * 10
    actor = actor or key or ""
    group = group_codes().get(key or "")
    country = "" if group is not None or key is None else key
    roles = actor[len(country) :] if country and actor.startswith(country) else ""
    types = [roles[i : i + 3] for i in range(0, 9, 3)]
    return [actor, (name or "").upper(), country, group or "", "", "", "", *types]


GEO_TYPES = {"country": "1", "region": "5", "place": "4"}  # GDELT: 1 country, 5 world state (ADM1), 4 world city


def _geo_columns(event: dict[str, Any]) -> list[str]:
    """ActionGeo's Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID from the
    event's location (hadath.events.locations): type by its precision (a place is a world city, a
    province or region a world state, a state's centroid a country); FullName "Aleppo, Syria";
    codes FIPS 10-4 as GDELT's; ADM1 is the state's code (the gazetteer keeps no first-order division);
    FeatureID the state's code at country level, empty below it (no GNS id is kept)."""
    key, lat, lon = event.get("location_key"), event.get("lat"), event.get("lon")
    if lat is None or lon is None:
        if not key:
            return [""] * 8
        precision = "country"  # a store made before migration 7: the state's name, no point
    else:
        precision = event.get("location_precision") or "country"
    fips = fips_codes().get(key or "", "")
    name = event.get("location_name") or ""
    state = state_name(key)
    if precision != "country" and state and state != name:
        name = f"{name}, {state}" if name else state
    return [
        GEO_TYPES.get(precision, "1"),
        name,
        fips,
        fips,
        "",
        "" if lat is None else f"{lat:.4f}",
        "" if lon is None else f"{lon:.4f}",
        fips if precision == "country" else "",
    ]


@cache
def _state_names() -> dict[str, str]:
    path = Path(hadath.__file__).parent / "actors" / "data" / "states.tsv"
    with path.open(encoding="utf-8") as handle:
        return {row["iso3"]: row["name_en"] for row in csv.DictReader(handle, delimiter="\t")}


def state_name(key: str | None) -> str | None:
    return _state_names().get(key or "")


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def gdelt_row(event: dict[str, Any]) -> list[str] | None:
    """The 61 fields for one stored event (a row of Store.events), None when its status is not exported."""
    status = event["status"]
    if status not in EXPORTED_STATUSES:
        return None
    code, root, goldstein = event["cameo"], event["root"], event["goldstein"]
    quad = gdelt_quad_class(root, event["quad_class"])
    if status == "planned":
        code = intent_codes()[root]
        root = code[:2]
        goldstein, own_quad = cameo_table().get(code, (None, None))
        quad = gdelt_quad_class(root, own_quad)
    added: datetime | None = event.get("added")
    # The event's day; when neither the text nor a publication date gives one, the day it was added.
    day: date | None = event["event_day"] or (added.date() if added else None)
    return [
        str(event["id"]),
        day.strftime("%Y%m%d") if day else "",
        day.strftime("%Y%m") if day else "",
        str(day.year) if day else "",
        f"{day.year + day.timetuple().tm_yday / 365:.4f}" if day else "",
        *_actor_columns(event["source_actor"], event["source_key"], event["source_name"]),
        *_actor_columns(event["target_actor"], event["target_key"], event["target_name"]),
        str(int(event["in_lead"])),
        code,
        code[:3],
        root,
        "" if quad is None else str(quad),
        _number(goldstein),
        str(event["num_mentions"]),
        str(event["num_sources"]),
        str(event["num_articles"]),
        "",
        *[""] * 8,
        *[""] * 8,
        *_geo_columns(event),
        added.strftime("%Y%m%d%H%M%S") if added else "",
        event.get("source_url") or "",
    ]
