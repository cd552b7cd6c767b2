"""The site in a real browser (Debian's chromium), served under a sub-path as GitHub Pages
serves it: every built page of both languages loads with no failed request, no console
error and no serious or critical axe-core violation; the language switch, the old
addresses, Chinese search, A4 printing of checklists, and no request leaving 127.0.0.1."""

from __future__ import annotations

import re
import subprocess

import pytest
from playwright.sync_api import expect

from checkups.registry import rules
from tests.e2e.common import ROOT, serious

DOCS = ROOT / "docs"


def built_pages() -> list[str]:
    """Every page the build makes, from the sources: ``x.md`` → ``x/``, ``x.en.md`` → ``en/x/``.

    tests/test_site.py checks that the built site holds exactly these (and the 404 page)."""
    out = []
    for path in sorted(DOCS.rglob("*.md")):
        rel = path.relative_to(DOCS).as_posix()
        prefix, rel = ("en/", rel.removesuffix(".en.md")) if rel.endswith(".en.md") else ("", rel.removesuffix(".md"))
        out.append(prefix + (rel.removesuffix("index") if rel == "index" or rel.endswith("/index") else rel + "/"))
    return out


PAGES = built_pages()


def only_local(requests: list[str]) -> list[str]:
    return [u for u in requests if not re.match(r"^(http://127\.0\.0\.1[:/]|data:|blob:|about:)", u)]


def forwarded(request) -> bool:
    """Whether a failed request is an old address's redirect page, cut short by design when it
    forwards (it may still be loading when its script moves on to the new address)."""
    return request.is_navigation_request() and request.failure == "net::ERR_ABORTED" and "/zh/" in request.url


@pytest.fixture(scope="module")
def context(browser):
    """One browser context for the whole module (its cache shared, as a reader's would be)."""
    ctx = browser.new_context(locale="zh-CN")
    yield ctx
    ctx.close()


@pytest.fixture
def watched(context):
    """A page that records every request, failed request, console error and script error."""
    pg = context.new_page()
    pg.requests, pg.problems = [], []
    pg.on("request", lambda r: pg.requests.append(r.url))
    pg.on("requestfailed", lambda r: forwarded(r) or pg.problems.append(("request failed", r.url, r.failure)))
    pg.on("response", lambda r: r.status >= 400 and pg.problems.append((f"HTTP {r.status}", r.url)))
    pg.on("console", lambda m: m.type == "error" and pg.problems.append(("console error", m.text, m.location.get("url"))))
    pg.on("pageerror", lambda e: pg.problems.append(("script error", str(e))))
    yield pg
    pg.close()
    assert only_local(pg.requests) == [], f"requests left 127.0.0.1: {only_local(pg.requests)[:5]}"


class TestEveryPage:
    @pytest.mark.parametrize("path", [*PAGES, "404.html"])
    def test_page_is_clean(self, watched, site_url, path) -> None:
        """The page loads with nothing failing, nothing in the console, nothing serious for axe."""
        watched.goto(site_url + path)
        assert watched.locator("h1").count() >= 1
        assert serious(watched) == []
        watched.wait_for_load_state("networkidle")  # the requests Material makes after loading too
        assert watched.problems == []

    def test_every_page_is_tested(self, built_site) -> None:
        """The list above is every page the build wrote (the redirect pages are tested below)."""
        built = {
            p.relative_to(built_site).as_posix().removesuffix("index.html")
            for p in built_site.rglob("*.html")
            if not p.relative_to(built_site).as_posix().startswith(("lite/", "zh/"))
        }
        assert built == {*PAGES, "404.html"}
        assert len(PAGES) > 150


