"""Typed answers. Every model keeps the whole JSON object in ``raw`` and ignores keys it does not
know, so a server that adds a field never breaks a deployed client::

    org = Organization.from_dict({"id": "…", "name": "Acme", "slug": "acme", "new_field": 1})
    org.raw["new_field"]  # → 1
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Type, TypeVar

__all__ = [
    "Model", "User", "Tokens", "AuthResult", "Membership", "OrganizationRef", "Me", "Session",
    "Organization", "Role", "Member", "Invitation", "InvitationPreview", "AcceptedInvitation",
    "TwoFactorSetup", "BackupCodes", "AuditLog", "ApiKey", "OrgFeatureFlag", "SwitchedOrganization",
]

M = TypeVar("M", bound="Model")


@dataclass
class Model:
    """Base of every model: ``from_dict`` keeps known fields, ``raw`` keeps everything."""

    raw: Dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_dict(cls: Type[M], data: Optional[Dict[str, Any]]) -> M:
        data = dict(data or {})
        nested = getattr(cls, "NESTED", {})
        kwargs: Dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            if not f.init or f.name == "raw" or f.name not in data:
                continue
            value = data[f.name]
            sub = nested.get(f.name)
            if sub is not None and isinstance(value, dict):
                value = sub.from_dict(value)
            elif sub is not None and isinstance(value, list):
                value = [sub.from_dict(v) if isinstance(v, dict) else v for v in value]
            kwargs[f.name] = value
        return cls(raw=data, **kwargs)

    def __getitem__(self, key: str) -> Any:
        """``model["field"]`` reads the raw JSON, including fields this version does not model."""
        return self.raw[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.raw.get(key, default)


# dataclass(kw_only) needs 3.10; every field has a default so positional order never matters
_dc = dataclass


@_dc
class User(Model):
    id: str = ""
    email: str = ""
    full_name: str = ""
    is_active: bool = True
    is_superuser: bool = False
    email_verified: bool = False
    created_at: str = ""


@_dc
class Tokens(Model):
    """What ``on_tokens`` receives."""

    access_token: str = ""
    refresh_token: Optional[str] = None
    expires_in: int = 0
    token_type: str = "bearer"


@_dc
class AuthResult(Model):
    """The answer of register / login / login_2fa / refresh.

    After a password login of a user with 2FA, ``mfa_required`` is True, there are no tokens, and
    ``mfa_token`` goes to ``client.auth.login_2fa``. A registration that needs email verification
    first has ``email_verification_required`` and no tokens.
    """

    access_token: Optional[str] = None
    refresh_token: Optional[str] = None
    expires_in: Optional[int] = None
    token_type: Optional[str] = None
    user: Optional[User] = None
    mfa_required: bool = False
    mfa_token: Optional[str] = None
    methods: List[str] = field(default_factory=list)
    email_verification_required: bool = False
    NESTED = {"user": User}


@_dc
class Membership(Model):
    id: str = ""
    organization_id: str = ""
    organization_name: str = ""
    organization_slug: str = ""
    role_id: str = ""
    role_name: str = ""
    status: str = ""
    permissions: List[str] = field(default_factory=list)
    require_2fa: bool = False


@_dc
class OrganizationRef(Model):
    id: str = ""
    name: str = ""
    slug: str = ""


@_dc
class Me(Model):
    """``auth.me()``: the user, their memberships and the session's current organization."""

    id: str = ""
    email: str = ""
    full_name: str = ""
    is_active: bool = True
    is_superuser: bool = False
    email_verified: bool = False
    created_at: str = ""
    memberships: List[Membership] = field(default_factory=list)
    current_organization: Optional[OrganizationRef] = None
    two_factor_enabled: bool = False
    two_factor_setup_required: bool = False
    #: the session's current organization (the old client's ``current_org_id``), or None
    current_org_id: Optional[str] = None
    #: what the caller may do in the current organization now: the server's answer, which is empty
    #: while the organization requires 2FA the caller has not set up (the membership still lists the
    #: role's permissions)
    permissions: List[str] = field(default_factory=list)
    NESTED = {"memberships": Membership, "current_organization": OrganizationRef}

    def membership(self, org_id: Optional[str] = None) -> Optional[Membership]:
        """The membership in ``org_id`` (default: the current organization)."""
        target = org_id or self.current_org_id
        return next((m for m in self.memberships if m.organization_id == target), None)


@_dc
class Session(Model):
    id: str = ""
    created_at: str = ""
    last_used_at: str = ""
    expires_at: str = ""
    ip: Optional[str] = None
    user_agent: Optional[str] = None
    current: bool = False


