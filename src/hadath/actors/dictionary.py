"""The actor dictionary: states, organisations, people and role words, matched in Arabic text.

Names live in data/ (states.tsv, organisations.tsv, roles.tsv, people.tsv); this module indexes them
in one token trie keyed on normalised forms and reads a text left to right, longest name first:

    "وزير الخارجية الإيراني عباس عراقجي" -> PER "عباس عراقجي", actor IRNGOV, key IRN
    "والعراق" -> LOC "العراق" (IRQ); "قوات الاحتلال الإسرائيلي" -> ORG, ISRMIL
    "الشرطة" -> ORG, actor COP, key None (the event coder may take the state from context)

A role word composes with what follows it: a state adjective ("الجيش التركي"), a state, capital or
organisation in the genitive ("وزير خارجية تركيا", "قائد الحرس الثوري"), further role words
("رئيس جهاز الاستخبارات التركي"), "السابق" (a former official, ELI), and a person's name.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, replace
from datetime import date
from functools import cache, lru_cache
from importlib import resources

from hadath.actors.people import Person, load_people
from hadath.places import find_places
from hadath.text.normalize import normalize
from hadath.text.spans import Spans
from hadath.text.tokens import Token, clitic_readings, tokenize

# Kinds of dictionary entry, in the order that wins when two tables list the same words.
KIND_PRIORITY = ("person", "organisation", "state", "capital", "region", "blocker", "role", "adjective")

# After a role and its state: a former official ("وزير الخارجية التركي السابق" -> TURELI).
FORMER = frozenset(normalize(w) for w in ("السابق", "السابقة", "الأسبق", "الأسبقة", "سابق", "سابقة"))
COMMAS = frozenset({"،", ","})
# Words that join the parts of a name: "فيصل بن فرحان", "عبد الفتاح السيسي", "أبو محمد الجولاني".
NAME_LINKS = frozenset(normalize(w) for w in ("بن", "بنت", "ابن", "عبد", "أبو", "ابو", "آل", "أبي", "ولد"))
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


@dataclass(frozen=True)
class ActorMatch:
    """What a name stands for: "التركية" -> adjective of TUR; "الحرس الثوري" -> ORG IRNMIL (IRN)."""

    actor: str | None
    key: str | None
    name: str | None  # English
    type: str  # PER | ORG | LOC | MISC
    kind: str  # state | capital | region | organisation | person | role | adjective | place


@dataclass(frozen=True)
class ActorMention:
    """A stretch of text that names an actor; `text` is `source[start:end]`.

    kind "role": a role phrase with no name attached ("الجيش التركي", "الشرطة").
    kind "title": a role phrase describing the person mention that follows or precedes it.
    kind "adjective": a state adjective standing alone ("الجانب التركي"): a hint, not an entity.
    `named` holds the state or organisation a role phrase ends in ("وزير خارجية تركيا" -> "تركيا").
    """

    text: str
    start: int
    end: int
    match: ActorMatch
    origin: str = "dictionary"  # dictionary | role
    named: ActorMention | None = None
    names_person: bool = False  # a role phrase that names a person ("وزير الخارجية"), not a body

    @property
    def actor(self) -> str | None:
        return self.match.actor

    @property
    def key(self) -> str | None:
        return self.match.key

    @property
    def kind(self) -> str:
        return self.match.kind


@dataclass(frozen=True)
class _Entry:
    kind: str
    type: str
    actor: str | None
    key: str | None
    name: str | None
    role_code: str = ""
    person: bool = False  # a role word that names a person ("الرئيس"), so a name may follow
    weak: bool = False  # a role word whose code yields to a later one ("رئيس الأركان" is MIL)
    bare: bool = True  # a role word that is an actor with no state ("الشرطة")
    indefinite: bool = False  # people named by what they do are one indefinite too: "اقتحم محتجون"
    default_key: str | None = None  # "الاحتلال" -> ISR where no state follows
    person_ref: Person | None = None

    def as_match(self) -> ActorMatch:
        return ActorMatch(self.actor, self.key, self.name, self.type, self.kind)


# A match: (end token index, clitic characters to skip, entry, the form the first word was read as).
Found = tuple[int, int, _Entry, str]


@lru_cache(maxsize=131072)
def normalise_token(word: str) -> str:
    """The form the trie is keyed on: `normalize` plus lower-case Latin ("PKK" -> "pkk")."""
    return normalize(word).translate(_ASCII_LOWER)


@lru_cache(maxsize=131072)
def first_token_forms(word: str) -> tuple[tuple[str, int], ...]:
    """(form, clitic length) a name's first word may be read as once clitics are off.

    "وتركيا" -> ("تركيا", 1); "والعراق" -> ("العراق", 1); "للسعودية" -> ("السعوديه", 0): the
    article is put back where a reading stripped it, and "لل" cannot be cut off the name, so it stays.
    A stem under three letters is not read off a clitic ("بيت" is not "ب" + "يت").
    """
    forms: list[tuple[str, int]] = []
    seen: set[str] = set()
    for prefix, stem in clitic_readings(word):
        stem = stem.translate(_ASCII_LOWER)
        if prefix.endswith("ال") or prefix.endswith("لل"):
            stem, cut = "ال" + stem, len(prefix) - 2
        elif prefix and len(stem) < 3:
            continue
        else:
            cut = len(prefix)
        if stem not in seen:
            seen.add(stem)
            forms.append((stem, cut))
    return tuple(forms)


def _original_length(word: str, normalised_chars: int) -> int:
    """How many characters of `word` make up its first `normalised_chars` normalised characters."""
    if normalised_chars == 0:
        return 0
    for end in range(1, len(word) + 1):
        if len(normalize(word[:end])) >= normalised_chars:
            return end
    return len(word)


@lru_cache(maxsize=65536)
def _lam_forms(word: str) -> tuple[tuple[str, int], ...]:
    """Readings of a word with the preposition "ل": "لحلف" -> ("حلف", 1); "للأمم" -> ("الامم", 0)."""
    forms = []
    for prefix, stem in clitic_readings(word):
        if prefix == "ل" and len(stem) >= 3:
            forms.append((stem.translate(_ASCII_LOWER), 1))
        elif prefix == "لل":
            forms.append(("ال" + stem.translate(_ASCII_LOWER), 0))
    return tuple(forms)


def _keep_maqsura(word: str) -> str:
    """Normalised but for alef maqsura: "على" stays apart from the name "علي"."""
    return normalize(word.replace("ى", "\u06cc")).replace("\u06cc", "ى")


def _is_name_word(form: str) -> bool:
    """Arabic letters only, two or more: a word that could be part of a person's name."""
    return len(form) >= 2 and all("\u0621" <= c <= "\u064a" for c in form)


