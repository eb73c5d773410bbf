"""pytest harness: one real SaaSReady server per test session (fresh DATA_DIR, free port), on a
fresh PostgreSQL database when TEST_DATABASE_URL is set (as CI sets it), else on the embedded one.

Nothing is built here: run `npx tsc -b` at the repository root first. The server runs with the
dev mailbox (NODE_ENV unset, loopback) and generous rate limits; `rotate_keys()` stops it, runs
`keys rotate` on the same database (the embedded one allows one process) and starts it again
on the same port.
"""
from __future__ import annotations

import itertools
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Callable, Dict, List, Optional

import httpx
import pytest

REPO_ROOT = Path(__file__).resolve().parents[3]
CLI = REPO_ROOT / "packages" / "server" / "dist" / "cli.js"
PASSWORD = "correct horse battery staple 42"

# variables of the outer environment that would point the server elsewhere
_DROPPED_ENV = ("DATABASE_URL", "REDIS_URL", "MASTER_KEY", "NODE_ENV", "SMTP_URL", "JWT_AUDIENCE", "WORKERS")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A SaaSReady server in a child process. `url` has no trailing slash."""

    def __init__(self) -> None:
        if not CLI.exists():
            pytest.fail(f"{CLI} is missing: build the server first with `cd {REPO_ROOT} && npx tsc -b`", pytrace=False)
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.data_dir = tempfile.mkdtemp(prefix="saasready-pytest-")
        self._log_path = Path(self.data_dir) / "server.log"
        self._proc: Optional[subprocess.Popen] = None
        self._log = None
        # PostgreSQL starts in a fraction of the CPU PGlite's first start (initdb) and restarts take
        self.database_url: Optional[str] = _create_database() if os.environ.get("TEST_DATABASE_URL") else None

    # ---- process control -------------------------------------------------------------------
    def _env(self) -> Dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in _DROPPED_ENV}
        env.update(
            DATA_DIR=self.data_dir,
            PORT=str(self.port),
            HOST="127.0.0.1",
            PUBLIC_URL=self.url,
            LOG_LEVEL="warn",
            RATE_LIMIT_PER_IP="100000",
            RATE_LIMIT_PER_ACCOUNT="100000",
            # test_webhooks.py receives deliveries on loopback
            WEBHOOK_ALLOW_PRIVATE="true",
            SSO_REDIRECT_URIS="https://app.example.test/sso/callback",
        )
        if self.database_url:
            env["DATABASE_URL"] = self.database_url
        return env

    def start(self, timeout: float = 120.0) -> None:  # a first start initialises PGlite: seconds of CPU, more on a busy machine
        self._log = open(self._log_path, "ab")
        self._proc = subprocess.Popen(
            ["node", str(CLI), "start"], cwd=str(REPO_ROOT), env=self._env(),
            stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                raise RuntimeError(f"the server exited with {self._proc.returncode}:\n{self.log_tail()}")
            try:
                if httpx.get(f"{self.url}/readyz", timeout=1.0).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"the server was not ready within {timeout}s:\n{self.log_tail()}")

    def stop(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None and proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        if self._log is not None:
            self._log.close()
            self._log = None

    def dispose(self) -> None:
        """Stops the server and removes its DATA_DIR and database."""
        self.stop()
        shutil.rmtree(self.data_dir, ignore_errors=True)
        if self.database_url:
            _drop_database(self.database_url)

    def restart(self) -> None:
        self.stop()
        self.start()

    def rotate_keys(self) -> str:
        """Stops the server, adds a signing key, starts it again (same port); returns the CLI output."""
        self.stop()
        result = subprocess.run(
            ["node", str(CLI), "keys", "rotate"], cwd=str(REPO_ROOT), env=self._env(),
            capture_output=True, text=True, timeout=60,
        )
        if result.returncode != 0:
            raise RuntimeError(f"keys rotate failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
        self.start()
        return result.stdout

    def log_tail(self, n: int = 40) -> str:
        try:
            return "\n".join(self._log_path.read_text(errors="replace").splitlines()[-n:])
        except OSError:
            return ""

    # ---- dev mailbox -----------------------------------------------------------------------
    def mailbox(self, to: str) -> List[dict]:
        """The mail the server sent to `to`, newest first (GET /api/v1/dev/mailbox)."""
        res = httpx.get(f"{self.url}/api/v1/dev/mailbox", params={"to": to}, timeout=5.0)
        res.raise_for_status()
        return res.json()

    def link_token(self, to: str, path: str, timeout: float = 5.0) -> str:
        """Polls the mailbox for a mail to `to` linking to `{path}?token=…` and returns the token."""
        pattern = re.compile(re.escape(path) + r"\?token=([A-Za-z0-9_-]+)")
        deadline = time.monotonic() + timeout
        while True:
            for mail in self.mailbox(to):
                match = pattern.search(mail.get("text") or "") or pattern.search(mail.get("html") or "")
                if match:
                    return match.group(1)
            if time.monotonic() > deadline:
                raise AssertionError(f"no mail to {to} with a link to {path}?token=… within {timeout}s")
            time.sleep(0.1)


@pytest.fixture(scope="session")
def server():
    srv = Server()
    srv.start()
    try:
        yield srv
    finally:
        srv.dispose()


def _sql(statement: str) -> None:
    """One statement on TEST_DATABASE_URL, through the repository's own `pg` (Python has no driver here)."""
    script = ("const pg=require('pg');const c=new pg.Client({connectionString:process.argv[1]});"
              "c.connect().then(()=>c.query(process.argv[2])).then(()=>c.end(),e=>{console.error(e.message);process.exit(1)})")
    subprocess.run(["node", "-e", script, os.environ["TEST_DATABASE_URL"], statement],
                   cwd=str(REPO_ROOT / "packages" / "server"), check=True, timeout=30)


