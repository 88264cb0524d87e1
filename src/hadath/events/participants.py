"""Actor mentions in a sentence and the choice of an event's source and target among them.

Arabic news is mostly verb-first: "زار إبراهيم قالن … طهران" (verb, subject, object); also
subject-first ("تركيا تقصف …"), verbal nouns with a genitive agent ("زيارة رئيسي إلى تركيا"),
passives with the victim after the verb ("قتل عشرة أشخاص"), and "بين X و Y".
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from hadath.actors.dictionary import is_state
from hadath.events.casualties import number_words
from hadath.events.groups import group_definitions, group_head
from hadath.events.lexicon import TriggerEntry, TriggerMatch, load_lexicon, possessive_pronoun
from hadath.events.words import light_verb_between, own_people, subject_lender_between, word_list
from hadath.model import Article, Entity, Sentence
from hadath.text.normalize import normalize, normalize_word
from hadath.text.tokens import Token, clitic_readings
from hadath.text.wordlists import read_words

PREPOSITION_WORDS = {"الي", "علي", "مع", "ضد", "من", "في", "عن", "بين", "لدي", "حول", "تجاه", "عبر", "نحو", "امام",
                     "داخل", "خارج", "قرب", "عند", "منذ", "خلال", "بعد", "قبل", "حتي", "وسط", "شمال", "جنوب",
                     "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "اراضي", "حدود", "مدينه", "محافظه"}
DIRECTIONS = frozenset({"شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "وسط"})
# Prepositions that introduce the place of an act, never its target.
LOCATIVE = {"في", "داخل", "خارج", "قرب", "عند", "وسط", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي",
            "شرقي", "غربي", "اراضي", "حدود", "مدينه", "محافظه", "خلال", "منذ", "بعد", "قبل", "حتي"}
PREPOSITION_CLITICS = ("ب", "ل", "ك")
QUOTES = {'"', "«", "»", "“", "”", "'"}
CLAUSE_BREAKS = {".", "؟", "?", "!", "؛", ":"}
# Relative and complementiser words start a new clause: "الهجوم الذي استهدف…", "أن تركيا…".
CLAUSE_WORDS = {"الذي", "التي", "الذين", "اللذين", "اللتين", "حيث", "بينما", "فيما", "لكن", "ان", "بان", "فان"}
RELATIVES = {"الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان"}
MAX_SUBJECT_GAP = 5  # tokens between a verb and its postposed subject
MAX_OBJECT_GAP = 12


@dataclass
class ActorMention:
    text: str
    start: int
    end: int
    first: int  # token indices within the sentence
    last: int
    actor: str | None
    key: str | None
    name: str | None
    type: str
    preposition: str | None  # the preposition that governs it, if any ("إلى", "ل", "مع")
    origin: str = "dictionary"  # of its main entity: dictionary | ner | role | place | adjective
    lead: int = -1  # where its noun phrase starts: the head noun before an adjective ("والجماعات الإيرانية")
    conjoined: bool = False  # joined to the previous mention by "و"
    listed: bool = False  # joined by "و" or "، و": the next item of a list of targets
    located: bool = False  # its state is the place named or the article's, not in its own words ("المسلحين")

    @property
    def can_act(self) -> bool:
        """A city or region is where things happen, not who does them ("ممر زانجيزور", "غزة")."""
        return self.origin != "place"

    @property
    def media(self) -> bool:
        """A news outlet ("رويترز", "وكالة فرانس برس"; not a journalist, "صحفي أمريكي"): it reports
        acts, it is neither where they happen nor, told something ("قال لرويترز"), what they are done to."""
        if not (self.actor or "").endswith("MED"):
            return False
        head = normalize_word(self.text.split()[0])
        return not any(stem.removeprefix("ال").startswith(JOURNALIST_STEMS) for _, stem in clitic_readings(head))


JOURNALIST_STEMS = ("صحفي", "صحافي", "مراسل", "اعلامي", "مصور")  # people of the media: they can be victims


def sentence_mentions(article: Article, sentence: Sentence, tokens: list[Token],
                      home_state: str | None = None, index: EntityIndex | None = None,
                      pair: tuple[str, str] | None = None, government_state: str | None = None,
                      groups: dict[int, list[str]] | None = None) -> list[ActorMention]:
    """Entities with an actor inside the sentence, adjacent parts of one description merged.

    "الرئيس الإيراني، إبراهيم رئيسي" (a role and a name) is one mention. A role with no state of
    its own ("الشرطة", "المتظاهرون") takes the state of the place named in the sentence, else the
    article's `home_state`: "فرقت الشرطة المتظاهرين في الخرطوم" -> SDNCOP, SDNCVL. An unnamed
    government office ("وزير الخارجية") is the article's own government's, `government_state` where
    given (the state whose officials the article names most), else `home_state`.
    """
    entities = sorted(
        (e for e in (index or EntityIndex(article)).starting_in(sentence.start, sentence.end)
         if e.end <= sentence.end and (e.key or e.actor)),
        key=lambda e: (e.start, -e.end, e.origin == "adjective"),
    )
    merged: list[list[Entity]] = []
    for entity in entities:
        if merged and entity.start < merged[-1][-1].end:
            continue  # nested inside the previous one
        if merged and _adjacent(article.text, merged[-1][-1], entity) and _same_actor(merged[-1][-1], entity):
            merged[-1].append(entity)
        else:
            merged.append([entity])
    mentions = []
    # each entity's first and last token, found once: for the groups and for the names a construct
    # noun cannot be
    starts = [t.start for t in tokens]
    spans = {id(e): (_token_at(starts, e.start), _token_at(starts, e.end - 1)) for e in entities}
    named_tokens = frozenset(i for first, last in spans.values() for i in range(first, last + 1))
    for group in merged:
        start, end = group[0].start, group[-1].end
        best = max(group, key=_specificity)
        first, last = spans[id(group[0])][0], spans[id(group[-1])][1]
        # An adjective stands for its noun phrase: the preposition is on the head noun before it
        # ("للدور التركي" -> ل), so read it from there.
        head = first - 1 if group[0].origin == "adjective" and first > 0 and tokens[first - 1].text.isalpha() else first
        # a name before the adjective is a name, not a clitic and a noun: "كيليس التركية" is not ك + يليس
        named_head = head != first and any(e.start <= tokens[head].start < e.end for e in entities)
        mentions.append(ActorMention(
            text=article.text[start:end], start=start, end=end, first=first, last=last,
            actor=best.actor, key=best.key or next((e.key for e in group if e.key), None),
            name=next((e.name for e in group if e.type == "PER" and e.name), best.name),
            # a person with a title is a person: "أيمن الصفدي وزير الخارجية الأردني"
            type="PER" if any(e.type == "PER" for e in group) else best.type,
            origin=best.origin,
            lead=tokens[head].start if head != first else start,
            preposition=_governing_preposition(article.text, tokens, head, tokens[head].start if head != first else start,
                                               head_noun=head != first and not named_head)
            or _construct_preposition(tokens, head, last, named_tokens),
        ))
        if best.origin == "adjective" and _counted(tokens, first):
            # "توقيف 18 سعوديًا", "عشرات الإيرانيين": a state's adjective counted is its people, not the state
            mentions[-1].actor, mentions[-1].origin = f"{mentions[-1].key}CVL", "people"
        if mentions[-1].preposition == "ل" and _title_before(tokens, head) is not None:
            mentions[-1].preposition = _body_of_title_preposition(article.text, tokens, head)
        elif mentions[-1].preposition in ("من", "في") and _members_before(tokens, head):
            mentions[-1].preposition = None
        elif mentions[-1].preposition == "في" and _counterpart_before(tokens, head):
            # "اتصالين هاتفيين بنظيريه في نيودلهي وإسلام آباد": the counterparts' capitals name who they are
            counterpart = head - 2
            mentions[-1].preposition = _governing_preposition(article.text, tokens, counterpart,
                                                              tokens[counterpart].start, head_noun=True)
    # "( الفرنسية )", "(رويترز)": the agency that filed the story, not a party to it
    mentions = [m for m in mentions if not _agency_credit(article.text, m)]
    mentions.extend(_pair_word_mentions(article, tokens, mentions, pair))
    mentions.extend(_latter_mentions(article, tokens, mentions, index or EntityIndex(article)))
    mentions.extend(_collective_mentions(article, tokens, mentions, groups))
    mentions.extend(_group_mentions(article, tokens, mentions))
    mentions.sort(key=lambda m: m.start)
    place_state = locative_state(mentions)
    # a sentence that names one state and no place: its police and its protesters are that state's
    # ("اعتقلت السلطات الإيرانية عشرات المحتجين")
    named_states = {m.key for m in mentions if is_state(m.key)}
    sole_state = next(iter(named_states)) if len(named_states) == 1 else None
    for mention in mentions:
        # an unnamed minister is the article's own ("وزير الخارجية يبحث الأوضاع في غزة"); police,
        # troops and protesters belong where the sentence places them
        state = (government_state or home_state or place_state or sole_state) if mention.actor == "GOV" \
            else (place_state or home_state or sole_state)
        if mention.key is None and state and mention.actor and len(mention.actor) == 3:
            mention.key, mention.actor, mention.located = state, state + mention.actor, True
    for previous, mention in zip(mentions, mentions[1:], strict=False):
        lead = mention.lead if mention.lead >= previous.end else mention.start
        between = article.text[previous.end : lead].strip()
        if lead != mention.start and normalize(article.text[lead : lead + 1]) == "و":
            between = (between + " و").strip()  # the head noun carries the "و": "… والجماعات الإيرانية"
        # "تركيا وإيران", "حماس وإسرائيل": a bare "و" joins; a comma before it starts a new clause
        between = between.strip("\"'«»“” ")
        if between in ("و", "، و", "،و", ", و") or (not between and _and_before(mention, tokens)):
            mention.listed = True
        if between == "و" or (not between and _and_before(mention, tokens)):
            mention.conjoined = True
            if mention.preposition is None and mention.type == previous.type == "LOC":
                mention.preposition = previous.preposition  # "داخل سوريا والعراق": both are places
    return mentions


def _and_before(mention: ActorMention, tokens: list[Token]) -> bool:
    """The word of a name opens on a joining "و" that is not a letter of the name: "وتركيا", not
    "واشنطن" or "وارسو" (the name starts where its word does)."""
    token = tokens[mention.first]
    return token.start < mention.start and normalize_word(token.text).startswith("و")


QUANTITY_WORDS = frozenset(normalize_word(w) for w in ("عدد", "عددا", "عددًا", "بعض", "مئات", "عشرات", "آلاف"))


def _counted(tokens: list[Token], first: int) -> bool:
    """The word before token `first` counts it: a number in digits or words, "عشرات", "عدد من"."""
    k = first - 1
    if k >= 0 and normalize_word(tokens[k].text) == "من":
        k -= 1  # "عدد من الأتراك"
    if k < 0:
        return False
    word = tokens[k].text
    if any(c.isdigit() for c in word):
        return True
    return any(stem in QUANTITY_WORDS or stem in number_words() for _, stem in clitic_readings(word)[:3])


TITLE_ADJECTIVES = frozenset(normalize_word(w) for w in (
    "العام", "العامة", "السامي", "السامية", "الخاص", "الخاصة", "الأعلى", "الرسمي", "الرسمية", "الدائم",
    "الدائمة", "التنفيذي", "التنفيذية", "المساعد", "المساعدة", "الأول", "الأممي", "الإقليمي"))


def _title_before(tokens: list[Token], head: int) -> int | None:
    """The title a body's name completes, with its adjectives: "الأمين العام للأمم المتحدة",
    "المفوض السامي لحقوق الإنسان", "الممثل الخاص للاتحاد الأوروبي" -> the index of the title word."""
    k = head - 1
    while k >= 0 and head - k <= 2 and normalize_word(tokens[k].text) in TITLE_ADJECTIVES:
        k -= 1
    if k < 0:
        return None
    return k if any(stem in word_list("title_heads.tsv") for _, stem in clitic_readings(tokens[k].text)[:3]) else None


COUNTERPART_STEMS = ("نظير", "نظراء")


def _counterpart_before(tokens: list[Token], head: int) -> bool:
    """"بنظيريه في نيودلهي", "نظيره في طهران": a counterpart word right before "في" and the place."""
    if head < 2 or normalize_word(tokens[head - 1].text) != "في":
        return False
    return any(stem.startswith(COUNTERPART_STEMS) for _, stem in clitic_readings(tokens[head - 2].text)[:4])


def _members_before(tokens: list[Token], head: int) -> bool:
    """A body named as what people belong to: "خمسة عناصر من داعش", "عشرة أعضاء في الحزب"."""
    k = head - 1
    if k < 1 or normalize_word(tokens[k].text) not in ("من", "في"):
        return False  # (a genitive, "عناصر الشرطة", keeps the preposition of its member noun)
    k -= 1
    return any(stem in word_list("member_nouns.tsv") for _, stem in clitic_readings(tokens[k].text)[:4])


def _body_of_title_preposition(text: str, tokens: list[Token], head: int) -> str | None:
    """A body named after a title ("حث الأمين العام للأمم المتحدة الهند") stands for the title's holder:
    its preposition is the title's ("إلى الأمين العام للأمم المتحدة" -> إلى), not the "ل" of the genitive."""
    title = _title_before(tokens, head)
    assert title is not None
    return _governing_preposition(text, tokens, title, tokens[title].start, head_noun=True)


