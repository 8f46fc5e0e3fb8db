"""Tests run offline: any connection that is not to this machine is refused."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_eb6b1eeda829eab8.txt"
_real_connect = socket.socket.connect


def _guarded_connect(self: socket.socket, address):  # type: ignore[no-untyped-def]
    host = address[0] if isinstance(address, tuple) else address
    local = ("127.0.0.1", "::1", "localhost")
    if isinstance(host, str) and host not in local and not host.startswith("/"):
        raise OSError(f"network access refused in tests (tried {address!r})")
    return _real_connect(self, address)


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text("utf-8")
