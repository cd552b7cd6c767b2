"""The built site: complete, generated pages fresh, every internal link and anchor working,
nothing loaded from another host, downloads and feed valid."""

from __future__ import annotations

import posixpath
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from checkups.registry import catalog, rules

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from sitegen.common import article_anchor, is_generated, law_page, rule_anchor  # noqa: E402


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.resources: list[str] = []
        self.lang = ""
        self.hreflang: dict[str, str] = {}  # the language switch: language → the page in it
        self.head_alternates = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang", "")
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if tag == "a" and a.get("hreflang"):
            self.hreflang[a["hreflang"]] = a["href"]
        if tag == "link" and a.get("rel") == "alternate" and a.get("hreflang"):
            self.head_alternates += 1
        if tag in ("script", "img", "iframe", "source", "audio", "video") and a.get("src"):
            self.resources.append(a["src"])
        if tag == "link" and a.get("href") and a.get("rel") not in ("alternate", "canonical"):
            self.resources.append(a["href"])


class _Nav(HTMLParser):
    """The site navigation of a page (tabs and side nav, not its table of contents) as
    (label, href) pairs, and the page's H1 without its permalink."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self.h1 = ""
        self._href: str | None = None
        self._label: list[str] = []
        self._in_h1 = False
        self._skip = 0  # depth inside the H1's permalink

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "a" and ("md-nav__link" in classes or "md-tabs__link" in classes) and not a["href"].startswith("#"):
            self._href, self._label = a["href"], []
        if tag == "h1" and not self.h1:
            self._in_h1 = True
        if self._in_h1 and tag == "a" and "headerlink" in classes:
            self._skip += 1

    def handle_endtag(self, tag):
        if tag == "a" and self._href is not None:
            self.links.append((" ".join("".join(self._label).split()), self._href))
            self._href = None
        elif tag == "a" and self._skip:
            self._skip -= 1
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data):
        if self._href is not None:
            self._label.append(data)
        if self._in_h1 and not self._skip:
            self.h1 = " ".join((self.h1 + data).split())


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


@pytest.fixture(scope="module")
def pages(built_site: Path) -> dict[str, _Page]:
    """The mkdocs pages (the JupyterLite app under lite/ is tested in test_lite_build.py,
    the redirect pages of the old Chinese addresses under zh/ in TestMoved)."""
    return {
        p.relative_to(built_site).as_posix(): parse(p)
        for p in built_site.rglob("*.html")
        if not p.relative_to(built_site).as_posix().startswith(("lite/", "zh/"))
    }


@pytest.fixture(scope="module")
def sitemap(built_site: Path) -> dict[str, dict[str, str]]:
    """sitemap.xml as {page address: {language: address of its version in that language}}."""
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.parse(built_site / "sitemap.xml").getroot()
    return {
        url.find("s:loc", ns).text: {link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)}
        for url in root.findall("s:url", ns)
    }


@pytest.fixture(scope="module")
def site_path(sitemap) -> str:
    """The path the site was built for (site_url's; the browser tests serve it there)."""
    return min(urlsplit(loc).path for loc in sitemap)


def text_of(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


class TestGenerated:
    def test_generated_pages_are_fresh(self) -> None:
        """Regenerating would change nothing (run python scripts/gen_pages.py)."""
        proc = subprocess.run([sys.executable, "scripts/gen_pages.py", "--check"], cwd=ROOT, capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr

    def test_generated_pages_say_so(self) -> None:
        """Each generated page starts with a comment naming its generator and source."""
        generated = [p for p in (ROOT / "docs").rglob("*.md") if is_generated(p.read_text(encoding="utf-8"))]
        assert len(generated) > 80

    def test_every_page_in_both_languages(self) -> None:
        """Every page has a Chinese (x.md) and an English (x.en.md) version."""
        for path in (ROOT / "docs").rglob("*.md"):
            if path.name.endswith(".en.md"):
                assert path.with_name(path.name[:-6] + ".md").exists(), path
            else:
                assert path.with_name(path.stem + ".en.md").exists(), path

    def test_citations_in_hand_written_pages_are_links(self) -> None:
        """A citation written by hand ('art. 82', '第八十二条') links to its article like generated ones."""
        pattern = re.compile(r"\bart\. \d+|第[一二三四五六七八九十百零〇\d]+条")
        for path in (ROOT / "docs").rglob("*.md"):
            text = path.read_text(encoding="utf-8")
            if is_generated(text):
                continue
            unlinked = pattern.findall(re.sub(r"\[[^\]]*\]\([^)]*\)", "", text))
            assert unlinked == [], f"{path.relative_to(ROOT)}: {unlinked}"


class TestCompleteness:
    def test_every_rule_is_on_its_service_page(self, built_site: Path, pages) -> None:
        """Every rule has its anchor on its service area's page, in Chinese and in English."""
        for lang_prefix in ("", "en/"):
            for r in rules():
                page = pages[f"{lang_prefix}services/{r.area.replace('_', '-')}/index.html"]
                assert rule_anchor(r.id) in page.ids, f"{lang_prefix}{r.id}"

    def test_every_article_has_its_anchor(self, pages) -> None:
        """Every article of every law has its anchor on that law's page, in Chinese and in English."""
        for lang_prefix in ("", "en/"):
            for code, law in catalog()["laws"].items():
                page = pages[f"{lang_prefix}{law_page(code)}/index.html"]
                for number in law["articles"]:
                    assert article_anchor(code, number) in page.ids, f"{lang_prefix}{code} {number}"

    def test_every_parameter_is_listed(self, built_site: Path) -> None:
        """The parameters page lists every parameter of the catalog, in Chinese and in English."""
        for rel in ("law/parameters/index.html", "en/law/parameters/index.html"):
            html = text_of(built_site, rel)
            for name in catalog()["parameters"]:
                assert f"<code>{name}</code>" in html, f"{rel}: {name}"

    def test_checklists_hold_every_rule(self, built_site: Path) -> None:
        """The Chinese annual checklist holds every rule's Chinese title."""
        html = text_of(built_site, "checklists/annual/index.html")
        for r in rules():
            assert r.title["zh"] in html, r.id


class TestLinks:
    def test_no_broken_internal_link_or_anchor(self, built_site: Path, pages, site_path) -> None:
        """Every relative link resolves to a built file, and every #fragment to an id on it."""
        broken = []
        for rel, page in pages.items():
            for href in page.links:
                parts = urlsplit(href)
                if parts.scheme or parts.netloc or href.startswith("mailto:"):
                    continue
                if parts.path.startswith("/"):  # only 404.html: absolute under site_url
                    assert rel == "404.html" and parts.path.startswith(site_path), (rel, href)
                    target = posixpath.normpath(unquote(parts.path).removeprefix(site_path) or ".")
                else:
                    target = (
                        posixpath.normpath(posixpath.join(posixpath.dirname(rel), unquote(parts.path))) if parts.path else rel
                    )
                if target.startswith(".."):
                    broken.append((rel, href, "leaves the site"))
                    continue
                path = built_site / target
                if path.is_dir() or not parts.path or parts.path.endswith("/"):
                    path = path / "index.html" if path.is_dir() or parts.path.endswith("/") else path
                if not path.exists():
                    broken.append((rel, href, "missing"))
                    continue
                if parts.fragment and path.suffix == ".html":
                    key = path.relative_to(built_site).as_posix()
                    if parts.fragment not in pages[key].ids:
                        broken.append((rel, href, "no such anchor"))
        assert broken == [], broken[:20]

    def test_nothing_from_another_host(self, built_site: Path) -> None:
        """No script, style, font, image or frame of any page (JupyterLite's too) comes from another host."""
        external = [
            (p.relative_to(built_site).as_posix(), r)
            for p in built_site.rglob("*.html")
            for r in parse(p).resources
            if re.match(r"^(https?:)?//", r)
        ]
        assert external == []

    def test_both_languages_and_switch(self, pages) -> None:
        """Chinese pages (at the root) are lang=zh, English ones (under en/) lang=en, each switching to the other.

        The language switch of each goes to the same page in the other language (its <a hreflang>)."""
        for rel, page in pages.items():
            if rel == "404.html":
                continue
            lang, other = ("en", "zh") if rel.startswith("en/") else ("zh", "en")
            assert page.lang == lang, rel
            assert set(page.hreflang) == {"en", "zh"}, rel
            assert _target(rel, page.hreflang[lang]) == rel
            twin = _target(rel, page.hreflang[other])
            assert twin == (rel.removeprefix("en/") if lang == "en" else "en/" + rel), rel

    def test_hreflang_alternates_in_the_sitemap(self, pages, sitemap, site_path) -> None:
        """sitemap.xml lists every page of both languages, each with both language versions.

        The pages carry no <link rel=alternate> (Material would fetch a sitemap.xml beside each)."""
        base = next(loc for loc in sitemap if urlsplit(loc).path == site_path)
        built = {base + rel.removesuffix("index.html") for rel in pages if rel != "404.html"}
        assert set(sitemap) == built
        for loc, alternates in sitemap.items():
            en = base + "en/" + loc.removeprefix(base).removeprefix("en/")
            assert alternates == {"zh": en.replace(base + "en/", base, 1), "en": en}, loc
        assert [rel for rel, page in pages.items() if page.head_alternates] == []


def _target(rel: str, href: str) -> str:
    """The built file a page's relative link opens (``../law/lcl/`` → ``law/lcl/index.html``)."""
    target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), href.split("#")[0]))
    return "index.html" if target == "." else target.rstrip("/") + "/index.html"