class EntityIndex:
    """An article's entities and hints sorted by start, for the ones inside a sentence by bisection
    (a long article has tens of thousands of both; scanning them all for every sentence is quadratic)."""

    def __init__(self, article: Article) -> None:
        self.ordered = sorted(article.entities + article.hints, key=lambda e: e.start)
        self.starts = [e.start for e in self.ordered]

    def starting_in(self, start: int, end: int) -> list[Entity]:
        return self.ordered[bisect_left(self.starts, start) : bisect_left(self.starts, end)]


def locative_state(mentions: list[ActorMention]) -> str | None:
    """The state where a sentence's act happens: a place after "في"/"داخل"… first ("… في إيران"),
    else the first state or place named."""
    states = [m for m in mentions if m.type == "LOC" and is_state(m.key)]
    # "في العاصمة الجزائرية": a nisba on a place noun after a locative names the state too
    placed = [m for m in mentions if is_state(m.key) and (m.type == "LOC" or m.origin == "adjective")
              and (m.preposition in LOCATIVE or m.preposition == "ب")]
    chosen = placed or states
    return chosen[0].key if chosen else None


PAIR_WORDS = frozenset(normalize(w) for w in (
    "البلدين", "البلدان", "الجانبين", "الجانبان", "الطرفين", "الطرفان", "الدولتين", "الدولتان", "الحكومتين",
    "الحكومتان", "العاصمتين", "العاصمتان",
    # the two leaders or officials of the two sides: "وأكد الرئيسان عزمهما", "اتفق الزعيمان"
    "الرئيسان", "الرئيسين", "الزعيمان", "الزعيمين", "الوزيران", "الوزيرين", "الملكان", "الملكين",
    "القائدان", "القائدين", "المسؤولان", "المسؤولين"))

# "الدول الثلاث", "الدول الأربع": a numbered collective of the states the article just listed together.
COLLECTIVE_HEADS = frozenset(normalize(w) for w in ("الدول", "البلدان", "العواصم", "الحكومات"))
COLLECTIVE_COUNTS = {normalize(w): n for n, words in {
    3: ("الثلاث", "الثلاثة"), 4: ("الأربع", "الأربعة"), 5: ("الخمس", "الخمسة"), 6: ("الست", "الستة"),
    7: ("السبع", "السبعة"), 8: ("الثماني", "الثمانية")}.items() for w in words}


def _collective_mentions(article: Article, tokens: list[Token], mentions: list[ActorMention],
                         groups: dict[int, list[str]] | None) -> list[ActorMention]:
    """"ولوحت الدول الأربع", "لدى الدول الثلاث": the N states listed together before the word, in this
    sentence or in the last act told with N of them (`groups`: N -> their keys); as N joined mentions."""
    found = []
    for i in range(len(tokens) - 1):
        head = normalize_word(tokens[i].text)
        bare = head[1:] if head[:1] in ("و", "ف", "ل", "ب") and head[1:] in COLLECTIVE_HEADS else head
        count = COLLECTIVE_COUNTS.get(normalize_word(tokens[i + 1].text))
        if bare not in COLLECTIVE_HEADS or count is None:
            continue
        # a list of N states joined by "و" before the word in this sentence, else the last group of N
        runs: list[list[str]] = []
        for m in (m for m in mentions if m.last < i and m.key and is_state(m.key)):
            if runs and m.listed:
                runs[-1].append(m.key)
            else:
                runs.append([m.key])
        joined = [list(dict.fromkeys(run)) for run in runs if len(set(run)) == count]
        keys = joined[-1] if joined else (groups or {}).get(count)
        if not keys or len(keys) != count:
            continue
        preposition = _governing_preposition(article.text, tokens, i, tokens[i].start)
        token = tokens[i]
        for n, key in enumerate(keys):
            found.append(ActorMention(text=token.text, start=token.start, end=tokens[i + 1].end, first=i, last=i + 1,
                                      actor=key, key=key, name=None, type="LOC", origin="context",
                                      preposition=preposition, conjoined=n > 0, listed=n > 0))
    return found


LATTER_WORDS = {normalize_word("الأخير"): ("PER", "ORG"), normalize_word("الأخيرة"): ("LOC", "ORG")}


def _latter_mentions(article: Article, tokens: list[Token], mentions: list[ActorMention],
                     index: EntityIndex) -> list[ActorMention]:
    """"على أن يزور الأخيرة", "زيارة مرتقبة للأخير إلى تركيا": "the latter" standing as a noun (not
    after a noun it qualifies: "الأسبوع الأخير") is the last actor named before it, a person or a body
    for the masculine, a state or a body for the feminine."""
    found = []
    taken = {i for m in mentions for i in range(m.first, m.last + 1)}
    for i, token in enumerate(tokens):
        word = normalize_word(token.text)
        clitics = ""
        while word not in LATTER_WORDS and word[:1] in ("و", "ف", "ل", "ب") and len(word) > 6:
            clitics, word = clitics + word[0], word[1:]
        if word not in LATTER_WORDS or i in taken:
            continue
        previous = normalize_word(tokens[i - 1].text) if i > 0 else ""
        if not clitics.strip("وف") and (previous.startswith("ال") or previous.startswith("وال")) \
                and tokens[i - 1].text.isalpha():
            continue  # an adjective: "الاجتماع الأخير"
        kinds = LATTER_WORDS[word]
        before = [e for e in index.starting_in(0, token.start) if e.end <= token.start and e.key
                  and e.type in kinds and e.origin != "adjective"]
        if not before:
            continue
        latest = max(before, key=lambda e: e.start)
        preposition = _governing_preposition(article.text, tokens, i, token.start)
        found.append(ActorMention(text=token.text, start=token.start, end=token.end, first=i, last=i,
                                  actor=latest.actor, key=latest.key, name=latest.name, type=latest.type,
                                  origin="context", preposition=preposition))
    return found


def _pair_word_mentions(article: Article, tokens: list[Token], mentions: list[ActorMention],
                        pair: tuple[str, str] | None = None) -> list[ActorMention]:
    """"بين البلدين", "وبحث الجانبان": the two states the sentence names before the word (joined by
    "و" first, else the only two named), else the two sides of the last act told between two states
    (`pair`), else the two states the article names most; as two joined mentions."""
    if not any(_is_pair_word(t) for t in tokens):
        return []
    word_at, word_index = next((t.start, i) for i, t in enumerate(tokens) if _is_pair_word(t))
    # A bare pair word right behind names is another pair than they: "ناشدت السعودية وإيران البلدين".
    behind_names = _governing_preposition(article.text, tokens, word_index, word_at) is None \
        and any(m.first <= word_index - 1 <= m.last for m in mentions)
    # (states, not places: "البلدان … داخل سوريا والعراق")
    states = [] if behind_names else sorted(
        (m for m in mentions if is_state(m.key) and m.end <= word_at
         and m.preposition not in LOCATIVE), key=lambda m: m.start)
    named = list(dict.fromkeys(m.key for m in states))
    in_sentence = (named[0], named[1]) if len(named) == 2 else None
    for first, second in zip(states, states[1:], strict=False):
        # "وزارتا خارجية تونس والنظام السوري … بين الطرفين"
        between = article.text[first.end : second.start].strip(" \"'«»“”")
        if first.key != second.key and (between == "و" or not between and article.text[second.start] == "و"):
            in_sentence = (first.key, second.key)  # type: ignore[assignment]
            break
    pair = in_sentence or pair or article_pair(article)
    if pair is None:
        return []
    taken = {(m.first, m.last) for m in mentions}
    found = []
    for i, token in enumerate(tokens):
        word = normalize_word(token.text)
        bare = word[1:] if word[:1] in ("و", "ف", "ل", "ب") and word[1:] in PAIR_WORDS else word
        if bare not in PAIR_WORDS or (i, i) in taken:
            continue
        preposition = _governing_preposition(article.text, tokens, i, token.start)
        for n, key in enumerate(pair):
            found.append(ActorMention(text=token.text, start=token.start, end=token.end, first=i, last=i,
                                      actor=key, key=key, name=None, type="LOC", origin="context",
                                      preposition=preposition, conjoined=n == 1, listed=n == 1))
    return found


VIOLENT_ROOTS = ("17", "18", "19", "20")


def victim_word(text: str) -> bool:
    """"المدنيين", "والمدنيين", "جنديان": a word for victims (victim_words.tsv) or its dual, article and
    clitics aside."""
    words = word_list("victim_words.tsv")
    return any(stem in words or stem.endswith(("ان", "ين")) and stem[:-2] in words
               for _, stem in clitic_readings(text))


