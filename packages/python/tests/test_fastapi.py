"""The FastAPI guard in a real FastAPI app (TestClient) against a real SaaSReady server."""
from __future__ import annotations

import base64
import hashlib
import hmac
import struct
import time

import httpx
import pytest
from fastapi import Depends, FastAPI
from fastapi.testclient import TestClient

from conftest import PASSWORD, api, register_and_login
from saasready.fastapi import SaaSReadyAuth
from saasready.verifier import VerificationError, VerifiedCaller, Verifier


def totp(secret: str, at: float | None = None) -> str:
    """RFC 6238: SHA-1, 6 digits, 30-second steps (what the server's authenticator setup uses)."""
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    digest = hmac.new(key, struct.pack(">Q", int((at or time.time()) // 30)), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


def make_app(verifier: Verifier) -> FastAPI:
    auth = SaaSReadyAuth(verifier)
    app = FastAPI()
    auth.install(app)

    @app.get("/public")
    def public():
        return {"ok": True}

    @app.get("/me")
    def me(caller: VerifiedCaller = Depends(auth.current_user)):  # a sync route
        return {"user_id": caller.user_id, "organization_id": caller.organization_id}

    @app.get("/orgs/{org_id}/projects")
    async def projects(org_id: str, caller: VerifiedCaller = Depends(auth.require_org_member)):  # an async route
        return {"org_id": org_id, "role": caller.role}

    @app.patch("/orgs/{org_id}/settings")
    def update_settings(org_id: str, caller: VerifiedCaller = Depends(auth.require_permission("org.update"))):
        return {"updated": org_id}

    @app.delete("/organizations/{organization_id}")
    async def delete_org(organization_id: str, caller: VerifiedCaller = Depends(auth.require_permission("org.update", "org.delete"))):
        return {"deleted": organization_id}

    @app.get("/settings")  # no organization in the path: the token's organization
    async def token_org_settings(caller: VerifiedCaller = Depends(auth.require_permission("org.update"))):
        return {"organization_id": caller.organization_id}

    return app


def bearer(token: str) -> dict:
    return {"authorization": f"Bearer {token}"}


def assert_problem(res, status: int, code: str) -> None:
    assert res.status_code == status, res.text
    assert res.headers["content-type"].startswith("application/problem+json")
    body = res.json()
    assert body["status"] == status and body["code"] == code
    assert body["type"] == f"urn:saasready:problem:{code}" and body["title"]


@pytest.fixture
def org(server, unique_email):
    """An Owner with an organization, and a Member of it (invited, registered with the invitation)."""
    owner = register_and_login(server, unique_email("owner"))
    org_id = api(server, "POST", "/orgs", owner["access_token"], json={"name": "Acme"}).json()["id"]
    owner_token = api(server, "POST", "/auth/switch-org", owner["access_token"], json={"org_id": org_id}).json()["access_token"]
    roles = api(server, "GET", f"/orgs/{org_id}/roles", owner_token).json()
    member_role = next(r for r in roles if r["name"] == "Member")
    member_email = unique_email("member")
    res = api(server, "POST", f"/orgs/{org_id}/invite", owner_token, json={"email": member_email, "role_id": member_role["id"]})
    assert res.status_code == 201, res.text
    invitation = server.link_token(member_email, "/accept-invite")
    res = api(server, "POST", "/auth/register", json={"email": member_email, "password": PASSWORD, "full_name": "M", "invitation_token": invitation})
    assert res.status_code == 201, res.text
    member = api(server, "POST", "/auth/login", json={"email": member_email, "password": PASSWORD}).json()
    member_token = api(server, "POST", "/auth/switch-org", member["access_token"], json={"org_id": org_id}).json()["access_token"]
    return {"org_id": org_id, "owner": owner, "owner_token": owner_token, "member": member, "member_token": member_token,
            "member_email": member_email}


def test_guards_answer_200_403_401(server, org):
    client = TestClient(make_app(Verifier(base_url=server.url)))
    org_id, owner, member = org["org_id"], org["owner_token"], org["member_token"]

    assert client.get("/public").json() == {"ok": True}
    assert client.get("/me", headers=bearer(owner)).status_code == 200
    assert client.get(f"/orgs/{org_id}/projects", headers=bearer(member)).json() == {"org_id": org_id, "role": "Member"}
    assert client.patch(f"/orgs/{org_id}/settings", headers=bearer(owner)).json() == {"updated": org_id}
    assert client.delete(f"/organizations/{org_id}", headers=bearer(owner)).status_code == 200

    # 403: a Member lacks org.update
    res = client.patch(f"/orgs/{org_id}/settings", headers=bearer(member))
    assert_problem(res, 403, "permission_denied")
    assert "org.update" in res.json()["detail"]
    assert_problem(client.delete(f"/organizations/{org_id}", headers=bearer(member)), 403, "permission_denied")

    # 401: no token, a malformed header, garbage, a token of another issuer
    assert_problem(client.get("/me"), 401, "auth.unauthenticated")
    assert client.get("/me").headers["www-authenticate"].startswith("Bearer")
    assert_problem(client.get("/me", headers={"authorization": f"Basic {owner}"}), 401, "auth.unauthenticated")
    assert_problem(client.get("/me", headers=bearer("x.y.z")), 401, "auth.invalid_token")
    other = TestClient(make_app(Verifier(jwks_url=f"{server.url}/.well-known/jwks.json", issuer="https://elsewhere.example.com")))
    assert_problem(other.get("/me", headers=bearer(owner)), 401, "auth.invalid_token")


def test_the_organization_comes_from_the_path_or_else_the_token(server, org, unique_email):
    client = TestClient(make_app(Verifier(base_url=server.url)))
    org_id = org["org_id"]
    # another user's organization in the path: the token is scoped elsewhere
    stranger = register_and_login(server, unique_email("stranger"))
    other_org = api(server, "POST", "/orgs", stranger["access_token"], json={"name": "Other"}).json()["id"]
    assert_problem(client.get(f"/orgs/{other_org}/projects", headers=bearer(org["owner_token"])), 403, "permission_denied")
    assert_problem(client.patch(f"/orgs/{other_org}/settings", headers=bearer(org["owner_token"])), 403, "permission_denied")
    assert_problem(client.delete(f"/organizations/{other_org}", headers=bearer(org["owner_token"])), 403, "permission_denied")
    # no organization in the path: the token's
    assert client.get("/settings", headers=bearer(org["owner_token"])).json() == {"organization_id": org_id}
    assert_problem(client.get("/settings", headers=bearer(org["member_token"])), 403, "permission_denied")


def test_no_network_call_per_request_once_the_jwks_is_cached(server, org):
    requests = []
    verifier = Verifier(base_url=server.url, http_client=httpx.Client(event_hooks={"request": [requests.append]}))
    client = TestClient(make_app(verifier))
    for _ in range(50):
        assert client.patch(f"/orgs/{org['org_id']}/settings", headers=bearer(org["owner_token"])).status_code == 200
        assert client.get("/me", headers=bearer(org["member_token"])).status_code == 200
    assert [r.url.path for r in requests] == ["/.well-known/jwks.json"]
    assert verifier.jwks_fetches == 1


def test_strict_mode_refuses_a_revoked_session(server, org):
    offline = TestClient(make_app(Verifier(base_url=server.url)))
    strict = TestClient(make_app(Verifier(base_url=server.url, strict=True)))
    org_id, owner = org["org_id"], org["owner_token"]
    assert strict.patch(f"/orgs/{org_id}/settings", headers=bearer(owner)).status_code == 200
    assert strict.get("/me", headers=bearer(owner)).status_code == 200

    assert api(server, "POST", "/auth/logout", owner).status_code == 204
    # offline, the signed token is still good until it expires; strict asks the server
    assert offline.get("/me", headers=bearer(owner)).status_code == 200
    fresh = TestClient(make_app(Verifier(base_url=server.url, strict=True)))
    assert_problem(fresh.patch(f"/orgs/{org_id}/settings", headers=bearer(owner)), 401, "auth.session_revoked")
    assert_problem(fresh.get(f"/orgs/{org_id}/projects", headers=bearer(owner)), 401, "auth.session_revoked")
    assert_problem(fresh.get("/me", headers=bearer(owner)), 401, "auth.session_revoked")


def test_a_rotated_signing_key_is_picked_up_by_the_running_app(server, org):
    verifier = Verifier(base_url=server.url)
    client = TestClient(make_app(verifier))
    assert client.get("/me", headers=bearer(org["owner_token"])).status_code == 200
    server.rotate_keys()
    login = api(server, "POST", "/auth/login", json={"email": org["member_email"], "password": PASSWORD}).json()
    token = api(server, "POST", "/auth/switch-org", login["access_token"], json={"org_id": org["org_id"]}).json()["access_token"]
    assert client.get(f"/orgs/{org['org_id']}/projects", headers=bearer(token)).status_code == 200
    assert verifier.jwks_fetches == 2


def test_an_organization_requiring_2fa_refuses_members_without_it(server, org):
    org_id, owner_token = org["org_id"], org["owner_token"]
    # the Owner enables 2FA (required before requiring it of members), then requires it
    secret = api(server, "POST", "/auth/2fa/setup", owner_token).json()["secret"]
    res = api(server, "POST", "/auth/2fa/verify", owner_token, json={"code": totp(secret), "password": PASSWORD})
    assert res.status_code == 200, res.text
    res = api(server, "PATCH", f"/orgs/{org_id}", owner_token, json={"settings": {"require_2fa": True}})
    assert res.status_code == 200, res.text

    # the Member's next token says so: authenticated, but no role and no permissions in the organization
    res = api(server, "POST", "/auth/switch-org", org["member"]["access_token"], json={"org_id": org_id})
    assert res.status_code == 200, res.text
    flagged = res.json()["access_token"]
    verifier = Verifier(base_url=server.url)
    caller = verifier.verify(flagged)
    assert caller.two_factor_setup_required and caller.role is None and caller.permissions == frozenset()
    with pytest.raises(VerificationError) as err:
        caller.has_permission("org.read")
    assert err.value.code == "two_factor_required" and err.value.status == 403

    client = TestClient(make_app(verifier))
    assert client.get("/me", headers=bearer(flagged)).status_code == 200
    assert_problem(client.get(f"/orgs/{org_id}/projects", headers=bearer(flagged)), 403, "two_factor_required")
    assert_problem(client.get("/settings", headers=bearer(flagged)), 403, "two_factor_required")

    # the Member's older token predates the policy: strict mode learns it from the server
    strict = TestClient(make_app(Verifier(base_url=server.url, strict=True)))
    assert_problem(strict.get(f"/orgs/{org_id}/projects", headers=bearer(org["member_token"])), 403, "two_factor_required")