class TestNavigation:
    @pytest.fixture(scope="class")
    def navs(self, built_site: Path, pages) -> dict[str, _Nav]:
        out = {}
        for rel in pages:
            if rel == "404.html":  # absolute links, see TestNotFound
                continue
            nav = _Nav()
            nav.feed(text_of(built_site, rel))
            out[rel] = nav
        return out

    def test_every_label_is_the_title_of_its_page(self, navs) -> None:
        """Each tab and nav label (sections too) is the H1 of the page it opens, in that page's language."""
        wrong = []
        for rel, nav in navs.items():
            assert nav.links, rel
            for label, href in nav.links:
                target = _target(rel, href)
                if label != navs[target].h1:
                    wrong.append((rel, label, target, navs[target].h1))
        assert wrong == [], wrong[:10]

    def test_no_label_is_a_file_name(self, navs) -> None:
        """No label is a file or folder name ("Lcl", "Company", "Roster"), in either language.

        An English title may read like its own file name ("Workplace rules" is
        services/workplace-rules): allowed only where the page's H1 says exactly that."""
        names = {part for rel in navs for part in rel.removesuffix("/index.html").split("/")} - {"index.html", "en"}
        names = {n.replace("-", " ").replace("_", " ").lower() for n in names}
        labels = {(label, _target(rel, href)) for rel, nav in navs.items() for label, href in nav.links}
        assert {target for _, target in labels} == set(navs)  # every page is in the navigation
        bad = sorted(
            (label, target)
            for label, target in labels
            if label.lower() in names and (not target.startswith("en/") or label != navs[target].h1)
        )
        assert bad == []

    def test_every_page_starts_with_its_title(self) -> None:
        """Each page's first element is its H1 (after the generator's comment).

        So MkDocs never falls back to the file name for its title, nav label or <title>."""
        for path in (ROOT / "docs").rglob("*.md"):
            lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
            first = lines[1] if is_generated(lines[0]) else lines[0]
            assert first.startswith("# "), path.relative_to(ROOT)

    def test_labels_are_unique_in_each_language(self, navs) -> None:
        """Two pages never share a label, so a reader can tell them apart."""
        for lang, home in (("zh", "index.html"), ("en", "en/index.html")):
            seen: dict[str, set[str]] = {}
            nav = navs[home]
            for label, href in nav.links:
                seen.setdefault(label, set()).add(_target(home, href))
            assert {label: t for label, t in seen.items() if len(t) > 1} == {}, lang


