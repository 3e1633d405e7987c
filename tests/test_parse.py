"""The parser, one structure of the notes format at a time, on small inline examples."""

from __future__ import annotations

from mlterms.notes.parse import EntryStart, ParseRules, parse


def titles(notes):
    return [(e.title, e.title_lines, [ln.stripped for ln in e.definition]) for e in notes.entries]


def test_title_then_definition_lines_then_blank():
    notes = parse("Outlier\nA data point that is noticeably different\n\nCovariance\nEstablish relationships.\n")
    assert titles(notes) == [
        ("Outlier", (1,), ["A data point that is noticeably different"]),
        ("Covariance", (4,), ["Establish relationships."]),
    ]


def test_bullets_numbers_letters_dashes_and_term_colon_items_stay_in_the_definition():
    text = ("Steps\nIntro line\n• top\n  • nested\n    • deeper\n1. first\na. sub\n- dash item\n"
            "log: Record a single named value.\n")
    (entry,) = parse(text).entries
    assert [ln.text for ln in entry.definition] == [
        "Intro line", "• top", "  • nested", "    • deeper", "1. first", "a. sub", "- dash item",
        "log: Record a single named value."]


def test_inline_title_and_definition_split_by_curated_entry_start():
    rules = ParseRules(entry_starts=(EntryStart("k-fold cross-validation"),))
    notes = parse("Tuning\nSome text here\nk-fold cross-validation A model is then trained on k-1 folds.\n", rules)
    assert [e.title for e in notes.entries] == ["Tuning", "k-fold cross-validation"]
    line = notes.entries[1].definition[0]
    assert line.lead == "k-fold cross-validation" and line.number == 3
    assert line.text == "k-fold cross-validation A model is then trained on k-1 folds."


def test_blank_line_after_title_keeps_definition_with_title():
    notes = parse("Regression\n\nWhere models predict a number, establishing a relationship between variables.\n")
    assert titles(notes) == [("Regression", (1,), [
        "Where models predict a number, establishing a relationship between variables."])]


def test_blank_lines_inside_a_definition_continue_the_entry():
    text = ("MinMaxScaler\nNormalize the numeric features.\n\n#area perimeter\n\n\n17111.55 13.10\n\n"
            "scaled = MinMaxScaler().fit_transform(x)\nResult:\n")
    (entry,) = parse(text).entries
    assert [ln.stripped for ln in entry.definition if not ln.is_blank] == [
        "Normalize the numeric features.", "#area perimeter", "17111.55 13.10",
        "scaled = MinMaxScaler().fit_transform(x)", "Result:"]
    assert entry.source_lines == [1, 2, 4, 7, 9, 10]


def test_parent_context_and_alias_lines_are_kept_as_the_second_line():
    notes = parse("epochs\nTraining DNN model\nThe training process consists of multiple iterations\n")
    assert titles(notes) == [("epochs", (1,), ["Training DNN model",
                                                "The training process consists of multiple iterations"])]


def test_two_line_title_joined_by_rule():
    rules = ParseRules(joined_titles=(("Hyperparameter", "search space"),))
    notes = parse("Hyperparameter\nsearch space\nSearch space for hyperparameters values\n", rules)
    assert titles(notes) == [("Hyperparameter search space", (1, 2), ["Search space for hyperparameters values"])]


def test_duplicate_titles_stay_separate_entries_for_curation_to_merge():
    notes = parse("Model explainers\nUse statistical techniques.\n\nModel explainers\nAnother text.\n")
    assert [(e.title, e.first_line) for e in notes.entries] == [("Model explainers", 1), ("Model explainers", 4)]


def test_untitled_entry_gets_title_from_entry_start_with_title():
    rules = ParseRules(entry_starts=(EntryStart("a Permutation", "PFIExplainer"),))
    notes = parse("Model explainers\na Permutation Feature Importance explainer that shuffles.\n", rules)
    assert titles(notes) == [("Model explainers", (1,), []),
                             ("PFIExplainer", (2,), ["a Permutation Feature Importance explainer that shuffles."])]


def test_untitled_text_at_the_start_becomes_an_untitled_entry_with_a_warning():
    notes = parse("This definition has no title line above it at all, sadly.\n")
    assert notes.entries[0].title == "Untitled (line 1)"
    assert notes.warnings and notes.warnings[0].line == 1


def test_section_heading_without_definition_is_an_empty_entry():
    notes = parse("PyTorch\n\nPyTorch\nMachine learning framework based on Torch.\n")
    assert titles(notes) == [("PyTorch", (1,), []), ("PyTorch", (3,), ["Machine learning framework based on Torch."])]


def test_title_with_no_blank_line_before_it():
    text = ("Environment\nDefines Python packages.\n  • Use the submit method of the Experiment class.\n"
            "argparse\nTo use parameters in a script, you must use a library such as argparse.\n")
    notes = parse(text)
    assert [e.title for e in notes.entries] == ["Environment", "argparse"]
    assert notes.entries[1].title_lines == (4,)


def test_example_lead_in_lines_are_not_mistaken_for_titles():
    text = ("predict_proba\nReturns probabilities.\nExample:\nHave a trained classification model\n"
            "May run confusion_matrix(y_test, predictions) - check the result here\n")
    assert [e.title for e in parse(text).entries] == ["predict_proba"]


def test_page_chrome_is_excluded_with_a_reason_and_the_document_title_kept():
    notes = parse("Machine Learning terms\n\nRating & reviews (0 reviews)\nStudy notes\n\nOutlier\nA point.\n")
    assert notes.document_title.text == "Machine Learning terms"
    assert [(x.line.number, x.line.text) for x in notes.excluded] == [
        (3, "Rating & reviews (0 reviews)"), (4, "Study notes")]
    assert all(x.reason for x in notes.excluded)
    assert [e.title for e in notes.entries] == ["Outlier"]


def test_without_chrome_the_first_line_is_a_term():
    assert [e.title for e in parse("Outlier\nA point.\n").entries] == ["Outlier"]


def test_main_resources_list_is_not_a_term():
    notes = parse("Outlier\nA point.\nMain resources\nWelcome to Python.org\nNumPy user guide\n")
    assert [e.title for e in notes.entries] == ["Outlier"]
    assert notes.resources_heading.text == "Main resources"
    assert [r.text for r in notes.resources] == ["Welcome to Python.org", "NumPy user guide"]


def test_crlf_bom_tabs_and_trailing_spaces_change_nothing():
    plain = "Outlier\nA data point\n  • nested item\n\nCovariance\nRelation.\n"
    messy = "Outlier  \r\nA data point\t\r\n\t• nested item\r\n\r\nCovariance\r\nRelation.   \r\n"
    assert titles(parse(plain)) == titles(parse(messy))
