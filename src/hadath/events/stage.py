"""The event-coding stage: triggers -> participants -> status -> date -> location -> attribution.

Reads article.sentences, article.entities (with actor codes), article.dates; sets article.events.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property

from hadath.actors.dictionary import is_state
from hadath.deadline import check_deadline
from hadath.events.cameo import load_cameo
from hadath.events.lexicon import (
    GAP,
    NOUN_GOVERNORS,
    TriggerMatch,
    ending_within,
    load_lexicon,
    opening_within,
)
from hadath.events.participants import (
    ActorMention,
    Clauses,
    EntityIndex,
    choose_participants,
    locative_state,
    looks_passive,
    sentence_mentions,
    victim_word,
)
from hadath.events.status import find_markers, past_trigger, status_of
from hadath.events.words import own_people, word_list
from hadath.model import Article, DateMention, Entity, Event, Location, Participant, Sentence, Trigger
from hadath.text.normalize import normalize_word, strip_diacritics
from hadath.text.spans import ByStart, Spans
from hadath.text.tokens import Token, clitic_readings, tokenize
from hadath.text.wordlists import read_table, read_words

# Roots whose events are worth keeping with no named party: protests and violence happen to someone
# somewhere even when the text names nobody ("قتل عشرة أشخاص في انفجار …").
PARTYLESS_ROOTS = {"14", "18", "19", "20"}
VIOLENT_ROOTS = {"18", "19", "20"}
# Acts one side does whether or not the text names another: a statement or a comment (01), an
# investigation (09), a raised alert or a deployment (15). They are kept with the source alone.
ONE_SIDED_ROOTS = {"01", "09", "15"}
# Intents told by a verb ("تعهدت الكويت بتقديم 30 مليون دولار", "أبدت قطر استعدادها للوساطة") are told
# of the one who intends even where the text names no receiver.
INTENT_ROOTS = {"03"}
# Acts that answer another's act: an appeal, praise or welcome, a demand, a condemnation, a
# rejection, a threat, cut relations. With no target in their clause they answer the last act told
# before ("شنت واشنطن غارات … وتوعد الحوثيون بالرد": the threat is at Washington).
REACTION_ROOTS = {"02", "05", "10", "11", "12", "13", "16"}
# Comments that judge another's act (pessimism, optimism, regret, satisfaction) answer it as a
# reaction does: "أعربت موسكو عن ارتياحها" after Ankara's step is aimed at Ankara.
REACTION_COMMENTS = {"012", "013"}
# A show of force (alerts, drills, deployments, 15) is aimed at the other side of the story: it is
# kept with the source alone where there is none, but takes that side where the acts before name one.
POSTURE_ROOTS = {"15"}
# Coercion or a concession with no other party named (arrests, curfews; releases, a curfew lifted)
# is done by a state to its own people.
OWN_PEOPLE_ROOTS = {"08", "17"}
# Reactions that judge an act already done (praise, condemnation, rejection), unlike a demand or an
# appeal, whose object is an act wanted.
JUDGING_ROOTS = {"05", "11", "12"}
SYMMETRIC_ROOTS = {"03", "04", "05", "06"}
# Acts a state's own people do to each other and that gold codes with one key on both sides:
# protests, repression, violence ("قمع المتظاهرين", "الاقتتال في ليبيا").
DOMESTIC_ROOTS = {"08", "14", "15", "17", "18", "19", "20"}
OFFICIAL_ROLES = {"GOV", "LEG", "JUD", "MIL", "SPY", "COP"}
ATTRIBUTION = re.compile(
    r"(?:وفق[اًا]?\s*ل?|بحسب|حسب(?:ما)?|نقل(?:ت|ا)?|قال(?:ت)?|ذكر(?:ت)?|أفاد(?:ت)?|افاد(?:ت)?|أعلن(?:ت)?)\s+"
    r"(?:تقرير\s+)?(?:ل)?((?:وكالة|صحيفة|قناة|موقع|مصادر|مصدر|بيان|وزارة|المتحدث)[^،,.:]{0,40})"
)


def code_events(article: Article) -> Article:
    lexicon = load_lexicon()
    events: list[Event] = []
    home = home_state(article)
    government = government_state(article)
    entity_index = EntityIndex(article)
    subject: ActorMention | None = None  # the last subject named, for verbs that drop theirs
    subjects: list[ActorMention] = []  # all of that verb's subjects: "وقعت مصر والأردن …، واتفقتا"
    verb_acts: set[tuple[int, int]] = set()  # (sentence, trigger start) of the events told by a verb
    vague_targets: set[tuple[int, int]] = set()
    alleged: set[tuple[int, int]] = set()  # acts told as claims: "مزاعم استهداف تركيا للمدنيين"
    told: list[tuple[int, str, ActorMention | None, ActorMention | None]] = []
    tolls: set[tuple[int, int]] = set()  # (sentence, trigger start) of deaths and injuries told, not acts
    # `_last_pair` and `_last_groups` of the events so far, kept as they are told (the events of one
    # trigger are one act, told together)
    last_pair: tuple[str, str] | None = None
    last_groups: dict[int, list[str]] = {}
    entities, dates = ByStart(article.entities), ByStart(article.dates)  # those of a sentence, by bisection
    for index, sentence in enumerate(article.sentences):
        check_deadline()  # the article's time budget (hadath.deadline)
        tokens = tokenize(article.text[sentence.start : sentence.end], offset=sentence.start)
        if not tokens:
            continue
        # (a role entity counts where it holds a name: "وزير الخارجية فيصل بن فرحان")
        names = [(e.start, e.end) for e in entities.starting_in(sentence.start, sentence.end)
                 if e.origin != "role" or e.type == "PER"]
        # A trigger word inside a name is part of the name: "فيصل" is not "ف" + "يصل".
        # A trigger word inside a date expression is a time word: "فجر اليوم" is dawn, not "blew up".
        in_sentence = dates.starting_in(sentence.start, sentence.end)
        names += [(d.start, d.end) for d in in_sentence]
        name_spans = Spans.of(names)
        triggers = [t for t in lexicon.match(tokens, _continuing(tokens, name_spans))
                    if not _inside_a_name(t, tokens, name_spans)]
        if not triggers:
            continue
        mentions = sentence_mentions(article, sentence, tokens, home, entity_index, last_pair, government,
                                     last_groups)
        markers = find_markers(tokens)
        sentence_dates = [d for d in in_sentence if d.value]
        vague_targets.update((m.start, m.end) for m in mentions if m.located)
        context = SentenceContext(article, index, sentence, tokens, mentions, markers, sentence_dates, triggers,
                                  vague_targets, told)
        floor = -1
        on_the_pitch = _word_among(tokens, word_list("sports_words.tsv"))
        if subject is not None and subject.start < sentence.start:
            subject = _carried(subject, sentence)
            subjects = [_carried(s, sentence) if s.start < sentence.start else s for s in subjects]
        last_target: ActorMention | None = None
        previous: TriggerMatch | None = None
        aim: TriggerMatch | None = None  # the last noun dropped as an aim or topic ("لمناقشة …")
        for trigger in triggers:
            check_deadline()  # a sentence of thousands of words has thousands of triggers
            if trigger.start in context.consumed:
                continue
            if previous is not None and trigger.first == previous.last + 1 and not trigger.entry.is_verb \
                    and not trigger.prefix and trigger.entry.cameo[:2] == previous.entry.cameo[:2]:
                continue  # "نظم … وقفة احتجاجية": the word that qualifies the act's noun is that act
            if trigger.entry.cameo[:2] in VIOLENT_ROOTS and on_the_pitch:
                continue  # "صمد الدفاع المغربي أمام هجوم برتغالي": a match, not a war
            topic = _topic_effect(trigger, tokens)
            if trigger.entry.is_verb:
                aim = None
            elif aim is not None and _joined_to_aim(trigger, aim):
                continue  # "لمناقشة التعاون … ووقف إطلاق النار": what is discussed, joined to the topic
            if _not_an_act(trigger, tokens, triggers, topic):
                if not trigger.entry.is_verb:
                    aim = trigger
                continue
            if topic == "alleged":
                alleged.add((index, trigger.start))
            if _toll(trigger, tokens):
                tolls.add((index, trigger.start))
            coded = _code_trigger(context, trigger, _object_floor(trigger, previous, tokens, floor), subject, last_target,
                                  topic, subjects)
            previous = trigger
            events.extend(event for event, _, _ in coded)
            last_pair = _last_pair([event for event, _, _ in coded]) or last_pair
            last_groups.update(_last_groups([event for event, _, _ in coded]))
            told.extend((index, event.cameo, source, target) for event, source, target in coded)
            if trigger.entry.is_verb and coded:
                verb_acts.add((index, trigger.start))
            last_target = next((target for _, _, target in coded if target is not None), last_target)
            if (trigger.entry.is_verb or trigger.entry.opens_on_verb) and not _after_preposition(trigger, tokens):
                # a verbal noun after a verb is its object ("أدانت الجامعة الغارة"): no subject of its own;
                # the verb's subject, also a phrase's ("أمهلت السعودية السفير"), is the next verb's if dropped
                floor = trigger.last
                subject = next((source for _, source, _ in coded if source is not None), subject)
                named = list({s.key: s for _, s, _ in coded if s is not None and s.key}.values())
                subjects = named or subjects
    places = {(e.start, e.end) for e in article.entities if e.origin == "place"} | vague_targets
    kept = _victims_merged(_one_per_act(events, _headline_sentences(article), places, verb_acts), places, tolls)
    kept = [e for e in kept if not ((e.sentence, e.trigger.start) in tolls and _disaster_told(article, e.sentence))]
    # a claim the article also reports denied is that denial ("مزاعم استهداف …" then "لم ننفذ أي هجوم")
    article.events = [e for e in kept if e.status == "denied" or (e.sentence, e.trigger.start) not in alleged
                      or not any(d.status == "denied" and _same_kind(d, e) and _compatible(d, e, places) for d in kept)]
    _date_called_off_acts(article)
    return article


def _not_an_act(trigger: TriggerMatch, tokens: list[Token], triggers: list[TriggerMatch], topic: str | None) -> bool:
    """A trigger word that names no act of its own here (`topic`: what the word before makes of it)."""
    if topic == "drop" or topic == "prevented" and "noun" in (trigger.entry.kind, trigger.entry.head):
        return True  # "ملف التطبيع", "مسألة تأجيل القمة", "لوقف استهداف …": a topic or an aim, not a happening
    if not trigger.entry.is_verb and trigger.prefix.lstrip("وف").startswith("ل") and not _undergone(trigger, tokens):
        return True  # "اجتمع … لمناقشة …", "الدور الإيراني للتطبيع": a purpose, not an act
    # "القمع ضد المتظاهرين": what was done to them is the act; "استهدفت سفينة … بصواريخ": the means of
    # the strike told; "اتهمت واشنطن طهران باستهداف ناقلتين": the accusation is the event told
    return _protesters_done_to(trigger, tokens) or _instrument(trigger, triggers) or _accused_of(trigger, triggers) \
        or _weapon_handled(trigger, tokens, triggers)


def _joined_to_aim(trigger: TriggerMatch, aim: TriggerMatch) -> bool:
    """A verbal noun joined by "و" to an aim or a topic named before it, with no verb between (the
    caller resets the aim at a verb), is another item of that aim: "لبحث الأوضاع وتبادل الأسرى"."""
    if not trigger.prefix and 0 < trigger.first - aim.last <= 2:
        return True  # its genitive object: "لاستضافة التفاوض", "لاستضافة جولات التفاوض"
    return trigger.prefix.startswith("و") and 0 < trigger.first - aim.last <= 25


def _date_called_off_acts(article: Article) -> None:
    """A postponed or cancelled act with no date of its own is dated by when the same act had been
    scheduled, where the article says so ("كانت الزيارة قد تأجلت" … "سيزور تركيا في 28 نوفمبر الماضي"),
    and the schedule, past, is that act: one event."""
    if article.published is None:
        return
    published = article.published.isoformat()
    for event in article.events:
        if event.status not in ("postponed", "cancelled") or event.date is not None:
            continue
        scheduled = [e for e in article.events if e is not event and e.cameo == event.cameo
                     and e.status == "planned" and e.date and e.date < published
                     and _pair(e) == _pair(event)]
        if scheduled:
            # the schedule and its calling-off are one act, now postponed or cancelled
            event.date, event.date_precision, event.date_source = scheduled[0].date, scheduled[0].date_precision, "context"
            article.events.remove(scheduled[0])


def _keys(event: Event) -> tuple[str | None, str | None]:
    return (event.source.key if event.source else None, event.target.key if event.target else None)


def _pair(event: Event) -> tuple:
    """The keys of the two sides, in either order for the roots where who meets whom is symmetric."""
    keys = _keys(event)
    return tuple(sorted(map(str, keys))) if event.root in SYMMETRIC_ROOTS else keys


@dataclass
class SentenceContext:
    article: Article
    index: int
    sentence: Sentence
    tokens: list[Token]
    mentions: list[ActorMention]
    markers: list
    dates: list[DateMention]
    triggers: list[TriggerMatch]
    # spans of targets that say where rather than whom: a state a violent act was pinned to for want
    # of a victim, an armed group known only by the place it is in ("للمسلحين داخل ليبيا")
    vague_targets: set[tuple[int, int]]
    # the acts told so far in the article: (sentence, CAMEO code, source, target)
    told: list[tuple[int, str, ActorMention | None, ActorMention | None]] = field(default_factory=list)
    # starts of triggers an earlier trigger of the sentence has taken as part of its own act
    consumed: set[int] = field(default_factory=set)

    @cached_property
    def clauses(self) -> Clauses:
        return Clauses(self.tokens)

    @cached_property
    def place_named(self) -> ActorMention | None:
        """The first place named after "في" or "بـ" in the sentence: where its acts happen (found once
        for all its triggers)."""
        return next((m for m in self.mentions if m.type == "LOC" and m.preposition in ("في", "ب")), None)


def _carried(subject: ActorMention, sentence: Sentence) -> ActorMention:
    """A subject carried into the next sentence: no token positions there, only who it is."""
    return replace(subject, first=-1, last=-1, conjoined=False, listed=False)


def _topic_effect(trigger: TriggerMatch, tokens: list[Token]) -> str | None:
    """What a topic word right before a verbal noun makes of it (data/topic_words.tsv)."""
    if trigger.entry.is_verb or trigger.first == 0:
        return None
    topics = read_table("hadath.events", "data/topic_words.tsv")
    # every clitic reading, not a strip of leading letters: "لوقف" is ل + "وقف", "بحث" is not ب + "حث"
    return next((topics[stem] for _, stem in clitic_readings(tokens[trigger.first - 1].text) if stem in topics), None)


def _object_floor(trigger: TriggerMatch, previous: TriggerMatch | None, tokens: list[Token], floor: int) -> int:
    """"اعتراض لبنان واليمن على تجميد عضوية سوريا": an act right behind the preposition of a noun
    before it is what that noun is about, and takes no subject from before that noun."""
    if previous is None or trigger.entry.is_verb or previous.entry.is_verb or not 0 < trigger.first - previous.last <= 4:
        return floor
    governed = trigger.prefix.lstrip("وف")[:1] in ("ب", "ل") or normalize_word(tokens[trigger.first - 1].text) in (
        "علي", "الي", "ضد", "حول", "عن")
    return max(floor, previous.last) if governed and previous.entry.target_preps != ("-",) else floor


def _protesters_done_to(trigger: TriggerMatch, tokens: list[Token]) -> bool:
    """A word for protesters behind "ضد", "تجاه", "على" or "لـ" names the target of another act."""
    if trigger.entry.cameo[:2] != "14" or trigger.entry.is_verb:
        return False
    if trigger.prefix.lstrip("وف")[:1] == "ل":
        return True
    return trigger.first > 0 and normalize_word(tokens[trigger.first - 1].text) in ("ضد", "تجاه", "علي", "بحق")


def _instrument(trigger: TriggerMatch, triggers: list[TriggerMatch]) -> bool:
    """A violent noun with "بـ" after a violent verb of the same sentence is the weapon it used."""
    if trigger.entry.is_verb or "ب" not in trigger.prefix or trigger.entry.cameo[:2] not in VIOLENT_ROOTS:
        return False
    return any(other.entry.is_verb and other.entry.cameo[:2] in VIOLENT_ROOTS
               for other in ending_within(triggers, trigger.first - 12, trigger.first - 1))


def _weapon_handled(trigger: TriggerMatch, tokens: list[Token], triggers: list[TriggerMatch]) -> bool:
    """A weapon or bomb noun that is the object of handling it ("تفكيك عبوة ناسفة", "ضبطت الشرطة
    متفجرات", "العثور على سيارة مفخخة"): defused, seized, found or smuggled, not used. A word of
    handling (data/handling_words.tsv) among the four words before it, with no other trigger between."""
    if trigger.entry.is_verb or trigger.entry.cameo[:2] not in VIOLENT_ROOTS:
        return False
    # (the last trigger before it, where it ends among those four words)
    lo = max([trigger.first - 4] + [other.last + 1 for other in ending_within(triggers, trigger.first - 4,
                                                                              trigger.first - 1)])
    return _word_among(tokens[max(lo, 0) : trigger.first], read_words("hadath.events", "data/handling_words.tsv"))


def _accused_of(trigger: TriggerMatch, triggers: list[TriggerMatch]) -> bool:
    """A verbal noun with "بـ" a few words after a verb of accusing ("اتهمت روسيا باستهداف …"), or right
    after "حملت X مسؤولية", is what the accused is said to have done."""
    if trigger.entry.is_verb:
        return False
    return any(other.entry.cameo == "112" and (
        other.entry.is_verb and "ب" in trigger.prefix and 0 < trigger.first - other.last <= 4
        or len(other.entry.tokens) > 1 and trigger.first - other.last == 1)
        for other in ending_within(triggers, trigger.first - 4, trigger.first - 1))


def _last_groups(events: list[Event]) -> dict[int, list[str]]:
    """N -> the keys of the N states that did or underwent the last act told with N of them together
    ("قطعت السعودية والإمارات والبحرين ومصر علاقاتها مع قطر"): who "الدول الأربع" are next."""
    by_act: dict[tuple[int, int], tuple[list[str], list[str]]] = {}
    for event in events:
        sources, targets = by_act.setdefault((event.sentence, event.trigger.start), ([], []))
        source, target = _keys(event)
        for side, key in ((sources, source), (targets, target)):
            if key and is_state(key) and key not in side:
                side.append(key)
    groups: dict[int, list[str]] = {}
    for sources, targets in by_act.values():  # in the order told: the last group of each size wins
        for side in (sources, targets):
            if len(side) >= 3:
                groups[len(side)] = side
    return groups


MEDIATION_CODES = frozenset({"045", "039"})  # a mediator acts on a pair, it is not one of its two sides


def _last_pair(events: list[Event]) -> tuple[str, str] | None:
    """The two states of the last act told between two states (a meeting, an agreement, a strike):
    who "الجانبان", "البلدين" are next."""
    for event in reversed(events):
        keys = _keys(event)
        # (a go-between is not one of the two sides: "اتفاق برعاية صينية" after "وقعت السعودية وإيران")
        if all(is_state(k) for k in keys) and keys[0] != keys[1] and event.cameo not in MEDIATION_CODES:
            return keys  # type: ignore[return-value]
    return None


def _undergone(trigger: TriggerMatch, tokens: list[Token]) -> bool:
    """"تعرضت السفارة المصرية لهجوم": after a verb of undergoing (its subject between), "لـ" marks
    the act suffered, not a purpose."""
    undergoing = read_words("hadath.events", "data/undergoing_words.tsv")
    return _word_among(tokens[max(trigger.first - 8, 0) : trigger.first], undergoing)


def _word_among(tokens: list[Token], words: frozenset[str]) -> bool:
    """One of `tokens`, read without its clitics, is one of `words`."""
    return any(stem in words for token in tokens for _, stem in clitic_readings(token.text))


def _after_preposition(trigger: TriggerMatch, tokens: list[Token]) -> bool:
    """A verb's form after a preposition is its verbal noun: "لعدم التورط في قتل المدنيين", "بقتل" (no
    verb follows a preposition); its subject is no subject for the verbs after it."""
    if trigger.prefix.lstrip("وف")[:1] in ("ب", "ل", "ك"):
        return True
    # (the lexicon's own list of the words after which a verb's form is read as its noun)
    return trigger.first > 0 and any(word in NOUN_GOVERNORS for _, word in clitic_readings(tokens[trigger.first - 1].text))


def _continuing(tokens: list[Token], spans: Spans) -> frozenset[int]:
    """The tokens that continue a name or a date begun before them: a phrase's gap counts each name
    and each date as one word. (A span begun by the previous token's start that ends past this
    token's start; tokens start in order, so it begins before this one.)"""
    return frozenset(i for i in range(1, len(tokens)) if spans.furthest_end(tokens[i - 1].start) > tokens[i].start)


def _inside_a_name(trigger: TriggerMatch, tokens: list[Token], names: Spans) -> bool:
    """The trigger's own words (not a gapped phrase's middle) overlap a name: "فيصل" is not "ف" + "يصل"."""
    # (a phrase's last word may open the name it is about: "حظر * حزب" in "حظرت ألمانيا أنشطة حزب الله")
    words = [tokens[trigger.first]] if "*" in trigger.entry.form else [tokens[trigger.first], tokens[trigger.last]]
    return any(names.overlaps(w.start, w.end) for w in words)


def home_state(article: Article) -> str | None:
    """The state an article is about: the one its places and state adjectives name most (first named
    wins a tie), the dateline aside ("القاهرة - بوابة الوسط": where the story was filed)."""
    named = [e for e in [*article.entities, *article.hints]
             if is_state(e.key) and (e.type == "LOC" or e.origin == "adjective") and not _in_dateline(article.text, e)]
    return _commonest(e.key for e in sorted(named, key=lambda e: e.start))


DATELINE = re.compile(r"\s*[-–—(]")


def _in_dateline(text: str, entity: Entity) -> bool:
    """A place that opens a line and is followed by a dash or a bracket: "القاهرة - بوابة الوسط",
    "بيروت (رويترز)"."""
    line_start = text.rfind("\n", 0, entity.start) + 1
    return not text[line_start : entity.start].strip() and bool(DATELINE.match(text, entity.end))


def government_state(article: Article) -> str | None:
    """The state whose government the article names most by its officials ("شكري" is EGYGOV three
    times, the Qatari minister once): an unnamed "وزير الخارجية" there is that state's, even where
    the article's places are mostly another's ("الأوضاع في غزة"). None where it names no official."""
    return _commonest(e.key for e in article.entities
                      if is_state(e.key) and e.actor == e.key + "GOV")


def _commonest(keys: Iterable[str]) -> str | None:
    """The key given most often; of equals, the first given."""
    counts: dict[str, int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None


def _code_trigger(ctx: SentenceContext, trigger: TriggerMatch, floor: int, subject: ActorMention | None,
                  last_target: ActorMention | None = None, topic: str | None = None,
                  subjects: list[ActorMention] | None = None
                  ) -> list[tuple[Event, ActorMention | None, ActorMention | None]]:
    """The events one trigger makes, each with the mentions that are its source and target (`topic`:
    what the word before the trigger makes of it, see `_topic_effect`)."""
    article = ctx.article
    cameo_code = trigger.entry.cameo
    root = cameo_code[:2]
    events = []
    undergone = not trigger.entry.is_verb and _undergone(trigger, ctx.tokens)
    for source, target in choose_participants(trigger, ctx.tokens, ctx.mentions, floor, subject, last_target,
                                              subjects or [], ctx.clauses):
        if undergone and source is not None and source.last < trigger.first:
            source, target = None, source  # "تعرضت السفارة لهجوم": the subject suffered the act
        elif undergone and source is not None and source.first > trigger.last:
            # "السفارة … التي تعرضت لهجوم متظاهرين": the doer follows the noun, the one who suffered it
            # is named before
            target = next((m for m in reversed(ctx.mentions) if m.last < trigger.first and m.preposition is None
                           and m.can_act and m.key != source.key), target)
        if root in VIOLENT_ROOTS and target is None:
            target = _members_of(trigger, ctx.tokens, ctx.mentions, source)
        if root == "16" and target is None:
            target = _mission_host(trigger, ctx.tokens, ctx.mentions, source)
        if root in PARTYLESS_ROOTS and target is None:
            target = _place_as_target(ctx.mentions, source, trigger, ctx.triggers)
            if target is not None:
                ctx.vague_targets.add((target.start, target.end))
        if root == "14" and source is not None and (source.actor or "")[3:] in OFFICIAL_ROLES \
                and not normalize_word(trigger.entry.tokens[0]).startswith("احتج"):
            # "فرقت الشرطة السودانية مظاهرة": a state body does not march; the marchers are unnamed
            source = None
        if root == "14" and source is None:
            # protesters not named: the people of the place where they protest
            place = _locative_place(ctx.mentions) or target
            if place is not None and is_state(place.key):
                source = _state_of(place, "CVL")
        if root == "14" and target is None and source is not None and is_state(source.key):
            target = _state_of(source)  # a protest with no named target is against its own rulers
        if source is None and subject is not None and _threatened_by(ctx, trigger) and subject is not target:
            source = subject  # "هددت كوريا الشمالية بإجراء تجربة نووية": the threatener's own act
        if source is None:
            source = _decider(trigger, ctx.tokens, ctx.mentions, target)
        if source is None and root in VIOLENT_ROOTS:
            source = _claimant(ctx)
        if cameo_code == "180" and source is not None and _state_force(source):
            cameo_code, root = "190", "19"  # "هجوم" by a state or its army is military force, not an assault
        if root in ("18", "19") and _protesters_do(trigger, ctx.triggers, source):
            cameo_code, root = "145", "14"  # "اقتحم متظاهرون مقر الحركة": a violent protest, not war
            place = source or _locative_place(ctx.mentions) or target
            source = place if place is None or (place.actor or "").endswith("CVL") or not is_state(place.key) \
                else _state_of(place, "CVL")
            # the protesters named as its subject are this act, not a protest of their own
            ctx.consumed.update(t.start for t in ctx.triggers if t.first == trigger.last + 1)
            if target is None and source is not None and is_state(source.key):
                target = _state_of(source)  # a protest with no named target is against its own rulers
        elif root in ("18", "19") and source is not None and _state_body(source) \
                and _protesters_after(trigger, ctx.triggers):
            # "اشتبكت قوات الأمن مع المحتجين": a state's force against its own protesters is repression
            cameo_code, root, target = "175", "17", _state_of(source, "CVL")
        if root == "14" and source is not None and (source.actor or "")[3:] in OFFICIAL_ROLES:
            cameo_code, root = "111", "11"  # a ministry "protests" by statement: disapproval, not a demonstration
        told_by_verb = trigger.entry.is_verb or trigger.entry.opens_on_verb  # a noun is as often a topic
        if target is None and source is not None and root in THREAT_ROOTS and told_by_verb:
            target = _threatened_place(ctx, source, trigger)
        if target is None and source is not None and (root in REACTION_ROOTS | POSTURE_ROOTS
                                                      or cameo_code in REACTION_COMMENTS) and told_by_verb:
            target = _answered(ctx, source, trigger)
        own_people_told = target is None and told_by_verb and source is not None and bool(source.key) \
            and _own_people_object(trigger, source, ctx.tokens, ctx.mentions)
        if own_people_told:
            target = _state_of(source)  # "دعا الصدر أنصاره إلى …", "حث الرئيس مواطنيه على …": its own people
        if target is None and root in OWN_PEOPLE_ROOTS and told_by_verb and source is not None and source.key \
                and is_state(source.key):
            target = _state_of(source)  # "اعتقلت الشرطة التركية عشرين شخصا": its own people
        # "دانت قطر التفجير" where no one is known to have done it: the condemnation is told all the same
        judged = told_by_verb and root in JUDGING_ROOTS and _act_object(trigger, ctx) is not None
        # "هددت كوريا الشمالية بإجراء تجربة نووية": a threat of an act of one's own needs no one named
        judged = judged or told_by_verb and root in THREAT_ROOTS and _governed_act(ctx, trigger) is not None
        one_sided = root in ONE_SIDED_ROOTS or root in INTENT_ROOTS and told_by_verb
        if root not in PARTYLESS_ROOTS and (source is None or target is None and not one_sided and not judged):
            # Diplomacy, demands, threats need both sides: one side alone ("سيزور تونس" with the
            # visitor unknown, "العقوبات" as a topic) is not a codable act.
            continue
        if root not in DOMESTIC_ROOTS and not own_people_told and _one_side(source, target):
            continue  # "الحكومة الإيرانية" meeting "إيران": one party found twice, not two
        event_date = _event_date(trigger, ctx.dates, ctx.tokens, ctx.clauses, article.published)
        future_date = bool(event_date and article.published and event_date[0] > article.published.isoformat())
        status = status_of(trigger, ctx.tokens, ctx.markers, future_date, ctx.triggers)
        if status in ("occurred", "ongoing") and (topic == "hypothetical" or topic == "effort" and root != "04"):
            status = "hypothetical"  # "جهود وقف إطلاق النار": an aim, not a result; "جهود الوساطة" is mediation
        value, precision, date_source = _date_value(event_date, status, ctx.sentence, article)
        cameo = load_cameo()[cameo_code]
        event = Event(
            sentence=ctx.index,
            trigger=Trigger(article.text[trigger.start : trigger.end], trigger.start, trigger.end),
            source=_participant(source),
            target=_participant(target),
            cameo=cameo_code,
            root=root,
            quad_class=cameo.quad_class,
            goldstein=cameo.goldstein,
            plover=cameo.plover,
            status=status,
            date=value,
            date_precision=precision,
            date_source=date_source,
            location=_location(ctx.place_named, target, root),
            attribution=_attribution(article.text[ctx.sentence.start : ctx.sentence.end]),
            confidence=_confidence(source, target, trigger),
        )
        events.append((event, source, target))
    return events


def _answered(ctx: SentenceContext, source: ActorMention, trigger: TriggerMatch) -> ActorMention | None:
    """Whom a reaction with no target in its clause answers. Where its object names an act told
    before ("دانت السعودية التفجيرين" after the bombing is reported), that act's doer, or no one
    where the doer is unknown; else the other side of the last act told in this sentence or the two
    before, its doer first ("قصفت إسرائيل غزة. ونددت مصر": at Israel)."""
    named = _act_object(trigger, ctx) if trigger.entry.cameo[:2] in JUDGING_ROOTS else None
    if named is not None:
        for _, code, doer, _ in reversed(ctx.told):
            if code[:2] == named.entry.cameo[:2] or code[:2] in VIOLENT_ROOTS and named.entry.cameo[:2] in VIOLENT_ROOTS:
                if doer is not None and doer.key and doer.key != source.key and doer.can_act:
                    return _carried(doer, ctx.sentence)
                return None
    for sentence, _, doer, done_to in reversed(ctx.told):
        if ctx.index - sentence > 2:
            break
        for party in (doer, done_to):
            if party is not None and party.key and party.key != source.key and party.can_act:
                return _carried(party, ctx.sentence)
    return None


DECISION_NOUNS = frozenset(normalize_word(w) for w in (
    "إعلان", "قرار", "عزم", "نية", "تهديد", "طلب", "موافقة", "استعداد", "رفض", "إصرار", "اعتزام", "تعهد"))


def _decider(trigger: TriggerMatch, tokens: list[Token], mentions: list[ActorMention],
             target: ActorMention | None) -> ActorMention | None:
    """"إعلان الجزائر قطع العلاقات", "قرار واشنطن فرض عقوبات": the genitive of a noun of deciding or
    announcing, right before the act's noun, does the act."""
    named = next((m for m in mentions if m.last == trigger.first - 1 and m.key and m.can_act), None)
    if named is None or named.first == 0 or target is not None and target.key == named.key:
        return None
    head = normalize_word(tokens[named.first - 1].text)
    return named if any(stem in DECISION_NOUNS for _, stem in clitic_readings(head)) else None


def _claimant(ctx: SentenceContext) -> ActorMention | None:
    """Who claimed the attack just told ("تبنى تنظيم داعش التفجيرين اللذين استهدفا …"): the doer of
    an act of violence with no agent of its own, from a claim in its sentence or the one before."""
    for sentence, code, doer, _ in reversed(ctx.told):
        if ctx.index - sentence > 1:
            break
        if code == "015" and doer is not None and doer.key:
            return _carried(doer, ctx.sentence)
    return None


def _own_people_object(trigger: TriggerMatch, source: ActorMention, tokens: list[Token],
                       mentions: list[ActorMention]) -> bool:
    """The verb's object is its subject's own people ("دعا الصدر أنصاره", "حث الرئيس مواطنيه"): within
    four words after the verb, or after its subject where the subject follows it, and before any
    other name."""
    # (inside a gapped phrase too: "دعا الصدر أنصاره إلى التهدئة" holds its object in the gap)
    start = max(trigger.first if GAP in trigger.entry.tokens else trigger.last, source.last) + 1
    next_name = next((m.first for m in mentions if m.first >= start), len(tokens))
    return any(own_people(t.text) for t in tokens[start : min(start + 4, next_name)])


def _act_object(trigger: TriggerMatch, ctx: SentenceContext) -> TriggerMatch | None:
    """The act a verb of reaction is about, named again by a definite noun just after it (its subject
    may stand between) or inside its phrase: "دانت السعودية وقطر التفجيرين", "استنكرت الوزارة
    الهجوم", "نددت الحركة بسجنه", "وصف الوزير الاغتيال بأنه عمل إرهابي"."""
    if GAP in trigger.entry.tokens:
        lexicon = load_lexicon()
        for i in range(trigger.first + 1, trigger.last):
            word = ctx.tokens[i].text
            for prefix, stem in clitic_readings(word):
                entries = lexicon.single.get(stem, ())
                if entries and not entries[0].is_verb and _named_again(word):
                    return TriggerMatch(entries[0], i, i, ctx.tokens[i].start, ctx.tokens[i].end, False, prefix)
    for other in ctx.triggers:
        if other.first <= trigger.last:
            continue
        if other.entry.is_verb or other.first - trigger.last > 6:
            return None
        # "الهجوم", "اغتيالها", and a noun in construct with a definite noun ("اقتحام المسجد الأقصى")
        following = ctx.tokens[other.last + 1].text if other.last + 1 < len(ctx.tokens) else ""
        return other if _named_again(ctx.tokens[other.first].text) or _definite(following) else None
    return None


def _named_again(word: str) -> bool:
    """A noun that refers back to a known act: with the article ("الهجوم") or a possessive pronoun
    ("بسجنه", "اغتيالها"; as written, where ة is not ه)."""
    bare = strip_diacritics(word)
    return _definite(word) or len(bare) > 4 and bare.endswith(("ه", "ها", "هم", "هما"))


def _protest_words(trigger: TriggerMatch, triggers: list[TriggerMatch], lo: int, hi: int) -> bool:
    """A word for protesters (a 14 noun of the lexicon: "المتظاهرين", "محتجون") lo..hi words after."""
    return any(t.entry.cameo[:2] == "14" and not t.entry.is_verb
               for t in opening_within(triggers, trigger.last + lo, trigger.last + hi))


def _protesters_do(trigger: TriggerMatch, triggers: list[TriggerMatch], source: ActorMention | None) -> bool:
    """Protesters are the subject of an act of violence: "اقتحم متظاهرون غاضبون مقر الحركة"."""
    return trigger.entry.is_verb and _protest_words(trigger, triggers, 1, 1) \
        or source is not None and (source.actor or "").endswith("CVL") and trigger.entry.is_verb


def _protesters_after(trigger: TriggerMatch, triggers: list[TriggerMatch]) -> bool:
    """Protesters are what an act of violence is done to: "اشتبكت قوات الأمن مع مجموعة من المحتجين"."""
    return _protest_words(trigger, triggers, 2, 10)


def _state_body(mention: ActorMention) -> bool:
    """A state's security or armed forces or government: "قوات الأمن", "الشرطة", "الجيش"."""
    actor = mention.actor or ""
    return is_state(mention.key) and actor[:3] == mention.key and actor[3:] in ("", "COP", "MIL", "SPY", "GOV")


def _state_force(mention: ActorMention) -> bool:
    """A state named as such or its armed forces ("تركيا", "القوات المسلحة التركية"), not a group."""
    actor = mention.actor or mention.key or ""
    return is_state(mention.key) and actor[:3] == mention.key and actor[3:] in ("", "MIL")


def _one_side(source: ActorMention | None, target: ActorMention | None) -> bool:
    """Both parties are the same actor, or one is the bare state the other belongs to: "IRNGOV"
    and "IRN" are one side, "SDNMIL" and "SDNREB" two."""
    if source is None or target is None or not source.key or source.key != target.key:
        return False
    actors = {source.actor or source.key, target.actor or target.key}
    return len(actors) == 1 or source.key in actors


def _participant(mention: ActorMention | None) -> Participant | None:
    if mention is None:
        return None
    return Participant(text=mention.text, actor=mention.actor, key=mention.key, name=mention.name,
                       start=mention.start, end=mention.end)


MISSION_STEMS = ("سفار", "سفير", "سفراء", "قنصل", "بعثت", "بعثه", "ممثلي", "ملحقي", "القائم")


def _mission_host(trigger: TriggerMatch, tokens: list[Token], mentions: list[ActorMention],
                  source: ActorMention | None) -> ActorMention | None:
    """"أغلقت البحرين سفارتها في بغداد", "استدعى سفيره في تل أبيب": the state that hosts a
    diplomatic mission, named after "في" right behind the mission's word, is the other party."""
    for mention in mentions:
        if mention.preposition != "في" or not mention.key or mention.first <= trigger.first \
                or mention.first - trigger.last > 6 or source is not None and mention.key == source.key:
            continue
        word = normalize_word(tokens[mention.first - 2].text) if mention.first >= 2 else ""
        if any(stem.removeprefix("ال").startswith(MISSION_STEMS) for _, stem in clitic_readings(word)) \
                or any(normalize_word(t.text).removeprefix("ال").startswith(MISSION_STEMS)
                       for t in tokens[trigger.first : trigger.last + 1]) \
                and mention.first - trigger.last <= (5 if trigger.entry.opens_on_verb else 2):
            return _state_of(mention)
    return None


def _members_of(trigger: TriggerMatch, tokens: list[Token], mentions: list[ActorMention],
                source: ActorMention | None) -> ActorMention | None:
    """"على مقاتلين من حزب العمال", "مقتل ثلاثة عناصر من الجيش": the body whose members the act
    was done to (a word for people, "من", the body) is its target."""
    for mention in mentions:
        if mention.first <= trigger.last + 1 or mention.preposition != "من" or mention.first - trigger.last > 8:
            continue
        if source is not None and mention.key == source.key:
            continue
        before = mention.first - 2 if normalize_word(tokens[mention.first - 1].text) == "من" else mention.first - 1
        if before > trigger.last and victim_word(tokens[before].text):
            return mention
    return None


def _place_as_target(mentions: list[ActorMention], source: ActorMention | None, trigger: TriggerMatch,
                     triggers: list[TriggerMatch]) -> ActorMention | None:
    """Violence or a protest with no named victim: the people of the place where it happened, the
    place named after the trigger first ("الهجوم الإرهابي في كرمان", "مدينة خاركيف الأوكرانية")."""
    # (the subject of a verb between it and the trigger is a speaker, not a place: "ودانت السعودية التفجير")
    verbs = [t for t in triggers if t.entry.is_verb and t.last < trigger.first]
    mentions = [m for m in mentions if not m.media and not (m.preposition is None and m.origin != "adjective" and any(
        t.last < m.first and m.last < trigger.first for t in verbs))]
    places = [m for m in mentions if (m.type == "LOC" or m.origin == "adjective") and m.key
              and (source is None or m.key != source.key)]
    after = [m for m in places if m.first > trigger.last]
    if after or places:
        return (after or places)[0]
    # no place named: the state of whoever else the sentence names ("حليف للرئيس الباكستاني … فجر
    # انتحاري نفسه خارج منزله")
    states = [m for m in mentions if is_state(m.key) and m.can_act
              and (source is None or m.key != source.key)]
    return states[0] if states else None


THREAT_ROOTS = {"13"}


def _threatened_place(ctx: SentenceContext, source: ActorMention, trigger: TriggerMatch) -> ActorMention | None:
    """A threat of force with no one named to receive it is aimed where the force is to strike:
    "لوّح الرئيس التركي بشن عملية عسكرية في شمال سوريا" (the violent act it governs, right after it)."""
    governed = _governed_act(ctx, trigger)
    if governed is None or governed.entry.cameo[:2] not in VIOLENT_ROOTS:
        return None
    return _place_as_target([m for m in ctx.mentions if m.first > governed.last], source, governed, ctx.triggers)


def _governed_act(ctx: SentenceContext, trigger: TriggerMatch) -> TriggerMatch | None:
    """The act a verb of threatening names right after it ("هدد بتوسيع العمليات", "لوح بشن عملية")."""
    return next((t for t in opening_within(ctx.triggers, trigger.last + 1, trigger.last + 4)
                 if t.entry.cameo[:2] != "13"), None)


def _threatened_by(ctx: SentenceContext, trigger: TriggerMatch) -> bool:
    """The verbal noun is what a verb of threatening right before it names."""
    return not trigger.entry.is_verb and any(
        t.entry.cameo[:2] in THREAT_ROOTS and (t.entry.is_verb or t.entry.opens_on_verb) and _governed_act(ctx, t) is trigger
        for t in ending_within(ctx.triggers, trigger.first - 4, trigger.first - 1))


def _locative_place(mentions: list[ActorMention]) -> ActorMention | None:
    key = locative_state(mentions)
    return next((m for m in mentions if m.key == key and m.type == "LOC"), None) if key else None


def _state_of(mention: ActorMention, role: str = "") -> ActorMention:
    """The state a domestic actor belongs to (with a role: its civilians, "CVL"), as a mention at
    the same place in the text."""
    return replace(mention, actor=f"{mention.key}{role}", origin="context")


def _event_date(trigger: TriggerMatch, sentence_dates: list[DateMention], tokens: list[Token], clauses: Clauses,
                published: date | None = None) -> tuple[str, str] | None:
    """(value, precision) of the date expression in the trigger's clause nearest to it; a date in
    another clause belongs to that clause's act ("يزور تونس بعد أن كان قد زار الجزائر، السبت")."""
    lo, hi = clauses.around(trigger.last)
    lo_offset, hi_offset = tokens[lo].start, tokens[hi].end
    in_clause = [d for d in sentence_dates if lo_offset <= d.start < hi_offset + 2]
    if not in_clause:
        return None
    nearest = min(in_clause, key=lambda d: (abs(d.start - trigger.end), d.start < trigger.start))
    if nearest.value is None:
        return None
    if past_trigger(trigger) and published is not None and nearest.value > published.isoformat() \
            and not YEAR.search(nearest.text):
        # "وقعت الإمارات وإسرائيل اتفاقية في 31 مايو" published in March: a past verb tells the last
        # 31 May, not the next one the date alone would be read as
        return _year_before(nearest.value), nearest.precision
    return nearest.value, nearest.precision


YEAR = re.compile(r"[0-9٠-٩]{4}|عام|سنة|المقبل|القادم")  # a year, or a date said to be ahead


def _year_before(value: str) -> str:
    year, rest = value[:4], value[4:]
    earlier = f"{int(year) - 1:04d}{rest}"
    return earlier.replace("-02-29", "-02-28")


def _date_value(event_date: tuple[str, str] | None, status: str, sentence: Sentence, article: Article
                ) -> tuple[str | None, str, str | None]:
    """(value, precision, source) of an event's date.

    The trigger's own clause first; a planned act with no date of its own takes the nearest future
    date stated before it ("ستتناول الزيارة …"); an act reported as done with no date at all is
    bounded by the publication day (date_source "publication").
    """
    if event_date is not None:
        return event_date[0], event_date[1], "text"
    if status == "planned":
        # with no publication date, any date named before is the best reference there is
        published = article.published.isoformat() if article.published else ""
        earlier = [d for d in article.dates if d.end <= sentence.start and d.value and d.value > published]
        if earlier:
            return earlier[-1].value, earlier[-1].precision, "context"
        return None, "unknown", None
    if not article.published:
        return None, "unknown", None
    if status in ("occurred", "ongoing"):
        return article.published.isoformat(), "day", "publication"
    return None, "unknown", None


def _location(place: ActorMention | None, target: ActorMention | None, root: str) -> Location | None:
    """Where an act happened: the place the sentence names after "في" or "بـ", else the place visited."""
    if place is not None:
        return Location(text=place.text, key=place.key, name=place.name)
    if root == "04" and target is not None and target.type == "LOC":
        return Location(text=target.text, key=target.key, name=target.name)
    return None


def _attribution(sentence_text: str) -> str | None:
    match = ATTRIBUTION.search(sentence_text)
    if match is None:
        return None
    return match.group(1).strip(" ،,")


def _confidence(source: ActorMention | None, target: ActorMention | None, trigger: TriggerMatch) -> float:
    score = 0.35
    score += 0.25 if source is not None else 0.0
    score += 0.2 if target is not None else 0.0
    score += 0.1 if trigger.entry.is_verb else 0.0
    score += 0.05 if len(trigger.entry.tokens) > 1 else 0.0
    return round(min(score, 0.95), 2)


def _headline_sentences(article: Article) -> set[int]:
    """Sentences before the body: the title lines and subtitles at the top, which restate the story."""
    heads = set()
    for index, sentence in enumerate(article.sentences[:4]):
        text = article.text[sentence.start : sentence.end].rstrip()
        if text.endswith((".", "،")) or len(text.split()) > 20:
            break
        heads.add(index)
    return heads


def _definite(word: str) -> bool:
    """"الغارات", "والهجوم", "بالهجوم": a noun with the article refers back to a known act."""
    bare = normalize_word(word).lstrip("وف")
    return bare.startswith(("ال", "بال", "لل", "كال"))


def _is_place(participant: Participant, places: set[tuple[int, int]]) -> bool:
    return (participant.start, participant.end) in places


def _same_kind(one: Event, other: Event) -> bool:
    return one.root == other.root or one.root in VIOLENT_ROOTS and other.root in VIOLENT_ROOTS


def _compatible(one: Event, other: Event, vague: set[tuple[int, int]]) -> bool:
    """Each side the same key, or unnamed, or known only by a place on one of the two."""
    def agree(a: Participant | None, b: Participant | None) -> bool:
        return a is None or b is None or a.key == b.key or _is_place(a, vague) or _is_place(b, vague)
    return agree(one.source, other.source) and agree(one.target, other.target)


def _two_verbs_of_one_sentence(first: Event, second: Event, verb_acts: set[tuple[int, int]]) -> bool:
    """Two verbs of one sentence tell two acts, however alike: "ودعت الجامعة الجيش السوري …، ودعت
    الدول العربية إلى سحب سفرائها من دمشق"."""
    return first.sentence == second.sentence and (first.sentence, first.trigger.start) in verb_acts \
        and (second.sentence, second.trigger.start) in verb_acts


def _one_per_act(events: list[Event], headlines: set[int], places: set[tuple[int, int]],
                 verb_acts: set[tuple[int, int]] = frozenset()) -> list[Event]:
    """One event per act and pair: repeated mentions of the same act in an article are one event.

    The act is the CAMEO code: a visit (042) and the talks held during it (040) are two events.

    The body's report wins over a headline's restatement; two triggers of violence in one
    sentence ("الهجوم … الذي استهدف …") are one attack; one trigger with two joined targets
    ("اجتمع مع أحمديان وخطيب") is two events.
    """
    body_acts = {(_pair(e), e.root) for e in events if e.sentence not in headlines}
    kept: list[Event] = []
    for event in events:
        pair = _pair(event)
        if event.source is None and _definite(event.trigger.text) and any(_same_kind(k, event) for k in kept):
            continue  # "الغارات", "الهجوم" with no agent: the act already reported, named again
        if event.sentence in headlines and (pair, event.root) in body_acts:
            continue
        if ((event.sentence, event.trigger.start) not in verb_acts and event.date_source != "text"
                and event.status in ("occurred", "ongoing")
                and any(_pair(k) == pair and (k.cameo == event.cameo or k.root == event.root == "04"
                                                and k.sentence < event.sentence) for k in kept)):
            # "زيارة رئيسي إلى تركيا" once the visit is told: a noun naming it again, undated; the
            # talks of a visit told before are that visit's ("المحادثات بين البلدين"), but another
            # act of one root is another act ("أمهلت الدبلوماسيين" then "قطع العلاقات")
            continue
        if any(_pair(k) == pair and k.cameo == event.cameo and k.status == event.status
               and (k.date == event.date or None in (k.date, event.date))
               and (k.sentence, k.trigger.start) != (event.sentence, event.trigger.start)
               and not _two_verbs_of_one_sentence(k, event, verb_acts) for k in kept):
            continue
        if event.status == "denied" and any(k.status == "denied" and _same_kind(k, event)
                                            and _compatible(k, event, places) for k in kept):
            continue  # a denial said again in other words ("لم ننفذ أي هجوم ضد المدنيين") is one denial
        same_attack = next((k for k in kept if event.root in VIOLENT_ROOTS and k.sentence == event.sentence
                            and k.root in VIOLENT_ROOTS and k.trigger.start != event.trigger.start
                            and (k.source is None or event.source is None or k.source.key == event.source.key)
                            and (k.target is None or event.target is None or k.target.key == event.target.key
                                 or _is_place(k.target, places) or _is_place(event.target, places))),
                           None)
        if same_attack is not None:
            # the later words may name who did it or to whom: "انفجار … أدى إلى مقتل جنود أمريكيين";
            # a victim named there beats the place the first words were pinned to
            same_attack.source = same_attack.source or event.source
            if same_attack.target is None or (
                    _is_place(same_attack.target, places) and event.target and not _is_place(event.target, places)):
                same_attack.target = event.target or same_attack.target
            continue
        kept.append(event)
    return kept


def _disaster_told(article: Article, index: int) -> bool:
    """The sentence names a disaster or an accident ("الكارثة", "التدافع", "الفيضانات")."""
    sentence = article.sentences[index]
    words = word_list("disaster_words.tsv")
    return any(stem in words for token in tokenize(article.text[sentence.start : sentence.end])
               for _, stem in clitic_readings(normalize_word(token.text)))


def _toll(trigger: TriggerMatch, tokens: list[Token]) -> bool:
    """Deaths or injuries told, not an act: a noun of death ("مقتل", "مصرع"), a passive ("قُتل 12
    شخصا"), "لقي حتفه", "استشهد"."""
    entry = trigger.entry
    word = normalize_word(tokens[trigger.first].text)
    before = [normalize_word(t.text) for t in tokens[max(trigger.first - 2, 0) : trigger.first]]
    counted_before = any(w.isdigit() or victim_word(w) or w.endswith("ا") and victim_word(w[:-1]) for w in before)
    return entry.tokens[0] in word_list("victim_nouns.tsv") or entry.kind == "passive" \
        or any(stem.startswith(("لقي", "لقوا", "استشهد")) for _, stem in clitic_readings(word)) \
        or entry.kind == "past" and looks_passive(trigger, tokens) \
        or entry.cameo[:2] in VIOLENT_ROOTS and counted_before  # "650 شخصا قتلوا", "ثلاثة مدنيين قتلوا"


def _victims_merged(events: list[Event], places: set[tuple[int, int]], tolls: set[tuple[int, int]]
                    ) -> list[Event]:
    """One act, one event: a toll that names no doer ("قُتل 650 شخصا", "مقتل الملحق", `tolls`) where
    the article tells an act of violence (with a doer, or told as an act: "انفجرت سيارة مفخخة") and
    a compatible victim is that act's toll."""
    acts = [e for e in events if e.root in VIOLENT_ROOTS and (e.source is not None
                                                             or (e.sentence, e.trigger.start) not in tolls)]
    def told_elsewhere(event: Event) -> bool:
        return any(a is not event and (a.target is None or event.target is None or a.target.key == event.target.key
                                       or _is_place(event.target, places)) for a in acts)
    def new_act_beside(event: Event) -> bool:
        # "قتل 13 شخصا في هجومين على مسجدين": an indefinite act named with the toll is another act
        return any(a is not event and a.sentence == event.sentence and not _definite(a.trigger.text)
                   and (a.sentence, a.trigger.start) not in tolls for a in acts)
    return [e for e in events if not (e.root in VIOLENT_ROOTS and e.source is None
                                      and (e.sentence, e.trigger.start) in tolls and told_elsewhere(e)
                                      and not new_act_beside(e))]