def _create_database() -> str:
    name = f"saasready_py_{uuid.uuid4().hex[:12]}"
    _sql(f'create database "{name}"')
    base = os.environ["TEST_DATABASE_URL"]
    return base[: base.rindex("/") + 1] + name


def _drop_database(url: str) -> None:
    _sql(f'drop database if exists "{url[url.rindex("/") + 1:]}" with (force)')


_counter = itertools.count()


@pytest.fixture
def unique_email() -> Callable[..., str]:
    """A callable making fresh addresses: `unique_email()` or `unique_email("alice")`."""
    run = uuid.uuid4().hex[:8]

    def make(prefix: str = "user") -> str:
        return f"{prefix}-{run}-{next(_counter)}@example.com"

    return make


# ---- plain-httpx helpers (independent of the client package) -----------------------------------
def api(server: Server, method: str, path: str, token: Optional[str] = None, **kwargs) -> httpx.Response:
    """One call to `{server.url}/api/v1{path}` with an optional bearer token."""
    headers = dict(kwargs.pop("headers", {}) or {})
    if token:
        headers["authorization"] = f"Bearer {token}"
    return httpx.request(method, f"{server.url}/api/v1{path}", headers=headers, timeout=10.0, **kwargs)


def register_and_login(server: Server, email: str, password: str = PASSWORD, full_name: str = "Test User") -> dict:
    """Registers `email` and logs in; returns the login response (access_token, refresh_token, user, …)."""
    res = api(server, "POST", "/auth/register", json={"email": email, "password": password, "full_name": full_name})
    assert res.status_code == 201, res.text
    res = api(server, "POST", "/auth/login", json={"email": email, "password": password})
    assert res.status_code == 200, res.text
    return res.json()


@pytest.fixture
def register(server: Server, unique_email):
    """`register()` → a fresh user's login response (see `register_and_login`)."""
    return lambda email=None, **kw: register_and_login(server, email or unique_email(), **kw)