class TestHome:
    @pytest.mark.parametrize(
        ("rel", "audiences", "explained"),
        [
            ("index.html", ["企业主", "托管机构", "人社局"], "什么是劳动关系托管"),
            ("en/index.html", ["Enterprise owners", "Trustee agencies", "HRSS bureaus"], "What trusteeship is"),
        ],
    )
    def test_three_ways_in_then_what_trusteeship_is(self, built_site: Path, rel, audiences, explained) -> None:
        """The home page leads with three audience cards (owner, agency, bureau), then explains trusteeship.

        Each card is one sentence and a button to its way in; the explanation of trusteeship follows them."""
        html = text_of(built_site, rel)
        content = html[html.index('<article class="md-content__inner') :]
        cards = re.search(r'<div class="grid cards audience">(.*?)</div>', content, re.S)
        assert cards and content.index(cards.group(0)) < content.index(f">{explained}<")
        items = re.findall(r"<li>(.*?)</li>", cards.group(1), re.S)
        headings = [re.search(r"<h2[^>]*>(.*?)<a class=\"headerlink\"", i, re.S).group(1).strip() for i in items]
        assert headings == audiences
        buttons = [[re.search(r'href="([^"]+)"', a).group(1) for a in re.findall(r"<a [^>]*md-button[^>]*>", i)] for i in items]
        assert buttons == [["check-up/"], ["check-up/roster/"], ["models/programme-design/"]]
        for item in items:
            sentences = [re.sub(r"<[^>]+>", "", p) for p in re.findall(r"<p>(.*?)</p>", item, re.S)]
            text = sentences[0]
            assert len(sentences) == 2 and len(re.findall(r"[。.](?=\s|$)", text.strip())) == 1, text


