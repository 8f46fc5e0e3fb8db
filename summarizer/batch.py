"""Batch plumbing: a rate limiter for the endpoint and a crash-safe JSON Lines sink.

The sink appends one complete line per finished input (one `write` on an O_APPEND file,
then fsync), so a killed run leaves every finished record intact; `--resume` reads it
back and skips those inputs: restarted, the batch loses nothing and repeats nothing.
"""

from __future__ import annotations

import contextvars
import json
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .errors import ConfigError


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

    def __init__(self, live: Any, limiter: RateLimiter) -> None:
        self.live = live
        self.limiter = limiter
        self.name = live.name
        self.model = live.model
        self.mode = live.mode

    def create(self, **kwargs: Any) -> Any:
        if not getattr(self.live, "rate_per_http_request", False):
            self.limiter.acquire()
            return self.live.create(**kwargs)
        active = RateLimiter._active.set(self.limiter)
        try:
            return self.live.create(**kwargs)
        finally:
            RateLimiter._active.reset(active)

    def __getattr__(self, item: str) -> Any:  # count_tokens, last_timings, ...
        return getattr(self.live, item)

    def close(self) -> None:
        self.live.close()


class JsonlSink:
    """Appends one JSON object per line; thread-safe; every line flushed to disk."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        # A run killed mid-line left a fragment: end it so the next line stands alone.
        size = os.fstat(self._fd).st_size
        if size:
            with self.path.open("rb") as fh:
                fh.seek(size - 1)
                if fh.read(1) != b"\n":
                    os.write(self._fd, b"\n")

    def append(self, record: dict[str, Any]) -> None:
        line = json.dumps(record, ensure_ascii=False, default=str) + "\n"
        data = line.encode("utf-8")
        with self._lock:
            os.write(self._fd, data)  # one write on O_APPEND: the line lands whole
            os.fsync(self._fd)

    def close(self) -> None:
        os.close(self._fd)

    def __enter__(self) -> JsonlSink:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def done_inputs(path: Path) -> dict[str, bool]:
    """Inputs that already have a record in a JSONL output -> whether it was a result.

    Torn lines (a run killed mid-write) are ignored, so those inputs run again.
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
