"""client.sso against the real server: the authorize URL the browser follows (302 to the IdP with a
SAML AuthnRequest), the lookup, and a refused code exchange. (A successful exchange needs a signed
SAML response or a live OIDC provider: the TypeScript suites cover it.)"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlparse

import httpx
import pytest

from conftest import Server, api
from saasready import SaaSReady, SaaSReadyError

REDIRECT = "https://app.example.test/sso/callback"
CERT = (Path(__file__).resolve().parents[2] / "server" / "test" / "fixtures" / "sso" / "idp-cert.pem").read_text()


def test_authorize_url_lookup_and_exchange(server: Server, register) -> None:
    owner = register()
    token = owner["access_token"]
    org_id = api(server, "GET", "/auth/me", token=token).json()["current_org_id"]
    created = api(server, "POST", f"/orgs/{org_id}/sso/connections", token=token, json={
        "type": "saml", "name": "Python IdP", "idp_entity_id": "https://idp.python.test",
        "idp_sso_url": "http://127.0.0.1:9/sso", "idp_certificate": CERT,
    })
    assert created.status_code == 201, created.text
    connection_id = created.json()["id"]

    with SaaSReady(server.url) as client:
        url = client.sso.authorize_url(REDIRECT, connection_id=connection_id, state="s1")
        assert url.startswith(f"{server.url}/api/v1/sso/authorize?connection_id={connection_id}&")
        assert parse_qs(urlparse(url).query) == {"connection_id": [connection_id], "redirect_uri": [REDIRECT], "state": ["s1"]}
        to_idp = httpx.get(url, follow_redirects=False)
        assert to_idp.status_code == 302
        assert to_idp.headers["location"].startswith("http://127.0.0.1:9/sso?SAMLRequest=")
        with pytest.raises(TypeError):
            client.sso.authorize_url(REDIRECT, connection_id=connection_id, domain="acme.test")

        assert client.sso.lookup("someone@unknown-python.test") == {"sso": False, "organization_id": None, "connection_id": None, "sso_required": False}
        with pytest.raises(SaaSReadyError) as refused:
            client.sso.exchange_code("x" * 43)
        assert refused.value.code == "sso.invalid_code"
        assert client.token is None