def _mutual(cameo: str) -> bool:
    """Acts two parties do with each other: intents to cooperate, consultations, diplomatic and
    material cooperation, agreements (03, 04, 050, 057, 06). Praise, support, recognition, an
    apology or forgiveness (051-056) go one way: joined subjects each do them to a third party."""
    if cameo[:3] in ONE_WAY_INTENTS:
        return False
    return cameo[:2] in ("03", "04", "06") or cameo in ("05", "050") or cameo.startswith("057")


# Intents and cooperation that go one way, from the giver to the receiver: pledges of support or aid
# (032, 033), of reform (034), of yielding (035), to accept or offer mediation (038, 039), handing
# over wanted people (063).
ONE_WAY_INTENTS = frozenset({"032", "033", "034", "035", "038", "039", "063"})


def _agency_credit(text: str, mention: ActorMention) -> bool:
    """A news agency, or the nisba that names one ("الفرنسية" for AFP, "الألمانية" for dpa), alone inside
    parentheses; "مستعمرة المنارة (الإسرائيلية)" is a gloss, not a credit."""
    alone = text[max(mention.start - 3, 0) : mention.start].strip().endswith("(") \
        and text[mention.end : mention.end + 3].strip().startswith(")")
    return alone and (normalize(mention.text) in AGENCY_NISBAS or (mention.actor or "").endswith("MED"))


AGENCY_NISBAS = frozenset(normalize(w) for w in ("الفرنسية", "الألمانية"))


def _is_pair_word(token: Token) -> bool:
    """"البلدين", "والطرفين", "للجانبين": a word for the two sides, clitics aside."""
    word = normalize_word(token.text)
    return word in PAIR_WORDS or word.lstrip("وفلب") in PAIR_WORDS


def _group_mentions(article: Article, tokens: list[Token], mentions: list[ActorMention]
                    ) -> list[ActorMention]:
    """"الدول الضامنة" where the article lists "الأطراف الضامنة (روسيا وتركيا وإيران)": the members,
    joined, at the words that name the group (not where it is defined: the list is there already)."""
    heads = [i for i, t in enumerate(tokens[:-1]) if group_head(t.text)]
    if not heads:
        return []
    groups = group_definitions(article)
    taken = {(m.first, m.last) for m in mentions}
    found = []
    for i in heads:
        members = groups.get(normalize_word(tokens[i + 1].text))
        defining = i + 2 < len(tokens) and tokens[i + 2].text == "("
        if not members or defining or (i, i + 1) in taken:
            continue
        preposition = _governing_preposition(article.text, tokens, i, tokens[i].start)
        for n, key in enumerate(members):
            found.append(ActorMention(text=article.text[tokens[i].start : tokens[i + 1].end], start=tokens[i].start,
                                      end=tokens[i + 1].end, first=i, last=i + 1, actor=key, key=key, name=None,
                                      type="LOC", origin="context", preposition=preposition,
                                      conjoined=n > 0, listed=n > 0))
    return found


def article_pair(article: Article) -> tuple[str, str] | None:
    """The two states an article names most: what "البلدين" refers to."""
    counts: dict[str, int] = {}
    for entity in article.entities:
        if is_state(entity.key) and entity.type in ("LOC", "ORG", "PER"):
            counts[entity.key] = counts.get(entity.key, 0) + 1
    ranked = sorted(counts, key=lambda k: -counts[k])
    return (ranked[0], ranked[1]) if len(ranked) >= 2 else None


def _specificity(entity: Entity) -> tuple[int, int]:
    actor = entity.actor or ""
    return (len(actor), entity.end - entity.start)


def _adjacent(text: str, left: Entity, right: Entity) -> bool:
    between = text[left.end : right.start]
    return len(between) <= 3 and all(c in " ،,\"'«»-" for c in between)


def _same_actor(left: Entity, right: Entity) -> bool:
    """A name and its title side by side describe one person; two bodies side by side are two. A
    title and the state it is of ("أمير قطر", "رئيس وزراء العراق", "وزير خارجية تركيا") are one
    office-holder, not the office-holder and the state."""
    if left.key and right.key and left.key != right.key:
        return False
    if left.origin == "role" and right.type == "LOC" and left.key == right.key and right.origin != "place":
        return True
    return {left.type, right.type} == {"PER", "ORG"}


def _token_at(starts: list[int], offset: int) -> int:
    """The token at a character offset, or the last one before it (the first where none is), given
    the tokens' start offsets in order."""
    return max(bisect_right(starts, offset) - 1, 0) if starts else -1


def _governing_preposition(text: str, tokens: list[Token], first: int, start: int,
                           head_noun: bool = False) -> str | None:
    """The preposition before a mention: a clitic on its word ("لطهران", "للجماعات") or the word
    before it, skipping quotes and "كل من" ("مع كل من «أحمديان»" -> "مع")."""
    token = tokens[first]
    clitics = normalize(text[token.start : start]) if token.start < start else ""
    if not clitics:
        # The mention may carry its own clitic where the article follows: "للجماعات", "بالعراق";
        # a common noun heading an adjective may carry one too: "بنظيره الإيراني".
        word = normalize_word(token.text).lstrip("وف")
        if word.startswith("لل"):
            clitics = "ل"
        elif word[:1] in PREPOSITION_CLITICS and (word[1:3] == "ال" or (head_noun and len(word) > 4)):
            clitics = word[0]
    for clitic in clitics.lstrip("وف"):
        if clitic == "ل" and first > 0 and any(stem in word_list("force_nouns.tsv")
                                                for _, stem in clitic_readings(tokens[first - 1].text)):
            return None  # "مدفعية للاحتلال قصفت": the owner of the guns fired them
        if clitic in PREPOSITION_CLITICS:
            return clitic
    k = first - 1
    while k >= 0 and tokens[k].text in QUOTES:
        k -= 1
    if k >= 1 and normalize_word(tokens[k].text) == "من" and normalize_word(tokens[k - 1].text) in ("كل", "كلا"):
        k -= 2
    if k >= 0:
        previous = normalize_word(tokens[k].text)
        if previous.startswith("و") and previous[1:] in PREPOSITION_WORDS:
            previous = previous[1:]
        if previous in DIRECTIONS and k >= 1 and normalize_word(tokens[k - 1].text) in ("من", "الي", "نحو"):
            return normalize_word(tokens[k - 1].text)  # "انسحب من جنوب لبنان": from, not in the south
        if previous in PREPOSITION_WORDS:
            return previous
    return None


def _construct_preposition(tokens: list[Token], first: int, last: int, named: frozenset[int]) -> str | None:
    """The preposition before the noun whose genitive a name is: "متجهة إلى موانئ إسرائيل" -> إلى.

    A noun in construct has no article and is no name; a verb before the name would be a trigger; a
    name joined by "و" starts its own phrase ("في سوريا والجماعات"); the antecedent of a relative
    clause acts in it ("في مواجهة تنظيم داعش الذي نفذ هجمات")."""
    k = first - 1
    if k < 1 or k in named or not tokens[k].text.isalpha() or normalize_word(tokens[first].text).startswith("و"):
        return None
    noun = normalize_word(tokens[k].text)
    if noun.startswith("ال") or len(noun) <= 2 or load_lexicon().match(tokens[k : k + 1]):
        return None
    if last + 1 < len(tokens) and normalize_word(tokens[last + 1].text) in RELATIVES:
        return None
    governor = normalize_word(tokens[k - 1].text)
    return governor if governor in ("الي", "نحو", "عبر", "من", "في", "علي", "مع", "ضد") else None


def clause_span(tokens: list[Token], index: int) -> tuple[int, int]:
    """The token range of the clause around `index`: bounded by strong punctuation and clause words."""
    lo = index
    while lo > 0 and tokens[lo - 1].text not in CLAUSE_BREAKS and normalize_word(tokens[lo - 1].text) not in CLAUSE_WORDS:
        lo -= 1
    hi = index
    while hi + 1 < len(tokens) and tokens[hi + 1].text not in CLAUSE_BREAKS \
            and normalize_word(tokens[hi + 1].text) not in CLAUSE_WORDS and not _comma_and(tokens, hi + 1):
        hi += 1
    return lo, hi


class Clauses:
    """`clause_span` at every token of a sentence, worked out in one pass: each trigger asks for its
    clause, and in a sentence of thousands of words with no break each would scan them all."""

    def __init__(self, tokens: list[Token]) -> None:
        breaks = [t.text in CLAUSE_BREAKS or normalize_word(t.text) in CLAUSE_WORDS for t in tokens]
        self.lo: list[int] = []  # after the last break before the token
        opened = 0
        for i, is_break in enumerate(breaks):
            self.lo.append(opened)
            if is_break:
                opened = i + 1
        self.hi: list[int] = [0] * len(tokens)  # before the first break or comma-and after the token
        closed = len(tokens) - 1
        for i in range(len(tokens) - 1, -1, -1):
            self.hi[i] = closed
            if breaks[i] or _comma_and(tokens, i):
                closed = i - 1

    def around(self, index: int) -> tuple[int, int]:
        """The token range of the clause around `index`, as `clause_span(tokens, index)`."""
        return self.lo[index], self.hi[index]


def _comma_and(tokens: list[Token], i: int) -> bool:
    """"…، وإيران استهدف …", "…، كذلك رومانيا اتهمت …": a comma followed by "و" or a discourse word
    opens the next clause."""
    if tokens[i].text not in ("،", ",") or i + 1 >= len(tokens):
        return False
    following = normalize_word(tokens[i + 1].text)
    return following.startswith("و") or following in word_list("discourse_words.tsv")


