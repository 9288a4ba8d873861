"""Hashed features of the trained role-filler tagger (shared by training and tagging).

A sentence becomes a matrix of feature indices, one row per token, one column per feature
template (the word, its neighbours up to three words away, affixes, lexicon flags, the
last preposition before it, whether the sentence tells an attack...). Every feature is a
64-bit hash of integer "atoms" (CRC-32 of the lower-cased strings), so the trained
artifact holds weights only, no words, and the same text in any letter case gets the same
features. Atoms of a word type are computed once and cached; the template combinations
are vectorised with numpy.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

import numpy as np

from ..nlp.lexicon import read_json

__all__ = ["LABELS", "ROLES", "SOURCES", "TYPE_ROWS", "AtomPlan", "Layout", "Token",
           "first_hash", "hash_ids", "is_cue", "layout", "lexicons_from_arrays",
           "lexicons_to_arrays", "live_lexicons", "mix", "sentence_features", "sentence_words",
           "tokenize", "type_count", "type_table", "use_lexicons", "word_features",
           "word_tokens"]

ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
# O, then B-/I- per role: label 1 + 2k begins role k, 2 + 2k continues it.
LABELS = ("O",) + tuple(f"{p}-{r}" for r in ROLES for p in ("B", "I"))

_TOKEN = re.compile(r"\w+(?:[-'.]\w+)*|[^\w\s]")

# Atom columns of a word type.
_WORD, _SUF3, _SUF2, _PRE3, _SHAPE, _LEX, _PREP = range(7)
_N_ATOMS = 7

# Feature templates: tuples of (relative position, atom column); position 0 is the token.
# "P" marks the sentence-level atoms (appended as extra columns below).
_TEMPLATES: tuple[tuple[tuple[int, int], ...], ...] = (
    (),  # bias
    ((0, _WORD),), ((-1, _WORD),), ((1, _WORD),), ((-2, _WORD),), ((2, _WORD),),
    ((-3, _WORD),), ((3, _WORD),),
    ((0, _SUF3),), ((0, _SUF2),), ((0, _PRE3),), ((0, _SHAPE),),
    ((-1, _WORD), (0, _WORD)), ((0, _WORD), (1, _WORD)),
    ((-2, _WORD), (-1, _WORD)), ((1, _WORD), (2, _WORD)),
    ((0, _LEX),), ((-1, _LEX),), ((1, _LEX),), ((-1, _LEX), (0, _LEX)),
    ((0, _LEX), (1, _LEX)),
    ((-1, _SUF3), (0, _SUF3)),
)
# Templates over the per-token context columns: last preposition before the token, the
# sentence's attack flag and position in the article.
_CONTEXT_TEMPLATES = ("prep", "prep_word", "trig", "trig_word", "trig_lex", "pos", "pos_lex",
                      "left_cue", "left_cue_dist", "right_cue", "right_cue_dist")
N_TEMPLATES = len(_TEMPLATES) + len(_CONTEXT_TEMPLATES)
_M1 = np.uint64(0x9E3779B97F4A7C15)


_SEEDS = np.array([((k + 1) * 0xBF58476D1CE4E5B9) % (1 << 64) for k in range(N_TEMPLATES)],
                  dtype=np.uint64)


class Token(NamedTuple):
    """A token of the article: ``text[start:end]``, ``low`` its lower-cased form (a
    named tuple: thousands are made per article, and tuples are made fastest)."""

    start: int
    end: int
    low: str


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    end = len(text) if end is None else end
    low = text[start:end].lower()
    if len(low) != end - start:  # a letter whose lower case is longer ("İ"): rare
        return [Token(m.start(), m.end(), m.group().lower())
                for m in _TOKEN.finditer(text, start, end)]
    make = Token._make
    return [make((start + m.start(), start + m.end(), m.group())) for m in _TOKEN.finditer(low)]


def _crc(s: str) -> int:
    return zlib.crc32(s.encode("utf-8"))


@dataclass(frozen=True, slots=True)
class _Lexicons:
    flags: dict[str, str]  # word -> sorted flag names joined by "|"
    prepositions: frozenset[str]
    trigger_words: frozenset[str]
    trigger_stems: tuple[str, ...]


def _words(value: object) -> list[str]:
    """All lower-cased words of the strings in a JSON value (keys starting "_" skipped)."""
    if isinstance(value, str):
        return [m.group().lower() for m in _TOKEN.finditer(value)]
    if isinstance(value, dict):
        return [w for k, v in value.items() if not str(k).startswith("_") for w in _words(v)]
    if isinstance(value, list):
        return [w for v in value for w in _words(v)]
    return []


# The lexicons a trained model was trained with travel in its file: an edit of the live
# lexicons must not silently change the features a model reads (retraining picks it up).
_FROZEN: _Lexicons | None = None


def _lexicons() -> _Lexicons:
    """The lexicons features read: the loaded model's own, else the live ones."""
    return _FROZEN if _FROZEN is not None else live_lexicons()


