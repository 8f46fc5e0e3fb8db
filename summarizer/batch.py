"""Batch plumbing: a rate limiter for the endpoint and a crash-safe JSON Lines sink.

The sink appends one complete line per finished input (written whole on an O_APPEND
file, then fsync), so a killed run leaves every finished record intact; `--resume` reads
it back and skips the inputs that succeeded: restarted, the batch loses nothing and
repeats nothing that worked. The sink holds an exclusive lock on its file for the run,
so two runs cannot both pay for every input of one batch.
"""

from __future__ import annotations

import contextlib
import contextvars
import errno
import fcntl
import json
import os
import stat
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ConfigError, SummarizerError

if TYPE_CHECKING:  # backends/openai_backend.py imports RateLimiter from here
    from .backends import Backend
    from .schema import PromptInfo


class OutputError(SummarizerError):
    """The output file cannot be written: refused before the run, or failed during it."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def write_all(fd: int, data: bytes) -> None:
    """os.write may write fewer bytes than asked (a signal, a nearly full disk): loop,
    so a line is never silently cut short."""
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        if n <= 0:  # no progress and no error: do not spin forever
            raise OSError(errno.EIO, "the write made no progress")
        view = view[n:]


def _fsync(fd: int) -> None:
    """fsync, except where the target cannot be synced (a pipe, a tty, /dev/null)."""
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EROFS):
            raise


def _same_file(a: Path, b: Path) -> bool:
    """Same inode when both exist (symlinks and hard links too), else same resolved path."""
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
        return a.resolve() == b.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop on older Pythons
        return False


def check_output(path: Path, inputs: Iterable[str], *, parent_made: bool = False) -> None:
    """Refuse an output that cannot be written, or that is one of the inputs, before the
    first model request is paid for. `parent_made`: the writer creates missing folders."""
    if path.is_dir():
        raise OutputError(path, "is a directory")
    for name in inputs:
        if name != "-" and _same_file(path, Path(name)):
            raise OutputError(path, f"is one of the inputs ({name}); choose another output")
    if path.exists():
        if not os.access(path, os.W_OK):
            raise OutputError(path, "is not writable")
        return
    parent = path.parent
    if not parent.exists():
        if parent_made:
            return
        raise OutputError(path, f"directory {parent} does not exist")
    if not parent.is_dir():
        raise OutputError(path, f"{parent} is not a directory")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError(path, f"directory {parent} is not writable")


def write_output(path: Path, text: str) -> None:
    """Write all of `text` to `path` (replacing it) and fsync; any failure is an
    OutputError, so the caller can say what was lost instead of a traceback."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
        try:
            write_all(fd, text.encode("utf-8"))
            _fsync(fd)
        finally:
            os.close(fd)
    except OSError as exc:
        raise OutputError(path, _reason(exc)) from exc


