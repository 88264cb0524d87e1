"""The surface forms of one lexicon word: each kind of entry derives the forms news writes.

Works on normalised text (hadath.text.normalize: alef and hamza seats folded, ة -> ه, ى -> ي), so
"غارة" is "غاره" here and its suffixed stem is "غارت". Clitics (و ف ب ل ك ال) and the future سـ are
stripped by the matcher, not generated here.
"""

from __future__ import annotations

from hadath.text.normalize import normalize

OBJECT_PRONOUNS = ("ه", "ها", "هم", "هما", "ك", "كم", "نا", "هن")
NOUN_PRONOUNS = ("ه", "ها", "هم", "هما", "ي", "نا", "كم", "هن")
PRESENT_PREFIXES = ("ي", "ت", "ن", "ا")  # "ا" is the first person singular "أ" once normalised


def past_forms(base: str, hamza_final: bool = False) -> set[str]:
    """"هاجم" -> هاجمت هاجموا هاجما هاجمتا هاجمنا هاجمتم + object pronouns; "دعا" -> دعت دعوا دعتا
    دعونا؛ "التقى" -> التقت التقوا التقيا التقينا؛ "رد" -> ردت ردوا رددنا؛ "زار" -> زرت زرنا."""
    forms = {base}
    if base.endswith("ي") and len(base) > 2:  # defective in ى: التقى، اعتدى، ألقى
        stem = base[:-1]
        forms |= {stem + "ت", stem + "وا", base + "ا", stem + "تا", base + "نا", base + "ت", base + "تم"}
    elif base.endswith("ا") and len(base) > 2 and not hamza_final:  # defective in ا: دعا، نجا (not بدأ)
        stem = base[:-1]
        forms |= {stem + "ت", stem + "وا", stem + "تا", stem + "ونا", stem + "وت", base + "نا"}
    else:
        forms |= {base + "ت", base + "وا", base + "ا", base + "تا", base + "نا", base + "تم"}
        if len(base) == 2:  # doubled root written with shadda: "ردّ" -> "رددنا", "رددت"
            doubled = base + base[-1]
            forms |= {doubled + "نا", doubled + "ت", doubled + "تم"}
        if len(base) == 3 and base[1] == "ا":  # hollow: "زار" -> "زرت", "زرنا"
            short = base[0] + base[2]
            forms |= {short + "ت", short + "نا", short + "تم"}
    # object pronouns on the third persons only: "هاجمته", "قتلوهم"; not on "هاجمنا" (we / us)
    objects = {form + pronoun for form in forms if not form.endswith(("وا", "نا", "تم"))
               for pronoun in OBJECT_PRONOUNS}
    objects |= {form[:-1] + pronoun for form in forms if form.endswith("وا") for pronoun in ("ه", "ها", "هم")}
    return forms | objects


def present_forms(base: str) -> set[str]:
    """"يهاجم" -> يهاجم تهاجم نهاجم أهاجم + ون ان وا ا + object pronouns; "يدعو" -> يدعون يدعوا
    يدعوان؛ "يلتقي" -> يلتقون يلتقيان يلتقوا."""
    if base[:1] != "ي" or len(base) < 3:
        return {base}
    stem = base[1:]
    if stem.endswith(("و", "ي")) and len(stem) > 2:  # defective: the plural drops the last letter
        short = stem[:-1]
        stems = {stem, stem + "ان", stem + "ا", short + "ون", short + "وا"}
    else:
        stems = {stem, stem + "ون", stem + "ان", stem + "وا", stem + "ا", stem + "ين"}
    forms = {prefix + inflected for prefix in PRESENT_PREFIXES for inflected in stems}
    objects = {form + pronoun for form in forms for pronoun in OBJECT_PRONOUNS
               if not form.endswith(("وا", "ا"))}
    objects |= {form[:-1] + pronoun for form in forms if form.endswith("ون") for pronoun in ("ه", "ها", "هم")}
    return forms | objects


