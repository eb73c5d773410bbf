"""The part of the client that does no I/O, shared by :class:`SaaSReady` and :class:`AsyncSaaSReady`.

Every API call is described by an :class:`Op` (method, path, query, body, how to parse the answer,
whether it yields a session). The namespaces below build Ops and hand them to the client's
``_run`` / ``_pages`` / ``_stream``: the sync client runs them with ``httpx.Client`` and returns the
result, the async client returns a coroutine (or async iterator) doing the same with
``httpx.AsyncClient``. So ``client.auth.me()`` and ``await aclient.auth.me()`` share one definition.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Union

import httpx

from .errors import error_from_response, SaaSReadyError
from .flags import FlagSnapshot
from .models import (
    AcceptedInvitation, ApiKey, AuditLog, AuthResult, BackupCodes, Invitation, InvitationPreview, Me, Member,
    Organization, OrgFeatureFlag, Role, Session, SwitchedOrganization, Tokens, TwoFactorSetup,
)

API = "/api/v1"
USER_AGENT = "saasready-python/0.1.0"


def _clean(d: Mapping[str, Any]) -> Dict[str, Any]:
    """Drops None values (an omitted optional argument is not sent)."""
    return {k: v for k, v in d.items() if v is not None}


def _identity(x: Any) -> Any:
    return x


def _list_of(model: Any) -> Callable[[Any], List[Any]]:
    return lambda data: [model.from_dict(x) for x in (data or [])]


@dataclass
class Op:
    """One API call, described without doing it."""

    method: str
    path: str
    params: Optional[Dict[str, Any]] = None
    json: Optional[Any] = None
    parse: Callable[[Any], Any] = _identity
    #: False for calls that must not carry the bearer credential (login, register, refresh, …)
    auth: bool = True
    #: the answer carries a session to keep (access_token [+ refresh_token])
    stores_session: bool = False
    headers: Dict[str, str] = field(default_factory=dict)
    #: a call answered locally (no HTTP): the value is ``local()``
    local: Optional[Callable[[], Any]] = None
    #: on a SaaSReadyError: another Op to run instead (or None to raise)
    fallback: Optional[Callable[[SaaSReadyError], Optional["Op"]]] = None


class TokenState:
    """The credentials one client holds."""

    def __init__(self, token: Optional[str], refresh_token: Optional[str], api_key: Optional[str]) -> None:
        if api_key and (token or refresh_token):
            raise TypeError("SaaSReady: use either api_key or token/refresh_token, not both")
        self.access_token = token
        self.refresh_token = refresh_token
        self.api_key = api_key

    @property
    def credential(self) -> Optional[str]:
        return self.api_key or self.access_token

    @property
    def can_refresh(self) -> bool:
        return not self.api_key and bool(self.refresh_token)

    def store(self, data: Mapping[str, Any]) -> Optional[Tokens]:
        """Keeps the session in an answer; returns what ``on_tokens`` gets (None if nothing new)."""
        if self.api_key or not isinstance(data, Mapping) or not data.get("access_token"):
            return None
        self.access_token = data["access_token"]
        if data.get("refresh_token"):
            self.refresh_token = data["refresh_token"]
        return Tokens.from_dict({
            "access_token": self.access_token, "refresh_token": self.refresh_token,
            "expires_in": data.get("expires_in", 0), "token_type": data.get("token_type", "bearer"),
        })


def build_request(http: Union[httpx.Client, httpx.AsyncClient], op: Op, credential: Optional[str]) -> httpx.Request:
    headers = {"accept": "application/json, application/problem+json", **op.headers}
    if op.auth and credential:
        headers["authorization"] = f"Bearer {credential}"
    params = _clean(op.params or {})
    return http.build_request(op.method, API + op.path, params=params or None, json=op.json, headers=headers)


def parse_body(response: httpx.Response) -> Any:
    if response.status_code == 204 or not response.content:
        return None
    ctype = response.headers.get("content-type", "")
    if "json" in ctype:
        try:
            return response.json()
        except ValueError:
            return response.text
    return response.text


def check(response: httpx.Response) -> None:
    """Raises the SaaSReadyError of a non-2xx answer (whose body has been read)."""
    if response.is_success:
        return
    raise error_from_response(response.status_code, parse_body(response), response.headers)


def is_token_expired(err: SaaSReadyError) -> bool:
    return err.status == 401 and err.code == "auth.token_expired"


def refresh_op(refresh_token: str) -> Op:
    return Op("POST", "/auth/refresh", json={"refresh_token": refresh_token}, auth=False, stores_session=True, parse=AuthResult.from_dict)


def next_cursor(response: httpx.Response) -> Optional[str]:
    return response.headers.get("x-next-cursor") or None


# ---- namespaces ------------------------------------------------------------------------------
# Each method returns ``self._c._run(op)``: a value in the sync client, an awaitable in the async one.


class AuthAPI:
    """``client.auth``: sessions, password, 2FA."""

    def __init__(self, client: Any) -> None:
        self._c = client

    def register(self, email: str, password: str, full_name: Optional[str] = None, invitation_token: Optional[str] = None) -> Any:
        """Creates an account (and joins the invited organization with ``invitation_token``); keeps the session."""
        body = _clean({"email": email, "password": password, "full_name": full_name, "invitation_token": invitation_token})
        return self._c._run(Op("POST", "/auth/register", json=body, auth=False, stores_session=True, parse=AuthResult.from_dict))

    def login(self, email: str, password: str, two_factor_code: Optional[str] = None) -> Any:
        """Logs in and keeps the session. With 2FA and no ``two_factor_code`` the result has ``mfa_required``."""
        body = _clean({"email": email, "password": password, "two_factor_code": two_factor_code})
        return self._c._run(Op("POST", "/auth/login", json=body, auth=False, stores_session=True, parse=AuthResult.from_dict))

    def login_2fa(self, mfa_token: str, code: Optional[str] = None, backup_code: Optional[str] = None) -> Any:
        """Second step of a 2FA login: the ``mfa_token`` from ``login`` and a TOTP ``code`` (or a ``backup_code``)."""
        body = _clean({"mfa_token": mfa_token, "code": code, "backup_code": backup_code})
        return self._c._run(Op("POST", "/auth/login/2fa", json=body, auth=False, stores_session=True, parse=AuthResult.from_dict))

    def me(self) -> Any:
        return self._c._run(Op("GET", "/auth/me", parse=Me.from_dict))

    def update_profile(self, full_name: str) -> Any:
        return self._c._run(Op("PATCH", "/auth/me", json={"full_name": full_name}, parse=Me.from_dict))

    def logout(self) -> Any:
        """Ends this session on the server and forgets the tokens."""
        return self._c._run(Op("POST", "/auth/logout", parse=lambda _: self._c._forget_tokens()))

    def logout_all(self) -> Any:
        return self._c._run(Op("POST", "/auth/logout-all"))

    def refresh(self) -> Any:
        """Rotates the refresh token now (the client also does it by itself on ``auth.token_expired``)."""
        return self._c._refresh_now()

    def change_password(self, current_password: str, new_password: str) -> Any:
        return self._c._run(Op("POST", "/auth/password", json={"current_password": current_password, "new_password": new_password}))

    def forgot_password(self, email: str) -> Any:
        return self._c._run(Op("POST", "/auth/forgot-password", json={"email": email}, auth=False))

    def reset_password(self, token: str, new_password: str) -> Any:
        return self._c._run(Op("POST", "/auth/reset-password", json={"token": token, "new_password": new_password}, auth=False))

    def verify_email(self, token: str) -> Any:
        return self._c._run(Op("POST", "/auth/verify-email", json={"token": token}, auth=False))

    def setup_2fa(self) -> Any:
        """Starts TOTP enrolment (also ``enable_2fa``, the old client's name); 2FA is not on yet.

        Returns ``secret``, ``qr_code_url`` (the ``otpauth://`` URL, alias ``otpauth_url``),
        ``qr_code`` (a ``data:image/png`` URL of it) and ``backup_codes=None``: the backup codes
        come from ``verify_2fa(code=..., password=...)``, once the authenticator is proven."""
        return self._c._run(Op("POST", "/auth/2fa/setup", parse=TwoFactorSetup.from_dict))

    enable_2fa = setup_2fa

    def verify_2fa(self, code: str, password: str) -> Any:
        """Confirms enrolment and turns 2FA on; returns the backup codes (``.backup_codes``), shown once.

        ``password`` is required even on a logged-in client (the SDK never keeps it): a stolen
        session alone cannot bind an attacker's authenticator."""
        return self._c._run(Op("POST", "/auth/2fa/verify", json={"code": code, "password": password}, parse=BackupCodes.from_dict))

    def disable_2fa(self, password: str, code: str) -> Any:
        return self._c._run(Op("POST", "/auth/2fa/disable", json={"password": password, "code": code}))

    def regenerate_backup_codes(self, password: str, code: str) -> Any:
        return self._c._run(Op("POST", "/auth/2fa/backup-codes", json={"password": password, "code": code}, parse=BackupCodes.from_dict))

    def sessions(self) -> Any:
        return self._c._run(Op("GET", "/auth/sessions", parse=_list_of(Session)))

    def revoke_session(self, session_id: str) -> Any:
        return self._c._run(Op("DELETE", f"/auth/sessions/{session_id}"))


class ApiKeysAPI:
    """``client.orgs.api_keys``."""

    def __init__(self, client: Any) -> None:
        self._c = client

    def list(self, org_id: str) -> Any:
        return self._c._run(Op("GET", f"/orgs/{org_id}/api-keys", parse=_list_of(ApiKey)))

    def create(self, org_id: str, name: str, permissions: Iterable[str], expires_at: Optional[str] = None) -> Any:
        """Creates a key; ``raw_key`` (``sr_…``) is shown only in this answer."""
        body = _clean({"name": name, "permissions": list(permissions), "expires_at": expires_at})
        return self._c._run(Op("POST", f"/orgs/{org_id}/api-keys", json=body, parse=ApiKey.from_dict))

    def revoke(self, org_id: str, key_id: str) -> Any:
        return self._c._run(Op("DELETE", f"/orgs/{org_id}/api-keys/{key_id}"))


class OrgsAPI:
    """``client.orgs``: organizations, roles, members, invitations, audit log, API keys."""

    def __init__(self, client: Any) -> None:
        self._c = client
        self.api_keys = ApiKeysAPI(client)

    def list(self) -> Any:
        """The caller's organizations, each with ``your_role``."""
        return self._c._run(Op("GET", "/orgs", parse=_list_of(Organization)))

    def create(self, name: str, slug: Optional[str] = None, description: Optional[str] = None, metadata: Optional[Dict[str, Any]] = None) -> Any:
        body = _clean({"name": name, "slug": slug, "description": description, "metadata": metadata})
        return self._c._run(Op("POST", "/orgs", json=body, parse=Organization.from_dict))

    def get(self, org_id: str) -> Any:
        return self._c._run(Op("GET", f"/orgs/{org_id}", parse=Organization.from_dict))

    def update(self, org_id: str, name: Optional[str] = None, slug: Optional[str] = None, description: Optional[str] = None,
               metadata: Optional[Dict[str, Any]] = None, settings: Optional[Dict[str, Any]] = None) -> Any:
        body = _clean({"name": name, "slug": slug, "description": description, "metadata": metadata, "settings": settings})
        return self._c._run(Op("PATCH", f"/orgs/{org_id}", json=body, parse=Organization.from_dict))

    def update_settings(self, org_id: str, require_2fa: Optional[bool] = None) -> Any:
        """Changes the security settings (needs ``org.settings``; requiring 2FA needs your own first)."""
        return self._c._run(Op("PATCH", f"/orgs/{org_id}/settings", json=_clean({"require_2fa": require_2fa}), parse=Organization.from_dict))

    def delete(self, org_id: str) -> Any:
        return self._c._run(Op("DELETE", f"/orgs/{org_id}"))

    def switch(self, org_id: str) -> Any:
        """Makes ``org_id`` the session's current organization; keeps the new access token."""
        return self._c._run(Op("POST", "/auth/switch-org", json={"org_id": org_id}, stores_session=True, parse=SwitchedOrganization.from_dict))

    def leave(self, org_id: str) -> Any:
        return self._c._run(Op("POST", f"/orgs/{org_id}/leave"))

    # roles
    def list_roles(self, org_id: str) -> Any:
        return self._c._run(Op("GET", f"/orgs/{org_id}/roles", parse=_list_of(Role)))

    def create_role(self, org_id: str, name: str, permissions: Iterable[str], description: Optional[str] = None) -> Any:
        body = _clean({"name": name, "permissions": list(permissions), "description": description})
        return self._c._run(Op("POST", f"/orgs/{org_id}/roles", json=body, parse=Role.from_dict))

    def update_role(self, org_id: str, role_id: str, name: Optional[str] = None, permissions: Optional[Iterable[str]] = None,
                    description: Optional[str] = None) -> Any:
        body = _clean({"name": name, "permissions": list(permissions) if permissions is not None else None, "description": description})
        return self._c._run(Op("PATCH", f"/orgs/{org_id}/roles/{role_id}", json=body, parse=Role.from_dict))

    def delete_role(self, org_id: str, role_id: str, reassign_to: Optional[str] = None) -> Any:
        return self._c._run(Op("DELETE", f"/orgs/{org_id}/roles/{role_id}", params={"reassign_to": reassign_to}))

    def list_permissions(self) -> Any:
        return self._c._run(Op("GET", "/permissions"))

    # members
    def list_members(self, org_id: str, limit: Optional[int] = None, search: Optional[str] = None,
                     role_id: Optional[str] = None, status: Optional[str] = None) -> Any:
        """Every member, page after page (the server's ``X-Next-Cursor``): an iterator (async iterator in AsyncSaaSReady)."""
        op = Op("GET", f"/orgs/{org_id}/members", params={"limit": limit, "search": search, "role_id": role_id, "status": status},
                parse=_list_of(Member))
        return self._c._pages(op)

    def update_member_role(self, org_id: str, membership_id: str, role_id: str) -> Any:
        return self._c._run(Op("PATCH", f"/orgs/{org_id}/members/{membership_id}/role", json={"role_id": role_id}, parse=Member.from_dict))

    def suspend_member(self, org_id: str, membership_id: str) -> Any:
        return self._c._run(Op("PATCH", f"/orgs/{org_id}/members/{membership_id}", json={"status": "suspended"}, parse=Member.from_dict))

    def reactivate_member(self, org_id: str, membership_id: str) -> Any:
        return self._c._run(Op("PATCH", f"/orgs/{org_id}/members/{membership_id}", json={"status": "active"}, parse=Member.from_dict))

    def remove_member(self, org_id: str, membership_id: str) -> Any:
        return self._c._run(Op("DELETE", f"/orgs/{org_id}/members/{membership_id}"))

    # invitations
    def invite_member(self, org_id: str, email: str, role_id: str, full_name: Optional[str] = None) -> Any:
        """Invites by email; the link (with the token) goes out by email only."""
        body = _clean({"email": email, "role_id": role_id, "full_name": full_name})
        return self._c._run(Op("POST", f"/orgs/{org_id}/invite", json=body, parse=Invitation.from_dict))

    def list_invitations(self, org_id: str, status: Optional[str] = None) -> Any:
        return self._c._run(Op("GET", f"/orgs/{org_id}/invitations", params={"status": status}, parse=_list_of(Invitation)))

    def resend_invitation(self, org_id: str, invitation_id: str) -> Any:
        return self._c._run(Op("POST", f"/orgs/{org_id}/invitations/{invitation_id}/resend", parse=Invitation.from_dict))

    def revoke_invitation(self, org_id: str, invitation_id: str) -> Any:
        return self._c._run(Op("DELETE", f"/orgs/{org_id}/invitations/{invitation_id}"))

    # audit log
    def list_audit_logs(self, org_id: str, limit: Optional[int] = None, action: Optional[str] = None,
                        actor_user_id: Optional[str] = None, target_type: Optional[str] = None, target_id: Optional[str] = None,
                        from_: Optional[str] = None, to: Optional[str] = None) -> Any:
        """The audit log, newest first, every page (``limit`` is the page size): an iterator (async iterator in AsyncSaaSReady)."""
        params = {"limit": limit, "action": action, "actor_user_id": actor_user_id, "target_type": target_type,
                  "target_id": target_id, "from": from_, "to": to}
        return self._c._pages(Op("GET", f"/audit/orgs/{org_id}/logs", params=params, parse=_list_of(AuditLog)))

    def export_audit_logs(self, org_id: str, format: str = "jsonl", action: Optional[str] = None,
                          from_: Optional[str] = None, to: Optional[str] = None) -> Any:
        """The filtered audit log as JSON lines or CSV, streamed: an iterator of ``bytes`` chunks (async iterator in AsyncSaaSReady)."""
        params = {"format": format, "action": action, "from": from_, "to": to}
        return self._c._stream(Op("GET", f"/audit/orgs/{org_id}/logs/export", params=params))

    def verify_audit_logs(self, org_id: str) -> Any:
        return self._c._run(Op("GET", f"/audit/orgs/{org_id}/verify"))


class InvitationsAPI:
    """``client.invitations``: what the invited person does with the emailed token."""

    def __init__(self, client: Any) -> None:
        self._c = client

    def preview(self, token: str) -> Any:
        return self._c._run(Op("GET", f"/invitations/{token}", auth=False, parse=InvitationPreview.from_dict))

    def accept(self, token: str) -> Any:
        """Accepts as the signed-in user (whose email must match); new users pass the token to ``auth.register``."""
        return self._c._run(Op("POST", "/invitations/accept", json={"token": token}, parse=AcceptedInvitation.from_dict))


class FeaturesAPI:
    """``client.features``: per-organization flags, and local evaluation from a snapshot."""

    def __init__(self, client: Any, snapshot_ttl: float = 30.0) -> None:
        self._c = client
        self.snapshot_ttl = snapshot_ttl
        self._snapshot: Optional[FlagSnapshot] = None
        self._loaded_at = 0.0
        #: the credential may not read the snapshot (a plain user session): ask the server instead
        self._snapshot_denied = False

    def list(self, org_id: str) -> Any:
        return self._c._run(Op("GET", f"/orgs/{org_id}/feature-flags", parse=_list_of(OrgFeatureFlag)))

    def set_flag(self, org_id: str, flag_name: str, enabled: bool, rollout_percent: Optional[int] = None) -> Any:
        """Overrides a flag for the organization (on, off, or a percentage rollout)."""
        body = _clean({"enabled": enabled, "rollout_percent": rollout_percent})
        return self._c._run(Op("PUT", f"/orgs/{org_id}/feature-flags/{flag_name}", json=body, parse=OrgFeatureFlag.from_dict))

    def reset_flag(self, org_id: str, flag_name: str) -> Any:
        """Removes the organization's override: the flag follows its global rule again."""
        return self._c._run(Op("DELETE", f"/orgs/{org_id}/feature-flags/{flag_name}", parse=OrgFeatureFlag.from_dict))

    def evaluate(self, org_id: str, keys: Optional[Iterable[str]] = None) -> Any:
        """Server-side evaluation for the calling user: ``{key: bool}``."""
        params = {"keys": ",".join(keys) if keys else None}
        return self._c._run(Op("GET", f"/orgs/{org_id}/feature-flags/evaluate", params=params, parse=lambda d: dict((d or {}).get("flags") or {})))

    def load_snapshot(self, snapshot: Union[FlagSnapshot, Mapping[str, Any]]) -> FlagSnapshot:
        """Uses a snapshot obtained elsewhere (no network)."""
        snap = snapshot if isinstance(snapshot, FlagSnapshot) else FlagSnapshot(snapshot)
        self._snapshot, self._loaded_at = snap, time.monotonic()
        return snap

    def refresh_snapshot(self) -> Any:
        """Downloads ``/feature-flags/snapshot`` now (needs an API key with ``feature_flags.read``, or a superuser)."""
        return self._c._run(Op("GET", "/feature-flags/snapshot", parse=self.load_snapshot))

    def is_enabled(self, flag_name: str, org_id: str, user_id: Optional[str] = None) -> Any:
        """Whether the flag is on for the organization (and user); unknown flags are off.

        Evaluated locally from the snapshot (downloaded when missing or older than ``snapshot_ttl``)
        when the credential may read it — an API key with ``feature_flags.read``, or a superuser.
        A plain user session may not: then the server evaluates it (for the calling user)."""
        snap = self._snapshot
        if snap is not None and time.monotonic() - self._loaded_at < self.snapshot_ttl:
            return self._c._run(Op("GET", "", local=lambda: snap.is_enabled(flag_name, org_id, user_id)))
        ask_server = Op("GET", f"/orgs/{org_id}/feature-flags/evaluate", params={"keys": flag_name},
                        parse=lambda d: bool(((d or {}).get("flags") or {}).get(flag_name, False)))
        if self._snapshot_denied:
            return self._c._run(ask_server)

        def denied(err: SaaSReadyError) -> Optional[Op]:
            if err.status != 403:
                return None
            self._snapshot_denied = True
            return ask_server

        return self._c._run(Op("GET", "/feature-flags/snapshot", fallback=denied,
                               parse=lambda d: self.load_snapshot(d).is_enabled(flag_name, org_id, user_id)))


class AdminAPI:
    """``client.admin``: instance superusers only — global feature flags."""

    def __init__(self, client: Any) -> None:
        self._c = client

    def list_flags(self) -> Any:
        return self._c._run(Op("GET", "/admin/feature-flags"))

    def create_flag(self, key: str, name: str, description: Optional[str] = None, default_enabled: bool = False,
                    rollout_percent: Optional[int] = None, rollout_unit: Optional[str] = None) -> Any:
        body = _clean({"key": key, "name": name, "description": description, "default_enabled": default_enabled,
                       "rollout_percent": rollout_percent, "rollout_unit": rollout_unit})
        return self._c._run(Op("POST", "/admin/feature-flags", json=body))

    def update_flag(self, key: str, **changes: Any) -> Any:
        """``changes``: name, description, default_enabled, rollout_percent (None is sent: clears it), rollout_unit."""
        return self._c._run(Op("PATCH", f"/admin/feature-flags/{key}", json=changes))

    def delete_flag(self, key: str) -> Any:
        return self._c._run(Op("DELETE", f"/admin/feature-flags/{key}"))


class SsoAPI:
    """``client.sso``: enterprise SSO — the URL that starts a login, the code exchange, the lookup.

        url = client.sso.authorize_url(email="jo@acme.com", redirect_uri="https://app.example.com/sso/callback", state="xyz")
        # … the browser comes back to redirect_uri?code=…&state=xyz
        session = client.sso.exchange_code(code)   # keeps the session
        print(session["sso_profile"]["organization_id"])
    """

    def __init__(self, client: Any) -> None:
        self._c = client

    def authorize_url(self, redirect_uri: str, connection_id: Optional[str] = None, organization_id: Optional[str] = None,
                      domain: Optional[str] = None, email: Optional[str] = None, state: Optional[str] = None) -> str:
        """The URL that starts an SSO login (no request is made: send the browser there). Exactly one of
        ``connection_id``, ``organization_id``, ``domain`` or ``email`` picks the connection; ``redirect_uri``
        must be one of the server's SSO_REDIRECT_URIS."""
        chosen = _clean({"connection_id": connection_id, "organization_id": organization_id, "domain": domain, "email": email})
        if len(chosen) != 1:
            raise TypeError("sso.authorize_url: give exactly one of connection_id, organization_id, domain, email")
        query = httpx.QueryParams({**chosen, "redirect_uri": redirect_uri, **_clean({"state": state})})
        return f"{self._c.base_url}{API}/sso/authorize?{query}"

    def exchange_code(self, code: str) -> Any:
        """Redeems the single-use code (60 s): the session's tokens (kept by the client) and ``sso_profile``."""
        return self._c._run(Op("POST", "/sso/token", json={"code": code}, auth=False, stores_session=True))

    def lookup(self, email: str) -> Any:
        """Whether the email signs in with SSO: ``{sso, organization_id, connection_id, sso_required}``."""
        return self._c._run(Op("POST", "/auth/sso/lookup", json={"email": email}, auth=False))


class ClientBase:
    """What the sync and the asyncio client share: set-up, the token state and the namespaces.
    Subclasses add the I/O (``_run``, ``_send``, ``_keep``) and their refresh lock."""

    _name = "SaaSReady"

    def _setup(self, base_url: str, token: Optional[str], api_key: Optional[str], refresh_token: Optional[str],
               on_tokens: Any, http_client: Any, make_http: Callable[[], Any]) -> None:
        if not base_url:
            raise TypeError(f'{self._name}: base_url is required, e.g. "http://localhost:8000"')
        self.base_url = base_url.rstrip("/")
        self._tokens = TokenState(token, refresh_token, api_key)
        self._on_tokens = on_tokens
        self._owns_http = http_client is None
        self._http = http_client or make_http()
        if self._owns_http or not str(self._http.base_url):
            self._http.base_url = self.base_url
        self._http.headers.setdefault("user-agent", USER_AGENT)
        self.auth = AuthAPI(self)
        self.orgs = OrgsAPI(self)
        self.invitations = InvitationsAPI(self)
        self.features = FeaturesAPI(self)
        self.admin = AdminAPI(self)
        self.sso = SsoAPI(self)

    @property
    def token(self) -> Optional[str]:
        return self._tokens.access_token

    @property
    def refresh_token(self) -> Optional[str]:
        return self._tokens.refresh_token

    def set_token(self, token: Optional[str], refresh_token: Optional[str] = None) -> None:
        """Uses another access token (and, if given, refresh token) from now on."""
        if self._tokens.api_key:
            raise TypeError(f"{self._name}: this client uses an API key; it holds no user tokens")
        self._tokens.access_token = token
        if refresh_token is not None:
            self._tokens.refresh_token = refresh_token

    def request(self, method: str, path: str, params: Optional[Dict[str, Any]] = None, json: Any = None) -> Any:
        """Any API call by path under ``/api/v1`` (e.g. an endpoint newer than this client): the parsed JSON
        (awaitable on the asyncio client). Credentials, errors and refresh work as for every other call."""
        return self._run(Op(method.upper(), path, params=params, json=json))  # type: ignore[attr-defined]

    def _forget_tokens(self) -> None:
        self._tokens.access_token = None
        self._tokens.refresh_token = None