def choose_participants(trigger: TriggerMatch, tokens: list[Token], mentions: list[ActorMention],
                        floor: int = -1, inherited: ActorMention | None = None,
                        inherited_target: ActorMention | None = None,
                        inherited_group: list[ActorMention] | None = None, clauses: Clauses | None = None
                        ) -> list[tuple[ActorMention | None, ActorMention | None]]:
    """(source, target) pairs for one trigger among the sentence's actor mentions.

    Usually one pair; one per target where targets are joined by "و" ("اجتمع مع أحمديان وخطيب").
    `floor`: the last token of a verb trigger earlier in the sentence, or -1; a verbal noun after a
    verb is its object and takes no subject from before it ("أدانت الجامعة العربية الغارة": the
    League is not the raider). `inherited`: the subject of the previous verb, for a verb whose own
    subject is dropped ("زار قالن طهران، حيث اجتمع مع …"). `clauses`: the sentence's, where worked out.
    """
    lo, hi = clauses.around(trigger.last) if clauses is not None else clause_span(tokens, trigger.last)
    entry = trigger.entry
    # a gapped phrase ("حملت * مسؤولية") holds its object inside: "حملت واشنطن إيران مسؤولية"
    opening = trigger.first if "*" in entry.tokens else trigger.last
    after = [m for m in mentions if opening < m.first <= hi and m.first - trigger.last <= MAX_OBJECT_GAP + 4]
    # (not across a word that opens another happening: "انتقد الوزير بعد لقاء نظيره …")
    noun_after_verb = 0 <= floor and not entry.is_verb and trigger.first - floor <= 6 and floor >= lo \
        and not _linker_between(tokens, floor + 1, trigger.first)
    before = [] if noun_after_verb else [m for m in mentions if m.last < trigger.first]

    between = _between_pair(trigger, after)
    if between and entry.cameo in GO_BETWEEN_CODES:
        # "أبدت قطر استعدادها للوساطة بين الطرفين": the go-between acts on the pair
        mediator = next((m for m in after if m.preposition is None and m.can_act and m.last < between[0].first), None) \
            or next((m for m in reversed(before) if m.preposition is None and m.can_act and m.last >= lo), None)
        if mediator is not None:
            return [(mediator, between[0]), (mediator, between[1])]
    if between:
        return [between]
    members = _listed_among(trigger, tokens, after)
    if members:
        # "انتقدت أطراف عدة توقيفه من بينها الاتحاد الأوروبي والولايات المتحدة": each listed one does it
        object_zone = [m for m in after if m.first < members[0].first]
        target = _pick_target(entry.target_preps, object_zone, members[0]) if object_zone else inherited_target
        return [(m, target) for m in members if target is None or m.key != target.key]
    if _circumstantial(trigger, tokens):
        # "…، داعيًا طهران إلى الإفراج": the participle tells how the subject of the main clause acted
        # (not of a clause after "أن": "شددت … على أن الشعب …، محذرة"); the name after it is its
        # object. That subject is the last verb's, else the actor named bare before "أن" or before
        # the participle ("وقال الوزير شكري في كلمته، محملا تركيا المسؤولية"), else one carried over.
        complement = next((i for i, t in enumerate(tokens[: trigger.first]) if normalize_word(t.text) in COMPLEMENTISERS),
                          trigger.first)
        main = inherited if inherited is not None and 0 <= inherited.first < complement else None
        main = main or next((m for m in reversed(mentions) if m.last < complement and m.preposition is None
                             and m.can_act and m.origin != "adjective"), None)
        main = main or (inherited if inherited is not None and inherited.first < 0 else None)
        if main is not None:
            target = _pick_target(entry.target_preps, [m for m in after if m.key != main.key], main)
            return [(main, target)]
    if not entry.is_verb and entry.cameo[:2] in ("05", "06"):
        # "الاجتماع … بين البلدين، ومن المتوقع توقيع عقود": the pair just named does the signing
        earlier = _between_pair_before(trigger, before)
        if earlier and not any(m.preposition is None and m.can_act for m in after[:1]):
            return [earlier]

    # "برصاص قوات الاحتلال", "على يد قوات الدعم السريع": who did what the victim suffered
    agent, marker = _agent_after(trigger, tokens, mentions, hi)
    owner = _agent_by_lam(trigger, tokens, after) if agent is None else None
    if owner is not None:
        # "في هجوم لحزب العمال الكردستاني على …": an attack "of" an actor is that actor's
        return [(owner, _pick_target(entry.target_preps, [m for m in after if m.key != owner.key], owner))]
    victims = [m for m in after if m is not agent and (marker is None or m.first < marker)]
    victims_before = _victims_before(trigger, tokens, mentions, lo)
    if victims_before is not None:
        return [(agent, victims_before)]  # "جنديا أميركيا قتل", "أن خمسة مدنيين قتلوا": killed, not killers
    subject_first = any(lo <= m.first and trigger.first - m.last <= 2 and m.preposition is None and m.can_act
                        and m.origin != "adjective" for m in before)
    if entry.kind == "passive" or (entry.kind == "past" and not subject_first and looks_passive(trigger, tokens)):
        target = next((m for m in victims if m.first - trigger.last <= MAX_OBJECT_GAP
                       and m.preposition not in LOCATIVE), None)
        return [(agent, target)]
    if entry.tokens[0] in word_list("victim_nouns.tsv"):
        # "مقتل ثلاثة جنود أتراك", "أعلن الجيش مقتل اثنين من جنوده": the dead, not who announced them
        own = _possessed_after(trigger, tokens)
        target = next((m for m in victims if m.first - trigger.last <= MAX_OBJECT_GAP and m.preposition not in LOCATIVE),
                      None)
        if own and before:
            target = next((m for m in reversed(before) if m.preposition is None and m.can_act), target)
        return [(agent, target)]

    relative = _relative_before(trigger, tokens)
    # the antecedent of "الذي" does the act when it is an actor: "سولانا الذي قام بجولة شملت لبنان"
    antecedent = next((m for m in mentions if relative is not None and m.last == relative - 1 and m.can_act), None)
    if relative is not None and entry.is_verb and antecedent is None and _resumed_antecedent(trigger, tokens):
        # "المحادثات التي دعت إليها الولايات المتحدة", "الاتفاق الذي توسطت فيه واشنطن": a pronoun takes the
        # antecedent back as the object, so the name after the verb is its subject; the act is aimed at
        # the next name, else at the subject of the clause the antecedent belongs to
        doer = next((m for m in after if m.preposition is None and m.can_act and m.first - trigger.last <= 3), None)
        if doer is not None:
            target = next((m for m in after if m is not doer and m.preposition not in LOCATIVE
                           and m.key != doer.key), None) \
                or next((m for m in reversed(mentions) if m.last < relative and m.preposition is None and m.can_act
                         and m.key != doer.key), None)
            return [(doer, target)]
    if relative is not None and entry.is_verb:
        # "الهجوم الذي استهدف زوار المرقد": the antecedent is the subject; what follows is the object
        target = next((m for m in after if m.preposition not in LOCATIVE
                       and (antecedent is None or m.key != antecedent.key)), None)
        if antecedent is not None and entry.form in UNVOWELLED_PASSIVES and not _object_follows(trigger, tokens, after):
            return [(None, antecedent)]  # "النائب الذي قتل مع تسعة مواطنين": he was killed
        return [(antecedent, target)]
    if inherited is not None and inherited.first < 0 and trigger.first > 3:
        inherited = None  # a subject from the sentence before reaches only a verb that opens this one
    # "أعلنت جماعة الحوثي أنها استهدفت سفينة", "نفت الوزارة أن تكون قواتها قصفت": the speaker's side
    agent = _agent_of_relative_light_verb(trigger, tokens, [m for m in mentions if m.first > trigger.last])
    if agent is not None:
        # the agent's own people named beside it ("على رأسهم المرشد …") are not the target, however long
        others = [m for m in mentions if agent.last < m.first <= hi and m.key != agent.key
                  and m.preposition not in LOCATIVE]
        target = next((m for m in others if m.preposition in entry.target_preps), None) \
            or _pick_target(entry.target_preps, others, agent)
        return [(agent, target)]
    owner = _owner_of_possessed_noun(trigger, tokens, mentions, before, after)
    if owner is not None:
        target = _pick_target(entry.target_preps, [m for m in after if m.key != owner.key], owner)
        return [(owner, target)]
    role_holder = _role_holder(trigger, tokens, mentions)
    if role_holder is not None:
        target = next((m for m in after if m.preposition not in LOCATIVE and m.key != role_holder.key), None)
        return [(role_holder, target)]
    if entry.cameo[:2] not in SPOKEN_ROOTS:
        # "نقلته وكالة بلومبرغ … في مكالمة", "(الأناضول) أرسلت ولاية كيليس": a news outlet reports
        # acts, it does not do them (it can still be what is done to: "استهداف الصحفيين")
        before = [m for m in before if not (m.actor or "").endswith("MED")]
        subjects_after = [m for m in after if not (m.actor or "").endswith("MED")]
    else:
        subjects_after = after
    # a verb that agrees in the dual carries its subject as a pronoun: the name after it is its object
    # ("…، وطالبتا إيران بوقف التصعيد"), the subject the two of the verb before
    dual_of_last = inherited if inherited is not None and inherited_group and len(inherited_group) >= 2 \
        and _dual_verb(trigger, tokens) and not any(m.last < trigger.first and m.preposition is None
                                                    and _adjacent_before(m, trigger, tokens) for m in mentions) else None
    # "قال خان: «أدعو مودي إلى الحوار»": a verb in the first person is the quote's speaker's
    speaker = _quote_speaker(trigger, tokens, mentions, inherited) \
        if _first_person(trigger, tokens) and any(t.text in QUOTE_OPENERS for t in tokens[: trigger.first]) else None
    source = speaker or dual_of_last or antecedent or _speaker_of_complement(trigger, tokens, mentions, inherited) \
        or _colon_speaker(trigger, tokens, mentions) \
        or _visitor_before(trigger, tokens, mentions, after) or _subject(trigger, tokens, before, subjects_after, lo, inherited)
    if source is None and inherited is not None and (entry.is_verb or entry.opens_on_verb
                                                     or subject_lender_between(tokens, trigger.first - 2, trigger.first)):
        source = inherited
    if source is None and possessive_pronoun(trigger, tokens) is not None:
        source = _possessor(trigger, before, after, inherited)
    target = None
    symmetric = _mutual(entry.cameo)
    partners = _joined_after(source, mentions) if source is not None else []
    if not partners and source is not None and inherited_group and _dual_verb(trigger, tokens) \
            and source.key in {m.key for m in inherited_group}:
        # "وقعت مصر والأردن اتفاقا، واتفقتا على …": a dual verb's dropped subject is both of the last ones
        partners = [m for m in inherited_group if m.key != source.key][:1]
    if source is not None and symmetric:
        # (or the one the act is done to: "تعهدت السعودية والإمارات بالتعاون مع مصر / بدعم لمصر")
        with_party = next((m for m in after if m.preposition == "مع" and m.key and m.key != source.key
                           and m not in partners), None) \
            or next((m for m in after if m.preposition is not None and m.preposition in entry.target_preps
                     and m.preposition not in LOCATIVE and m.key and m.key != source.key and m not in partners),
                    None)
        if with_party is not None and partners:
            # "وقعت مصر وإسرائيل مذكرة مع الاتحاد الأوروبي": each joined subject with the one named after "مع"
            return [(s, with_party) for s in [source, *partners] if s.key != with_party.key]
        # "تركيا وإيران سيبحثان …": the two joined subjects meet each other
        target = _conjoined_partner(source, mentions) or (partners[0] if partners and _position(partners[0], mentions)
                                                          is None else None)
    if target is None and inherited_target is not None and _pronoun_object(tokens, trigger):
        target = inherited_target  # "استقبل … زيلينسكي، وبحث معه …": "him" is the one just named
    if target is None and symmetric and not entry.is_verb and source is not None and trigger.last + 1 < len(tokens) \
            and (source.first == trigger.last + 1 or source.lead == tokens[trigger.last + 1].start):
        # "انتقد الوزير السعودي بعد لقاء نظيره الفرنسي …": the one met is the genitive, the other party
        # the subject of the sentence, not a name further on
        target = next((m for m in reversed(before) if m.preposition is None and m.can_act and m.key != source.key), None)
    if target is None:
        objects = [m for m in after if m not in partners]
        # "انتقد الوزير بعد لقاء نظيره الفرنسي … عجرفة إسرائيل": a name just behind a linker word belongs
        # to the act that word opens; the verb's object is another name, where there is one
        direct = [m for m in objects if not _linker_between(tokens, max(trigger.last + 1, m.first - 4), m.first)]
        target = _pick_target(entry.target_preps, direct, source) if entry.is_verb and direct else None
        target = target or _pick_target(entry.target_preps, objects, source)
    if target is None and source is not None and "*" in entry.form:
        target = _inside_phrase(trigger, mentions, source)
    if target is None and source is not None and source.origin == "adjective" and source.first == trigger.last + 1 \
            and not entry.is_verb and (entry.cameo[:2] in ANSWERED_ROOTS or entry.cameo.startswith("163")):
        # "نفت حماس اتهامات إسرائيلية", "رفضت إيران العقوبات الأمريكية": the accused, threatened or
        # sanctioned one is who answers them in the clause
        # (the subject of the verb whose object the noun is: "verb subject noun nisba")
        target = next((m for m in mentions if lo <= m.first and m.last == trigger.first - 1
                       and m.preposition is None and m.can_act and m.key != source.key), None)
    if target is not None and source is not None and target.key == source.key and target.actor == source.actor:
        target = None
    pairs = [(source, target)]
    if not symmetric:
        # "اعتراض لبنان واليمن على القرار": each joined subject does it, one event each
        pairs += [(partner, target) for partner in partners if target is None or partner.key != target.key]
    one_body = source is not None and target is not None and (
        (source.first, source.last) == (target.first, target.last) or symmetric and target in partners)
    index = _position(target, mentions) if target is not None else None
    if index is not None and not one_body:
        # (a group meeting among itself, "اجتمعت الدول الثلاث", or the states a subject lists talking
        # among themselves, "روسيا وتركيا وإيران أعلنت مواصلة المحادثات", is one multilateral event)
        while True:
            following = index + 1
            # skip the title that describes the last target ("أحمديان" "أمين عام المجلس …")
            while following < len(mentions) and not mentions[following].listed \
                    and mentions[following].first - mentions[following - 1].last <= 4 and following - index < 3:
                following += 1
            if following >= len(mentions) or not mentions[following].listed \
                    or mentions[following].preposition in LOCATIVE \
                    or _opens_a_clause(mentions[following], tokens):
                break
            index = following
            listed = mentions[index]
            # several people met are several meetings; several towns, or an embassy and a consulate,
            # of one state are one target
            if listed.type != "PER" and any(t is not None and t.key == listed.key for _, t in pairs):
                continue
            pairs.append((source, listed))
    if not symmetric and partners and source is not None:
        # "ناشدت السعودية وإيران الهند وباكستان": each joined subject does it to each listed target
        targets = [t for s, t in pairs if s is source and t is not None]
        pairs = [(s, t) for s in [source, *partners] for t in targets if s.key != t.key] or pairs
    return pairs


