"""The forms of the needs survey and the agreement builder, made from the package's data:
the survey's questions and options (``checkups/data/programme/needs.yaml``), the service
areas (``services.yaml``) and the agreement's options (``agreement/trusteeship.yaml``).

No region or date: neither tool depends on them.  The page script sends the answers of
a kind it has no code of its own for to the worker operation of the same name
(``needs``, ``agreement``); checkboxes of one name give a list of their values.
"""

from __future__ import annotations

from checkups.registry import catalog
from checkups.text import Text
from sitegen.instant_html import e, error_line, ident, radios, submit

LABELS = {
    "unanswered": Text("未答", "Not answered"),
    "recommend": Text("看看建议委托哪些服务", "See what to entrust"),
    "core": Text("核心服务领域（至少选一项）", "Core service areas (choose at least one)"),
    "value_added": Text("增值服务（可选）", "Value-added services (optional)"),
    "options": Text("其他选项", "Other options"),
    "build": Text("生成协议", "Build the agreement"),
}


def checkboxes(kind: str, key: str, legend: str, options: list[tuple[str, str]], *, note: str = "") -> str:
    """A question answered by any of ``options`` (value, label): the page sends the checked values as a list."""
    cid = ident(kind, key)
    parts = "".join(_box(cid, key, v, label) for v, label in options)
    note_html = f'<small class="checkup-help">{e(note)}</small>' if note else ""
    return (
        f'<fieldset class="checkup-field checkup-choice" data-field="{e(key)}" id="{cid}">'
        f'<legend>{e(legend)}</legend>{note_html}<span class="checkup-options">{parts}</span>'
        f"{error_line(kind, key)}</fieldset>"
    )


def _box(cid: str, name: str, value: str, label: str) -> str:
    box = f"{cid}-{ident('', value)[1:]}"
    return (
        f'<label for="{box}"><input type="checkbox" id="{box}" name="{e(name)}" value="{e(value)}" '
        f'aria-describedby="{cid}-error"> {e(label)}</label>'
    )


def needs(lang: str) -> tuple[str, str]:
    """The survey: one question a fieldset, radios for one answer, checkboxes for several."""
    data = catalog()["programme"]["needs"]
    parts = [f"<p>{e(data['intro'][lang])}</p>"]
    for q in data["questions"]:
        options = [(o["id"], o["text"][lang]) for o in q["options"]]
        if q["kind"] == "one":
            parts.append(radios("needs", q["id"], q["text"][lang], [("", LABELS["unanswered"].get(lang)), *options]))
        else:
            parts.append(checkboxes("needs", q["id"], q["text"][lang], options))
    parts.append(f'<p class="checkup-note"><small>{e(data["note"][lang])}</small></p>')
    return "".join(parts), submit(LABELS["recommend"].get(lang))


def agreement(lang: str) -> tuple[str, str]:
    """The builder: the service areas (core, then value-added) and the agreement's options."""
    services = catalog()["services"]
    doc = catalog()["agreement"]["trusteeship"]

    def group(key: str, entries: list[dict]) -> str:
        boxes = "".join(_box(ident("agreement", "areas"), "areas", a["id"], a["name"][lang]) for a in entries)
        return f'<span class="checkup-options" data-group="{key}"><strong>{e(LABELS[key].get(lang))}</strong>{boxes}</span>'

    legend = Text("委托的服务领域", "Service areas to entrust").get(lang)
    areas = (
        f'<fieldset class="checkup-field checkup-choice" data-field="areas" id="{ident("agreement", "areas")}">'
        f"<legend>{e(legend)}</legend>{group('core', services['core'])}{group('value_added', services.get('value_added', []))}"
        f"{error_line('agreement', 'areas')}</fieldset>"
    )
    options = checkboxes(
        "agreement", "options", LABELS["options"].get(lang), [(o["id"], o["label"][lang]) for o in doc.get("options") or []]
    )
    return areas + options, submit(LABELS["build"].get(lang))
