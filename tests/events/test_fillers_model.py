"""The trained role-filler tagger: case-blind hashed features, spans from labels, entity
grouping, and how its fillers combine with the rules' ones (sentences written for these
tests)."""

from __future__ import annotations

import numpy as np
import pytest

from sitrep.events.fillers import RoleFillers
from sitrep.events.fillers_combine import canonical, combine, entity_fillers
from sitrep.events.fillers_features import LABELS, N_TEMPLATES, sentence_features, tokenize
from sitrep.events.fillers_model import TaggedSpan, group_entities, load_tagger, spans_from_labels
from sitrep.schema import RoleFiller

SENTENCES = [
    "Gunmen from the ELN shot dead two soldiers and a teacher in Arauca with rifles.",
    "Suspected Shabaab militants threw a grenade at a bus station in Mandera on Sunday.",
    "Police said the mayor's office in Puno was set ablaze by masked men.",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_features_ignore_letter_case(text: str) -> None:
    feats = [sentence_features([tokenize(t)], [0], 18)[0] for t in
             (text, text.lower(), text.upper())]
    assert feats[0].shape == (len(tokenize(text)), N_TEMPLATES)
    assert all(np.array_equal(feats[0], f) for f in feats[1:])
    assert feats[0].min() >= 0 and feats[0].max() < 1 << 18


@pytest.mark.parametrize("text", SENTENCES)
def test_tokens_index_the_text(text: str) -> None:
    tokens = tokenize(text, 5)
    assert tokens and all(text[t.start:t.end].lower() == t.low for t in tokens)
    assert tokens[0].start >= 5


def test_features_of_several_sentences_match_one_by_one() -> None:
    toks = [tokenize(s) for s in SENTENCES] + [[]]
    together = sentence_features(toks, [0, 1, 2, 3], 18)
    for i, t in enumerate(toks[:3]):
        assert np.array_equal(together[i], sentence_features([t], [i], 18)[0])
    assert together[3].shape == (0, N_TEMPLATES)


def _scores(labels: list[str]) -> np.ndarray:
    s = np.zeros((len(labels), len(LABELS)))
    for i, lab in enumerate(labels):
        s[i, LABELS.index(lab)] = 2.0
    return s


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        (["O", "B-PerpInd", "I-PerpInd", "O"], [("PerpInd", "armed men")]),
        (["B-Weapon", "B-Weapon", "O", "O"], [("Weapon", "two"), ("Weapon", "armed")]),
        (["O", "I-Target", "I-Target", "B-Victim"], [("Target", "armed men"),
                                                     ("Victim", "fired")]),
        (["O", "O", "O", "O"], []),
    ],
)
def test_spans_from_labels(labels: list[str], expected: list[tuple[str, str]]) -> None:
    text = "two armed men fired"
    spans = spans_from_labels(tokenize(text), _scores(labels))
    assert [(s.role, text[s.start:s.end]) for s in spans] == expected


@pytest.mark.parametrize(
    ("quotes", "groups"),
    [
        (["jose lopez", "lopez", "the army"], [["jose lopez", "lopez"], ["the army"]]),
        (["the embassy", "the us embassy"], [["the embassy", "the us embassy"]]),
        (["of", "a bus"], [["a bus"]]),
        (["two rifles", "grenades"], [["two rifles"], ["grenades"]]),
    ],
)
def test_group_entities(quotes: list[str], groups: list[list[str]]) -> None:
    text = " ; ".join(quotes)
    spans, at = [], 0
    for q in quotes:
        spans.append(TaggedSpan("Victim", at, at + len(q), 1.0))
        at += len(q) + 3
    got = group_entities(text, spans)
    assert [[text[s.start:s.end] for s in g] for g in got] == groups


def test_entity_fillers_keep_the_surest() -> None:
    text = "rifles ; grenades ; machetes"
    spans = [TaggedSpan("Weapon", 0, 6, 0.5), TaggedSpan("Weapon", 9, 17, 3.0),
             TaggedSpan("Weapon", 20, 28, 1.0)]
    got = entity_fillers(text, spans, {"Weapon": 2})
    assert [w.text for w in got["Weapon"]] == ["grenades", "machetes"]
    assert all(not v for r, v in got.items() if r != "Weapon")


def _f(text: str, start: int, kind: str | None = None) -> RoleFiller:
    return RoleFiller(text, start, start + len(text), kind)


