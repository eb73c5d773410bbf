"""Offline verification of SaaSReady access tokens (the Python twin of the TypeScript SDK's verifier).

Once the server's JWKS is cached, `Verifier.verify` makes no network call: it checks the signature
(algorithm pinned to the one the JWK names: ES256 or EdDSA), `iss`, `aud`, `exp`, the `at+jwt` type
and the claims, and returns a `VerifiedCaller`. A token signed by a key the cache does not know
(a rotation) triggers one JWKS refetch, at most once per `refetch_interval` seconds, so a storm of
forged `kid`s cannot turn the verifier into a load generator against the server.

`strict=True` additionally asks the server (cached `strict_cache_ttl` seconds) whether the session
is still live and where the caller stands in the organization: `POST /api/v1/orgs/{id}/authorize`,
or `GET /api/v1/auth/me` for a token without an organization. Strict checks have a sync form
(`has_permission`, `check_session`) and an async one (`ahas_permission`, `acheck_session`).

Example::

    verifier = Verifier(base_url="https://auth.example.com")
    caller = verifier.verify(token)
    caller.organization_id, caller.has_permission("org.update")
"""
from __future__ import annotations

import asyncio
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Dict, FrozenSet, Generic, Mapping, Optional, Tuple, TypeVar

import httpx
import jwt
from jwt.algorithms import ECAlgorithm, OKPAlgorithm

__all__ = ["Verifier", "VerifiedCaller", "VerificationError", "SessionStanding"]

#: where a caller stands according to the server: "ok", "not_member" or "two_factor_required"
SessionStanding = str

_ALGORITHMS = {"ES256", "EdDSA"}
_TWO_FACTOR_MESSAGE = "This organization requires two-factor authentication: enable it, then refresh the access token."


