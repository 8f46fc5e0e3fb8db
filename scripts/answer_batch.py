"""Answer a Batch API input file from recordings: a stand-in for `vllm run-batch`.

    python scripts/answer_batch.py IN.jsonl OUT.jsonl [--recordings recordings/]

Reads `{custom_id, method, url, body}` lines and writes `{id, custom_id, response:
{status_code, request_id, body}, error}` lines, as `vllm run-batch` and the OpenAI Batch
API do. Each body is answered with the recorded real response to the same request
(matched on the request's fields, not on the summarizer's hash: this script shares no
code with the package), and a request with no recording gets a 404 error line. Stdlib
only; the test stub of /v1/batches answers through it too.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def _canonical(request: dict[str, Any]) -> str:
    return json.dumps(request, sort_keys=True, ensure_ascii=False)


class RecordedAnswers:
    """Every recording under `root`, found by its request (the model name aside)."""

    def __init__(self, root: Path) -> None:
        self.by_request: dict[str, dict[str, Any]] = {}
        for path in sorted(Path(root).rglob("*.json")):
            record = json.loads(path.read_text("utf-8"))
            if isinstance(record, dict) and "request" in record and "response" in record:
                self.by_request[_canonical(record["request"])] = record["response"]

    def find(self, body: dict[str, Any]) -> dict[str, Any] | None:
        # A recording keeps the request's fields but the model (recordings are by model).
        return self.by_request.get(_canonical({k: v for k, v in body.items() if k != "model"}))

    def answer(self, line: dict[str, Any], n: int) -> dict[str, Any]:
        """The output line for one input line."""
        response = self.find(line.get("body") or {})
        if response is None:
            error = {"code": "not_found", "message": "no recorded answer for this request"}
            return {
                "id": f"batch_req_{n}",
                "custom_id": line.get("custom_id"),
                "response": {"status_code": 404, "request_id": f"req_{n}", "body": None},
                "error": error,
            }
        return {
            "id": f"batch_req_{n}",
            "custom_id": line.get("custom_id"),
            "response": {"status_code": 200, "request_id": f"req_{n}", "body": response},
            "error": None,
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", type=Path)
    parser.add_argument("output", type=Path)
    parser.add_argument("--recordings", type=Path, default=ROOT / "recordings")
    args = parser.parse_args(argv)
    answers = RecordedAnswers(args.recordings)
    lines = [json.loads(x) for x in args.input.read_text("utf-8").splitlines() if x.strip()]
    out = "".join(json.dumps(answers.answer(x, n)) + "\n" for n, x in enumerate(lines))
    args.output.write_text(out, "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
