"""How role fillers are quoted after their sources are combined: the kind of a
perpetrator by its head noun, partitives quoted with what follows "of", lone nationality
words dropped, bracketed editor's words never victims, and singular and plural mentions
of one perpetrator merged (sentences written for these tests)."""

from __future__ import annotations

import pytest

from sitrep.article import ActorMention
from sitrep.events.fillers import RoleFillers
from sitrep.events.fillers_combine import canonical, combine
from sitrep.events.fillers_quotes import (
    group_names,
    one_quote_per_group,
    perpetrator_kind,
    quote_head,
    tidy,
)
from sitrep.schema import RoleFiller


def _quote(text: str, words: str, kind: str | None = None) -> RoleFiller:
    start = text.index(words)
    return RoleFiller(words, start, start + len(words), kind)


@pytest.mark.parametrize(
    ("quote", "head"),
    [
        ("the salvadoran army", ("army", "salvadoran")),
        ("army of national liberation", ("army", "")),
        ("members of the FMLN", ("members", "")),
        ("national police members who were in civilian clothes", ("members", "police")),
        ("Mali's armed forces", ("forces", "armed")),
        ("gunmen", ("gunmen", "")),
        ("", ("", "")),
    ],
)
def test_quote_head(quote: str, head: tuple[str, str]) -> None:
    assert quote_head(quote) == head


@pytest.mark.parametrize(
    ("quote", "kind"),
    [
        # institutions named as such are organisations...
        ("the army", "organization"),
        ("the Salvadoran armed forces", "organization"),
        ("the National Police", "organization"),
        ("Nigeria's air force", "organization"),
        ("the Medellin cartel", "organization"),
        ("the 6th infantry brigade", "organization"),
        ("the armed forces high command", "organization"),
        ("army of national liberation", "organization"),
        # ...the people acting for them are individuals
        ("army troops", "individual"),
        ("Kenyan soldiers", "individual"),
        ("national police members", "individual"),
        ("members of the Shining Path", "individual"),
        ("FMLN guerrillas", "individual"),
        ("drug traffickers", "individual"),
        # neither: the source's kind stands
        ("Boko Haram", None),
        ("the Taliban", None),
        ("Juan Perez", None),
    ],
)
def test_perpetrator_kind(quote: str, kind: str | None) -> None:
    assert perpetrator_kind(RoleFiller(quote, 0, len(quote))) == kind


@pytest.mark.parametrize(
    ("text", "tagged", "expected"),
    [
        ("A group of 10 paid assassins killed the judge in Medellin.", "group",
         "group of 10 paid assassins"),
        ("Members of the 8th Front attacked the town on Monday.", "Members",
         "Members of the 8th Front"),
        ("A cell of the ELN 48 hours later claimed the bombing.", "cell", "cell of the ELN"),
        ("A commando of the Tupac Amaru Revolutionary Movement killed two guards.",
         "commando", "commando of the Tupac Amaru Revolutionary Movement"),
        ("A unit of soldiers who had deserted looted the market in Goma.", "unit",
         "unit of soldiers"),
        ("Members of al-Shabaab attacked the base.", "Members", "Members of al-Shabaab"),
        # no "of": the quote stands
        ("Members attacked the base in Kismayo.", "Members", "Members"),
        ("Gunmen of the FDLR killed three villagers.", "Gunmen", "Gunmen"),
    ],
)
def test_partitive_quoted_with_what_follows(text: str, tagged: str, expected: str) -> None:
    got = tidy(text, RoleFillers(perpetrators=[_quote(text, tagged, "individual")]))
    assert [(p.text, text[p.start:p.end]) for p in got.perpetrators] == [(expected, expected)]


