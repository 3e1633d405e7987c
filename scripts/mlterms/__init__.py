"""ML Terms: turn a study-notes export into a glossary site.

Data flows one way: notes -> entries (parse) -> terms (curate) -> pages (render)
-> site (MkDocs) -> checks. Each stage is a module with a pure function at its
heart; file and process I/O stays at the edges (``source``, ``hooks``, ``build``).
"""
