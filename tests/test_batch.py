"""Batches lose nothing: every input ends as one record, in order, and a killed run
resumed with --resume neither loses nor repeats an input."""

from __future__ import annotations

import json
import re
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from fakes import FakeBackend, completion
from typer.testing import CliRunner

import summarizer.api as api
from summarizer import ItemError, Settings, SummaryResult, summarize_many
from summarizer.batch import JsonlSink, RateLimiter, done_inputs
from summarizer.cli import app

SETTINGS = Settings(backend="local", max_reasks=0)


class EchoBackend(FakeBackend):
    """Answers any article with its first two sentences, citing them: always valid.

    `interrupt_after` raises KeyboardInterrupt on that call, as Ctrl-C would.
    """

    def __init__(self, interrupt_after: int | None = None, delay_s: float = 0.0) -> None:
        super().__init__()
        self.interrupt_after = interrupt_after
        self.delay_s = delay_s
        self.calls = 0
        self.active = 0
        self.max_active = 0
        self.stamps: list[float] = []
        self._lock = threading.Lock()

    def create(self, **kwargs: Any) -> Any:
        with self._lock:
            self.calls += 1
            self.active += 1
            self.max_active = max(self.max_active, self.active)
            self.stamps.append(time.monotonic())
            call = self.calls
        try:
            if self.interrupt_after is not None and call > self.interrupt_after:
                raise KeyboardInterrupt
            time.sleep(self.delay_s)
            self.requests.append(kwargs)
            user = kwargs["messages"][-1]["content"]
            found = re.findall(r"^\[(\d+)\] (.+)$", user, re.MULTILINE)[:2]
            draft = {"summary": [{"text": t, "ids": [int(i)]} for i, t in found], "events": []}
            return completion(json.dumps(draft))
        finally:
            with self._lock:
                self.active -= 1


def article(n: int) -> str:
    return (
        f"The council of town number {n} met on Monday to discuss the new budget.\n"
        f"Members approved spending of {n} million on roads, the clerk said."
    )


def test_summarize_many_keeps_order_and_errors() -> None:
    items = [article(1), "   ", article(3), "\x00\x00binary"]
    outcomes = summarize_many(items, backend=EchoBackend(), settings=SETTINGS, concurrency=3)
    assert len(outcomes) == 4
    assert isinstance(outcomes[0], SummaryResult)
    assert isinstance(outcomes[1], ItemError) and outcomes[1]["index"] == 1
    assert "empty" in outcomes[1]["message"]
    assert outcomes[2].summary[0].text.startswith("The council of town number 3")  # type: ignore[union-attr]
    assert isinstance(outcomes[3], ItemError)


def test_concurrency_limit_is_respected() -> None:
    backend = EchoBackend(delay_s=0.05)
    items = [article(i) for i in range(8)]
    outcomes = summarize_many(items, backend=backend, settings=SETTINGS, concurrency=3)
    assert all(isinstance(o, SummaryResult) for o in outcomes)
    assert 1 < backend.max_active <= 3


def test_rate_limit_spaces_requests() -> None:
    backend = EchoBackend()
    summarize_many(
        [article(i) for i in range(4)], backend=backend, settings=SETTINGS, concurrency=4, rate=20
    )
    gaps = sorted(b - a for a, b in zip(backend.stamps, backend.stamps[1:], strict=False))
    # 4 requests at 20/s with a burst of 1: the last starts >= 3/20 s after the first.
    assert backend.stamps[-1] - backend.stamps[0] >= 0.14
    assert gaps[0] >= 0.0


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def test_rate_limiter_token_bucket() -> None:
    clock = FakeClock()
    limiter = RateLimiter(2.0, burst=2, clock=clock, sleep=clock.sleep)
    assert [limiter.acquire() for _ in range(2)] == [0.0, 0.0]  # the burst is free
    assert limiter.acquire() == pytest.approx(0.5)  # then one every 1/rate seconds
    assert limiter.acquire() == pytest.approx(0.5)
    clock.now += 10  # idle: tokens refill, but only up to the burst
    assert [limiter.acquire() for _ in range(3)] == [0.0, 0.0, pytest.approx(0.5)]


