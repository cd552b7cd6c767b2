"""The pieces of the instant check-up forms: labelled fields with their error line, the
region picker, the audit date, the buttons, the result area and the page's words.

Every control sits in a ``.checkup-field`` whose ``data-field`` is the key the worker's
answers use for its errors (``checkups.instant``), so the page script puts each message
next to its field without knowing any field.  No blank lines, no indentation: the HTML
goes into a Markdown page as one raw block.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

from checkups import regions as reg
from checkups.registry import catalog
from checkups.text import Text

#: the words of the page script (progress, storage, errors), in the page's language
WORDS = {
    "loading": Text("正在加载 Python 运行环境…", "Loading the Python runtime…"),
    "installing": Text("正在安装体检程序…", "Installing the check-up package…"),
    "ready": Text("已就绪：所有计算都在本浏览器中完成。", "Ready: everything is computed in this browser."),
    "queued": Text("运行环境加载完成后将自动检查…", "The check will run as soon as the runtime has loaded…"),
    "working": Text("正在检查…", "Checking…"),
    "reading": Text("正在读取名册…", "Reading the roster…"),
    "failed": Text(
        "无法启动浏览器中的 Python 运行环境。表单仍可填写和打印；请刷新页面重试，或使用最新版的浏览器。",
        "The Python runtime could not start in this browser. The form can still be filled in and printed; "
        "reload the page to try again, or use an up-to-date browser.",
    ),
    "error": Text(
        "未能完成检查：程序出错。请刷新页面重试；问题仍在时请告知本站维护者。",
        "The check could not be completed: the program failed. Reload the page and try again; "
        "if it keeps failing, tell the site's maintainers.",
    ),
    "imported": Text("已导入答案。", "Answers imported."),
    "bad_import": Text(
        "无法导入：文件不是本工具导出的答案（JSON）。", "Cannot import: the file is not answers exported by this tool (JSON)."
    ),
    "cleared": Text("已清除本浏览器中保存的数据。", "The data saved in this browser was cleared."),
    "too_big": Text(
        "名册太大，无法保存在本浏览器中；设置已保存，刷新后请重新选择名册。",
        "The roster is too large to keep in this browser; the settings are kept, choose the roster again after a reload.",
    ),
    "no_file": Text("请选择或拖放一个名册文件。", "Choose or drop a roster file."),
}
UI = {
    "settings": Text("检查设置", "Settings"),
    "province": Text("省份", "Province"),
    "city": Text("城市", "City"),
    "national": Text("全国（未选省份）", "National (no province)"),
    "whole": Text("（全省，或未选城市）", "(whole province, or no city)"),
    "as_of": Text("检查日", "Audit date"),
    "as_of_help": Text("按这一天有效的法律和数字检查", "The law and figures in force on this day are used"),
    "export": Text("导出答案（JSON）", "Export answers (JSON)"),
    "import": Text("导入答案", "Import answers"),
    "clear": Text("清除我的数据", "Clear my data"),
    "report": Text("下载报告（HTML，可打印）", "Download the report (HTML, printable)"),
    "print": Text("打印", "Print"),
    "result": Text("检查结果", "Result"),
    "notebook": Text("以笔记本方式打开（显示全部代码）", "Open as notebook (shows all the code)"),
    "privacy": Text(
        "所有计算都在本浏览器中完成：你填写的内容和选择的名册不会离开这台电脑。答案只保存在本浏览器的存储中，可随时导出、导入或清除。",
        "Everything is computed in this browser: what you enter and the rosters you choose never leave this computer. "
        "Answers are kept only in this browser's storage; export, import or clear them at any time.",
    ),
    "noscript": Text(
        "浏览器未启用 JavaScript：表单可以填写和打印（纸质检查表），检查结果需要启用 JavaScript。",
        "JavaScript is off: the form can be filled in and printed (as a paper checklist); the check itself needs JavaScript.",
    ),
}


def e(text: Any) -> str:
    return html.escape(str(text), quote=True)


def ident(kind: str, key: str) -> str:
    """A control's id on the page: ``company-has_part_time``, ``calculators-severance-start``."""
    return f"{kind}-" + re.sub(r"[^A-Za-z0-9_-]", "-", key)


def error_line(kind: str, key: str) -> str:
    return f'<p class="checkup-error" id="{ident(kind, key)}-error" hidden></p>'


def field(kind: str, key: str, label: str, control: str, *, help_: str = "", unit: str = "", css: str = "") -> str:
    """A labelled control with its help and its (hidden) error line."""
    cid = ident(kind, key)
    helptext = f'<small class="checkup-help" id="{cid}-help">{e(help_)}</small>' if help_ else ""
    suffix = f'<span class="checkup-unit">{e(unit)}</span>' if unit else ""
    return (
        f'<div class="checkup-field{" " + css if css else ""}" data-field="{e(key)}">'
        f'<label for="{cid}">{e(label)}</label>{helptext}<span class="checkup-control">{control}{suffix}</span>'
        f"{error_line(kind, key)}</div>"
    )


def described(kind: str, key: str, help_: bool) -> str:
    cid = ident(kind, key)
    return f' aria-describedby="{cid}-error{" " + cid + "-help" if help_ else ""}"'


def text_input(kind: str, key: str, *, numeric: bool = False, help_: bool = False, size: int = 12) -> str:
    mode = ' inputmode="decimal"' if numeric else ""
    return (
        f'<input type="text" id="{ident(kind, key)}" name="{e(key)}"{mode} size="{size}" autocomplete="off"'
        f"{described(kind, key, help_)}>"
    )