class RateLimiter:
    """Token bucket: at most `rate` acquisitions a second, bursts of up to `burst`.

    Thread-safe. Each caller reserves the next free slot under the lock and sleeps
    outside it, so waiting threads do not serialise on the lock itself.
    """

    # The limiter of the create() call running in this context, for a backend that takes
    # a token for each HTTP request it sends (its client's retries included).
    _active: contextvars.ContextVar[RateLimiter | None] = contextvars.ContextVar(
        "summarizer_rate_limiter", default=None
    )

    @classmethod
    def acquire_active(cls) -> float:
        """Take a token from the active limiter, if a RateLimitedBackend set one."""
        limiter = cls._active.get()
        return limiter.acquire() if limiter is not None else 0.0

    def __init__(
        self,
        rate: float,
        burst: int = 1,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if rate <= 0 or burst < 1:
            raise ConfigError(f"rate must be > 0 and burst >= 1 (got rate={rate}, burst={burst})")
        self.rate = rate
        self.burst = burst
        self._clock = clock
        self._sleep = sleep
        self._tokens = float(burst)
        self._last = clock()
        self._lock = threading.Lock()

    def acquire(self) -> float:
        """Take one token, waiting if needed; returns the seconds waited."""
        with self._lock:
            now = self._clock()
            self._tokens = min(self.burst, self._tokens + (now - self._last) * self.rate)
            self._last = now
            self._tokens -= 1.0  # may go negative: a reservation of a future slot
            wait = 0.0 if self._tokens >= 0 else -self._tokens / self.rate
        if wait > 0:
            self._sleep(wait)
        return wait


class RateLimitedBackend:
    """Wraps a backend so every request (first attempt and re-asks) waits for a token.

    A backend whose `rate_per_http_request` is true (the openai one with the client it
    builds) takes the tokens itself, one per HTTP request: a 429 retried twice inside
    the client is three requests to the endpoint, so three tokens.
    """

    rate_per_http_request = False  # its tokens are taken here, or by the inner backend

    def __init__(self, live: Backend, limiter: RateLimiter) -> None:
        self.live = live
        self.limiter = limiter
        self.name = live.name
        self.model = live.model
        self.mode = live.mode

    @property
    def last_timings(self) -> dict[str, float]:
        return self.live.last_timings

    @property
    def recorded_backend(self) -> str:
        return self.live.recorded_backend

    def count_tokens(self, text: str) -> int | None:
        return self.live.count_tokens(text)

    def create(self, *, prompt: PromptInfo | None = None, **kwargs: Any) -> Any:
        if not self.live.rate_per_http_request:
            self.limiter.acquire()
            return self.live.create(prompt=prompt, **kwargs)
        active = RateLimiter._active.set(self.limiter)
        try:
            return self.live.create(prompt=prompt, **kwargs)
        finally:
            RateLimiter._active.reset(active)

    def close(self) -> None:
        self.live.close()


class JsonlSink:
    """Appends one JSON object per line; thread-safe; every line whole and on disk.

    A regular file is locked (flock, exclusive) while the sink is open: a second run on
    the same file gets an OutputError at once, before it pays for anything. Failures
    to open or write are OutputError; after a failed write the sink refuses further
    lines, so what the caller reports as written is exactly what is in the file.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._failed: OutputError | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        except OSError as exc:
            raise OutputError(self.path, _reason(exc)) from exc
        try:
            info = os.fstat(self._fd)
            # Only regular files are locked: two runs may well share a terminal or a pipe.
            self._regular = stat.S_ISREG(info.st_mode)
            if self._regular:
                self._take_lock()
            # A run killed mid-line left a fragment: end it so the next line stands alone.
            if info.st_size:
                with self.path.open("rb") as fh:
                    fh.seek(info.st_size - 1)
                    if fh.read(1) != b"\n":
                        write_all(self._fd, b"\n")
        except BaseException as exc:
            os.close(self._fd)
            if isinstance(exc, OSError):
                raise OutputError(self.path, _reason(exc)) from exc
            raise

    def _take_lock(self) -> None:
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise OutputError(
                    self.path,
                    "is in use by another summarizer run (it holds a lock on the file); "
                    "wait for it to finish, or write to another file",
                ) from None
            # The file system cannot lock (some network mounts): run unlocked, as before.

    def append(self, record: dict[str, Any]) -> None:
        line = json.dumps(record, ensure_ascii=False, default=str) + "\n"
        data = line.encode("utf-8")
        with self._lock:
            if self._failed:  # a write already failed: nothing more may land
                raise self._failed
            before = os.fstat(self._fd).st_size if self._regular else 0
            try:
                write_all(self._fd, data)  # on O_APPEND, under our lock: the line is whole
                _fsync(self._fd)
            except OSError as exc:
                if self._regular:  # drop a partial line rather than leave it torn
                    with contextlib.suppress(OSError):  # --resume ignores a torn line anyway
                        os.ftruncate(self._fd, before)
                self._failed = OutputError(self.path, _reason(exc))
                raise self._failed from exc

    def close(self) -> None:
        # Every line was fsynced as it was written; closing also drops the lock. A close
        # error cannot lose a line already synced, so it must not mask the run's outcome.
        with contextlib.suppress(OSError):
            os.close(self._fd)

    def __enter__(self) -> JsonlSink:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def done_inputs(path: Path) -> dict[str, bool]:
    """Inputs that already have a record in a JSONL output -> whether it was a result.

    The latest line for an input wins (a failure re-run by --resume appends its new
    record). Torn lines (a run killed mid-write) are ignored, so those inputs run again.
    """
    done: dict[str, bool] = {}
    if not Path(path).is_file():
        return done
    with Path(path).open("r", encoding="utf-8", errors="replace") as fh:
        for line in fh:
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue  # the fragment of a line a killed run was writing
            if isinstance(record, dict) and isinstance(record.get("input"), str):
                done[record["input"]] = bool(record.get("ok"))
    return done