def test_quotes_inside_another_perpetrator_dropped() -> None:
    text = "A group of terrorists attacked the bank in Lima; the terrorists fled."
    inner = _quote(text, "terrorists", "individual")
    later = text.rindex("terrorists")
    got = tidy(text, RoleFillers(perpetrators=[
        _quote(text, "group", "individual"), inner,
        RoleFiller("terrorists", later, later + len("terrorists"), "individual")]))
    assert [(p.text, p.start) for p in got.perpetrators] == [
        ("group of terrorists", text.index("group")), ("terrorists", later)]


@pytest.mark.parametrize(("text", "word"), [
    ("Salvadoran soldiers and guerrillas clashed; the Salvadoran was killed.", "Salvadoran"),
    ("A Colombian attacked the embassy in Quito.", "Colombian"),
])
def test_lone_nationality_is_no_perpetrator(text: str, word: str) -> None:
    got = tidy(text, RoleFillers(perpetrators=[_quote(text, word, "individual")]))
    assert got.perpetrators == []


@pytest.mark.parametrize(
    ("text", "victim", "kept"),
    [
        ("SANTIAGO, 18 MAY [REPORT] [JUAN ARAYA] [TEXT] GUNMEN KILLED PEDRO SOTO.",
         "JUAN ARAYA", False),
        ("SANTIAGO, 18 MAY [REPORT] [JUAN ARAYA] [TEXT] GUNMEN KILLED PEDRO SOTO.",
         "PEDRO SOTO", True),
        ("Militants shot the mayor [Ali Musa] in Garissa.", "Ali Musa", False),
        ("Militants shot Ali Musa in Garissa.", "Ali Musa", True),
    ],
)
def test_bracketed_words_are_no_victims(text: str, victim: str, kept: bool) -> None:
    got = tidy(text, RoleFillers(victims=[_quote(text, victim)]))
    assert bool(got.victims) is kept


@pytest.mark.parametrize(
    ("first", "later", "merged"),
    [
        ("terrorists", "terrorist", True),
        ("guerrillas", "guerrilla column", True),
        ("the bus", "buses", False),  # "bus" is no plural: different words
        ("soldiers", "rebels", False),
    ],
)
def test_singular_and_plural_one_perpetrator(first: str, later: str, merged: bool) -> None:
    seen: dict[str, list[RoleFiller]] = {}
    canonical(RoleFillers(perpetrators=[RoleFiller(first, 0, len(first), "individual")]),
              seen)
    got = canonical(RoleFillers(perpetrators=[RoleFiller(later, 100, 100 + len(later),
                                                         "individual")]), seen)
    assert (got.perpetrators[0].text == first) is merged


@pytest.mark.parametrize(
    ("text", "tagged", "expected"),
    [
        # completed on the right up to the target noun
        ("A bomb exploded inside a fast-food restaurant in Lahore.", "fast-food",
         "fast-food restaurant"),
        ("Militants set fire to seven private bank branches in Maiduguri.", "private",
         "private bank branches"),
        ("Two grenades were thrown at a UN embassy vehicle parked in Bamako.", "UN embassy",
         "UN embassy vehicle"),
        # ...and on the left over modifiers and a possessive
        ("A car bomb went off outside a federal police building in Monterrey.", "building",
         "federal police building"),
        ("Rebels burned the municipal mayor's office in Tumaco.", "mayor's office",
         "municipal mayor's office"),
        ("Gunmen attacked Ahmed's home in Kandahar.", "home", "Ahmed's home"),
        # the "of" phrase of a noun that takes one
        ("Arsonists torched the offices of the regional electoral commission in Goma.",
         "offices", "offices of the regional electoral commission"),
        ("A bomb exploded at a branch of the state water company in Arequipa.", "branch",
         "branch of the state water company"),
        # already whole: unchanged
        ("Gunmen attacked a police station in Kano, killing two officers.", "police station",
         "police station"),
        ("The bus station was hit by two rockets.", "bus station", "bus station"),
        ("Attackers stormed the embassy yesterday.", "embassy", "embassy"),
        ("Protesters burned his car on Monday.", "car", "car"),
    ],
)
def test_targets_quoted_whole(text: str, tagged: str, expected: str) -> None:
    got = tidy(text, RoleFillers(targets=[_quote(text, tagged)]))
    assert [(t.text, text[t.start:t.end]) for t in got.targets] == [(expected, expected)]