class TestLanguages:
    @pytest.mark.parametrize(("path", "lang", "heading"), [("", "zh", "托管"), ("en/", "en", "Trusteeship")])
    def test_home_renders_in_both_languages(self, page, site_url, path, lang, heading) -> None:
        """The home page is Chinese at the root and English under en/, each with its heading and language switch."""
        page.goto(site_url + path)
        assert page.locator("html").get_attribute("lang") == lang
        assert heading in page.locator("h1").first.inner_text()
        assert page.locator(".md-select").count() > 0  # the language switch
        assert only_local(page.requests) == []

    @pytest.mark.parametrize(
        ("start", "lang", "lands"),
        [
            ("services/contracts/", "en", "en/services/contracts/"),
            ("en/services/contracts/", "zh", "services/contracts/"),
            ("", "en", "en/"),
            ("en/", "zh", ""),
            ("law/lcl/", "en", "en/law/lcl/"),
        ],
    )
    def test_language_switch_goes_to_the_same_page(self, page, site_url, start, lang, lands) -> None:
        """Clicking the other language in the header's language menu opens the same page in it."""
        page.goto(site_url + start)
        page.locator(".md-select").hover()
        page.locator(f'.md-select a[hreflang="{lang}"]').click()
        page.wait_for_url(site_url + lands)
        assert page.locator("html").get_attribute("lang") == lang

    @pytest.mark.parametrize(
        ("old", "new"),
        [("zh/", ""), ("zh/law/lcl/#lcl-82", "law/lcl/#lcl-82"), ("zh/checklists/annual/?print=1", "checklists/annual/?print=1")],
    )
    def test_old_chinese_addresses_forward(self, watched, site_url, old, new) -> None:
        """The Chinese pages' old addresses under zh/ forward to the page, anchor and query kept."""
        watched.goto(site_url + old)
        watched.wait_for_url(site_url + new)
        watched.wait_for_load_state("networkidle")
        assert watched.locator("html").get_attribute("lang") == "zh"
        assert watched.problems == []

    def test_english_reader_on_an_old_english_address(self, browser, site_url) -> None:
        """An English-language reader at an old English address (now the Chinese page) is pointed to the English page.

        The pointer passes axe and, once dismissed, stays away."""
        ctx = browser.new_context(locale="en-US")
        try:
            pg = ctx.new_page()
            pg.goto(site_url + "services/contracts/")
            hint = pg.locator(".lang-hint")
            hint.wait_for(state="visible")
            assert serious(pg) == []
            hint.get_by_role("link", name="Read this page in English").click()
            pg.wait_for_url(site_url + "en/services/contracts/")
            pg.goto(site_url + "services/wages/")
            pg.locator(".lang-hint").get_by_role("button", name="Dismiss").click()
            pg.goto(site_url + "services/disputes/")
            pg.wait_for_load_state("networkidle")
            assert pg.locator(".lang-hint").is_hidden()
        finally:
            ctx.close()

    def test_chinese_reader_sees_no_pointer(self, page, site_url) -> None:
        """A reader whose browser asks for Chinese sees no pointer to the English page."""
        page.goto(site_url + "services/contracts/", wait_until="networkidle")
        assert page.locator(".lang-hint").is_hidden()


