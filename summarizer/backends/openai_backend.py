"""Any OpenAI-compatible endpoint (OpenAI, vLLM, Ollama, llama.cpp server) via `openai`.

Transport faults (timeouts, connection errors, 429, 5xx) are retried by the openai
client itself, which backs off and honours Retry-After; instructor's loop only
re-asks on validation errors, so the two never multiply.

When the backend builds the client, each HTTP request it sends (every retry included)
first takes a token from the active `--rate` limiter, then must end within
`request_timeout_s` of wall time: httpx's timeouts are per socket operation, so a server
that drips a byte a second would never trip them.
"""

from __future__ import annotations

import contextvars
import json
import os
import ssl
import time
from collections.abc import Iterable
from typing import Any

import httpcore2
import httpx2
import openai

from ..batch import RateLimiter
from ..errors import BackendError, ConfigError
from ..schema import PromptInfo
from ..secrets import register_secret, scrub
from ..settings import Settings
from .modes import openai_mode

_NO_KEY = "no-key-needed"  # what a local server that takes no key is sent


class OpenAIBackend:
    name = "openai"
    recorded_backend = "openai"

    def __init__(self, settings: Settings, client: openai.OpenAI | None = None) -> None:
        self.model = settings.model or "gpt-4o-mini"
        self.mode = openai_mode(settings)
        if client is None:
            key = os.environ.get("OPENAI_API_KEY")
            base_url = settings.openai_base_url
            if not key and not base_url:
                raise ConfigError(
                    "the openai backend needs OPENAI_API_KEY (or OPENAI_BASE_URL for a local "
                    "server that takes no key)"
                )
            http = openai.DefaultHttpxClient(event_hooks={"request": [self._before_request]})
            _add_deadline(http)
            client = openai.OpenAI(
                api_key=key or _NO_KEY,
                base_url=base_url,
                max_retries=settings.transport_retries,
                timeout=settings.request_timeout_s,
                http_client=http,
            )
            self.deadline_s: float | None = settings.request_timeout_s
            # RateLimitedBackend: this backend takes a token per HTTP request itself.
            self.rate_per_http_request = True
        else:  # the caller's client is used as it is: its own timeouts, no hooks
            timeout = getattr(client, "timeout", None)
            self.deadline_s = timeout if isinstance(timeout, int | float) else None
            self.rate_per_http_request = False
        key = getattr(client, "api_key", None)
        if key != _NO_KEY:
            register_secret(key)  # a key given in code is not in the environment
        self.client = client
        self.last_timings: dict[str, float] = {}  # not measured: the server's clock

    def count_tokens(self, text: str) -> int | None:
        return None  # the endpoint's tokenizer is not ours to run

    def _before_request(self, request: httpx2.Request) -> None:
        RateLimiter.acquire_active()  # first: waiting for a token is not the request's time
        if self.deadline_s is not None:
            # Read by _DeadlineStream during this request. The body is read after the
            # hooks, in this same thread, so the value stays set; the next request of
            # this thread sets its own before any I/O.
            _DEADLINE.set(time.monotonic() + self.deadline_s)

    def create(self, *, prompt: PromptInfo | None = None, **kwargs: Any) -> Any:
        try:
            response = self.client.chat.completions.create(**kwargs)
        except openai.APIStatusError as exc:
            # 4xx other than 429 are not transient; 429/5xx arrive here after the retries.
            # Scrubbed: a 401 body often quotes the key that was sent.
            raise BackendError(
                f"{self.name} endpoint answered HTTP {exc.status_code} after retries: "
                f"{_short(scrub(exc.message))}"
            ) from None
        except openai.APITimeoutError:  # before its base class, APIConnectionError
            tries = getattr(self.client, "max_retries", 0) + 1
            within = f"after {self.deadline_s:g} s " if self.deadline_s is not None else ""
            raise BackendError(
                f"{self.name} endpoint timed out {within}on each of {tries} tries "
                "(APITimeoutError): no complete answer in time"
            ) from None
        except openai.APIConnectionError as exc:
            raise BackendError(
                f"{self.name} endpoint unreachable after retries ({type(exc).__name__})"
            ) from None
        except (json.JSONDecodeError, openai.APIResponseValidationError) as exc:
            # A 200 whose body is not JSON (a proxy's HTML page, a broken server): not the
            # model's fault, so it must not be re-asked as if it were a validation error.
            raise BackendError(
                f"{self.name} endpoint sent a body that is not a chat completion "
                f"({type(exc).__name__}); check openai_base_url"
            ) from None
        if not getattr(response, "choices", None):
            raise BackendError(
                f"{self.name} endpoint answered with no choices (model {self.model!r}); "
                "the server produced no completion"
            )
        return response

    def close(self) -> None:
        self.client.close()


def _short(text: str, limit: int = 300) -> str:
    return text if len(text) <= limit else text[:limit] + "..."


# --- a total deadline per HTTP request --------------------------------------------------

_DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "summarizer_http_deadline", default=None
)


def _within_deadline(timeout: float | None, expired: type[Exception]) -> float | None:
    """This socket operation's timeout, cut to what is left of the request's deadline."""
    deadline = _DEADLINE.get()
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise expired("the request's total time limit (request_timeout_s) passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore2.NetworkStream):
    """A connection whose every read and write is bounded by the current deadline.

    Streams outlive requests (keep-alive), so the deadline is looked up per operation,
    not stored. An expired deadline raises httpcore's own timeout, which the openai
    client reports (and retries) as APITimeoutError.
    """

    def __init__(self, inner: httpcore2.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _within_deadline(timeout, httpcore2.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _within_deadline(timeout, httpcore2.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore2.NetworkStream:
        timeout = _within_deadline(timeout, httpcore2.ConnectTimeout)
        return _DeadlineStream(self._inner.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _DeadlineBackend(httpcore2.NetworkBackend):
    def __init__(self, inner: httpcore2.NetworkBackend) -> None:
        self._inner = inner

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore2.NetworkStream:
        timeout = _within_deadline(timeout, httpcore2.ConnectTimeout)
        return _DeadlineStream(
            self._inner.connect_tcp(host, port, timeout, local_address, socket_options)
        )

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore2.NetworkStream:
        timeout = _within_deadline(timeout, httpcore2.ConnectTimeout)
        return _DeadlineStream(self._inner.connect_unix_socket(path, timeout, socket_options))

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def _add_deadline(http: httpx2.Client) -> None:
    """Route every connection of this client (direct, or through an env proxy) through
    _DeadlineBackend.

    httpx offers no total-time timeout and no public way to give its transports a
    network backend, so this sets httpcore's pool attribute; tests/test_limits.py fails
    if a new httpx moves it. A thread with a deadline was the alternative, but it can
    only abandon the request, not stop it: the socket would keep dripping.
    """
    for transport in (http._transport, *http._mounts.values()):
        pool = getattr(transport, "_pool", None)
        if isinstance(getattr(pool, "_network_backend", None), httpcore2.NetworkBackend):
            pool._network_backend = _DeadlineBackend(pool._network_backend)  # type: ignore[union-attr]
