"""Scoreboard figures are well-formed SVG that show what they claim."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from sitrep.eval.plots import confusion_svg, error_curve_svg

SVG = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize(
    ("errors", "share_at_end"),
    [([0.5, 5.0, 50.0, 500.0], 1.0), ([20000.0, 1.0], 0.5), ([], None)],
)
def test_error_curve(errors, share_at_end):
    root = ET.fromstring(error_curve_svg({"set": errors}, title="t"))
    lines = root.findall(f"{SVG}polyline")
    if share_at_end is None:
        assert lines == []
        return
    last_x, last_y = map(float, lines[0].get("points").split()[-1].split(","))
    top, bottom = 48, 360 - 48  # y of share 1.0 and 0.0
    assert last_y == pytest.approx(bottom - share_at_end * (bottom - top))


def test_confusion_cells_count_pairs():
    gold = ["Attack", "Attack", "Armed clash", None]
    pred = ["Attack", "Armed clash", "Armed clash", "Attack"]
    root = ET.fromstring(confusion_svg(gold, pred, title="types"))
    cells = {r.find(f"{SVG}title").text for r in root.findall(f"{SVG}rect")
             if r.find(f"{SVG}title") is not None}
    assert cells == {"Attack -> Attack: 1", "Attack -> Armed clash: 1",
                     "Armed clash -> Armed clash: 1", "(none) -> Attack: 1"}
