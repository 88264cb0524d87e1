"""The people table: who an Arabic name refers to and which actor code they carry on a given day.

One row of `data/people.tsv` per person (PETRARCH-style dated roles, spelling variants in Arabic):

    رجب طيب أردوغان|أردوغان   Recep Tayyip Erdoğan   TUR   TURGOV 20030314-   ...

`Person.actor_on(day)` gives the code in force that day: Raisi on 2024-01-21 -> IRNGOV, on
2024-06-01 -> IRNELI (a former official). The actor matcher indexes `load_people()`;
`check_people` is the table's self-check that the tests run.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

from hadath.errors import HadathError
from hadath.text.normalize import normalize

HEADER = ("names_ar", "name_en", "country", "roles", "note")

# Role codes of ../shared/spec/actors.md.
ROLE_CODES = frozenset(
    {"GOV", "MIL", "SPY", "COP", "LEG", "JUD", "OPP", "REB", "CVL", "MED", "BUS", "ELI", "REL"}
)

# Group codes of actors.md, plus the extras documented in data/PEOPLE_SOURCES.md (PIJ, AQ).
GROUP_CODES = frozenset(
    {
        "PKK", "PJAK", "SDF", "KUR", "ISIS", "HAMAS", "HEZBOLLAH", "HOUTHI", "HTS",
        "UN", "NATO", "EU", "ARL", "GCC", "OIC", "SCO", "G20", "IAEA", "OPEC",
        "PIJ", "AQ", "AU", "ICC",
    }
)  # fmt: skip

# ISO 3166-1 alpha-3 (with XKX, the code in common use for Kosovo).
ISO3_CODES = frozenset(
    """ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES BFA BGD BGR
    BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV CMR COD COG COK
    COL COM CPV CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST ETH FIN FJI
    FLK FRA FRO FSM GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY HKG HMD HND
    HRV HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT
    LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE
    MNG MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM NCL NER NFK NGA NIC NIU NLD NOR NPL NRU NZL OMN PAK PAN
    PCN PER PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA SAU SDN SEN SGP SGS SHN SJM SLB
    SLE SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK TKL TKM TLS TON
    TTO TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN VGB VIR VNM VUT WLF WSM XKX YEM ZAF ZMB
    ZWE""".split()
)

# Single words that must never be a person's short form on their own: bare first names, and
# surnames that are everyday words ("رئيسي" main, "السوداني" Sudanese, "سلام" peace, "بري" land).
# The matcher needs a fuller form (or a title) for these people.
FORBIDDEN_SHORT_FORMS = tuple(
    """محمد أحمد علي عبدالله حسن حسين عمر خالد سعد فيصل سلمان تميم بشار حمد إبراهيم يوسف مصطفى
    قاسم هيلاري رئيسي السوداني عون سلام بري مبارك مرسي الحوثي هادي صالح المعلم المهندس جودة
    شعبان خميس جمعة شكري عنان مشعل الضيف الحية حجاب رعد مغنية العربي العثماني النفطي الشاهد الصيد
    العريض نظيف شفيق شرف بديع الشاطر صباحي جراد سلال عقار مخبر خطيب علوي إسلامي ماي تراس شي
    رايس كلينتون باقري موسوي المنفي الحلو مملوك سعيد الحكيم باول صدام عرفات ولايتي معصوم الإبراهيمي
    النسور ميرز أشكنازي غيتس باردو القربي الملقي لامي راب""".split()
)


_ROLE = re.compile(r"^([A-Z0-9]+) (\d{8})?-(\d{8})?$")


@dataclass(frozen=True)
class Role:
    """An actor code held over a span of days, both ends included; None is an open end."""

    code: str
    start: date | None
    end: date | None

    def in_force(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Person:
    names_ar: tuple[str, ...]
    name_en: str
    country: str
    roles: tuple[Role, ...]
    note: str

    @property
    def is_group(self) -> bool:
        """True for a group's leader (country HAMAS, HEZBOLLAH, UN...), False for a state's person."""
        return self.country in GROUP_CODES

    def actor_on(self, day: date | None) -> str:
        """The actor code this person carries on `day`.

        The first listed role in force that day; else, once a role has ended, a former official
        (country + "ELI") for a state's person and the bare group code for a group's; before any
        role, or with no roles, the bare country code. With no day, the most recent role.
        """
        if day is None:
            return self._most_recent_role()
        for role in self.roles:
            if role.in_force(day):
                return role.code
        if any(role.end is not None and role.end < day for role in self.roles):
            return self.country if self.is_group else self.country + "ELI"
        return self.country

    def key_on(self, day: date | None) -> str:
        """The aggregation key of `actor_on(day)`: a group code as is, a state organ's state.

        Amr Moussa (EGY) on 2005-01-01 -> actor ARL, key ARL; Ismail Haniyeh (HAMAS) on 2006-06-01
        -> actor PSEGOV, key PSE.
        """
        actor = self.actor_on(day)
        return actor if actor in GROUP_CODES else actor[:3]

    def _most_recent_role(self) -> str:
        if not self.roles:
            return self.country
        # Latest start wins; an open start counts as the earliest; ties go to the first listed.
        latest = max(self.roles, key=lambda role: role.start or date.min)
        return latest.code


def parse_people(lines: Iterable[str], source: str = "people.tsv") -> list[Person]:
    """Read the TSV text of the people table; a malformed row raises HadathError naming its line."""
    people: list[Person] = []
    for number, line in enumerate(lines, start=1):
        line = line.rstrip("\r\n")
        if number == 1:
            if tuple(line.split("\t")) != HEADER:
                raise HadathError(f"{source} line 1: header must be {'<TAB>'.join(HEADER)!r}, got {line!r}")
            continue
        if not line.strip() or line.startswith("#"):
            continue
        people.append(_parse_row(line, f"{source} line {number}"))
    return people


def _parse_row(line: str, where: str) -> Person:
    fields = line.split("\t")
    if len(fields) != len(HEADER):
        raise HadathError(f"{where}: expected {len(HEADER)} tab-separated fields, got {len(fields)}")
    names_field, name_en, country, roles_field, note = (f.strip() for f in fields)
    names = tuple(n.strip() for n in names_field.split("|"))
    if not names_field or any(not n for n in names):
        raise HadathError(f"{where}: empty Arabic name in {names_field!r}")
    if not name_en:
        raise HadathError(f"{where}: empty English name")
    if not country:
        raise HadathError(f"{where}: empty country")
    roles = tuple(_parse_role(r.strip(), where) for r in roles_field.split(";") if r.strip())
    return Person(names_ar=names, name_en=name_en, country=country, roles=roles, note=note)


def _parse_role(text: str, where: str) -> Role:
    match = _ROLE.match(text)
    if match is None:
        raise HadathError(f"{where}: role {text!r} is not 'CODE YYYYMMDD-YYYYMMDD' (either end may be empty)")
    code, start, end = match.groups()
    return Role(code=code, start=_parse_day(start, where), end=_parse_day(end, where))


def _parse_day(text: str | None, where: str) -> date | None:
    if text is None:
        return None
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        raise HadathError(f"{where}: {text!r} is not a real day (YYYYMMDD)") from None


@cache
def load_people() -> list[Person]:
    """The packaged people table, read once. Callers must not modify the list."""
    path = resources.files("hadath.actors") / "data" / "people.tsv"
    with path.open(encoding="utf-8") as handle:
        return parse_people(handle, source="people.tsv")


def is_actor_code(code: str) -> bool:
    """A state code plus one or more role codes ("TURGOV", "IRNGOVMIL"), or a group code ("HAMAS")."""
    if code in GROUP_CODES:
        return True
    if len(code) < 6 or len(code) % 3 or code[:3] not in ISO3_CODES:
        return False
    return all(code[i : i + 3] in ROLE_CODES for i in range(3, len(code), 3))


def check_people(people: Sequence[Person]) -> list[str]:
    """Problems in the table, one line each; empty when it is sound.

    Country and role codes well-formed, date ranges ordered, no forbidden bare short form, and no
    Arabic spelling (after normalisation) listed for two people, unless every one of them names that
    spelling in its note (an intended, documented ambiguity).
    """
    problems: list[str] = []
    forbidden = {normalize(word) for word in FORBIDDEN_SHORT_FORMS}
    owners: dict[str, list[Person]] = {}
    for person in people:
        who = person.name_en
        if person.country not in ISO3_CODES and person.country not in GROUP_CODES:
            problems.append(f"{who}: country {person.country!r} is neither ISO 3166 alpha-3 nor a group code")
        for role in person.roles:
            if not is_actor_code(role.code):
                problems.append(f"{who}: role code {role.code!r} is not well-formed")
            if role.start and role.end and role.start > role.end:
                problems.append(f"{who}: role {role.code} starts {role.start} after it ends {role.end}")
        for name in dict.fromkeys(normalize(n) for n in person.names_ar):
            if name in forbidden:
                problems.append(f"{who}: {name!r} alone is a first name or a common word")
            owners.setdefault(name, []).append(person)
    for name, holders in owners.items():
        if len(holders) > 1 and not all(name in normalize(p.note) for p in holders):
            listed = ", ".join(p.name_en for p in holders)
            problems.append(f"{name!r} is listed for {listed}; note it in each row if intended")
    return problems


@cache
def _people_by_name() -> dict[str, Person]:
    index: dict[str, Person] = {}
    for person in load_people():
        for name in person.names_ar:
            index.setdefault(normalize(name), person)
    return index


def person_named(name: str) -> Person | None:
    """The person a whole Arabic name refers to, spelling normalised: "اردوغان" -> Erdoğan."""
    return _people_by_name().get(normalize(" ".join(name.split())))