RULES = RoleFillers(perpetrators=[_f("armed men", 4, "individual")],
                    victims=[_f("a teacher", 40)], targets=[_f("bus", 60)],
                    weapons=[_f("rifles", 80)])
MODEL = {"PerpInd": [_f("three armed men", 0, "individual")],
         "PerpOrg": [_f("ELN", 20, "organization")],
         "Victim": [_f("teacher", 42), _f("two soldiers", 25)],
         "Target": [], "Weapon": [_f("grenades", 90)]}


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        ("rules", {"perpetrators": ["armed men"], "victims": ["a teacher"],
                   "targets": ["bus"], "weapons": ["rifles"]}),
        ("model", {"perpetrators": ["three armed men", "ELN"],
                   "victims": ["teacher", "two soldiers"], "targets": [],
                   "weapons": ["grenades"]}),
        ("union", {"perpetrators": ["armed men", "ELN"], "victims": ["a teacher", "two soldiers"],
                   "targets": ["bus"], "weapons": ["rifles", "grenades"]}),
        ("aligned_union", {"perpetrators": ["three armed men", "ELN"],
                           "victims": ["teacher", "two soldiers"], "targets": ["bus"],
                           "weapons": ["rifles", "grenades"]}),
    ],
)
def test_combine_modes(mode: str, expected: dict[str, list[str]]) -> None:
    got = combine(RULES, MODEL, dict.fromkeys(("PerpInd", "PerpOrg", "Target", "Victim",
                                                "Weapon"), mode))
    assert {k: [r.text for r in getattr(got, k)] for k in expected} == expected


def test_canonical_quotes_an_entity_as_first_quoted() -> None:
    seen: dict[str, list[RoleFiller]] = {}
    first = canonical(RoleFillers(targets=[_f("electric power substation", 10)]), seen)
    later = canonical(RoleFillers(targets=[_f("substation", 200), _f("bridge", 220)]), seen)
    assert [t.text for t in first.targets] == ["electric power substation"]
    assert [(t.text, t.start) for t in later.targets] == [("electric power substation", 10),
                                                          ("bridge", 220)]


def test_model_artifact_is_small_and_loads() -> None:
    tagger = load_tagger()
    if tagger is None:
        pytest.skip("no trained tagger in data/models")
    assert tagger.weights.shape[1] == len(LABELS)
    spans = tagger.tag(SENTENCES[0], [(0, 0, len(SENTENCES[0]))])
    assert all(0 <= s.start < s.end <= len(SENTENCES[0]) for s in spans)


@pytest.mark.parametrize(
    ("env", "role", "mode"),
    [
        ("rules", "Target", "rules"),
        ("model", "Victim", "model"),
        ("PerpInd=union,Weapon=rules", "PerpInd", "union"),
        ("PerpInd=union,Weapon=rules", "Weapon", "rules"),
        ("Target=bogus", "Target", None),
        ("", "PerpOrg", None),
    ],
)
def test_filler_modes_from_environment(monkeypatch: pytest.MonkeyPatch, env: str, role: str,
                                       mode: str | None) -> None:
    from sitrep.events.fillers_combine import MODES, _configured_modes, filler_modes

    monkeypatch.setenv("SITREP_FILLERS", env)
    got = filler_modes()[role]
    assert got == (mode or _configured_modes()[role])
    assert got in MODES


def test_rules_alone_without_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    from sitrep.article import Article
    from sitrep.events import fillers_combine
    from sitrep.events.drafts import Draft

    monkeypatch.setattr(fillers_combine, "load_tagger", lambda: None)
    article = Article(id="t", text="Rebels burned a bus.")
    assert fillers_combine.model_fillers(article, Draft()) == {}
    assert combine(RULES, {}) is RULES


def test_model_lexicons_round_trip_through_the_model_file():
    from sitrep.events.fillers_features import (
        lexicons_from_arrays,
        lexicons_to_arrays,
        live_lexicons,
    )

    live = live_lexicons()
    assert lexicons_from_arrays(lexicons_to_arrays(live)) == live
    assert lexicons_from_arrays({}) is None


def test_the_committed_model_carries_the_lexicons_it_was_trained_with():
    import numpy as np

    from sitrep.events.fillers_model import MODEL_PATH
    from sitrep.nlp.lexicon import data_path

    with np.load(data_path(*MODEL_PATH)) as z:
        assert "lex_words" in z.files and len(z["lex_words"]) > 1000
