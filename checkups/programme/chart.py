"""Simple SVG bar charts made by the package (no script, no plotting library), each with a
``<title>`` and every bar's label and value as text, so a screen reader and a printout both
carry the figures:

- :func:`bar_chart`: grouped horizontal bars, one group per case and one bar per series
  (the cost-benefit estimate);
- :func:`list_chart`: one bar a row, scaled to the largest (the portfolio and bureau views).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from html import escape

from ..text import fmt_money

__all__ = ["bar_chart", "list_chart"]

WIDTH, LABEL, BAR, GAP, VALUE = 640, 120, 18, 14, 110
COLOURS = ("#8a5300", "#2b5d8a", "#4a7a2b", "#6b3fa0")


def bar_chart(
    title: str,
    series: Sequence[str],
    groups: Sequence[tuple[str, Sequence[Decimal | None]]],
    *,
    note: str = "",
) -> str:
    """An SVG of ``groups`` (a label and one value per series; None: not worked out, drawn as
    a dash), bars scaled to the largest value; negative values are drawn from zero to the left
    of a zero line placed so that both fit."""
    values = [v for _, vs in groups for v in vs if v is not None]
    top = max([v for v in values if v > 0], default=Decimal(0))
    bottom = min([v for v in values if v < 0], default=Decimal(0))
    span = (top - bottom) or Decimal(1)
    plot = WIDTH - LABEL - VALUE
    zero = LABEL + float(-bottom / span) * plot
    legend_h = 22
    height = legend_h + sum(len(series) * BAR + GAP for _ in groups) + 24
    out = [_svg(title, WIDTH, height)]
    x = LABEL
    for i, name in enumerate(series):
        out.append(f'<rect x="{x}" y="4" width="12" height="12" fill="{COLOURS[i % len(COLOURS)]}"/>')
        out.append(f'<text x="{x + 16}" y="14">{escape(name)}</text>')
        x += 24 + 8 * len(name) + (8 * len(name) if not name.isascii() else 0)
    y = legend_h
    for label, vs in groups:
        out.append(f'<text x="{LABEL - 8}" y="{y + len(series) * BAR / 2 + 4}" text-anchor="end">{escape(label)}</text>')
        for i, v in enumerate(vs):
            if v is None:
                out.append(f'<text x="{zero + 4:.1f}" y="{y + BAR - 5}">—</text>')
            else:
                length = float(abs(v) / span) * plot
                start = zero if v >= 0 else zero - length
                out.append(
                    f'<rect x="{start:.1f}" y="{y + 1}" width="{length:.1f}" height="{BAR - 2}" '
                    f'fill="{COLOURS[i % len(COLOURS)]}"><title>{escape(series[i])}: {fmt_money(v)}</title></rect>'
                )
                end = max(zero, start + length)
                out.append(f'<text x="{end + 4:.1f}" y="{y + BAR - 5}">{fmt_money(v)}</text>')
            y += BAR
        y += GAP
    out.append(f'<line x1="{zero:.1f}" y1="{legend_h - 2}" x2="{zero:.1f}" y2="{y - GAP + 2}" stroke="#333"/>')
    if note:
        out.append(f'<text x="{LABEL}" y="{height - 6}" fill="#444">{escape(note)}</text>')
    out.append("</svg>")
    return "".join(out)


def list_chart(title: str, bars: Sequence[tuple[str, Decimal | int, str]], *, width: int = 560) -> str:
    """``bars`` as (label, value, value as shown): one bar a row, scaled to the largest value,
    under the title; an empty list gives a chart saying there is nothing to show."""
    row, label_w, top = 22, 170, 28
    height = top + row * max(len(bars), 1) + 8
    peak = max((Decimal(v) for _, v, _ in bars), default=Decimal(0))
    parts = [_svg(title, width, height), f'<text x="0" y="16" font-weight="bold">{escape(title)}</text>']
    span = width - label_w - 90
    for i, (label, value, shown) in enumerate(bars):
        y = top + i * row
        w = 0 if peak == 0 else int(span * Decimal(value) / peak)
        parts += [
            f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end">{escape(label[:28])}</text>',
            f'<rect x="{label_w}" y="{y + 3}" width="{max(w, 1)}" height="{row - 6}" fill="#3f6fb5"/>',
            f'<text x="{label_w + max(w, 1) + 4}" y="{y + 14}">{escape(shown)}</text>',
        ]
    if not bars:
        parts.append(f'<text x="0" y="{top + 14}">—</text>')
    parts.append("</svg>")
    return "".join(parts)


def _svg(title: str, width: int, height: int) -> str:
    """The opening of a chart that scales down to a narrow screen, with its title for screen readers."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" width="100%" '
        f'style="max-width:{width}px;height:auto" font-size="12" font-family="sans-serif"><title>{escape(title)}</title>'
    )
