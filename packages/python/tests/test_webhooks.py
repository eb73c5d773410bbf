"""The webhook verifier against real deliveries: the server signs, a loopback receiver gets the
bytes, the verifier checks them; tampering, a wrong secret and a stale timestamp are refused."""
from __future__ import annotations

import base64
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from saasready import WebhookVerificationError, WebhookVerifier, verify_webhook

from conftest import api


class _Receiver:
    def __init__(self) -> None:
        self.received = []
        self.arrived = threading.Condition()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802
                body = self.rfile.read(int(self.headers.get("content-length", "0")))
                with receiver.arrived:
                    receiver.received.append((dict(self.headers.items()), body))
                    receiver.arrived.notify_all()
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.http.server_address[1]}/hooks"
        threading.Thread(target=self.http.serve_forever, daemon=True).start()

    def wait_for(self, predicate, timeout=10.0):
        deadline = time.monotonic() + timeout
        with self.arrived:
            while True:
                for headers, body in self.received:
                    if predicate(headers, body):
                        return headers, body
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"no matching delivery among {len(self.received)}")
                self.arrived.wait(left)


@pytest.fixture
def receiver():
    r = _Receiver()
    yield r
    r.http.shutdown()


def test_verifies_real_deliveries_and_refuses_forgeries(server, register, receiver):
    owner = register()
    token = owner["access_token"]
    org_id = api(server, "GET", "/auth/me", token).json()["memberships"][0]["organization_id"]
    hook = api(server, "POST", f"/orgs/{org_id}/webhooks", token, json={"url": receiver.url, "event_types": ["role.*"]})
    assert hook.status_code == 201, hook.text
    secret = hook.json()["secret"]
    assert api(server, "POST", f"/orgs/{org_id}/roles", token, json={"name": "Py Role", "permissions": []}).status_code == 201
    headers, body = receiver.wait_for(lambda h, b: b"Py Role" in b)
    event = WebhookVerifier(secret).verify(body, headers)
    assert event["type"] == "role.created"
    assert event["data"]["attributes"]["name"] == "Py Role"
    assert event["id"] == headers["webhook-id"]

    with pytest.raises(WebhookVerificationError):
        verify_webhook(secret, body.replace(b"Py Role", b"Py Rule"), headers)
    with pytest.raises(WebhookVerificationError):
        verify_webhook("whsec_" + base64.b64encode(b"\x01" * 32).decode(), body, headers)
    with pytest.raises(WebhookVerificationError, match="too old"):
        verify_webhook(secret, body, {**headers, "webhook-timestamp": str(int(time.time()) - 600)})

    # during a rotation both secrets sign; a receiver holding either (or both) accepts
    rotated = api(server, "POST", f"/orgs/{org_id}/webhooks/{hook.json()['id']}/rotate-secret", token, json={}).json()["secret"]
    assert api(server, "POST", f"/orgs/{org_id}/roles", token, json={"name": "Py Rotated", "permissions": []}).status_code == 201
    headers, body = receiver.wait_for(lambda h, b: b"Py Rotated" in b)
    assert len(headers["webhook-signature"].split(" ")) == 2
    for secrets in (secret, rotated, [rotated, secret]):
        assert WebhookVerifier(secrets).verify(body, headers)["type"] == "role.created"
