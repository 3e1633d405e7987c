"""schema.org JSON-LD: a DefinedTerm in every term page's head, the DefinedTermSet on the A–Z index.

Stable ``@id``s make the term and its set nodes of their own, not blank nodes:
merged as RDF, every term is ``inDefinedTermSet`` the very node the A–Z index
types as the DefinedTermSet (overrides/main.html writes the JSON into the head).
"""

from __future__ import annotations

from mlterms.glossary.curate import Term
from mlterms.glossary.lifecycle import labelled_summary
from mlterms.glossary.slugs import term_url
from mlterms.outputs.urls import public_url
from mlterms.record import TermRecord

TERM_ID = "#term"  # a term page's URL + this: the DefinedTerm's @id (the page is not the term)
TERM_SET_ID = "terms/#glossary"  # the DefinedTermSet's @id, described on the A–Z index


def term_id(site_url: str, slug: str) -> str:
    """The stable @id of a term: linked-data tools join the pages' JSON-LD on it."""
    return public_url(site_url, term_url(slug)) + TERM_ID


def defined_term(term: Term, site_url: str) -> dict:
    """The DefinedTerm of a term: its names (aliases and other communities' names), its definition
    with its status, its page and its set."""
    data = {"@context": "https://schema.org", "@type": "DefinedTerm", "@id": term_id(site_url, term.slug),
            "name": term.title, "description": labelled_summary(term), "url": public_url(site_url, term_url(term.slug)),
            "inDefinedTermSet": {"@id": public_url(site_url, TERM_SET_ID)}, "termCode": term.slug}
    if names := [*term.aliases, *(o.name for o in term.other_names)]:
        data["alternateName"] = names
    return data


def defined_term_set(records: tuple[TermRecord, ...], site_url: str, site_name: str, with_terms: bool) -> dict:
    """The DefinedTermSet on /terms/; ``with_terms``: list every term (while they fit on one page)."""
    term_set = {"@context": "https://schema.org", "@type": "DefinedTermSet",
                "@id": public_url(site_url, TERM_SET_ID), "name": site_name,
                "description": f"A glossary of {len(records)} machine-learning and Azure ML terms.",
                "url": public_url(site_url, "terms/")}
    if with_terms:
        term_set["hasDefinedTerm"] = [{"@type": "DefinedTerm", "@id": term_id(site_url, r.slug), "name": r.title,
                                       "url": public_url(site_url, r.url)}
                                      for r in records]
    return term_set
