"""Models tolerate fields they do not know; errors map problem documents; local flag evaluation
hashes exactly like the TypeScript contract (vectors computed with packages/contracts murmur3)."""
from __future__ import annotations

import base64

import pytest

from _totp import totp
from saasready import SaaSReady
from saasready.errors import (
    AuthenticationError, ConflictError, NotFoundError, PermissionDeniedError, RateLimitedError, SaaSReadyError,
    ValidationError, error_from_response,
)
from saasready.flags import FlagSnapshot, evaluate_flag, murmur3, rollout_bucket
from saasready.models import AuditLog, AuthResult, Me, Organization


def test_unknown_fields_parse_and_stay_reachable():
    org = Organization.from_dict({"id": "o1", "name": "Acme", "slug": "acme", "brand_new": {"x": 1}, "metadata": {"a": 1}})
    assert org.name == "Acme" and org.metadata == {"a": 1}
    assert org.raw["brand_new"] == {"x": 1} and org["brand_new"] == {"x": 1} and org.get("nope") is None
    me = Me.from_dict({
        "id": "u1", "email": "a@b.c", "full_name": "A", "plan": "pro",
        "memberships": [{"id": "m1", "organization_id": "o1", "role_name": "Owner", "permissions": ["org.update"], "seats": 3}],
        "current_organization": {"id": "o1", "name": "Acme", "slug": "acme", "logo": None},
        # the server's effective permissions, not the role's: empty while a required 2FA is missing
        "current_org_id": "o1", "permissions": [],
    })
    assert me.current_org_id == "o1" and me.permissions == [] and me.membership().permissions == ["org.update"]
    assert me.memberships[0].raw["seats"] == 3
    res = AuthResult.from_dict({"access_token": "t", "user": {"id": "u", "email": "e", "avatar": "x"}, "scopes": []})
    assert res.user.email == "e" and res.user.raw["avatar"] == "x"
    log = AuditLog.from_dict({"id": "l", "action": "org.created", "created_at": "2026-01-01T00:00:00Z", "actor_email": "a@b.c", "geo": "x"})
    assert log.timestamp == "2026-01-01T00:00:00Z" and log.user_email == "a@b.c"
    assert Organization.from_dict({}).id == ""  # missing fields take defaults, never KeyError


def test_real_answer_with_extra_fields_parses(server, unique_email):
    """A real server answer, with fields this client has never heard of added, still parses."""
    client = SaaSReady(server.url)
    client.auth.register(email=unique_email("models"), password="correct horse battery staple 42", full_name="M")
    real = client.request("GET", "/auth/me")
    real["future_field"] = {"nested": [1, 2]}
    real["memberships"][0]["future"] = True
    me = Me.from_dict(real)
    assert me.email and me.current_org_id and me.raw["future_field"] == {"nested": [1, 2]}


@pytest.mark.parametrize("status,cls", [(401, AuthenticationError), (403, PermissionDeniedError), (404, NotFoundError),
                                        (409, ConflictError), (422, ValidationError), (500, SaaSReadyError)])
def test_errors_by_status(status, cls):
    err = error_from_response(status, {"type": "about:blank", "title": "T", "status": status, "code": "x.y", "detail": "d"}, {})
    assert type(err) is cls and (err.status, err.code, err.title, err.detail) == (status, "x.y", "T", "d")


def test_validation_and_rate_limit_errors():
    err = error_from_response(400, {"title": "Bad", "code": "request.validation_failed", "errors": [{"path": "/slug", "message": "m"}]}, {})
    assert isinstance(err, ValidationError) and err.errors == [{"path": "/slug", "message": "m"}]
    err = error_from_response(429, {"title": "Slow", "code": "request.rate_limited"}, {"retry-after": "17"})
    assert isinstance(err, RateLimitedError) and err.retry_after == 17.0
    err = error_from_response(502, "<html>bad gateway</html>", {})
    assert err.code == "http.502" and err.problem == {}


def test_murmur3_matches_the_typescript_contract():
    vectors = {"": 0, "a": 1009084850, "ab": 2613040991, "abc": 3017643002, "abcd": 1139631978,
               "new-ui:0193a0b2-1111-7000-8000-000000000000": 933110095, "héllo wörld": 2549609076, "x:y:z12": 1258903224}
    assert {k: murmur3(k) for k in vectors} == vectors
    assert rollout_bucket("new-ui", "0193a0b2-1111-7000-8000-000000000000") == 933110095 % 100


def test_evaluation_order():
    org = "0193a0b2-1111-7000-8000-000000000000"
    rule = {"key": "new-ui", "default_enabled": False, "rollout_percent": None, "rollout_unit": "organization"}
    assert evaluate_flag(rule, None, org) is False
    assert evaluate_flag(dict(rule, default_enabled=True), None, org) is True
    assert evaluate_flag(dict(rule, rollout_percent=96), None, org) is True   # bucket 95 < 96
    assert evaluate_flag(dict(rule, rollout_percent=95), None, org) is False
    assert evaluate_flag(rule, {"enabled": True, "rollout_percent": None}, org) is True
    assert evaluate_flag(dict(rule, default_enabled=True), {"enabled": False, "rollout_percent": None}, org) is False
    user_rule = dict(rule, rollout_unit="user", rollout_percent=50)
    assert evaluate_flag(user_rule, None, org, "u1") == (rollout_bucket("new-ui", "u1") < 50)
    snap = FlagSnapshot({"version": "v1", "extra": 1, "flags": [dict(rule, overrides={org: {"enabled": True, "rollout_percent": None}})]})
    assert snap.is_enabled("new-ui", org) and not snap.is_enabled("new-ui", "other") and not snap.is_enabled("nope", org)


def test_totp_rfc6238_vector():
    secret = base64.b32encode(b"12345678901234567890").decode()
    assert totp(secret, at=59, digits=8) == "94287082"
