"""FastAPI dependencies that guard a relying app's routes with SaaSReady access tokens.

Offline by default: once the verifier has the JWKS, a protected request costs a signature check and
no network call. The organization comes from the path parameter (``org_id`` or
``organization_id``), or else from the token; refusals are RFC 9457 problem documents
(``application/problem+json``) with the API's ``code``.

Example::

    from fastapi import Depends, FastAPI
    from saasready import Verifier
    from saasready.fastapi import SaaSReadyAuth, VerifiedCaller

    auth = SaaSReadyAuth(Verifier(base_url="https://auth.example.com"))
    app = FastAPI()
    auth.install(app)  # renders refusals as application/problem+json

    @app.get("/me")
    def me(caller: VerifiedCaller = Depends(auth.current_user)):
        return {"user_id": caller.user_id}

    @app.patch("/orgs/{org_id}/settings")
    async def settings(org_id: str, caller: VerifiedCaller = Depends(auth.require_permission("org.update"))):
        ...

The dependencies are ``async``; FastAPI runs them on the event loop for sync (``def``) and async
routes alike. In strict mode the server is asked with an ``httpx.AsyncClient`` (cached per
session for the verifier's ``strict_cache_ttl``).
"""
from __future__ import annotations

from typing import Any, Awaitable, Callable, Dict, Optional, Sequence

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse

from .verifier import VerificationError, VerifiedCaller, Verifier

__all__ = ["SaaSReadyAuth", "ProblemException", "problem_exception_handler", "VerifiedCaller"]

_TITLES = {
    "auth.unauthenticated": "Unauthenticated",
    "auth.invalid_token": "Unauthenticated",
    "auth.token_expired": "Unauthenticated",
    "auth.session_revoked": "Session ended",
    "two_factor_required": "Two-factor authentication required",
    "permission_denied": "Permission denied",
    "organization_required": "Organization required",
}


class ProblemException(HTTPException):
    """A refusal as an RFC 9457 problem. With `SaaSReadyAuth.install(app)` (or
    `problem_exception_handler` registered) it renders as ``application/problem+json``; without, it
    still has the right status, with the problem under FastAPI's ``detail``."""

    def __init__(self, status: int, code: str, detail: str) -> None:
        self.problem: Dict[str, Any] = {
            "type": f"urn:saasready:problem:{code}",
            "title": _TITLES.get(code, "Refused"),
            "status": status,
            "code": code,
            "detail": detail,
        }
        headers = {"www-authenticate": 'Bearer realm="saasready"'} if status == 401 else None
        super().__init__(status_code=status, detail=self.problem, headers=headers)


async def problem_exception_handler(request: Request, exc: ProblemException) -> JSONResponse:
    """Renders a `ProblemException` as ``application/problem+json``."""
    body = dict(exc.problem, instance=request.url.path)
    return JSONResponse(body, status_code=exc.status_code, headers=exc.headers, media_type="application/problem+json")


def _bearer(request: Request) -> Optional[str]:
    value = request.headers.get("authorization")
    if not value:
        return None
    scheme, _, credential = value.strip().partition(" ")
    credential = credential.strip()
    return credential if scheme.lower() == "bearer" and credential and " " not in credential else None


class SaaSReadyAuth:
    """The guards, configured with one shared `Verifier`.

    - ``Depends(auth.current_user)``: any valid token (401 otherwise; strict mode: a live session)
    - ``Depends(auth.require_org_member)``: scoped to the path's (or the token's) organization
    - ``Depends(auth.require_permission("org.update", ...))``: and holding every permission named
    """

    def __init__(self, verifier: Verifier, org_params: Sequence[str] = ("org_id", "organization_id")) -> None:
        self.verifier = verifier
        self.org_params = tuple(org_params)

    def install(self, app: FastAPI) -> None:
        """Registers the problem+json exception handler on `app`."""
        app.add_exception_handler(ProblemException, problem_exception_handler)

    # ---- the dependencies -------------------------------------------------------------------
    async def current_user(self, request: Request) -> VerifiedCaller:
        return await self._check(request, need_org=False, permissions=())

    async def require_org_member(self, request: Request) -> VerifiedCaller:
        return await self._check(request, need_org=True, permissions=())

    def require_permission(self, *permissions: str) -> Callable[[Request], Awaitable[VerifiedCaller]]:
        if not permissions:
            raise ValueError("require_permission needs at least one permission")

        async def dependency(request: Request) -> VerifiedCaller:
            return await self._check(request, need_org=True, permissions=permissions)

        dependency.__name__ = f"require_permission_{'_'.join(p.replace('.', '_') for p in permissions)}"
        return dependency

    # ---- the one check ----------------------------------------------------------------------
    async def _check(self, request: Request, need_org: bool, permissions: Sequence[str]) -> VerifiedCaller:
        token = _bearer(request)
        if token is None:
            raise ProblemException(401, "auth.unauthenticated", "A bearer token is required.")
        try:
            caller = await self.verifier.averify(token)
        except VerificationError as err:
            raise ProblemException(401, err.code, err.message) from None

        path_org = next((request.path_params[p] for p in self.org_params if request.path_params.get(p)), None)
        if need_org and not caller.organization_id:
            raise ProblemException(403, "organization_required", "Switch to an organization first.")
        if need_org and path_org is not None and str(path_org) != caller.organization_id:
            raise ProblemException(403, "permission_denied", "The token is scoped to another organization.")
        # the organization requires 2FA the user has not set up: authenticated, never authorized in it
        if need_org and caller.two_factor_setup_required:
            raise ProblemException(403, "two_factor_required", "This organization requires two-factor authentication: enable it, then refresh the access token.")
        try:
            if permissions:
                for permission in permissions:
                    if not await self.verifier.ahas_permission(caller, permission, token):
                        raise ProblemException(403, "permission_denied", f'This action needs the "{permission}" permission.')
            else:
                # strict mode: the server confirms the session (and the membership); offline: no call
                standing = await self.verifier.acheck_session(caller, token)
                if need_org and standing == "two_factor_required":
                    raise ProblemException(403, "two_factor_required", "This organization requires two-factor authentication: enable it, then refresh the access token.")
                if need_org and standing == "not_member":
                    raise ProblemException(403, "permission_denied", "You are no longer a member of this organization.")
        except VerificationError as err:
            raise ProblemException(err.status, err.code, err.message) from None
        request.state.saasready = caller
        return caller
