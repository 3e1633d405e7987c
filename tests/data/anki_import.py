"""Run by tests/test_deck.py with the official `anki` package (in its own venv): import .apkg files
into a fresh collection, one after the other, and print what Anki holds as JSON.

Usage: anki_import.py COLLECTION SEARCH_WORDS_JSON APKG [APKG ...]
"""

import json
import sys

from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest


def main() -> None:
    collection, searches, packages = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3:]
    col = Collection(collection)
    try:
        for package in packages:
            col.import_anki_package(ImportAnkiPackageRequest(
                package_path=package,
                options=ImportAnkiPackageOptions(update_notes=1, update_notetypes=1, with_scheduling=False)))
        notes = []
        for nid in col.find_notes(""):
            note = col.get_note(nid)
            notes.append({"guid": note.guid, "notetype": note.note_type()["name"],
                          "kind": note.note_type()["type"], "fields": dict(note.items()),
                          "cards": [{"template": card.template()["name"], "question": card.question(),
                                     "answer": card.answer()} for card in note.cards()]})
        found = {word: len(col.find_notes(word)) for word in searches}
        print(json.dumps({"notes": notes, "search": found, "card_count": col.card_count()}))
    finally:
        col.close()


if __name__ == "__main__":
    main()