@_dc
class Organization(Model):
    """An organization; ``your_role``/``your_role_id`` are set in ``orgs.list()``."""

    id: str = ""
    name: str = ""
    slug: str = ""
    description: Optional[str] = None
    metadata: Dict[str, Any] = field(default_factory=dict)
    settings: Dict[str, Any] = field(default_factory=dict)
    is_active: bool = True
    created_at: str = ""
    updated_at: str = ""
    your_role: Optional[str] = None
    your_role_id: Optional[str] = None


@_dc
class SwitchedOrganization(Model):
    access_token: str = ""
    token_type: str = "bearer"
    expires_in: int = 0
    organization: Optional[OrganizationRef] = None
    NESTED = {"organization": OrganizationRef}


@_dc
class Role(Model):
    id: str = ""
    organization_id: str = ""
    name: str = ""
    description: Optional[str] = None
    is_system: bool = False
    permissions: List[str] = field(default_factory=list)
    created_at: str = ""
    updated_at: str = ""


@_dc
class Member(Model):
    id: str = ""
    user_id: str = ""
    organization_id: str = ""
    role_id: str = ""
    role_name: str = ""
    status: str = ""
    created_at: str = ""
    user_email: str = ""
    user_full_name: str = ""
    two_factor_enabled: bool = False


@_dc
class Invitation(Model):
    """An invitation. The token is never in an answer: it travels only in the emailed link."""

    id: str = ""
    organization_id: str = ""
    email: str = ""
    full_name: Optional[str] = None
    role_id: str = ""
    role_name: str = ""
    status: str = ""
    invited_by: Optional[str] = None
    expires_at: str = ""
    created_at: str = ""


@_dc
class InvitationPreview(Model):
    organization_name: str = ""
    inviter_name: Optional[str] = None
    role_name: str = ""
    email: str = ""
    expires_at: str = ""


@_dc
class AcceptedInvitation(Model):
    organization: Optional[OrganizationRef] = None
    membership_id: str = ""
    role_name: str = ""
    NESTED = {"organization": OrganizationRef}

    @property
    def role(self) -> str:
        return self.role_name


@_dc
class TwoFactorSetup(Model):
    """The answer of ``client.auth.enable_2fa()`` (alias ``setup_2fa``): 2FA is not on yet.

    ``secret`` is what the user types into an authenticator app; ``qr_code_url`` (the old
    client's name, same as ``otpauth_url``) is the ``otpauth://totp/...`` URL to render as a QR
    code; ``qr_code`` is that QR code already rendered, a ``data:image/png;base64,...`` URL for an
    ``<img src>``. ``backup_codes`` is always ``None`` here: our server hands them out only once the
    authenticator is proven, as the answer of ``client.auth.verify_2fa(code=..., password=...)``
    (the old client returned them at setup, before any code had been checked)."""
    secret: str = ""
    otpauth_url: str = ""
    qr_code: str = ""
    #: ``None`` until ``verify_2fa`` succeeds; read the codes from its answer
    backup_codes: Optional[List[str]] = None

    @property
    def qr_code_url(self) -> str:
        """The old client's name: the ``otpauth://`` URL to render as a QR code."""
        return self.otpauth_url


@_dc
class BackupCodes(Model):
    backup_codes: List[str] = field(default_factory=list)


@_dc
class AuditLog(Model):
    id: str = ""
    organization_id: Optional[str] = None
    seq: int = 0
    actor_type: str = ""
    actor_user_id: Optional[str] = None
    actor_api_key_id: Optional[str] = None
    actor_email: Optional[str] = None
    action: str = ""
    target_type: Optional[str] = None
    target_id: Optional[str] = None
    metadata: Dict[str, Any] = field(default_factory=dict)
    ip_address: Optional[str] = None
    user_agent: Optional[str] = None
    request_id: Optional[str] = None
    created_at: str = ""

    @property
    def timestamp(self) -> str:
        """The old client's name for ``created_at``."""
        return self.created_at

    @property
    def user_email(self) -> Optional[str]:
        """The old client's name for ``actor_email``."""
        return self.actor_email


@_dc
class ApiKey(Model):
    """An API key; ``raw_key`` (``sr_…``) is set only in the answer of ``api_keys.create``."""

    id: str = ""
    organization_id: str = ""
    name: str = ""
    prefix: str = ""
    permissions: List[str] = field(default_factory=list)
    effective_permissions: List[str] = field(default_factory=list)
    created_by: Optional[str] = None
    created_at: str = ""
    last_used_at: Optional[str] = None
    expires_at: Optional[str] = None
    revoked_at: Optional[str] = None
    active: bool = True
    inactive_reason: Optional[str] = None
    raw_key: Optional[str] = None


@_dc
class OrgFeatureFlag(Model):
    key: str = ""
    name: str = ""
    description: Optional[str] = None
    default_enabled: bool = False
    enabled: bool = False
    overridden: bool = False
    rollout_percent: Optional[int] = None
