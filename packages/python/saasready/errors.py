"""Errors: every non-2xx answer (an RFC 9457 problem document) becomes a :class:`SaaSReadyError`.

Branch on ``err.code`` (stable, e.g. ``"organization.not_found"``) or catch a subclass::

    try:
        client.orgs.get(org_id)
    except NotFoundError:
        ...
    except SaaSReadyError as err:
        if err.code == "permission_denied": ...
"""
from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional, Type

__all__ = [
    "SaaSReadyError",
    "AuthenticationError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "ValidationError",
    "RateLimitedError",
    "error_from_response",
]


class SaaSReadyError(Exception):
    """An answer the server refused, with its problem document."""

    def __init__(
        self,
        status: int,
        code: str,
        title: str,
        detail: Optional[str] = None,
        problem: Optional[Dict[str, Any]] = None,
    ) -> None:
        self.status = status
        self.code = code
        self.title = title
        self.detail = detail
        self.problem: Dict[str, Any] = dict(problem or {})
        super().__init__(f"{status} {code}: {detail or title}")

    @property
    def errors(self) -> List[Dict[str, Any]]:
        """Field-level failures of a validation problem (``[{"path", "message", ...}]``)."""
        errs = self.problem.get("errors")
        return list(errs) if isinstance(errs, list) else []


class AuthenticationError(SaaSReadyError):
    """401: no, an invalid or an expired credential (``auth.*``)."""


class PermissionDeniedError(SaaSReadyError):
    """403: the caller lacks a permission."""


class NotFoundError(SaaSReadyError):
    """404: missing — or another tenant's, which looks exactly the same."""


class ConflictError(SaaSReadyError):
    """409: e.g. a slug already taken, the last owner, an invitation already accepted."""


class ValidationError(SaaSReadyError):
    """422, or a 400 carrying field errors (``request.validation_failed``); see :attr:`errors`."""


class RateLimitedError(SaaSReadyError):
    """429: slow down; :attr:`retry_after` is in seconds (from the ``Retry-After`` header)."""

    def __init__(self, *args: Any, retry_after: Optional[float] = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.retry_after = retry_after


_BY_STATUS: Dict[int, Type[SaaSReadyError]] = {
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: ValidationError,
}


def error_from_response(status: int, body: Any, headers: Mapping[str, str]) -> SaaSReadyError:
    """Builds the error for a non-2xx answer (``body``: parsed JSON, text, or None)."""
    problem: Dict[str, Any] = body if isinstance(body, dict) else {}
    code = str(problem.get("code") or f"http.{status}")
    title = str(problem.get("title") or (body if isinstance(body, str) and body else f"HTTP {status}"))
    detail = problem.get("detail")
    detail = str(detail) if detail is not None else None
    if status == 429:
        retry: Optional[float] = None
        raw = headers.get("retry-after")
        if raw is not None:
            try:
                retry = float(raw)
            except ValueError:
                retry = None
        return RateLimitedError(status, code, title, detail, problem, retry_after=retry)
    cls = _BY_STATUS.get(status)
    if cls is None and status == 400 and (code == "request.validation_failed" or isinstance(problem.get("errors"), list)):
        cls = ValidationError
    return (cls or SaaSReadyError)(status, code, title, detail, problem)
