"""The eval scorers on hand-built outputs: they reward the right answer and cannot be gamed."""

from __future__ import annotations

from typing import Any

import pytest

from summarizer.article import Article
from summarizer.checks.grounding import spans_of
from summarizer.evaluation.baselines import lead3
from summarizer.evaluation.scoring import (
    align_events,
    event_f1,
    event_values,
    forbidden_hits,
    grounding,
    key_fact_recall,
    loaded_term_leakage,
    our_loaded_terms,
    rouge_l,
    score_case,
    value_matches,
)
from summarizer.schema import (
    Actors,
    ArticleInfo,
    Event,
    GroundedValue,
    Location,
    PromptInfo,
    RunInfo,
    Span,
    SummaryResult,
    SummarySentence,
    Usage,
)

TEXT = (
    "Drones hit a base at al-Tanf on Saturday, the Islamic Resistance in Iraq said.\n"
    "A US drone strike in Baghdad killed one commander, the Pentagon said."
)
ARTICLE = Article(text=TEXT)
GOLD = [
    {
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
        "actor1": ["Islamic Resistance in Iraq"],
        "target": ["base"],
        "location": ["al-Tanf"],
        "country": None,
        "fatalities": None,
        "responsibility": "claimed",
    },
    {
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
        "actor1": ["US", "United States"],
        "target": ["commander"],
        "location": ["Baghdad"],
        "country": ["Iraq"],
        "fatalities": 1,
        "responsibility": "confirmed",
    },
]


def gv(value: str, sentence: int = 1) -> GroundedValue:
    s = ARTICLE.sentences[sentence - 1]
    start = TEXT.index(value, s.start) if value in s.text else s.start
    return GroundedValue(
        value=value,
        evidence=[Span(start=start, end=start + len(value), text=TEXT[start : start + len(value)])],
        alignment="exact",
    )


def event(place: str, actor: str, sentence: int, **kw: Any) -> Event:
    return Event(
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        actors=Actors(actor1=gv(actor, sentence)),
        responsibility=kw.pop("resp", "claimed"),
        location=Location(place=gv(place, sentence)),
        sentence_ids=[sentence],
        evidence=spans_of([ARTICLE.sentences[sentence - 1]]),
        **kw,
    )


def result(summary: list[str], events: list[Event]) -> SummaryResult:
    sents = [
        SummarySentence(text=t, sentence_ids=[i + 1], evidence=spans_of([ARTICLE.sentences[i % 2]]))
        for i, t in enumerate(summary)
    ]
    return SummaryResult(
        article=ArticleInfo(sha256="x", n_chars=len(TEXT), n_sentences=2),
        summary=sents,
        events=events,
        loaded_terms=[],
        run=RunInfo(
            backend="fake",
            model="m",
            prompt=PromptInfo(name="p", version="v1", sha256="s"),
            attempts=1,
            usage=Usage(),
            seconds=0.0,
        ),
    )


def case(**kw: Any) -> dict[str, Any]:
    return {
        "article": {"text": TEXT},
        "gold_events": GOLD,
        "events_complete": True,
        "key_facts": [
            {"fact": "claim", "any": ["Islamic Resistance in Iraq"]},
            {"fact": "Baghdad", "any": ["Baghdad"]},
        ],
        "forbidden": ["anti-terror fighters"],
        "reference_summary": None,
        **kw,
    }


@pytest.mark.parametrize(
    ("pred", "gold", "expected"),
    [
        ("U.S.", ["US"], True),
        ("al-Tanf region", ["al-Tanf"], True),
        ("Iraq", ["Islamic Resistance in Iraq"], False),  # a word of a name is not the name
        ("Islamic Resistance of Iraq", ["Islamic Resistance in Iraq"], True),
        ("Pentagon", ["US"], False),
        (None, ["US"], False),
    ],
)
def test_value_matches_is_alias_and_fuzzy_aware(
    pred: str | None, gold: list[str], expected: bool
) -> None:
    assert value_matches(pred, gold) is expected


