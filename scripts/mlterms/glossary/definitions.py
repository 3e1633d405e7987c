"""The editor's layer: one-line definitions, editor's notes, learn-more links and compare groups.

``notes/definitions.yml`` says what the notes cannot say about a term's
meaning: the line a reader sees first (``summary``), where the notes mislead
(``note`` with its ``note_source``), where to read the authoritative page
(``learn_more``, ``api``) and which terms people confuse (``compare``). It is
keyed by slug, loaded with line numbers like the curation file, and every
fault is reported as ``file:line`` with a fix. The notes stay verbatim.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urlsplit

from mlterms.errors import CurationError, Problem
from mlterms.glossary import dated
from mlterms.glossary.curation_file import line_of, read_lined_yaml, unknown_keys
from mlterms.glossary.lifecycle import STATUSES

# Where a learn-more link, an editor's note's source or a compare line's source may point: the
# libraries' and services' own documentation, plus Google's ML glossary and Wikipedia for concepts.
OFFICIAL_SITES = {
    "scikit-learn.org": "scikit-learn", "pandas.pydata.org": "pandas", "numpy.org": "NumPy",
    "docs.scipy.org": "SciPy", "matplotlib.org": "Matplotlib", "docs.pytorch.org": "PyTorch",
    "pytorch.org": "PyTorch", "www.tensorflow.org": "TensorFlow", "mlflow.org": "MLflow",
    "spark.apache.org": "Apache Spark", "learn.microsoft.com": "Microsoft Learn",
    "docs.databricks.com": "Databricks", "fairlearn.org": "Fairlearn", "shap.readthedocs.io": "SHAP",
    "hyperopt.github.io": "Hyperopt", "imbalanced-learn.org": "imbalanced-learn", "docs.python.org": "Python",
    "jupyter.org": "Jupyter", "docs.jupyter.org": "Jupyter", "developers.google.com": "Google for Developers",
    "en.wikipedia.org": "Wikipedia", "docs.opendp.org": "OpenDP",
    "docs.microsoft.com": "Microsoft Docs", "search.r-project.org": "R documentation",
    "pypi.org": "PyPI (a project's own package page)", "quantum.cloud.ibm.com": "IBM Quantum (Qiskit)",  # Microsoft Learn's address until 2022: cited for what it said then
    # The docs of the other ecosystems whose names readers bring (crosswalk sources): each product's own site.
    "docs.aws.amazon.com": "AWS", "cloud.google.com": "Google Cloud", "airflow.apache.org": "Apache Airflow",
    "cran.r-project.org": "CRAN", "topepo.github.io": "caret", "www.tidymodels.org": "tidymodels",
    "mlr3book.mlr-org.com": "mlr3", "keras.io": "Keras", "xgboost.readthedocs.io": "XGBoost",
    "lightgbm.readthedocs.io": "LightGBM", "www.mathworks.com": "MATLAB", "weka.sourceforge.io": "Weka",
    "en.wiktionary.org": "Wiktionary",  # a dictionary's senses and quotations: for a name readers use, not a definition
    "documentation.sas.com": "SAS", "www.stata.com": "Stata", "www.ibm.com": "IBM (SPSS Statistics)",
    "www.kubeflow.org": "Kubeflow", "optuna.readthedocs.io": "Optuna", "huggingface.co": "Hugging Face",
}

# The libraries' own source repositories on GitHub: where an error or warning message is written (a crosswalk
# message's source may be a file in one of these; nothing else may cite them).
OFFICIAL_REPOS = {
    "scikit-learn/scikit-learn": "scikit-learn", "pandas-dev/pandas": "pandas", "numpy/numpy": "NumPy",
    "scipy/scipy": "SciPy", "matplotlib/matplotlib": "Matplotlib", "pytorch/pytorch": "PyTorch",
    "mlflow/mlflow": "MLflow", "hyperopt/hyperopt": "Hyperopt", "apache/spark": "Apache Spark",
    "Azure/azure-sdk-for-python": "Azure SDK for Python", "Azure/azure-cli": "Azure CLI",
    "Azure/MachineLearningNotebooks": "Azure Machine Learning", "fairlearn/fairlearn": "Fairlearn",
    "shap/shap": "SHAP", "scikit-learn-contrib/imbalanced-learn": "imbalanced-learn", "horovod/horovod": "Horovod",
    "databricks/cli": "Databricks CLI", "databricks/databricks-cli": "Databricks CLI",
    "databricks/databricks-sdk-py": "Databricks SDK", "keras-team/keras": "Keras",
    "tensorflow/tensorflow": "TensorFlow", "opendp/smartnoise-sdk": "SmartNoise", "opendp/opendp": "OpenDP",
    "interpretml/interpret-community": "Interpret-Community", "uber/petastorm": "Petastorm",
    "python/cpython": "Python",
}


def repository_source(url: str) -> bool:
    """Whether ``url`` is a file or folder in one of OFFICIAL_REPOS (https://github.com/<owner>/<repo>/...)."""
    parts = urlsplit(url)
    owner_repo = "/".join(parts.path.strip("/").split("/")[:2])
    return parts.scheme == "https" and parts.hostname == "github.com" and owner_repo in OFFICIAL_REPOS


# API reference pages, by top-level package: the dotted path of the object is the page name
# (checked on real pages of each site; tests import every ``api`` path from the installed library).
API_PAGES = {
    "sklearn": "https://scikit-learn.org/stable/modules/generated/{path}.html",
    "pandas": "https://pandas.pydata.org/docs/reference/api/{path}.html",
    "numpy": "https://numpy.org/doc/stable/reference/generated/{path}.html",
    "scipy": "https://docs.scipy.org/doc/scipy/reference/generated/{path}.html",
    "torch": "https://docs.pytorch.org/docs/stable/generated/{path}.html",
    "imblearn": "https://imbalanced-learn.org/stable/references/generated/{path}.html",
}

TERM_KEYS = {"summary": str, "note": str, "note_source": str, "learn_more": list, "api": str, "pinned_reason": str,
             "events_checked": str}
# The lifecycle keys (README "Lifecycle"): text values, checked together by _check_lifecycle.
LIFECYCLE_KEYS = {"status", "since", "replaced_by", "replaced_by_url", "status_source", "status_note"}
TOP_LEVEL = {"terms", "compare"}


@dataclass(frozen=True)
class Link:
    """An external page a term points to, with the label it is shown by."""

    url: str
    label: str


@dataclass
class TermText:
    """The editor's text for one term."""

    slug: str
    line: int
    summary: str = ""
    summary_line: int = 0
    note: str = ""
    note_source: str = ""
    note_line: int = 0
    api: str = ""
    learn_more: list[str] = field(default_factory=list)
    pinned_reason: str = ""
    status: str = "current"
    since: str = ""
    replaced_by: str = ""
    replaced_by_url: str = ""
    status_source: str = ""
    status_note: str = ""
    events_checked: str = ""  # the day the editor last read the official page on its dated events


@dataclass
class CompareGroup:
    """Terms people confuse, and the one line that tells them apart."""

    slugs: list[str]
    difference: str
    source: str
    line: int


@dataclass
class Definitions:
    path: str
    terms: dict[str, TermText] = field(default_factory=dict)
    compare: list[CompareGroup] = field(default_factory=list)


def none(path: str = "(no definitions file)") -> Definitions:
    """For a notes file without a definitions file: every summary is the notes' own first sentence."""
    return Definitions(path)


def api_url(path: str) -> str | None:
    """The reference page of a dotted API path (``sklearn.cluster.KMeans``), if its library is known."""
    pattern = API_PAGES.get(path.split(".", 1)[0])
    return pattern.format(path=path) if pattern else None


def url_problem(url: str) -> str | None:
    """Why ``url`` may not be used as a source or learn-more link (None: it may)."""
    parts = urlsplit(url)
    if parts.scheme != "https":
        return f"{url!r} is not an https URL"
    if parts.hostname not in OFFICIAL_SITES:
        return f"{url!r} is not on the list of official documentation sites"
    return None


def link_label(url: str) -> str:
    """"scikit-learn: sklearn.cluster.KMeans", "Microsoft Learn: concept compute target"..."""
    parts = urlsplit(url)
    site = OFFICIAL_SITES.get(parts.hostname or "", parts.hostname or url)
    page = parts.fragment or next((p for p in reversed(parts.path.split("/")) if p and p != "index.html"), "")
    for suffix in (".html", ".htm", ".md"):
        page = page.removesuffix(suffix)
    if parts.hostname in ("en.wikipedia.org", "en.wiktionary.org") or "." not in page:
        page = page.replace("_", " ").replace("-", " ")
    return f"{site}: {page}" if page else site


def load_definitions(path: Path) -> Definitions:
    """Read and check the definitions file; raise :class:`CurationError` listing every fault."""
    return check_definitions(read_lined_yaml(path, "definitions"), str(path))


def check_definitions(data: Any, where: str) -> Definitions:
    """Shape-check the loaded YAML: keys, types, https URLs on official sites, sources for notes."""
    problems: list[Problem] = []

    def fail(line: int | None, message: str, hint: str) -> None:
        problems.append(Problem(where, line, message, hint, group="curation"))

    unknown_keys(data, TOP_LEVEL, fail)
    result = Definitions(where)
    terms = data.get("terms") or {}
    for slug, values in (terms.items() if isinstance(terms, dict) else []):
        line = line_of(terms, slug) or 0
        if not isinstance(values, dict):
            fail(line, f"the entry of {slug!r} must be a mapping", "write summary: ..., learn_more: [...]")
            continue
        result.terms[str(slug)] = _check_term(str(slug), line, values, fail)
    compare = data.get("compare") or []
    for i, group in enumerate(compare if isinstance(compare, list) else []):
        line = line_of(compare, i) or 0
        checked = _check_group(group, line, fail)
        if checked:
            result.compare.append(checked)
    if problems:
        raise CurationError(problems)
    return result


def _check_term(slug: str, line: int, values: dict, fail) -> TermText:
    text = TermText(slug, line)
    for name, value in values.items():
        at = line_of(values, name) or line
        if name in ("since", "events_checked") and isinstance(value, date):  # YAML reads an unquoted 2025-03-31 as a date
            value = value.isoformat()
        expected = str if name in LIFECYCLE_KEYS else TERM_KEYS.get(name)
        if expected is None:
            fail(at, f"unknown setting {name!r} for {slug!r}", f"use one of {sorted(TERM_KEYS.keys() | LIFECYCLE_KEYS)}")
        elif not isinstance(value, expected) or (expected is list and not all(isinstance(v, str) for v in value)):
            fail(at, f"{name!r} of {slug!r} must be {'a list of URLs' if expected is list else 'text'}",
                 "see the comment at the top of the file")
        elif name == "learn_more":
            for i, url in enumerate(value):
                if problem := url_problem(url):
                    fail(line_of(value, i) or at, f"learn_more of {slug!r}: {problem}",
                         f"link the official documentation ({', '.join(sorted(OFFICIAL_SITES))})")
            text.learn_more = list(value)
        elif name == "api" and api_url(value) is None:
            fail(at, f"api of {slug!r} is {value!r}, a library with no known reference pages",
                 f"give a dotted path in one of {sorted(API_PAGES)}, or use learn_more")
        elif name == "note_source" and (problem := url_problem(value)):
            fail(at, f"note_source of {slug!r}: {problem}", "cite the official documentation")
        else:
            for problem in dated.token_problems(value) if name in ("summary", "note", "status_note") else []:
                fail(at, f"{name} of {slug!r}: {problem}", "write an event date as {ends: YYYY-MM-DD} (README: Dates)")
            setattr(text, name, value.strip())
            if name == "summary":
                text.summary_line = at
            if name == "note":
                text.note_line = at
    if text.events_checked and _checked_day(text.events_checked) is None:
        fail(line_of(values, "events_checked") or line, f"events_checked of {slug!r} is {text.events_checked!r}, "
             "not a day from the past", "write the day you read the official page on its dated events, "
             "YYYY-MM-DD, today or earlier (README: Dates)")
    if text.note and not text.note_source:
        fail(text.note_line, f"the editor's note of {slug!r} has no note_source",
             "add note_source: <https URL of the page that says what is accurate>")
    _check_lifecycle(slug, line, values, text, fail)
    return text


def _checked_day(value: str) -> date | None:
    """The day an ``events_checked`` value names, or None unless it is a whole date no later than the build date."""
    parsed = dated.parse_iso(value)
    if parsed is None or not parsed[2] or date(*parsed) > dated.build_date():
        return None
    return date(*parsed)


def events_checked(data: Any, slug: str) -> date | None:
    """The day the editor last checked this term's dated events (``events_checked``) in a loaded file."""
    terms = data.get("terms") if isinstance(data, dict) else None
    values = terms.get(slug) if isinstance(terms, dict) else None
    value = values.get("events_checked") if isinstance(values, dict) else None
    if isinstance(value, date):
        value = value.isoformat()
    return _checked_day(value) if isinstance(value, str) else None


def _check_lifecycle(slug: str, line: int, values: dict, text: TermText, fail) -> None:
    """status in the list, since a real date, a source on the allow-list for every non-current status."""
    def at(name: str) -> int:
        return line_of(values, name) or line
    if text.status not in STATUSES:
        fail(at("status"), f"status of {slug!r} is {text.status!r}", f"use one of {', '.join(STATUSES)}")
    if text.since and dated.parse_iso(text.since) is None:
        fail(at("since"), f"since of {slug!r} is {text.since!r}, not a date",
             "write the date the status began as YYYY-MM-DD (or YYYY-MM), or leave since out")
    for name in ("status_source", "replaced_by_url"):
        if getattr(text, name) and (problem := url_problem(getattr(text, name))):
            fail(at(name), f"{name} of {slug!r}: {problem}", "cite the official page that says so")
    if text.status == "current":
        extra = sorted(k for k in LIFECYCLE_KEYS - {"status"} if values.get(k))
        if extra:
            fail(at(extra[0]), f"{slug!r} is current but has {', '.join(extra)}",
                 "add status: deprecated|retired|legacy|renamed, or remove these keys")
    elif not text.status_source:
        fail(at("status"), f"{slug!r} is {text.status} but gives no status_source",
             "add status_source: <https URL of the official page that says so>")


def _check_group(group: Any, line: int, fail) -> CompareGroup | None:
    if not isinstance(group, dict) or not isinstance(group.get("terms"), list) \
            or not isinstance(group.get("difference"), str) or len(group["terms"]) < 2:
        fail(line, "a compare group is {terms: [slug, slug, ...], difference: '...', source: URL}",
             "list two or more slugs and one line that says how they differ")
        return None
    slugs = [str(s) for s in group["terms"]]
    twice = sorted({s for s in slugs if slugs.count(s) > 1})
    if twice:  # a page would compare a term with itself: a line with no name before "They differ..."
        fail(line, f"a compare group names {', '.join(repr(s) for s in twice)} more than once",
             "list each term once: a compare group needs two or more different slugs")
        return None
    extra = set(group) - {"terms", "difference", "source"}
    if extra:
        fail(line, f"unknown setting(s) {sorted(extra)} in a compare group", "use terms, difference, source")
    for problem in dated.token_problems(group["difference"]):
        fail(line, f"compare difference: {problem}", "write an event date as {ends: YYYY-MM-DD} (README: Dates)")
    source = group.get("source", "")
    if source and (problem := url_problem(source)):
        fail(line, f"compare source: {problem}", "cite the official documentation")
    return CompareGroup(slugs, group["difference"].strip(), source, line)


def apply_definitions(glossary, definitions: Definitions, today: date | None = None) -> None:
    """Give each term its editor's text; raise :class:`CurationError` for slugs the glossary lacks.

    A term without a curated ``summary`` keeps the notes' first sentence
    (``summary_origin`` "notes"); the summary lint then judges both kinds alike. Event dates in
    the text (``{ends: 2026-06-30}``) are written in the tense ``today`` (the build date) gives.
    """
    problems: list[Problem] = []
    terms = glossary.by_slug
    try:
        today = today or dated.build_date()
    except ValueError as exc:
        raise CurationError(Problem("environment", None, str(exc), "set it to YYYY-MM-DD, or unset it",
                                    group="curation")) from None
    for slug, text in definitions.terms.items():
        term = terms.get(slug)
        if term is None:
            problems.append(Problem(definitions.path, text.line, f"no term has the slug {slug!r}",
                                    "use a slug from site/terms.json, or remove the entry", group="curation"))
            continue
        if text.summary:
            term.summary = dated.render(text.summary, today)
            term.summary_origin = "curated"
            term.summary_where = (definitions.path, text.summary_line)
        term.note, term.note_source = dated.render(text.note, today), text.note_source
        links = ([Link(url, f"API reference: {text.api}")] if (url := api_url(text.api or "")) else [])
        links += [Link(u, link_label(u)) for u in text.learn_more if u not in {x.url for x in links}]
        term.learn_more = links
        if problem := _apply_lifecycle(term, text, terms, today):
            problems.append(Problem(definitions.path, text.line, problem,
                                    "give replaced_by the slug of one of our terms, or a product name with "
                                    "replaced_by_url: <its official page>", group="curation"))
        term.code = [text.api] if text.api else []  # record adds the snippets' identifiers (code_index)
    for group in definitions.compare:
        unknown = [s for s in group.slugs if s not in terms]
        if unknown:
            problems.append(Problem(definitions.path, group.line, f"a compare group names unknown slug(s) {unknown}",
                                    "use slugs from site/terms.json", group="curation"))
            continue
        difference = dated.render(group.difference, today)
        glossary.compare_sources[difference] = group.source
        for slug in group.slugs:
            terms[slug].compare.append(([s for s in group.slugs if s != slug], difference))
    if problems:
        raise CurationError(problems)


def _apply_lifecycle(term, text: TermText, terms: dict, today: date) -> str | None:
    """Copy the lifecycle onto the term; why ``replaced_by`` cannot be resolved (None: it can)."""
    term.status, term.status_since, term.status_source = text.status, text.since, text.status_source
    term.replaced_by, term.replaced_by_url = text.replaced_by, text.replaced_by_url
    term.status_note = dated.render(text.status_note, today)
    replacement = terms.get(text.replaced_by)
    term.replaced_by_name = replacement.title if replacement is not None else ""
    if text.replaced_by and replacement is None and not text.replaced_by_url:
        return f"replaced_by of {text.slug!r} is {text.replaced_by!r}: no term has that slug, and no replaced_by_url"
    return None


def texts_with_lines(data: Any) -> Iterator[tuple[int, str, str, str]]:
    """(line, slug or "compare", key, value) for every text value of a loaded definitions file.

    What the file-wide checks walk (the URL lint, the report of dated statements), so each can
    point at the line to fix.
    """
    terms = data.get("terms") if isinstance(data, dict) else None
    for slug, values in (terms.items() if isinstance(terms, dict) else []):
        for key, value in (values.items() if isinstance(values, dict) else []):
            items = enumerate(value) if isinstance(value, list) else [(None, value)]
            for i, item in items:
                if isinstance(item, str):
                    at = line_of(value, i) if i is not None else line_of(values, key)
                    yield at or line_of(terms, slug) or 0, str(slug), key, item
    compare = data.get("compare") if isinstance(data, dict) else None
    for i, group in enumerate(compare if isinstance(compare, list) else []):
        for key in ("difference", "source"):
            if isinstance(group, dict) and isinstance(group.get(key), str):
                yield line_of(compare, i) or 0, "compare", key, group[key]
