"""Perpetrators and the organisation they act for: people described by a named group or
institution ("FMLN guerrillas", "members of the Shining Path", "army troops") are also
that organisation, an organisation right before a people noun is also those people, and
an actor word used as an adjective ("terrorist threats") never quotes the people
(sentences written for these tests, several regions and letter cases)."""

from __future__ import annotations

import pytest

from sitrep.article import ActorMention, Article
from sitrep.events.fillers import RoleFillers, no_adjectives
from sitrep.events.fillers_quotes import named_actors, one_quote_per_group, their_organisations
from sitrep.schema import RoleFiller


def _quote(text: str, words: str, kind: str | None = None, *, last: bool = False) -> RoleFiller:
    start = text.rindex(words) if last else text.index(words)
    return RoleFiller(words, start, start + len(words), kind)


def _mention(text: str, words: str, name: str, inter: int, category: str,
             *, last: bool = False) -> ActorMention:
    start = text.rindex(words) if last else text.index(words)
    return ActorMention(start, start + len(words), words, name, inter, category)


@pytest.mark.parametrize(
    ("text", "quote", "kind", "mention", "name", "inter", "category", "expected"),
    [
        # people of a named group: the people and the group
        ("FMLN guerrillas attacked the barracks in Usulutan.", "FMLN guerrillas",
         "individual", "FMLN guerrillas", "FMLN", 2, "rebel",
         [("FMLN guerrillas", "individual"), ("FMLN", "organization")]),
        ("Members of the Shining Path dynamited a bridge.", "Members of the Shining Path",
         "individual", "Shining Path", "Shining Path", 2, "rebel",
         [("Members of the Shining Path", "individual"), ("Shining Path", "organization")]),
        ("BOKO HARAM FIGHTERS RAIDED KONDUGA.", "BOKO HARAM FIGHTERS", "individual",
         "BOKO HARAM FIGHTERS", "Boko Haram", 2, "rebel",
         [("BOKO HARAM FIGHTERS", "individual"), ("BOKO HARAM", "organization")]),
        # people of a state force
        ("Army troops burned the village of Chajul.", "Army troops", "individual",
         "Army troops", "Military Forces", 1, "military",
         [("Army troops", "individual"), ("Army", "organization")]),
        # an organisation before a people noun: also those people
        ("Armed forces elements murdered six priests.", "Armed forces", "organization",
         "Armed forces", "Military Forces", 1, "military",
         [("Armed forces", "organization"), ("Armed forces elements", "individual")]),
        # the group's name given as people, or a piece of it: the organisation
        ("The Shining Path dynamited a bridge.", "The Shining Path", "individual",
         "Shining Path", "Shining Path", 2, "rebel", [("Shining Path", "organization")]),
        ("The armed forces shelled the town.", "forces", "individual", "armed forces",
         "Military Forces", 1, "military", [("armed forces", "organization")]),
        # the group quoted after a partitive: also its people ("killers of" names victims)
        ("A unit of the ELN blew up the pipeline.", "ELN", "organization", "ELN", "ELN", 2,
         "rebel", [("ELN", "organization"), ("unit of the ELN", "individual")]),
        ("The killers of the FMLN commander fled.", "FMLN", "organization", "FMLN", "FMLN",
         2, "rebel", [("FMLN", "organization")]),
        # people "of" a named organisation: the organisation too (the people as named)
        ("Soldiers of the Malian army shot 14 civilians.", "Soldiers", "individual",
         "Malian army", "Military Forces of Mali", 1, "military",
         [("Soldiers", "individual"), ("Malian army", "organization")]),
        # a piece of a description cut inside a compound: the whole description
        ("An attack by Islamic State group fighters.", "group fighters", "individual",
         "Islamic State group fighters", "Islamic State", 2, "rebel",
         [("Islamic State group fighters", "individual"), ("Islamic State", "organization")]),
        # ...but a people noun alone names the people
        ("FMLN rebels attacked the post.", "rebels", "individual", "FMLN rebels", "FMLN", 2,
         "rebel", [("rebels", "individual"), ("FMLN", "organization")]),
        # no named organisation: the people alone
        ("Unidentified gunmen shot a trader in Kano.", "Unidentified gunmen", "individual",
         "Unidentified gunmen", "Unidentified Armed Group", 3, "unidentified",
         [("Unidentified gunmen", "individual")]),
        # civilians and protesters act for no organisation
        ("Angry villagers burned the police post.", "Angry villagers", "individual",
         "villagers", "Civilians", 7, "civilians", [("Angry villagers", "individual")]),
    ],
)
def test_their_organisations(text: str, quote: str, kind: str, mention: str, name: str,
                             inter: int, category: str,
                             expected: list[tuple[str, str]]) -> None:
    named = named_actors([_mention(text, mention, name, inter, category)])
    got = their_organisations(text, RoleFillers(perpetrators=[_quote(text, quote, kind)]),
                              named)
    assert [(p.text, p.kind) for p in got.perpetrators] == expected
    assert all(text[p.start:p.end] == p.text for p in got.perpetrators)


