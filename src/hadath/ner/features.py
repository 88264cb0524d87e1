"""CRF features for Arabic NER: one list of feature strings per token of a sentence.

A token's own features (word, normalised word, clitic-split stems, affixes, shape, cue words) depend
only on its text and are cached; a sentence adds the window of neighbours, bigrams, position and
gazetteer matches that may span several tokens ("الأمم المتحدة", "عبد الله").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from hadath.derived_cache import cached
from hadath.text.normalize import normalize, normalize_word
from hadath.text.tokens import clitic_readings

DATA = Path(__file__).resolve().parent / "data"
# Pronoun suffixes read off the unnormalised word: "ه" but not "ة" (normalisation merges them).
PRONOUN_SUFFIXES = ("هما", "هم", "هن", "ها", "كم", "نا", "ه")
LATIN = re.compile(r"[A-Za-z]")
DIGIT = re.compile(r"\d")
ARABIC = re.compile("[\u0621-\u064a]")
WINDOW = 2
NEIGHBOURS = tuple(d for d in range(-WINDOW, WINDOW + 1) if d)
# The granularities of word_clusters.tsv's columns (hadath.ner.build_word_clusters.GRANULARITIES).
CLUSTER_SIZES = ("64", "256", "1024")
# Which word-class features are on (the groups of src/hadath/ner/README.md's table): the word's own
# classes ("word"), its best clitic reading's ("readings") and its neighbours' ("neighbours"). The
# neighbours' classes lowered held-out F1 in every form tried (their words are features already), so
# they are off; the group stays to measure it again with other classes.
CLUSTER_GROUPS = frozenset({"word", "readings"})
# With "neighbours" on: the granularities (indices into CLUSTER_SIZES) read at each distance.
NEIGHBOUR_CLUSTERS = {1: (0, 1, 2), 2: (1,)}
NEIGHBOUR_SLOTS = tuple((d, d + WINDOW) for d in NEIGHBOURS)  # d, and where `_as_neighbour` puts its features
PADS = tuple(f"n[{d}]=<pad>" for d in range(-WINDOW, WINDOW + 1))  # indexed by d + WINDOW: no word there


@dataclass(frozen=True)
class Lexicon:
    """The word lists the features consult: cue words, multi-word gazetteer names, name words."""

    cues: dict[str, str]  # normalised word -> PER | ORG | LOC | PART
    names: dict[tuple[str, ...], str]  # normalised token tuple -> PER | LOC | ORG | MISC
    longest: dict[str, int]  # first word of a name -> the most words a name starting with it has
    name_words: dict[str, tuple[str, ...]]  # normalised word -> given | family | translit
    # A word of a multi-word gazetteer name -> PER-first | PER-last | ORG | LOC: "ساركوزي" ends
    # "نيكولا ساركوزي", so it is likely a surname when it stands alone or after an unlisted first name.
    name_parts: dict[str, tuple[str, ...]]
    ranks: dict[str, int]  # normalised word -> frequency rank in centibels (word_frequencies.tsv)
    # normalised word -> its word classes at each of CLUSTER_SIZES (word_clusters.tsv, from Arabic Wikipedia)
    classes: dict[str, tuple[str, ...]]


def _data_rows(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


LEXICON_FILES = ("cues.tsv", "gazetteer.tsv", "name_words.tsv", "word_frequencies.tsv", "word_clusters.tsv")


@cache
def lexicon() -> Lexicon:
    """The word lists the features read, built once per change of their files (hadath.derived_cache)."""
    here = Path(__file__).resolve()
    inputs = [DATA / name for name in LEXICON_FILES] + [here, here.parents[1] / "text" / "normalize.py"]
    return cached("ner-lexicon", inputs, _build_lexicon)


def _build_lexicon() -> Lexicon:
    cues = {normalize(row[0]): row[1] for row in _data_rows(DATA / "cues.tsv")}
    names: dict[tuple[str, ...], str] = {}
    for row in _data_rows(DATA / "gazetteer.tsv"):
        key = tuple(normalize(part) for part in row[0].split())
        if key:
            names.setdefault(key, row[1])
    name_words = {normalize(row[0]): tuple(row[1].split(",")) for row in _data_rows(DATA / "name_words.tsv")}
    parts: dict[str, dict[str, None]] = {}
    for key, kind in names.items():
        if len(key) < 2:
            continue
        if kind == "PER":
            parts.setdefault(key[0], {})["PER-first"] = None
            parts.setdefault(key[-1], {})["PER-last"] = None
        elif kind in ("ORG", "LOC"):
            for word in key:
                parts.setdefault(word, {})[kind] = None
    name_parts = {word: tuple(kinds) for word, kinds in parts.items() if word not in cues}
    ranks = {row[0]: int(row[1]) for row in _data_rows(DATA / "word_frequencies.tsv")}
    ids: dict[str, str] = {}  # one string object per class number: 93,000 words share ~1,000 of them
    classes = {row[0]: tuple(ids.setdefault(c, c) for c in row[1:]) for row in _data_rows(DATA / "word_clusters.tsv")}
    longest: dict[str, int] = {}
    for key in names:
        longest[key[0]] = max(longest.get(key[0], 0), len(key))
    return Lexicon(cues=cues, names=names, longest=longest, name_words=name_words,
                   name_parts=name_parts, ranks=ranks, classes=classes)


@lru_cache(maxsize=200_000)
def _readings(word: str) -> tuple[tuple[str, str], ...]:
    """`clitic_readings`, once per word: most feature functions read them."""
    return tuple(clitic_readings(word))


@lru_cache(maxsize=200_000)
def _normalized(word: str) -> str:
    return _readings(word)[0][1]  # the bare reading is the normalised word


@lru_cache(maxsize=200_000)
def stems(word: str) -> tuple[str, ...]:
    """Normalised forms a word may stand for: bare, clitic-stripped ("والعراق" -> "عراق"), pronoun-stripped."""
    forms = [stem for _, stem in _readings(word)]
    for suffix in PRONOUN_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            forms.append(normalize(word[: -len(suffix)]))
            break
    return tuple(dict.fromkeys(forms))


def _length_bucket(n: int) -> str:
    return "1" if n == 1 else "2" if n == 2 else "3" if n == 3 else "4-5" if n <= 5 else "6-8" if n <= 8 else "9+"


@lru_cache(maxsize=200_000)
def word_features(word: str) -> tuple[str, ...]:
    """Features of a word alone, without context."""
    norm = _normalized(word)
    feats = ["w=" + word, "n=" + norm, "len=" + _length_bucket(len(norm))]
    for k in range(1, 5):
        if len(norm) > k:
            feats.append(f"p{k}={norm[:k]}")
            feats.append(f"s{k}={norm[-k:]}")
    readings = _readings(word)
    for prefix, stem in readings[1:]:
        feats.append("st=" + stem)
        feats.append("pf=" + prefix)
    feats.append("ls=" + readings[-1][1])
    for suffix in PRONOUN_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            feats.append("pron=" + suffix)
            feats.append("nos=" + normalize(word[: -len(suffix)]))
            break
    if DIGIT.search(norm):
        feats.append("digit")
        if norm.isdigit():
            feats.append("alldigit")
    if LATIN.search(word):
        feats.append("latin")
        if word[:1].isupper():
            feats.append("latincap")
    if not ARABIC.search(word) and not norm.isalnum():
        feats.append("punct")
    if _is_nisba(norm):
        feats.append("nisba")
    cues = lexicon().cues
    for form in stems(word):
        cue = cues.get(form)
        if cue:
            feats.append("cue=" + cue)
            break
    feats.extend("nw=" + kind for kind in name_kinds(word))
    return tuple(feats)


def _rank_band(rank: int | None) -> str:
    return "none" if rank is None else str(rank // 50)


@lru_cache(maxsize=200_000)
def frequency_features(word: str) -> tuple[str, ...]:
    """How common the word is in general Arabic text, and whether it behaves like a common noun.

    zf/zs: the frequency band of the word as written and of the clitic reading general text knows
    best ("none": rarer than one in ten million, as most unseen names are). al: how the definite form's frequency compares with
    the bare form's: "بنك"/"البنك" are both common, "ساركوزي" has no "الساركوزي". pl/ha/in: the
    bands of the stem with a plural or possessive ending, which names do not take.
    """
    ranks = lexicon().ranks
    stem = best_reading(word)
    feats = ["zf=" + _rank_band(ranks.get(_normalized(word))), "zs=" + _rank_band(ranks.get(stem))]
    bare = stem[2:] if stem.startswith("ال") else stem
    rank_bare, rank_definite = ranks.get(bare), ranks.get("ال" + bare)
    if rank_bare is None or rank_definite is None:
        feats.append("al=" + ("none" if rank_bare == rank_definite else "only-bare" if rank_definite is None else "only-definite"))
    else:
        gap = rank_definite - rank_bare  # centibels: negative when the definite form is the commoner
        feats.append("al=" + ("<-50" if gap < -50 else "<0" if gap < 0 else "<50" if gap < 50 else "<100" if gap < 100 else ">=100"))
    for ending, name in (("ات", "pl"), ("ها", "ha"), ("ين", "in")):
        feats.append(f"{name}=" + _rank_band(ranks.get(bare + ending)))
    return tuple(feats)


@lru_cache(maxsize=200_000)
def best_reading(word: str) -> str:
    """The clitic reading general text knows best: "بنك" is the word, not ب + "نك"; "وساركوزي" is
    و + "ساركوزي" (the commonest by word_frequencies.tsv; the last reading when none is listed)."""
    ranks = lexicon().ranks
    readings = [stem for _, stem in _readings(word)]
    stem = min(readings, key=lambda form: ranks.get(form, 10_000))
    return stem if stem in ranks else readings[-1]


@lru_cache(maxsize=200_000)
def word_classes(word: str) -> tuple[str, ...]:
    """The word's distributional classes (one per granularity of CLUSTER_SIZES), from its
    normalised form or, for a form Wikipedia has too rarely, from the clitic reading general text
    knows best ("وساركوزي" -> the classes of "ساركوزي"); () for a word it lacks."""
    classes = lexicon().classes
    return classes.get(_normalized(word)) or classes.get(best_reading(word)) or ()


@lru_cache(maxsize=200_000)
def cluster_features(word: str) -> tuple[str, ...]:
    """Word-class features: "k64=12", "k256=…", "k1024=…" of the word as written ("k=none" when
    Wikipedia has it fewer than 5 times), and "sk…" of the clitic reading general text knows best
    when that is not the word as written ("والعراق" -> the classes of "عراق"). Words used alike
    share a class: a name never seen in training stands with the names that were."""
    groups = CLUSTER_GROUPS
    classes = lexicon().classes
    feats: list[str] = []
    if "word" in groups:
        own = classes.get(_normalized(word))
        if own is None:
            feats.append("k=none")
        else:
            feats.extend(f"k{size}={c}" for size, c in zip(CLUSTER_SIZES, own, strict=True))
    if "readings" in groups:
        stem = best_reading(word)
        if stem != _normalized(word) and stem in classes:
            feats.extend(f"sk{size}={c}" for size, c in zip(CLUSTER_SIZES, classes[stem], strict=True))
    return tuple(feats)


@lru_cache(maxsize=200_000)
def name_kinds(word: str) -> tuple[str, ...]:
    """The name lists the word or its clitic-stripped stem is in ("given", "family", "translit"), and
    the places it takes in multi-word gazetteer names ("part-PER-last", "part-ORG"): "ولاريجاني" ->
    ("family", "translit", "part-PER-last"). Most unseen names in news are in one of them."""
    lex = lexicon()
    kinds: dict[str, None] = {}
    for form in stems(word):
        for kind in lex.name_words.get(form, ()):
            kinds[kind] = None
        for kind in lex.name_parts.get(form, ()):
            kinds["part-" + kind] = None
    return tuple(kinds)


def _is_nisba(norm: str) -> bool:
    """A relative adjective with the article, "الإيراني", "اللبنانية": often between a title and a name."""
    return norm.startswith("ال") and len(norm) >= 5 and (norm.endswith("ي") or norm.endswith("يه"))


@lru_cache(maxsize=200_000)
def _context_view(word: str) -> tuple[str, str, str | None]:
    """What a neighbour contributes: its normalised form, its last clitic stem, its cue type."""
    cues = lexicon().cues
    cue = next((cues[f] for f in stems(word) if f in cues), None)
    return _normalized(word), _readings(word)[-1][1], cue


@lru_cache(maxsize=200_000)
def _name_starts(word: str) -> tuple[tuple[str, int], ...]:
    """The `stems` of a word that begin a gazetteer name, each with the most words such a name has."""
    longest = lexicon().longest
    return tuple((form, longest[form]) for form in stems(word) if form in longest)


def gazetteer_tags(words: Sequence[str]) -> list[str | None]:
    """BIO tags of the longest gazetteer names in a sentence ("B-LOC", "I-LOC", None).

    The first word of a name may carry clitics ("وبغداد"), the others are matched as written.
    """
    lex = lexicon()
    norms = [normalize_word(w) for w in words]
    tags: list[str | None] = [None] * len(words)
    i = 0
    while i < len(words):
        found = 0
        kind = ""
        for first, longest in _name_starts(words[i]):
            for length in range(min(longest, len(words) - i), found, -1):
                key = (first, *norms[i + 1 : i + length])
                if key in lex.names:
                    found, kind = length, lex.names[key]
                    break
        if found:
            tags[i] = "B-" + kind
            for j in range(i + 1, i + found):
                tags[j] = "I-" + kind
            i += found
        else:
            i += 1
    return tags


def _word_own_features(word: str) -> tuple[str, ...]:
    """A word's own features, all of them (`_own_features`) or those a model knows (`_kept_own_features`)."""
    return word_features(word) + frequency_features(word) + cluster_features(word)


