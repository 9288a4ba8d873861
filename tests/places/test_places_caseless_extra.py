"""Caseless text (all capitals or all lower case): dotted state abbreviations, areas and big
towns named with ordinary words, and names the gazetteer lacks after "the town of" (the slot
delimits the name, the fuzzy fallback resolves it where the article corroborates it). Needs
the gazetteer."""

from __future__ import annotations

import pytest

from sitrep.places.gazetteer import get_gazetteer
from sitrep.places.stage import place_mentions

pytestmark = pytest.mark.slow


def _found(text: str) -> dict[str, tuple[str | None, str | None]]:
    """folded surface -> (GeoNames name, country code) of every mention."""
    return {m.text.lower(): (m.name, m.country_code)
            for m in place_mentions(text, get_gazetteer())}


# each sentence is tried in capitals and in lower case
@pytest.mark.parametrize(("text", "surface", "cc"), [
    # a transliteration the gazetteer spells otherwise, corroborated by the country named
    ("Gunmen attacked the town of Ben Guerdan, Tunisia, on Monday.", "ben guerdan", "TN"),
    # the slot keeps a part of the name from matching alone ("Afar", a region of Ethiopia)
    ("A bomb exploded in the town of Tal Afar, northern Iraq.", "tal afar", "IQ"),
    ("Troops entered the town of Jisr al-Shughour, in Idlib province.", "jisr al-shughour",
     "SY"),
    ("Insurgents seized the town of Mocimboa da Praia in Cabo Delgado province.",
     "mocimboa da praia", "MZ"),
    # a known name followed by ordinary words: the name ended before them
    ("Gunfire is heard throughout the city of San Salvador continue to this hour.",
     "san salvador", "SV"),
    ("The road to the city of Huanta is guarded by patrols.", "huanta", "PE"),
    # "a town of X department" is a town inside the area: the area stays
    ("A plane crashed in a town of Usulutan department, killing three.", "usulutan", "SV"),
])
@pytest.mark.parametrize("case", [str.upper, str.lower])
def test_caseless_slot_name_resolves(text, surface, cc, case):
    found = _found(case(text))
    assert surface in found
    assert found[surface][1] == cc


@pytest.mark.parametrize(("text", "absent"), [
    # ordinary words in the slot are no name
    ("He returned to the city of his birth after the war.", ["his birth", "birth"]),
    ("The town of about 20,000 people was cut off for weeks.", ["about"]),
    ("They called it the city of refuge, residents said.", ["refuge"]),
    # a guess no gazetteer entry confirms is dropped, and a part of it matched alone too
    # ("Tula" is a Russian city)
    ("Soldiers burned the village of Tula Toli in Rakhine state.", ["tula toli", "tula"]),
])
@pytest.mark.parametrize("case", [str.upper, str.lower])
def test_caseless_slot_words_are_not_places(text, absent, case):
    found = _found(case(text))
    for word in absent:
        assert word not in found


@pytest.mark.parametrize(("text", "surface", "cc"), [
    # two-part dotted forms anywhere, one-part forms after "Place, " or a party's "D-"
    ("The crash closed a road near South Charleston, W.Va., on Friday.", "w.va.", "US"),
    ("Finalists were Louisville, Ky., and New Haven, Conn., officials said.", "ky.", "US"),
    ("Finalists were Louisville, Ky., and New Haven, Conn., officials said.", "conn.", "US"),
    ("Rep. Nick Rahall, D-W. Va., chairs the panel.", "w. va.", "US"),
    # an area or a big town named with ordinary words
    ("Settlers moved into the West Bank and Gaza last year.", "west bank", "PS"),
    ("A swimmer fell ill after a dip in a lake in Fort Worth.", "fort worth", "US"),
    ("Police in New Haven arrested two men.", "new haven", "US"),
    # a county-like unit with its kind word
    ("Henry County stands to receive about $36,000 in aid.", "henry county", "US"),
    # an ordinary word names a small town where the text says it is a town
    ("Floods hit the town of Spring, north of Houston.", "spring", "US"),
    ("Guerrillas blew up a bridge in La Union department.", "la union", "SV"),
])
@pytest.mark.parametrize("case", [str.upper, str.lower])
def test_caseless_names_of_ordinary_look(text, surface, cc, case):
    found = _found(case(text))
    assert surface in found
    assert found[surface][1] == cc


@pytest.mark.parametrize(("text", "absent"), [
    # one-part forms are words too: a title, a sentence's end
    ("Col. Jones said the unit had left for Wash. that week.", ["col.", "wash."]),
    # a direction and a kind of area name an area in many countries: no place alone
    ("Fighting spread across the Central Region and the Southern Province.",
     ["central region", "southern province"]),
    ("Aid reached the South-West and the Marches late.", ["south-west", "the marches"]),
    # ordinary words that name no area or big town
    ("Volunteers of the Red Cross acted in good faith.", ["red cross", "good faith"]),
    # an ordinary word that is a small town's name, even after "in"
    ("The plant will open in spring, after he finished college.", ["spring", "college"]),
])
@pytest.mark.parametrize("case", [str.upper, str.lower])
def test_caseless_ordinary_words_stay_out(text, absent, case):
    found = _found(case(text))
    for word in absent:
        assert word not in found


@pytest.mark.parametrize(("text", "absent", "present"), [
    # a name the article says as a person's (given name, initial, title, "X SAID") is no
    # place anywhere in it
    ("Capt. Roy A. Nelson said the music was loud. Nelson said officers left at ten.",
     ["nelson"], []),
    ("Who would have wanted Matthew D. Flores dead? Flores was shot in a parking lot.",
     ["flores"], []),
    ("Officers said Valencia was investigating the cartel. Valencia was shot on Monday.",
     [], ["valencia"]),  # (no person cue: "said" comes before the name)
    # ... except where the text says it is a place
    ("Roy Nelson flew home on Friday to the town of Nelson.", [], ["nelson"]),
    # a country speaks for its government; a sentence's last word is no title
    ("Jordan said it would close the border crossing.", [], ["jordan"]),
    ("The deal needed the approval of the defense minister. Colombia bought six planes.",
     [], ["colombia"]),
])
@pytest.mark.parametrize("case", [str.upper, str.lower])
def test_caseless_person_names(text, absent, present, case):
    found = _found(case(text))
    for word in absent:
        assert word not in found
    for word in present:
        assert word in found


def test_caseless_spans_keep_offsets_after_a_two_character_capital():
    # "İ" lowers to two characters: the spans after it must still index the text as given
    text = ("ISTANBUL VE İZMİR: GUNMEN ATTACKED THE TOWN OF BEN GUERDAN, TUNISIA, AND "
            "LOUISVILLE, KY.")
    found = place_mentions(text, get_gazetteer())
    assert all(text[m.start:m.end] == m.text for m in found)
    assert {"BEN GUERDAN", "KY."} <= {m.text for m in found}
