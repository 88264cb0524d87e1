"""The actor stage: every state, organisation, person and role phrase in the text, as entities.

"أكد وزير الخارجية الإيراني عباس عراقجي" -> Entity PER "عباس عراقجي", actor IRNGOV, key IRN.
Role phrases with no name become ORG entities of origin "role" ("الجيش التركي" -> TURMIL;
"الشرطة" -> actor COP, key None). Cities and regions come from the place gazetteer (hadath.places) as
LOC keyed to their state. Standalone state adjectives are not entities: the event coder finds them
with `get_dictionary().find_mentions` (kind "adjective").
"""

from __future__ import annotations

from hadath.actors.dictionary import ActorMention, get_dictionary
from hadath.model import Article, Entity

# Mentions that describe something else rather than name an entity of their own.
NOT_ENTITIES = frozenset({"adjective", "title"})


def mention_entities(mention: ActorMention) -> list[Entity]:
    """The entities one mention stands for. A role phrase ending in a name ("وزير خارجية تركيا")
    gives the name its own entity ("تركيا", LOC) and the role words theirs, with the role's code."""
    if mention.kind in NOT_ENTITIES:
        return [_entity(mention.named)] if mention.named is not None else []
    if mention.kind == "role" and mention.named is not None:
        named = mention.named
        entities = [_entity(named)]
        cut = named.start - mention.start
        while cut > 0 and not mention.text[cut - 1].isspace():
            cut -= 1  # "القائد السابق لفيلق القدس": the "ل" stays with the name, not the role
        head = mention.text[:cut].rstrip()
        # "نائب رئيس هيئة الحشد الشعبي": the organisation carries the code; "وزير خارجية تركيا": the
        # role words carry TURGOV, which the state's name alone does not
        if head and named.kind != "organisation":
            entities.insert(0, Entity(head, mention.start, mention.start + len(head), "ORG", mention.match.name,
                                      mention.actor, mention.key, "role"))
        tail_start = named.end
        if tail_start < mention.end:  # "... السابق": keeps the role entity whole instead
            return [_entity(mention)]
        return entities
    return [_entity(mention)]


def _entity(mention: ActorMention) -> Entity:
    m = mention.match
    origin = "place" if m.kind == "place" else mention.origin  # a city or region, not a state
    return Entity(mention.text, mention.start, mention.end, m.type, m.name, m.actor, m.key, origin)


def tag_actors(article: Article) -> Article:
    """Add an Entity for every actor mention in `article.text` (person codes as of publication).

    State adjectives ("القصف الإيراني"), roles with no state ("الشرطة") and titles with no name
    ("الرئيس المصري") go to `article.hints`: parties the event coder can use, not names to write out."""
    for mention in get_dictionary().find_mentions(article.text, article.published):
        for entity in mention_entities(mention):
            # "الشرطة", "المتظاهرون": a role with no state is not a name; "الرئيس المصري", "السفير":
            # a title with no name is a description of a person, not a name. The event coder and
            # the NER stage still use both, so they stay as hints.
            is_title = entity.origin == "role" and entity.type != "PER" and mention.names_person and mention.named is None
            if entity.origin == "role" and (entity.key is None or is_title):
                article.hints.append(entity)
            else:
                article.entities.append(entity)
        if mention.kind == "adjective":
            article.hints.append(Entity(mention.text, mention.start, mention.end, "MISC", mention.match.name,
                                        mention.actor, mention.key, "adjective"))
    return article
