"""The agreement builder: chosen service areas and options → the model trusteeship
agreement (``checkups/data/agreement/trusteeship.yaml``) with only what applies to them.

A paragraph, citation, matrix row or service level with ``areas`` is kept when one of
them is chosen, a paragraph with ``option`` when that option is; the rest always.  List
items are numbered afresh among those kept.  :func:`blocks` lays the agreement out once,
in order (headings, paragraphs, tables, page breaks), and every format renders those
blocks: Markdown and the printable page (:mod:`.agreement_page`), .docx (:mod:`.docx`),
so that they hold the same clauses, citations and signature block.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..errors import InputError
from ..registry import Citation, area_name, catalog
from ..text import Text

__all__ = ["FORMAT", "Agreement", "Block", "blocks", "build", "choices_from", "paragraph_texts"]

FORMAT = "checkups-agreement/1"  # the saved choices' format (export/import on the page)
BLANK = "＿＿＿＿＿＿＿＿"
ROLE = {"agency": Text("托管机构（乙方）", "Agency (Party B)"), "enterprise": Text("企业（甲方）", "Enterprise (Party A)")}
ZH_NUMBERS = "一二三四五六七八九十"
WORDS = {
    "areas": Text("本协议委托的服务领域", "Service areas entrusted under this Agreement"),
    "basis": Text("依据", "Basis"),
    "item": Text("项目", "Item"),
    "entry": Text("填写", "Entry"),
    "matrix": Text("附件一：责任分工矩阵", "Annex 1: Responsibility matrix"),
    "legend": Text("R = 执行，A = 审批，C = 协商，I = 知悉。", "R = does it, A = approves, C = consulted, I = informed."),
    "task": Text("事项", "Task"),
    "area": Text("服务领域", "Area"),
    "levels": Text("附件二：服务水平", "Annex 2: Service levels"),
    "service": Text("服务", "Service"),
    "level": Text("标准", "Level"),
    "signatures": Text("签署", "Signatures"),
    "party": Text("签署方", "Party"),
    "signature": Text("签字（盖章）", "Signature (seal)"),
    "date": Text("签订日期", "Date signed"),
    "date_blank": Text("＿＿＿＿年＿＿月＿＿日", "____-__-__"),
    "representative": Text("法定代表人或者授权代表", "Legal representative or authorised agent"),
}


@dataclass(frozen=True, slots=True)
class Block:
    """One piece of the laid-out agreement: ``kind`` is title, note, heading (``level`` 1|2),
    paragraph, item, citations, table (``rows``, the first is the header) or pagebreak;
    ``clause`` is the id of the clause it belongs to (anchors, and tests compare by it)."""

    kind: str
    text: str = ""
    level: int = 1
    rows: tuple[tuple[str, ...], ...] = ()
    clause: str = ""
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class Agreement:
    """The agreement for chosen areas and options (the data kept, not yet laid out)."""

    areas: tuple[str, ...]
    options: tuple[str, ...]
    doc: Mapping[str, Any]  # the trusteeship.yaml entries that apply, in their order

    @property
    def title(self) -> Text:
        return Text(**self.doc["title"])

    def as_dict(self) -> dict[str, Any]:
        """What was chosen and what the agreement holds, by id (the JSON of the command line)."""
        return {
            "format": "checkups-agreement-result/1",
            "areas": list(self.areas),
            "options": list(self.options),
            "clauses": [
                {
                    "id": c["id"],
                    "paragraphs": len(c["paragraphs"]),
                    "citations": [f"{x['law']} {x['article']}" for x in c["citations"]],
                }
                for c in self.doc["clauses"]
            ],
            "matrix": [
                {"task": r["task"], "area": r["area"], "agency": r["agency"], "enterprise": r["enterprise"]}
                for r in self.doc["matrix"]
            ],
            "service_levels": [{"service": s["service"], "level": s["level"]} for s in self.doc["levels"]],
        }


def _all_areas() -> list[str]:
    services = catalog()["services"]
    return [a["id"] for a in services["core"] + services.get("value_added", [])]


def choices_from(data: Any) -> tuple[list[str], list[str]]:
    """``(areas, options)`` from a choices object: ``{"areas": [...], "options": [...] or {id: true}}``,
    a saved ``checkups-agreement/1`` file, or the needs survey's JSON result (its ``areas``)."""
    if isinstance(data, Mapping) and data.get("format") == FORMAT and isinstance(data.get("answers"), Mapping):
        data = data["answers"]
    if not isinstance(data, Mapping) or "areas" not in data:
        raise InputError("choices", 'an object with "areas" (a list of service areas)', data)
    areas, options = data.get("areas"), data.get("options") or []
    if isinstance(areas, str):
        areas = [a for a in areas.split(",") if a]
    if isinstance(options, Mapping):
        options = [k for k, v in options.items() if v]
    if not isinstance(areas, list) or not isinstance(options, list):
        raise InputError("choices", "lists of service areas and options", data)
    for name, items in (("areas", areas), ("options", options)):
        wrong = next((i for i in items if not isinstance(i, str)), None)
        if wrong is not None:  # a list or an object in the list (it cannot be hashed, nor is it an id)
            raise InputError(name, f"a list of {name[:-1]} ids (text)", wrong)
    return areas, options