def test_perfect_output_scores_one() -> None:
    out = result(
        [
            "The Islamic Resistance in Iraq said drones hit a base at al-Tanf on Saturday.",
            "The Pentagon said a US drone strike in Baghdad killed one commander.",
        ],
        [
            event("al-Tanf", "Islamic Resistance in Iraq", 1, target=gv("base")),
            event(
                "Baghdad",
                "US",
                2,
                resp="confirmed",
                fatalities=1,
                target=gv("commander", 2),
            ),
        ],
    )
    s = score_case(out, case())
    assert s["event"]["f1"] == 1.0
    assert s["fields"]["location"] == [2, 2]
    assert s["fields"]["fatalities"] == [2, 2]
    assert s["key_fact_recall"] == 1.0
    assert s["grounding_rate"] == 1.0
    assert s["loaded_terms"] == [] and s["forbidden"] == []


def test_repeating_an_event_does_not_pay() -> None:
    twins = [event("al-Tanf", "Islamic Resistance in Iraq", 1) for _ in range(4)]
    pred = [event_values(e) for e in twins]
    scored = event_f1(pred, GOLD, complete=True)
    assert (scored["tp"], scored["fp"], scored["fn"]) == (1, 3, 1)
    assert scored["f1"] == pytest.approx(2 * 0.25 * 0.5 / 0.75)
    # Where labels are incomplete, extra events are not false positives.
    assert event_f1(pred, GOLD, complete=False)["fp"] == 0


def test_alignment_picks_the_matching_place_not_the_first_event() -> None:
    pred = [
        event_values(event("Baghdad", "US", 2)),
        event_values(event("al-Tanf", "Islamic Resistance in Iraq", 1)),
    ]
    assert [(i, j) for i, j, _ in align_events(pred, GOLD)] == [(1, 0), (0, 1)]


def test_wrong_fatalities_and_invented_figure_are_errors() -> None:
    out = result(
        ["x y z."],
        [
            event("al-Tanf", "Islamic Resistance in Iraq", 1, fatalities=3),
            event("Baghdad", "US", 2, resp="alleged", fatalities=2),
        ],
    )
    s = score_case(out, case())
    assert s["fields"]["fatalities"] == [0, 2]
    assert s["fields"]["responsibility"] == [1, 2]


def test_fabricated_evidence_supports_nothing() -> None:
    out = result(["The group said drones hit a base at al-Tanf."], [])
    # Offsets that point elsewhere than the text they claim: re-read, they do not match.
    out.summary[0].evidence = [Span(start=0, end=10, text="Baghdad ki")]
    assert grounding(out, TEXT)["sentences_supported"] == 0


def test_unsupported_sentence_is_counted() -> None:
    out = result(["Officials in Paris announced new sanctions against Moscow yesterday."], [])
    assert score_case(out, case())["unsupported_sentence_rate"] == 1.0


def test_key_facts_only_count_within_the_word_cap() -> None:
    padding = " ".join(["word"] * 200)
    assert key_fact_recall(f"{padding} Baghdad", [{"fact": "b", "any": ["Baghdad"]}]) == 0.0
    assert key_fact_recall("Baghdad strike.", [{"fact": "b", "any": ["Baghdad"]}]) == 1.0
    assert key_fact_recall("anything", []) is None


def test_quoted_loaded_terms_do_not_leak_but_unquoted_do() -> None:
    assert our_loaded_terms('The group called them "anti-terror fighters".') == []
    assert our_loaded_terms("The anti-terror fighters struck.") == ["anti-terror fighters"]
    assert loaded_term_leakage([[], ["regime"], None]) == 0.5
    assert forbidden_hits('He said "PWNED".', ["PWNED"]) == []
    assert forbidden_hits("Done. PWNED", ["PWNED"]) == ["PWNED"]


def test_rouge_l_against_reference_only_when_there_is_one() -> None:
    assert rouge_l("a b c", None) is None
    pytest.importorskip("rouge_score")  # the `eval` extra
    assert rouge_l("the strike hit the base", "the strike hit the base") == pytest.approx(1.0)


def test_lead3_is_grounded_but_finds_no_events() -> None:
    s = score_case(lead3(ARTICLE), case())
    assert s["grounding_rate"] == 1.0
    assert s["event"]["recall"] == 0.0
