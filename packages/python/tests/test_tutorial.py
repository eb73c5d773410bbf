"""The tutorial (seeds/001: register → organizations → roles → invitations → 2FA → audit → flags),
step by step with the Python client, against the real server of the test session."""
from __future__ import annotations

import json
import subprocess
from urllib.parse import parse_qs, urlparse

import pytest

from saasready import (
    AsyncSaaSReady, AuthenticationError, ConflictError, NotFoundError, PermissionDeniedError, SaaSReady, SaaSReadyError,
    SYSTEM_ROLE_IDS, ValidationError,
)

from _totp import totp

PASSWORD = "SecurePass123!-long-enough"
ADMIN_PASSWORD = "an admin passphrase 4 tests"


@pytest.fixture(scope="module")
def superuser(server):
    """An instance superuser (to create the global flag the tutorial toggles): `create-admin` needs
    the embedded database to itself, so the server stops for it and starts again on the same port."""
    import uuid
    email = f"admin-{uuid.uuid4().hex[:8]}@example.com"
    server.stop()
    try:
        env = dict(server._env(), SAASREADY_ADMIN_PASSWORD=ADMIN_PASSWORD)
        from conftest import CLI, REPO_ROOT
        result = subprocess.run(["node", str(CLI), "create-admin", "--email", email], cwd=str(REPO_ROOT), env=env,
                                capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
        assert result.returncode == 0, result.stdout + result.stderr
    finally:
        server.start()
    return email


def test_tutorial(server, unique_email, superuser):
    tokens_seen = []
    client = SaaSReady(base_url=server.url, on_tokens=tokens_seen.append)

    # ---- Step 3: register & login ----------------------------------------------------------
    founder = unique_email("founder")
    response = client.auth.register(email=founder, password=PASSWORD, full_name="Jane Founder")
    assert response.user.email == founder
    assert response.access_token and response.refresh_token
    assert client.token == response.access_token and tokens_seen[-1].refresh_token == response.refresh_token

    with pytest.raises(ConflictError) as exc:
        client.auth.register(email=founder, password=PASSWORD, full_name="Jane again")
    assert exc.value.status == 409 and exc.value.code

    with pytest.raises(AuthenticationError) as exc:
        SaaSReady(base_url=server.url).auth.login(email=founder, password="wrong password!!")
    assert exc.value.code == "auth.invalid_credentials"

    response = client.auth.login(email=founder, password=PASSWORD)
    assert response.access_token and not response.mfa_required
    user = client.auth.me()
    assert user.full_name == "Jane Founder" and user.email == founder
    personal = user.current_org_id
    assert personal is not None and "org.update" in user.permissions and "user.invite" in user.permissions

    # ---- Step 4: organizations --------------------------------------------------------------
    slug = "acme-" + founder.split("-")[1] + founder.split("-")[2].split("@")[0]
    org = client.orgs.create(name="Acme Corporation", slug=slug)
    assert org.slug == slug and org.name == "Acme Corporation" and org.id
    orgs = client.orgs.list()
    mine = {o.id: o for o in orgs}
    assert mine[org.id].your_role == "Owner" and personal in mine
    with pytest.raises(ValidationError) as exc:
        client.orgs.create(name="", slug="Not A Slug!")
    assert exc.value.status == 400 and exc.value.errors
    org = client.orgs.update(org_id=org.id, metadata={"stripe_customer_id": "cus_abc123"})
    assert client.orgs.update_settings(org.id, require_2fa=False).settings == {"require_2fa": False}
    assert org.metadata == {"stripe_customer_id": "cus_abc123"}
    assert client.orgs.get(org.id).metadata["stripe_customer_id"] == "cus_abc123"
    switched = client.orgs.switch(org.id)
    assert switched.organization.id == org.id and client.auth.me().current_org_id == org.id

    # ---- Step 5: RBAC -----------------------------------------------------------------------
    roles = client.orgs.list_roles(org_id=org.id)
    by_name = {r.name: r for r in roles}
    assert {"Owner", "Admin", "Member", "Viewer"} <= set(by_name)
    # a system role has the same id in every organization: the SDK's constants name them
    assert {name: by_name[name].id for name in SYSTEM_ROLE_IDS} == dict(SYSTEM_ROLE_IDS)
    assert "org.update" in by_name["Admin"].permissions and "org.delete" not in by_name["Admin"].permissions
    auditor = client.orgs.create_role(org.id, name="Auditor", permissions=["org.read", "audit.read"], description="reads the log")
    assert auditor.permissions == ["org.read", "audit.read"] or set(auditor.permissions) == {"org.read", "audit.read"}

    # ---- Step 6: invitations ----------------------------------------------------------------
    admin_role = next(r for r in roles if r.name == "Admin")
    alice = unique_email("alice")
    invitation = client.orgs.invite_member(org_id=org.id, email=alice, role_id=admin_role.id)
    assert invitation.email == alice and invitation.role_name == "Admin" and invitation.status == "pending"
    assert invitation.expires_at and not hasattr(invitation, "token")
    pending = client.orgs.list_invitations(org_id=org.id)
    assert [(i.email, i.role_name, i.status) for i in pending] == [(alice, "Admin", "pending")]

    invite_token = server.link_token(alice, "/accept-invite")
    alice_client = SaaSReady(base_url=server.url)
    preview = alice_client.invitations.preview(invite_token)
    assert preview.organization_name == "Acme Corporation" and preview.role_name == "Admin" and preview.email == alice
    alice_client.auth.register(email=alice, password=PASSWORD, full_name="Alice Admin", invitation_token=invite_token)
    alice_me = alice_client.auth.me()
    membership = alice_me.membership(org.id)
    assert membership is not None and membership.role_name == "Admin"

    bob = unique_email("bob")
    viewer = by_name["Viewer"]
    inv = client.orgs.invite_member(org.id, email=bob, role_id=viewer.id)
    resent = client.orgs.resend_invitation(org.id, inv.id)
    assert resent.id == inv.id
    client.orgs.revoke_invitation(org.id, inv.id)
    assert all(i.id != inv.id for i in client.orgs.list_invitations(org.id, status="pending"))

    # an existing user accepts with the token while signed in
    carol = unique_email("carol")
    carol_client = SaaSReady(base_url=server.url)
    carol_client.auth.register(email=carol, password=PASSWORD, full_name="Carol")
    client.orgs.invite_member(org.id, email=carol, role_id=by_name["Member"].id)
    accepted = carol_client.invitations.accept(server.link_token(carol, "/accept-invite"))
    assert accepted.organization.name == "Acme Corporation" and accepted.role == "Member"

    members = list(client.orgs.list_members(org.id, limit=1))  # one per page: follows the cursor
    assert sorted(m.user_email for m in members) == sorted([founder, alice, carol])
    carol_m = next(m for m in members if m.user_email == carol)
    assert client.orgs.update_member_role(org.id, carol_m.id, role_id=auditor.id).role_name == "Auditor"
    assert client.orgs.suspend_member(org.id, carol_m.id).status == "suspended"
    client.orgs.remove_member(org.id, carol_m.id)
    with pytest.raises(NotFoundError):
        carol_client.orgs.get(org.id)

    # Alice (Admin) lacks org.delete
    with pytest.raises(PermissionDeniedError) as exc:
        alice_client.orgs.delete(org.id)
    assert exc.value.code == "permission_denied"

    # ---- Step 7: 2FA ------------------------------------------------------------------------
    setup = client.auth.enable_2fa()
    assert setup.secret and setup.qr_code_url.startswith("otpauth://totp/")
    assert parse_qs(urlparse(setup.qr_code_url).query)["secret"] == [setup.secret]
    # the tutorial prints secret, qr_code_url and backup_codes: the codes come only after verify_2fa
    assert setup.backup_codes is None and setup.otpauth_url == setup.qr_code_url
    assert setup.qr_code.startswith("data:image/png;base64,")
    assert not client.auth.me().two_factor_enabled
    with pytest.raises(TypeError):
        client.auth.verify_2fa(code=totp(setup.secret))  # the tutorial's call: the password is required
    with pytest.raises(SaaSReadyError):
        client.auth.verify_2fa(code=totp(setup.secret), password="not the password")
    backup = client.auth.verify_2fa(code=totp(setup.secret), password=PASSWORD)
    assert len(backup.backup_codes) >= 8
    assert client.auth.me().two_factor_enabled

    fresh = SaaSReady(base_url=server.url)
    step1 = fresh.auth.login(email=founder, password=PASSWORD)
    assert step1.mfa_required and step1.mfa_token and step1.access_token is None
    done = fresh.auth.login_2fa(step1.mfa_token, backup_code=backup.backup_codes[0])
    assert done.access_token and fresh.auth.me().email == founder
    # one call, with the code of the next step (the current one was used by verify_2fa: no replay)
    response = client.auth.login(email=founder, password=PASSWORD, two_factor_code=totp(setup.secret, step_offset=1))
    assert response.access_token and not response.mfa_required
    sessions = client.auth.sessions()
    assert len(sessions) >= 3 and sum(1 for s in sessions if s.current) == 1

    # ---- Step 8: audit ----------------------------------------------------------------------
    logs = list(client.orgs.list_audit_logs(org_id=org.id, limit=2))  # two per page
    actions = [log.action for log in logs]
    assert {"org.created", "org.updated", "user.invite.sent", "user.invite.revoked", "user.invite.accepted"} <= set(actions)
    first = logs[0]
    assert first.timestamp == first.created_at and (first.user_email in (founder, alice, carol, None))
    assert any(log.ip_address for log in logs) and any(log.user_agent for log in logs)
    exported = b"".join(client.orgs.export_audit_logs(org.id))
    rows = [json.loads(line) for line in exported.decode().splitlines() if line.strip()]
    assert len(rows) == len(logs) and {r["action"] for r in rows} == set(actions)
    assert client.orgs.verify_audit_logs(org.id)["ok"] is True

    # ---- Step 9: feature flags --------------------------------------------------------------
    admin = SaaSReady(base_url=server.url)
    admin.auth.login(email=superuser, password=ADMIN_PASSWORD)
    created = admin.admin.create_flag("advanced_analytics", name="Advanced analytics", default_enabled=False)
    assert created["key"] == "advanced_analytics"
    flag = client.features.set_flag(org_id=org.id, flag_name="advanced_analytics", enabled=True)
    assert flag.enabled and flag.overridden
    assert {f.key: f.enabled for f in client.features.list(org.id)}["advanced_analytics"] is True
    assert client.features.evaluate(org.id, ["advanced_analytics"]) == {"advanced_analytics": True}
    # the tutorial's call, on a user session (which may not read the snapshot: the server evaluates)
    assert client.features.is_enabled("advanced_analytics", org_id=org.id) is True
    # the same argument order, positionally: set_flag(org_id, flag_name, enabled), is_enabled(flag_name, org_id)
    assert client.features.set_flag(org.id, "advanced_analytics", True).key == "advanced_analytics"
    assert client.features.is_enabled("advanced_analytics", org.id) is True
    # local evaluation: an API key with feature_flags.read downloads the snapshot once
    key = client.orgs.api_keys.create(org.id, name="flags", permissions=["feature_flags.read"])
    assert key.raw_key and key.raw_key.startswith("sr_")
    flags = SaaSReady(base_url=server.url, api_key=key.raw_key)
    assert flags.features.is_enabled("advanced_analytics", org_id=org.id) is True
    assert flags.features.is_enabled("no-such-flag", org_id=org.id) is False
    assert client.features.reset_flag(org.id, "advanced_analytics").enabled is False
    assert client.features.is_enabled("advanced_analytics", org_id=org.id) is False
    assert flags.features.is_enabled("advanced_analytics", org_id=org.id) is True  # cached snapshot
    flags.features.refresh_snapshot()
    assert flags.features.is_enabled("advanced_analytics", org_id=org.id) is False
    assert [k.name for k in client.orgs.api_keys.list(org.id)] == ["flags"]
    client.orgs.api_keys.revoke(org.id, key.id)
    with pytest.raises(AuthenticationError):
        flags.features.refresh_snapshot()

    # ---- password, logout, delete -----------------------------------------------------------
    client.auth.forgot_password(alice)
    reset = server.link_token(alice, "/reset-password")
    alice_client.auth.reset_password(token=reset, new_password="Alice's new passphrase")
    alice_client.auth.login(email=alice, password="Alice's new passphrase")
    alice_client.auth.change_password(current_password="Alice's new passphrase", new_password="Alice, third passphrase")
    alice_client.auth.logout()
    assert alice_client.token is None
    client.orgs.delete(org.id)
    with pytest.raises(NotFoundError):
        client.orgs.get(org.id)


def test_tutorial_async(server, unique_email):
    import asyncio

    async def main():
        async with AsyncSaaSReady(server.url) as client:
            email = unique_email("async")
            await client.auth.register(email=email, password=PASSWORD, full_name="Async Founder")
            me = await client.auth.me()
            assert me.email == email
            org = await client.orgs.create(name="Async Org")
            roles = await client.orgs.list_roles(org.id)
            member = next(r for r in roles if r.name == "Member")
            inv = await client.orgs.invite_member(org.id, email=unique_email("asyncinv"), role_id=member.id)
            assert [i.id for i in await client.orgs.list_invitations(org.id)] == [inv.id]
            members = [m async for m in client.orgs.list_members(org.id)]
            assert [m.user_email for m in members] == [email]
            logs = [log async for log in client.orgs.list_audit_logs(org.id, limit=1)]
            assert len(logs) >= 2
            chunks = [c async for c in client.orgs.export_audit_logs(org.id, format="csv")]
            assert b"".join(chunks).decode().splitlines()[0].startswith(("id", "seq", "created_at", "organization"))
            with pytest.raises(NotFoundError):
                await client.orgs.get("00000000-0000-7000-8000-000000000000")
            await client.auth.logout()

    asyncio.run(main())
