"""Connections on the term pages: "Mentioned in" with the sentence and a link to the exact spot,
and the neighbourhood graph (every node a link with a name, a list for screen readers, readable
in both colour schemes and on a phone)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from mlterms.examples.snippets import png_size
from mlterms.glossary.autolink import Mention
from mlterms.outputs.term_page import excerpt
from mlterms.outputs.term_graph import MAX_NODES, neighbourhood


# --- the pieces, on their own -----------------------------------------------------------------

def test_excerpt_keeps_the_sentence_of_the_mention_and_cuts_long_sides():
    line = "First sentence here. The model is overfitting the data badly. Last one."
    start = line.index("overfitting")
    assert excerpt(Mention(line, start, start + 11)) == ("The model is ", "overfitting", " the data badly.")
    words = " ".join(f"w{i}" for i in range(40))
    line = f"{words} hit {words}"
    start = line.index("hit")
    before, hit, after = excerpt(Mention(line, start, start + 3), words=5)
    assert hit == "hit"
    assert before == "…w35 w36 w37 w38 w39 " and after == " w0 w1 w2 w3 w4 …"  # five words a side


def test_the_neighbourhood_is_capped_and_puts_links_before_tag_mates():
    out = [f"o{i}" for i in range(9)]
    into = [f"i{i}" for i in range(9)] + ["o1"]
    tags = [f"t{i}" for i in range(20)] + ["o2"]
    hood = neighbourhood("me", out, into, tags)
    assert hood.size == MAX_NODES
    assert hood.mentions == out[:5] and hood.mentioned_by == into[:5]
    assert hood.mutual == {"o1"}
    assert hood.shares_tags == tags[:MAX_NODES - 11]
    assert neighbourhood("me", [], [], []).size == 1


def test_a_breadcrumb_naming_a_term_twice_gives_its_mention_id_once():
    from mlterms.glossary.curate import ContextLine
    from mlterms.outputs.term_page import _context
    crumb = ContextLine("A - A - B", None, [("A", "a"), ("A", "a"), ("B", "b")], "-")
    out = _context(crumb, anchors={"a"})
    assert out.count("{ #mention-a }") == 1 and "mention-b" not in out  # b: linked first in the prose


# --- the built pages --------------------------------------------------------------------------

class _Elements(HTMLParser):
    """Every element's tag, attributes and text (text of <a> and <mark> kept whole)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[dict] = []
        self._open: list[dict] = []

    def handle_starttag(self, tag, attrs):
        element = {"tag": tag, "attrs": dict(attrs), "text": "", "parents": [e["tag"] for e in self._open],
                   "within": list(self._open)}
        self.found.append(element)
        if tag not in ("br", "img", "input", "meta", "link", "hr", "path", "rect"):
            self._open.append(element)

    def handle_endtag(self, tag):
        for i in range(len(self._open) - 1, -1, -1):
            if self._open[i]["tag"] == tag:
                del self._open[i:]
                break

    def handle_data(self, data):
        for element in self._open:
            element["text"] += data


def _elements(path: Path) -> list[dict]:
    parser = _Elements()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.found


def _term_pages(built_site: Path, site_terms) -> dict[str, list[dict]]:
    return {t["slug"]: _elements(built_site / t["url"] / "index.html") for t in site_terms}


@pytest.fixture(scope="module")
def term_elements(built_site, site_terms):
    return _term_pages(built_site, site_terms)


_MENTION_HREF = re.compile(r"^\.\./([a-z0-9-]+)/#mention-([a-z0-9-]+)$")


def test_mentioned_in_quotes_the_sentence_and_links_to_the_mention_itself(term_elements, site_terms):
    by_slug = {t["slug"]: t for t in site_terms}
    checked = 0
    for slug, elements in term_elements.items():
        for el in elements:
            if el["tag"] != "a" or "mark" not in el["parents"]:
                continue
            m = _MENTION_HREF.match(el["attrs"].get("href", ""))
            assert m, f"{slug}: a highlighted mention links to {el['attrs'].get('href')}"
            source, target = m.groups()
            assert target == slug
            spot = [e for e in term_elements[source] if e["attrs"].get("id") == f"mention-{slug}"]
            assert len(spot) == 1, f"{source} has {len(spot)} elements with id mention-{slug}"
            assert spot[0]["tag"] == "a" and spot[0]["attrs"]["href"] == f"../{slug}/"
            assert spot[0]["text"] == el["text"], (source, slug)  # the same words, highlighted here
            context = next(e for e in el["within"] if e["attrs"].get("class") == "mention-context")
            source_text = " ".join(" ".join(e["text"] for e in term_elements[source]
                                            if e["tag"] in ("p", "li")).split())
            for part in " ".join(context["text"].split()).split("…"):
                assert part.strip() in source_text, (source, slug, part)
            assert source in by_slug
            checked += 1
    assert checked > 100  # our notes: hundreds of mentions


def test_mentions_from_the_terms_own_tags_come_first(term_elements, site_terms):
    tags = {t["slug"]: set(t["tags"]) for t in site_terms}
    ordered = 0
    for slug, elements in term_elements.items():
        sources = [_MENTION_HREF.match(e["attrs"]["href"]).group(1) for e in elements
                   if e["tag"] == "a" and "mark" in e["parents"]]
        shares = [bool(tags[slug] & tags[s]) for s in sources]
        assert shares == sorted(shares, reverse=True), slug
        ordered += len(set(shares)) == 2
    assert ordered >= 5


