"""What the trigger lexicon covers: `python -m hadath.events.coverage [--codes] [--collisions]`.

Prints entries per root and per code, the codes of cameo.tsv with no entry and why (data/lexicon_uncovered.tsv), and the collision report: every form the morphology generates that is also a frequent
word of general Arabic text (wordfreq's list, ../ner/data/word_frequencies.tsv), with the decision
taken on it in data/lexicon_collisions.tsv (block: never a trigger; keep: the event reading is the
common one in news). A frequent generated form with no decision is a defect, and a test fails on it.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

from hadath.events.cameo import load_cameo
from hadath.events.lexicon import LexiconRow, entries_of, read_rows
from hadath.ner.features import lexicon as ner_lexicon
from hadath.text.normalize import normalize
from hadath.text.wordlists import read_table

# A generated form counts as a frequent word when wordfreq ranks it at or under this many centibels
# (about the 4,000 commonest Arabic words; Zipf frequency ≥ 4.5).
FREQUENT_CB = 450


@dataclass(frozen=True)
class Collision:
    form: str  # normalised surface form
    rank: int  # wordfreq rank in centibels (lower: more frequent)
    row: LexiconRow  # the entry that generates it
    decision: str | None  # "block", "keep" or None (undecided)
    reason: str


def frequency_ranks() -> dict[str, int]:
    """wordfreq's ranks as the NER features read them (normalised word -> centibels)."""
    return ner_lexicon().ranks


@cache
def collision_decisions() -> dict[str, tuple[str, str]]:
    """form -> (decision, reason) from data/lexicon_collisions.tsv."""
    text = resources.files("hadath.events").joinpath("data/lexicon_collisions.tsv").read_text(encoding="utf-8")
    decisions: dict[str, tuple[str, str]] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#") or line.startswith("form\t"):
            continue
        columns = line.split("\t")
        if len(columns) != 3 or columns[1] not in ("block", "keep") or not columns[2].strip():
            raise ValueError(f"lexicon_collisions.tsv:{number}: expected form, block|keep, reason")
        decisions[normalize(columns[0])] = (columns[1], columns[2])
    return decisions


def blocked_forms() -> frozenset[str]:
    return frozenset(form for form, (decision, _) in collision_decisions().items() if decision == "block")


def collisions(rows: list[LexiconRow] | None = None, frequent_cb: int = FREQUENT_CB) -> list[Collision]:
    """Generated forms (not the written base form of their entry) that are frequent words."""
    ranks = frequency_ranks()
    decisions = collision_decisions()
    found: dict[str, Collision] = {}
    for row in rows if rows is not None else read_rows():
        for entry, forms in entries_of(row):
            if len(entry.tokens) > 1:
                continue  # a phrase's words are checked together, not alone
            for form in forms:
                rank = ranks.get(form)
                if rank is None or rank > frequent_cb or form == entry.tokens[0] or form in found:
                    continue
                decision, reason = decisions.get(form, (None, ""))
                found[form] = Collision(form, rank, row, decision, reason)
    return sorted(found.values(), key=lambda c: c.rank)


def uncovered_reasons() -> dict[str, str]:
    """code -> why it has no entry (data/lexicon_uncovered.tsv)."""
    return dict(read_table("hadath.events", "data/lexicon_uncovered.tsv"))


def _covered_parent(code: str, per_code: Counter[str]) -> str | None:
    """The nearest more general code with entries: "0213" -> "021", else the root's "020"."""
    for parent in (code[:3], code[:2] + "0"):
        if parent != code and per_code[parent]:
            return parent
    return None


def report(show_codes: bool, show_collisions: bool, out=sys.stdout) -> int:
    rows = [row for row in read_rows() if row.cameo != "-"]
    cameo = load_cameo()
    per_root = Counter(row.cameo[:2] for row in rows)
    per_code = Counter(row.cameo for row in rows)
    forms_per_root: Counter[str] = Counter()
    for row in rows:
        forms_per_root[row.cameo[:2]] += sum(len(forms) for _, forms in entries_of(row))
    kinds = Counter(row.kind for row in rows)
    print(f"lexicon: {len(rows)} entries over {len(per_code)} codes, {sum(forms_per_root.values())} generated forms",
          file=out)
    print("kinds: " + ", ".join(f"{kind} {n}" for kind, n in kinds.most_common()), file=out)
    print("\nroot  entries  codes  forms  name", file=out)
    for root in sorted(code for code in cameo if len(code) == 2):
        codes = [c for c in cameo if c[:2] == root and len(c) > 2]
        covered = sum(1 for c in codes if per_code[c])
        print(f"{root}    {per_root[root]:7d}  {covered:2d}/{len(codes):<2d}  {forms_per_root[root]:5d}  "
              f"{cameo[root].name.lower()}", file=out)
    reasons = uncovered_reasons()
    missing = [c for c in sorted(cameo) if len(c) > 2 and not per_code[c]]
    for code in missing:
        parent = _covered_parent(code, per_code)
        if parent is not None and code not in reasons:
            reasons[code] = f"told by the words of {parent} ({cameo[parent].name}), which the coder gives"
    unexplained = [c for c in missing if c not in reasons]
    print(f"\ncodes with no entry: {len(missing)} of {sum(1 for c in cameo if len(c) > 2)} "
          f"({len(missing) - len(unexplained)} told through a more general code or with a reason in "
          f"lexicon_uncovered.tsv, {len(unexplained)} without)", file=out)
    if show_codes or unexplained:
        for code in sorted(per_code):
            print(f"  {code:5} {per_code[code]:3d}  {cameo[code].name}", file=out)
        for code in missing if show_codes else unexplained:
            print(f"  {code:5}   0  {cameo[code].name} — {reasons.get(code, 'NO REASON GIVEN')}", file=out)
    found = collisions()
    undecided = [c for c in found if c.decision is None]
    print(f"\ncollisions (generated forms among the commonest Arabic words, ≤ {FREQUENT_CB} cB): {len(found)}; "
          f"blocked {sum(c.decision == 'block' for c in found)}, kept {sum(c.decision == 'keep' for c in found)}, "
          f"undecided {len(undecided)}", file=out)
    if show_collisions or undecided:
        for c in found if show_collisions else undecided:
            print(f"  {c.form:14} {c.rank:4d} cB  from {c.row.form} ({c.row.kind}, {c.row.cameo}, "
                  f"{c.row.path}:{c.row.line})  {c.decision or 'UNDECIDED'}  {c.reason}", file=out)
    return 1 if undecided or unexplained else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hadath.events.coverage", description=__doc__.splitlines()[0])
    parser.add_argument("--codes", action="store_true", help="list every code with its entry count")
    parser.add_argument("--collisions", action="store_true", help="list every collision, decided or not")
    args = parser.parse_args(argv)
    return report(args.codes, args.collisions)


if __name__ == "__main__":
    sys.exit(main())
