from __future__ import annotations

import pytest

from summarizer.article import Article
from summarizer.checks.attribution import expected_responsibility
from summarizer.checks.grounding import GroundingPolicy, locate
from summarizer.checks.lexicon import find_loaded_terms, neutralise
from summarizer.rules import run_checks
from summarizer.schema import Draft

ARTICLE = Article(
    text=(
        "The Islamic Resistance in Iraq claimed responsibility for the drone strikes on the "
        "US-occupied base in al-Tanf.\n"
        "The Pentagon confirmed on Thursday that it carried out the strike which killed "
        "Mushtaq al-Jawari in Baghdad.\n"
        "There were no immediate reports about possible casualties."
    )
)


def draft(**overrides) -> Draft:
    data = {
        "summary": [
            {
                "text": "The Islamic Resistance in Iraq claimed responsibility for drone strikes "
                "on a base in al-Tanf.",
                "ids": [1],
            },
            {
                "text": "The Pentagon confirmed it carried out a strike that killed Mushtaq "
                "al-Jawari in Baghdad.",
                "ids": [2],
            },
        ],
        "events": [
            {
                "ids": [1],
                "sub_event_type": "Air/drone strike",
                "actor1": "Islamic Resistance in Iraq",
                "responsibility": "claimed",
                "claimed_by": "Islamic Resistance in Iraq",
                "location": "al-Tanf",
            },
        ],
    }
    data.update(overrides)
    return Draft.model_validate(data)


def test_loaded_terms_found_longest_first_with_quotes() -> None:
    text = 'The occupying regime and its "bloody onslaught", said the group.'
    terms = find_loaded_terms(text)
    assert [t.text for t in terms] == ["occupying regime", "bloody onslaught"]
    assert [t.quoted for t in terms] == [False, True]
    assert text[terms[0].start : terms[0].end] == "occupying regime"


def test_neutralise_replaces_only_unquoted_terms() -> None:
    out, left = neutralise('Strikes on the US-occupied base, "a brutal act", the group said.')
    assert "US-held base" in out
    assert '"a brutal act"' in out
    assert left == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "said" takes a clause ...
        ("He admitted that the unit was responsible.", "He said that the unit was responsible."),
        ("He admitted he was ashamed.", "He said he was ashamed."),
        (
            "She admitted, in an interview, that she knew.",
            "She said, in an interview, that she knew.",
        ),
        ("He admitted to reporters that troops fired.", "He said to reporters that troops fired."),
        ("The army admitted on Tuesday that it fired.", "The army said on Tuesday that it fired."),
        # ... a confession verb with an object or a gerund becomes "acknowledged".
        (
            "A man who admitted to landing a drone was held.",
            "A man who acknowledged landing a drone was held.",
        ),
        ("The party conceded defeat on Monday.", "The party acknowledged defeat on Monday."),
        ("He admitted to the charges.", "He acknowledged the charges."),
        # Let in, not a confession: no loaded word at all.
        ("Two soldiers were admitted to hospital.", "Two soldiers were admitted to hospital."),
        ("Students admitted to the university left.", "Students admitted to the university left."),
    ],
)
def test_neutralise_fits_a_speech_verb_to_what_follows(text: str, expected: str) -> None:
    assert neutralise(text)[0] == expected


def test_clean_draft_has_no_errors() -> None:
    errors = [f for f in run_checks(draft(), ARTICLE) if f.severity == "error"]
    assert errors == []


def test_loaded_wording_in_summary_is_an_error() -> None:
    bad = draft(
        summary=[
            {"text": "Anti-terror fighters hit the US-occupied base in al-Tanf.", "ids": [1]},
            {"text": "The Pentagon confirmed a strike in Baghdad.", "ids": [2]},
        ]
    )
    messages = [f.message for f in run_checks(bad, ARTICLE) if f.check == "neutrality"]
    assert messages and "US-occupied" in messages[0]