def test_every_graph_node_is_a_named_link_to_a_term_and_the_list_says_the_same(term_elements, site_terms,
                                                                               built_site):
    titles = {t["slug"]: t["title"] for t in site_terms}
    graphs = 0
    for slug, elements in term_elements.items():
        nodes = [e for e in elements if "tg-node" in e["attrs"].get("class", "").split()]
        if not nodes:
            continue
        graphs += 1
        links = [e for e in nodes if e["tag"] == "a"]
        assert len(nodes) <= MAX_NODES and len(links) == len(nodes) - 1, slug  # all but the term itself
        hrefs = []
        for node in links:
            target = re.fullmatch(r"\.\./([a-z0-9-]+)/", node["attrs"]["xlink:href"]).group(1)
            assert (built_site / "terms" / target / "index.html").is_file()
            assert node["attrs"]["aria-label"].startswith(titles[target] + " ("), node
            hrefs.append(node["attrs"]["xlink:href"])
        listed = [e["attrs"]["href"] for e in elements if e["tag"] == "a" and "details" in e["parents"]
                  and "figcaption" in e["parents"]]
        assert sorted(listed) == sorted(hrefs), slug
    assert graphs >= 0.9 * len(site_terms)


def _contrast(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    def lum(rgb):
        c = [v / 255 for v in rgb[:3]]
        c = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in c]
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]
    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


_COLOURS = """() => {
  const rgb = s => s.match(/[\\d.]+/g).map(Number);
  const pick = sel => { const t = document.querySelector(sel + ' text'), r = document.querySelector(sel + ' rect');
                        return [rgb(getComputedStyle(t).fill), rgb(getComputedStyle(r).fill)]; };
  const svg = document.querySelector('.tg-svg').getBoundingClientRect();
  return {link: pick('a.tg-node'), self: pick('.tg-self'), page: rgb(getComputedStyle(document.body).backgroundColor),
          scale: svg.width / document.querySelector('.tg-svg').viewBox.baseVal.width, right: svg.right,
          width: document.documentElement.clientWidth};
}"""


@pytest.mark.browser
@pytest.mark.parametrize("scheme, width", [("light", 1280), ("dark", 1280), ("light", 390), ("dark", 390)])
def test_the_graph_reads_in_both_schemes_and_on_a_phone(page, served_site, scheme, width):
    page.emulate_media(color_scheme=scheme)
    page.set_viewport_size({"width": width, "height": 844})
    page.goto(served_site + "terms/overfitting/")
    found = page.evaluate(_COLOURS)
    for text, fill in (found["link"], found["self"]):
        background = fill if fill[3:] != [0] else found["page"]
        assert _contrast(text, background) >= 4.5, (scheme, text, background)
    assert found["right"] <= found["width"]  # no sideways scrolling on a phone
    assert 13 * found["scale"] >= 11  # the labels' font size in CSS pixels
    # Material's instant navigation fetches and swaps the page: on a loaded machine (two workers, a browser
    # each) that once took over the default 30 s, so the wait allows 60 s.
    page.locator("a.tg-node").first.click()
    page.wait_for_url(re.compile(r"/terms/(?!overfitting/)[a-z0-9-]+/$"), timeout=60_000)
    assert not page.console_errors


@pytest.mark.browser
def test_a_plot_keeps_its_room_before_it_arrives(page, served_site, built_site):
    """A lazy plot that has not arrived yet already takes its height, so the graph below it does not move
    under the reader's finger when it does (on a loaded CI machine, a tap meant for the graph once landed
    on the Example heading's link)."""
    html = (built_site / "terms" / "overfitting" / "index.html").read_text(encoding="utf-8")
    src = re.search(r'<img alt="Plot drawn by[^>]* src="\.\./\.\./([^"]+\.png)"', html).group(1)
    width, height = png_size(built_site / src)
    page.route("**/snippets/_outputs/**/*.png", lambda route: None)  # never answered: the plot is on its way
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(served_site + "terms/overfitting/")
    plot = page.locator("img[alt^='Plot drawn by']").first
    plot.scroll_into_view_if_needed()
    box = plot.bounding_box()
    assert box["width"] > 100 and abs(box["height"] - box["width"] * height / width) < 2, (box, width, height)


@pytest.mark.browser
def test_a_highlighted_mention_opens_the_other_page_at_the_mention_in_view(page, served_site):
    page.goto(served_site + "terms/overfitting/")
    mention = page.locator(".mention-context mark a").first
    words = mention.inner_text()
    source = re.search(r"([a-z0-9-]+)/#mention-overfitting$", mention.get_attribute("href")).group(1)
    # Scroll first and pause as a reader would: Material saves the scroll offset into the history
    # state 100 ms after scrolling stops, and an offset saved after the click (on the new page's
    # entry) makes it restore that offset instead of going to the hash.
    mention.scroll_into_view_if_needed()
    page.wait_for_timeout(400)
    mention.click()
    # (not wait_for_url: Material's navigation.tracking soon replaces the hash with the section's)
    page.wait_for_function(f"() => location.pathname.endsWith('/terms/{source}/')")
    spot = page.locator("#mention-overfitting")
    spot.wait_for()
    assert spot.inner_text() == words
    # instant navigation swaps the page in, then scrolls to the hash: wait for the scroll to settle
    page.wait_for_function("""() => { const r = document.getElementById('mention-overfitting').getBoundingClientRect();
                                      return r.top >= 0 && r.bottom <= innerHeight; }""", timeout=5000)
    header = page.locator("header.md-header").bounding_box()
    box = spot.bounding_box()
    assert header["y"] + header["height"] <= box["y"] <= page.viewport_size["height"] - box["height"], (header, box)
    assert page.evaluate("() => getComputedStyle(document.querySelector(':target')).backgroundColor") \
        not in ("rgba(0, 0, 0, 0)", "transparent")
    assert not page.console_errors