def use_lexicons(lex: _Lexicons | None) -> None:
    """Read features with ``lex`` from now on (None: the live lexicons), forgetting the
    word types built with the others."""
    global _FROZEN
    if lex != _FROZEN:
        _FROZEN = lex
        _TYPES.__init__()  # type: ignore[misc]


def lexicons_to_arrays(lex: _Lexicons) -> dict[str, np.ndarray]:
    """``lex`` as string arrays for a model file (words of sitrep's lexicons only)."""
    words = sorted(lex.flags)
    return {"lex_words": np.array(words, dtype=str),
            "lex_flags": np.array([lex.flags[w] for w in words], dtype=str),
            "lex_prepositions": np.array(sorted(lex.prepositions), dtype=str),
            "lex_trigger_words": np.array(sorted(lex.trigger_words), dtype=str),
            "lex_trigger_stems": np.array(lex.trigger_stems, dtype=str)}


def lexicons_from_arrays(z: Mapping[str, np.ndarray]) -> _Lexicons | None:
    """The lexicons stored by :func:`lexicons_to_arrays` in an opened ``.npz`` (or any
    mapping of its arrays); None for a file written without them."""
    if "lex_words" not in z:
        return None
    return _Lexicons(dict(zip(z["lex_words"].tolist(), z["lex_flags"].tolist(), strict=True)),
                     frozenset(z["lex_prepositions"].tolist()),
                     frozenset(z["lex_trigger_words"].tolist()),
                     tuple(z["lex_trigger_stems"].tolist()))


@cache
def live_lexicons() -> _Lexicons:
    """Word flags from sitrep's own lexicons as they are now: armed groups, generic and
    state actors, person names and titles, country words, weapon and target nouns."""
    sources: dict[str, object] = {}
    persons = read_json("actors", "persons.json")
    sources["given"] = persons["given_names"]
    sources["title"] = persons["titles"]
    sources["group"] = [[g["aliases"], g["acronyms"], g["name"]]
                        for g in read_json("actors", "groups.json")]
    sources["generic"] = read_json("actors", "generic.json")
    sources["force"] = read_json("actors", "forces.json")
    sources["country"] = [[c["name"], c["demonyms"], c["aliases"]]
                          for c in read_json("actors", "countries.json")]
    roles = read_json("events", "roles.json")
    for kind, short in (("weapons", "w"), ("targets", "t")):
        sources[short + "head"] = roles[kind]["heads"]
        sources[short + "mod"] = roles[kind]["modifiers"]
    flags: dict[str, set[str]] = {}
    for name, value in sources.items():
        for w in _words(value):
            if w.isalpha() and len(w) > 1:
                flags.setdefault(w, set()).add(name)
    model = read_json("events", "fillers.json")["model"]
    exact, stems = set(), []
    for group in read_json("events", "triggers.json")["groups"]:
        if group.get("sub") is None:
            continue
        for p in group["phrases"]:
            first = p.split()[0].lower()
            if first.endswith("*"):
                stems.append(first[:-1])
            elif " " not in p:
                exact.add(first)
    return _Lexicons({w: "|".join(sorted(f)) for w, f in flags.items()},
                     frozenset(model["prepositions"]), frozenset(exact), tuple(sorted(stems)))