@lru_cache(maxsize=200_000)
def _own_features(word: str) -> tuple[str, ...]:
    return _word_own_features(word)


@lru_cache(maxsize=200_000)
def _as_neighbour(word: str) -> tuple[tuple[str, ...], ...]:
    """What a word contributes to the features of the word d places from it, indexed by d + WINDOW
    (d = ±1, ±2; the middle one, d = 0, is empty)."""
    v_norm, v_stem, v_cue = _context_view(word)
    kinds = name_kinds(word)
    classes = word_classes(word) if "neighbours" in CLUSTER_GROUPS else ()
    out = []
    for d in range(-WINDOW, WINDOW + 1):
        feats = [f"n[{d}]={v_norm}"] if d else []
        if v_cue and d:
            feats.append(f"cue[{d}]={v_cue}")
        if abs(d) == 1:
            feats.append(f"ls[{d}]={v_stem}")
            feats.extend(f"nw[{d}]={kind}" for kind in kinds)
        if d and classes:
            feats.extend(f"k{CLUSTER_SIZES[g]}[{d}]={classes[g]}" for g in NEIGHBOUR_CLUSTERS[abs(d)])
        out.append(tuple(feats))
    return tuple(out)


def sentence_features(words: Sequence[str]) -> list[list[str]]:
    """One feature list per word: its own features plus a window of ±2 neighbours."""
    return _sentence_rows(words)[0]


