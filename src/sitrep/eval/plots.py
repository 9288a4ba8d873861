"""Figures for the scoreboard, written as self-contained SVG (no plotting library, no CDN).

Two kinds, where a figure reads better than a number: the cumulative error-distance
curve of a geoparser (share of toponyms resolved within x km, log scale, the 161 km mark
drawn) and a confusion matrix of event types (gold rows, predicted columns).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from html import escape

__all__ = ["confusion_svg", "error_curve_svg"]

_W, _H, _PAD = 560, 360, 48


def error_curve_svg(curves: Mapping[str, Sequence[float]], *, title: str) -> str:
    """Cumulative share of resolution errors below x km, one line per named error list."""
    xs = [0.1 * 10 ** (i / 20) for i in range(0, 101)]  # 0.1 km .. 10,000 km
    lo, hi = math.log10(xs[0]), math.log10(xs[-1])

    def px(x: float) -> float:
        return _PAD + (math.log10(x) - lo) / (hi - lo) * (_W - 2 * _PAD)

    def py(y: float) -> float:
        return _H - _PAD - y * (_H - 2 * _PAD)

    colours = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd"]
    parts = [_frame(title, "error (km, log scale)", "share of toponyms within")]
    for tick in (0.1, 1, 10, 100, 1000, 10000):
        parts.append(f'<text x="{px(tick):.1f}" y="{_H - _PAD + 16}" font-size="11" '
                     f'text-anchor="middle">{tick:g}</text>')
    for tick in (0, 0.25, 0.5, 0.75, 1):
        parts.append(f'<text x="{_PAD - 6}" y="{py(tick) + 4:.1f}" font-size="11" '
                     f'text-anchor="end">{tick:.2f}</text>')
    parts.append(f'<line x1="{px(161):.1f}" y1="{py(0)}" x2="{px(161):.1f}" y2="{py(1)}" '
                 f'stroke="#999" stroke-dasharray="4 3"/><text x="{px(161) + 3:.1f}" '
                 f'y="{py(1) + 12}" font-size="10" fill="#666">161 km</text>')
    for i, (name, errors) in enumerate(curves.items()):
        errs = sorted(errors)
        if not errs:
            continue
        pts = []
        j = 0
        for x in xs:
            while j < len(errs) and errs[j] <= x:
                j += 1
            pts.append(f"{px(x):.1f},{py(j / len(errs)):.1f}")
        colour = colours[i % len(colours)]
        parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" '
                     f'points="{" ".join(pts)}"/>')
        parts.append(f'<text x="{_W - _PAD}" y="{_PAD + 14 * (i + 1)}" font-size="12" '
                     f'text-anchor="end" fill="{colour}">{escape(name)} (n={len(errs)})</text>')
    return _svg(parts)


def confusion_svg(gold: Sequence[str | None], pred: Sequence[str | None], *,
                  title: str) -> str:
    """A confusion matrix (gold rows x predicted columns); ``None`` shows as "(none)"."""
    def name(x: str | None) -> str:
        return x or "(none)"

    pairs = Counter((name(g), name(p)) for g, p in zip(gold, pred, strict=True))
    labels = sorted({g for g, _ in pairs} | {p for _, p in pairs},
                    key=lambda s: (s == "(none)", s))
    n = len(labels)
    cell, left, top = 18, 230, 230
    width, height = left + n * cell + 140, top + n * cell + 20  # room for slanted labels
    peak = max(pairs.values(), default=1)
    parts = [f'<text x="10" y="20" font-size="14" font-weight="bold">{escape(title)}</text>',
             f'<text x="10" y="{top - 8}" font-size="11" fill="#666">gold (rows) / '
             f'predicted (columns)</text>']
    for i, lab in enumerate(labels):
        y = top + i * cell
        parts.append(f'<text x="{left - 4}" y="{y + 13}" font-size="10" '
                     f'text-anchor="end">{escape(lab)}</text>')
        x = left + i * cell
        parts.append(f'<text transform="translate({x + 12},{top - 4}) rotate(-60)" '
                     f'font-size="10">{escape(lab)}</text>')
        for j, col in enumerate(labels):
            count = pairs.get((lab, col), 0)
            if not count:
                continue
            shade = 0.15 + 0.85 * count / peak
            colour = "#2ca02c" if lab == col else "#d62728"
            parts.append(f'<rect x="{left + j * cell}" y="{y}" width="{cell - 1}" '
                         f'height="{cell - 1}" fill="{colour}" fill-opacity="{shade:.2f}">'
                         f'<title>{escape(lab)} -> {escape(col)}: {count}</title></rect>')
    return _svg(parts, width, height)


def _frame(title: str, xlabel: str, ylabel: str) -> str:
    return (f'<text x="{_PAD}" y="20" font-size="14" font-weight="bold">{escape(title)}</text>'
            f'<rect x="{_PAD}" y="{_PAD}" width="{_W - 2 * _PAD}" height="{_H - 2 * _PAD}" '
            f'fill="none" stroke="#333"/>'
            f'<text x="{_W / 2}" y="{_H - 10}" font-size="12" text-anchor="middle">'
            f'{escape(xlabel)}</text>'
            f'<text transform="translate(14,{_H / 2}) rotate(-90)" font-size="12" '
            f'text-anchor="middle">{escape(ylabel)}</text>')


def _svg(parts: Sequence[str], width: int = _W, height: int = _H) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" font-family="sans-serif">'
            f'<rect width="100%" height="100%" fill="white"/>{"".join(parts)}</svg>\n')