def build(areas: Iterable[str], options: Iterable[str] = ()) -> Agreement:
    """The agreement for ``areas`` (ids of ``services.yaml``; at least one core area) and
    ``options`` (ids under ``options`` in trusteeship.yaml)."""
    doc = catalog()["agreement"]["trusteeship"]
    known, core = _all_areas(), [a["id"] for a in catalog()["services"]["core"]]
    areas, options = list(dict.fromkeys(areas)), list(dict.fromkeys(options))
    for a in areas:
        if a not in known:
            raise InputError("areas", f"service areas among {', '.join(known)}", a)
    if not set(areas) & set(core):
        raise InputError("areas", f"at least one core service area ({', '.join(core)})", areas)
    allowed = [o["id"] for o in doc.get("options") or []]
    for o in options:
        if o not in allowed:
            raise InputError("options", f"options among {', '.join(allowed)}", o)
    chosen = set(areas)

    def keep(item: Mapping[str, Any]) -> bool:
        wanted = item.get("areas")
        return (not wanted or bool(chosen & set(wanted))) and item.get("option", None) in (None, *options)

    clauses = [
        {
            "id": c["id"],
            "heading": c["heading"],
            "paragraphs": [p for p in c.get("paragraphs", []) if keep(p)],
            "citations": [x for x in c.get("citations") or [] if keep(x)],
        }
        for c in doc["clauses"]
    ]
    kept = {
        "title": doc["title"],
        "note": doc.get("note"),
        "parties": doc.get("parties", []),
        "clauses": clauses,
        "matrix": [r for r in doc.get("responsibility_matrix", []) if r["area"] in chosen],
        "levels": [s for s in doc.get("service_levels", []) if keep(s)],
    }
    ordered = tuple(a for a in known if a in chosen)
    return Agreement(areas=ordered, options=tuple(o for o in allowed if o in options), doc=kept)


def _number(n: int, lang: str) -> str:
    if lang != "zh":
        return f"({n})"
    tens, ones = divmod(n, 10)
    digits = ("" if tens < 2 else ZH_NUMBERS[tens - 1]) + ("十" if tens else "") + (ZH_NUMBERS[ones - 1] if ones else "")
    return f"（{digits}）"


def _item(text: str, last: bool, lang: str) -> str:
    """A list item's text with the punctuation its place calls for (``；`` between, ``。`` last)."""
    body = text.rstrip("；;。.")
    return body + (("。" if lang == "zh" else ".") if last else ("；" if lang == "zh" else ";"))


def _fill(text: str) -> str:
    return text.replace("____", BLANK)