@lru_cache(maxsize=200_000)
def _kept_own_features(word: str, keep: frozenset[str]) -> tuple[str, ...]:
    return tuple(filter(keep.__contains__, _word_own_features(word)))


@lru_cache(maxsize=200_000)
def _kept_as_neighbour(word: str, keep: frozenset[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(filter(keep.__contains__, feats)) for feats in _as_neighbour(word))


def _sentence_rows(words: Sequence[str],
                   keep: frozenset[str] | None = None) -> tuple[list[list[str]], list[list[str]]]:
    """Each word's sentence features, and the part of them that the word's other mentions in a
    document share (`first_pass_features`): its gazetteer match, the cue words beside it and the
    nearest cue to its left. With `keep`, the sentence features are only those in it (in the same
    order); the shared part is whole."""
    views = [_context_view(w) for w in words]
    if keep is None:
        owns = [_own_features(w) for w in words]
        around = [_as_neighbour(w) for w in words]
    else:
        owns = [_kept_own_features(w, keep) for w in words]
        around = [_kept_as_neighbour(w, keep) for w in words]
    gaz = gazetteer_tags(words)
    pads = [pad if keep is None or pad in keep else None for pad in PADS]
    n = len(words)
    out: list[list[str]] = []
    shared: list[list[str]] = []
    for i in range(n):
        feats = list(owns[i])  # own and neighbour features are filtered by `keep` already; the rest here
        mine: list[str] = []
        norm = views[i][0]
        if i == 0 and (keep is None or "BOS" in keep):
            feats.append("BOS")
        if i == n - 1 and (keep is None or "EOS" in keep):
            feats.append("EOS")
        if gaz[i]:
            feature = "gz=" + gaz[i]
            if keep is None or feature in keep:
                feats.append(feature)
            mine.append(feature)
        for d, k in NEIGHBOUR_SLOTS:
            j = i + d
            if 0 <= j < n:
                feats.extend(around[j][k])
                if (d == -1 or d == 1) and views[j][2]:
                    mine.append(f"cue[{d}]={views[j][2]}")  # in feats already, from _as_neighbour
                if gaz[j]:
                    feature = f"gz[{d}]={gaz[j]}"
                    if keep is None or feature in keep:
                        feats.append(feature)
            elif pads[k]:
                feats.append(pads[k])
        # The nearest cue word to the left, skipping adjectives: "الرئيس اللبناني إميل لحود".
        for j in range(i - 1, max(-1, i - 4), -1):
            if views[j][2]:
                feature = "leftcue=" + views[j][2]
                if keep is None or feature in keep:
                    feats.append(feature)
                mine.append(feature)
                break
            if not _is_nisba(views[j][0]):
                break
        if i > 0:
            feature = f"b[-1]={views[i - 1][0]}|{norm}"
            if keep is None or feature in keep:
                feats.append(feature)
        if i < n - 1:
            feature = f"b[+1]={norm}|{views[i + 1][0]}"
            if keep is None or feature in keep:
                feats.append(feature)
        out.append(feats)
        shared.append(mine)
    return out, shared


@lru_cache(maxsize=200_000)
def entity_key(word: str) -> str:
    """The form under which mentions of one name are pooled in a document: "ولحود" -> "لحود"."""
    return _readings(word)[-1][1] if ARABIC.search(word) else word.lower()


# Words commoner than this (about 60: function words, and "محمد", "بن") pool no contexts: their
# mentions' neighbours say nothing about them and would only add features.
COMMON_RANK = 300


@lru_cache(maxsize=200_000)
def _as_left_of_mention(word: str) -> tuple[str, ...]:
    norm, stem, _ = _context_view(word)
    return ("dL=" + stem, "dLnisba") if _is_nisba(norm) else ("dL=" + stem,)


@lru_cache(maxsize=200_000)
def _as_right_of_mention(word: str) -> str:
    return "dR=" + _context_view(word)[0]


def first_pass_features(sentences: Sequence[Sequence[str]],
                        keep: frozenset[str] | None = None) -> list[list[list[str]]]:
    """First-pass features of a document's sentences: each word's sentence features, plus the
    contexts of the same word's other mentions in the document. "كافو" after "النجم البرازيلي" once
    is a person wherever else it stands ("وكان كافو", "واعترف كافو").

    A mention passes on the stem before it ("dL=قال"), whether that is a nisba ("dLnisba"), the word
    after it ("dR="), and its cue and gazetteer features; words of fewer than three letters, and the
commonest words (COMMON_RANK), pass nothing.

    With `keep` (the features a model has weights for: the others change no tag), each word's
    features are only those in it, in the same order.
    """
    rows = [_sentence_rows(words, keep) for words in sentences]
    base = [feats for feats, _ in rows]
    ranks = lexicon().ranks
    keys = [[entity_key(word) for word in words] for words in sentences]
    # Per word key: how many mentions it has; only a word mentioned more than once has other
    # mentions' contexts to learn from.
    times: dict[str, int] = {}
    for sentence_keys in keys:
        for key in sentence_keys:
            if len(key) >= 3 and ranks.get(key, COMMON_RANK) >= COMMON_RANK:
                times[key] = times.get(key, 0) + 1
    # Per such word: how many of its mentions have each context; per mention: the contexts it has.
    counts: dict[str, dict[str, int]] = {}
    own: dict[tuple[int, int], tuple[str, ...]] = {}
    for s, words in enumerate(sentences):
        for i, key in enumerate(keys[s]):
            if times.get(key, 0) < 2:
                continue
            mine = ["d" + f for f in rows[s][1][i]]  # "gz=B-PER" -> "dgz=B-PER"
            if i > 0:
                mine.extend(_as_left_of_mention(words[i - 1]))
            if i + 1 < len(words):
                mine.append(_as_right_of_mention(words[i + 1]))
            found = counts.setdefault(key, {})
            for feature in set(mine):
                found[feature] = found.get(feature, 0) + 1
            own[s, i] = tuple(mine)
    for (s, i), mine in own.items():
        found = counts[keys[s][i]]
        base[s][i].extend(f for f, n in found.items() if n > (f in mine) and (keep is None or f in keep))
    return base


@cache  # a few tags: a few hundred triples
def _first_pass_tags(tag: str, before: str, after: str) -> tuple[str, str, str]:
    """The second pass's features of the first pass's tag of a word and of the words beside it."""
    return "p1=" + tag, "p1[-1]=" + before, "p1[1]=" + after


def document_features(
    sentences: Sequence[Sequence[str]],
    first_pass: Sequence[Sequence[str]],
    base: list[list[list[str]]] | None = None,
) -> list[list[list[str]]]:
    """Second-pass features: each word's own features plus what the first pass said about it and
    about its other mentions in the same document ("لحود" tagged PER twice makes the third one PER).
    `base`, the sentences' `first_pass_features` where already computed, is extended in place.
    """
    if base is None:
        base = first_pass_features(sentences)
    votes: dict[str, dict[str, int]] = {}
    times: dict[str, int] = {}  # mentions of each key
    keys = [[entity_key(word) for word in words] for words in sentences]
    for sentence_keys, tags in zip(keys, first_pass, strict=True):
        for key, tag in zip(sentence_keys, tags, strict=True):
            kinds = votes.setdefault(key, {})
            kind = tag[2:] if tag != "O" else "O"
            kinds[kind] = kinds.get(kind, 0) + 1
            times[key] = times.get(key, 0) + 1
    out = []
    for index, (sentence_keys, tags) in enumerate(zip(keys, first_pass, strict=True)):
        feats_of = base[index]
        n = len(sentence_keys)
        for i, key in enumerate(sentence_keys):
            feats = feats_of[i]
            feats += _first_pass_tags(tags[i], tags[i - 1] if i > 0 else "<pad>",
                                      tags[i + 1] if i + 1 < n else "<pad>")
            if times[key] == 1:
                continue  # no other mention
            own = tags[i][2:] if tags[i] != "O" else "O"
            kinds = dict(votes[key])
            kinds[own] -= 1  # other mentions only
            named = {k: v for k, v in kinds.items() if k != "O" and v > 0}
            if named:
                best = max(named, key=named.__getitem__)
                share = named[best] / (named[best] + kinds.get("O", 0))
                feats.append("doc=" + best)
                feats.append(f"doc={best}|{'most' if share >= 0.5 else 'some'}")
        out.append(feats_of)
    return out


def clear_word_caches() -> None:
    """Forget every word's cached features (the word lists stay loaded): for timing cold tagging."""
    for value in list(globals().values()):
        if callable(getattr(value, "cache_clear", None)) and value is not lexicon:
            value.cache_clear()
