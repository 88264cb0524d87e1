"""Places below state level: the gazetteer of cities, provinces, regions, sites and seas."""

from hadath.places.gazetteer import Place, PlaceMention, find_places, lookup_place

__all__ = ["Place", "PlaceMention", "find_places", "lookup_place"]
