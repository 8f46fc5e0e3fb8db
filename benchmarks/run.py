"""Where time and tokens go: one run, comparable ratios, printed and written as JSON.

    python benchmarks/run.py            # embedded default (1.5B) on the seed + 2 eval articles
    python benchmarks/run.py --quick    # ~3 min: the seed only, smaller batch
    python benchmarks/run.py --reasks 1 # the same with one re-ask after failed checks
    python benchmarks/run.py --rereads 0  # the first pass only (no re-read of missed incidents)
    python benchmarks/run.py --draft-tokens 0  # one token per decode (no prompt-lookup guesses)
    python benchmarks/run.py --json out.json
    python benchmarks/run.py --parallel 1,2,4,8 --parallel-only  # several articles at once

Sections:
  embedded     per article: llama.cpp prompt-eval and generation seconds (its own clock),
               grammar sampling seconds (inside libllama), our overhead, tokens, attempts,
               prompt-lookup guesses made and kept;
               overhead_ratio = pipeline wall / libllama time (decode + sampling)
  prefix       prompt-eval seconds of the first article vs later ones (KV-cache prefix reuse)
  cold         the seed in a new process, twice, over an empty cache dir: the first run
               evaluates and saves the prompt prefix, the second loads it (not in --quick)
  tokens       completion tokens with sentence-id citations vs the same output with verbatim
               quotes in place of ids (counted with the model's tokenizer; an estimate made
               from the real output, not a second live run)
  batch        64 articles through the real openai client against a local server with a fixed
               injected latency, at concurrency 1, 4 and 16; throughput_ratio at 16
  memory       peak resident memory of this process
  parallel     (--parallel 1,2,4,8) one row per SUMMARIZER_PARALLEL setting: articles per
               hour over --articles eval cases, prompt/generation/sampling seconds, peak
               memory (each setting in its own process); parallel_eval: the eval scores
               of each run, how many outputs differ from the first setting's, and the
               gated metrics that moved more than the documented noise (parallel_bench.py)
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from parallel_bench import bench_parallel  # noqa: E402

from summarizer import Settings, read_article, summarize, summarize_many  # noqa: E402
from summarizer.api import get_backend  # noqa: E402
from summarizer.backends import greedy_grammar  # noqa: E402
from summarizer.schema import Draft  # noqa: E402

SEED = ROOT / "seeds" / "000_eb6b1eeda829eab8.txt"
EXTRA = [
    ROOT / "seeds" / "briefing-example" / "center.json",
    ROOT / "seeds" / "briefing-example" / "left.json",
]


class _Timed:
    """Wraps a backend to keep llama.cpp's own timings of every call."""

    def __init__(self, backend: Any) -> None:
        self.inner = backend
        self.name, self.model, self.mode = backend.name, backend.model, backend.mode
        self.calls: list[dict[str, float]] = []
        self.raw: list[str] = []

    def create(self, **kwargs: Any) -> Any:
        response = self.inner.create(**kwargs)
        self.calls.append(dict(self.inner.last_timings))
        self.raw.append(response.choices[0].message.content or "")
        return response

    def close(self) -> None:
        pass