def test_rate_limiter_rejects_bad_rate() -> None:
    from summarizer import ConfigError

    with pytest.raises(ConfigError):
        RateLimiter(0)


def test_interrupt_in_summarize_many_reports_finished_items() -> None:
    seen: list[int] = []
    with pytest.raises(KeyboardInterrupt):
        summarize_many(
            [article(i) for i in range(5)],
            backend=EchoBackend(interrupt_after=2),
            settings=SETTINGS,
            on_done=lambda i, _o: seen.append(i),
        )
    assert seen == [0, 1]


def test_jsonl_sink_repairs_a_torn_last_line(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text('{"input": "a.txt", "ok": true}\n{"input": "b.t', "utf-8")
    assert done_inputs(out) == {"a.txt": True}
    with JsonlSink(out) as sink:
        sink.append({"input": "c.txt", "ok": True})
    lines = out.read_text("utf-8").splitlines()
    assert json.loads(lines[-1]) == {"input": "c.txt", "ok": True}
    assert done_inputs(out) == {"a.txt": True, "c.txt": True}


# --- the CLI: --jsonl streaming, --resume after a kill, order and completeness ---------


@pytest.fixture
def files(tmp_path: Path) -> list[str]:
    names = []
    for i in range(6):
        path = tmp_path / f"a{i}.txt"
        path.write_text(f"Headline {i}\n{article(i)}\n", "utf-8")
        names.append(str(path))
    (tmp_path / "empty.txt").write_text("  \n", "utf-8")
    names.insert(3, str(tmp_path / "empty.txt"))
    return names


def _use(monkeypatch: pytest.MonkeyPatch, backend: EchoBackend) -> None:
    monkeypatch.setattr(api, "get_backend", lambda _settings: backend)
    monkeypatch.setenv("SUMMARIZER_MAX_REASKS", "0")


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def test_cli_killed_then_resumed_loses_and_repeats_nothing(
    tmp_path: Path, files: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out.jsonl"
    runner = CliRunner()
    first = EchoBackend(interrupt_after=3)  # dies on the 4th model call
    _use(monkeypatch, first)
    killed = runner.invoke(app, ["summarize", *files, "--jsonl", str(out)])
    assert killed.exit_code == 130
    partial = _lines(out)
    # The empty file's error record is written while reading, then 3 results.
    assert len(partial) == 4
    assert sum(r["ok"] for r in partial) == 3

    second = EchoBackend()
    _use(monkeypatch, second)
    resumed = runner.invoke(app, ["summarize", *files, "--jsonl", str(out), "--resume"])
    assert resumed.exit_code == 1  # the empty input is still an error, reported
    records = _lines(out)
    names = [r["input"] for r in records]
    assert sorted(set(names)) == sorted(files)  # none lost
    # Each result exactly once; only the failed input ran again (--resume re-runs failures).
    assert [n for n in names if names.count(n) > 1] == [files[3], files[3]]
    assert second.calls == 3  # only the 3 not yet done
    by_input = {r["input"]: r for r in records}
    assert by_input[files[3]]["ok"] is False
    assert "empty" in by_input[files[3]]["error"]["message"]
    for name in files[:3] + files[4:]:
        assert by_input[name]["ok"] is True
        assert by_input[name]["result"]["article"]["path"] == name


def test_cli_stdout_is_in_input_order_with_concurrency(
    files: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _use(monkeypatch, EchoBackend(delay_s=0.02))
    result = CliRunner().invoke(app, ["summarize", *files, "-j", "3", "--rate", "200"])
    assert result.exit_code == 1  # one input failed; the rest still came out
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(lines) == len(files)
    names = [rec.get("input") or rec["article"]["path"] for rec in lines]
    assert names == files


def test_cli_resume_needs_jsonl(files: list[str]) -> None:
    result = CliRunner().invoke(app, ["summarize", files[0], "--resume"])
    assert result.exit_code == 2
    assert "--resume needs --jsonl" in result.output
