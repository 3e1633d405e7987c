"""The study page in a real browser: flashcards (flip, grade, progress kept), a tag deck, the quiz,
the Anki deck downloaded from it, and no accessibility violation."""

from __future__ import annotations

import sqlite3
import zipfile

import pytest

from test_accessibility import AXE_JS, _need, axe_violations

pytestmark = pytest.mark.browser


def _open(page, served_site):
    page.goto(served_site + "study/")
    page.locator(".study-front").wait_for(timeout=15000)


def _stats(page) -> dict[str, int]:
    text = page.locator(".study-stats").inner_text()  # "Due now: 0 · new: 384 · learned: 0"
    return {part.split(":")[0].strip().lower(): int(part.split(":")[1]) for part in text.split("·")}


def test_flip_a_card_grade_it_and_find_the_progress_after_a_reload(page, served_site, site_terms):
    _open(page, served_site)
    assert _stats(page) == {"due now": 0, "new": 2 * len(site_terms), "learned": 0}  # both directions
    first = page.locator(".study-front").get_attribute("data-card")
    assert not page.locator(".study-back").is_visible()
    page.locator(".study-front").focus()
    page.keyboard.press("Space")
    assert page.locator(".study-back").is_visible() and not page.locator(".study-flip").is_visible()
    page.keyboard.press("3")  # good
    assert _stats(page)["learned"] == 1
    assert page.locator(".study-front").get_attribute("data-card") != first
    page.locator(".study-flip").click()
    page.locator(".study-grade[data-rating='1']").click()  # again: due again within minutes, not learned
    assert _stats(page)["new"] == 2 * len(site_terms) - 2
    page.reload()
    page.locator(".study-front").wait_for()
    assert _stats(page)["new"] == 2 * len(site_terms) - 2
    assert not page.console_errors


def test_a_tag_deck_holds_only_that_tags_terms(page, served_site, site_terms):
    _open(page, served_site)
    page.locator("#study-tag-clustering").check()
    clustering = [t for t in site_terms if "clustering" in t["tags"]]
    assert _stats(page)["new"] == 2 * len(clustering)
    slug = page.locator(".study-front").get_attribute("data-card").split("|")[0]
    assert slug in {t["slug"] for t in clustering}


def test_the_quiz_says_right_and_wrong_and_scores_by_tag(page, served_site, site_terms):
    _open(page, served_site)
    by_summary = {t["summary"]: t for t in site_terms}
    page.locator(".study-start").click()
    expected: dict[str, list[int]] = {}  # tag -> [right, asked], as the score must count them
    for n in range(10):
        term = by_summary[page.locator(".study-quiz .study-definition").inner_text()]
        for tag in term["tags"]:
            counts = expected.setdefault(tag, [0, 0])
            counts[0] += n % 2 == 0
            counts[1] += 1
        answer = term["title"]
        # By slug, not by text: one title can be part of another ("Clustering", "K-means clustering").
        right = f".study-option[data-slug='{term['slug']}']"
        pick = page.locator(right) if n % 2 == 0 else page.locator(f".study-option:not([data-slug='{term['slug']}'])")
        pick.first.click()
        feedback = page.locator(".study-feedback")
        assert ("study-right" if n % 2 == 0 else "study-wrong") in feedback.get_attribute("class")
        assert feedback.locator("a").inner_text() == answer  # and it links to the term
        page.locator(".study-next").click()
    assert "Your score by tag" in page.locator(".study-quiz").inner_text()
    scores = page.locator(".study-quiz li").all_inner_texts()
    assert scores == [f"{tag}: {right} of {asked}" for tag, (right, asked) in sorted(expected.items())]
    assert sum(right for right, _ in expected.values()) > 0


def test_the_anki_deck_downloads_from_the_study_page(page, served_site, tmp_path, site_terms):
    _open(page, served_site)
    with page.expect_download() as download:
        page.locator("a[download][href$='ml-terms.apkg']").first.click()
    path = tmp_path / "deck.apkg"
    download.value.save_as(path)
    with zipfile.ZipFile(path) as archive:
        (tmp_path / "c.anki2").write_bytes(archive.read("collection.anki2"))
    with sqlite3.connect(tmp_path / "c.anki2") as db:
        from mlterms.outputs.deck import term_model  # one term note per term (the cloze notes beside them)
        count = db.execute("select count(*) from notes where mid = ?", (term_model().model_id,)).fetchone()[0]
        assert count == len(site_terms)


@pytest.fixture(scope="module")
def axe() -> str:
    _need(AXE_JS, "axe-core")
    return str(AXE_JS)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_on_the_study_and_print_pages(page, served_site, axe, scheme):
    page.emulate_media(color_scheme=scheme)
    _open(page, served_site)
    page.locator(".study-front").focus()
    page.keyboard.press("Space")
    assert axe_violations(page, axe) == []
    page.goto(served_site + "print/")
    assert axe_violations(page, axe) == []