def bench_embedded(
    model: str, files: list[Path], max_reasks: int | None, overrides: dict[str, int]
) -> dict[str, Any]:
    settings = Settings(backend="local", model=model, max_reasks=max_reasks, **overrides)
    t0 = time.perf_counter()
    backend = get_backend(settings)
    load_s = time.perf_counter() - t0
    rows = []
    all_raw: list[tuple[str, str]] = []
    for path in files:
        article = read_article(path)
        timed = _Timed(backend)
        started = time.perf_counter()
        result = summarize(article, backend=timed, settings=settings)
        wall = time.perf_counter() - started
        # libllama's own time: decoding (its perf counters) plus sampling (grammar).
        llama = sum(
            c.get("prompt_eval_s", 0) + c.get("generation_s", 0) + c.get("sampling_s", 0)
            for c in timed.calls
        )
        create_wall = sum(c.get("wall_s", 0) for c in timed.calls)
        decode_calls = int(sum(c.get("decode_calls", 0) for c in timed.calls))
        completion = result.run.usage.completion_tokens
        rows.append(
            {
                "article": path.name,
                "seconds": round(wall, 2),
                "prompt_eval_s": round(sum(c.get("prompt_eval_s", 0) for c in timed.calls), 2),
                "generation_s": round(sum(c.get("generation_s", 0) for c in timed.calls), 2),
                "sampling_s": round(sum(c.get("sampling_s", 0) for c in timed.calls), 2),
                "llama_cpp_s": round(llama, 2),
                "llama_cpp_python_wall_s": round(create_wall, 2),
                "our_overhead_s": round(wall - create_wall, 3),
                "overhead_ratio": round(wall / llama, 3) if llama else None,
                "prompt_tokens": result.run.usage.prompt_tokens,
                "completion_tokens": result.run.usage.completion_tokens,
                "prompt_eval_tokens": int(sum(c.get("prompt_eval_tokens", 0) for c in timed.calls)),
                "attempts": result.run.attempts,
                # Prompt-lookup decoding (backends/prompt_lookup.py): batches decoded while
                # generating, tokens guessed, and guesses kept (each request's first token
                # comes from its prompt, each batch adds one token of the model's own).
                "decode_calls": decode_calls,
                "guessed_tokens": int(sum(c.get("draft_tokens", 0) for c in timed.calls)),
                "guesses_kept": max(0, completion - len(timed.calls) - decode_calls)
                if decode_calls
                else 0,
                "prefix_from_file": any(c.get("prefix_from_file") for c in timed.calls),
                "events": len(result.events),
                "unresolved_errors": sum(
                    1 for f in result.run.findings if f.severity == "error" and not f.repaired
                ),
            }
        )
        all_raw += [(path.name, r) for r in timed.raw]
    wall = sum(r["seconds"] for r in rows)
    llama = sum(r["llama_cpp_s"] for r in rows)
    return {
        "model": backend.model,
        "load_s": round(load_s, 2),
        # Tokens the JSON grammar accepted after checking only the model's best choice,
        # and those that needed the whole vocabulary checked (backends/greedy_grammar.py).
        "grammar_checks": {
            "best_token_only": greedy_grammar.Stats.fast,
            "whole_vocabulary": greedy_grammar.Stats.fallback,
        },
        "articles": rows,
        "overhead_ratio": round(wall / llama, 3) if llama else None,
        "seconds_per_article": round(wall / len(rows), 2),
        "_raw": all_raw,
        "_backend": backend,
    }


_COLD_RUN = """
import json, sys, time
from pathlib import Path
from summarizer import Settings, read_article, summarize
from summarizer.api import get_backend
from summarizer.backends import greedy_grammar
started = time.perf_counter()
settings = Settings(
    backend="local", model_path=Path(sys.argv[1]), cache_dir=Path(sys.argv[2]),
    **json.loads(sys.argv[4]),
)
backend = get_backend(settings)
result = summarize(read_article(sys.argv[3]), backend=backend, settings=settings)
print(json.dumps({
    "process_s": round(time.perf_counter() - started, 2),
    "summarize_s": result.run.seconds,
    "timings": backend.last_timings,
    "completion_tokens": result.run.usage.completion_tokens,
    "grammar_checks_one_token": greedy_grammar.Stats.fast,
    "grammar_checks_whole_vocabulary": greedy_grammar.Stats.fallback,
}))
"""


def bench_cold(model: str, overrides: dict[str, int]) -> dict[str, Any]:
    """The seed in two fresh processes sharing an empty prefix cache: the first evaluates
    and saves the system prompt + example, the second loads it (a user's second run)."""
    import subprocess
    import tempfile

    from summarizer.backends.model_files import ensure_model_file

    gguf = ensure_model_file(model, Settings().cache_dir)
    runs = {}
    with tempfile.TemporaryDirectory() as cache:
        for label in ("first_run", "later_runs"):
            command = [sys.executable, "-c", _COLD_RUN, str(gguf), cache, str(SEED)]
            done = subprocess.run(
                [*command, json.dumps(overrides)],
                capture_output=True,
                text=True,
                cwd=ROOT,
            )
            if done.returncode:
                raise RuntimeError(f"cold run failed:\n{done.stderr[-2000:]}")
            runs[label] = json.loads(done.stdout.strip().splitlines()[-1])
    return runs


def bench_prefix(rows: list[dict[str, Any]]) -> dict[str, Any]:
    first, later = rows[0], rows[1:]
    out: dict[str, Any] = {
        "first_prompt_eval_s": first["prompt_eval_s"],
        "first_prompt_eval_tokens": first["prompt_eval_tokens"],
        "first_prompt_tokens": first["prompt_tokens"],
    }
    if later:
        out["later_prompt_eval_s_mean"] = round(
            sum(r["prompt_eval_s"] for r in later) / len(later), 2
        )
        out["later_prompt_eval_tokens_mean"] = round(
            sum(r["prompt_eval_tokens"] for r in later) / len(later), 1
        )
        out["later_prompt_tokens_mean"] = round(
            sum(r["prompt_tokens"] for r in later) / len(later), 1
        )
    return out