PERSON_OBJECT_CODES = frozenset({"161", "166", "174"})  # summoning or expelling diplomats, deporting
AMONG = tuple(tuple(normalize_word(w) for w in phrase.split()) for phrase in (
    "من بينها", "من بينهم", "ومن بينها", "ومن بينهم", "بينها", "بينهم", "منها", "ومنها", "منهم", "ومنهم",
    "على رأسها", "على رأسهم", "وعلى رأسها", "وعلى رأسهم", "في مقدمتها", "في مقدمتهم"))
AMONG_LONGEST = max(len(phrase) for phrase in AMONG)


def _dual_verb(trigger: TriggerMatch, tokens: list[Token]) -> bool:
    """The trigger's verb is in the dual: "اتفقا", "طلبتا", "يتفقان", "ستسددان"."""
    entry = trigger.entry
    if not (entry.is_verb or entry.opens_on_verb) or entry.head not in ("past", "present", "verb"):
        return False
    word = normalize_word(tokens[trigger.first].text)
    base = entry.tokens[0]
    for prefix in ("", "و", "ف", "س", "وس", "فس"):
        rest = word[len(prefix):] if word.startswith(prefix) else None
        if rest is None:
            continue
        if rest in (base + "ا", base + "تا") and not base.endswith("ا"):
            return True  # past: "اتفقا", "طلبتا" (not a defective stem: "دعا")
        if base[:1] == "ي" and rest in ("ي" + base[1:] + "ان", "ت" + base[1:] + "ان"):
            return True  # present: "يتفقان", "تتفقان"
    return False


def _listed_among(trigger: TriggerMatch, tokens: list[Token], after: list[ActorMention]) -> list[ActorMention]:
    """The actors a verb's unnamed subject is made of, listed after "من بينها", "منهم", "على رأسها"
    ("انتقدت أطراف عدة توقيفه من بينها الاتحاد الأوروبي والولايات المتحدة"): the first named right
    after the marker, and those joined to it."""
    if not trigger.entry.is_verb:
        return []
    # the words a marker may cover, from the seven after the verb (not the whole sentence for each verb)
    near = trigger.last + 1
    words = [normalize_word(t.text) for t in tokens[near : near + 6 + AMONG_LONGEST]]
    for i in range(near, min(trigger.last + 8, len(tokens))):
        for phrase in AMONG:
            if tuple(words[i - near : i - near + len(phrase)]) != phrase:
                continue
            start = i + len(phrase)
            found = next((k for k, m in enumerate(after) if m.first == start and m.key and m.can_act), None)
            if found is None:
                return []
            listed = [after[found]]
            for m in after[found + 1 :]:
                if not m.listed:
                    break
                listed.append(m)
            return listed
    return []


def _circumstantial(trigger: TriggerMatch, tokens: list[Token]) -> bool:
    """"…، داعيًا طهران إلى …", "، متهمةً إياها بـ…": a participle right after a comma, in the
    accusative (ending ـًا, ـين, ـة), tells how the subject of the clause before acted (a ḥāl)."""
    entry = trigger.entry
    word = normalize_word(tokens[trigger.first].text)
    if entry.kind == "noun" and not trigger.prefix and trigger.first > 0 and tokens[trigger.first - 1].text in (",", "،") \
            and len(word) > 4 and word[0] == "م" and word.endswith("ه"):
        return True  # "…، مطالبةً باكستان بإجراءات": the feminine participle is written as the noun
    if not (entry.is_verb or entry.opens_on_verb) or trigger.prefix or trigger.first == 0:
        return False
    participle = "participle" in (entry.kind, entry.head) or word.startswith("م") or word[1:2] == "ا"
    if tokens[trigger.first - 1].text in (",", "،"):
        return participle and len(word) > 3 and word.endswith(("ا", "ين", "ه"))
    # without a comma only the accusative of a derived participle ("… محملا تركيا المسؤولية")
    return word.startswith("م") and len(word) > 4 and word.endswith("ا") and "participle" in (entry.kind, entry.head)


def _opens_a_clause(mention: ActorMention, tokens: list[Token]) -> bool:
    """"…، والإمارات استهدفت …": a joined name with a verb right after it is the next clause's subject."""
    following = tokens[mention.last + 1 : mention.last + 2]
    return any(match.entry.is_verb and match.first == 0 for match in load_lexicon().match(following))


