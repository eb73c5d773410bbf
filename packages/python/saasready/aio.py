"""The asyncio client: the same surface as :class:`saasready.SaaSReady`, awaited.

    async with AsyncSaaSReady("http://localhost:8000") as client:
        await client.auth.login(email="founder@acme.com", password="…")
        async for log in client.orgs.list_audit_logs(org_id, limit=50):
            print(log.action)
"""
from __future__ import annotations

import asyncio
import inspect
from typing import Any, AsyncIterator, Callable, Dict, Optional

import httpx

from . import _core
from ._core import Op, TokenState
from .errors import SaaSReadyError
from .models import Tokens

__all__ = ["AsyncSaaSReady"]


class AsyncSaaSReady(_core.ClientBase):
    """A SaaSReady API client for asyncio. ``on_tokens`` may be a plain function or a coroutine
    function. Many coroutines failing on ``auth.token_expired`` at once cause exactly one refresh."""

    _name = "AsyncSaaSReady"

    def __init__(
        self,
        base_url: str,
        token: Optional[str] = None,
        api_key: Optional[str] = None,
        refresh_token: Optional[str] = None,
        timeout: float = 10.0,
        on_tokens: Optional[Callable[[Tokens], Any]] = None,
        http_client: Optional[httpx.AsyncClient] = None,
    ) -> None:
        self._setup(base_url, token, api_key, refresh_token, on_tokens, http_client, lambda: httpx.AsyncClient(timeout=timeout))
        # created lazily: an asyncio.Lock made outside a running loop binds to the wrong loop on 3.9
        self._refresh_lock: Optional[asyncio.Lock] = None

    async def _keep(self, data: Any) -> None:
        tokens = self._tokens.store(data)
        if tokens is not None and self._on_tokens is not None:
            result = self._on_tokens(tokens)
            if inspect.isawaitable(result):
                await result

    def _lock(self) -> asyncio.Lock:
        if self._refresh_lock is None:
            self._refresh_lock = asyncio.Lock()
        return self._refresh_lock

    async def _send(self, op: Op, stream: bool = False) -> httpx.Response:
        if op.auth and self._tokens.credential is None and self._tokens.can_refresh:
            await self._refresh_after_expiry(None)
        for attempt in (0, 1):
            used = self._tokens.credential
            response = await self._http.send(_core.build_request(self._http, op, used), stream=stream)
            if response.is_success:
                return response
            if stream:
                await response.aread()
                await response.aclose()
            try:
                _core.check(response)
            except SaaSReadyError as err:
                if attempt == 0 and op.auth and _core.is_token_expired(err) and self._tokens.can_refresh:
                    await self._refresh_after_expiry(used)
                    continue
                raise
        raise AssertionError("unreachable")

    async def _refresh_after_expiry(self, used: Optional[str]) -> None:
        async with self._lock():
            if used is not None and self._tokens.access_token != used:
                return
            await self._do_refresh()

    async def _do_refresh(self) -> Any:
        refresh_token = self._tokens.refresh_token
        if not refresh_token:
            raise TypeError("AsyncSaaSReady: no refresh token (log in first, or pass refresh_token)")
        try:
            return await self._run(_core.refresh_op(refresh_token))
        except SaaSReadyError as err:
            if err.status == 401 and self._tokens.refresh_token == refresh_token:
                self._forget_tokens()
            raise

    async def _refresh_now(self) -> Any:
        async with self._lock():
            return await self._do_refresh()

    async def _run(self, op: Op) -> Any:
        if op.local is not None:
            return op.local()
        try:
            response = await self._send(op)
        except SaaSReadyError as err:
            instead = op.fallback(err) if op.fallback is not None else None
            if instead is None:
                raise
            return await self._run(instead)
        data = _core.parse_body(response)
        if op.stores_session:
            await self._keep(data)
        return op.parse(data)

    async def _pages(self, op: Op) -> AsyncIterator[Any]:
        params = dict(op.params or {})
        while True:
            response = await self._send(Op(op.method, op.path, params=params, auth=op.auth))
            for item in op.parse(_core.parse_body(response)):
                yield item
            cursor = _core.next_cursor(response)
            if not cursor:
                return
            params["cursor"] = cursor

    async def _stream(self, op: Op) -> AsyncIterator[bytes]:
        response = await self._send(op, stream=True)
        try:
            async for chunk in response.aiter_bytes():
                yield chunk
        finally:
            await response.aclose()

    async def healthz(self) -> Any:
        response = await self._http.get("/healthz")
        _core.check(response)
        return response.json()

    async def aclose(self) -> None:
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> "AsyncSaaSReady":
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.aclose()
