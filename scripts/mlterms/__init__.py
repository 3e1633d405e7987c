"""ML Terms: turn a study-notes export into a glossary site.

Data flows one way, one sub-package per stage: ``notes`` (lines -> entries)
-> ``glossary`` (entries -> terms) -> ``history`` and ``examples`` -> ``record``
(one TermRecord per term) -> ``outputs`` (pages and files, served by the
MkDocs hook) -> ``checks``. README "How the code is laid out" has the map;
tests/test_structure.py holds the stages to that order. File and process I/O
stays at the edges (``notes.source``, ``outputs.hooks``, ``scripts/build.py``).
"""
