"""The built agreement as Markdown and as a printable, standalone HTML page (A4), both
rendered from :func:`checkups.programme.agreement.blocks`.  With ``base`` (the site root
as seen from the page) citations link to the site's law pages; without, they are labels."""

from __future__ import annotations

from html import escape

from .agreement import Agreement, Block, blocks

__all__ = ["to_html", "to_html_body", "to_markdown"]

CSS = """
body{font-family:"Noto Serif CJK SC","Songti SC",SimSun,serif;max-width:48em;margin:2em auto;padding:0 1em;line-height:1.6;color:#111}
h1{text-align:center;font-size:1.5em}h2{font-size:1.15em;margin-top:1.4em}h3{font-size:1em}
table{border-collapse:collapse;width:100%;margin:.6em 0}th,td{border:1px solid #444;padding:.3em .5em;text-align:left;vertical-align:top}
thead{display:table-header-group}tr{break-inside:avoid}.note{border-left:3px solid #888;padding-left:.8em;color:#333}
.item{margin-left:2em}.cites{font-size:.9em;color:#333}.pagebreak{break-after:page}
@page{size:A4;margin:2cm}@media print{body{margin:0;max-width:none}a{color:inherit;text-decoration:none}}
"""


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(agreement: Agreement, lang: str = "zh", base: str | None = None) -> str:
    """The agreement as Markdown (tables as pipe tables, clause headings with anchors)."""
    lines: list[str] = []
    for b in blocks(agreement, lang):
        if b.kind == "title":
            lines += [f"# {b.text}", ""]
        elif b.kind == "note":
            lines += [f"> {b.text}", ""]
        elif b.kind == "heading":
            lines += [f"{'#' * (b.level + 1)} {b.text}", ""]
        elif b.kind in ("paragraph", "item"):
            lines += [b.text, ""]
        elif b.kind == "citations":
            lines += [f"*{_cites(b, lang, base, _md_link)}*", ""]
        elif b.kind == "table":
            header, *rows = b.rows
            lines.append("| " + " | ".join(_md_cell(c) for c in header) + " |")
            lines.append("|" + "---|" * len(header))
            lines += ["| " + " | ".join(_md_cell(c) for c in r) + " |" for r in rows]
            lines.append("")
        elif b.kind == "pagebreak":
            lines += ["---", ""]
    return "\n".join(lines)


def _cites(b: Block, lang: str, base: str | None, link) -> str:
    """A citations line with each article linked by ``link(href, label)`` (plain text without ``base``)."""
    colon = "：" if lang == "zh" else ": "
    if base is None:
        return link(None, b.text)
    head = b.text.split(colon, 1)[0]
    sep = "；" if lang == "zh" else "; "
    return link(None, head + colon) + sep.join(link(c.href(base, lang=lang), c.label(lang)) for c in b.citations)


def _md_link(href: str | None, text: str) -> str:
    return text if href is None else f"[{text}]({href})"


def _html_link(href: str | None, text: str) -> str:
    return escape(text) if href is None else f'<a href="{escape(href)}">{escape(text)}</a>'


def to_html_body(agreement: Agreement, lang: str = "zh", base: str | None = None, *, shift: int = 0) -> str:
    """The agreement's HTML (no page around it): one ``<section data-clause>`` per clause, each
    table focusable (a narrow screen scrolls it sideways, and the keyboard must reach it);
    ``shift`` lowers every heading (1: the title is an ``h2``, inside a page that has its own ``h1``)."""
    out: list[str] = []
    current = None
    for b in blocks(agreement, lang):
        if b.clause != current and b.kind != "pagebreak":
            if current is not None:
                out.append("</section>")
            current = b.clause
            out.append(f'<section data-clause="{escape(b.clause or "title")}">')
        if b.kind == "title":
            out.append(f"<h{1 + shift}>{escape(b.text)}</h{1 + shift}>")
        elif b.kind == "note":
            out.append(f'<p class="note">{escape(b.text)}</p>')
        elif b.kind == "heading":
            tag = f"h{b.level + 1 + shift}"
            anchor = f' id="{escape(b.clause.replace("_", "-"))}"' if b.level == 1 else ""
            out.append(f"<{tag}{anchor}>{escape(b.text)}</{tag}>")
        elif b.kind == "paragraph":
            out.append(f"<p>{escape(b.text)}</p>")
        elif b.kind == "item":
            out.append(f'<p class="item">{escape(b.text)}</p>')
        elif b.kind == "citations":
            out.append(f'<p class="cites">{_cites(b, lang, base, _html_link)}</p>')
        elif b.kind == "table":
            header, *rows = b.rows
            out.append(
                '<table tabindex="0"><thead><tr>' + "".join(f"<th>{escape(c)}</th>" for c in header) + "</tr></thead><tbody>"
            )
            out += ["<tr>" + "".join(f"<td>{escape(c)}</td>" for c in r) + "</tr>" for r in rows]
            out.append("</tbody></table>")
        elif b.kind == "pagebreak":
            out.append('<div class="pagebreak"></div>')
    out.append("</section>")
    return "\n".join(out)


def to_html(agreement: Agreement, lang: str = "zh", base: str | None = None) -> str:
    """A standalone page that prints on A4."""
    title = escape(agreement.title.get(lang))
    return (
        f'<!DOCTYPE html>\n<html lang="{"zh-Hans" if lang == "zh" else "en"}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}</title>'
        f"<style>{CSS}</style></head><body>\n{to_html_body(agreement, lang, base)}\n</body></html>\n"
    )
