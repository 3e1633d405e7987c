"""Stage 2, the glossary: the inputs a build reads, and the curation, definitions and names crosswalk laid over the notes' entries to make terms, with their slugs, links and lifecycle."""
