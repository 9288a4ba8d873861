"""Train the role-filler tagger (:mod:`sitrep.events.fillers_model`) on the MUC-4
development texts: ``python -m sitrep.events.train_fillers --data-dir ../shared/data``.

Only ``muc4/gtt_processed/train.jsonl`` (the 1,300 DEV messages) is read; TST1+TST2
(``dev.jsonl``) stay unseen for evaluation. Every occurrence of a gold filler's words in
its message is labelled with the role (GTT gives one offset per string, but the words
name the entity wherever they stand). The tagger is an averaged perceptron over hashed
features; per-role decision biases, and whether each role comes from the rules, the
tagger or both, are chosen by two-fold cross-validation within the training messages read
by the pipeline (:mod:`sitrep.events.train_fillers_cv`). Fixed seed, deterministic.
"""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np

from ..eval.metrics import Template
from ..eval.sets.muc_text import MucMessage, read_messages
from ..nlp.lexicon import data_path, read_json
from ..nlp.sentences import split_sentences
from .fillers_features import (
    LABELS,
    N_TEMPLATES,
    ROLES,
    Token,
    sentence_features,
    tokenize,
    use_lexicons,
)
from .fillers_model import MODEL_PATH, FillerTagger, save_tagger
from .train_fillers_cv import evaluate, pipeline_docs

__all__ = ["main", "train"]

BITS = 18
SEED = 13


@dataclass(slots=True)
class _Sentence:
    tokens: list[Token]
    features: np.ndarray  # int32 [tokens, templates]
    labels: np.ndarray  # int64 [tokens]


@dataclass(slots=True)
class _Doc:
    id: str
    templates: list[Template]
    text: str
    # The message as sitrep reads it (upper case, with its dateline) for the pipeline,
    # when the original corpus is at hand; gold strings are compared, not offsets.
    original: str | None
    published: date | None
    gold: dict[str, list[list[str]]]
    sentences: list[_Sentence]


def _project(text: str, tokens: list[Token], gold: dict[str, list[list[str]]]) -> np.ndarray:
    """BIO labels of ``tokens``: every whole-word occurrence of a gold mention, longest
    mentions first (a token keeps its first label)."""
    labels = np.zeros(len(tokens), dtype=np.int64)
    starts = {t.start: i for i, t in enumerate(tokens)}
    ends = {t.end: i for i, t in enumerate(tokens)}
    mentions = sorted({(m, k) for k, r in enumerate(ROLES) for ent in gold[r] for m in ent},
                      key=lambda x: (-len(x[0]), x[0], x[1]))
    low = text.lower()
    for m, k in mentions:
        for hit in re.finditer(r"(?<!\w)" + re.escape(m.lower()) + r"(?!\w)", low):
            a, b = starts.get(hit.start()), ends.get(hit.end())
            if a is None or b is None or labels[a:b + 1].any():
                continue
            labels[a] = 1 + 2 * k
            labels[a + 1:b + 1] = 2 + 2 * k
    return labels


def _originals(data_dir: Path) -> dict[str, MucMessage]:
    base = data_dir / "muc4/original/CORPORA/dev"
    out: dict[str, MucMessage] = {}
    for path in sorted(base.glob("dev-muc3-*")) if base.is_dir() else []:
        out.update(read_messages(path))
    return out


def _load(data_dir: Path) -> list[_Doc]:
    docs = []
    originals = _originals(data_dir)
    with open(data_dir / "muc4/gtt_processed/train.jsonl", encoding="utf-8") as fh:
        for raw in fh:
            row = json.loads(raw)
            text = row["doctext"]
            gold: dict[str, list[list[str]]] = {r: [] for r in ROLES}
            for t in row["templates"]:
                for r in ROLES:
                    for ent in t.get(r, []):
                        names = [m[0] for m in ent]
                        if names not in gold[r]:
                            gold[r].append(names)
            sents = split_sentences(text)
            toks = [tokenize(text, s.start, s.end) for s in sents]
            feats = sentence_features(toks, list(range(len(toks))), BITS)
            labels = _project(text, [t for ts in toks for t in ts], gold)
            out, at = [], 0
            for ts, f in zip(toks, feats, strict=True):
                out.append(_Sentence(ts, f.astype(np.int32), labels[at:at + len(ts)]))
                at += len(ts)
            templates = [Template(t["incident_type"], {r: [[m[0] for m in ent] for ent in t[r]]
                                                       for r in ROLES})
                         for t in row["templates"]]
            msg = originals.get(row["docid"].upper())
            docs.append(_Doc(row["docid"], templates, text, msg.text if msg else None,
                             msg.published if msg else None, gold, out))
    return docs


