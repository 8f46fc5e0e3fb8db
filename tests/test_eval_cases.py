"""The labelled set is well-formed: provenance, notes, valid ACLED labels, shared articles."""

from __future__ import annotations

import json
from collections import Counter

from summarizer.article import clean_text
from summarizer.evaluation.cases import REPO_ROOT, case_article, load_cases
from summarizer.schema import EVENT_TYPE_OF

CASES = load_cases()
RESPONSIBILITY = {"claimed", "confirmed", "alleged", "unknown"}


def test_the_set_has_the_planned_mix() -> None:
    kinds = Counter(c["kind"] for c in CASES)
    assert len(CASES) >= 30
    assert kinds["seed"] == 1 and kinds["wikievents"] >= 12 and kinds["neus"] >= 12
    assert kinds["synthetic"] >= 4
    assert len({c["id"] for c in CASES}) == len(CASES)


def test_every_case_has_provenance_a_note_and_valid_labels() -> None:
    for case in CASES:
        prov = case["provenance"]
        assert prov["repo"] and prov["commit"] and prov["source_id"], case["id"]
        assert len(case["note"]) > 20, case["id"]
        assert case["key_facts"], case["id"]
        for event in case["gold_events"]:
            assert EVENT_TYPE_OF[event["sub_event_type"]] == event["event_type"], case["id"]
            assert event["responsibility"] in RESPONSIBILITY, case["id"]
            for name in ("actor1", "target", "location", "country"):
                value = event.get(name)
                assert value is None or (isinstance(value, list) and all(value)), case["id"]


def test_article_files_are_exactly_what_the_case_holds() -> None:
    # The recorder reads the file, the eval the case: the recording key needs them equal.
    for case in CASES:
        stored = json.loads((REPO_ROOT / case["article_file"]).read_text("utf-8"))
        assert stored["text"] == case["article"]["text"], case["id"]
        # Reading cleans the text the same way for both (line breaks inside a sentence
        # joined: article.unwrap_lines).
        assert case_article(case).text == clean_text(case["article"]["text"])[0], case["id"]


def test_label_values_occur_in_the_article() -> None:
    # Every gold alias list has at least one spelling found in the text (no invented names).
    for case in CASES:
        text = case["article"]["text"].casefold()
        for event in case["gold_events"]:
            for name in ("actor1", "target", "location"):
                aliases = event.get(name) or []
                if aliases:
                    assert any(a.casefold() in text for a in aliases), (case["id"], aliases)