class TestMoved:
    def test_every_old_chinese_address_forwards(self, built_site: Path, pages) -> None:
        """Each old Chinese address zh/<page>/ is a small page that forwards to <page>/, keeping the #anchor.

        Nothing else is under zh/, and it loads nothing."""
        chinese = {rel for rel in pages if not rel.startswith("en/") and rel != "404.html"}
        stubs = {p.relative_to(built_site).as_posix() for p in (built_site / "zh").rglob("*") if p.is_file()}
        assert stubs == {"zh/" + rel for rel in chinese}
        for rel in stubs:
            html = text_of(built_site, rel)
            page = parse(built_site / rel)
            target = re.search(r'location\.replace\("([^"]+)" \+ location\.search \+ location\.hash\)', html).group(1)
            assert _target(rel, target) == rel.removeprefix("zh/"), rel
            assert f'content="0; url={target}"' in html and page.lang == "zh"
            assert page.resources == [] and set(page.links) == {target}, rel

    def test_english_readers_are_pointed_to_the_english_page(self, built_site: Path, pages) -> None:
        """Each Chinese page carries a hidden pointer to the same page in English, which javascripts/language.js shows.

        The Chinese pages sit at the English pages' old addresses."""
        for rel in pages:
            if rel.startswith("en/") or rel == "404.html":
                continue
            hint = re.search(
                r'<div class="lang-hint" lang="en" hidden>.*?<a href="([^"]+)" hreflang="en">', text_of(built_site, rel), re.S
            )
            assert hint and _target(rel, hint.group(1)) == "en/" + rel, rel


class TestNotFound:
    def test_not_found_page(self, built_site: Path, pages, site_path) -> None:
        """404.html is Chinese-first with English, links absolutely under the site's path and offers both home pages.

        The links are absolute because a host serves it at any depth."""
        page = pages["404.html"]
        html = text_of(built_site, "404.html")
        assert page.lang == "zh" and "找不到这个页面" in html and "Page not found" in html
        assert {site_path, site_path + "en/"} <= set(page.links)
        assert all(r.startswith(site_path) for r in page.resources), page.resources
        assert not (built_site / "en" / "404.html").exists()


class TestDownloads:
    def test_docx_files(self, built_site: Path) -> None:
        """Each model agreement and document is a .docx with its title, in both languages."""
        from docx import Document

        data = catalog()
        names = list(data["agreement"]) + list(data["documents"])
        assert len(names) >= 9
        for name in names:
            doc = data["agreement"].get(name) or data["documents"][name]
            for lang, folder in (("zh", ""), ("en", "en/")):  # x.en.docx is served as en/downloads/x.docx
                path = built_site / f"{folder}downloads" / f"{name.replace('_', '-')}.docx"
                text = "\n".join(p.text for p in Document(path).paragraphs)
                assert doc["title"][lang] in text, path

    def test_atom_feed(self, built_site: Path) -> None:
        """feed.xml is an Atom feed with one entry per update in the catalog, and there is at least one."""
        root = ET.parse(built_site / "feed.xml").getroot()
        entries = root.findall("{http://www.w3.org/2005/Atom}entry")
        assert len(entries) == len(catalog()["updates"]) > 0


class TestWorkflow:
    def test_pages_workflow_makes_the_zip_and_releases_it(self) -> None:
        """The Pages workflow builds for the Pages address, zips the site and attaches the zip to a version's release.

        The built site (one folder) is zipped as a workflow artifact, and the zip is attached to the release
        of a version tag."""
        import yaml

        jobs = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))["jobs"]
        build = jobs["build"]["steps"]
        assert any(step.get("run") == "bash scripts/build_site.sh" and "SITE_URL" in step.get("env", {}) for step in build)
        zipping = next(step["run"] for step in build if "zip " in step.get("run", ""))
        assert "trusteeship-kit-site.zip trusteeship-kit-site" in zipping
        uploads = [step["with"]["path"] for step in build if step.get("uses", "").startswith("actions/upload-artifact")]
        assert uploads == ["trusteeship-kit-site.zip"]
        release = jobs["release"]
        assert release["if"] == "startsWith(github.ref, 'refs/tags/v')" and release["needs"] == "build"
        assert release["permissions"] == {"contents": "write"}
        assert any(
            "gh release upload" in step.get("run", "") and "trusteeship-kit-site.zip" in step["run"] for step in release["steps"]
        )
