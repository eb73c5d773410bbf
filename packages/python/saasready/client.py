"""The synchronous client.

    client = SaaSReady("http://localhost:8000")
    client.auth.login(email="founder@acme.com", password="…")
    for org in client.orgs.list():
        print(org.name, org.your_role)
"""
from __future__ import annotations

import threading
from typing import Any, Callable, Dict, Iterator, Optional

import httpx

from . import _core
from ._core import Op, TokenState
from .errors import SaaSReadyError
from .models import Tokens

__all__ = ["SaaSReady"]


class SaaSReady(_core.ClientBase):
    """A SaaSReady API client (thread-safe).

    ``token``/``refresh_token``: a session to start with; ``api_key``: an organization key (``sr_…``)
    instead. On a 401 ``auth.token_expired`` the client refreshes once — one refresh however many
    threads fail at once — retries, and calls ``on_tokens(tokens)`` so you can persist them.
    """

    _name = "SaaSReady"

    def __init__(
        self,
        base_url: str,
        token: Optional[str] = None,
        api_key: Optional[str] = None,
        refresh_token: Optional[str] = None,
        timeout: float = 10.0,
        on_tokens: Optional[Callable[[Tokens], Any]] = None,
        http_client: Optional[httpx.Client] = None,
    ) -> None:
        self._setup(base_url, token, api_key, refresh_token, on_tokens, http_client, lambda: httpx.Client(timeout=timeout))
        self._refresh_lock = threading.Lock()

    # ---- tokens -----------------------------------------------------------------------------
    def _keep(self, data: Any) -> None:
        tokens = self._tokens.store(data)
        if tokens is not None and self._on_tokens is not None:
            self._on_tokens(tokens)

    # ---- I/O --------------------------------------------------------------------------------
    def _send(self, op: Op, stream: bool = False) -> httpx.Response:
        """Sends ``op``; on ``auth.token_expired`` refreshes (single flight) and retries once."""
        if op.auth and self._tokens.credential is None and self._tokens.can_refresh:
            self._refresh_after_expiry(None)
        for attempt in (0, 1):
            used = self._tokens.credential
            response = self._http.send(_core.build_request(self._http, op, used), stream=stream)
            if response.is_success:
                return response
            if stream:
                response.read()
                response.close()
            try:
                _core.check(response)
            except SaaSReadyError as err:
                if attempt == 0 and op.auth and _core.is_token_expired(err) and self._tokens.can_refresh:
                    self._refresh_after_expiry(used)
                    continue
                raise
        raise AssertionError("unreachable")

    def _refresh_after_expiry(self, used: Optional[str]) -> None:
        # the first thread refreshes; the others wait on the lock, then see a new token and just retry
        with self._refresh_lock:
            if used is not None and self._tokens.access_token != used:
                return
            self._do_refresh()

    def _do_refresh(self) -> Any:
        refresh_token = self._tokens.refresh_token
        if not refresh_token:
            raise TypeError("SaaSReady: no refresh token (log in first, or pass refresh_token)")
        try:
            return self._run(_core.refresh_op(refresh_token))
        except SaaSReadyError as err:
            if err.status == 401 and self._tokens.refresh_token == refresh_token:
                self._forget_tokens()
            raise

    def _refresh_now(self) -> Any:
        with self._refresh_lock:
            return self._do_refresh()

    def _run(self, op: Op) -> Any:
        if op.local is not None:
            return op.local()
        try:
            response = self._send(op)
        except SaaSReadyError as err:
            instead = op.fallback(err) if op.fallback is not None else None
            if instead is None:
                raise
            return self._run(instead)
        data = _core.parse_body(response)
        if op.stores_session:
            self._keep(data)
        return op.parse(data)

    def _pages(self, op: Op) -> Iterator[Any]:
        params = dict(op.params or {})
        while True:
            response = self._send(Op(op.method, op.path, params=params, auth=op.auth))
            yield from op.parse(_core.parse_body(response))
            cursor = _core.next_cursor(response)
            if not cursor:
                return
            params["cursor"] = cursor

    def _stream(self, op: Op) -> Iterator[bytes]:
        response = self._send(op, stream=True)
        try:
            yield from response.iter_bytes()
        finally:
            response.close()

    # ---- lifecycle ----------------------------------------------------------------------------
    def healthz(self) -> Any:
        response = self._http.get("/healthz")
        _core.check(response)
        return response.json()

    def close(self) -> None:
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> "SaaSReady":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