def bench_tokens(raw: list[tuple[str, str]], backend: Any, files: list[Path]) -> dict[str, Any]:
    """Same answers with each id list replaced by the cited sentences, LangExtract-style."""
    articles = {p.name: read_article(p) for p in files}
    ids_tokens = quote_tokens = 0
    for name, text in raw:
        try:
            draft = Draft.model_validate_json(text)
        except ValueError:
            continue
        article = articles[name]
        data = json.loads(text)

        def quotes(ids: list[int], article: Any = article) -> list[str]:
            return [s.text for i in ids if (s := article.sentence(i))]

        for item in data.get("summary", []):
            item["evidence"] = quotes(item.pop("ids", []))
        for item in data.get("events", []):
            item["evidence"] = quotes(item.pop("ids", []))
        ids_tokens += backend.count_tokens(text)
        quote_tokens += backend.count_tokens(json.dumps(data, ensure_ascii=False))
        del draft
    return {
        "completion_tokens_with_ids": ids_tokens,
        "completion_tokens_with_quotes_estimate": quote_tokens,
        "quotes_over_ids": round(quote_tokens / ids_tokens, 2) if ids_tokens else None,
    }


def _serve(answer: str, latency_s: float, port_queue: Any) -> None:
    """A minimal OpenAI-compatible chat endpoint that answers after a fixed latency."""
    body = json.dumps(
        {
            "id": "bench",
            "object": "chat.completion",
            "created": 0,
            "model": "stub",
            "choices": [
                {
                    "index": 0,
                    "finish_reason": "stop",
                    "message": {"role": "assistant", "content": answer},
                }
            ],
            "usage": {"prompt_tokens": 1000, "completion_tokens": 200, "total_tokens": 1200},
        }
    ).encode()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # TCP_NODELAY, as real servers set it: headers and body go out in two writes, and
        # with Nagle on the body waited for the client's delayed ACK, ~40 ms a request
        # that was counted as our CPU time.
        disable_nagle_algorithm = True

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers["Content-Length"]))
            time.sleep(latency_s)
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    ThreadingHTTPServer.daemon_threads = True
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    port_queue.put(server.server_port)
    server.serve_forever()


def _stub_server(answer: str, latency_s: float) -> tuple[Any, int]:
    """The server runs in its own process, so it does not share our interpreter's GIL."""
    import multiprocessing

    queue: Any = multiprocessing.Queue()
    proc = multiprocessing.Process(target=_serve, args=(answer, latency_s, queue), daemon=True)
    proc.start()
    return proc, int(queue.get(timeout=30))