def _shape(w: str) -> str:
    if w.isdigit():
        return "digit"
    if w.isalpha():
        return "short" if len(w) <= 2 else "alpha"
    if any(c.isdigit() for c in w):
        return "alnum"
    return "punct" if len(w) == 1 else "other"


_PAD = 3
_NO_PREP = _crc("pp:none")
_NO_CUE = _crc("cue:none")
# Distance atoms: index 0 = no cue, 1 + d = left cue d words away, 65 + d = right cue.
_DIST = np.array([0] + [_crc(f"d:{side}:{min(d, 6)}") for side in "lr" for d in range(64)],
                 dtype=np.uint64)
_TRIG = np.array([_crc("trig:False"), _crc("trig:True")], dtype=np.uint64)
_POS = np.array([_crc(f"pos:{p}") for p in range(5)], dtype=np.uint64)
_BOS, _EOS, _NONE = 0, 1, 2  # type ids of the padding and of "no preposition/cue"
# Pseudo types whose atoms are a sentence state (2 * position + attack flag: the trig atom
# in column 0, the position atom in column 1) or a cue distance (its atom in column 0):
# every atom of a template is then read from the table of types the same way.
STATE0 = 3
N_STATES = 10
_DIST0 = STATE0 + N_STATES
FIRST_WORD = _DIST0 + len(_DIST)
_MAX_TYPES = 50_000
# Rows for every type up to the cap (and a batch of new words past it), allocated at
# once: numpy's zeros are memory the OS maps on first touch, so unused rows cost
# nothing, while growing a table copies it (the scorer's ~14 MB table, doubled when
# the 4,096 rows it started with filled up, cost ~60 ms in the middle of a run).
TYPE_ROWS = FIRST_WORD + _MAX_TYPES + 4096
# Per type flags: a preposition, an attack cue, a sentence bound (NONE).
_PREP_FLAG, _CUE, _BOUND = 1, 2, 4
_CUE_OR_BOUND = _CUE | _BOUND
_PREP_OR_BOUND = _PREP_FLAG | _BOUND
_LEFT_MARKS = np.array([[_PREP_OR_BOUND], [_CUE_OR_BOUND]])
_TWO = np.array([[0], [1]])
_DIST_BASE = np.array([[1], [65]])


