"""Stage 1, the notes: read the notes file (lossless), parse it into entries, and the escaping and Markdown that keep every character of it literal."""
