"""Request lines in the Batch API format, cut into input files by the limits.

    {"custom_id": <request hash>, "method": "POST", "url": "/v1/chat/completions",
     "body": <the kwargs the openai backend passes to chat.completions.create>}

The body is the request instructor hands the backend, serialised as the openai client
serialises it (JSON of the kwargs), so a line is exactly what a live run would send.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from ..backends.batch_answers import PendingRequest
from ..backends.batch_transport import ENDPOINT
from .store import BatchLimits


def request_line(cid: str, request: PendingRequest) -> str:
    line = {"custom_id": cid, "method": "POST", "url": ENDPOINT, "body": request.body}
    return json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n"


@dataclass
class FileOfLines:
    """One input file's lines, and the prompt each request was rendered from."""

    lines: list[str]
    prompts: dict[str, object]
    size: int = 0


def split_lines(
    requests: Iterable[tuple[str, PendingRequest]], limits: BatchLimits
) -> list[FileOfLines]:
    """Lines in order, a new file whenever the next line would pass a limit."""
    max_bytes = int(limits.max_mb * 1_000_000)
    files: list[FileOfLines] = []
    for cid, request in requests:
        line = request_line(cid, request)
        size = len(line.encode("utf-8"))
        current = files[-1] if files else None
        if (
            current is None
            or len(current.lines) >= limits.max_lines
            or (current.size + size > max_bytes and current.lines)
        ):
            current = FileOfLines([], {})
            files.append(current)
        current.lines.append(line)
        current.size += size
        current.prompts[cid] = request.prompt.model_dump() if request.prompt else None
    return files