def _is_definite(form: str) -> bool:
    return form.startswith("ال") or form.startswith("لل")


def _split(cell: str) -> list[str]:
    return [v.strip() for v in cell.split("|") if v.strip()]


def _rows(filename: str) -> list[dict[str, str]]:
    with resources.files("hadath.actors").joinpath("data", filename).open(encoding="utf-8") as handle:
        lines = (line for line in handle if line.strip() and not line.startswith("#"))
        return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


class ActorDictionary:
    """Every actor name, indexed for matching. Build it once with `get_dictionary()`."""

    def __init__(self, people: list[Person] | None = None) -> None:
        """`people`: hadath.actors.people.Person rows to index; the packaged table where None."""
        self._trie: dict = {}
        self._adjectives: dict = {}  # adjectives alone too: "السعودية" is a state there, an adjective here
        # Words ending in alef maqsura ("على", "إلى") normalise like names ending in ya ("علي"): those
        # are compared with the alef maqsura kept.
        words = [r["word"] for r in _rows("not_names.tsv")]
        self._not_names = frozenset(normalise_token(w) for w in words if not w.endswith("ى"))
        self._not_names_maqsura = frozenset(_keep_maqsura(w) for w in words if w.endswith("ى"))
        self._states: dict[str, dict[str, str]] = {}
        self.collisions: list[str] = []
        self._load_states()
        self._load_organisations()
        self._load_roles()
        self._load_people(load_people() if people is None else people)

    # -- building -------------------------------------------------------------------------------

    def _add(self, name: str, entry: _Entry) -> None:
        tokens = tuple(normalise_token(t.text) for t in tokenize(name))
        if not tokens:
            return
        if entry.kind == "adjective":
            node = self._adjectives
            for token in tokens:
                node = node.setdefault(token, {})
            node[None] = entry
        node = self._trie
        for token in tokens:
            node = node.setdefault(token, {})
        existing = node.get(None)
        if existing is None or KIND_PRIORITY.index(entry.kind) < KIND_PRIORITY.index(existing.kind):
            node[None] = entry
        if existing is not None and existing.key != entry.key:
            self.collisions.append(f"{name}: {existing.kind} {existing.key} / {entry.kind} {entry.key}")

    def _load_states(self) -> None:
        for row in _rows("states.tsv"):
            iso3, name_en = row["iso3"], row["name_en"]
            self._states[iso3] = row
            for name in _split(row["names_ar"]):
                self._add(name, _Entry("state", "LOC", iso3, iso3, name_en))
            for name in _split(row["capitals_ar"]):
                self._add(name, _Entry("capital", "LOC", iso3, iso3, name_en))
            for name in _split(row["adjectives_ar"]):
                self._add(name, _Entry("adjective", "MISC", iso3, iso3, name_en))

    def _load_organisations(self) -> None:
        kinds = {"ORG": "organisation", "LOC": "region", "ADJ": "adjective", "-": "blocker"}
        for row in _rows("organisations.tsv"):
            kind = kinds[row["type"]]
            entry = _Entry(
                kind=kind,
                type={"adjective": "MISC", "region": "LOC"}.get(kind, "ORG"),
                actor=row["actor"] or None,
                key=row["key"] or None,
                name=row["name_en"] or None,
            )
            for name in _split(row["names_ar"]):
                self._add(name, entry)

    def _load_roles(self) -> None:
        for row in _rows("roles.tsv"):
            bare = row["bare"]
            entry = _Entry(
                kind="role",
                type="ORG",
                actor=row["code"],
                key=None,
                name=None,
                role_code=row["code"],
                person=row["person"] == "y",
                weak=row["strength"] == "weak",
                bare=bare != "n",
                indefinite=bare == "any",
                default_key=bare if len(bare) == 3 and bare.isupper() else None,
            )
            for name in _split(row["role_ar"]):
                self._add(name, entry)

    def _load_people(self, people: list[Person]) -> None:
        for person in people:
            entry = _Entry("person", "PER", None, person.country, person.name_en, person_ref=person)
            for name in person.names_ar:
                self._add(name, entry)

    # -- matching -------------------------------------------------------------------------------

    def _walk(
        self, tokens: list[Token], norm: list[str], i: int, forms: tuple[tuple[str, int], ...], trie: dict | None = None
    ) -> Found | None:
        """The longest entry starting at token i read as one of `forms`."""
        best: Found | None = None
        for form, cut in forms:
            node = (self._trie if trie is None else trie).get(form)
            j = i + 1
            while node is not None:
                entry = node.get(None)
                if entry is not None and (best is None or j > best[0]):
                    best = (j, cut, entry, form)
                if j >= len(tokens):
                    break
                node = node.get(norm[j])
                j += 1
        return best

    def _longest(self, tokens: list[Token], norm: list[str], i: int) -> Found | None:
        return self._walk(tokens, norm, i, first_token_forms(tokens[i].text))

    def _plain(self, tokens: list[Token], norm: list[str], i: int) -> Found | None:
        return self._walk(tokens, norm, i, ((norm[i], 0),))

    def _state_name(self, key: str | None) -> str | None:
        return self._states[key]["name_en"] if key in self._states else None

    def find_mentions(self, text: str, on: date | None = None, places: bool = True) -> list[ActorMention]:
        """Every actor named in `text`, left to right, not overlapping, offsets into `text`.

        `on` is the day person codes are read for (the article's publication date); `places` adds
        the gazetteer's cities and regions (kind "place") where no actor name covers them.
        """
        tokens = tokenize(text)
        norm = [normalise_token(t.text) for t in tokens]
        mentions: list[ActorMention] = []
        i = 0
        while i < len(tokens):
            found = self._longest(tokens, norm, i)
            if found is None:
                i += 1
                continue
            end, cut, entry, form = found
            start = tokens[i].start + _original_length(tokens[i].text, cut)
            if entry.kind == "role":
                definite = _is_definite(form if end == i + 1 else norm[end - 1])
                i = self._read_role(text, tokens, norm, i, start, end, entry, definite, on, mentions)
                continue
            if entry.kind != "blocker":
                mentions.append(self._entry_mention(text, start, tokens[end - 1].end, entry, on))
            i = end
        self._titles_after_people(text, mentions)
        return self._with_places(text, mentions) if places else mentions

    def _entry_mention(self, text: str, start: int, end: int, entry: _Entry, on: date | None) -> ActorMention:
        match = entry.as_match()
        if entry.kind == "person":
            person = entry.person_ref  # keys follow dated roles: Aboul Gheit EGY as minister, ARL after
            match = replace(match, actor=person.actor_on(on), key=person.key_on(on))  # type: ignore[union-attr]
        return ActorMention(text[start:end], start, end, match)

    def _continuation(
        self, tokens: list[Token], norm: list[str], j: int, definite: bool
    ) -> Found | None:
        """What may follow a role word: a state adjective agreeing in definiteness ("الجيش التركي",
        "قوات تركية"); after a construct ("وزير خارجية") a role, state, capital or organisation;
        after a definite role, a role or organisation with "ل" ("الأمين العام للأمم المتحدة")."""
        adjective = self._walk(tokens, norm, j, ((norm[j], 0),), self._adjectives)
        if adjective is not None:
            return adjective if _is_definite(norm[j]) == definite else None
        plain = self._plain(tokens, norm, j)
        if not definite:
            if plain is not None and plain[2].kind in ("role", "state", "capital", "organisation"):
                return plain
            return None
        lam = _lam_forms(tokens[j].text)
        found = self._walk(tokens, norm, j, lam) if lam else None
        if found is not None and found[2].kind in ("role", "organisation"):
            return found
        return None

    def _read_role(
        self,
        text: str,
        tokens: list[Token],
        norm: list[str],
        i: int,
        start: int,
        end: int,
        entry: _Entry,
        definite: bool,
        on: date | None,
        mentions: list[ActorMention],
    ) -> int:
        """Read a role phrase from token i (its words definite or a construct); add its mentions;
        return the token index after it."""
        roles = [entry]
        state: str | None = None
        named: ActorMention | None = None
        body_start: int | None = None  # "المتحدث باسم [وزارة الخارجية الأمريكية]": the body a person speaks for
        former = False
        j = end
        while j < len(tokens):
            if norm[j] in FORMER and definite:
                former, j = True, j + 1  # "القائد السابق لفيلق القدس"
                continue
            nxt = self._continuation(tokens, norm, j, definite)
            if nxt is None:
                break
            n_end, n_cut, n_entry, n_form = nxt
            if n_entry.kind == "role":
                if body_start is None and roles[0].person and not n_entry.person:
                    body_start = tokens[j].start + _original_length(tokens[j].text, n_cut)
                roles.append(n_entry)
                definite = _is_definite(n_form if n_end == j + 1 else norm[n_end - 1])
                j = n_end
                continue
            if n_entry.kind != "adjective":
                n_start = tokens[j].start + _original_length(tokens[j].text, n_cut)
                named = self._entry_mention(text, n_start, tokens[n_end - 1].end, n_entry, on)
            state, j = n_entry.key, n_end
            break
        if state is None and named is None and definite:
            found = self._adjective_after_words(tokens, norm, j)
            if found is not None:
                j, state = found
        code = next((r.role_code for r in reversed(roles) if not r.weak), roles[-1].role_code)
        if j < len(tokens) and norm[j] in FORMER:
            former, j = True, j + 1
        if former:
            code = "ELI"
        names_person = roles[0].person
        if named is not None and named.kind == "organisation":
            match = replace(named.match, kind="role")
            if code == "ELI" and match.key in self._states:
                match = replace(match, actor=match.key + "ELI")
        else:
            if state is None:
                state = next((r.default_key for r in roles if r.default_key), None)
            if state is None:
                match = ActorMatch(code, None, None, "ORG", "role")
            else:
                actor = state + code if state in self._states else state
                match = ActorMatch(actor, state, self._state_name(state), "ORG", "role")
        role_end = tokens[j - 1].end
        # "قائد عسكري بارز": an indefinite title with no state names nobody in particular
        person = self._person_after(text, tokens, norm, j, match, on) if names_person and (definite or match.key) else None
        if person is not None:
            if named is None and body_start is not None:
                named = ActorMention(text[body_start:role_end], body_start, role_end, match, "role")
            title = ActorMention(text[start:role_end], start, role_end, replace(match, kind="title"), "role", named, True)
            mentions.extend((title, person[0]))
            return person[1]
        # "قوات", "النظام", "اللواء" alone: no actor without a state or a name; people named by what
        # they do are one indefinite too ("اقتحم محتجون", "قتل مسلحون"; roles.tsv's bare "any")
        if match.key is None and not (all(r.bare for r in roles) and (definite or all(r.indefinite for r in roles))):
            return j
        if match.key is None and not definite and j < len(tokens) and norm[j] == "من":
            return j  # "مقاتلين من حزب العمال": members of the body named after "من", not a party of their own
        mentions.append(ActorMention(text[start:role_end], start, role_end, match, "role", named, names_person))
        return j

    def _adjective_after_words(self, tokens: list[Token], norm: list[str], j: int) -> tuple[int, str | None] | None:
        """"وزارة الدفاع الوطني الجزائرية": a state adjective after one or two more definite words of
        the body's name; (the token index after the adjective, its key), or None."""
        k = j
        for _ in range(2):
            if k >= len(tokens) or not _is_definite(norm[k]) or norm[k] in FORMER:
                return None
            if self._plain(tokens, norm, k) is not None:
                return None
            k += 1
            if k < len(tokens):
                adj = self._walk(tokens, norm, k, ((norm[k], 0),), self._adjectives)
                if adj is not None and _is_definite(norm[k]):
                    return adj[0], adj[2].key
        return None

    def _person_after(
        self, text: str, tokens: list[Token], norm: list[str], j: int, role: ActorMatch, on: date | None
    ) -> tuple[ActorMention, int] | None:
        """The person a role phrase names, right after it: a known person, or, conservatively, one to
        three name-like words ("وزير الخارجية الإيراني عباس عراقجي") ending at a comma, a verb or a
        function word (data/not_names.tsv) or another dictionary name."""
        comma = j < len(tokens) and norm[j] in COMMAS
        if comma and role.key is not None:
            j += 1
        if j < len(tokens) and norm[j].startswith("لل") and self._longest(tokens, norm, j) is None:
            # "وزيرة الدولة القطرية للتعاون الدولي لولوة الخاطر": the portfolio, then the name
            k = j + 1
            while k < len(tokens) and k - j < 3 and _is_definite(norm[k]) and self._plain(tokens, norm, k) is None:
                k += 1
            found = self._person_after(text, tokens, norm, k, role, on) if k < len(tokens) else None
            return found
        if j >= len(tokens):
            return None
        known = self._plain(tokens, norm, j)
        if known is not None and known[2].kind == "person":
            end, entry = known[0], known[2]
            actor = role.actor if role.key is not None else entry.person_ref.actor_on(on)  # type: ignore[union-attr]
            key = role.key if role.key is not None else entry.key
            match = ActorMatch(actor, key, entry.name, "PER", "person")
            s, e = tokens[j].start, tokens[end - 1].end
            return ActorMention(text[s:e], s, e, match), end
        if known is not None or self._longest(tokens, norm, j) is not None:
            return None  # "لفيلق القدس", "والحكومة": a name from the dictionary, not a person's
        if self._not_a_name(tokens[j].text) or (role.key is None and comma) or _opens_an_act(tokens, j):
            return None
        k = j
        words = 0  # name words, links ("بن", "عبد") aside: at most three
        while k < len(tokens) and words < 3:
            form = norm[k]
            if not _is_name_word(form) or self._is_not_name(tokens[k].text) or form in FORMER:
                break
            if k == j and _is_definite(form):
                break  # "الرئيس الإيراني الجديد": a definite word after a title is not a name
            if k > j and (self._plain(tokens, norm, k) is not None or self._joins_clause(tokens, norm, k)
                          or _common_word(tokens[k].text)):
                break  # (nor is a common word: "عملية", "عسكرية")
            words += form not in NAME_LINKS
            k += 1
        while k > j and norm[k - 1] in NAME_LINKS:
            k -= 1  # "عبد" or "بن" cannot end a name
        if k == j or (role.key is None and k - j < 2):
            return None  # with no state to go by, only a name of two words or more ("الرئيس عبد المجيد تبون")
        match = ActorMatch(role.actor, role.key, None, "PER", "person")
        s, e = tokens[j].start, tokens[k - 1].end
        return ActorMention(text[s:e], s, e, match, "role"), k

    def _not_a_name(self, word: str) -> bool:
        """"بمقر", "ويبدأ", "والمحادثات": a function word, verb or noun, bare or behind a clitic; or a
        common word that no list of names holds ("بجهود", "مواطنيه")."""
        if _keep_maqsura(word) in self._not_names_maqsura or _common_word(word) or _possessed_common_noun(word) \
                or _inflected_common_noun(word):
            return True
        # a verb with the future prefix: "سيقوم", "وستزور" are "يقوم", "تزور"
        return any(stem in self._not_names or (prefix and _is_definite(stem))
                   or (stem[:2] in ("سي", "ست", "سن") and stem[1:] in self._not_names)
                   for prefix, stem in clitic_readings(word))

    def _is_not_name(self, word: str) -> bool:
        return normalise_token(word) in self._not_names or _keep_maqsura(word) in self._not_names_maqsura

    def _joins_clause(self, tokens: list[Token], norm: list[str], k: int) -> bool:
        """"ونظيره", "وأكد", "والرئيس": a conjunction starting the next phrase, not part of a name."""
        form = norm[k]
        if form[0] not in "وف" or len(form) < 3:
            return False
        rest = form[1:]
        return (
            rest in self._not_names
            or _keep_maqsura(tokens[k].text[1:]) in self._not_names_maqsura
            or _is_definite(rest)
            or self._longest(tokens, norm, k) is not None
        )

    def _titles_after_people(self, text: str, mentions: list[ActorMention]) -> None:
        """A known person followed by their title takes the title's code: "عراقجي، وزير الخارجية الإيراني";
        a title of another state right after a person with no comma between is another person."""
        for index in range(len(mentions) - 1):
            person, title = mentions[index], mentions[index + 1]
            if person.kind != "person" or title.kind != "role" or not title.names_person or title.key is None:
                continue
            between = text[person.end : title.start].strip()
            if not between and person.key and person.key != title.key:
                continue  # "استقبل أردوغان وزير الخارجية الأمريكي": the object, another person, not a title
            if between in ("", "،", ","):
                mentions[index] = replace(person, match=replace(person.match, actor=title.actor, key=title.key))
                mentions[index + 1] = replace(title, match=replace(title.match, kind="title"))

    def _with_places(self, text: str, mentions: list[ActorMention]) -> list[ActorMention]:
        """Add gazetteer places (cities, regions) that no actor name already covers."""
        places = find_places(text)
        if not places:
            return mentions
        taken = Spans.of((m.start, m.end) for m in mentions)
        for place in places:
            if taken.overlaps(place.start, place.end):
                continue
            key = place.place.key
            match = ActorMatch(key, key, place.place.name_en, "LOC", "place")
            mentions.append(ActorMention(place.text, place.start, place.end, match))
        mentions.sort(key=lambda m: m.start)
        return mentions

    def lookup(self, name: str, on: date | None = None) -> ActorMatch | None:
        """What a whole name stands for, or None: "وزير الخارجية التركي" -> TURGOV (TUR)."""
        mentions = [m for m in self.find_mentions(name, on) if m.kind != "title"]
        tokens = tokenize(name)
        if len(mentions) != 1 or not tokens:
            return None
        mention = mentions[0]
        if mention.start > tokens[0].start + 2 or mention.end < tokens[-1].end:
            return None
        return mention.match