def test_invented_values_and_counts_are_errors() -> None:
    bad = draft(
        events=[
            {
                "ids": [3],
                "sub_event_type": "Air/drone strike",
                "actor1": "Hezbollah",
                "fatalities": 0,
            }
        ]
    )
    errors = {f.path: f for f in run_checks(bad, ARTICLE) if f.severity == "error"}
    assert "events[0].actor1" in errors  # not in the article at all
    assert "events[0].fatalities" in errors  # "no immediate reports" is not "none died"


def test_claim_sentence_demands_claimed_status() -> None:
    bad = draft(
        events=[
            {
                "ids": [1],
                "sub_event_type": "Air/drone strike",
                "actor1": "Islamic Resistance in Iraq",
                "responsibility": "unknown",
            }
        ]
    )
    errors = [f for f in run_checks(bad, ARTICLE) if f.check == "attribution"]
    assert any("claimed" in f.message for f in errors)
    assert expected_responsibility(ARTICLE.sentences[1].text) == "confirmed"


def test_unattributed_claim_in_summary_is_flagged() -> None:
    bad = draft(
        summary=[
            {"text": "Drone strikes hit a base in al-Tanf.", "ids": [1]},
            {"text": "The Pentagon confirmed a strike that killed al-Jawari.", "ids": [2]},
        ]
    )
    paths = [f.path for f in run_checks(bad, ARTICLE) if f.check == "attribution"]
    assert "summary[0]" in paths


def test_locate_exact_fuzzy_and_elsewhere() -> None:
    exact, in_cited = locate("al-Tanf", ARTICLE, [1], GroundingPolicy.STRICT)
    assert exact.alignment == "exact" and in_cited
    span = exact.evidence[0]
    assert ARTICLE.text[span.start : span.end] == "al-Tanf"
    elsewhere, in_cited = locate("Pentagon", ARTICLE, [1], GroundingPolicy.STRICT)
    assert elsewhere.alignment == "exact" and not in_cited
    fuzzy, _ = locate("Mushtaq al Jawari", ARTICLE, [2], GroundingPolicy.STRICT)
    assert fuzzy.alignment == "fuzzy"
    missing, _ = locate("Hezbollah", ARTICLE, [1], GroundingPolicy.STRICT)
    assert missing.alignment == "none" and missing.evidence == []


def test_placeholder_values_are_absent_not_ungrounded_errors() -> None:
    article = Article(text="Drones struck a base in al-Tanf on Saturday.")
    draft = Draft.model_validate(
        {
            "summary": [{"text": "Drones struck a base in al-Tanf.", "ids": [1]}] * 2,
            "events": [
                {
                    "ids": [1],
                    "type": "Air/drone strike",
                    "actor": "Unknown",
                    "target": "a base",
                    "place": "al-Tanf",
                    "source": "the article.",
                    "why": "N/A",
                }
            ],
        }
    )
    event = draft.events[0]
    assert (event.actor1, event.reported_by, event.motive) == (None, None, None)
    assert (event.target, event.location) == ("a base", "al-Tanf")
    assert not [f for f in run_checks(draft, article) if f.severity == "error"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Criticism: loaded, replaced.
        ("The senator blasted the bill on Monday.", "The senator criticised the bill on Monday."),
        ("Critics slammed the mayor.", "Critics criticised the mayor."),
        # The physical sense is news, not loaded: left as written.
        ("A bomb ripped through a crowded market.", "A bomb ripped through a crowded market."),
        (
            "Authorities heard small blasts at the plant.",
            "Authorities heard small blasts at the plant.",
        ),
        ("A missile slammed into a building.", "A missile slammed into a building."),
        ("The building was blasted by a bomb.", "The building was blasted by a bomb."),
        # The lexicon's own phrase stays loaded whatever its subject.
        ("Twin explosions tore through the crowd.", "Twin explosions hit the crowd."),
    ],
)
def test_an_emotive_verb_in_its_physical_sense_is_left_alone(sentence: str, expected: str) -> None:
    assert neutralise(sentence)[0] == expected
