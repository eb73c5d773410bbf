"""Verify SaaSReady webhook deliveries (Standard Webhooks), with the standard library only.

A delivery carries ``webhook-id``, ``webhook-timestamp`` and ``webhook-signature`` headers; the
signature is ``v1,<base64 HMAC-SHA256 of "id.timestamp.body">`` under the endpoint's secret
(``whsec_<base64>``), one per secret, space-separated (two during a rotation's overlap).

    from saasready import WebhookVerifier
    verifier = WebhookVerifier(os.environ["SAASREADY_WEBHOOK_SECRET"])

    @app.post("/hooks/saasready")
    async def receive(request: Request):
        event = verifier.verify(await request.body(), request.headers)  # WebhookVerificationError
        if event["type"] == "membership.created":
            ...
        return Response(status_code=204)
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import time
from typing import Any, Dict, Mapping, Optional, Sequence, Union

#: a timestamp further than this from now (either way) is refused: replays of old deliveries
TOLERANCE_SECONDS = 5 * 60


class WebhookVerificationError(Exception):
    """The delivery is not signed by any of the secrets, is stale, or is not a SaaSReady event."""


def _key(secret: str) -> bytes:
    raw = secret[len("whsec_"):] if secret.startswith("whsec_") else secret
    try:
        return base64.b64decode(raw, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ValueError("a webhook secret is whsec_ followed by base64") from exc


class WebhookVerifier:
    """Verifies deliveries of one endpoint; give both secrets during a rotation."""

    def __init__(self, secrets: Union[str, Sequence[str]]) -> None:
        keys = [secrets] if isinstance(secrets, str) else list(secrets)
        if not keys:
            raise ValueError("WebhookVerifier needs at least one secret")
        self._keys = [_key(s) for s in keys]

    def verify(self, body: Union[bytes, str], headers: Mapping[str, str], *, now: Optional[float] = None) -> Dict[str, Any]:
        """Returns the event (a dict with id, type, created_at, organization_id, data) once the
        signature and timestamp check out. ``body`` must be the raw bytes received."""
        lower = {k.lower(): v for k, v in headers.items()}
        msg_id = lower.get("webhook-id", "")
        timestamp = lower.get("webhook-timestamp", "")
        signatures = lower.get("webhook-signature", "")
        if not (msg_id and timestamp and signatures):
            raise WebhookVerificationError("missing webhook-id, webhook-timestamp or webhook-signature")
        try:
            seconds = int(timestamp)
        except ValueError:
            raise WebhookVerificationError("invalid webhook-timestamp") from None
        current = time.time() if now is None else now
        if current - seconds > TOLERANCE_SECONDS:
            raise WebhookVerificationError("message timestamp too old")
        if seconds - current > TOLERANCE_SECONDS:
            raise WebhookVerificationError("message timestamp too new")
        raw = body.encode("utf-8") if isinstance(body, str) else bytes(body)
        signed = f"{msg_id}.{seconds}.".encode("utf-8") + raw
        offered = [part.split(",", 1)[1] for part in signatures.split(" ") if part.startswith("v1,")]
        for key in self._keys:
            expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode("ascii")
            if any(hmac.compare_digest(expected, sig) for sig in offered):
                event = json.loads(raw)
                if not isinstance(event, dict) or event.get("id") != msg_id:
                    raise WebhookVerificationError("the body's id is not the webhook-id header")
                return event
        raise WebhookVerificationError("no matching signature")


def verify_webhook(secrets: Union[str, Sequence[str]], body: Union[bytes, str], headers: Mapping[str, str]) -> Dict[str, Any]:
    """One-off form of :class:`WebhookVerifier`."""
    return WebhookVerifier(secrets).verify(body, headers)