@cache
def get_dictionary() -> ActorDictionary:
    """The actor dictionary, built on first use and shared."""
    return ActorDictionary()


# A word at least this common in general Arabic (wordfreq rank, centibels: lower is commoner) and in
# no list of names is a common word, not a name: "جهود" 438, "مواطني" 504; "ماكرون" is a name.
COMMON_WORD_RANK = 520


NUMBER_SUFFIXES = ("ين", "ات", "ون")  # dual or sound plural: "اتصالين", "مفاوضات"
POSSESSIVE_SUFFIXES = ("هما", "هم", "ها", "ه")  # as written: a final "ة" is no pronoun ("أسامة")


def _opens_an_act(tokens: list[Token], j: int) -> bool:
    """Words from token j on that the event lexicon reads as an act ("بشن عملية عسكرية", "بزيارة"):
    what a title is followed by there is what its holder does, not the holder's name."""
    from hadath.events.lexicon import load_lexicon  # (the events package reads actors, not the reverse)

    return any(match.first == 0 for match in load_lexicon().match(tokens[j : j + 8]))


def _inflected_common_noun(word: str) -> bool:
    """The dual or sound plural of a common noun ("اتصالين" of "اتصال") is no person's name, though the
    form itself is too rare for the frequency list; a stem of four letters or more ("بوتين", "عرفات",
    "هارون" keep theirs)."""
    return _common_noun_with(normalise_token(word.strip()), NUMBER_SUFFIXES)


