"""An alert rule and whether an event matches it: pure functions over an event row.

In a TOML file (`hadath alerts rules --rules FILE`), one table per rule under `[rules]`:

    [rules.iran-turkey-violence]
    dyad = ["IRN", "TUR"]            # the two parties, either way round (directed = true: source first)
    roots = ["18", "19", "20"]        # CAMEO roots (or codes: "190"), any of them
    statuses = ["occurred", "ongoing"]
    goldstein_max = -5.0              # Goldstein at most this (goldstein_min: at least)
    min_sources = 2                   # reported by at least two outlets
    webhook = "https://example.org/hadath-hook"

or `actor = "IRN"` (either side), `quad_class = [3, 4]`. Each condition given must hold; a party is a
key (IRN) or an actor code (IRNGOV) of either side. Through the API the same fields are a JSON object
with a `name`.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any
from urllib.parse import urlsplit

from hadath.errors import HadathError

NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,99}$")
PARTY = re.compile(r"^[A-Z0-9]{2,16}$")
CAMEO = re.compile(r"^\d{2,4}$")
STATUSES = ("occurred", "ongoing", "planned", "postponed", "cancelled", "denied", "hypothetical")
FIELDS = ("name", "dyad", "directed", "actor", "roots", "quad_class", "statuses", "goldstein_min",
          "goldstein_max", "min_sources", "webhook")


class RuleError(HadathError):
    """A rule that cannot be used: the message names the rule and the field."""


@dataclass(frozen=True)
class AlertRule:
    name: str
    dyad: tuple[str, str] | None = None
    directed: bool = False
    actor: str | None = None
    roots: tuple[str, ...] = ()  # CAMEO roots or codes; an event matches a code by prefix
    quad_class: tuple[int, ...] = ()
    statuses: tuple[str, ...] = ()
    goldstein_min: float | None = None
    goldstein_max: float | None = None
    min_sources: int | None = None
    webhook: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self).items()}


def _party(value: Any, where: str) -> str:
    if not isinstance(value, str) or not PARTY.match(value.strip().upper()):
        raise RuleError(f"{where}: {value!r} is not an actor key or code (IRN, IRNGOV, PKK)")
    return value.strip().upper()


def _list(value: Any, where: str) -> list[Any]:
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return [value]
    if not isinstance(value, list) or not value:
        raise RuleError(f"{where}: give a value or a non-empty list")
    return value


def _number(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not -10.0 <= value <= 10.0:
        raise RuleError(f"{where}: {value!r} is not a Goldstein score (-10 to 10)")
    return float(value)


def parse_rule(name: Any, data: Any) -> AlertRule:
    """A rule from a TOML table or a JSON object; RuleError names what is wrong."""
    if not isinstance(name, str) or not NAME.match(name):
        raise RuleError(f"rule name {name!r}: letters, digits, '_', '-' and '.', at most 100")
    where = f"rule {name}"
    if not isinstance(data, dict):
        raise RuleError(f"{where}: not a table of conditions")
    unknown = sorted(set(data) - set(FIELDS))
    if unknown:
        raise RuleError(f"{where}: unknown field(s) {', '.join(unknown)}; allowed: {', '.join(FIELDS[1:])}")
    fields: dict[str, Any] = {}
    if "dyad" in data:
        pair = data["dyad"]
        if not isinstance(pair, list) or len(pair) != 2:
            raise RuleError(f"{where}: dyad is a list of two parties, [\"IRN\", \"TUR\"]")
        fields["dyad"] = (_party(pair[0], f"{where}: dyad"), _party(pair[1], f"{where}: dyad"))
    if "directed" in data:
        if not isinstance(data["directed"], bool):
            raise RuleError(f"{where}: directed is true or false")
        fields["directed"] = data["directed"]
    if "actor" in data:
        fields["actor"] = _party(data["actor"], f"{where}: actor")
    if "dyad" in fields and "actor" in fields:
        raise RuleError(f"{where}: give a dyad or an actor, not both")
    if "roots" in data:
        roots = [str(r) for r in _list(data["roots"], f"{where}: roots")]
        bad = [r for r in roots if not CAMEO.match(r.zfill(2))]
        if bad:
            raise RuleError(f"{where}: roots {bad!r} are not CAMEO roots or codes (\"19\", \"190\")")
        fields["roots"] = tuple(r.zfill(2) for r in roots)
    if "quad_class" in data:
        classes = _list(data["quad_class"], f"{where}: quad_class")
        if any(isinstance(q, bool) or q not in (1, 2, 3, 4) for q in classes):
            raise RuleError(f"{where}: quad_class is 1, 2, 3 or 4 (or a list of them)")
        fields["quad_class"] = tuple(classes)
    if "statuses" in data:
        statuses = _list(data["statuses"], f"{where}: statuses")
        bad = [s for s in statuses if s not in STATUSES]
        if bad:
            raise RuleError(f"{where}: unknown status(es) {bad!r}; one of {', '.join(STATUSES)}")
        fields["statuses"] = tuple(statuses)
    for bound in ("goldstein_min", "goldstein_max"):
        if bound in data:
            fields[bound] = _number(data[bound], f"{where}: {bound}")
    if "min_sources" in data:
        value = data["min_sources"]
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 10_000:
            raise RuleError(f"{where}: min_sources is a whole number from 1")
        fields["min_sources"] = value
    if "webhook" in data and data["webhook"] is not None:
        fields["webhook"] = check_webhook(data["webhook"], where)
    rule = AlertRule(name, **fields)
    if rule == AlertRule(name, webhook=rule.webhook):
        raise RuleError(f"{where}: no condition: it would match every event")
    return rule


def check_webhook(url: Any, where: str) -> str:
    if not isinstance(url, str) or len(url) > 2000:
        raise RuleError(f"{where}: webhook is an http(s) URL")
    try:
        parts = urlsplit(url)
    except ValueError:
        raise RuleError(f"{where}: webhook {url!r} is not a URL") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise RuleError(f"{where}: webhook {url!r} is not an http(s) URL")
    return url


def parse_rules_toml(text: str, where: str) -> list[AlertRule]:
    """Every rule of a rules file (its `[rules.NAME]` tables)."""
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RuleError(f"{where}: not TOML: {exc}") from None
    unknown = sorted(set(data) - {"rules"})
    if unknown or not isinstance(data.get("rules", {}), dict):
        raise RuleError(f"{where}: rules go in [rules.NAME] tables (found {', '.join(unknown) or 'rules = …'})")
    return [parse_rule(name, table) for name, table in data.get("rules", {}).items()]


def _sides(row: dict[str, Any], side: str) -> set[str]:
    return {v for v in (row.get(f"{side}_key"), row.get(f"{side}_actor")) if v}


def matches(rule: AlertRule, row: dict[str, Any]) -> bool:
    """Whether an event row (the events table's columns) meets every condition of the rule."""
    source, target = _sides(row, "source"), _sides(row, "target")
    if rule.dyad is not None:
        a, b = rule.dyad
        forward = a in source and b in target
        if not (forward or (not rule.directed and b in source and a in target)):
            return False
    if rule.actor is not None and rule.actor not in source | target:
        return False
    if rule.roots and not any((row.get("cameo") or "").startswith(r) for r in rule.roots):
        return False
    if rule.quad_class and row.get("quad_class") not in rule.quad_class:
        return False
    if rule.statuses and row.get("status") not in rule.statuses:
        return False
    goldstein = row.get("goldstein")
    if rule.goldstein_min is not None and (goldstein is None or goldstein < rule.goldstein_min):
        return False
    if rule.goldstein_max is not None and (goldstein is None or goldstein > rule.goldstein_max):
        return False
    return rule.min_sources is None or (row.get("num_sources") or 0) >= rule.min_sources
