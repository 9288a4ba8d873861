"""Every gold set through the same code path: the gold itself scores 100 (errors 0), an
empty prediction scores 0; loaders keep offsets that index their text."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from sitrep.eval import empty_predictor, evaluate, get_set, gold_predictor, registered, run_eval
from sitrep.eval.base import is_lower_better
from sitrep.eval.sets import AcledCSVSet

DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"


def _docs(name: str):
    gold_set = get_set(name)
    if not gold_set.available(DATA):
        pytest.skip(f"{name}: gold data not present under {DATA}")
    return gold_set, gold_set.load(DATA)


@pytest.mark.slow
@pytest.mark.parametrize("name", registered())
def test_gold_as_prediction_scores_100(name):
    gold_set, docs = _docs(name)
    scores = evaluate(gold_set, docs, gold_predictor(gold_set))
    for metric, value in scores.metrics.items():
        best = 0.0 if is_lower_better(metric) else 100.0
        assert value == pytest.approx(best), f"{name}.{metric} = {value}"


@pytest.mark.slow
@pytest.mark.parametrize("name", registered())
def test_empty_prediction_scores_0(name):
    gold_set, docs = _docs(name)
    scores = evaluate(gold_set, docs, empty_predictor)
    for metric, value in scores.metrics.items():
        if is_lower_better(metric):
            assert math.isnan(value), f"{name}.{metric} = {value} (nothing to measure)"
        else:
            assert value == 0.0, f"{name}.{metric} = {value}"


@pytest.mark.slow
@pytest.mark.parametrize("name", ["lgl", "geovirus", "tempeval3"])
def test_gold_spans_index_the_text(name):
    gold_set, docs = _docs(name)
    line = gold_set.gold_line(docs[0])
    for key in ("places", "dates"):
        for m in line[key]:
            assert docs[0].text[m["start"]:m["end"]] == m["text"]
            assert m["text"] == m["text"].strip() and m["text"]


ACLED_CSV = "\n".join([
    "event_id_cnty,event_date,event_type,sub_event_type,fatalities,latitude,longitude,notes",
    'XYZ1,2021-04-02,Battles,Armed clash,3,12.5,-1.5,"On 2 April 2021, soldiers clashed'
    ' with militants near Kaya; three militants were killed."',
    'XYZ2,2021-04-03,Protests,Peaceful protest,0,6.5,3.4,"On 3 April 2021, traders marched'
    ' peacefully in Lagos over new market fees."',
    "XYZ3,2021-04-04,Riots,Mob violence,1,,,",
]) + "\n"


def test_acled_csv_loader(tmp_path):
    path = tmp_path / "acled.csv"
    path.write_text(ACLED_CSV, encoding="utf-8")
    gold_set = AcledCSVSet(path)
    docs = gold_set.load(tmp_path)
    assert [d.id for d in docs] == ["XYZ1", "XYZ2"]  # a row without notes has no text
    assert docs[0].gold.sub_event_type == "Armed clash" and docs[0].gold.fatalities == 3
    best = evaluate(gold_set, docs, gold_predictor(gold_set)).metrics
    worst = evaluate(gold_set, docs, empty_predictor).metrics
    for metric in gold_set.headline:
        assert best[metric] == 100.0 and worst[metric] == 0.0


def test_run_eval_accepts_csv_path_and_writes_report(tmp_path):
    path = tmp_path / "acled.csv"
    path.write_text(ACLED_CSV, encoding="utf-8")
    report = tmp_path / "out.md"
    scores = run_eval(str(path), data_dir=tmp_path, report=report, predictor=empty_predictor)
    assert scores.n_docs == 2
    assert "| acled:acled.csv | sub_event_type_weighted_f1 | 0.0 |" in report.read_text()


def test_unknown_set_is_a_key_error():
    with pytest.raises(KeyError):
        get_set("no-such-set")


@pytest.mark.parametrize(("location", "expected"), [
    ("GUATEMALA: SANTO TOMAS (FARM)", ["GUATEMALA", "SANTO TOMAS"]),
    ("(COLOMBIA: BOGOTA (CITY)) ", ["COLOMBIA", "BOGOTA"]),
    (" (COLOMBIA: PEREIRA (CITY) - BELEN DE UMBRIA (TOWN)) ",
     ["COLOMBIA", "PEREIRA", "BELEN DE UMBRIA"]),
    ("(COLOMBIA) ", ["COLOMBIA"]),
    ("PERU: ANCASH (DEPARTMENT): CHAVIN (TOWN) - HUARI (TOWN)",
     ["PERU", "ANCASH", "CHAVIN", "HUARI"]),
    ("EL SALVADOR", ["EL SALVADOR"]),
    ("EL SALVADOR: SAN SALVADOR (CITY / DEPARTMENT)", ["EL SALVADOR", "SAN SALVADOR"]),
    ("-", []),
])
def test_muc_key_location_parts(location, expected):
    from sitrep.eval.sets.muc_text import _location_parts

    assert _location_parts(location) == expected


@pytest.mark.parametrize(("ours", "key", "same"), [
    ("Bogotá", "BOGOTA", True),
    ("Medellín", "medellin", True),
    ("San Salvador", "SAN SALVADOR", True),
    ("Santa Ana", "SAN SALVADOR", False),
])
def test_muc_keys_names_fold_accents(ours, key, same):
    from sitrep.eval.sets.muc4 import _norm

    assert (_norm(ours) == _norm(key)) is same


@pytest.mark.parametrize(("numbers", "effects", "deaths"), [
    (['1: "PEASANT"'], ['DEATH: "PEASANT"'], 1),
    # one entity under three names is counted once
    (['6: "JESUIT PRIESTS" / "JESUITS" / "PRIESTS"'],
     ['DEATH: "JESUIT PRIESTS" / "JESUITS" / "PRIESTS"'], 6),
    (['1: "RECTOR"', '6 / 4: "JESUIT PRIESTS" / "PRIESTS"', '2: "WOMEN"'],
     ['DEATH: "JESUIT PRIESTS" / "PRIESTS"', 'DEATH: "RECTOR"', 'DEATH: "WOMEN"'], 9),
    (['1: "MAYOR"', '1: "DRIVER"'], ['NO INJURY: "MAYOR"', 'DEATH: "DRIVER"'], 1),
    (['1: "SOLDIER"'], ['INJURY: "SOLDIER"'], 0),
    (['PLURAL: "GUERRILLAS"'], ['DEATH: "GUERRILLAS"'], None),
])
def test_muc_key_deaths_count_each_entity_once(numbers, effects, deaths):
    from sitrep.eval.sets.muc_text import _deaths

    assert _deaths({21: numbers, 23: effects}) == deaths
