"""sitrep: read news reports of political violence, write an ACLED-style event dataset."""

__version__ = "0.1.0"
SCHEMA = "sitrep/1"