def test_group_quoted_by_its_words() -> None:
    text = "FMLN guerrillas attacked Usulutan. Later the FMLN claimed the attack."
    groups = [(0, 15, "FMLN", "FMLN guerrillas"), (44, 48, "FMLN", "FMLN")]
    fillers = RoleFillers(perpetrators=[_quote(text, "FMLN", "organization", last=True)])
    got = one_quote_per_group(fillers, groups, text)
    assert [(p.text, p.start) for p in got.perpetrators] == [("FMLN", 0)]


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        # an adjective use is requoted by a mention naming the people
        ("Voters feared terrorist threats. In Huaraz the terrorists burned an office.",
         "terrorist", ["terrorists"]),
        ("GUERRILLA ACTIONS CONTINUED. THE GUERRILLAS BLEW UP A PYLON.", "GUERRILLA",
         ["GUERRILLAS"]),
        # ...or dropped when none does
        ("Police blamed a terrorist attack on the market.", "terrorist", []),
        # people named as such stay
        ("The terrorists fled toward the hills.", "terrorists", ["terrorists"]),
    ],
)
def test_no_adjectives(text: str, quote: str, expected: list[str]) -> None:
    low = text.lower()
    actors = []
    for word in ("terrorists", "terrorist", "guerrillas", "guerrilla"):
        at = low.find(word)
        while at >= 0:
            end = at + len(word)
            if not (end < len(low) and low[end].isalpha()) and \
                    not any(a.start <= at < a.end for a in actors):
                actors.append(ActorMention(at, end, text[at:end], "Unidentified Armed Group",
                                           3, "unidentified"))
            at = low.find(word, at + 1)
    actors.sort(key=lambda a: a.start)
    got = no_adjectives(text, actors, [_quote(text, quote, "individual")])
    assert [p.text for p in got] == expected


@pytest.mark.parametrize(
    ("text", "people", "organisation"),
    [
        ("Members of the Shining Path dynamited a bridge near Ayacucho on Sunday.",
         "members of the shining path", "shining path"),
        ("FMLN guerrillas attacked the army barracks in Usulutan on Monday, killing "
         "three soldiers.", "fmln guerrillas", "fmln"),
        ("BOKO HARAM FIGHTERS RAIDED KONDUGA ON FRIDAY, KILLING 12 VILLAGERS.",
         "boko haram fighters", "boko haram"),
    ],
)
def test_pipeline_names_the_organisation(text: str, people: str | None,
                                         organisation: str) -> None:
    from sitrep.pipeline import Pipeline

    events = Pipeline.default().run(Article(id="t", text=text, published=None)).events
    perps = {(p.text.lower(), p.kind) for e in events for p in e.perpetrators}
    assert (organisation, "organization") in perps
    if people is not None:
        assert (people, "individual") in perps