def radios(kind: str, key: str, legend: str, options: list[tuple[str, str]], *, note: str = "", css: str = "") -> str:
    """A question answered by one of ``options`` (value, label); the first is checked."""
    cid = ident(kind, key)
    parts = []
    for i, (value, label) in enumerate(options):
        extra = " checked" if i == 0 else ""
        cls = ' class="checkup-unanswered"' if value == "" else ""
        parts.append(
            f'<label{cls}><input type="radio" name="{e(key)}" value="{e(value)}"{extra} aria-describedby="{cid}-error"> {e(label)}</label>'
        )
    note_html = f'<small class="checkup-help">{e(note)}</small>' if note else ""
    return (
        f'<fieldset class="checkup-field checkup-choice{" " + css if css else ""}" data-field="{e(key)}" id="{cid}">'
        f'<legend>{e(legend)}</legend>{note_html}<span class="checkup-options">{"".join(parts)}</span>'
        f"{error_line(kind, key)}</fieldset>"
    )


def region_picker(kind: str, lang: str) -> str:
    """Province, then city: the city list holds every city grouped by province (usable
    without the page script, which narrows it to the province chosen)."""
    table = catalog()["regions"]
    provinces = [f'<option value="national">{e(UI["national"].get(lang))}</option>']
    groups = [f'<option value="">{e(UI["whole"].get(lang))}</option>']
    for p in reg.provinces():
        name = table[p]["name"][lang]
        provinces.append(f'<option value="{p}">{e(name)}</option>')
        kids = "".join(f'<option value="{k}">{e(table[k]["name"][lang])}</option>' for k in reg.children(p))
        if kids:
            groups.append(f'<optgroup label="{e(name)}" data-province="{p}">{kids}</optgroup>')
    cid = ident(kind, "region")
    return (
        f'<div class="checkup-field checkup-region" data-field="region">'
        f'<label for="{cid}-province">{e(UI["province"].get(lang))}</label>'
        f'<select id="{cid}-province" name="province" aria-describedby="{cid}-error">{"".join(provinces)}</select>'
        f'<label for="{cid}-city">{e(UI["city"].get(lang))}</label>'
        f'<select id="{cid}-city" name="city" aria-describedby="{cid}-error">{"".join(groups)}</select>'
        f"{error_line(kind, 'region')}</div>"
    )


def settings(kind: str, lang: str, extra: str = "") -> str:
    """The top of each form: region, audit date (the page script fills in today) and ``extra``."""
    date = f'<input type="date" id="{ident(kind, "as_of")}" name="as_of" required{described(kind, "as_of", True)}>'
    return (
        f'<fieldset class="checkup-settings"><legend>{e(UI["settings"].get(lang))}</legend>'
        + region_picker(kind, lang)
        + field(kind, "as_of", UI["as_of"].get(lang), date, help_=UI["as_of_help"].get(lang))
        + extra
        + "</fieldset>"
    )


def buttons(lang: str, submit: str) -> str:
    """The submit button (works as soon as the page shows) and the storage buttons, which
    only the page script can serve (hidden until it runs)."""
    tools = (
        f'<button type="button" class="md-button" data-action="export">{e(UI["export"].get(lang))}</button>'
        f'<label class="md-button checkup-import">{e(UI["import"].get(lang))}'
        f'<input type="file" accept=".json,application/json" data-action="import"></label>'
        f'<button type="button" class="md-button" data-action="clear">{e(UI["clear"].get(lang))}</button>'
    )
    return (
        f'<div class="checkup-actions">{submit}<span class="checkup-tools" hidden>{tools}</span></div>'
        '<p class="checkup-message" role="status" aria-live="polite"></p>'
    )


def submit(label: str, name: str = "", value: str = "") -> str:
    named = f' name="{e(name)}" value="{e(value)}"' if name else ""
    return f'<button type="submit" class="md-button md-button--primary"{named}>{e(label)}</button>'


def assets(root: str) -> str:
    """The forms' stylesheet and page script, for a page that shows a check-up (no other page loads them)."""
    return (
        f'<link rel="stylesheet" href="{e(root)}stylesheets/instant.css">'
        f'<script src="{e(root)}javascripts/instant/page.js" defer></script>'
    )


def form(kind: str, lang: str, root: str, body: str, *, storage: str, links: str | None = None) -> str:
    """The whole check-up: the form, its progress line, the result area and the page's words.

    ``root`` is the site root as the page links it (``../../``), where the page script, the
    worker and Pyodide are; ``links`` the base the results' citation links start from
    (:meth:`checkups.registry.Citation.href`; default ``root``); ``storage`` the saved
    document's kind (``checkups-<storage>/1``, as the notebooks export it).
    """
    words = json.dumps({k: v.get(lang) for k, v in WORDS.items()}, ensure_ascii=False).replace("</", "<\\/")
    return (
        f'<div class="checkup-instant" data-root="{e(root)}" data-links="{e(root if links is None else links)}" data-storage="{e(storage)}">'
        f'<p class="checkup-privacy"><small>{e(UI["privacy"].get(lang))}</small></p>'
        f'<noscript><p class="checkup-noscript">{e(UI["noscript"].get(lang))}</p></noscript>'
        f'<p class="checkup-status" role="status" aria-live="polite"></p>'
        f'<form class="checkup-form" data-checkup="{kind}" lang="{"zh-CN" if lang == "zh" else "en"}" novalidate>'
        f"{body}</form>"
        f'<section class="checkup-result" aria-live="polite" aria-label="{e(UI["result"].get(lang))}" tabindex="-1"></section>'
        f'<p class="checkup-report" hidden><button type="button" class="md-button">{e(UI["report"].get(lang))}</button></p>'
        f'<script type="application/json" class="checkup-words">{words}</script>'
        f"{assets(root)}</div>"
    )
