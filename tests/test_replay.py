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
