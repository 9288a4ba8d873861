"""The publisher's country, from an article's URL or its outlet's name: a weak prior for the
resolver ("Hyderabad" in a Pakistani paper is the Sindh city, in an Indian one the Telangana
capital; "Santa Cruz" in a Bolivian one is Santa Cruz de la Sierra).

Read in order: an outlet known by its domain (data/places/publishers.json: "dawn.com",
"premiumtimesng.com"), a national domain (".pk", ".com.ng", ".co.uk"; not the country codes
sold worldwide as vanity names, ".tv", ".io", ".co"), an outlet known by its name ("Dawn",
"Premium Times"). International agencies have no home country: they give none.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from ..nlp.lexicon import read_json

__all__ = ["publisher_country"]

_DATA = read_json("places", "publishers.json")
_GENERIC = frozenset(_DATA["generic_tlds"])
_TLD_COUNTRY: dict[str, str] = dict(_DATA["tld_country"])
_SECOND = frozenset(_DATA["second_levels"])
_DOMAINS: dict[str, str] = dict(_DATA["domains"])
_NAMES: dict[str, str] = dict(_DATA["names"])


def _host(url: str) -> str:
    """The lower-case host of ``url`` ("" when there is none); a bare "dawn.com/news/1" too."""
    url = url.strip()
    if "//" not in url:
        url = "//" + url
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:  # a malformed address ("http://[::1")
        return ""
    return host.rstrip(".")


def _from_host(host: str, countries: frozenset[str] | None) -> str | None:
    labels = host.split(".")
    if len(labels) < 2:
        return None
    # an outlet's registered domain: two labels, or more under a national second level
    # ("dawn.com", "tribune.com.pk", "folha.uol.com.br")
    for n in (4, 3, 2):
        known = _DOMAINS.get(".".join(labels[-n:]))
        if known:
            return known
    tld = labels[-1]
    if not tld.isalpha() or len(tld) != 2:
        return None
    national = len(labels) >= 3 and labels[-2] in _SECOND
    if tld in _GENERIC and not national:
        return None
    cc = _TLD_COUNTRY.get(tld, tld.upper())
    return cc if countries is None or cc in countries else None


def _fold(name: str) -> str:
    name = " ".join(name.lower().split())
    return name[4:] if name.startswith("the ") else name


def publisher_country(url: str | None = None, source: str | None = None, *,
                      countries: frozenset[str] | None = None) -> str | None:
    """The ISO 3166 code of the publisher's country, or None when neither ``url`` nor
    ``source`` tells it. ``countries``: the codes the gazetteer knows (others are ignored)."""
    if url:
        cc = _from_host(_host(url), countries)
        if cc:
            return cc
    if source:
        cc = _NAMES.get(_fold(source))
        if cc and (countries is None or cc in countries):
            return cc
    return None
