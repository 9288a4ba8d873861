"""Fast label scores of the role-filler tagger, equal (to float rounding) to summing the
weights of every hashed feature of :mod:`sitrep.events.fillers_features`.

Most feature templates read one atom of one type at a fixed place (the token, a
neighbour, the last preposition, the nearest attack cue, the sentence's state): their
weights are summed once per type and place, and cached, so a token costs one gather of
those sums. The templates pairing two atoms ("by" + the word, cue + distance) are hashed
per token, from a cached hash state of their first atom. Both kinds of rows live in one
table, so a sentence's scores are one gather and one sum.
"""

from __future__ import annotations

import numpy as np

from .fillers_features import (
    N_COLS,
    N_STATES,
    NO_ATOM,
    SLOT_STATE,
    SOURCES,
    STATE0,
    TYPE_ROWS,
    Layout,
    first_hash,
    hash_ids,
    mix,
    type_count,
    type_table,
)

__all__ = ["FastScorer"]


class FastScorer:
    """Label scores ``[tokens, labels]`` of a :class:`Layout` from weights
    ``[2**bits, labels]`` and the per-label decision bias."""

    def __init__(self, weights: np.ndarray, bias: np.ndarray, bits: int) -> None:
        self.bits = bits
        self.weights = weights
        self.bias = bias
        single: dict[int, list[tuple[int, int]]] = {}
        pairs: list[int] = []
        for k, (a, b) in enumerate(SOURCES):
            if b == NO_ATOM:
                single.setdefault(a[0], []).append((k, a[1]))
            else:
                pairs.append(k)
        # The slots with one-atom templates, and those templates (index, atom column).
        self.single = sorted(single.items())
        self.type_slots = np.array([s for s, _ in self.single])
        self.width = len(self.single)
        # All one-atom templates in slot order, and where each slot's run of them starts:
        # their hashes are one vectorised pass per batch of new types (see :meth:`_fill`).
        self.single_ks = np.array([k for _, ts in self.single for k, _ in ts])
        self.single_cols = np.array([c for _, ts in self.single for _, c in ts])
        ends = np.cumsum([len(ts) for _, ts in self.single]).tolist()
        runs = list(zip([0] + ends[:-1], ends, strict=True))
        # The slots with one such template take its weights as they are, all in one
        # assignment; the others sum their run of templates.
        self.lone_slots = np.array([j for j, (a, b) in enumerate(runs) if b == a + 1])
        self.lone_templates = np.array([a for a, b in runs if b == a + 1])
        self.summed_runs = [(j, a, b) for j, (a, b) in enumerate(runs) if b > a + 1]
        # The pair templates: where their first and second atoms are.
        self.pairs = np.array(pairs)
        self.first_slots = np.array([SOURCES[k][0][0] for k in pairs])
        self.first_cols = np.array([SOURCES[k][0][1] for k in pairs])
        self.second_slots = np.array([SOURCES[k][1][0] for k in pairs])
        self.second_cols = np.array([SOURCES[k][1][1] for k in pairs])
        self.pair_of = np.arange(len(pairs))
        # Rows: the weights, then per type its one-atom templates' summed weights per slot.
        self.base = len(weights)
        self.table = np.zeros((self.base + TYPE_ROWS * self.width, weights.shape[1]),
                              dtype=np.float32)  # (rows of types touched only when filled)
        self.table[:self.base] = weights
        self.type_rows = self.base + np.arange(self.width)
        self.state_row = [s for s, _ in self.single].index(SLOT_STATE)
        self.first = np.zeros((TYPE_ROWS, len(pairs)), dtype=np.uint64)  # hash after atom 1
        self.filled, self.generation = 0, -1
        # Per row of :meth:`scores`: the slot read, and how its type id becomes an index
        # (first-atom hashes, then second atoms, then one-atom sums; the second atoms'
        # columns are then overwritten by the pair features' ids).
        n = len(pairs)
        self.cols = np.concatenate([self.first_slots, self.second_slots, self.type_slots])
        self.scale = np.concatenate([np.full(n, n), np.full(n, N_COLS),
                                     np.full(self.width, self.width)])
        self.shift = np.concatenate([np.arange(n), self.second_cols, self.type_rows])

    def _fill(self) -> None:
        """Cache the one-atom sums and first-atom hashes of the types new since last time."""
        size, generation = type_count()
        if generation != self.generation:
            self.filled, self.generation = 0, generation
        lo = self.filled
        if size <= lo:
            return
        need = self.base + size * self.width
        if need > len(self.table):
            grow = max(need, 2 * len(self.table)) - len(self.table)
            self.table = np.concatenate([self.table, np.zeros((grow, self.table.shape[1]),
                                                              dtype=np.float32)])
        if size > len(self.first):
            self.first = np.concatenate([self.first, np.zeros((max(size, 2 * len(self.first))
                                                               - len(self.first),
                                                               len(self.pairs)),
                                                              dtype=np.uint64)])
        atoms = type_table()[lo:size]
        zeros = np.zeros((size - lo, 1), dtype=np.uint64)
        rows = self.table[self.base + lo * self.width:self.base + size * self.width]
        rows = rows.reshape(size - lo, self.width, -1)
        ids = hash_ids(atoms[:, self.single_cols], zeros, self.single_ks, self.bits)
        gathered = self.weights.take(ids.T, axis=0)  # [template, type, label]
        rows[:, self.lone_slots] = gathered[self.lone_templates].swapaxes(0, 1)
        # Each other slot's run of templates summed as its own array (summing them in
        # another layout may round differently).
        for j, a, b in self.summed_runs:
            rows[:, j] = gathered[a:b].sum(axis=0)
        self.first[lo:size] = first_hash(atoms[:, self.first_cols], self.pairs)
        # The decision bias rides on the sentence state's row (every token reads one).
        if lo < STATE0 + N_STATES:
            states = np.arange(max(lo, STATE0), min(size, STATE0 + N_STATES))
            self.table[self.base + states * self.width + self.state_row] += self.bias
        self.filled = size

    def scores(self, lay: Layout) -> np.ndarray:
        """Label scores of the layout's tokens."""
        self._fill()
        # One gather of the slots every row reads, then each turned into a flat index:
        # the first-atom hash state, the second atom, the type's one-atom sums.
        idx = lay.slots[:, self.cols] * self.scale + self.shift
        n_pairs = len(self.pairs)
        first = self.first.ravel().take(idx[:, :n_pairs])
        second = type_table().ravel().take(idx[:, n_pairs:2 * n_pairs])
        pair_ids = mix(first, second) >> np.uint64(64 - self.bits)
        idx[:, n_pairs:2 * n_pairs] = pair_ids.view(np.int64)
        # Gathered as [feature, token, label]: summing over the first axis adds whole
        # contiguous blocks (numpy sums a middle axis of small rows slowly).
        return self.table.take(idx[:, n_pairs:].T, axis=0).sum(axis=0)
