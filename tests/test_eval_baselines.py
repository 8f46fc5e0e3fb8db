"""The no-model baselines: lead-3, and the unchecked first attempt read from recordings."""

from __future__ import annotations

import json
from pathlib import Path

from fakes import FakeBackend

from summarizer.article import Article
from summarizer.backends.replay import RecordingStore
from summarizer.evaluation.baselines import (
    Recordings,
    lead3,
    unchecked,
)
from summarizer.pipeline import Pipeline
from summarizer.prompts import load_prompt
from summarizer.settings import Settings

ARTICLE = Article(
    text="The anti-terror fighters hit a base at al-Tanf on Saturday.\n"
    "The group claimed the attack in a statement.\nNo casualties were reported.",
    title="Drone attack on base",
)
FIRST = {
    "summary": [
        {"text": "The anti-terror fighters hit a base at al-Tanf.", "ids": [1]},
        {"text": "Officials in Paris announced sanctions.", "ids": [2]},
    ],
    "events": [
        {"ids": [1], "sub_event_type": "Air/drone strike", "location": "al-Tanf", "fatalities": 3}
    ],
}


def _store(root: Path, pipeline: Pipeline, contents: list[str]) -> Recordings:
    info = pipeline.prompt.info
    folder = RecordingStore(root, "local", pipeline.backend.model).folder(info)
    folder.mkdir(parents=True)
    messages = pipeline.prompt.render(
        title=ARTICLE.title, source=None, published=None, sentences=ARTICLE.sentences
    )
    for k, content in enumerate(contents):
        # Attempt k has the re-ask turns appended after the first two messages.
        turns = messages + [{"role": "assistant", "content": "x"}] * (2 * k)
        record = {
            "request": {"messages": turns},
            "timings": {"wall_s": 10.0 * (k + 1)},
            "response": {
                "choices": [{"message": {"content": content}}],
                "usage": {"prompt_tokens": 100, "completion_tokens": 50},
            },
        }
        (folder / f"{k}.json").write_text(json.dumps(record), "utf-8")
    return Recordings(root, "local", pipeline.backend.model, info)


def _pipeline() -> Pipeline:
    return Pipeline(FakeBackend(), load_prompt("summarize", "v1"), Settings(backend="replay"))


def test_unchecked_is_the_first_attempt_without_repairs(tmp_path: Path) -> None:
    pipeline = _pipeline()
    recordings = _store(tmp_path, pipeline, [json.dumps(FIRST), json.dumps({"summary": []})])
    result = unchecked(pipeline, recordings, ARTICLE)
    assert result is not None
    # Loaded wording, the unsupported sentence and the invented figure all stay in.
    assert "anti-terror fighters" in result.summary_text
    assert len(result.summary) == 2
    assert result.events[0].fatalities == 3
    assert result.run.usage.prompt_tokens == 100


def test_unchecked_without_recording_is_none_and_bad_json_is_empty(tmp_path: Path) -> None:
    pipeline = _pipeline()
    empty = Recordings(tmp_path / "none", "local", pipeline.backend.model, pipeline.prompt.info)
    assert unchecked(pipeline, empty, ARTICLE) is None
    recordings = _store(tmp_path, pipeline, ['{"summary": ['])
    result = unchecked(pipeline, recordings, ARTICLE)
    assert result is not None and result.summary == [] and result.run.notes


def test_lead3_takes_the_first_three_sentences_verbatim() -> None:
    result = lead3(ARTICLE)
    assert [s.text for s in result.summary] == [s.text for s in ARTICLE.sentences[:3]]
    assert all(ARTICLE.text[e.start : e.end] == e.text for s in result.summary for e in s.evidence)