def _subject(trigger: TriggerMatch, tokens: list[Token], before: list[ActorMention],
             after: list[ActorMention], lo: int, inherited: ActorMention | None = None) -> ActorMention | None:
    """Subject-first when a bare actor stands right before the trigger at the start of its clause
    ("الرئيس الإيراني يزور تركيا"); else verb-first ("زار قالن طهران") or a verbal noun's agent
    ("زيارة رئيسي إلى تركيا"); else the nearest bare actor before it in the clause."""
    entry = trigger.entry
    before = [m for m in before if m.can_act]
    after = [m for m in after if m.can_act or m.preposition is not None]
    if not entry.is_verb and "-" in entry.target_preps:
        # "توقيف 18 سعوديًا", "اعتقال عشرات الإيرانيين": people counted after a transitive verbal noun
        # are what it is done to, not its doer
        after = [m for m in after if m.origin != "people"]
    bare_before = [m for m in before if m.preposition is None]
    first_after = after[0] if after else None
    if not entry.is_verb and first_after is not None and first_after.origin == "adjective" \
            and first_after.first == trigger.last + 1 and trigger.first == trigger.last:
        # "العقوبات الأمريكية", "نفت حماس اتهامات إسرائيلية": the nisba right after a noun is its agent,
        # before any subject of the sentence (after a phrase, it is its last noun's: "أمام شركات الطيران
        # الإسرائيلية")
        return first_after
    if bare_before and _adjacent_before(bare_before[-1], trigger, tokens) and _starts_clause(bare_before[-1], tokens, lo):
        return _first_of_pair(bare_before[-1], bare_before)
    framed = _subject_of_kana(trigger, tokens, bare_before)
    if framed is not None:
        return framed
    if not entry.is_verb and first_after is not None and first_after.origin == "adjective" \
            and first_after.first == trigger.last + 1:
        return first_after  # "قافلة مساعدات أردنية": after a phrase too, where no subject stands before it
    if inherited is not None and entry.is_verb and trigger.first > 0 and \
            normalize_word(tokens[trigger.first - 1].text) in PRONOUN_COMPLEMENTISERS:
        return inherited
    bare_after = [m for m in after if m.preposition is None]
    if inherited is not None and entry.is_verb and first_after is not None and first_after.type == "LOC" \
            and entry.target_preps == ("-",) and len(bare_after) == 1:
        # "بعد أن كان قد زار الجزائر": with the subject dropped, the one state after the verb is its
        # object; with two ("اتهمت الولايات المتحدة طهران") the first is the subject, and a verb that
        # takes its object behind a preposition ("وحضت الولايات المتحدة على …") has its subject there
        return inherited
    reach = MAX_SUBJECT_GAP if entry.is_verb or entry.kind in ("word", "phrase") else 2
    # "تعليق مشاركة الوفود السودانية": a nisba behind the noun a phrase ends on is that noun's, the object
    # "تعليق مشاركة الوفود السودانية", "تجميد عضوية سوريا": what a noun phrase ends on governs the name
    # after it as its genitive, the object
    genitive_nisba = entry.kind == "phrase" and first_after is not None and not entry.is_verb and (
        first_after.origin == "adjective" and first_after.first > trigger.last + 1
        or first_after.first == trigger.last + 1 and _is_noun_phrase(entry))
    # "استهداف المدمرة الأميركية": a nisba behind the object of a transitive verbal noun is the object's
    object_nisba = entry.kind == "noun" and "-" in entry.target_preps and first_after is not None \
        and first_after.origin == "adjective" and first_after.first == trigger.last + 2 \
        and normalize_word(tokens[trigger.last + 1].text).startswith("ال")
    # "قصف مواقع حزب الله": a name behind the bare noun that a transitive verbal noun governs owns
    # that object; it is what is done to, not the doer
    object_owner = entry.kind == "noun" and "-" in entry.target_preps and first_after is not None \
        and first_after.first == trigger.last + 2 and first_after.origin != "adjective" \
        and _genitive_of_common_noun(first_after, tokens)
    # "قتل المدنيين", "استهداف المدنيين": victims right after a verbal noun of violence are what it is
    # done to, not its agent
    victims = not entry.is_verb and entry.cameo[:2] in VIOLENT_ROOTS and first_after is not None \
        and first_after.first == trigger.last + 1 and victim_word(first_after.text)
    # "اعتقال المسؤولين المدنيين", "استدعاء السفيرة السويدية": the genitive of a noun of arrest,
    # detention, summoning or expelling is who it was done to, unless that one follows behind "لـ" or
    # bare ("احتجاز السلطات للناشط", "استدعاء الخارجية السفيرة": the genitive did it)
    detained = not entry.is_verb and (entry.cameo[:2] == "17" or entry.cameo in PERSON_OBJECT_CODES) \
        and first_after is not None and first_after.first == trigger.last + 1 and first_after.origin != "adjective" \
        and not (first_after.last + 1 < len(tokens)
                 and normalize_word(tokens[first_after.last + 1].text).startswith("ل")) \
        and not any(m.preposition is None and m.first == first_after.last + 1 and m.origin in ("dictionary", "ner")
                    for m in after)
    victims = victims or detained
    if first_after and first_after.preposition is None and first_after.first - trigger.last <= reach \
            and not genitive_nisba and not object_nisba and not object_owner and not victims:
        return first_after
    # A verb's subject stands in its own clause; "…، وبحث معه" opens a coordinated clause whose
    # subject is the one before (inherited). A verbal noun may take the subject of the verb that
    # carries it ("شنت إسرائيل غارات", "قام الرئيس بزيارة"), but not across a word that opens
    # another happening ("تأجلت الزيارة بسبب الهجوم": the visitor is not the attacker).
    verbal = entry.is_verb or entry.opens_on_verb  # "واستدعت * سفيرها": a phrase opened by a verb too
    partnered = False
    if verbal and trigger.first > 0 and _comma_and(tokens, trigger.first - 1):
        candidates = []
    elif entry.is_verb:
        # "مسار ترشيح المالكي قد يهدد": a name in the genitive of a common noun is not the verb's subject
        candidates = [m for m in bare_before if m.last >= lo and not _genitive_of_common_noun(m, tokens)]
    else:
        # "بعد محادثات مع نظيره": an act done with a partner named after it, told after a linker, is
        # still the subject's (an act of another, "تأجلت الزيارة بسبب الهجوم", is not)
        partnered = _mutual(entry.cameo) and any(m.preposition == "مع" and m.first - trigger.last <= 3 for m in after)
        candidates = [m for m in bare_before if m.last >= lo - 6
                      and (partnered or not _linker_between(tokens, m.last + 1, trigger.first))]
    if len(candidates) > 1:
        # "الدول الضامنة لمسار آستانة لحل الأزمة السورية قد طالبت": a nisba deep in a genitive
        # chain qualifies a noun there, not the subject named before it
        candidates = [m for m in candidates[:-1]] + [m for m in candidates[-1:] if not _in_genitive_chain(m, tokens)]
    if candidates and partnered and _linker_between(tokens, candidates[-1].last + 1, trigger.first):
        return _first_of_pair(candidates[0], candidates)  # the clause's subject, not its verb's object
    if candidates:
        return _first_of_pair(candidates[-1], candidates)
    return None


KANA = frozenset(normalize_word(w) for w in ("كان", "كانت", "كانوا", "وكان", "وكانت", "وكانوا", "فكان", "فكانت"))


def _subject_of_kana(trigger: TriggerMatch, tokens: list[Token], bare_before: list[ActorMention]
                     ) -> ActorMention | None:
    """"وكانت مصر الساعية لحل الأزمة الليبية قد استقبلت الوفد": the subject stands right after كان,
    however long its description, when قد opens the verb."""
    entry = trigger.entry
    if not (entry.is_verb or entry.opens_on_verb) or trigger.first < 3 \
            or normalize_word(tokens[trigger.first - 1].text) != "قد":
        return None
    kana = next((i for i in range(trigger.first - 2, max(trigger.first - 14, -1), -1)
                 if normalize_word(tokens[i].text) in KANA), None)
    if kana is None:
        return None
    # ("وكانت مقاتلتان تركيتان قد أسقطتا": a noun and its nisba, the nisba says whose)
    return next((m for m in bare_before if m.first == kana + 1 or m.first == kana + 2 and m.origin == "adjective"),
                None)


def _is_noun_phrase(entry: TriggerEntry) -> bool:
    """A phrase trigger that opens on a verbal noun ("تجميد عضوية"), not on a verb ("استدعى السفير")."""
    return not entry.opens_on_verb and entry.tokens[0] not in word_list("verb_phrase_heads.tsv")


def _genitive_of_common_noun(mention: ActorMention, tokens: list[Token]) -> bool:
    """A name right after a noun in construct (no article, not a title, force or role word):
    "ترشيح المالكي", "مسار أستانا"."""
    if mention.origin == "adjective" or mention.first < 1:
        return False
    previous = tokens[mention.first - 1].text
    if not previous.isalpha():
        return False
    word = normalize_word(previous)
    if word.startswith(("ال", "وال")) or len(word) <= 3 or _one_of(previous, word_list("particles.tsv")) \
            or word in word_list("discourse_words.tsv") or load_lexicon().match(tokens[mention.first - 1 : mention.first]):
        return False
    readings = [stem for _, stem in clitic_readings(previous)[:2]]
    # verbs and function words ("وقال الرئيس") are no nouns; the actors' list of them serves here too
    not_nouns = read_words("hadath.actors", "data/not_names.tsv")
    return not any(stem in word_list("title_heads.tsv") or stem in word_list("force_nouns.tsv")
                   or stem in word_list("light_verbs.tsv") or stem in not_nouns for stem in readings)


def _in_genitive_chain(mention: ActorMention, tokens: list[Token]) -> bool:
    """An adjective whose head noun follows another noun ("لحل الأزمة السورية"), not a particle or a comma."""
    if mention.origin != "adjective" or mention.lead < 0:
        return False
    head = _token_starting_at(tokens, mention.lead)
    if head is None or head == 0:
        return False
    previous = tokens[head - 1].text
    if not previous.isalpha():
        return False
    word = normalize_word(previous)
    return not _one_of(previous, word_list("particles.tsv")) and word not in word_list("discourse_words.tsv") \
        and not load_lexicon().match(tokens[head - 1 : head])


# Words that link one happening to another: a noun after them starts a new act.
EVENT_LINKERS = {normalize_word(w) for w in ("بسبب", "بعد", "قبل", "إثر", "اثر", "عقب", "جراء", "نتيجة", "رغم",
                                          "ردا", "رداً", "بعدما", "منذ", "لمنع", "وسط")}


def _one_of(word: str, words: frozenset[str] | set[str]) -> bool:
    """The word, or the word without a leading و/ف, is in `words` ("وسط" stays "وسط", "وقد" is "قد")."""
    return any(stem in words for _, stem in clitic_readings(word)[:2])


def _linker_between(tokens: list[Token], lo: int, hi: int) -> bool:
    return any(_one_of(t.text, EVENT_LINKERS) for t in tokens[max(lo, 0) : hi])


def _adjacent_before(mention: ActorMention, trigger: TriggerMatch, tokens: list[Token]) -> bool:
    """Right before the trigger, particles aside: "الحكومة الأوكرانية قد اتهمت"."""
    between = tokens[mention.last + 1 : trigger.first]
    particles = word_list("particles.tsv")
    return len([t for t in between if not _one_of(t.text, particles)]) <= 0 and len(between) <= 3


def _starts_clause(mention: ActorMention, tokens: list[Token], lo: int) -> bool:
    """At the clause start, or after a comma, a joining "و" or a discourse word:
    "…، وإيران استهدف …", "كذلك رومانيا اتهمت إيران"."""
    if mention.first <= lo + 1:
        return True
    # a title the dictionary did not join to the name: "إن وزير خارجية النظام السوري فيصل المقداد سيزور"
    titled = next((i for i in range(max(lo, mention.first - 3), mention.first)
                   if any(stem in word_list("title_heads.tsv") for _, stem in clitic_readings(tokens[i].text)[:2])), None)
    if titled is not None and titled <= lo + 1:
        return True
    if _and_before(mention, tokens):
        return True
    previous = normalize_word(tokens[mention.first - 1].text)
    return tokens[mention.first - 1].text in ("،", ",", "و") or previous in word_list("discourse_words.tsv")


# Acts told by a noun that the one they are aimed at answers: demands, accusations, rejections,
# threats, reduced relations ("نفت حماس اتهامات إسرائيلية").
ANSWERED_ROOTS = frozenset({"10", "11", "12", "13", "16"})

# What a news outlet can itself do: state, appeal, demand, criticise, reject, threaten.
SPOKEN_ROOTS = frozenset({"01", "02", "10", "11", "12", "13"})

# Acts done by a third party to the two named "بين X و Y": mediating, offering to, hosting.
GO_BETWEEN_CODES = frozenset({"045", "039", "038", "043", "028", "030"})

COMPLEMENTISERS = {normalize_word(w) for w in ("أن", "إن", "بأن", "وأن", "وإن", "فإن", "لأن")}
PRONOUN_COMPLEMENTISERS = {normalize_word(w) for w in (
    "أنه", "أنها", "أنهم", "أنهما", "إنه", "إنها", "إنهم", "بأنه", "بأنها", "بأنهم", "وأنه", "وأنها")}


def _speaker_of_complement(trigger: TriggerMatch, tokens: list[Token], mentions: list[ActorMention],
                           inherited: ActorMention | None = None) -> ActorMention | None:
    """The subject of the verb of saying before "أنها/أنه + verb": who the pronoun stands for (a phrase
    opened by a verb too: "أن قواتها ردت على مسيرات")."""
    if not (trigger.entry.is_verb or trigger.entry.opens_on_verb) or trigger.first == 0:
        return None
    before = [normalize_word(t.text) for t in tokens[max(trigger.first - 3, 0) : trigger.first]]
    particles = word_list("particles.tsv")
    words = [w for w in before if w not in particles]
    # "أنها استهدفت", or "أن تكون قواتها قد قصفت": a pronoun or a possessed noun for the speaker's side
    if not words or (words[-1] not in PRONOUN_COMPLEMENTISERS and words[-1] not in word_list("possessed_subjects.tsv")):
        return None
    bare = [m for m in mentions if m.last < trigger.first - 1 and m.preposition is None and m.can_act]
    if inherited is not None and inherited.last < trigger.first and any(m is inherited for m in bare):
        return inherited  # "اتهمت الهند باكستان …، مؤكدة أن قواتها ردت": the speaker, not her object
    return bare[-1] if bare else None


