"""The offline verifier against a real server: signatures, claims, errors, key rotation, refetch limits."""
from __future__ import annotations

import base64
import datetime
import json
import threading
import time

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import ec

from conftest import api, register_and_login
from saasready.verifier import VerificationError, Verifier


def org_token(server, email):
    """A fresh user who owns a new organization: (login response, org id, org-scoped access token)."""
    login = register_and_login(server, email)
    org = api(server, "POST", "/orgs", login["access_token"], json={"name": "Acme"}).json()
    res = api(server, "POST", "/auth/switch-org", login["access_token"], json={"org_id": org["id"]})
    assert res.status_code == 200, res.text
    return login, org["id"], res.json()["access_token"]


def forged(kid: str, claims: dict) -> str:
    """An ES256 token signed by a key the server never issued."""
    key = ec.generate_private_key(ec.SECP256R1())
    return jwt.encode(claims, key, algorithm="ES256", headers={"kid": kid, "typ": "at+jwt"})


def test_a_valid_token_gives_the_caller(server, unique_email):
    login, org_id, token = org_token(server, unique_email())
    verifier = Verifier(base_url=server.url)
    caller = verifier.verify(token)
    assert caller.user_id == login["user"]["id"]
    assert caller.organization_id == org_id
    assert caller.role == "Owner"
    assert "org.update" in caller.permissions and isinstance(caller.permissions, frozenset)
    assert caller.has_permission("org.update") and not caller.has_permission("nope.nothing")
    assert caller.two_factor_setup_required is False
    assert caller.session_id == caller.claims["sid"]
    # the login token (scoped to the user's first organization, if any) verifies from the same cache
    assert verifier.verify(login["access_token"]).user_id == caller.user_id
    assert verifier.jwks_fetches == 1


def test_expired_wrong_issuer_wrong_audience_tampered(server, unique_email, monkeypatch):
    _, _, token = org_token(server, unique_email())
    jwks_url = f"{server.url}/.well-known/jwks.json"

    # the same real token, seen an hour later (PyJWT's clock moved forward)
    verifier = Verifier(base_url=server.url)
    verifier.verify(token)

    class Later(datetime.datetime):
        @classmethod
        def now(cls, tz=None):
            return datetime.datetime.now(tz) + datetime.timedelta(hours=1)

    with monkeypatch.context() as patch:
        patch.setattr(jwt.api_jwt, "datetime", Later)
        with pytest.raises(VerificationError) as err:
            verifier.verify(token)
    assert err.value.code == "auth.token_expired" and err.value.status == 401

    for verifier in (
        Verifier(jwks_url=jwks_url, issuer="https://someone-else.example.com"),
        Verifier(base_url=server.url, audience="another-app"),
    ):
        with pytest.raises(VerificationError) as err:
            verifier.verify(token)
        assert err.value.code == "auth.invalid_token"

    verifier = Verifier(base_url=server.url)
    header, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["org_role"] = "Owner"
    claims["permissions"] = claims["permissions"] + ["superpower"]
    tampered_payload = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    kid = jwt.get_unverified_header(token)["kid"]
    for bad in (
        f"{header}.{tampered_payload}.{signature}",          # payload changed
        f"{header}.{payload}.{signature[:-4]}AAAA",           # signature changed
        forged(kid, claims),                                   # signed by another key, a known kid
        jwt.encode(claims, "secret", algorithm="HS256", headers={"kid": kid, "typ": "at+jwt"}),
        f"{header}.{payload}.",                                # no signature
        "not-a-jwt",
    ):
        with pytest.raises(VerificationError) as err:
            verifier.verify(bad)
        assert err.value.code == "auth.invalid_token", bad
    with pytest.raises(VerificationError) as err:
        verifier.verify("")
    assert err.value.code == "auth.unauthenticated"
    assert verifier.verify(token).organization_id  # the genuine one still passes


def test_an_unknown_kid_storm_refetches_at_most_once_per_window(server, unique_email):
    _, _, token = org_token(server, unique_email())
    verifier = Verifier(base_url=server.url, refetch_interval=10)
    verifier.verify(token)
    assert verifier.jwks_fetches == 1
    claims = jwt.decode(token, options={"verify_signature": False})
    errors = []

    def storm():
        for i in range(25):
            try:
                verifier.verify(forged(f"kid-{threading.get_ident()}-{i}", claims))
            except VerificationError as err:
                errors.append(err.code)

    threads = [threading.Thread(target=storm) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == ["auth.invalid_token"] * 200
    assert verifier.jwks_fetches == 2  # the first unknown kid refetched; the other 199 did not
    assert verifier.verify(token).user_id  # the known key still serves from the cache
    assert verifier.jwks_fetches == 2


def test_a_rotated_key_is_picked_up_without_restarting_the_verifier(server, unique_email):
    email = unique_email()
    _, _, old_token = org_token(server, email)
    verifier = Verifier(base_url=server.url)
    async_verifier = Verifier(base_url=server.url)
    verifier.verify(old_token)
    async_verifier.verify(old_token)
    old_kid = jwt.get_unverified_header(old_token)["kid"]

    server.rotate_keys()

    res = api(server, "POST", "/auth/login", json={"email": email, "password": "correct horse battery staple 42"})
    assert res.status_code == 200, res.text
    new_token = res.json()["access_token"]
    assert jwt.get_unverified_header(new_token)["kid"] != old_kid
    assert verifier.verify(new_token).user_id == res.json()["user"]["id"]
    assert verifier.jwks_fetches == 2
    assert verifier.verify(old_token).user_id  # the retired key still verifies the tokens it signed

    import asyncio
    caller = asyncio.run(async_verifier.averify(new_token))  # the refetch runs in a thread
    assert caller.user_id == res.json()["user"]["id"] and async_verifier.jwks_fetches == 2


def test_no_network_call_per_verification_once_cached(server, unique_email):
    _, _, token = org_token(server, unique_email())
    requests = []
    http = httpx.Client(event_hooks={"request": [requests.append]})
    verifier = Verifier(base_url=server.url, http_client=http)
    started = time.perf_counter()
    for _ in range(500):
        verifier.verify(token)
    elapsed = time.perf_counter() - started
    assert [r.url.path for r in requests] == ["/.well-known/jwks.json"]
    assert elapsed < 10


def test_strict_checks_ask_the_server_and_see_a_revoked_session(server, unique_email):
    login, org_id, token = org_token(server, unique_email())
    requests = []
    verifier = Verifier(base_url=server.url, strict=True, strict_cache_ttl=60,
                        http_client=httpx.Client(event_hooks={"request": [requests.append]}))
    caller = verifier.verify(token)
    assert verifier.has_permission(caller, "org.update", token) is True
    assert verifier.has_permission(caller, "org.update", token) is True  # cached
    assert verifier.check_session(caller, token) == "ok"
    assert [r.url.path for r in requests].count(f"/api/v1/orgs/{org_id}/authorize") == 2

    assert api(server, "POST", "/auth/logout", token).status_code == 204
    fresh = Verifier(base_url=server.url, strict=True)
    caller = fresh.verify(token)  # still a well-signed token…
    with pytest.raises(VerificationError) as err:
        fresh.has_permission(caller, "org.read", token)  # …but the session is over
    assert err.value.code == "auth.session_revoked" and err.value.status == 401
    with pytest.raises(VerificationError) as err:
        fresh.check_session(fresh.verify(login["access_token"]), login["access_token"])  # GET /auth/me
    assert err.value.code == "auth.session_revoked"
