"""`--shard i/N`: which inputs one of N machines takes, stable by the input's content.

Each file goes to shard (sha256 of its bytes) mod N, so N machines given the same list
(in any order, under any paths) split it without talking to each other, a re-run
takes the same share, and copies of one story (a wire article run by many outlets)
land on the same machine. A file that cannot be read is placed by its name; the run
that takes it reports the error.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .errors import ConfigError


def parse_shard(text: str) -> tuple[int, int]:
    """'2/8' -> (2, 8): the second of eight shares, counted from 1."""
    try:
        i, n = (int(x) for x in text.split("/"))
    except ValueError:
        raise ConfigError(f"--shard takes i/N (e.g. 2/8), not {text!r}") from None
    if not 1 <= i <= n:
        raise ConfigError(f"--shard {text}: i must be between 1 and N")
    return i, n


def input_key(name: str) -> bytes:
    """What an input is placed by: its bytes, or its name where they cannot be read."""
    try:
        return Path(name).read_bytes() if name != "-" else name.encode()
    except OSError:
        return name.encode("utf-8", "surrogateescape")


def shard_of(key: bytes, n: int) -> int:
    """The shard (1..n) of an input."""
    return int(hashlib.sha256(key).hexdigest()[:16], 16) % n + 1


def select_shard(files: list[str], spec: str) -> list[str]:
    """The files of shard `spec` ('i/N'), in the order given."""
    i, n = parse_shard(spec)
    return [name for name in files if shard_of(input_key(name), n) == i]