def noun_forms(base: str) -> set[str]:
    """"هجوم" -> هجوما هجومان هجومين هجومات هجومه هجوميه …; "غارة" (غاره) -> غارات غارتان غارتين
    غارتا غارتي غارته غاراتها غارتيها …"""
    stem = _suffix_stem(base)
    plural = _sound_plural(base)
    forms = number_forms(base) | {stem + "ا"}  # "هجوما": accusative or dual construct
    forms |= {plural + pronoun for pronoun in NOUN_PRONOUNS}
    if base.endswith("ه"):
        forms |= {stem + pronoun for pronoun in NOUN_PRONOUNS}
        # the dual before a genitive or a pronoun: "غارتي الطيران", "زيارتيه"
        forms |= {stem + "ي"} | {stem + "ي" + pronoun for pronoun in ("ه", "ها", "هم", "هما")}
    else:
        # no "ي" on a masculine stem: "هجومي", "هجومية", "أمني" are adjectives, not "my attack"
        forms |= {stem + pronoun for pronoun in NOUN_PRONOUNS if pronoun != "ي"}
    return forms


def _suffix_stem(base: str) -> str:
    """The stem a suffix attaches to: a feminine noun's ة (ه once normalised) becomes ت."""
    return base[:-1] + "ت" if base.endswith("ه") else base


def _sound_plural(base: str) -> str:
    return (base[:-1] if base.endswith("ه") else base) + "ات"


def number_forms(base: str) -> set[str]:
    """A noun in each number, no suffix: "غاره" -> غاره غارات غارتان غارتين."""
    stem = _suffix_stem(base)
    return {base, _sound_plural(base), stem + "ان", stem + "ين"}


def plural_forms(base: str) -> set[str]:
    """A broken plural ("قذائف", "مطالب"): accusative and pronoun suffixes."""
    stem = _suffix_stem(base)
    forms = {base} | {stem + pronoun for pronoun in NOUN_PRONOUNS if pronoun != "ي" or base.endswith("ه")}
    if not base.endswith("ه"):
        forms.add(base + "ا")
    return forms


def participle_forms(base: str) -> set[str]:
    """"مطالب" -> مطالبا مطالبه مطالبين مطالبون مطالبان مطالبات مطالبتين؛ "داعي" -> داعيا داعيه داعين."""
    forms = {base, base + "ا", base + "ه", base + "ين", base + "ون", base + "ان", base + "ات",
             base + "تين", base + "تان", base + "تا"}
    if base.endswith("ي"):  # "داعي": plural "داعين", "داعون"
        forms |= {base[:-1] + "ين", base[:-1] + "ون"}
    return forms


def generate(form: str, kind: str) -> set[str]:
    """Every normalised surface form of one lexicon word of this kind (see lexicon/README.md)."""
    if kind == "verb":
        past, present = form.split("/")
        return generate(past, "past") | generate(present, "present")
    base = normalize(form)
    if kind in ("past", "passive"):
        return past_forms(base, hamza_final=form.rstrip("\u064b-\u0652").endswith("أ"))
    if kind == "present":
        return present_forms(base)
    if kind == "noun":
        return noun_forms(base)
    if kind == "plural":
        return plural_forms(base)
    if kind == "participle":
        return participle_forms(base)
    return {base}


POSSESSIVE_PRONOUNS = ("هما", "هم", "ها", "ه")


def possessive_suffix(word: str, base: str) -> str | None:
    """The possessive pronoun on a form of the noun `base`: "هجومها" of "هجوم" -> "ها", "زيارته" of
    "زياره" -> "ه"; None for the bare noun or another word. Both normalised, clitics stripped."""
    stems = number_forms(base) | {_suffix_stem(base), _sound_plural(base)}
    for pronoun in POSSESSIVE_PRONOUNS:
        if word.endswith(pronoun) and word[: -len(pronoun)] in stems:
            return pronoun
    return None
