"""Places: gazetteer (GeoNames, CC BY 4.0), toponym recognition and resolution."""

from .gazetteer import Candidate, Gazetteer, country_name, get_gazetteer, lookup

__all__ = ["Candidate", "Gazetteer", "country_name", "get_gazetteer", "lookup"]