def test_one_quote_per_target_phrase() -> None:
    text = "Guerrillas dynamited the offices of the local development corporation."
    got = tidy(text, RoleFillers(targets=[_quote(text, "offices"),
                                          _quote(text, "corporation")]))
    assert [t.text for t in got.targets] == ["offices of the local development corporation"]


@pytest.mark.parametrize(
    ("text", "rule", "tagged", "joined"),
    [
        ("Ahmed Khan and Ali Raza were killed in the attack.", "Ahmed Khan", "Ali Raza", True),
        ("Rebels set fire to their office and a bus in Gulu.", "office", "bus", True),
        ("Gunmen shot Ana Lopez, and the driver in Quito.", "Ana Lopez", "driver", True),
        ("They burned the school or the clinic in Dori.", "school", "clinic", True),
        # not coordinated: an apposition, or words between
        ("Gunmen shot Ali Musa, a teacher, in Garissa.", "Ali Musa", "teacher", False),
        ("Rebels burned the office near the bus depot.", "office", "bus depot", False),
    ],
)
def test_rules_conjunct_of_a_tagged_filler_joins(text: str, rule: str, tagged: str,
                                                joined: bool) -> None:
    r, m = _quote(text, rule), _quote(text, tagged)
    modes = dict.fromkeys(("PerpInd", "PerpOrg", "Target", "Victim", "Weapon"), "model")
    model = {"PerpInd": [], "PerpOrg": [], "Target": [m], "Victim": [], "Weapon": []}
    got = combine(RoleFillers(targets=[r]), model, modes, text)
    assert [t.text for t in got.targets] == ([rule, tagged] if joined else [tagged])


def _group(text: str, words: str, name: str, inter: int = 2) -> ActorMention:
    start = text.index(words)
    return ActorMention(start, start + len(words), words, name, inter, "rebel")


@pytest.mark.parametrize(
    ("text", "mentions", "quoted", "expected"),
    [
        # an acronym and the full name of one group: quoted once, by its first mention
        ("The Army of National Liberation blew up the pipeline; the ELN denied it.",
         [("Army of National Liberation", "National Liberation Army"),
          ("ELN", "National Liberation Army")],
         ["ELN", "Army of National Liberation"], ["Army of National Liberation"]),
        ("Al-Shabaab fighters attacked the base. Harakat al-Shabaab al-Mujahideen said ...",
         [("Al-Shabaab", "Al Shabaab"), ("Harakat al-Shabaab al-Mujahideen", "Al Shabaab")],
         ["Harakat al-Shabaab al-Mujahideen"], ["Al-Shabaab"]),
        # two groups stay two
        ("The FARC and the ELN attacked the town.",
         [("FARC", "FARC"), ("ELN", "National Liberation Army")],
         ["FARC", "ELN"], ["FARC", "ELN"]),
        # a quote naming no known group stands
        ("Masked men attacked the office.", [], ["Masked men"], ["Masked men"]),
    ],
)
def test_one_quote_per_group(text: str, mentions: list[tuple[str, str]], quoted: list[str],
                             expected: list[str]) -> None:
    groups = group_names([_group(text, w, n) for w, n in mentions])
    perps = [RoleFiller(q, text.rindex(q), text.rindex(q) + len(q), "organization")
             for q in quoted]
    got = one_quote_per_group(RoleFillers(perpetrators=perps), groups)
    assert [(p.text, text[p.start:p.end]) for p in got.perpetrators] == \
        [(e, e) for e in expected]


def test_state_forces_are_no_group_to_merge() -> None:
    text = "The army and the air force bombed the village."
    groups = group_names([_group(text, "army", "Military Forces of Sudan", 1),
                          _group(text, "air force", "Military Forces of Sudan", 1)])
    assert groups == []
