"""Local feature-flag evaluation, the same rule as the server and the TypeScript SDK
(``packages/contracts/src/flags.ts``): an organization override wins; otherwise a rollout
percentage decides by ``murmur3("{key}:{unit id}") % 100 < percent`` (unit: the organization, or
the user for ``rollout_unit: "user"``); otherwise ``default_enabled``.

    snap = FlagSnapshot(client.features.snapshot_raw())
    snap.is_enabled("new-ui", org_id)
"""
from __future__ import annotations

from typing import Any, Dict, Mapping, Optional

__all__ = ["murmur3", "rollout_bucket", "evaluate_flag", "FlagSnapshot"]

_M = 0xFFFFFFFF


def _rotl(x: int, r: int) -> int:
    return ((x << r) | (x >> (32 - r))) & _M


def murmur3(text: str, seed: int = 0) -> int:
    """MurmurHash3 x86 32-bit of the UTF-8 bytes of ``text`` (unsigned)."""
    data = text.encode("utf-8")
    h = seed & _M
    c1, c2 = 0xCC9E2D51, 0x1B873593
    blocks = len(data) & ~3
    for i in range(0, blocks, 4):
        k = data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24)
        k = (k * c1) & _M
        k = _rotl(k, 15)
        k = (k * c2) & _M
        h ^= k
        h = _rotl(h, 13)
        h = (h * 5 + 0xE6546B64) & _M
    k = 0
    tail = len(data) & 3
    if tail == 3:
        k ^= data[blocks + 2] << 16
    if tail >= 2:
        k ^= data[blocks + 1] << 8
    if tail >= 1:
        k ^= data[blocks]
        k = (k * c1) & _M
        k = _rotl(k, 15)
        k = (k * c2) & _M
        h ^= k
    h ^= len(data)
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & _M
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & _M
    h ^= h >> 16
    return h


def rollout_bucket(key: str, unit_id: str) -> int:
    """The stable 0–99 bucket of ``unit_id`` for flag ``key``."""
    return murmur3(f"{key}:{unit_id}") % 100


def _in_rollout(rule: Mapping[str, Any], percent: int, org_id: str, user_id: Optional[str]) -> bool:
    unit = user_id if rule.get("rollout_unit") == "user" and user_id else org_id
    return rollout_bucket(str(rule["key"]), unit) < percent


def evaluate_flag(rule: Mapping[str, Any], override: Optional[Mapping[str, Any]], org_id: str, user_id: Optional[str] = None) -> bool:
    """Whether the flag ``rule`` (one entry of the snapshot) is on for the organization (and user)."""
    if override:
        if not override.get("enabled"):
            return False
        pct = override.get("rollout_percent")
        return True if pct is None else _in_rollout(rule, pct, org_id, user_id)
    pct = rule.get("rollout_percent")
    if pct is not None:
        return _in_rollout(rule, pct, org_id, user_id)
    return bool(rule.get("default_enabled"))


class FlagSnapshot:
    """A downloaded ``GET /api/v1/feature-flags/snapshot``: evaluates with no network call."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.raw: Dict[str, Any] = dict(data)
        self.version: Optional[str] = data.get("version")
        self.rules: Dict[str, Mapping[str, Any]] = {f["key"]: f for f in data.get("flags") or [] if isinstance(f, dict) and "key" in f}

    def has(self, key: str) -> bool:
        return key in self.rules

    def is_enabled(self, key: str, org_id: str, user_id: Optional[str] = None) -> bool:
        """The flag's value for the organization (and user); False for unknown flags."""
        rule = self.rules.get(key)
        if rule is None:
            return False
        override = (rule.get("overrides") or {}).get(org_id)
        return evaluate_flag(rule, override, org_id, user_id)
