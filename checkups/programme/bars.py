"""A horizontal bar chart as standalone SVG text, made by the package (no plotting library)."""

from __future__ import annotations

import html
from collections.abc import Sequence
from decimal import Decimal

__all__ = ["bar_chart"]


def bar_chart(title: str, bars: Sequence[tuple[str, Decimal | int, str]], *, width: int = 560) -> str:
    """``bars`` as (label, value, value as shown): one bar a row, scaled to the largest value.

    The SVG has a ``<title>`` and each bar's label and value as text, so a screen reader and a
    printout both carry the figures; an empty list gives a chart saying there is nothing to show."""
    row, label_w, top = 22, 170, 28
    height = top + row * max(len(bars), 1) + 8
    peak = max((Decimal(v) for _, v, _ in bars), default=Decimal(0))
    e = html.escape
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="100%" style="max-width:{width}px;height:auto" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">',
        f"<title>{e(title)}</title>",
        f'<text x="0" y="16" font-weight="bold">{e(title)}</text>',
    ]
    span = width - label_w - 90
    for i, (label, value, shown) in enumerate(bars):
        y = top + i * row
        w = 0 if peak == 0 else int(span * Decimal(value) / peak)
        parts += [
            f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end">{e(label[:28])}</text>',
            f'<rect x="{label_w}" y="{y + 3}" width="{max(w, 1)}" height="{row - 6}" fill="#3f6fb5"/>',
            f'<text x="{label_w + max(w, 1) + 4}" y="{y + 14}">{e(shown)}</text>',
        ]
    if not bars:
        parts.append(f'<text x="0" y="{top + 14}">—</text>')
    parts.append("</svg>")
    return "".join(parts)
