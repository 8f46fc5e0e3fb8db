from __future__ import annotations

import json

import pytest

from summarizer import RecordingMissingError, Settings, summarize
from summarizer.backends.replay import RecordingBackend, ReplayBackend
from tests.fakes import FakeBackend
from tests.test_pipeline import CLEAN, TEXT


def test_record_then_strict_replay(tmp_path) -> None:
    settings = Settings(backend="record", recordings_dir=tmp_path)
    live = FakeBackend(CLEAN)
    recorded = summarize(TEXT, backend=RecordingBackend(live, tmp_path), settings=settings)
    files = list(tmp_path.rglob("*.json"))
    assert len(files) == 1
    saved = json.loads(files[0].read_text())
    assert saved["prompt"]["name"] == "summarize" and saved["model"] == "fake-model"
    replay = ReplayBackend(tmp_path, "fake", "fake-model", live.mode)
    replayed = summarize(TEXT, backend=replay, settings=settings)
    assert replayed.model_dump(exclude={"run"}) == recorded.model_dump(exclude={"run"})


def test_missing_recording_names_the_key(tmp_path) -> None:
    replay = ReplayBackend(tmp_path, "local", "some-model", FakeBackend().mode)
    with pytest.raises(RecordingMissingError, match=r"local/some-model/[0-9a-f]{12}/"):
        summarize(TEXT, backend=replay, settings=Settings(backend="replay"))


def test_the_prompt_travels_with_each_request(tmp_path) -> None:
    """The pipeline hands the prompt to create(); the model never gets it."""
    settings = Settings(backend="record", recordings_dir=tmp_path)
    live = FakeBackend(CLEAN)
    recorder = RecordingBackend(live, tmp_path)
    result = summarize(TEXT, backend=recorder, settings=settings)
    assert live.prompts == [result.run.prompt]
    assert all("prompt" not in request for request in live.requests)
    (path,) = tmp_path.rglob("*.json")
    assert path.parent == recorder.store.folder(result.run.prompt)
    key, where = recorder.store.key(live.requests[0], result.run.prompt)
    assert where == path and json.loads(path.read_text())["key"] == key
    # Without a prompt (a direct call), the request is kept apart from the prompt's.
    assert recorder.store.key(live.requests[0], None)[1].parent.name == "noprompt"
