"""Actors: the dictionary of states, organisations, people and role words, and the stage that tags them."""

from hadath.actors.dictionary import ActorDictionary, ActorMatch, ActorMention, get_dictionary
from hadath.actors.stage import tag_actors

__all__ = ["ActorDictionary", "ActorMatch", "ActorMention", "get_dictionary", "tag_actors"]
