"""The publisher's country (from the URL or the outlet's name) as a weak prior for places."""

from __future__ import annotations

import pytest

from sitrep.article import Article
from sitrep.places.gazetteer import get_gazetteer
from sitrep.places.publisher import publisher_country
from sitrep.places.stage import PlaceStage, place_mentions


@pytest.mark.parametrize(("url", "source", "expected"), [
    # outlets known by their domain, on generic or national domains
    ("https://www.dawn.com/news/1700000/blast-in-quetta", None, "PK"),
    ("https://tribune.com.pk/story/2400000", None, "PK"),
    ("https://www.premiumtimesng.com/news/headlines/1.html", None, "NG"),
    ("https://folha.uol.com.br/mundo/2024/01/x.shtml", None, "BR"),
    # national domains, with or without a second level
    ("http://www.eldeber.com.bo/santa-cruz/", None, "BO"),
    ("https://www.stabroeknews.gy/2024/01/02/news/", None, "GY"),
    ("http://news.bbc.co.uk/2/hi/africa/1.stm", None, "GB"),
    ("https://www.eltiempo.com.co/justicia", None, "CO"),
    ("www.lefigaro.fr/international", None, "FR"),
    # country codes sold as vanity names say nothing ... unless national below them
    ("https://www.geo.tv/latest/1", None, "PK"),  # (a known outlet)
    ("https://newsroom.tv/story", None, None),
    ("https://t.co/abc", None, None),
    ("https://example.io/post", None, None),
    # generic domains of unknown outlets, and no address at all
    ("https://www.example.com/world/1", None, None),
    ("not a url", None, None),
    ("http://[::1", None, None),
    (None, None, None),
    # the outlet's name when the address tells nothing
    (None, "The Hindu", "IN"),
    (None, "Premium Times", "NG"),
    ("https://www.example.com/x", "Kyiv Independent", "UA"),
    # international agencies report from everywhere: no home country
    (None, "Reuters", None),
    (None, "Agence France-Presse", None),
])
def test_publisher_country(url, source, expected):
    countries = frozenset(get_gazetteer().data.country_names)
    assert publisher_country(url, source, countries=countries) == expected


@pytest.mark.parametrize(("text", "home", "name", "without", "with_home"), [
    # an ambiguous town with nothing else in the text: the publisher's country decides
    ("Police in Hyderabad arrested 12 people after clashes on Friday.", "PK", "Hyderabad",
     "IN", "PK"),
    ("Two people were killed in clashes in Santa Cruz on Tuesday.", "BO", "Santa Cruz",
     "AR", "BO"),
    ("Three killed in a blast in San Fernando.", "TT", "San Fernando", "PH", "TT"),
    ("Floods hit Georgetown overnight.", "CA", "Georgetown", "GY", "CA"),
    # ... but the text's own evidence wins
    ("Police in Hyderabad, India, arrested 12 people.", "PK", "Hyderabad", "IN", "IN"),
    ("Clashes erupted in Tripoli, the Libyan capital, on Sunday.", "LB", "Tripoli", "LY", "LY"),
    ("Hundreds marched in Cordoba, Argentina, against the reform.", "ES", "Cordoba", "AR",
     "AR"),
    # ... and a well-known city is not moved by a weak prior
    ("Police fired tear gas at protesters in Tripoli.", "LB", "Tripoli", "LY", "LY"),
])
def test_home_country_is_a_weak_prior(text, home, name, without, with_home):
    gaz = get_gazetteer()

    def country(**kw: str | None) -> str | None:
        return next(m.country_code for m in place_mentions(text, gaz, **kw) if m.text == name)

    assert country() == without
    assert country(home=home) == with_home


def test_stage_reads_the_url():
    text = "Police in Hyderabad arrested 12 people after clashes on Friday."
    stage = PlaceStage()
    local = stage(Article(id="a", text=text, url="https://www.dawn.com/news/1"))
    plain = stage(Article(id="b", text=text))
    assert [m.country_code for m in local.places] == ["PK"]
    assert [m.country_code for m in plain.places] == ["IN"]
