"""Nothing paid for is lost (issue 12, items 4-7): outputs that cannot be written fail
before the first request or stop cleanly saying what is safe; one --jsonl file has one
writer; --resume re-runs failures; an unreadable input is that input's error record."""

from __future__ import annotations

import errno
import fcntl
import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import SEED
from fakes import FakeBackend, completion
from typer.testing import CliRunner

import summarizer.api as api
from summarizer.article import read_article
from summarizer.batch import JsonlSink, done_inputs
from summarizer.cli import app
from summarizer.errors import BackendError, InputError, SummarizerError


class Echo(FakeBackend):
    """Always valid: cites the article's first two sentences. `fail_on` names inputs
    (by a word in their text) whose request raises a BackendError, as a 429 storm would."""

    def __init__(self, fail_on: str | None = None) -> None:
        super().__init__()
        self.fail_on = fail_on
        self.calls = 0

    def create(self, **kwargs: Any) -> Any:
        self.calls += 1
        user = kwargs["messages"][-1]["content"]
        if self.fail_on and self.fail_on in user:
            raise BackendError("429 Too Many Requests")
        found = re.findall(r"^\[(\d+)\] (.+)$", user, re.MULTILINE)[:2]
        draft = {"summary": [{"text": t, "ids": [int(i)]} for i, t in found], "events": []}
        return completion(json.dumps(draft))


@pytest.fixture
def echo(monkeypatch: pytest.MonkeyPatch) -> Echo:
    backend = Echo()
    monkeypatch.setattr(api, "get_backend", lambda _settings: backend)
    monkeypatch.setenv("SUMMARIZER_MAX_REASKS", "0")
    return backend


@pytest.fixture
def files(tmp_path: Path) -> list[str]:
    names = []
    for i in range(3):
        path = tmp_path / f"a{i}.txt"
        path.write_text(
            f"Headline {i}\nThe council of town{i} met on Monday to discuss the budget.\n"
            f"Members approved spending of {i} million on roads, the clerk said.\n",
            "utf-8",
        )
        names.append(str(path))
    return names


def run(*args: str) -> Any:
    return CliRunner().invoke(app, ["summarize", *args])


def said(result: Any) -> str:
    """What the run printed, with rich's line wrapping undone."""
    return " ".join(result.output.split())


def no_traceback(result: Any) -> None:
    """The run ended through typer.Exit, not an exception escaping the command."""
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in said(result)


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]


# --- 4. the output location is checked first; writes are whole; failures stop cleanly --


def test_output_in_missing_directory_fails_before_any_request(
    tmp_path: Path, files: list[str], echo: Echo
) -> None:
    result = run(*files, "-o", str(tmp_path / "nope" / "x.jsonl"))
    assert result.exit_code == 2
    assert "does not exist" in said(result)
    no_traceback(result)
    briefing = CliRunner().invoke(app, ["brief", *files, "-o", str(tmp_path / "nope" / "b.md")])
    assert briefing.exit_code == 2 and "does not exist" in said(briefing)
    no_traceback(briefing)
    assert echo.calls == 0


def test_output_that_is_a_directory_fails_before_any_request(
    tmp_path: Path, files: list[str], echo: Echo
) -> None:
    for flag in ("-o", "--jsonl"):
        result = run(*files, flag, str(tmp_path))
        assert result.exit_code == 2, flag
        assert "is a directory" in said(result)
        no_traceback(result)
    assert echo.calls == 0


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_output_on_full_device_says_what_was_lost(files: list[str], echo: Echo) -> None:
    result = run(*files, "-o", "/dev/full")
    assert result.exit_code == 2
    assert "No space left on device" in said(result)
    assert "3 result(s) of this run were not saved" in said(result)
    no_traceback(result)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_jsonl_on_full_device_stops_at_the_first_failed_write(files: list[str], echo: Echo) -> None:
    result = run(*files, "--jsonl", "/dev/full")
    assert result.exit_code == 2
    assert "No space left on device" in said(result)
    assert "0 input(s) are safe" in said(result)
    assert echo.calls == 1  # stopped: the other inputs were not paid for
    no_traceback(result)


