"""Single-flight refresh: 20 threads (sync client) and 20 coroutines (async client) all hit an expired
access token at once → exactly one POST /auth/refresh each, and every call succeeds.

The access token must really expire on the server, so this module starts a second server of its own
with ACCESS_TOKEN_TTL=1s (the server also allows 5 s of clock skew: a token is refused ~6 s after
issue). Requests go to that real server; the transport only counts them. To keep the suite fast, the
server starts and the two sessions are made in the background as soon as this module is collected,
so their tokens expire while the other modules run.
"""
from __future__ import annotations

import asyncio
import atexit
import threading
import time
import uuid
from collections import Counter
from typing import List, Optional, Tuple

import httpx
import pytest

from conftest import Server
from saasready import AsyncSaaSReady, SaaSReady

PASSWORD = "correct horse battery staple 42"
N = 20


class ShortTtlServer(Server):
    def _env(self):
        return dict(super()._env(), ACCESS_TOKEN_TTL="1s")


class Counting:
    """Counts requests by (method, path) and 401 token_expired answers; both transports share one."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.requests: Counter = Counter()
        self.expired = 0

    def saw(self, request: httpx.Request, response: httpx.Response, body: bytes) -> None:
        with self.lock:
            self.requests[(request.method, request.url.path)] += 1
            if response.status_code == 401 and b"auth.token_expired" in body:
                self.expired += 1


class CountingTransport(httpx.HTTPTransport):
    def __init__(self, counts: Counting) -> None:
        super().__init__()
        self.counts = counts

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        body = response.read()
        self.counts.saw(request, response, body)
        return httpx.Response(response.status_code, headers=response.headers, content=body, request=request)


class AsyncCountingTransport(httpx.AsyncHTTPTransport):
    def __init__(self, counts: Counting) -> None:
        super().__init__()
        self.counts = counts

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await super().handle_async_request(request)
        body = await response.aread()
        self.counts.saw(request, response, body)
        return httpx.Response(response.status_code, headers=response.headers, content=body, request=request)


class _Early:
    """Starts the short-TTL server and registers two users in a background thread."""

    def __init__(self) -> None:
        self.server = ShortTtlServer()
        self.error: Optional[BaseException] = None
        self.sessions: List[Tuple[str, str, str]] = []  # (email, access_token, refresh_token)
        self.thread = threading.Thread(target=self._run, name="short-ttl-server", daemon=True)
        self.thread.start()
        atexit.register(self.stop)

    def _run(self) -> None:
        try:
            self.server.start()
            for name in ("sync", "async"):
                email = f"{name}-{uuid.uuid4().hex[:10]}@example.com"
                with SaaSReady(self.server.url) as maker:
                    maker.auth.register(email=email, password=PASSWORD, full_name=name)
                    self.sessions.append((email, maker.token, maker.refresh_token))
        except BaseException as err:  # noqa: BLE001 - re-raised in the fixture
            self.error = err

    def wait(self) -> "_Early":
        self.thread.join(60)
        if self.error is not None:
            raise self.error
        assert len(self.sessions) == 2, "the short-TTL server did not come up within 60 s"
        return self

    def stop(self) -> None:
        self.thread.join(60)
        self.server.dispose()


_early = _Early()


@pytest.fixture(scope="module")
def short_ttl():
    try:
        yield _early.wait()
    finally:
        _early.stop()


def test_one_refresh_for_many_expired_calls(short_ttl):
    url = short_ttl.server.url
    (email_a, stale_sync, sync_refresh), (email_b, stale_async, async_refresh) = short_ttl.sessions
    sync_counts, async_counts = Counting(), Counting()
    sync_tokens, async_tokens = [], []
    sync_client = SaaSReady(url, token=stale_sync, refresh_token=sync_refresh, on_tokens=sync_tokens.append,
                            http_client=httpx.Client(transport=CountingTransport(sync_counts)))

    # wait until the server calls the access tokens expired
    deadline = time.monotonic() + 15
    while True:
        res = httpx.get(f"{url}/api/v1/auth/me", headers={"authorization": f"Bearer {stale_async}"})
        if res.status_code == 401:
            assert res.json()["code"] == "auth.token_expired"
            break
        assert time.monotonic() < deadline, "the access token did not expire"
        time.sleep(0.25)

    # ---- 20 threads ------------------------------------------------------------------------
    barrier = threading.Barrier(N)
    results, errors = [], []

    def call() -> None:
        barrier.wait()
        try:
            results.append(sync_client.auth.me().email)
        except Exception as err:  # noqa: BLE001 - reported below
            errors.append(err)

    threads = [threading.Thread(target=call) for _ in range(N)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert errors == [] and results == [email_a] * N
    assert sync_counts.requests[("POST", "/api/v1/auth/refresh")] == 1
    assert sync_counts.expired >= 2, "the calls did not overlap: nothing was proven"
    assert sync_client.token != stale_sync and len(sync_tokens) == 1  # the one refresh
    assert sync_tokens[-1].access_token == sync_client.token

    # ---- 20 coroutines ---------------------------------------------------------------------
    async def many():
        async with AsyncSaaSReady(url, token=stale_async, refresh_token=async_refresh, on_tokens=async_tokens.append,
                                  http_client=httpx.AsyncClient(transport=AsyncCountingTransport(async_counts))) as client:
            return client, await asyncio.gather(*(client.auth.me() for _ in range(N)))

    async_client, mes = asyncio.run(many())
    assert [m.email for m in mes] == [email_b] * N
    assert async_counts.requests[("POST", "/api/v1/auth/refresh")] == 1
    assert async_counts.expired >= 2
    assert async_client.token != stale_async and len(async_tokens) == 1  # the one refresh
    sync_client.close()
