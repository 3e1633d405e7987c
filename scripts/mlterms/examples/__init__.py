"""The examples: runnable snippets and notebook walkthroughs, run in warm pools and cached by content."""
