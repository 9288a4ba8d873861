"""How people are quoted as victims and perpetrators: by their fullest name in the report,
and never by a name whose neighbours make it a thing, the doer or the speaker (sentences
written for these tests, in several regions and letter cases)."""

from __future__ import annotations

import pytest

from sitrep.actors.persons import find_persons
from sitrep.article import Article
from sitrep.events.fillers import RoleFillers, victim_quotes
from sitrep.events.fillers_names import coordinated_names, full_name, full_names, named_elsewise
from sitrep.schema import RoleFiller


def _quote(text: str, words: str, kind: str | None = None, *, last: bool = False) -> RoleFiller:
    start = text.rindex(words) if last else text.index(words)
    return RoleFiller(words, start, start + len(words), kind)


@pytest.mark.parametrize(
    ("text", "short", "full"),
    [
        # the full name said first, the surname later
        ("Police said Ahmed Khan was shot dead on Monday. Khan, 45, was a teacher.",
         "Khan", "Ahmed Khan"),
        ("HE WAS CHARGED WITH THE MURDER OF JAIME PARDO LEAL. PARDO LEAL WAS KILLED IN 1987.",
         "PARDO LEAL", "JAIME PARDO LEAL"),
        ("the kidnapping of maria fernanda lopez in cali. lopez was freed on friday.",
         "lopez", "maria fernanda lopez"),
        # ...or the full name said after the short one
        ("Okafor was abducted near Enugu. Relatives of Chinedu Okafor paid a ransom.",
         "Okafor", "Chinedu Okafor"),
        # a name that ends no fuller one stays as it is
        ("Gunmen killed Musa Ibrahim in Maiduguri.", "Musa Ibrahim", "Musa Ibrahim"),
        # descriptions are no names
        ("Two teachers were shot. The teachers had refused to close the school.",
         "teachers", "teachers"),
        ("Soldiers of the 5th brigade fired on the crowd; the soldiers then withdrew.",
         "soldiers", "soldiers"),
    ],
)
def test_full_name(text: str, short: str, full: str) -> None:
    got = full_name(text, _quote(text, short, last=True))
    assert got.text == full
    assert text[got.start:got.end] == full


@pytest.mark.parametrize(
    ("text", "name", "elsewise"),
    [
        # a named place or unit
        ("A bus was attacked near Juan Pablo II Boulevard.", "Juan Pablo II", True),
        ("BOTH WERE KIDNAPPED BY THE NELSON MANDELA CELL OF THE ELN.", "NELSON MANDELA", True),
        # the doer, after "by" (and a title)
        ("The killing had been ordered by Fidel Castano, police said.", "Fidel Castano", True),
        ("The hostage was held by Commander Ali Musa for a week.", "Ali Musa", True),
        # the speaker or accuser
        ("PRESIDENT CRISTIANI CONDEMNED THE MURDER OF THE DIRECTOR.", "CRISTIANI", True),
        ("Governor Babagana Zulum said the attack on Konduga killed 12.", "Babagana Zulum",
         True),
        # victims
        ("Gunmen killed Ali Musa, a teacher, in Kano.", "Ali Musa", False),
        ("Ali Musa was shot by police on Friday.", "Ali Musa", False),
        ("the murder of archbishop oscar romero shocked the country.", "oscar romero", False),
        # described groups are not judged so
        ("Two villagers said they were beaten by soldiers.", "Two villagers", False),
    ],
)
def test_named_elsewise(text: str, name: str, elsewise: bool) -> None:
    assert named_elsewise(text, _quote(text, name)) is elsewise


def test_full_names_of_an_event() -> None:
    text = ("Gunmen killed Julio Torres and wounded Luis Meneses Benavides, a miner, on a boat. "
            "Torres was a pilot; President Gaviria said Meneses would recover.")
    fillers = RoleFillers(
        perpetrators=[_quote(text, "Gunmen", "individual")],
        victims=[_quote(text, "Torres", last=True), _quote(text, "Meneses", last=True),
                 _quote(text, "Gaviria")])
    got = full_names(text, fillers)
    # "Meneses" is said before "would": no speech verb; "Gaviria" said: the speaker
    assert [v.text for v in got.victims] == ["Julio Torres", "Luis Meneses Benavides"]
    assert [p.text for p in got.perpetrators] == ["Gunmen"]
    assert all(text[v.start:v.end] == v.text for v in got.victims)


