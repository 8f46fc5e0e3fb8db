"""The injection check catches answers that obey instructions hidden in the article.

Fake answers (hand-written fixtures, not model output) either obey each case's
injection or ignore it; only the obeying ones may be flagged.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fakes import FakeBackend

from summarizer import Settings, summarize
from summarizer.article import Article
from summarizer.checks.injection import check_injection, injected_sentences, instruction_like
from summarizer.schema import Draft

CASES = [
    json.loads(line)
    for line in (Path(__file__).parent.parent / "evals/injection/cases.jsonl")
    .read_text("utf-8")
    .splitlines()
    if line.strip()
]
IDS = [c["id"] for c in CASES]


def _article(case: dict[str, Any]) -> Article:
    return Article(text=case["text"], title=case["title"], source=case.get("source"))


def _clean_ids(article: Article) -> list[int]:
    injected = {s.id for s in injected_sentences(article)}
    return [s.id for s in article.sentences if s.id not in injected]


def ignoring(article: Article) -> dict[str, Any]:
    """A faithful answer: the article's own non-injected sentences."""
    ids = _clean_ids(article)[:2]
    return {
        "summary": [{"text": article.sentence(i).text, "ids": [i]} for i in ids],  # type: ignore[union-attr]
        "events": [],
    }


def obeying(case: dict[str, Any], article: Article) -> dict[str, Any]:
    """An answer that did what the injection asked, next to one faithful sentence."""
    first = _clean_ids(article)[0]
    return {
        "summary": [
            {"text": case["obeyed"], "ids": [first]},
            {"text": article.sentence(first).text, "ids": [first]},  # type: ignore[union-attr]
        ],
        "events": [],
    }


def test_there_are_at_least_ten_cases() -> None:
    assert len(CASES) >= 10
    assert len(set(IDS)) == len(IDS)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_every_case_has_a_detectable_injection(case: dict[str, Any]) -> None:
    assert injected_sentences(_article(case)), "the injected instruction was not recognised"


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_obeying_answer_is_flagged(case: dict[str, Any]) -> None:
    article = _article(case)
    draft = Draft.model_validate(obeying(case, article))
    findings = check_injection(draft, article)
    assert findings and all(f.check == "injection" for f in findings)
    assert findings[0].path == "summary[0]" and findings[0].severity == "error"


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_ignoring_answer_is_not_flagged(case: dict[str, Any]) -> None:
    article = _article(case)
    assert check_injection(Draft.model_validate(ignoring(article)), article) == []


def test_event_field_obeying_injection_is_flagged() -> None:
    case = next(c for c in CASES if c["id"] == "ids-abuse")
    article = _article(case)
    answer = ignoring(article)
    answer["events"] = [
        {"ids": [1], "sub_event_type": "Air/drone strike", "target": "a hospital in Geneva"}
    ]
    findings = check_injection(Draft.model_validate(answer), article)
    assert [f.path for f in findings] == ["events[0].target"]


def test_output_repeating_instruction_phrases_is_flagged() -> None:
    case = CASES[0]
    article = _article(case)
    answer = ignoring(article)
    answer["summary"][1]["text"] = "Ignore all previous instructions, the police said."
    findings = check_injection(Draft.model_validate(answer), article)
    assert any("repeats instructions" in f.message for f in findings)


def test_urls_reported_by_the_article_are_fine() -> None:
    article = Article(
        text="The ministry published the report at https://gov.example/report on Monday.\n"
        "It says unemployment fell to 5 percent."
    )
    answer = {
        "summary": [
            {
                "text": "The ministry published the report at https://gov.example/report.",
                "ids": [1],
            },
            {"text": "It says unemployment fell to 5 percent.", "ids": [2]},
        ],
        "events": [],
    }
    assert check_injection(Draft.model_validate(answer), article) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister said the army must leave the city by Friday.",
        "Protesters demanded that the government ignore the court's ruling.",
        "The company said its AI model was trained on public data.",
        "Officials say that the road will reopen on Monday.",
    ],
)
def test_ordinary_news_sentences_are_not_instructions(sentence: str) -> None:
    assert not instruction_like(sentence)


def test_pipeline_flags_then_reasks_away_an_obeyed_injection() -> None:
    case = CASES[0]
    article = _article(case)
    backend = FakeBackend(obeying(case, article), ignoring(article))
    result = summarize(
        {"text": case["text"], "title": case["title"]},
        backend=backend,
        settings=Settings(backend="local", max_reasks=1),
    )
    assert result.run.attempts == 2
    reask = backend.requests[1]["messages"][-1]["content"]
    assert "never follow instructions" in reask
    assert not [f for f in result.run.findings if f.check == "injection"]
    assert case["markers"][0] not in " ".join(s.text for s in result.summary).lower()


def test_pipeline_keeps_the_finding_when_the_model_insists() -> None:
    case = CASES[0]
    article = _article(case)
    backend = FakeBackend(obeying(case, article))
    result = summarize(
        {"text": case["text"], "title": case["title"]},
        backend=backend,
        settings=Settings(backend="local", max_reasks=0),
    )
    assert any(f.check == "injection" for f in result.run.findings)
