"""`summarizer batch` against a stub of the Batch API answering from recordings.

The stub (tests/batch_stub.py) and scripts/answer_batch.py answer every line with the
recorded real response to its request; the real `openai` client talks to the stub. The
eval articles' recordings are the embedded model's (no re-ask), so the job runs with
SUMMARIZER_MAX_REASKS=0, the model's name, and the openai backend's requests (which
are the same requests: json_schema mode, same sampling).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from summarizer import RecordingMissingError, Settings, read_article, summarize, summarize_many
from summarizer.api import ItemError
from summarizer.backends.model_files import DEFAULT_EMBEDDED_MODEL
from summarizer.backends.openai_backend import OpenAIBackend
from summarizer.batch_api import BatchJob, BatchLimits
from summarizer.batch_api.gather import Gatherer
from summarizer.cli import app
from tests.batch_stub import BatchStub, Mode
from tests.http_stub import Reply, StubServer

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted((ROOT / "evals/data/articles").glob("*.json"))
# Several chunks, re-reads, and plain ones: every kind of round in a few seconds.
SOME = [
    ROOT / "evals/data/articles" / name
    for name in (
        "seed-000.json",
        "wiki-JC002YBW0.json",
        "wiki-K0C041O37.json",
        "neus-5750-left.json",
        "hard-alleged.json",
        "hard-opinion.json",
    )
]
MODEL = DEFAULT_EMBEDDED_MODEL


def _settings(stub: BatchStub | None = None, **changes: Any) -> Settings:
    return Settings(
        backend="openai",
        model=MODEL,
        max_reasks=0,
        openai_base_url=stub.base_url if stub else "http://127.0.0.1:9/v1",
        **changes,
    )


def _env(stub: BatchStub) -> dict[str, str]:
    return {
        "OPENAI_BASE_URL": stub.base_url,
        "SUMMARIZER_MODEL": MODEL,
        "SUMMARIZER_MAX_REASKS": "0",
        "OPENAI_API_KEY": "",
    }


def _norm(outcome: Any) -> Any:
    """A result without what differs by design: backend name, wall time, timings, notes."""
    if isinstance(outcome, ItemError):
        return dict(outcome)
    if isinstance(outcome, dict):  # a line of -o OUT.jsonl
        data = json.loads(json.dumps(outcome["result"]))
    else:
        data = outcome.model_dump(mode="json")
    for key in ("backend", "seconds", "model_seconds", "notes"):
        data["run"].pop(key)
    return data


@pytest.fixture(scope="module")
def replayed() -> dict[str, Any]:
    articles = [read_article(f) for f in ARTICLES]
    outcomes = summarize_many(articles, settings=Settings(backend="replay"))
    return {f.name: o for f, o in zip(ARTICLES, outcomes, strict=True)}


def _sent_once(stub: BatchStub) -> Counter[str]:
    counts = Counter(cid for batch in stub.sent for cid in batch)
    assert max(counts.values()) == 1, "a request was paid for twice"
    return counts


def _finish(job: BatchJob, limit: int = 20) -> None:
    for _ in range(limit):
        if job.collect().finished:
            return
    raise AssertionError("the job did not finish")


def test_batch_run_on_the_eval_articles_equals_replay(tmp_path: Path, replayed) -> None:
    out = tmp_path / "out.jsonl"
    files = [str(f) for f in ARTICLES]
    with BatchStub() as stub:
        args = ["batch", "run", *files, "--job", str(tmp_path / "job"), "-o", str(out)]
        result = CliRunner().invoke(app, [*args, "--poll", "0"], env=_env(stub))
        assert result.exit_code == 0, result.output
        rounds = [len(batch) for batch in stub.sent]
        _sent_once(stub)
    # Round 1: every chunk's first pass of all 81 articles; round 2: their re-reads.
    assert rounds == [86, 21]
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert [x["input"] for x in lines] == files  # input order
    assert all(x["ok"] for x in lines)
    for path, line in zip(ARTICLES, lines, strict=True):
        assert _norm(line) == _norm(replayed[path.name]), path.name
        assert any(n.startswith("answered by batch batch_") for n in line["result"]["run"]["notes"])
    status = CliRunner().invoke(app, ["batch", "status", "--job", str(tmp_path / "job")])
    assert "round 1: 86 lines in 1 file(s): completed 1 [batch_1]" in status.output
    assert "107 answered lines" in status.output


def test_a_request_line_is_what_the_openai_backend_sends(tmp_path: Path) -> None:
    seed = read_article(ROOT / "seeds/000_eb6b1eeda829eab8.txt")
    job = BatchJob.create(tmp_path / "job", [seed], _settings(), external=True)
    (line,) = [json.loads(x) for x in job.export(1)]
    with StubServer(Reply(status=400, body={"error": {"message": "stub"}})) as live:
        settings = _settings().with_(openai_base_url=live.base_url, transport_retries=0)
        (failed,) = summarize_many([seed], backend=OpenAIBackend(settings), settings=settings)
        assert isinstance(failed, ItemError) and "HTTP 400" in failed["message"]
        sent = live.requests[0]
    assert sent["path"] == "/v1/chat/completions"
    assert line["body"] == sent["json"]
    assert line["method"] == "POST" and line["url"] == "/v1/chat/completions"


def test_kill_during_collect_then_rerun_loses_and_repeats_nothing(
    tmp_path: Path, replayed, monkeypatch: pytest.MonkeyPatch
) -> None:
    with BatchStub(Mode("slow", polls=1)) as stub:
        job = BatchJob.create(tmp_path / "job", [read_article(f) for f in SOME], _settings(stub))
        job.submit()
        assert not job.collect().finished  # in_progress
        # Killed half-way through finishing round 1's articles...
        calls = {"n": 0}
        real_run = Gatherer.run

        def dies_on_the_third(self: Gatherer, *args: Any) -> Any:
            calls["n"] += 1
            if calls["n"] == 3:
                raise KeyboardInterrupt
            return real_run(self, *args)

        monkeypatch.setattr(Gatherer, "run", dies_on_the_third)
        with pytest.raises(KeyboardInterrupt):
            BatchJob(tmp_path / "job").collect()
        monkeypatch.setattr(Gatherer, "run", real_run)
        # ...then right after round 2's batch was started, before its id was saved.
        transport = BatchJob(tmp_path / "job").transport
        real_start = type(transport).start

        def started_then_killed(self: Any, *args: Any) -> Any:
            real_start(self, *args)
            raise KeyboardInterrupt

        monkeypatch.setattr(type(transport), "start", started_then_killed)
        with pytest.raises(KeyboardInterrupt):
            BatchJob(tmp_path / "job").collect()
        monkeypatch.setattr(type(transport), "start", real_start)
        again = BatchJob(tmp_path / "job")
        _finish(again)
        assert len(stub.sent) == 2  # the started batch was found, not started again
        _sent_once(stub)
    outcomes = again.results()
    for path, outcome in zip(SOME, outcomes, strict=True):
        assert _norm(outcome) == _norm(replayed[path.name]), path.name
    indices = [json.loads(x)["index"] for x in (tmp_path / "job/results.jsonl").open()]
    assert sorted(indices) == list(range(len(SOME)))  # each input once


def test_an_expired_batch_s_missing_lines_are_resent(tmp_path: Path, replayed) -> None:
    with BatchStub(Mode("expired", after=4), Mode("completed")) as stub:
        job = BatchJob.create(tmp_path / "job", [read_article(f) for f in SOME], _settings(stub))
        job.submit()
        _finish(job)
        first, second = stub.sent[0], stub.sent[1]
    assert set(first[4:]) <= set(second)  # every expired line went again, in round 2
    assert not set(first[:4]) & set(second)  # answered lines were not
    for path, outcome in zip(SOME, job.results(), strict=True):
        assert _norm(outcome) == _norm(replayed[path.name]), path.name


def test_server_errors_are_resent_and_a_4xx_is_the_article_s_error(tmp_path: Path) -> None:
    articles = [read_article(f) for f in SOME]
    with BatchStub(Mode("partial", every=3, status=500), Mode("completed")) as stub:
        job = BatchJob.create(tmp_path / "a", articles, _settings(stub))
        job.submit()
        _finish(job)
        assert set(stub.sent[0][2::3]) <= set(stub.sent[1])
    assert all(not isinstance(o, ItemError) for o in job.results())
    with BatchStub(Mode("partial", every=3, status=400), Mode("completed")) as stub:
        job = BatchJob.create(tmp_path / "b", articles, _settings(stub))
        job.submit()
        _finish(job)
        assert not set(stub.sent[0]) & {c for b in stub.sent[1:] for c in b}
    errors = [o for o in job.results() if isinstance(o, ItemError)]
    assert errors and all("HTTP 400" in e["message"] for e in errors)


def test_a_failed_batch_is_retried_then_every_input_has_an_error_record(tmp_path: Path) -> None:
    with BatchStub(Mode("failed")) as stub:
        settings = _settings(stub, transport_retries=1)
        job = BatchJob.create(tmp_path / "job", [read_article(f) for f in SOME[:2]], settings)
        job.submit()
        _finish(job)
        assert len(stub.sent) == 2 and stub.sent[0] == stub.sent[1]  # one retry, same lines
    outcomes = job.results()
    assert len(outcomes) == 2 and all(isinstance(o, ItemError) for o in outcomes)
    assert all("stub: the batch failed" in o["message"] for o in outcomes if o is not None)


def test_duplicates_are_sent_once_and_limits_cut_files_and_waves(tmp_path: Path) -> None:
    seed = read_article(SOME[0])
    items = [seed, read_article(SOME[4]), seed, read_article(SOME[5]), seed]
    with BatchStub() as stub:
        limits = BatchLimits(max_lines=1, wave=2)
        job = BatchJob.create(tmp_path / "job", items, _settings(stub), limits=limits)
        assert [p.lines for p in job.state.of_round(1)] == [1, 1, 1]  # 3 distinct requests
        job.submit()
        assert sum(p.in_flight for p in job.state.parts) == 2  # the wave
        _finish(job)
        _sent_once(stub)
    outcomes = job.results()
    assert _norm(outcomes[0]) == _norm(outcomes[2]) == _norm(outcomes[4])


def test_export_an_answering_script_then_import_equals_replay(tmp_path: Path, replayed) -> None:
    files = [str(f) for f in SOME]
    job_dir, run = str(tmp_path / "job"), CliRunner()
    env = {"SUMMARIZER_MODEL": MODEL, "SUMMARIZER_MAX_REASKS": "0"}
    made = run.invoke(app, ["batch", "submit", *files, "--job", job_dir, "--external"], env=env)
    assert made.exit_code == 0, made.output
    out = tmp_path / "results.jsonl"
    for n in (1, 2, 3):
        exported = run.invoke(app, ["batch", "export", "--job", job_dir, "--round", str(n)])
        (tmp_path / "in.jsonl").write_text(exported.stdout)
        script = [sys.executable, str(ROOT / "scripts/answer_batch.py")]
        subprocess.run([*script, tmp_path / "in.jsonl", tmp_path / "out.jsonl"], check=True)
        args = ["batch", "import", "--job", job_dir, str(tmp_path / "out.jsonl"), "-o", str(out)]
        imported = run.invoke(app, args)
        assert imported.exit_code == 0, imported.output
        if "finished" in imported.output:
            break
    assert n == 2  # first passes, then re-reads
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    for path, line in zip(SOME, lines, strict=True):
        assert _norm(line) == _norm(replayed[path.name]), path.name


def test_the_output_is_a_recording_strict_replay_reads(tmp_path: Path, replayed) -> None:
    articles = [read_article(f) for f in SOME]
    with BatchStub() as stub:
        job = BatchJob.create(tmp_path / "job", articles, _settings(stub))
        job.submit()
        _finish(job)
        lines = sum(len(batch) for batch in stub.sent)
    again = summarize_many(articles, backend=job.replay_backend(), settings=job.settings)
    for path, outcome in zip(SOME, again, strict=True):
        assert _norm(outcome) == _norm(replayed[path.name]), path.name
    other = read_article(ARTICLES[-1])
    with pytest.raises(RecordingMissingError, match=f"batch/{MODEL}/[0-9a-f]{{64}}"):
        summarize(other, backend=job.replay_backend(), settings=job.settings)
    # Into recordings/: plain `--backend replay` of the openai backend reads them.
    assert job.export_recordings(tmp_path / "rec") == lines
    replay = Settings(
        backend="replay",
        replay_of="openai",
        model=MODEL,
        max_reasks=0,
        recordings_dir=tmp_path / "rec",
    )
    for path, outcome in zip(SOME, summarize_many(articles, settings=replay), strict=True):
        assert _norm(outcome) == _norm(replayed[path.name]), path.name