def train(docs: list[_Doc], *, epochs: int, seed: int = SEED) -> np.ndarray:
    """Averaged multi-class perceptron weights ``[2**BITS, labels]`` (sentence-batched
    updates, sentences shuffled by a fixed seed each epoch)."""
    sents = [s for d in docs for s in d.sentences if len(s.tokens)]
    rng = np.random.default_rng(seed)
    w = np.zeros((1 << BITS, len(LABELS)), dtype=np.float64)
    u = np.zeros_like(w)
    c = 1.0
    for _ in range(epochs):
        for k in rng.permutation(len(sents)):
            s = sents[k]
            pred = w[s.features].sum(axis=1).argmax(axis=1)
            wrong = pred != s.labels
            if wrong.any():
                f = s.features[wrong]
                gold = np.broadcast_to(s.labels[wrong][:, None], f.shape)
                bad = np.broadcast_to(pred[wrong][:, None], f.shape)
                np.add.at(w, (f, gold), 1.0)
                np.add.at(w, (f, bad), -1.0)
                np.add.at(u, (f, gold), c)
                np.add.at(u, (f, bad), -c)
            c += 1
    return (w - u / c).astype(np.float32)


_GRID = (4.0, 8.0, 12.0, 16.0, 20.0, 28.0)
_LIMITS = (1, 2, 3, 99)
# The sources tried per role (``model.allowed_modes`` of data/events/fillers.json may
# narrow them: a role whose rules' fillers the output contract needs).
_MODES = ("model", "backoff", "union", "aligned_union")


def _tune(docs: list[_Doc], epochs: int) -> tuple[np.ndarray, dict[str, str], dict[str, int]]:
    """Per-role source (rules, model or a combination; among ``model.allowed_modes``),
    decision bias and most entities per event maximising each role's CEAF-REE F1 on
    held-out halves of the training messages, read by the pipeline."""
    cv = pipeline_docs([(d.id, d.original or d.text, d.published, d.gold, d.templates)
                        for d in docs], BITS)
    for fold in (0, 1):
        w = train([d for i, d in enumerate(docs) if i % 2 != fold], epochs=epochs)
        tagger = FillerTagger(w, np.zeros(len(LABELS), dtype=np.float32), BITS)
        for i, d in enumerate(cv):
            if i % 2 == fold:
                d.scores = {k: tagger.scores(f) for k, f in d.features.items()}
    bias = np.zeros(len(LABELS), dtype=np.float32)
    allowed = read_json("events", "fillers.json")["model"].get("allowed_modes", {})
    modes = dict.fromkeys(ROLES, "rules")
    limits = dict.fromkeys(ROLES, _LIMITS[-1])
    base = evaluate(cv, bias, modes, limits)
    print(f"rules: CEAF-REE {base.total().f1:.1f}, template F1 {base.template.f1:.1f}; "
          + ", ".join(f"{r} {p.f1:.1f}" for r, p in base.roles.items()), flush=True)
    for k, role in enumerate(ROLES):
        best = (round(base.roles[role].f1, 2), 0.0, "rules", _LIMITS[-1])
        for mode in allowed.get(role, _MODES):
            for b in _GRID:
                for top in _LIMITS:
                    trial = bias.copy()
                    trial[1 + 2 * k:3 + 2 * k] = b
                    got = evaluate(cv, trial, modes | {role: mode}, limits | {role: top})
                    f1 = round(got.roles[role].f1, 2)
                    print(f"  {role:8s} {mode:13s} bias {b:+5.1f} top {top:2d}: "
                          f"P {got.roles[role].precision:5.1f} R {got.roles[role].recall:5.1f} "
                          f"F1 {f1:5.1f}  (template F1 {got.template.f1:.1f})", flush=True)
                    # Ties go to the rules, then to the plainer setting.
                    if f1 > best[0]:
                        best = (f1, b, mode, top)
        bias[1 + 2 * k:3 + 2 * k] = best[1]
        modes[role], limits[role] = best[2], best[3]
    final = evaluate(cv, bias, modes, limits)
    print(f"chosen: CEAF-REE {final.total().f1:.1f}, template F1 {final.template.f1:.1f}; "
          + ", ".join(f"{r} {modes[r]} {p.f1:.1f}" for r, p in final.roles.items()), flush=True)
    return bias, modes, limits


def main(argv: list[str] | None = None) -> None:
    """Cross-validate the sources and biases, train on all training messages, write the
    model (and print the per-role sources for ``data/events/fillers.json``)."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data-dir", type=Path, default=Path("../shared/data"))
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--out", type=Path, default=data_path(*MODEL_PATH))
    args = ap.parse_args(argv)
    use_lexicons(None)  # train with the lexicons as they are now (saved with the model)
    docs = _load(args.data_dir)
    print(f"{len(docs)} messages, {sum(len(s.tokens) for d in docs for s in d.sentences)} "
          f"tokens, {N_TEMPLATES} templates", flush=True)
    bias, modes, limits = _tune(docs, args.epochs)
    tagger = FillerTagger(train(docs, epochs=args.epochs), bias, BITS)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    save_tagger(tagger, args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB); "
          + ", ".join(f"{r} {modes[r]} {bias[1 + 2 * k]:+.1f}" for k, r in enumerate(ROLES)))
    print("model.roles and model.max_entities for data/events/fillers.json: "
          + json.dumps(modes) + " " + json.dumps(limits))


if __name__ == "__main__":
    main()