def test_jsonl_write_failing_mid_batch_names_the_inputs_on_disk(
    tmp_path: Path, files: list[str], echo: Echo, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out.jsonl"
    real_write = os.write
    records = 0

    def disk_fills(fd: int, data: bytes) -> int:
        nonlocal records
        if b'"input"' in bytes(data):
            records += 1
            if records == 2:  # the second record finds the disk full
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", disk_fills)
    result = run(*files, "--jsonl", str(out))
    assert result.exit_code == 2
    assert "No space left on device" in said(result)
    assert "1 input(s) are safe" in said(result)
    assert files[0] in said(result) and "--resume" in said(result)
    assert [r["input"] for r in lines(out)] == [files[0]]  # whole lines only
    assert echo.calls == 2  # the third input was never sent
    no_traceback(result)


def test_jsonl_write_failing_with_concurrency_stops_cleanly(
    tmp_path: Path, files: list[str], echo: Echo, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out.jsonl"
    real_write = os.write

    def broken(fd: int, data: bytes) -> int:
        if b'"input"' in bytes(data):
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", broken)
    result = run(*files, "--jsonl", str(out), "-j", "3")
    assert result.exit_code == 2
    assert "Input/output error" in said(result) and "0 input(s) are safe" in said(result)
    assert out.read_text("utf-8") == ""  # nothing torn left behind
    no_traceback(result)


def test_short_writes_still_land_whole_lines(
    tmp_path: Path, files: list[str], echo: Echo, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_write = os.write
    monkeypatch.setattr(os, "write", lambda fd, data: real_write(fd, bytes(data)[:7]))
    out, full = tmp_path / "out.jsonl", tmp_path / "all.jsonl"
    result = run(*files, "--jsonl", str(out), "-o", str(full))
    assert result.exit_code == 0, result.output
    assert [r["input"] for r in lines(out)] == files
    assert len(lines(full)) == 3


def test_replayed_output_is_the_same_on_stdout_and_in_files(tmp_path: Path) -> None:
    """Writing through the new code does not change a byte of the replayed result."""
    seed = str(SEED)
    shown = run(seed, "--backend", "replay")
    assert shown.exit_code == 0, shown.output
    out, stream = tmp_path / "seed.json", tmp_path / "seed.jsonl"
    written = run(seed, "--backend", "replay", "-o", str(out), "--jsonl", str(stream))
    assert written.exit_code == 0, written.output
    assert timeless(json.loads(out.read_text("utf-8"))) == timeless(json.loads(shown.stdout))
    assert timeless(lines(stream)[0]["result"]) == timeless(json.loads(shown.stdout))


def timeless(result: dict[str, Any]) -> dict[str, Any]:
    """A result without its wall-clock time, the one field two runs may differ in."""
    return {**result, "run": {**result["run"], "seconds": None}}


# --- 5. one writer per --jsonl file; no output over an input --------------------------


def test_second_run_on_a_jsonl_in_use_refuses_at_once(
    tmp_path: Path, files: list[str], echo: Echo
) -> None:
    out = tmp_path / "out.jsonl"
    with out.open("a") as other:  # another process holding the file, as a run would
        fcntl.flock(other.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        result = run(*files, "--jsonl", str(out))
    assert result.exit_code == 2
    assert "in use" in said(result) and str(out) in said(result)
    assert echo.calls == 0
    assert out.read_text("utf-8") == ""
    no_traceback(result)


def test_jsonl_sink_holds_the_lock_until_closed(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    with JsonlSink(out), pytest.raises(SummarizerError, match="in use"):
        JsonlSink(out)
    JsonlSink(out).close()  # released on close


def test_output_naming_an_input_is_refused(tmp_path: Path, files: list[str], echo: Echo) -> None:
    before = Path(files[1]).read_text("utf-8")
    alias = tmp_path / "alias.txt"
    alias.symlink_to(files[1])  # another name, the same file
    for args in (["-o", files[1]], ["--jsonl", files[1]], ["--jsonl", str(alias)]):
        result = run(*files, *args)
        assert result.exit_code == 2, args
        assert "is one of the inputs" in said(result)
        no_traceback(result)
    assert Path(files[1]).read_text("utf-8") == before
    assert echo.calls == 0


# --- 6. --resume re-runs what failed ----------------------------------------------------


def test_resume_reruns_inputs_whose_latest_line_is_an_error(
    tmp_path: Path, files: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out.jsonl"
    monkeypatch.setenv("SUMMARIZER_MAX_REASKS", "0")
    storm = Echo(fail_on="town1")
    monkeypatch.setattr(api, "get_backend", lambda _settings: storm)
    first = run(*files, "--jsonl", str(out))
    assert first.exit_code == 1
    assert done_inputs(out) == {files[0]: True, files[1]: False, files[2]: True}

    still = Echo(fail_on="town1")
    monkeypatch.setattr(api, "get_backend", lambda _settings: still)
    again = run(*files, "--jsonl", str(out), "--resume")
    assert "resuming: 2 done, 1 failed before and will run again" in said(again)
    assert still.calls == 1 and again.exit_code == 1  # still failing: still exit 1

    calm = Echo()
    monkeypatch.setattr(api, "get_backend", lambda _settings: calm)
    last = run(*files, "--jsonl", str(out), "--resume")
    assert calm.calls == 1  # only the failed input ran again
    assert last.exit_code == 0, last.output  # nothing failed in the end
    assert done_inputs(out) == {name: True for name in files}  # the latest line wins


def test_done_inputs_latest_line_wins(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    rows = [("a", True), ("b", False), ("a", False), ("b", True)]
    out.write_text("".join(json.dumps({"input": n, "ok": ok}) + "\n" for n, ok in rows))
    assert done_inputs(out) == {"a": False, "b": True}


# --- 7. an unreadable input is that input's error --------------------------------------


def deny(monkeypatch: pytest.MonkeyPatch, target: str) -> None:
    """chmod 000 as a non-root user: opening the file raises PermissionError."""
    real_open = Path.open

    def guarded(self: Path, *args: Any, **kwargs: Any) -> Any:
        if str(self) == target:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", guarded)


def test_unreadable_file_is_its_own_error_record(
    tmp_path: Path, files: list[str], echo: Echo, monkeypatch: pytest.MonkeyPatch
) -> None:
    deny(monkeypatch, files[1])
    out = tmp_path / "out.jsonl"
    result = run(*files, "--jsonl", str(out))
    assert result.exit_code == 1
    no_traceback(result)
    by_input = {r["input"]: r for r in lines(out)}
    assert by_input[files[0]]["ok"] and by_input[files[2]]["ok"]
    error = by_input[files[1]]["error"]
    assert error["type"] == "InputError" and "permission denied" in error["message"]
    assert files[1] in error["message"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a chmod 000 file anyway")
def test_chmod_000_file_is_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("Headline\nBody sentence one. Body sentence two.\n")
    path.chmod(0)
    with pytest.raises(InputError, match="permission denied"):
        read_article(path)


def test_brief_skips_an_unreadable_file(
    files: list[str], echo: Echo, monkeypatch: pytest.MonkeyPatch
) -> None:
    deny(monkeypatch, files[0])
    result = CliRunner().invoke(app, ["brief", *files])
    no_traceback(result)
    assert result.exit_code == 0, result.output
    assert "permission denied" in said(result)
    assert echo.calls == 2


def test_odd_inputs_say_what_they_are(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    loop_a, loop_b = tmp_path / "a.txt", tmp_path / "b.txt"
    loop_a.symlink_to(loop_b)
    loop_b.symlink_to(loop_a)
    dangling = tmp_path / "gone.txt"
    dangling.symlink_to(tmp_path / "missing.txt")
    expected = {
        tmp_path: "is a directory",
        fifo: r"is not a regular file \(FIFO\)",
        loop_a: "symlink loop",
        dangling: "broken symlink",
        tmp_path / "missing.txt": "no such file",
    }
    for path, message in expected.items():
        with pytest.raises(InputError, match=message):
            read_article(path)


def test_directory_input_in_a_batch_says_so(tmp_path: Path, files: list[str], echo: Echo) -> None:
    result = run(files[0], str(tmp_path))
    assert result.exit_code == 1
    records = [json.loads(x) for x in result.stdout.splitlines() if x.startswith("{")]
    assert "is a directory" in records[1]["error"]["message"]
