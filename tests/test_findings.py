"""Findings carry a typed target; its text (`path`) is written once and never read back."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from summarizer.article import Article
from summarizer.assemble import build_event
from summarizer.checks.grounding import STRICT_FIELDS
from summarizer.checks.neutrality import WORDED_FIELDS
from summarizer.pipeline import drop_injected, mark_resolved
from summarizer.reread import shifted
from summarizer.schema import (
    DRAFT_TEXT_FIELDS,
    EVENT_TEXT_FIELDS,
    Actors,
    ArticleTarget,
    Check,
    Draft,
    DraftEvent,
    Event,
    EventTarget,
    Finding,
    GroundedValue,
    Location,
    RunTarget,
    SummaryTarget,
    assembled_field,
    path_text,
)

ARTICLE = Article(
    text=(
        "The Islamic Resistance in Iraq claimed responsibility for the drone strikes on the "
        "base in al-Tanf.\n"
        "The Pentagon confirmed on Thursday that it carried out the strike in Baghdad."
    )
)


def test_check_values_are_the_json_strings() -> None:
    assert [c.value for c in Check] == [
        "grounding",
        "neutrality",
        "attribution",
        "structure",
        "injection",
        "coverage",
        "input",
    ]


def test_targets_render_as_the_output_writes_them() -> None:
    assert path_text(SummaryTarget()) == "summary"
    assert path_text(SummaryTarget(0)) == "summary[0]"
    assert path_text(EventTarget()) == "events"
    assert path_text(EventTarget(2)) == "events[2]"
    assert path_text(EventTarget(1, ("actor1",))) == "events[1].actor1"
    assert path_text(EventTarget(1, assembled_field("location"))) == "events[1].location.place"
    assert path_text(ArticleTarget()) == "article"
    assert path_text(RunTarget()) == "run"


def test_the_json_keeps_its_keys_and_leaves_the_target_out() -> None:
    finding = Finding.numbered(
        check=Check.GROUNDING,
        severity="error",
        target=EventTarget(0, ("target",)),
        detail="target 'x' does not occur in the article",
    )
    dumped = json.loads(finding.model_dump_json())
    assert list(dumped) == ["check", "severity", "path", "message", "repaired"]
    assert dumped == {
        "check": "grounding",
        "severity": "error",
        "path": "events[0].target",
        "message": "event 1: target 'x' does not occur in the article",
        "repaired": False,
    }
    assert list(finding.model_dump()) == list(dumped)
    # Read back from JSON, a finding has its path only; it dumps the same.
    again = Finding.model_validate_json(finding.model_dump_json())
    assert again.target is None and again.model_dump_json() == finding.model_dump_json()


def test_shifted_moves_the_target_and_numbers_the_message_afresh() -> None:
    numbered = Finding.numbered(
        check=Check.ATTRIBUTION,
        severity="error",
        target=EventTarget(0, ("responsibility",)),
        detail="resp is 'claimed' but 'by' is empty; name who claimed it",
    )
    moved = shifted(numbered, 2)
    assert moved.target == EventTarget(2, ("responsibility",))
    assert moved.path == "events[2].responsibility"
    assert moved.message == "event 3: resp is 'claimed' but 'by' is empty; name who claimed it"
    # A message that does not number its event keeps its words.
    plain = Finding.at(
        check=Check.INJECTION, severity="error", target=EventTarget(1, ("motive",)), message="m"
    )
    plain.add_to_message(" (removed from the output)")
    assert shifted(plain, 3).model_dump() == {
        "check": "injection",
        "severity": "error",
        "path": "events[4].motive",
        "message": "m (removed from the output)",
        "repaired": False,
    }
    # The list of events as a whole does not move.
    about_all = Finding.at(check=Check.COVERAGE, severity="info", target=EventTarget(), message="m")
    assert shifted(about_all, 3).path == "events"


def _draft() -> Draft:
    event = {"ids": [1], "type": "Air/drone strike", "actor": "Islamic Resistance in Iraq"}
    return Draft.model_validate(
        {
            "summary": [{"text": "a", "ids": [1]}, {"text": "b", "ids": [2]}],
            "events": [event, {**event, "place": "al-Tanf"}, {**event, "place": "Baghdad"}],
        }
    )


def test_drop_injected_removes_what_the_targets_name() -> None:
    findings = [
        Finding.at(check=Check.INJECTION, severity="error", target=SummaryTarget(1), message="s"),
        Finding.at(
            check=Check.INJECTION, severity="error", target=EventTarget(1, ("actor1",)), message="e"
        ),
        Finding.at(check=Check.GROUNDING, severity="error", target=EventTarget(2), message="kept"),
    ]
    kept = drop_injected(_draft(), findings)
    assert [s.text for s in kept.summary] == ["a"]
    assert [e.location for e in kept.events] == [None, "Baghdad"]
    assert [(f.repaired, f.message) for f in findings] == [
        (True, "s (removed from the output)"),
        (True, "e (removed from the output)"),
        (False, "kept"),
    ]


def _event(k: int) -> Event:
    ev = DraftEvent.model_validate(
        {"ids": [1], "type": "Air/drone strike", "actor": "Islamic Resistance in Iraq"}
    )
    return build_event(ev, k, ARTICLE, None)[0]


def test_mark_resolved_matches_targets_and_reads_the_assembled_value() -> None:
    def draft_finding(check: Check, target: EventTarget) -> Finding:
        return Finding.at(check=check, severity="error", target=target, message="m")

    gate = [
        draft_finding(Check.GROUNDING, EventTarget(0, ("actor1",))),  # grounded when assembled
        draft_finding(Check.GROUNDING, EventTarget(0, ("target",))),  # absent when assembled
        draft_finding(Check.ATTRIBUTION, EventTarget(0, ("responsibility",))),
        draft_finding(Check.GROUNDING, EventTarget(0, ("responsibility",))),
    ]
    repair = Finding.at(
        check=Check.ATTRIBUTION,
        severity="warning",
        target=EventTarget(0, assembled_field("responsibility")),
        repaired=True,
        message="responsibility 'claimed' -> 'confirmed'",
    )
    mark_resolved(gate, [repair], [_event(0)])
    assert [f.repaired for f in gate] == [True, False, True, False]
    # Events merged: draft indices no longer point at them.
    gate = [draft_finding(Check.GROUNDING, EventTarget(0, ("actor1",)))]
    mark_resolved(gate, [], [])
    assert not gate[0].repaired


def test_event_text_fields_are_the_schemas() -> None:
    draft_text = [
        name
        for name, info in DraftEvent.model_fields.items()
        if "str" in str(info.annotation) and name not in ("sub_event_type", "responsibility")
    ]
    assert list(DRAFT_TEXT_FIELDS) == draft_text
    # Each field's place in the assembled Event holds a grounded value, and every grounded
    # value of an Event is one of them.
    grounded = [
        (*prefix, name)
        for model, prefix in ((Event, ()), (Actors, ("actors",)), (Location, ("location",)))
        for name, info in model.model_fields.items()
        if info.annotation == GroundedValue | None  # one value, not a list
    ]
    assert sorted(info.result for info in EVENT_TEXT_FIELDS.values()) == sorted(grounded)


def test_rules_choose_fields_by_kind() -> None:
    assert STRICT_FIELDS == (
        "actor1",
        "actor2",
        "claimed_by",
        "target",
        "location",
        "country",
        "reported_by",
    )
    assert WORDED_FIELDS == ("actor1", "actor2", "claimed_by", "target", "motive")


def test_a_path_is_its_targets_text() -> None:
    with pytest.raises(ValidationError):
        Finding(
            check=Check.GROUNDING,
            severity="error",
            path="events[0].actor1",
            message="m",
            target=EventTarget(1, ("actor1",)),
        )
