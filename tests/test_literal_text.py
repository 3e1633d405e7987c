"""Nothing injected: text that Markdown, HTML, Jinja or an extension would act on shows as written."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import article_text, run_build

HOSTILE = [
    "<script>alert('pwned')</script>",
    "{{ config.site_name }} and {% raw %}",
    '--8<-- "/etc/hostname"',
    "<!-- material/tags -->",
    "[TOC]",
    "{: .danger #boom }",
    "*not emphasis* and __not strong__",
    "`not code`",
    ":smile: :material-alert:",
    "| a | b |",
    "[a link](http://example.invalid) ![an image](x.png)",
    "&amp; stays &amp; and &lt;b&gt;",
    "<b>not bold</b>",
    "Footnote[^1] and *[HTML]: abbreviation",
    "!!! note \"not an admonition\"",
    "==mark== ^^ins^^ ~~del~~",
]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    lines = ["Hostile term", "A definition that carries text extensions would act on:"]
    lines += HOSTILE
    lines += ["", "# Heading lookalike", "Its definition line.", "", "Second term", "---",
              "Some text", "===", "--8<--", "/etc/hostname", "--8<--"]
    (root / "notes.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_build("--notes", str(root / "notes.txt"), "--site-dir", str(root / "site"))
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def _page(site: Path, slug: str) -> tuple[str, str]:
    html = (site / "terms" / slug / "index.html").read_text(encoding="utf-8")
    return html, article_text(html)


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_shows_as_written(hostile_site, text):
    _, shown = _page(hostile_site, "hostile-term")
    assert text in shown


def test_hostile_text_does_nothing(hostile_site):
    html, _ = _page(hostile_site, "hostile-term")
    article = html[html.index("<article"):html.index("</article>")]
    assert "<script>alert" not in article
    assert "<b>not bold</b>" not in article
    assert "<em>not emphasis</em>" not in article and "<strong>not strong</strong>" not in article
    assert 'class="danger"' not in article and 'id="boom"' not in article
    assert "<mark>" not in article and "<del>" not in article and "<abbr" not in article
    assert 'class="admonition' not in article and 'class="footnote' not in article
    # A bare URL becomes a link on purpose; Markdown's [text](url) and ![alt](src) syntax does not act.
    assert ">a link</a>" not in article and "<img" not in article
    assert 'class="toc"' not in article
    hostname = Path("/etc/hostname")
    if hostname.exists() and hostname.read_text().strip():
        assert hostname.read_text().strip() not in article.replace("/etc/hostname", "")


def test_markdown_lookalike_lines_are_text(hostile_site):
    _, shown = _page(hostile_site, "second-term")
    for text in ["---", "Some text", "===", "--8<--", "/etc/hostname"]:
        assert text in shown.split("\n")
    _, heading = _page(hostile_site, "heading-lookalike") if (hostile_site / "terms" / "heading-lookalike").exists() \
        else _page(hostile_site, "hostile-term")
    assert "# Heading lookalike" in heading


LITERALS = {
    "databricks-notebook": ["%<language>", "%python"],
    "classification-threshold": ["(P(y) > 0.5)", "(P(y) <= 0.5)"],
    "kmeans-inertia": ["KMeans.inertia_"],
    "predict-proba": ["[[0.81651727 0.18348273]", "[0.63865894 0.36134106]]"],
    "pandas-dataframe-to-dict": ["{column -> {index -> value}}", "[{column -> value}, … , {column -> value}]"],
    "minmaxscaler": ["#areaperimetercompactnesskernel_lengthkernel_widthasymmetry_coefficient"],
    "probability-distribution": ["x∈X"],
    "pytorch": ["*tensor*"],
    "private-link-service": ["Private\u202fLink\u202fService"],
}


@pytest.mark.parametrize("slug", sorted(LITERALS))
def test_characters_markdown_would_eat_show_exactly(built_site, slug):
    html = (built_site / "terms" / slug / "index.html").read_text(encoding="utf-8")
    shown = article_text(html)
    for text in LITERALS[slug]:
        assert " ".join(text.split()) in shown, text


def test_line_starting_with_hash_is_not_a_heading(built_site):
    html = (built_site / "terms" / "minmaxscaler" / "index.html").read_text(encoding="utf-8")
    assert "<h1" in html and "areaperimeter" not in html.split("<h1", 1)[1].split("</h1>", 1)[0]
    assert html.count("<h1") == 1


def test_titles_and_summaries_cannot_break_out_of_head_tags(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text('Evil term\nA "quoted" summary" onload="alert(1) <script>alert(2)</script> & more.\n'
                     "\nOther term\nMentions the evil term.\n", encoding="utf-8")
    (tmp_path / "curation.yml").write_text(
        'terms:\n  Evil term: {title: "</title><script>alert(3)</script> \\"Evil\\" & co"}\n', encoding="utf-8")
    result = run_build("--notes", str(notes), "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 0, result.stdout
    page = next((tmp_path / "site" / "terms").glob("title-script*/index.html"))
    head = page.read_text(encoding="utf-8").split("</head>")[0]
    assert "<script>alert" not in head and 'onload="alert' not in head
    assert "<title>&lt;/title&gt;&lt;script&gt;alert(3)&lt;/script&gt; &quot;Evil&quot; &amp; co - ML Terms</title>" in head
    assert ('<meta name="description" content="A &quot;quoted&quot; summary&quot; onload=&quot;alert(1) '
            '&lt;script&gt;alert(2)&lt;/script&gt; &amp; more.">') in head
