"""SaaSReady for Python: a typed API client (sync and asyncio), offline verification of access
tokens, and a FastAPI integration.

    from saasready import SaaSReady
    client = SaaSReady(base_url="http://localhost:8000")
    client.auth.register(email="founder@acme.com", password="…", full_name="Jane Founder")
    org = client.orgs.create(name="Acme Corporation", slug="acme-corp")
"""
from .aio import AsyncSaaSReady
from .client import SaaSReady
from .errors import (
    AuthenticationError,
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitedError,
    SaaSReadyError,
    ValidationError,
)
from .flags import FlagSnapshot, evaluate_flag
from .models import Tokens
from .roles import SYSTEM_ROLE_IDS
from .verifier import VerifiedCaller, Verifier
from .webhooks import WebhookVerificationError, WebhookVerifier, verify_webhook

__version__ = "0.1.0"

__all__ = [
    "SaaSReady",
    "AsyncSaaSReady",
    "SaaSReadyError",
    "AuthenticationError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "ValidationError",
    "RateLimitedError",
    "FlagSnapshot",
    "evaluate_flag",
    "Tokens",
    "SYSTEM_ROLE_IDS",
    "Verifier",
    "VerifiedCaller",
    "WebhookVerifier",
    "WebhookVerificationError",
    "verify_webhook",
    "__version__",
]