class TestSearch:
    @pytest.mark.parametrize("term", ["试用期", "经济补偿"])
    def test_chinese_search(self, page, site_url, term) -> None:
        """Searching the site for 试用期 or 经济补偿 finds at least one result without a request leaving 127.0.0.1."""
        page.goto(site_url)
        page.locator("label.md-search__icon, .md-search__input").first.click()
        box = page.locator("input.md-search__input")
        box.fill(term)
        box.press("End")
        page.wait_for_selector(".md-search-result__item", timeout=20000)
        assert page.locator(".md-search-result__item").count() > 0
        assert only_local(page.requests) == []

    @pytest.mark.parametrize(("path", "open_with"), [("services/contracts/", "click"), ("en/law/", "key")])
    def test_index_is_fetched_when_the_search_opens(self, page, site_url, path, open_with) -> None:
        """A page fetches the search index only once the reader opens the search (click or the "s" key), and then finds results."""
        page.goto(site_url + path, wait_until="networkidle")
        assert page.evaluate("document.documentElement.classList.contains('js')")  # the theme's script ran
        assert [u for u in page.requests if "search_index" in u] == []
        if open_with == "click":
            page.locator("label.md-search__icon, .md-search__input").first.click()
        else:
            page.keyboard.press("s")
        box = page.locator("input.md-search__input")
        expect(box).to_be_focused()
        box.fill("试用期" if path.startswith("services") else "probation")
        page.wait_for_selector(".md-search-result__item", timeout=20000)
        assert [u for u in page.requests if u.endswith("/search/search_index.json")] != []

    def test_a_search_link_opens_with_its_results(self, page, site_url) -> None:
        """A search link (?q=试用期) opens the search with its results, the index fetched without a click."""
        page.goto(site_url + "?q=试用期")
        page.wait_for_selector(".md-search-result__item", timeout=20000)
        assert page.locator(".md-search-result__item").count() > 0


class TestPrint:
    @pytest.mark.parametrize(("path", "lang"), [("en/checklists/contracts/", "en"), ("checklists/annual/", "zh")])
    def test_checklist_prints_on_a4_with_every_item(self, page, site_url, tmp_path, path, lang) -> None:
        """A checklist prints on A4 with every rule's title, the rules' date, the address and no navigation."""
        page.goto(site_url + path)
        pdf = tmp_path / "checklist.pdf"
        page.pdf(path=str(pdf), format="A4", print_background=True)
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        assert re.search(r"Page size:.*\(A4\)", info), info
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
        flat = re.sub(r"\s+", "", text)
        wanted = rules(area="contracts") if "contracts" in path else rules()
        missing = [r.id for r in wanted if re.sub(r"\s+", "", r.title[lang])[:12] not in flat]
        assert missing == []
        assert ("Rules as of" if lang == "en" else "规则截至") in text
        assert "127.0.0.1" in text  # the page address in the footer
        assert "Search" not in text.split("\n")[0]  # no navigation printed


FOCUSABLE = """() => [...document.querySelectorAll(
  'article a[href], article button, article input, article select, article textarea, article summary, article [tabindex]')]
  .filter(e => e.tabIndex >= 0 && !e.disabled && e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')
  .filter((e, i, all) => {  // Tab stops once in a group of radio buttons: on its checked one, else its first
    if (e.type !== 'radio') return true;
    const group = all.filter(o => o.type === 'radio' && o.name === e.name && o.form === e.form);
    return e === (group.find(o => o.checked) || group[0]);
  })"""
#: where the keyboard focus is: its place among the article's focusable elements (-1 outside
#: the article, -2 on the skip link), and whether the focus is drawn around it
FOCUS = """() => {
  const e = document.activeElement, s = getComputedStyle(e), all = (FOCUSABLE)();
  const drawn = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'
    || e.matches('.md-skip');
  return {index: e.matches('.md-skip') ? -2 : all.indexOf(e), drawn, tag: e.tagName, text: (e.innerText || '').trim().slice(0, 40)};
}""".replace("FOCUSABLE", FOCUSABLE)
CHECKUP_PAGES = [
    prefix + page for prefix in ("", "en/") for page in ("check-up/", "check-up/company/", "check-up/roster/",
                                                          "check-up/calculators/", "check-up/questionnaire/")
]  # fmt: skip


