"""Fixtures for the dataset's tests (imported by each test module, not a conftest: the
top-level tests import `conftest` by name): replayed results, a real PostgreSQL.

The PostgreSQL server is a throwaway one: initdb in a temporary folder, pg_ctl start on a
free loopback port, stopped at the end. PostgreSQL refuses to run as root, so under root
the server runs as the `postgres` user (or `nobody`) through runuser. The tests skip only
when the server binaries are absent (.ci/run installs Debian's postgresql).
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("sqlalchemy")
pytest.importorskip("alembic")

from summarizer.schema import SummaryResult
from summarizer.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "evals" / "data" / "articles"


def replay_settings() -> Settings:
    return Settings(backend="replay", recordings_dir=ROOT / "recordings")


@pytest.fixture(scope="session")
def replayed() -> dict[str, SummaryResult]:
    """The committed recordings' results for the eval articles, by file name."""
    from summarizer.api import summarize_many
    from summarizer.article import read_article

    paths = sorted(ARTICLES.glob("*.json"))
    articles = [read_article(str(p)) for p in paths]
    outcomes = summarize_many(articles, settings=replay_settings())
    return {p.name: o for p, o in zip(paths, outcomes, strict=True) if isinstance(o, SummaryResult)}


def _pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _runner() -> tuple[list[str], str | None]:
    """How to run the server's commands: as ourselves, or (as root) as postgres/nobody."""
    if os.geteuid() != 0:
        return [], None
    for user in ("postgres", "nobody"):
        try:
            pwd.getpwnam(user)
        except KeyError:
            continue
        return ["runuser", "-u", user, "--"], user
    pytest.skip("running as root and no postgres or nobody user to run PostgreSQL as")


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    bindir = _pg_bin()
    if bindir is None:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) not installed")
    pytest.importorskip("psycopg")
    prefix, user = _runner()
    tmp = Path(tempfile.mkdtemp(prefix="summarizer-pg-"))
    data = tmp / "data"
    if user:
        info = pwd.getpwnam(user)
        os.chown(tmp, info.pw_uid, info.pw_gid)
    port = _free_port()
    run = lambda *args: subprocess.run(  # noqa: E731
        [*prefix, *args], check=True, capture_output=True, text=True, cwd=tmp
    )
    try:
        run(str(bindir / "initdb"), "-D", str(data), "-U", "test", "-A", "trust", "--no-sync")
        run(
            str(bindir / "pg_ctl"), "-D", str(data), "-l", str(tmp / "log"), "-w", "start",
            "-o", f"-h 127.0.0.1 -p {port} -k {tmp} -F",
        )  # fmt: skip
    except subprocess.CalledProcessError as exc:
        log = (tmp / "log").read_text() if (tmp / "log").exists() else ""
        shutil.rmtree(tmp, ignore_errors=True)
        pytest.fail(f"could not start PostgreSQL: {exc.stderr}\n{log}")
    try:
        run(str(bindir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "test", "events")
        yield f"postgresql+psycopg://test@127.0.0.1:{port}/events"
    finally:
        subprocess.run(
            [*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True,
        )
        shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database of each kind."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'events.db'}"
        return
    import sqlalchemy as sa

    base = request.getfixturevalue("pg_url")
    name = f"t{os.getpid()}_{abs(hash(request.node.nodeid)) % 10**8}"
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    yield base.rsplit("/", 1)[0] + "/" + name
