"""Tracking codes: the random key a resident holds to look a visit up again.

A code is 11 random symbols of Crockford's base-32 alphabet (55 bits, from
``secrets``) plus one check symbol (Luhn mod 32, which catches every single
mistyped symbol and every swap of two neighbours but 0 with Z, the blind spot
of Luhn mod N as 09 with 90 is of Luhn's own: a code read so finds no visit
and is said to be unknown), shown as ``XXXX-XXXX-XXXX``.
It holds no personal data and has no relation to the ticket number. Reading
is forgiving: any case, with or without dashes or spaces, O read as 0 and
I/L as 1, or a whole tracking URL from a QR scanner.
"""

from __future__ import annotations

import re
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}
_VALUE.update({"O": 0, "I": 1, "L": 1})
DATA_LENGTH = 11
LENGTH = DATA_LENGTH + 1


class BadCode(ValueError):
    """Not a well-formed tracking code (wrong length, symbol or check)."""


def _check_symbol(data: str) -> str:
    # Luhn mod N: double every second symbol from the right.
    total, factor = 0, 2
    for ch in reversed(data):
        addend = factor * _VALUE[ch]
        total += addend // 32 + addend % 32
        factor = 1 if factor == 2 else 2
    return ALPHABET[(32 - total % 32) % 32]


def new_code() -> str:
    # One draw of 55 random bits, five per symbol: the same code space as a draw per
    # symbol, for one system call instead of a dozen (every ticket taken makes a code).
    bits = secrets.randbits(5 * DATA_LENGTH)
    data = "".join(ALPHABET[(bits >> (5 * i)) & 31] for i in range(DATA_LENGTH))
    return data + _check_symbol(data)


def display(code: str) -> str:
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def normalise(text: str) -> str:
    """The canonical 12-symbol code in ``text``; raises BadCode."""
    raw = (text or "").strip()
    if "=" in raw:  # a scanned URL of the form …?code=XXXX
        raw = raw.rsplit("=", 1)[-1]
    elif "/" in raw:  # a scanned URL: the code is its last path segment
        raw = raw.rstrip("/").rsplit("/", 1)[-1].split("?", 1)[0]
    cleaned = re.sub(r"[\s\-_.]", "", raw).upper()
    if len(cleaned) != LENGTH or any(ch not in _VALUE for ch in cleaned):
        raise BadCode(text)
    canonical = "".join(ALPHABET[_VALUE[ch]] for ch in cleaned)
    if _check_symbol(canonical[:-1]) != canonical[-1]:
        raise BadCode(text)
    return canonical


def read(text: str) -> str:
    """A code as a resident typed or scanned it, or a refusal they can read."""
    from models.errors import Refused

    try:
        return normalise(text)
    except BadCode:
        raise Refused("bad_tracking_code", code=(text or "").strip()[:20]) from None


def url_for(code: str, template: str) -> str:
    """What the QR code holds: the tracking URL, or the bare code without one."""
    return template.format(code=display(code)) if template else display(code)