@pytest.mark.parametrize(
    "text",
    [
        "Police said Ahmed Khan was shot dead in Peshawar on Monday. Khan, 45, was a "
        "teacher who had received threats.",
        "POLICE SAID AHMED KHAN WAS SHOT DEAD IN PESHAWAR ON MONDAY. KHAN, 45, WAS A "
        "TEACHER WHO HAD RECEIVED THREATS.",
    ],
)
def test_pipeline_quotes_victims_in_full(text: str) -> None:
    from sitrep.pipeline import Pipeline

    events = Pipeline.default().run(Article(id="t", text=text, published=None)).events
    victims = {v.text.lower() for e in events for v in e.victims}
    assert "khan" not in victims


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a two-word name beside a known one, on either side of "and" (given names the
        # lexicon cannot know: invented ones)
        ("IT WAS LEARNED THAT ZORVELA SULLIVAN AND CHRISTOPHER ANDERSON HAVE BEEN KILLED.",
         ["ZORVELA SULLIVAN"]),
        ("Two bodyguards, Quendrino Rodriguez and Alfonso de Lima, were killed.",
         ["Quendrino Rodriguez"]),
        ("Gunmen abducted Maria Lopez and Tsevadu Bekele near Gondar.", ["Tsevadu Bekele"]),
        # common words are no names
        ("JUAN PEREZ AND HIS WIFE WERE KILLED.", []),
        ("Police and Juan Perez were hurt.", []),
        # in mixed case both words must be capitalised
        ("Maria Lopez and several others were shot.", []),
        # a lone word after a title is too weak a cue
        ("THE STUDENT KIDNAPPINGS AND MURDERS BEGAN IN AUGUST.", []),
    ],
)
def test_coordinated_names(text: str, expected: list[str]) -> None:
    persons = [(p.start, p.end) for p in find_persons(text)]
    assert [text[a:b] for a, b in coordinated_names(text, persons, [])] == expected


def test_coordinated_names_skip_places() -> None:
    text = "Gunmen killed Maria Lopez and San Cristobal residents."
    persons = [(p.start, p.end) for p in find_persons(text)]
    place = text.index("San Cristobal")
    assert coordinated_names(text, persons, [(place, place + 13)]) == []


@pytest.mark.parametrize(
    ("text", "name", "elsewise"),
    [
        ("The blast hit a bakery on Rue Victor Hugo in Lyon.", "Victor Hugo", True),
        ("Protesters gathered on Avenida Jose Maria Morelos.", "Jose Maria Morelos", True),
        ("Gunmen shot Victor Hugo Ramirez outside his home.", "Victor Hugo Ramirez", False),
    ],
)
def test_named_after_a_street(text: str, name: str, elsewise: bool) -> None:
    assert named_elsewise(text, _quote(text, name)) is elsewise


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        ("and her daughter", "her daughter"),
        ("Or two guards", "two guards"),
        ("Andrea Gomez", "Andrea Gomez"),  # a name starting like a conjunction
        ("he died", None),
        ("HE WAS KILLED", None),
        ("kidnappings", None),
        ("7 civilians", "7 civilians"),
        # a title before a name is dropped; a title alone stays
        ("Archbishop Oscar Romero", "Oscar Romero"),
        ("DR. ANA DIAZ", "ANA DIAZ"),
        ("the policeman", "the policeman"),
    ],
)
def test_victim_quotes(quote: str, expected: str | None) -> None:
    text = f"Police said {quote} in the attack."
    start = text.index(quote)
    got = victim_quotes([RoleFiller(quote, start, start + len(quote))])
    assert [v.text for v in got] == ([] if expected is None else [expected])
    assert all(text[v.start:v.end] == v.text for v in got)