class _Types:
    """Word types seen so far: id -> atoms in a numpy table (rows gathered per sentence,
    so no Python integers are converted per token; an extra all-zero column stands for
    "no atom"), and whether each is a preposition or an attack cue (an array, so that a
    sentence's flags are one gather)."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.table = np.zeros((TYPE_ROWS, _N_ATOMS + 1), dtype=np.uint64)
        self.flags = np.zeros(TYPE_ROWS, dtype=np.int64)
        self.flags[_NONE] = _BOUND
        self.cue_ids: set[int] = set()
        self.table[_BOS, :_N_ATOMS] = _crc("<s>")
        self.table[_EOS, :_N_ATOMS] = _crc("</s>")
        self.table[_NONE, _PREP] = _NO_PREP
        self.table[_NONE, _WORD] = _NO_CUE
        states = np.arange(N_STATES)
        self.table[STATE0 + states, 0] = _TRIG[states % 2]
        self.table[STATE0 + states, 1] = _POS[states // 2]
        self.table[_DIST0:FIRST_WORD, 0] = _DIST
        self.size = FIRST_WORD
        self.generation = getattr(self, "generation", -1) + 1
        # The lexicon's trigger stems by their first letters (built on the first new word:
        # the lexicons in use may change with the model loaded, which starts afresh).
        self.stems: tuple[int, dict[str, tuple[str, ...]]] | None = None

    def lookup(self, words: list[str]) -> list[int]:
        """Type ids of lower-cased words (new words are added)."""
        got = list(map(self.ids.get, words))
        if None in got:
            # The new words' atoms are written in one assignment (a row at a time costs
            # numpy's per-call overhead per word), in order of first occurrence.
            self._add_all(list(dict.fromkeys(w for w, i in zip(words, got, strict=True)
                                             if i is None)))
            got = list(map(self.ids.__getitem__, words))
        return got

    def get(self, w: str) -> int:
        """Type id of one lower-cased word."""
        hit = self.ids.get(w)
        if hit is None:
            self._add_all([w])
            hit = self.ids[w]
        return hit

    def _add_all(self, words: list[str]) -> None:
        """Add new (unseen, distinct) words: their ids follow in order."""
        lex = _lexicons()
        if self.stems is None:
            self.stems = _by_prefix(lex.trigger_stems)
        key, stems = self.stems
        flags = lex.flags.get
        crc = zlib.crc32
        rows: list[int] = []
        marks = []
        at = self.size
        for w in words:
            prep = w in lex.prepositions
            # Only the stems that share the word's first letters can start it.
            trig = w in lex.trigger_words or (len(w) > 3 and w.startswith(stems.get(w[:key], ())))
            rows += (crc(("w:" + w).encode()), crc(("s3:" + w[-3:]).encode()),
                     crc(("s2:" + w[-2:]).encode()), crc(("p3:" + w[:3]).encode()),
                     crc(("sh:" + _shape(w)).encode()), crc(("lx:" + flags(w, "")).encode()),
                     crc(("pp:" + w).encode()) if prep else 0)
            marks.append(_PREP_FLAG * prep + _CUE * trig)
            if trig:
                self.cue_ids.add(at)
            self.ids[w] = at
            at += 1
        while at > len(self.table):
            self.table = np.concatenate([self.table, np.zeros_like(self.table)])
            self.flags = np.concatenate([self.flags, np.zeros_like(self.flags)])
        # (A flat list converts to an array about twice as fast as a list of rows.)
        self.table[self.size:at, :_N_ATOMS] = np.array(rows, dtype=np.uint64).reshape(-1, _N_ATOMS)
        self.flags[self.size:at] = marks
        self.size = at


def _by_prefix(stems: tuple[str, ...]) -> tuple[int, dict[str, tuple[str, ...]]]:
    """The stems grouped by their first ``k`` letters, and ``k`` (the shortest stem's
    length): a word starts with a stem only if it starts with the stem's group key."""
    key = min(map(len, stems), default=0)
    groups: dict[str, list[str]] = {}
    for stem in stems:
        groups.setdefault(stem[:key], []).append(stem)
    return key, {k: tuple(v) for k, v in groups.items()}


_TYPES = _Types()


def is_cue(w: str) -> bool:
    """Whether a lower-cased word is an attack cue ("killed", "bombing")."""
    return _TYPES.get(w) in _TYPES.cue_ids


def mix(h: np.ndarray, atom: np.ndarray) -> np.ndarray:
    """One round of the feature hash: ``h`` combined with an atom."""
    x = (h ^ atom) * _M1
    return x ^ (x >> np.uint64(29))


def sentence_words(text: str, start: int, end: int) -> list[str]:
    """The lower-cased tokens of ``text[start:end]``, as :func:`tokenize` finds them
    (without offsets: the tagger needs offsets only where it found something)."""
    low = text[start:end].lower()
    if len(low) != end - start:
        return [m.group().lower() for m in _TOKEN.finditer(text, start, end)]
    return _TOKEN.findall(low)


def word_tokens(text: str, start: int, end: int, words: list[str]) -> list[Token]:
    """The :func:`tokenize` tokens of ``text[start:end]`` given its
    :func:`sentence_words` (only whitespace lies between tokens, so each is found by a
    plain search from the end of the previous one)."""
    low = text[start:end].lower()
    if len(low) != end - start:
        return tokenize(text, start, end)
    out = []
    at = 0
    find = low.find
    make = Token._make
    for w in words:
        i = find(w, at)
        at = i + len(w)
        out.append(make((start + i, start + at, w)))
    return out