class TestKeyboard:
    @pytest.mark.parametrize("path", CHECKUP_PAGES)
    def test_checkup_pages_by_keyboard(self, page, site_url, path) -> None:
        """With Tab alone a reader reaches the skip link first, then every link and button of the page in reading order.

        The skip link ('skip to content') leads into the page, and each stop has its focus drawn."""
        page.goto(site_url + path, wait_until="networkidle")
        if page.locator('form[data-checkup="company"]').count():  # the questions that do not apply are set aside first
            page.locator('form[data-skip="applied"]').wait_for(timeout=240_000)
        page.keyboard.press("Tab")
        assert page.evaluate(FOCUS)["index"] == -2  # the skip link, shown when focused
        assert page.locator(".md-skip").is_visible()
        page.keyboard.press("Enter")
        assert page.evaluate("location.hash") == "#" + page.locator("article h1").get_attribute("id")
        wanted = page.evaluate(f"() => ({FOCUSABLE})().length")
        assert wanted > 0
        reached, undrawn = [], []
        for _ in range(wanted * 4 + 10):  # the skip link's target is the H1: the next stops are the article's
            page.keyboard.press("Tab")
            focus = page.evaluate(FOCUS)
            if focus["index"] < 0:
                break
            if reached and reached[-1] == focus["index"]:
                continue  # a date field's day, month, year and calendar button are stops inside one element
            reached.append(focus["index"])
            if not focus["drawn"]:
                undrawn.append(focus)
        assert reached == list(range(wanted)), path
        assert undrawn == []

    @pytest.mark.parametrize("path", ["check-up/company/", "en/check-up/company/"])
    def test_run_a_checkup_by_keyboard(self, page, site_url, path) -> None:
        """With Tab, Space and Enter alone a reader answers a question, reaches the check button and gets the result.

        The result is announced (a live region) and holds findings."""
        page.goto(site_url + path, wait_until="networkidle")
        form = page.locator("form[data-checkup]")
        for _ in range(400):  # Tab to the first radio button of the form
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.matches('form[data-checkup] input[type=radio]')"):
                break
        assert form.evaluate("f => f.contains(document.activeElement)")
        page.keyboard.press("Space")  # answer it
        assert page.evaluate("document.activeElement.checked")
        for _ in range(400):  # then on, to the check button
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.matches('form[data-checkup] button[type=submit]')"):
                break
        assert page.evaluate("document.activeElement.matches('button[type=submit]')")
        page.keyboard.press("Enter")
        result = page.locator(".checkup-result")
        page.wait_for_selector(".checkup-result[data-result=ready]", timeout=240_000)
        assert result.get_attribute("aria-live") == "polite"
        assert result.inner_text().strip()


@pytest.fixture(scope="module")
def http_server(built_site, tmp_path_factory):
    """``python -m http.server`` as a reader runs it, in a folder that holds the site twice:
    as the folder itself (the site at /) and copied deeper down (at /a/copy/of/the/kit/)."""
    import socket
    import sys
    import time

    root = tmp_path_factory.mktemp("served")
    deep = root / "a" / "copy" / "of"
    deep.mkdir(parents=True)
    (deep / "the-kit").symlink_to(built_site, target_is_directory=True)  # http.server follows it
    for entry in built_site.iterdir():
        (root / entry.name).symlink_to(entry, target_is_directory=entry.is_dir())
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(root)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    yield f"http://127.0.0.1:{port}/"
    proc.terminate()
    proc.wait(timeout=10)


class TestCopiedAnywhere:
    @pytest.mark.parametrize("where", ["", "a/copy/of/the-kit/"])
    @pytest.mark.parametrize("path", ["", "en/", "law/lcl/", "en/checklists/annual/", "check-up/roster/", "zh/law/lcl/"])
    def test_served_by_http_server(self, watched, http_server, where, path) -> None:
        """The built folder works as it is under python -m http.server, at / and deeper down."""
        watched.goto(http_server + where + path, wait_until="networkidle")
        assert watched.url.startswith(http_server + where)
        assert watched.locator("h1").count() >= 1 and watched.problems == []
        watched.locator(".md-select").hover()
        other = "zh" if watched.url.startswith(http_server + where + "en/") else "en"
        watched.locator(f'.md-select a[hreflang="{other}"]').click()
        watched.wait_for_load_state("networkidle")
        assert watched.locator("html").get_attribute("lang") == other and watched.problems == []