class VerificationError(Exception):
    """A credential that cannot be trusted, or an organization-scoped check that is refused.

    `code` is the SaaSReady API's own code, and `status` the HTTP status a guard answers with:

    - ``auth.unauthenticated`` (401): no token
    - ``auth.invalid_token`` (401): bad signature, issuer, audience, type, claims or unknown key
    - ``auth.token_expired`` (401)
    - ``auth.session_revoked`` (401, strict mode): the session was signed out or revoked
    - ``two_factor_required`` (403): the organization requires 2FA the user has not set up

    Example::

        try:
            caller = verifier.verify(token)
        except VerificationError as err:
            if err.code == "auth.token_expired": ...
    """

    def __init__(self, code: str, message: str, status: Optional[int] = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status if status is not None else (403 if code == "two_factor_required" else 401)

    def __repr__(self) -> str:  # pragma: no cover - cosmetic
        return f"VerificationError({self.code!r}, {self.message!r})"


@dataclass(frozen=True)
class VerifiedCaller:
    """Who is calling, from a verified access token."""

    user_id: str
    session_id: str
    #: the organization the token is scoped to (None before the user picks one)
    organization_id: Optional[str]
    #: the role in organization_id when the token was issued
    role: Optional[str]
    permissions: FrozenSet[str]
    #: the organization requires 2FA the user had not enabled: no role, no permissions
    two_factor_setup_required: bool
    claims: Mapping[str, Any] = field(repr=False, compare=False)

    def has_permission(self, permission: str) -> bool:
        """Whether the token grants `permission` (offline). Raises `VerificationError`
        ``two_factor_required`` when the organization requires 2FA the user has not set up."""
        if self.two_factor_setup_required:
            raise VerificationError("two_factor_required", _TWO_FACTOR_MESSAGE)
        return permission in self.permissions


V = TypeVar("V")


class _TtlCache(Generic[V]):
    """A small thread-safe TTL cache (oldest entry evicted when full)."""

    def __init__(self, ttl: float, max_entries: int = 10_000) -> None:
        self._ttl, self._max = ttl, max_entries
        self._entries: Dict[str, Tuple[V, float]] = {}
        self._lock = threading.Lock()

    def get(self, key: str) -> Optional[V]:
        with self._lock:
            hit = self._entries.get(key)
            if hit is None:
                return None
            if hit[1] < time.monotonic():
                del self._entries[key]
                return None
            return hit[0]

    def set(self, key: str, value: V) -> None:
        with self._lock:
            if len(self._entries) >= self._max and key not in self._entries:
                self._entries.pop(next(iter(self._entries)))
            self._entries[key] = (value, time.monotonic() + self._ttl)


def _algorithm_of(jwk: Mapping[str, Any]) -> Optional[str]:
    """The algorithm a JWK is for: its `alg`, else inferred from the key type (never from the token)."""
    alg = jwk.get("alg")
    if alg is None:
        if jwk.get("kty") == "EC" and jwk.get("crv") == "P-256":
            alg = "ES256"
        elif jwk.get("kty") == "OKP" and jwk.get("crv") == "Ed25519":
            alg = "EdDSA"
    return alg if alg in _ALGORITHMS else None


class _Jwks:
    """The server's signing keys, cached; thread-safe. `fetches` counts the HTTP fetches."""

    def __init__(self, url: str, http: httpx.Client, max_age: float, refetch_interval: float) -> None:
        self.url = url
        self._http = http
        self._max_age = max_age
        self._refetch_interval = refetch_interval
        self._keys: Dict[str, Tuple[str, Any]] = {}
        self._fetched_at: Optional[float] = None
        self._last_refetch: Optional[float] = None
        self._lock = threading.Lock()
        self.fetches = 0

    def cached(self, kid: str) -> Optional[Tuple[str, Any]]:
        """The key for `kid` when the cache has it and is fresh (no lock: dict reads are atomic)."""
        fetched_at = self._fetched_at
        if fetched_at is None or time.monotonic() - fetched_at > self._max_age:
            return None
        return self._keys.get(kid)

    def get(self, kid: str) -> Optional[Tuple[str, Any]]:
        hit = self.cached(kid)
        if hit is not None:
            return hit
        with self._lock:  # one fetch at a time; the threads that waited see its result
            now = time.monotonic()
            stale = self._fetched_at is None or now - self._fetched_at > self._max_age
            if stale:
                self._fetch_keeping_old()
            elif kid not in self._keys and (self._last_refetch is None or now - self._last_refetch >= self._refetch_interval):
                # an unknown kid (a rotation, or a forgery) refetches at most once per interval
                self._last_refetch = now
                self._fetch_keeping_old()
            return self._keys.get(kid)

    def _fetch_keeping_old(self) -> None:
        try:
            self._fetch()
        except (httpx.HTTPError, ValueError):
            if not self._keys:
                raise
            # keep serving the keys we have while the server is unreachable; retry after the interval
            self._fetched_at = time.monotonic() - self._max_age + self._refetch_interval

    def _fetch(self) -> None:
        self.fetches += 1
        res = self._http.get(self.url)
        res.raise_for_status()
        keys: Dict[str, Tuple[str, Any]] = {}
        for data in res.json().get("keys", []):
            alg, kid = _algorithm_of(data), data.get("kid")
            if not alg or not kid or data.get("use", "sig") != "sig":
                continue
            algo = ECAlgorithm(ECAlgorithm.SHA256) if alg == "ES256" else OKPAlgorithm()
            keys[kid] = (alg, algo.from_jwk(data))
        self._keys = keys
        self._fetched_at = time.monotonic()


class Verifier:
    """Verifies SaaSReady access tokens offline against the server's JWKS. Thread-safe: share one.

    :param base_url: the server (``https://auth.example.com``); the JWKS is at
        ``{base_url}/.well-known/jwks.json`` and strict checks go to ``{base_url}/api/v1``
    :param jwks_url: the JWKS, when it is elsewhere
    :param issuer: the server's PUBLIC_URL (the ``iss`` claim); defaults to base_url
    :param audience: JWT_AUDIENCE on the server
    :param strict: ask the server (cached `strict_cache_ttl` s) about the session and membership
    :param leeway: clock tolerance in seconds
    :param refetch_interval: an unknown ``kid`` refetches the JWKS at most once per this many seconds
    :param jwks_max_age: the JWKS is refetched after this many seconds regardless
    """

    def __init__(
        self,
        base_url: Optional[str] = None,
        jwks_url: Optional[str] = None,
        issuer: Optional[str] = None,
        audience: str = "saasready",
        strict: bool = False,
        leeway: float = 5.0,
        *,
        strict_cache_ttl: float = 5.0,
        refetch_interval: float = 10.0,
        jwks_max_age: float = 600.0,
        timeout: float = 5.0,
        http_client: Optional[httpx.Client] = None,
        async_http_client: Optional[httpx.AsyncClient] = None,
    ) -> None:
        if not base_url and not jwks_url and not issuer:
            raise ValueError("Verifier needs base_url, jwks_url or issuer")
        self.base_url = (base_url or issuer or "").rstrip("/") or None
        self.issuer = (issuer or base_url or "").rstrip("/") or None
        if self.issuer is None:
            raise ValueError("Verifier needs issuer (the server's PUBLIC_URL) when only jwks_url is given")
        if strict and not self.base_url:
            raise ValueError("strict=True needs base_url")
        self.audience = audience
        self.strict = strict
        self.leeway = leeway
        self._timeout = timeout
        self._http = http_client or httpx.Client(timeout=timeout)
        self._ahttp = async_http_client
        self._jwks = _Jwks(jwks_url or f"{self.issuer}/.well-known/jwks.json", self._http, jwks_max_age, refetch_interval)
        self._permission_cache: _TtlCache[bool] = _TtlCache(strict_cache_ttl)
        self._standing_cache: _TtlCache[str] = _TtlCache(strict_cache_ttl)

    @property
    def jwks_fetches(self) -> int:
        """How many times the JWKS was fetched (for tests and metrics)."""
        return self._jwks.fetches

    # ---- offline verification ---------------------------------------------------------------
    def verify(self, token: Optional[str]) -> VerifiedCaller:
        """Verifies an access token (without ``Bearer``). Raises `VerificationError`."""
        alg_key = self._key_for(token, fetch=True)
        return self._decode(token, alg_key)  # type: ignore[arg-type]

    async def averify(self, token: Optional[str]) -> VerifiedCaller:
        """`verify` for asyncio: pure CPU when the key is cached; a JWKS fetch runs in a thread."""
        alg_key = self._key_for(token, fetch=False)
        if alg_key is None:
            alg_key = await asyncio.get_running_loop().run_in_executor(None, self._key_for, token, True)
        return self._decode(token, alg_key)  # type: ignore[arg-type]

    def _key_for(self, token: Optional[str], fetch: bool) -> Optional[Tuple[str, Any]]:
        if not token:
            raise VerificationError("auth.unauthenticated", "A bearer token is required.")
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError:
            raise VerificationError("auth.invalid_token", "The access token is invalid.") from None
        kid, typ = header.get("kid"), str(header.get("typ", "")).lower()
        if not isinstance(kid, str) or typ not in ("at+jwt", "application/at+jwt") or header.get("alg") not in _ALGORITHMS:
            raise VerificationError("auth.invalid_token", "The access token is invalid.")
        if not fetch:
            return self._jwks.cached(kid)
        try:
            hit = self._jwks.get(kid)
        except (httpx.HTTPError, ValueError) as err:
            raise VerificationError("auth.invalid_token", f"The signing keys could not be fetched: {err}") from err
        if hit is None:
            raise VerificationError("auth.invalid_token", "The access token is signed by an unknown key.")
        return hit

    def _decode(self, token: str, alg_key: Tuple[str, Any]) -> VerifiedCaller:
        alg, key = alg_key
        try:
            claims = jwt.decode(
                token, key, algorithms=[alg],  # pinned to the key's algorithm, never the token's choice
                audience=self.audience, issuer=self.issuer, leeway=self.leeway,
                options={"require": ["sub", "sid", "exp", "iss", "aud"]},
            )
        except jwt.ExpiredSignatureError:
            raise VerificationError("auth.token_expired", "The access token has expired.") from None
        except jwt.PyJWTError:
            raise VerificationError("auth.invalid_token", "The access token is invalid.") from None
        two_factor = claims.get("two_factor_setup_required") is True
        org_id = claims.get("org_id")
        role = claims.get("org_role")
        perms = claims.get("permissions")
        return VerifiedCaller(
            user_id=str(claims["sub"]),
            session_id=str(claims["sid"]),
            organization_id=org_id if isinstance(org_id, str) else None,
            # belt and braces: such a token should carry none, and none is what the app sees
            role=role if isinstance(role, str) and not two_factor else None,
            permissions=frozenset(p for p in perms if isinstance(p, str)) if isinstance(perms, list) and not two_factor else frozenset(),
            two_factor_setup_required=two_factor,
            claims=claims,
        )

    # ---- strict checks (ask the server) -----------------------------------------------------
    def has_permission(self, caller: VerifiedCaller, permission: str, token: str) -> bool:
        """Whether the caller holds `permission`; in strict mode the server answers (cached).
        Raises `VerificationError` (``two_factor_required``, ``auth.session_revoked``, …)."""
        key, cached = self._permission_lookup(caller, permission)
        if key is None or cached is not None:
            return bool(cached)
        res = self._ask(self._http, *self._authorize_request(caller, permission, token))
        return self._permission_answer(key, res)

    async def ahas_permission(self, caller: VerifiedCaller, permission: str, token: str) -> bool:
        """`has_permission` for asyncio."""
        key, cached = self._permission_lookup(caller, permission)
        if key is None or cached is not None:
            return bool(cached)
        res = await self._aask(*self._authorize_request(caller, permission, token))
        return self._permission_answer(key, res)

    def check_session(self, caller: VerifiedCaller, token: str) -> SessionStanding:
        """Strict mode: "ok", "not_member" or "two_factor_required" (cached); raises
        `VerificationError` ``auth.session_revoked`` for an ended session. Offline: "ok"."""
        key, known = self._standing_lookup(caller)
        if known is not None:
            return known
        return self._standing_answer(key, self._ask(self._http, *self._standing_request(caller, token)))

    async def acheck_session(self, caller: VerifiedCaller, token: str) -> SessionStanding:
        """`check_session` for asyncio."""
        key, known = self._standing_lookup(caller)
        if known is not None:
            return known
        return self._standing_answer(key, await self._aask(*self._standing_request(caller, token)))

    def _standing_lookup(self, caller: VerifiedCaller) -> Tuple[str, Optional[SessionStanding]]:
        """(cache key, the answer when known without asking: "ok" offline, or a cached one)."""
        key = f"{caller.session_id}:{caller.organization_id}"
        return key, ("ok" if not self.strict else self._standing_cache.get(key))

    def _permission_lookup(self, caller: VerifiedCaller, permission: str) -> Tuple[Optional[str], Optional[bool]]:
        """(cache key, cached answer); key None means "answered offline" with the answer."""
        if caller.two_factor_setup_required:
            raise VerificationError("two_factor_required", _TWO_FACTOR_MESSAGE)
        if not self.strict or not caller.organization_id:
            return None, permission in caller.permissions
        key = f"{caller.session_id}:{caller.organization_id}:{permission}"
        return key, self._permission_cache.get(key)

    def _authorize_request(self, caller: VerifiedCaller, permission: str, token: str) -> Tuple[str, str, Dict[str, Any]]:
        return ("POST", f"{self.base_url}/api/v1/orgs/{caller.organization_id}/authorize",
                {"headers": {"authorization": f"Bearer {token}"}, "json": {"permissions": [permission]}})

    def _standing_request(self, caller: VerifiedCaller, token: str) -> Tuple[str, str, Dict[str, Any]]:
        headers = {"authorization": f"Bearer {token}"}
        if caller.organization_id:
            # any permission name will do: the status says whether the session and the membership are live
            return ("POST", f"{self.base_url}/api/v1/orgs/{caller.organization_id}/authorize",
                    {"headers": headers, "json": {"permissions": ["org.read"]}})
        return ("GET", f"{self.base_url}/api/v1/auth/me", {"headers": headers})

    def _permission_answer(self, key: str, res: httpx.Response) -> bool:
        if res.status_code == 403 and _problem_code(res) == "two_factor_required":
            raise VerificationError("two_factor_required", _TWO_FACTOR_MESSAGE)
        allowed = False
        if res.is_success:
            body = res.json()
            allowed = bool(body.get("allowed")) if isinstance(body, dict) else False
        # 404: no longer a member of the organization (or it is gone): a plain "no"
        self._permission_cache.set(key, allowed)
        return allowed

    def _standing_answer(self, key: str, res: httpx.Response) -> SessionStanding:
        if res.status_code == 404:
            standing = "not_member"
        elif res.status_code == 403 and _problem_code(res) == "two_factor_required":
            standing = "two_factor_required"
        else:
            standing = "ok"
        self._standing_cache.set(key, standing)
        return standing

    def _ask(self, http: httpx.Client, method: str, url: str, kwargs: Dict[str, Any]) -> httpx.Response:
        return self._check_answer(http.request(method, url, **kwargs), url)

    async def _aask(self, method: str, url: str, kwargs: Dict[str, Any]) -> httpx.Response:
        if self._ahttp is not None:
            return self._check_answer(await self._ahttp.request(method, url, **kwargs), url)
        async with httpx.AsyncClient(timeout=self._timeout) as http:
            return self._check_answer(await http.request(method, url, **kwargs), url)

    @staticmethod
    def _check_answer(res: httpx.Response, url: str) -> httpx.Response:
        """An ended session raises (never cached); a server error raises too, so guards fail closed."""
        if res.status_code == 401:
            if _problem_code(res) == "auth.token_expired":
                raise VerificationError("auth.token_expired", "The access token has expired.")
            raise VerificationError("auth.session_revoked", "The session behind this access token has been signed out or revoked.")
        if not res.is_success and res.status_code not in (403, 404):
            raise RuntimeError(f"SaaSReady answered {res.status_code} to a strict check ({url}).")
        return res

    def close(self) -> None:
        self._http.close()


def _problem_code(res: httpx.Response) -> Optional[str]:
    try:
        body = res.json()
    except ValueError:
        return None
    code = body.get("code") if isinstance(body, dict) else None
    return code if isinstance(code, str) else None