def bench_batch(answer: str, latency_s: float, n: int) -> dict[str, Any]:
    """Threads share one openai client; our per-article CPU (checks, grounding) holds the
    GIL, so it bounds throughput at high concurrency: that is what this measures."""
    import os

    os.environ.setdefault("OPENAI_API_KEY", "bench-no-key")
    server, port = _stub_server(answer, latency_s)
    url = f"http://127.0.0.1:{port}/v1"
    text = read_article(SEED)
    out: dict[str, Any] = {"n_articles": n, "latency_s": latency_s, "runs": []}
    settings = Settings(
        backend="openai", model="stub", openai_base_url=url, max_reasks=0, transport_retries=0
    )
    backend = get_backend(settings)
    # One untimed article first: one-time costs (the language detector's build, lazy
    # imports, ~0.8 s) would otherwise slow the concurrency-1 run alone.
    summarize_many([text], backend=backend, settings=settings)
    for concurrency in (1, 4, 16):
        started = time.perf_counter()
        outcomes = summarize_many(
            [text] * n, backend=backend, settings=settings, concurrency=concurrency
        )
        wall = time.perf_counter() - started
        ok = sum(1 for o in outcomes if not isinstance(o, dict))
        out["runs"].append(
            {
                "concurrency": concurrency,
                "seconds": round(wall, 3),
                "articles_per_s": round(n / wall, 3),
                "ok": ok,
            }
        )
    single_rate = out["runs"][0]["articles_per_s"]
    c16 = out["runs"][-1]
    out["throughput_ratio"] = round(c16["articles_per_s"] / (16 * single_rate), 3)
    out["ideal_ratio_bound"] = "1.0 = sixteen requests in flight all the time"
    server.terminate()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--json", type=Path)
    parser.add_argument(
        "--reasks",
        type=int,
        default=None,
        help="re-asks after failed checks (default: the backend's default)",
    )
    parser.add_argument(
        "--rereads",
        type=int,
        default=None,
        help="re-read windows for missed incidents (default: the settings' default, 2)",
    )
    parser.add_argument(
        "--draft-tokens",
        type=int,
        default=None,
        help="prompt-lookup guesses per decode (default: the settings' default; 0 = off)",
    )
    parser.add_argument(
        "--model",
        default="qwen2.5-coder-1.5b-instruct-q4_k_m",
        help="embedded model name (see summarizer/backends/model_files.py)",
    )
    parser.add_argument(
        "--parallel",
        type=lambda text: [int(p) for p in text.split(",")],
        default=None,
        help="SUMMARIZER_PARALLEL settings to compare, e.g. 1,2,4,8 (first = reference)",
    )
    parser.add_argument("--articles", type=int, default=16, help="eval cases for --parallel")
    parser.add_argument(
        "--parallel-only", action="store_true", help="run only the --parallel section"
    )
    args = parser.parse_args()
    if args.parallel_only:
        if not args.parallel:
            parser.error("--parallel-only needs --parallel")
        started = time.perf_counter()
        found = bench_parallel(args.model, args.parallel, args.articles)
        report = {
            "machine": f"{platform.machine()}, {__import__('os').cpu_count()} cores",
            "parallel": found["rows"],
            "parallel_eval": {k: v for k, v in found.items() if k != "rows"},
            "total_s": round(time.perf_counter() - started, 1),
        }
        print(json.dumps(report, indent=2))
        if args.json:
            args.json.write_text(json.dumps(report, indent=2), "utf-8")
        return

    parser_model = args.model
    # Full run: two other articles first, so the seed is measured as in any batch, with
    # the shared prompt prefix (system text and example) already evaluated; --quick
    # measures the seed cold.
    files = [SEED] if args.quick else [*[p for p in EXTRA if p.exists()], SEED]
    started = time.perf_counter()
    # Settings as a user gets them (the embedded backend's default: no re-ask);
    # --reasks N measures the re-ask loop's cost.
    overrides = {
        name: value
        for name, value in (("rereads", args.rereads), ("draft_tokens", args.draft_tokens))
        if value is not None
    }
    emb = bench_embedded(parser_model, files, args.reasks, overrides)
    raw, backend = emb.pop("_raw"), emb.pop("_backend")
    report: dict[str, Any] = {
        "machine": f"{platform.machine()}, {__import__('os').cpu_count()} cores, "
        f"{platform.python_implementation()} {platform.python_version()}",
        "quick": args.quick,
        "settings": {"reasks": args.reasks, **overrides},
        "embedded": emb,
        "prefix": bench_prefix(emb["articles"]),
        "tokens": bench_tokens(raw, backend, files),
    }
    backend.close()  # the cold runs load their own copy of the model
    if not args.quick:
        report["cold"] = bench_cold(parser_model, overrides)
    # A real answer of the embedded model is the stub's reply, so checks do real work.
    seed_answers = [text for name, text in raw if name == SEED.name]
    answer = seed_answers[0] if seed_answers else '{"summary": [], "events": []}'
    # 1 s stands for a fast real endpoint (a structured answer of a few hundred tokens
    # takes seconds); the 0.5 s run shows how the ratio falls as latency nears our CPU cost.
    report["batch"] = bench_batch(answer, latency_s=1.0, n=32 if args.quick else 64)
    if not args.quick:
        report["batch_0_5s"] = bench_batch(answer, latency_s=0.5, n=64)
    if args.parallel:
        found = bench_parallel(parser_model, args.parallel, args.articles)
        report["parallel"] = found["rows"]
        report["parallel_eval"] = {k: v for k, v in found.items() if k != "rows"}
    report["memory"] = {
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    }
    report["overhead_ratio"] = emb["overhead_ratio"]
    report["throughput_ratio"] = report["batch"]["throughput_ratio"]
    report["total_s"] = round(time.perf_counter() - started, 1)

    print(json.dumps(report, indent=2))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2), "utf-8")


if __name__ == "__main__":
    main()
