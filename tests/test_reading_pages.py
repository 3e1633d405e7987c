"""Term pages, the home page and /print/ in a real browser, at desktop (1280×800) and phone (390×844)
sizes in both schemes: graph labels that wrap instead of being cut off, example code within the
column, plots without a white rectangle in dark mode, the home page's links and search hint, and the
printable glossary in at most 70 A4 pages with no heading left alone at a page's bottom."""

from __future__ import annotations

import pytest

from conftest import COMBOS

pytestmark = pytest.mark.browser

IDS = [f"{v}-{s}" for v, s in COMBOS]
MAX_PRINT_PAGES = 70




def test_graph_labels_wrap_and_keep_every_word(page, served_site):
    page.goto(served_site + "terms/smote/")
    labels = page.locator(".term-graph .tg-node text").evaluate_all(
        "ts => ts.map(t => [...t.querySelectorAll('tspan')].map(s => s.textContent))")
    assert labels and not any("…" in line for lines in labels for line in lines)
    own = page.locator(".term-graph .tg-self text").evaluate("t => [...t.querySelectorAll('tspan')].map(s => s.textContent)")
    assert "".join(own).replace(" ", "") == page.locator("h1").inner_text().rstrip("¶").replace(" ", "")
    for box in page.locator(".term-graph .tg-node").evaluate_all(
            "gs => gs.map(g => { const r = g.querySelector('rect').getBBox(), t = g.querySelector('text').getBBox();"
            " return [r.x, r.y, r.width, r.height, t.x, t.y, t.width, t.height]; })"):
        rx, ry, rw, rh, tx, ty, tw, th = box
        assert rx - 0.5 <= tx and tx + tw <= rx + rw + 0.5 and ry - 0.5 <= ty and ty + th <= ry + rh + 0.5, box


@pytest.mark.parametrize("view", COMBOS, indirect=True, ids=IDS)
def test_plots_have_no_background_of_their_own(view, served_site):
    page = view
    page.goto(served_site + "terms/k-means-clustering/")
    image = page.locator("img[src*='k_means_clustering']").first
    image.scroll_into_view_if_needed()
    page.wait_for_function("i => i.complete && i.naturalWidth > 0", arg=image.element_handle())
    corner_alpha = image.evaluate("""i => { const c = document.createElement('canvas');
      c.width = i.naturalWidth; c.height = i.naturalHeight; const g = c.getContext('2d'); g.drawImage(i, 0, 0);
      return g.getImageData(1, 1, 1, 1).data[3]; }""")
    assert corner_alpha == 0  # the page's own background shows through, light or dark
    page.screenshot(path=f"/tmp/study-shots/term-page-plot-{page.view}-{page.scheme}.png")


@pytest.mark.parametrize("view", COMBOS, indirect=True, ids=IDS)
def test_example_code_fits_the_column(view, served_site):
    """Snippets are formatted to 88 columns (tests/test_snippet_style.py); a longer line (the one-line
    docstring, any line on a phone) wraps instead of running off to the right."""
    page = view
    page.goto(served_site + "terms/smote/")
    block = page.locator(".md-typeset pre > code").first
    block.scroll_into_view_if_needed()
    page.screenshot(path=f"/tmp/study-shots/term-page-example-{page.view}-{page.scheme}.png")
    widths = page.locator(".md-typeset pre > code").evaluate_all("cs => cs.map(c => [c.scrollWidth, c.clientWidth])")
    assert widths and all(scroll <= client + 1 for scroll, client in widths), widths
    docstring = block.locator(".sd").first  # SMOTE's docstring is 112 characters: it wraps
    assert docstring.evaluate("s => s.getClientRects().length") >= 2  # one box per wrapped line
    if page.view == "desktop":  # 88 columns fit the column unwrapped
        room, needed = block.evaluate("""c => { const s = getComputedStyle(c), m = document.createElement('span');
          m.style.whiteSpace = 'pre'; m.textContent = 'x'.repeat(88); c.appendChild(m);
          const w = m.getBoundingClientRect().width; m.remove();
          return [c.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight), w]; }""")
        assert needed <= room, (needed, room)


@pytest.mark.parametrize("view", COMBOS, indirect=True, ids=IDS)
def test_the_home_page_links_to_study_and_the_map_with_a_search_hint_for_the_device(view, served_site):
    page = view
    page.goto(served_site)
    article = page.locator("article")
    assert article.get_by_role("link", name="Study", exact=True).get_attribute("href").endswith("study/")
    assert article.get_by_role("link", name="concept map").get_attribute("href").endswith("map/")
    keys, touch = article.locator(".hint-keys"), article.locator(".hint-touch")
    if page.view == "phone":
        assert touch.is_visible() and not keys.is_visible()
    else:
        assert keys.is_visible() and not touch.is_visible()


def test_the_printable_glossary_fits_in_70_a4_pages_with_no_heading_alone(browser, served_site, tmp_path):
    from pypdf import PdfReader
    page = browser.new_page()
    page.goto(served_site + "print/")
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 794, "height": 1123})
    page.screenshot(path="/tmp/study-shots/print-page.png")
    pdf = tmp_path / "glossary.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=False)
    styles = page.locator(".print-term h2").first.evaluate(
        "h => [getComputedStyle(h).breakAfter, getComputedStyle(h.closest('.print-term')).breakInside]")
    page.close()
    pages = PdfReader(str(pdf)).pages
    assert len(pages) <= MAX_PRINT_PAGES
    assert styles == ["avoid", "auto"]  # a long term may break, its heading never alone at the bottom
    # the last line of every page is never a term's heading (its definition on the next page)
    titles = set(page_titles(served_site, browser))
    last_lines = [[line.strip() for line in (p.extract_text() or "").splitlines() if line.strip()][-1:]
                  for p in pages]
    assert [lines for lines in last_lines[:-1] if lines and lines[0] in titles] == []


def page_titles(served_site, browser) -> list[str]:
    page = browser.new_page()
    page.goto(served_site + "print/")
    titles = page.locator(".print-term h2").evaluate_all("hs => hs.map(h => h.textContent.trim())")
    page.close()
    return titles
