"""The combined fillers of an event quoted as coders quote them (``fillers.quoted``):
targets without counts and possessives, weapons by their weapon noun, victims as people,
people with their organisation and by their fullest name (texts written for these tests)."""

from __future__ import annotations

import pytest

from sitrep.article import ActorMention
from sitrep.events.fillers import RoleFillers, quoted
from sitrep.events.fillers_quotes import group_names, named_actors
from sitrep.schema import RoleFiller


def _q(text: str, words: str, kind: str | None = None, *, last: bool = False) -> RoleFiller:
    start = text.rindex(words) if last else text.index(words)
    return RoleFiller(words, start, start + len(words), kind)


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("A bomb placed on his vehicle exploded in San Salvador.", "his vehicle", "vehicle"),
        ("Rebels burned two vehicles of the Red Cross near Usulutan.", "two vehicles",
         "vehicles"),
        ("GUERRILLAS DYNAMITED SEVERAL POWER PYLONS IN ANTIOQUIA.", "SEVERAL POWER PYLONS",
         "POWER PYLONS"),
        ("Militants attacked the police station in Mandera.", "police station",
         "police station"),
    ],
)
def test_targets_without_counts(text: str, target: str, expected: str) -> None:
    got = quoted(text, [], RoleFillers(targets=[_q(text, target)]), [], [])
    assert [t.text for t in got.targets] == [expected]
    assert all(text[t.start:t.end] == t.text for t in got.targets)


def test_quoted_event() -> None:
    text = ("FMLN guerrillas killed Julio Torres with rifles in Usulutan; the rebels also "
            "burned his car. Torres, 40, was a judge. Juan Perez said the attack was planned.")
    actors = [ActorMention(0, 15, "FMLN guerrillas", "FMLN", 2, "rebel")]
    fillers = RoleFillers(
        perpetrators=[_q(text, "FMLN guerrillas", "individual")],
        victims=[_q(text, "Torres", last=True), _q(text, "Juan Perez")],
        targets=[_q(text, "his car")],
        weapons=[_q(text, "rifles in Usulutan")])
    got = quoted(text, actors, fillers, group_names(actors), named_actors(actors))
    assert [(p.text, p.kind) for p in got.perpetrators] == [
        ("FMLN guerrillas", "individual"), ("FMLN", "organization")]
    # the surname by the full name; the speaker is no victim
    assert [v.text for v in got.victims] == ["Julio Torres"]
    assert [t.text for t in got.targets] == ["car"]
    assert [w.text for w in got.weapons] == ["rifles"]
    for slot in (got.perpetrators, got.victims, got.targets, got.weapons):
        assert all(text[f.start:f.end] == f.text for f in slot)