def paragraph_texts(paragraphs: list[Mapping[str, Any]], lang: str, *, boxes: bool = False) -> list[tuple[str, bool]]:
    """A clause's paragraphs as ``(text, is_list_item)``: blanks drawn, list items numbered
    and punctuated for their place.  ``boxes`` (the full model, nothing chosen yet) puts a
    tick box before each paragraph that applies only to some areas or an option."""
    out, n = [], 0
    for i, p in enumerate(paragraphs):
        box = "□" if boxes and (p.get("areas") or p.get("option")) else ""
        if p.get("list"):
            n += 1
            last = i + 1 == len(paragraphs) or not paragraphs[i + 1].get("list")
            out.append((f"{box}{_number(n, lang)}{_fill(_item(p[lang], last, lang))}", True))
        else:
            n = 0
            out.append((box + _fill(p[lang]), False))
    return out


def blocks(agreement: Agreement, lang: str = "zh") -> list[Block]:
    """The agreement laid out in order, in ``lang``: what every format renders."""
    doc, t = agreement.doc, lambda obj: obj[lang]
    out = [Block("title", t(doc["title"]))]
    if doc.get("note"):
        out.append(Block("note", t(doc["note"])))
    names = ("、" if lang == "zh" else ", ").join(area_name(a)[lang] for a in agreement.areas)
    out.append(Block("paragraph", f"{WORDS['areas'].get(lang)}{'：' if lang == 'zh' else ': '}{names}", clause="parties"))
    for party in doc["parties"]:
        out.append(Block("heading", t(party["label"]), level=2, clause="parties"))
        rows = [(WORDS["item"].get(lang), WORDS["entry"].get(lang))] + [(t(f), BLANK) for f in party["fields"]]
        out.append(Block("table", rows=tuple(rows), clause="parties"))
    for number, clause in enumerate(doc["clauses"], 1):
        cid, paras = clause["id"], clause["paragraphs"]
        out.append(Block("heading", f"{number}. {t(clause['heading'])}", clause=cid))
        for text, item in paragraph_texts(paras, lang):
            out.append(Block("item" if item else "paragraph", text, clause=cid))
        cites = tuple(Citation(c["law"], str(c["article"])) for c in clause["citations"])
        if cites:
            labels = ("；" if lang == "zh" else "; ").join(c.label(lang) for c in cites)
            out.append(
                Block(
                    "citations",
                    f"{WORDS['basis'].get(lang)}{'：' if lang == 'zh' else ': '}{labels}",
                    clause=cid,
                    citations=cites,
                )
            )
    out += [Block("pagebreak"), Block("heading", WORDS["matrix"].get(lang), clause="responsibility-matrix")]
    out.append(Block("paragraph", WORDS["legend"].get(lang), clause="responsibility-matrix"))
    header = (WORDS["task"].get(lang), WORDS["area"].get(lang), ROLE["agency"].get(lang), ROLE["enterprise"].get(lang))
    rows = [(t(r["task"]), area_name(r["area"])[lang], r["agency"], r["enterprise"]) for r in doc["matrix"]]
    out.append(Block("table", rows=(header, *rows), clause="responsibility-matrix"))
    out.append(Block("heading", WORDS["levels"].get(lang), clause="service-levels"))
    rows = [(t(s["service"]), t(s["level"])) for s in doc["levels"]]
    out.append(Block("table", rows=((WORDS["service"].get(lang), WORDS["level"].get(lang)), *rows), clause="service-levels"))
    out += [Block("pagebreak"), Block("heading", WORDS["signatures"].get(lang), clause="signatures")]
    sign = [(WORDS["party"].get(lang), WORDS["signature"].get(lang))]
    for role in ("enterprise", "agency"):
        sign += [(ROLE[role].get(lang), BLANK), (WORDS["representative"].get(lang), BLANK)]
    sign.append((WORDS["date"].get(lang), WORDS["date_blank"].get(lang)))
    out.append(Block("table", rows=tuple(sign), clause="signatures"))
    return out