def _visitor_before(trigger: TriggerMatch, tokens: list[Token], mentions: list[ActorMention],
                    after: list[ActorMention]) -> ActorMention | None:
    """"روتم، كان من المقرر أن يزور القاهرة": a visit verb opening a "أن" clause with a place right
    after it goes to that place; its visitor is the actor named before, outside the clause."""
    if trigger.entry.cameo != "042" or not trigger.entry.is_verb or trigger.first == 0 \
            or normalize_word(tokens[trigger.first - 1].text) not in ("ان", "لان", "بان"):
        return None
    if not after or after[0].type != "LOC" or after[0].preposition is not None or after[0].first != trigger.last + 1:
        return None
    before = [m for m in mentions if m.last < trigger.first and m.preposition is None and m.can_act
              and m.type != "LOC"]
    return before[-1] if before else None


CARRIED_PRONOUNS = ("ها", "ه", "هم", "هما")


def _agent_of_relative_light_verb(trigger: TriggerMatch, tokens: list[Token], after: list[ActorMention]
                                  ) -> ActorMention | None:
    """"انتقادات وجهها مسؤولون إيرانيون للدور التركي", "غارات شنها الطيران الروسي": the noun's agent is
    the subject of the verb that carries it back as a pronoun right after it."""
    if trigger.entry.is_verb:
        return None
    named = {i for m in after for i in range(m.first, m.last + 1)}
    # the verb right after the noun or after its adjectives ("ضربة جوية نفذها الجيش") or a relative
    # pronoun ("الهجوم الذي شنته إسرائيل")
    for position in range(trigger.last + 1, min(trigger.last + 4, len(tokens) - 1)):
        if position in named:
            return None
        verb = normalize_word(tokens[position].text)
        if verb in RELATIVES:
            continue
        carried = next((verb[: -len(p)] for p in CARRIED_PRONOUNS if verb.endswith(p) and len(verb) > len(p) + 2), None)
        if carried is not None and carried in word_list("light_verbs.tsv"):
            return next((m for m in after if m.first == position + 1 and m.preposition is None and m.can_act), None)
    return None


def _owner_of_possessed_noun(trigger: TriggerMatch, tokens: list[Token], mentions: list[ActorMention],
                             before: list[ActorMention], after: list[ActorMention]) -> ActorMention | None:
    """"نقلت الصحيفة عن ويليامز تصريحها خلال زيارتها إلى لندن": "her visit" is the visit of the
    person named before, whatever preposition governs the name there."""
    entry = trigger.entry
    if entry.is_verb or len(entry.tokens) > 1:
        return None
    word = normalize_word(tokens[trigger.first].text)[len(trigger.prefix):]
    stem = entry.tokens[0]
    body = next((word[: -len(p)] for p in CARRIED_PRONOUNS if word.endswith(p)), None)
    if body is None or body not in (stem, stem[:-1] + "ت"):
        return None
    people = [m for m in before if m.type == "PER" and m.preposition not in LOCATIVE]
    return people[-1] if people else None


ROLE_NOUNS = frozenset(normalize_word(w) for w in ("دور", "الدور", "دورها", "دوره", "مسؤولية", "المسؤولية"))


def _role_holder(trigger: TriggerMatch, tokens: list[Token], mentions: list[ActorMention]) -> ActorMention | None:
    """"للدور التركي في إسقاط نظام الأسد", "دور إيران في دعم الحوثيين": who has the role does the act."""
    if trigger.entry.is_verb or trigger.first < 3 or normalize_word(tokens[trigger.first - 1].text) != "في":
        return None
    holder = next((m for m in mentions if m.last == trigger.first - 2 and m.can_act), None)
    if holder is None:
        return None
    if holder.origin != "adjective":
        role_word = tokens[holder.first - 1]
    else:
        lead = _token_starting_at(tokens, holder.lead)
        if lead is None:
            return None
        role_word = tokens[lead]
    return holder if any(stem in ROLE_NOUNS for _, stem in clitic_readings(role_word.text)) else None


SAYING_PARTICIPLES = frozenset(normalize_word(w) for w in (
    "قائلا", "قائلة", "قائلين", "مضيفا", "مضيفة", "مؤكدا", "مؤكدة", "معتبرا", "معتبرة", "مشددا", "مشددة"))
QUOTE_OPENERS = (":", "：", '"', "«", "“")


def _first_person(trigger: TriggerMatch, tokens: list[Token]) -> bool:
    """The trigger's verb is in the first person: "أدعو", "ندعو", "سنرد", "نطالب" (an imperfect whose
    third-person form the lexicon holds for the same act)."""
    entry = trigger.entry
    if not (entry.is_verb or entry.opens_on_verb):
        return False
    # (on the word as written: the first person's "أ" carries its hamza, a past verb's "ا" does not:
    # "أدعو" is "I call", "اتفقا" is "the two agreed")
    raw = "".join(c for c in tokens[trigger.first].text if not ("\u064b" <= c <= "\u0652" or c == "\u0640"))
    lexicon = load_lexicon()
    for prefix in ("", "و", "ف", "س", "وس", "فس"):
        rest = raw[len(prefix):] if raw.startswith(prefix) else ""
        if len(rest) < 3 or rest[0] not in "أن":
            continue
        third = "ي" + normalize_word(rest)[1:]
        as_written = normalize_word(rest)
        if any(e.tokens[0] == as_written for e in (*lexicon.single.get(as_written, ()), *lexicon.phrases.get(as_written, ()))):
            return False  # the past of a verb that opens on "أ" ("أرسل", "أعلن"), not "I send"
        if any(e.cameo[:2] == entry.cameo[:2] for e in (*lexicon.single.get(third, ()), *lexicon.phrases.get(third, ()))):
            return True
    return False


def _quote_speaker(trigger: TriggerMatch, tokens: list[Token], mentions: list[ActorMention],
                   inherited: ActorMention | None) -> ActorMention | None:
    """Who speaks the quote the trigger stands in: the one named before the colon or the opening quote
    ("وقال أردوغان: …"), or, after "قائلا:", the subject of the clause (carried)."""
    opener = next((i for i in range(trigger.first - 1, -1, -1) if tokens[i].text in QUOTE_OPENERS), None)
    if opener is None:
        return None
    k = opener - 1
    while k >= 0 and tokens[k].text in QUOTE_OPENERS:
        k -= 1
    if k >= 0 and normalize_word(tokens[k].text) in SAYING_PARTICIPLES:
        if inherited is not None:
            return inherited
        return next((m for m in mentions if m.last < k and m.preposition is None and m.can_act), None)
    return next((m for m in reversed(mentions) if m.last < opener and m.preposition is None and m.can_act), None)


def _colon_speaker(trigger: TriggerMatch, tokens: list[Token], mentions: list[ActorMention]
                   ) -> ActorMention | None:
    """A headline's speaker before a colon ("تركيا: لم ننفذ أي هجمات"): the "we" of what follows,
    unless an actor of its own stands before the trigger there."""
    speaker = next((m for m in mentions if m.first <= 2 and m.preposition is None and m.can_act), None)
    if speaker is None or speaker.last + 1 >= trigger.first or tokens[speaker.last + 1].text not in (":", "："):
        return None
    if any(speaker.last < m.first < trigger.first and m.preposition is None and m.can_act for m in mentions):
        return None
    if (trigger.entry.is_verb or trigger.entry.opens_on_verb) and not _first_person(trigger, tokens) and any(
            trigger.first < m.first <= trigger.first + 2 and m.preposition is None and m.can_act
            and not victim_word(m.text) for m in mentions):
        return None  # "نتنياهو: أطلق حزب الله صواريخ": a verb of the third person has its own subject
    return speaker


def _first_of_pair(source: ActorMention, candidates: list[ActorMention]) -> ActorMention:
    """Conjoined subjects: "تركيا وإيران سيبحثان" -> the first of the pair is the source."""
    while source.conjoined:
        index = _position(source, candidates)  # (candidates: some of the sentence's mentions, in order)
        if index is None:
            index = candidates.index(source)  # raises: the source is always one of them
        if index == 0:
            break
        source = candidates[index - 1]
    return source


def _pick_target(preps: tuple[str, ...], after: list[ActorMention], source: ActorMention | None
                 ) -> ActorMention | None:
    """The object of the trigger: an actor before a place ("استهدف حزب الله … موقعا إسرائيليا
    مقابل ميس الجبل" -> Israel, not the village); never an outlet told the news ("لرويترز")."""
    after = [m for m in after if m.preposition not in LOCATIVE and not (m.media and m.preposition is not None)]
    actors = [m for m in after if m.can_act]
    return _pick_from(preps, actors, source) or _pick_from(preps, after, source)


def _pick_from(preps: tuple[str, ...], after: list[ActorMention], source: ActorMention | None
               ) -> ActorMention | None:
    if source is not None:
        # "بين البلدين" after one of the two is named: the other one is the target; a second name
        # of the source itself ("ولي العهد السعودي الأمير محمد بن سلمان") is not its object
        after = [m for m in after if not (m.origin == "context" and m.key == source.key)
                 and not (m.key == source.key and m.actor == source.actor and 0 <= m.first - source.last <= 3)]
    for mention in after:
        if mention is source or (source and mention.first <= source.last):
            continue
        if mention.first - (source.last if source and source.last > 0 else 0) > MAX_OBJECT_GAP + 6:
            break
        if mention.preposition is None and "-" in preps:
            return mention
        if mention.preposition is not None and mention.preposition in preps:
            return mention
        if mention.preposition in ("ل", "الي", "علي", "ضد", "مع", "ب") and mention.preposition in {
                p[:1] if len(p) == 1 else p for p in preps}:
            return mention
    # A direct object is also acceptable for a verb whose lexicon entry names only prepositions.
    for mention in after:
        if mention is source or (source and mention.first <= source.last):
            continue
        if mention.preposition in (None, "الي", "علي", "ضد", "مع", "ل"):
            return mention
    return None


PRONOUN_OBJECTS = {normalize(w) for w in ("معه", "معها", "معهما", "معهم", "له", "لها", "لهم", "إليه", "إليها",
                                           "عليه", "عليها", "عليهم", "به", "بها")}


def _possessor(trigger: TriggerMatch, before: list[ActorMention], after: list[ActorMention],
               inherited: ActorMention | None) -> ActorMention | None:
    """Whose act a verbal noun with a possessive pronoun is, when what it is aimed at follows behind a
    preposition ("منذ هجومها على إسرائيل", "زيارته إلى أنقرة"): the one the clause is about, the
    nearest actor named before it. With no such preposition the pronoun may be what is done to
    ("بعد توقيفه"), so no doer is read from it."""
    preps = [p for p in trigger.entry.target_preps if p != "-"]
    aimed = next((m for m in after if m.preposition in preps and m.preposition not in LOCATIVE
                  and m.first - trigger.last <= 3), None)
    if aimed is None:
        return None
    named = [m for m in before if m.preposition is None and m.can_act and m.key != aimed.key]
    if named:
        return named[-1]
    return inherited if inherited is not None and inherited.key != aimed.key else None