def _possessed_common_noun(word: str) -> bool:
    """A common noun with a possessive pronoun ("أنصاره", "قواتها", "وزيره") is no person's name, though
    the whole word is too rare for the frequency list: "الرئيس العراقي أنصاره" names nobody. (The noun
    may head a name, "أنصار الله", but with a pronoun on it, it names no one.)"""
    return _common_noun_with(word.strip(), POSSESSIVE_SUFFIXES)


def _common_noun_with(word: str, suffixes: tuple[str, ...]) -> bool:
    """`word` is a common noun (by its frequency alone, name lists aside) with one of `suffixes`; a stem
    shorter than four letters may be a name's ("عبده", "طه")."""
    suffix = next((p for p in suffixes if word.endswith(p)), None)
    return suffix is not None and len(word) - len(suffix) >= 4 and _frequent(word[: -len(suffix)])


def _frequent(word: str) -> bool:
    """One of the word's readings is at least COMMON_WORD_RANK common in general Arabic."""
    from hadath.ner.features import lexicon, stems

    ranks = lexicon().ranks
    return any(ranks.get(stem, 10_000) <= COMMON_WORD_RANK for stem in stems(word))


@lru_cache(maxsize=50_000)
def _common_word(word: str) -> bool:
    from hadath.ner.features import name_kinds

    return not name_kinds(word) and _frequent(word)


@cache
def state_codes() -> frozenset[str]:
    """The ISO 3166 alpha-3 codes of states (data/states.tsv): "TUR" is a state; "HTS", "PKK", "GCC"
    have three letters too but are not."""
    return frozenset(row["iso3"] for row in _rows("states.tsv"))


def is_state(key: str | None) -> bool:
    return key is not None and key in state_codes()
