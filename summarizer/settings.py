"""One frozen Settings object, built from arguments or SUMMARIZER_* environment variables."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from .errors import ConfigError

_REPO_ROOT = Path(__file__).resolve().parent.parent
# Measured on the 31-case eval: the embedded 1.5B model's second attempt scores the same
# as its first (it repeats itself; assembly's repairs do the work) at twice the time, so
# it is not re-asked by default. Endpoint models do follow the re-ask message.
REASKS_BY_BACKEND = {"local": 0, "openai": 1}
BACKENDS = ("local", "openai", "replay", "record")


def _default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "news-summarizer"


@dataclass(frozen=True)
class Settings:
    """Everything a run can be tuned by. Passed down explicitly; never read globally."""

    backend: str = "local"
    # Model name: for `openai` the endpoint's model id; for `local` a key of the
    # embedded model table (backends/model_files.py), ignored when model_path is set.
    model: str | None = None
    model_path: Path | None = None
    openai_base_url: str | None = None
    # How structured output is asked of an endpoint: json_schema, tools, json or md_json.
    openai_mode: str = "json_schema"
    # Which live backend `record` wraps, and whose recordings `replay` answers from.
    record_from: str = "local"
    replay_of: str = "local"
    # `record` answers a request it already has a recording for from that recording and
    # goes live only for the missing ones (after adding a step, say); default: all live.
    record_keep_existing: bool = False
    prompt_name: str = "summarize"
    prompt_version: str | None = None  # None = newest version in prompts/
    # Re-asks after the first attempt when checks fail (instructor's loop).
    # None = the backend's default (REASKS_BY_BACKEND).
    max_reasks: int | None = None
    # Transport retries (timeouts, 429, 5xx) done by the openai client, honouring Retry-After.
    transport_retries: int = 3
    request_timeout_s: float = 120.0
    # Hard cap on prompt+completion tokens over every attempt for one article.
    token_budget: int = 12000
    max_output_tokens: int = 900
    temperature: float = 0.0
    seed: int = 0
    n_ctx: int = 4096
    n_threads: int | None = None
    # Greedy decoding asks the JSON grammar about the best token only, not the whole
    # vocabulary (same output, ~20 ms a token less; backends/greedy_grammar.py).
    fast_greedy_grammar: bool = True
    # Save the evaluated system prompt + example in cache_dir, so a new process starts
    # warm (~13 s less per cold run; backends/prefix_cache.py).
    prefix_cache: bool = True
    # Prompt-lookup decoding: tokens guessed per step by copying from the context and
    # checked in one batch (backends/prompt_lookup.py). Off by default: on two cores 2
    # saves 0-5% of the seed's time, and batched decoding rounds differently and flips
    # near-ties, so answers are not those the eval's recordings hold (README, Performance).
    draft_tokens: int = 0
    # Embedded model: articles decoded together in one llama.cpp context, one KV-cache
    # sequence each (backends/scheduler.py); the context is parallel x n_ctx tokens.
    # summarize_many runs this many articles at once. 1 = one request at a time.
    parallel: int = 1
    # Groups of sentences the coverage check flags (an incident no event cites) that are
    # sent again in a short window, events only (reread.py); 0 turns re-reading off.
    rereads: int = 4
    # A summary shorter than this is filled with the article's lede sentences (repaired
    # like the model's; assemble.cover_events); 0 leaves the model's summary as it is.
    min_summary_sentences: int = 4
    # Chunking for articles longer than the model's context.
    chunk_sentences: int = 40
    chunk_overlap: int = 3
    # Longer inputs are refused, not chunked (see input_guard.py for why).
    max_input_chars: int = 200_000
    # The repository's recordings/ in a checkout; installed from a wheel, ./recordings
    # (SUMMARIZER_RECORDINGS_DIR points replay at a checkout's recordings/).
    recordings_dir: Path = field(
        default_factory=lambda: (
            _REPO_ROOT / "recordings"
            if (_REPO_ROOT / "pyproject.toml").is_file()
            else Path("recordings")
        )
    )
    cache_dir: Path = field(default_factory=_default_cache_dir)

    def __post_init__(self) -> None:
        if self.backend not in BACKENDS:
            raise ConfigError(
                f"unknown backend {self.backend!r}; choose one of {', '.join(BACKENDS)}"
            )
        if (
            (self.max_reasks is not None and self.max_reasks < 0)
            or self.transport_retries < 0
            or self.rereads < 0
            or self.draft_tokens < 0
        ):
            raise ConfigError(
                "max_reasks, transport_retries, rereads and draft_tokens must be >= 0"
            )
        if self.token_budget <= 0 or self.max_output_tokens <= 0:
            raise ConfigError("token_budget and max_output_tokens must be positive")
        # Checked here, not where used: a bad value read from the environment would
        # otherwise surface mid-run as a traceback (max_input_chars=-1 broke file reads).
        # `not (x > 0)` rather than `x <= 0`: NaN compares false to anything.
        for name in (*_POSITIVE, *_NON_NEGATIVE):
            value, positive = getattr(self, name), name in _POSITIVE
            if not (value > 0 if positive else value >= 0):
                wanted = "positive" if positive else ">= 0"
                raise ConfigError(
                    f"{name} (SUMMARIZER_{name.upper()}) must be {wanted}, not {value!r}"
                )
        for name in ("record_from", "replay_of"):
            if getattr(self, name) not in ("local", "openai"):
                raise ConfigError(f"{name} must be local or openai, not {getattr(self, name)!r}")
        if self.chunk_overlap >= self.chunk_sentences:
            raise ConfigError("chunk_overlap must be smaller than chunk_sentences")

    @property
    def reasks(self) -> int:
        """Re-asks in force: the explicit setting, else the backend's default."""
        if self.max_reasks is not None:
            return self.max_reasks
        return REASKS_BY_BACKEND.get(self.live_backend, 1)

    @property
    def live_backend(self) -> str:
        """The backend that answers (or answered, for replay): local or openai."""
        return {"replay": self.replay_of, "record": self.record_from}.get(
            self.backend, self.backend
        )

    def with_(self, **changes: Any) -> Settings:
        """A copy with some values changed (Settings is frozen)."""
        return replace(self, **changes)

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: Any) -> Settings:
        """Build from SUMMARIZER_<FIELD> variables (plus OPENAI_BASE_URL), then overrides."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get(f"SUMMARIZER_{f.name.upper()}")
            if raw is None or raw == "":
                continue
            values[f.name] = _coerce(f.name, raw, f.type)
        if "openai_base_url" not in values and env.get("OPENAI_BASE_URL"):
            values["openai_base_url"] = env["OPENAI_BASE_URL"]
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)


# Numeric settings that __post_init__ bounds (the others are checked there by hand).
_POSITIVE = ("max_input_chars", "n_ctx", "chunk_sentences", "request_timeout_s", "parallel")
_NON_NEGATIVE = ("chunk_overlap", "temperature", "min_summary_sentences")


def _coerce(name: str, raw: str, type_name: Any) -> Any:
    text = str(type_name)
    try:
        if text == "bool":
            return _parse_bool(raw)
        if "Path" in text:
            return Path(raw).expanduser()
        if text.startswith("int"):
            return int(raw)
        if text.startswith("float"):
            return float(raw)
    except ValueError as exc:
        raise ConfigError(f"SUMMARIZER_{name.upper()}={raw!r} is not a valid {text}") from exc
    return raw


def _parse_bool(raw: str) -> bool:
    lowered = raw.strip().lower()
    if lowered in ("1", "true", "yes", "on"):
        return True
    if lowered in ("0", "false", "no", "off"):
        return False
    raise ValueError(f"{raw!r} is not a boolean")