def sentence_features(sentences: list[list[Token]], positions: list[int],
                      bits: int) -> list[np.ndarray]:
    """Feature indices of each sentence's tokens (``int64``, shape ``[len(tokens),
    N_TEMPLATES]``, each below ``2**bits``); ``positions`` are the sentences' indices in
    the article (the first sentences tell the main incident)."""
    return word_features([[t.low for t in s] for s in sentences], positions, bits)


_PADS = [_NONE] + [_BOS] * _PAD
_EOS_PADS = [_EOS] * _PAD + [_NONE]
_INDEX = np.arange(8192)
_OFFSETS = np.arange(-_PAD, _PAD + 1)
# A template's atom is column ``col`` of the type in slot ``slot`` of the token: slots 0-6
# are its neighbours at offsets -3..3; then the last preposition before it, the nearest
# attack cue on its left and on its right, its sentence's state, the distances of the
# cues (pseudo types). Column _N_ATOMS (zero) stands for no atom.
SLOT_PREP, SLOT_LEFT, SLOT_RIGHT = 2 * _PAD + 1, 2 * _PAD + 2, 2 * _PAD + 3
SLOT_STATE, SLOT_LDIST, SLOT_RDIST = 2 * _PAD + 4, 2 * _PAD + 5, 2 * _PAD + 6
N_SLOTS = 2 * _PAD + 7
N_COLS = _N_ATOMS + 1
NO_ATOM = (_PAD, _N_ATOMS)


def _sources() -> list[tuple[tuple[int, int], tuple[int, int]]]:
    out = []
    for t in _TEMPLATES:
        pair = [(off + _PAD, c) for off, c in t] + [NO_ATOM] * (2 - len(t))
        out.append((pair[0], pair[1]))
    word, lex = (_PAD, _WORD), (_PAD, _LEX)
    prep, trig, pos = (SLOT_PREP, _PREP), (SLOT_STATE, 0), (SLOT_STATE, 1)
    left, right = (SLOT_LEFT, _WORD), (SLOT_RIGHT, _WORD)
    ctx = {"prep": (prep, NO_ATOM), "prep_word": (prep, word), "trig": (trig, NO_ATOM),
           "trig_word": (trig, word), "trig_lex": (trig, lex), "pos": (pos, NO_ATOM),
           "pos_lex": (pos, lex), "left_cue": (left, NO_ATOM),
           "left_cue_dist": (left, (SLOT_LDIST, 0)), "right_cue": (right, NO_ATOM),
           "right_cue_dist": (right, (SLOT_RDIST, 0))}
    return out + [ctx[name] for name in _CONTEXT_TEMPLATES]


# Per template (in feature-column order): the (slot, column) of its first and second atom.
SOURCES: tuple[tuple[tuple[int, int], tuple[int, int]], ...] = tuple(_sources())


class Layout(NamedTuple):
    """The sentences' tokens as word types in context: ``slots[token, slot]`` the type
    ids of :data:`SOURCES`' slots; ``sizes`` the sentences' token counts."""

    sizes: list[int]
    slots: np.ndarray


