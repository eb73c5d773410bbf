"""The system roles every organization has. Each has the same id in every organization (their
permissions are the instance's, not copies), so code can name one without listing the roles first:

    client.orgs.invite_member(org_id=org.id, email="alice@acme.com", role_id=SYSTEM_ROLE_IDS["Member"])

A custom role's id is its own. The server defines these (``SYSTEM_ROLE_IDS`` in ``@saasready/contracts``).
"""
from types import MappingProxyType
from typing import Mapping

SYSTEM_ROLE_IDS: Mapping[str, str] = MappingProxyType({
    "Owner": "00000000-0000-4000-8000-000000000001",
    "Admin": "00000000-0000-4000-8000-000000000002",
    "Member": "00000000-0000-4000-8000-000000000003",
    "Viewer": "00000000-0000-4000-8000-000000000004",
})
