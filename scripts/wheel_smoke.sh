#!/usr/bin/env bash
# Wheel smoke test (issue 12, item 14): build the wheel, install it non-editable with the
# base dependencies only (no `local` extra: no llama.cpp compile) in a fresh venv outside
# the checkout, and from an empty directory:
#   1. `summarizer summarize <seed> --backend replay` with SUMMARIZER_RECORDINGS_DIR at the
#      repo's recordings/ gives a summary, with the prompt sha256 of the repo's prompts/;
#   2. the same without SUMMARIZER_RECORDINGS_DIR fails cleanly (non-zero, no traceback);
#   3. `summarizer eval` says how to point it at a case set (non-zero, no traceback).
# Usage: bash scripts/wheel_smoke.sh [python]   (default: python3; a couple of minutes
# with a warm pip cache). Set KEEP_SMOKE_DIR=1 to keep the temp folder.
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
PY="${1:-python3}"
SEED="$REPO/seeds/000_eb6b1eeda829eab8.txt"
start=$SECONDS

WORK="$(mktemp -d "${TMPDIR:-/tmp}/wheel-smoke.XXXXXX")"
if [[ -z "${KEEP_SMOKE_DIR:-}" ]]; then trap 'rm -rf "$WORK"' EXIT; fi
case "$WORK" in "$REPO"/*) echo "temp dir $WORK is inside the checkout" >&2; exit 1 ;; esac
fail() { echo "wheel smoke: FAIL: $*" >&2; exit 1; }

# Build from a copy of what the build reads, so no build/ or egg-info lands in the checkout
# and a stale build/lib cannot leak old files into the wheel.
mkdir -p "$WORK/src" "$WORK/dist" "$WORK/run"
(cd "$REPO" && tar --exclude=__pycache__ -cf - pyproject.toml setup.py MANIFEST.in README.md \
  summarizer prompts) | tar -C "$WORK/src" -xf -
"$PY" -m pip wheel -q --no-deps -w "$WORK/dist" "$WORK/src" 2>"$WORK/build.log" \
  || { cat "$WORK/build.log" >&2; fail "pip wheel"; }
WHEEL="$(ls "$WORK"/dist/*.whl)"
echo "built $(basename "$WHEEL") in $((SECONDS - start)) s"

"$PY" -m venv "$WORK/venv"
"$WORK/venv/bin/python" -m pip install -q "$WHEEL" || fail "pip install $WHEEL"
BIN="$WORK/venv/bin"
echo "installed (base dependencies) at $((SECONDS - start)) s"

cd "$WORK/run"
unset PYTHONPATH SUMMARIZER_PROMPTS_DIR SUMMARIZER_RECORDINGS_DIR SUMMARIZER_EVAL_CASES
export SUMMARIZER_CACHE_DIR="$WORK/cache"
where="$("$BIN/python" -c 'import summarizer; print(summarizer.__file__)')"
case "$where" in "$WORK/venv/"*) ;; *) fail "summarizer imported from $where, not the wheel" ;; esac

# 1. Replay the seed from the repo's recordings.
SUMMARIZER_RECORDINGS_DIR="$REPO/recordings" "$BIN/summarizer" summarize "$SEED" \
  --backend replay >out.json 2>err.txt || { cat err.txt >&2; fail "summarize --backend replay"; }
"$BIN/python" - "$REPO/prompts" <<'EOF' || fail "replayed result"
import hashlib, json, pathlib, sys
result = json.load(open("out.json", encoding="utf-8"))
prompt = result["run"]["prompt"]
template = pathlib.Path(sys.argv[1]) / f"{prompt['name']}.{prompt['version']}.md"
assert result.get("summary"), "no summary"
assert prompt["sha256"] == hashlib.sha256(template.read_bytes()).hexdigest(), "prompt sha256"
print(f"summary: {len(result['summary'])} sentences, {len(result.get('events') or [])} events,"
      f" prompt {prompt['name']}.{prompt['version']} sha256 {prompt['sha256'][:12]} (= repo)")
EOF

# 2. Replay with no recordings here: a clear error, no traceback.
if "$BIN/summarizer" summarize "$SEED" --backend replay >out2.json 2>err2.txt; then
  fail "replay without recordings succeeded"
fi
grep -q Traceback out2.json err2.txt && { cat err2.txt >&2; fail "replay without recordings: traceback"; }
grep -qi recording out2.json err2.txt || { cat err2.txt >&2; fail "replay without recordings: no hint"; }
echo "replay without recordings: exit non-zero: $(cat err2.txt out2.json | tr -s ' \n' ' ' | head -c 400)"

# 3. eval outside a checkout: says how to point it at a case set.
if "$BIN/summarizer" eval >out3.txt 2>err3.txt; then fail "eval outside a checkout succeeded"; fi
grep -q Traceback out3.txt err3.txt && { cat err3.txt >&2; fail "eval: traceback"; }
grep -q -- "--cases-file" err3.txt || { cat err3.txt >&2; fail "eval: no hint about --cases-file"; }
echo "eval outside a checkout: exit non-zero: $(tr -s ' \n' ' ' <err3.txt | head -c 400)"

echo "wheel smoke: OK in $((SECONDS - start)) s"