def layout(sentences: list[list[str]], positions: list[int]) -> Layout | None:
    """The :class:`Layout` of sentences given as lower-cased words, or None without
    tokens. All sentences are laid out in one vectorised pass over the padded
    concatenation of their type ids (numpy's per-call cost dominates a short sentence):
    ``NONE BOS BOS BOS words EOS EOS EOS NONE``, where the outer ``NONE`` (out of the
    neighbours' reach) bounds the search for the last preposition and the nearest cues."""
    types = _TYPES
    if len(types.ids) > _MAX_TYPES:  # an unbounded stream of new words: start afresh
        types.__init__()  # type: ignore[misc]
    padded: list[int] = []
    state: list[int] = []
    sizes = [len(s) for s in sentences]
    cues = types.cue_ids
    # One look-up of all the sentences' words (new words are added in one batch).
    all_ids = types.lookup([w for words in sentences for w in words])
    k = 0
    for n, position in zip(sizes, positions, strict=True):
        ids = all_ids[k:k + n]
        k += n
        padded += _PADS
        padded += ids
        padded += _EOS_PADS
        state += [STATE0 + 2 * min(position, 4) + (not cues.isdisjoint(ids))] * len(ids)
    if not state:
        return None
    p = np.array(padded)
    size = len(padded)
    at = np.flatnonzero(p >= FIRST_WORD)  # the tokens (not padding)
    slots = np.empty((len(at), N_SLOTS), dtype=np.int64)
    slots[:, :SLOT_PREP] = p[at[:, None] + _OFFSETS]
    # The last preposition before the token, the nearest attack cue on its left and on
    # its right, within the sentence ("killed ... by X", "the murder of X"): the nearest
    # marked position, which is the sentence's bound (type NONE) when there is none. Both
    # left searches run as one running maximum over [prepositions, cues + size], so the
    # cues' positions exceed every preposition's and a cue's search stops at its bound.
    flags = types.flags[p]
    index = _INDEX[:2 * size] if 2 * size <= len(_INDEX) else np.arange(2 * size)
    marks = (flags & _LEFT_MARKS).ravel()
    before = np.maximum.accumulate(np.where(marks, index, -1))[at - 1 + size * _TWO]
    before[1] -= size
    after = np.minimum.accumulate(np.where(flags & _CUE_OR_BOUND, index[:size], size)[::-1])
    right = after[size - 2 - at]
    slots[:, SLOT_PREP:SLOT_RIGHT] = p[before].T
    slots[:, SLOT_RIGHT] = p[right]
    slots[:, SLOT_STATE] = state
    # Cue distances: 1 + d on the left, 65 + d on the right, 0 without a cue (a bound).
    cues = np.stack([before[1], right])
    dist = np.minimum(np.abs(cues - at), 63) + _DIST_BASE
    dist *= (flags[cues] >> 1) & 1
    slots[:, SLOT_LDIST:] = (dist + _DIST0).T
    return Layout(sizes, slots)


class AtomPlan:
    """Gathers the atoms ``[tokens, len(sources)]`` of a :class:`Layout` for a list of
    ``(slot, column)`` sources (compiled once: a call is one gather)."""

    def __init__(self, sources: list[tuple[int, int]]) -> None:
        self.slots = np.array([s for s, _ in sources], dtype=np.int64)
        self.cols = np.array([c for _, c in sources], dtype=np.int64)

    def __call__(self, lay: Layout) -> np.ndarray:
        return _TYPES.table.ravel().take(lay.slots[:, self.slots] * N_COLS + self.cols)


def type_table() -> np.ndarray:
    """The atoms ``[types, N_COLS]`` of the word and pseudo types (the last column zero);
    row ``i`` is type id ``i``, ``type_count()`` of them are set."""
    return _TYPES.table


def type_count() -> tuple[int, int]:
    """The number of types and a generation counter (bumped when the table of types
    starts afresh, so caches per type id must too)."""
    return _TYPES.size, _TYPES.generation


def hash_ids(first: np.ndarray, second: np.ndarray, templates: np.ndarray,
             bits: int) -> np.ndarray:
    """Feature indices (below ``2**bits``) of atom pairs of the given template indices."""
    out = mix(mix(_SEEDS[templates], first), second)
    return (out >> np.uint64(64 - bits)).astype(np.int64)


def first_hash(atom: np.ndarray, templates: np.ndarray) -> np.ndarray:
    """The hash state after the first atom of the given templates."""
    return mix(_SEEDS[templates], atom)


_FIRSTS = AtomPlan([a for a, _ in SOURCES])
_SECONDS = AtomPlan([b for _, b in SOURCES])


def word_features(sentences: list[list[str]], positions: list[int],
                  bits: int) -> list[np.ndarray]:
    """:func:`sentence_features` of sentences given as lower-cased words."""
    if not sentences:
        return []
    lay = layout(sentences, positions)
    if lay is None:
        return [np.empty((0, N_TEMPLATES), dtype=np.int64) for _ in sentences]
    idx = hash_ids(_FIRSTS(lay), _SECONDS(lay), np.arange(N_TEMPLATES), bits)
    return np.split(idx, np.cumsum(lay.sizes)[:-1])
