"""Stage 4, the outputs: every page and file of the site, rendered from the term records (mlterms.record), and the MkDocs hook that serves them."""
