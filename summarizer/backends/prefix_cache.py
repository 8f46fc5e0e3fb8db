"""The evaluated prompt prefix (system text and few-shot turns), kept on disk between runs.

Every article's prompt starts with the same ~850 tokens; evaluating them is ~13 s of a
cold run on two cores. Within one process llama.cpp already reuses them; this module
also saves llama.cpp's state after the prefix to the cache directory, so the next
process loads it in milliseconds instead of evaluating it again.

Correctness never depends on the file: llama-cpp-python compares the request's tokens
with the tokens in its context and evaluates everything after the first difference,
so a stale or foreign state only costs time. Files are keyed by the model file and a
hash of the prefix tokens, written atomically.
"""

from __future__ import annotations

import ctypes
import hashlib
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


@dataclass
class PrefixStats:
    """What the last `prepare` did, for the benchmark."""

    tokens: int = 0
    source: str = "none"  # none | context | file | evaluated


class PrefixCache:
    def __init__(self, llm: Any, llama_cpp: Any, directory: Path, model_key: str) -> None:
        self._llm = llm
        self._llama_cpp = llama_cpp
        self._directory = directory
        self._model_key = model_key
        self._prefixes: dict[str, list[int]] = {}
        self.last = PrefixStats()

    def prepare(self, messages: list[dict[str, Any]]) -> PrefixStats:
        """On a fresh context, load (or evaluate and save) this prompt's shared prefix.

        Only a fresh context: later requests (the next article, a re-ask, a follow-up
        question) already share more with the context than any saved prefix would.
        """
        if self._llm.n_tokens > 0:
            self.last = PrefixStats(0, "context")
            return self.last
        prefix = self._shared_prefix(messages)
        if not prefix:
            self.last = PrefixStats()
        elif self._load(prefix):
            self.last = PrefixStats(len(prefix), "file")
        else:
            self._llm.reset()
            self._llm.eval(prefix)
            self._save(prefix)
            self.last = PrefixStats(len(prefix), "evaluated")
        return self.last

    def _shared_prefix(self, messages: list[dict[str, Any]]) -> list[int]:
        """Tokens every prompt with these leading messages shares, whatever the article."""
        if len(messages) < 2:
            return []
        key = hashlib.sha256(repr(messages[:-1]).encode("utf-8")).hexdigest()
        if key not in self._prefixes:
            first = self._tokens([*messages[:-1], {"role": "user", "content": "\x01"}])
            second = self._tokens([*messages[:-1], {"role": "user", "content": "\x02"}])
            common = 0
            for a, b in zip(first, second, strict=False):
                if a != b:
                    break
                common += 1
            # The last shared token could merge with the article's first characters.
            self._prefixes[key] = first[: max(0, common - 1)]
        return self._prefixes[key]

    def _tokens(self, messages: list[dict[str, Any]]) -> list[int]:
        from llama_cpp import llama_chat_format

        llm = self._llm
        template = llm.metadata.get("tokenizer.chat_template")
        if not template:
            return []
        eos, bos = llm.token_eos(), llm.token_bos()
        formatter = llama_chat_format.Jinja2ChatFormatter(
            template=template,
            eos_token=llm._model.token_get_text(eos) if eos != -1 else "",
            bos_token=llm._model.token_get_text(bos) if bos != -1 else "",
        )
        result = formatter(messages=messages)  # type: ignore[arg-type]  # plain role/content dicts
        tokens: list[int] = llm.tokenize(
            result.prompt.encode("utf-8"), add_bos=not result.added_special, special=True
        )
        return tokens

    def _path(self, prefix: list[int]) -> Path:
        digest = hashlib.sha256(repr(prefix).encode("utf-8")).hexdigest()[:16]
        return self._directory / f"prefix-{self._model_key}-{digest}.kvstate"

    def _load(self, prefix: list[int]) -> bool:
        path = self._path(prefix)
        if not path.is_file():
            return False
        lib, llm = self._llama_cpp, self._llm
        tokens = (lib.llama_token * len(prefix))()
        count = ctypes.c_size_t(0)
        llm.reset()
        ok = lib.llama_state_load_file(
            llm._ctx.ctx, str(path).encode("utf-8"), tokens, len(prefix), ctypes.byref(count)
        )
        if not ok or list(tokens[: count.value]) != prefix:
            log.warning("ignoring prefix state %s: unreadable or for another prompt", path)
            llm.reset()  # the next eval drops whatever the file left in the context
            return False
        llm.input_ids[: len(prefix)] = prefix
        llm.n_tokens = len(prefix)
        return True

    def _save(self, prefix: list[int]) -> None:
        lib, llm = self._llama_cpp, self._llm
        path = self._path(prefix)
        try:
            self._directory.mkdir(parents=True, exist_ok=True)
            partial = path.with_suffix(f".{os.getpid()}.partial")
            tokens = (lib.llama_token * len(prefix))(*prefix)
            if lib.llama_state_save_file(
                llm._ctx.ctx, str(partial).encode("utf-8"), tokens, len(prefix)
            ):
                partial.replace(path)
        except OSError as exc:  # a read-only cache only costs time
            log.warning("could not save the prompt prefix state to %s: %s", path, exc)
