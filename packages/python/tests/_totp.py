"""A small RFC 6238 TOTP (SHA-1, 6 digits, 30 s) for the tests: no pyotp."""
from __future__ import annotations

import base64
import hashlib
import hmac
import struct
import time
from typing import Optional


def totp(secret_b32: str, at: Optional[float] = None, step_offset: int = 0, digits: int = 6, period: int = 30) -> str:
    key = base64.b32decode(secret_b32.upper() + "=" * (-len(secret_b32) % 8))
    counter = int((time.time() if at is None else at) // period) + step_offset
    mac = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    code = (struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF) % (10 ** digits)
    return str(code).zfill(digits)