def _inside_phrase(trigger: TriggerMatch, mentions: list[ActorMention], source: ActorMention) -> ActorMention | None:
    """The party named inside a phrase the lexicon writes with a gap, or qualifying its last word: the
    one the act is done to ("طلبت الحكومة من السفير الفرنسي مغادرة البلاد", "استدعت الوزارة القائم
    بالأعمال الأمريكي"), whatever preposition its words carry."""
    return next((m for m in mentions if trigger.first < m.first <= trigger.last + (m.origin == "adjective")
                 and m is not source and m.key and m.key != source.key and m.can_act), None)


def _pronoun_object(tokens: list[Token], trigger: TriggerMatch) -> bool:
    """A pronoun object right after the trigger, or on it ("استقبله")."""
    following = tokens[trigger.last + 1 : trigger.last + 3]
    return any(_one_of(t.text, PRONOUN_OBJECTS) for t in following)


def _joined_after(source: ActorMention, mentions: list[ActorMention]) -> list[ActorMention]:
    """The mentions joined to `source` by "و" right after it: "لبنان واليمن"."""
    index = _position(source, mentions)
    if index is None:
        return []
    joined = []
    for mention in mentions[index + 1 :]:
        if not mention.conjoined or mention.type != source.type and "LOC" in (mention.type, source.type):
            break
        joined.append(mention)
    return joined


def _conjoined_partner(source: ActorMention, mentions: list[ActorMention]) -> ActorMention | None:
    index = _position(source, mentions)
    if index is None:
        return None  # carried over from an earlier sentence
    if index + 1 < len(mentions) and mentions[index + 1].conjoined:
        return mentions[index + 1]
    if source.conjoined and index > 0:
        return mentions[index - 1]
    return None


def _position(mention: ActorMention, mentions: list[ActorMention]) -> int | None:
    """Where `mention` is among the sentence's mentions, as `mentions.index` finds it (the first equal
    one), or None: by bisection on start, the mentions being in order of start (sentence_mentions
    sorts them), and only those that start where it does compared (a long sentence has thousands)."""
    i = bisect_left(mentions, mention.start, key=_start)
    while i < len(mentions) and mentions[i].start == mention.start:
        if mentions[i] is mention or mentions[i] == mention:
            return i
        i += 1
    return None


def _start(item: ActorMention | Token) -> int:
    return item.start


def _token_starting_at(tokens: list[Token], offset: int) -> int | None:
    """The index of the token that starts at a character offset, or None (by bisection: tokens are in
    order and do not overlap)."""
    i = bisect_left(tokens, offset, key=_start)
    return i if i < len(tokens) and tokens[i].start == offset else None


def _between_pair(trigger: TriggerMatch, after: list[ActorMention]
                  ) -> tuple[ActorMention, ActorMention] | None:
    """"محادثات بين إيران وتركيا" -> (Iran, Turkey)."""
    for i, mention in enumerate(after):
        if mention.preposition == "بين" and i + 1 < len(after) and after[i + 1].conjoined:
            if mention.first - trigger.last <= 6:
                return mention, after[i + 1]
    return None


def _between_pair_before(trigger: TriggerMatch, before: list[ActorMention]
                         ) -> tuple[ActorMention, ActorMention] | None:
    for i in range(len(before) - 1, 0, -1):
        first, second = before[i - 1], before[i]
        if first.preposition == "بين" and second.conjoined and trigger.first - second.last <= 8:
            return first, second
    return None


AGENT_MARKERS = frozenset(normalize_word(w) for w in ("برصاص", "بنيران", "بقصف", "بغارة", "بغارات", "بقذيفة",
                                                      "بقذائف", "بهجوم"))


def _agent_after(trigger: TriggerMatch, tokens: list[Token], mentions: list[ActorMention], hi: int
                 ) -> tuple[ActorMention | None, int | None]:
    """The actor behind "برصاص", "بنيران", "على يد" within a few words after a violent trigger, and
    where that marker stands: "استشهد شاب برصاص قوات الاحتلال", "قتل ثلاثة على يد قوات الدعم السريع"."""
    if trigger.entry.cameo[:2] not in ("18", "19", "20"):
        return None, None
    for i in range(trigger.last + 1, min(hi, trigger.last + 8) + 1):
        word = normalize_word(tokens[i].text)
        after_hand = word == "يد" and i > 0 and normalize_word(tokens[i - 1].text) == "علي"
        if word in AGENT_MARKERS or after_hand:
            agent = next((m for m in mentions if i < m.first <= i + 2 and m.can_act), None)
            return (agent, i - (1 if after_hand else 0)) if agent is not None else (None, None)
    return None, None


CIRCUMSTANCE_PREPOSITIONS = frozenset(normalize_word(w) for w in (
    "في", "خلال", "إثر", "اثر", "جراء", "عقب", "بعد", "منذ", "قبل", "وسط"))


def _agent_by_lam(trigger: TriggerMatch, tokens: list[Token], after: list[ActorMention]) -> ActorMention | None:
    """The actor after "ل" right behind a violent noun that tells the circumstance of what happened
    ("قتل جنديان في هجوم لتنظيم داعش", "بغارة جوية للتحالف"): the noun's doer. (After a noun that takes
    a direct object "ل" may mark that object, "قصف لمواقع الجيش"; and after a noun that is a verb's
    object, the target: "وجهتا ضربات للمسلحين".)"""
    entry = trigger.entry
    if entry.is_verb or entry.opens_on_verb or entry.cameo[:2] not in ("18", "19", "20") or "-" in entry.target_preps:
        return None
    previous = normalize_word(tokens[trigger.first - 1].text) if trigger.first > 0 else ""
    word = normalize_word(tokens[trigger.first].text)
    definite = word.startswith(("ال", "وال", "فال"))
    if "ب" not in trigger.prefix and not definite and previous not in CIRCUMSTANCE_PREPOSITIONS:
        return None  # (a definite noun names an act known: "الهجوم الإرهابي لتنظيم داعش")
    return next((m for m in after if m.preposition == "ل" and m.can_act and 0 < m.first - trigger.last <= 2), None)


# Verbs that the unvowelled text writes alike in the active and the passive ("قتل" = killed / was killed).
UNVOWELLED_PASSIVES = frozenset({"قتل", "جرح", "اغتال", "خطف", "اختطف", "اعتقل"})


def _object_follows(trigger: TriggerMatch, tokens: list[Token], after: list[ActorMention]) -> bool:
    """A count, a victim word or a name right after the verb: its object, so the verb is active."""
    if trigger.last + 1 >= len(tokens):
        return False
    following = tokens[trigger.last + 1].text
    return normalize_word(following).isdigit() or victim_word(following) \
        or following in word_list("victim_counts.tsv") or any(m.first == trigger.last + 1 for m in after)


RESUMPTIVE = frozenset(normalize_word(w) for w in (
    "إليها", "إليه", "فيه", "فيها", "عليه", "عليها", "به", "بها", "له", "لها", "منه", "منها", "عنه", "عنها"))


def _resumed_antecedent(trigger: TriggerMatch, tokens: list[Token]) -> bool:
    """The relative clause's verb takes its antecedent back as a pronoun, on a preposition right after it
    ("دعت إليها") or on the verb itself ("نفذته", "شنها"): the antecedent is its object, not its subject."""
    word = normalize_word(tokens[trigger.first].text)
    stem = trigger.entry.tokens[0]
    on_verb = word != stem and any(word.endswith(p) and len(word) - len(p) >= len(stem) - 1 for p in ("ه", "ها"))
    following = normalize_word(tokens[trigger.last + 1].text) if trigger.last + 1 < len(tokens) else ""
    return on_verb or following in RESUMPTIVE


def _relative_before(trigger: TriggerMatch, tokens: list[Token]) -> int | None:
    """Where the relative pronoun stands that opens the trigger's clause: right before a verb, or before
    the light verb that carries a noun ("الذي قام بجولة")."""
    if trigger.first > 0 and trigger.entry.is_verb and normalize_word(tokens[trigger.first - 1].text) in RELATIVES:
        return trigger.first - 1
    if trigger.first > 1 and not trigger.entry.is_verb and normalize_word(tokens[trigger.first - 2].text) in RELATIVES \
            and light_verb_between(tokens, trigger.first - 1, trigger.first):
        return trigger.first - 2
    return None


def _victims_before(trigger: TriggerMatch, tokens: list[Token], mentions: list[ActorMention], lo: int
                    ) -> ActorMention | None:
    """An unvowelled "قتل"/"قتلوا" right after an indefinite count of people is passive: "جنديين
    اسبانيين قتلا" -> the Spanish soldiers were killed. Returns the victims' mention, if named."""
    if trigger.entry.kind != "past" or trigger.entry.cameo[:2] not in ("18", "19") or trigger.first < 1:
        return None
    start = max(lo, trigger.first - 4)
    counted = any(normalize_word(t.text).isdigit() or normalize_word(t.text) in word_list("victim_words.tsv")
                  or normalize_word(t.text) in word_list("victim_counts.tsv") for t in tokens[start : trigger.first])
    nisba = next((m for m in mentions if start <= m.first and m.last == trigger.first - 1 and m.origin == "adjective"
                  and not normalize_word(tokens[m.first].text).startswith("ال")), None)
    if nisba is None and not counted:
        return None
    if any(start <= m.first < trigger.first and m.preposition is None and m.origin != "adjective"
           and normalize_word(tokens[m.first].text).startswith("ال") for m in mentions):
        return None  # "الجيش قتل 3 مسلحين": a definite actor before is the killer
    return nisba if nisba is not None else None


def _possessed_after(trigger: TriggerMatch, tokens: list[Token]) -> bool:
    """"مقتل اثنين من جنوده": the dead are the speaker's own."""
    return any(normalize_word(t.text) in word_list("possessed_subjects.tsv") or own_people(t.text)
               for t in tokens[trigger.last + 1 : trigger.last + 5])


def looks_passive(trigger: TriggerMatch, tokens: list[Token]) -> bool:
    """Unvowelled "قتل" is active or passive: a damma on its first letter ("قُتل") or a number or
    count of people after it ("قتل 12 شخصا", "قتل ثلاثة مدنيين") makes it passive. A verb that takes
    no direct object has no such passive: "تظاهر آلاف الأردنيين" are the ones who march."""
    if "-" not in trigger.entry.target_preps:
        return False
    word = tokens[trigger.first].text.lstrip("وف")
    if len(word) > 1 and word[1] == "\u064f":
        return True
    if trigger.last + 1 >= len(tokens):
        return False
    following = tokens[trigger.last + 1].text
    return normalize_word(following).isdigit() or victim_word(following)
