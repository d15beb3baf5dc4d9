"""Regenerate ``shared_ui/fonts/unifont-gb2312.hex.gz``, the kiosk's big glyphs for Chinese.

It keeps, from GNU Unifont's ``unifont.hex`` (Debian's ``unifont`` package,
``/usr/share/unifont/unifont.hex``), the glyphs of: printable ASCII, every
character of GB2312 (its 6,763 hanzi and its symbols), CJK symbols and
punctuation (U+3000–U+303F), the full-width forms (U+FF00–U+FFEF), and any
other character of the Chinese locale files. The lines are kept as Unifont
writes them (``CODE:HEX``, 32 hex digits for an 8×16 glyph, 64 for 16×16),
sorted, gzip-compressed without a timestamp so a rerun gives the same bytes.

Without the package installed::

    apt-get download unifont && dpkg -x unifont_*.deb /tmp/unifont
    python scripts/make_glyph_font.py /tmp/unifont/usr/share/unifont/unifont.hex
"""

from __future__ import annotations

import argparse
import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "shared_ui" / "fonts" / "unifont-gb2312.hex.gz"


def gb2312_characters() -> set[str]:
    found = set()
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                found.add(bytes((high, low)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return found


def wanted() -> set[int]:
    characters = gb2312_characters()
    characters.update(chr(c) for c in range(0x20, 0x7F))
    characters.update(chr(c) for c in range(0x3000, 0x3040))
    characters.update(chr(c) for c in range(0xFF00, 0xFFF0))
    for path in sorted((ROOT / "models" / "locales" / "zh").glob("*.toml")):
        characters.update(ch for ch in path.read_text(encoding="utf-8") if ord(ch) >= 0x80)
    return {ord(ch) for ch in characters if ord(ch) <= 0xFFFF}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "hex",
        type=Path,
        help="unifont.hex (default: the installed package's)",
        nargs="?",
        default=Path("/usr/share/unifont/unifont.hex"),
    )
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    if not args.hex.exists():
        print(f"{args.hex} is not there: install or unpack Debian's unifont package first.", file=sys.stderr)
        return 2
    codes = wanted()
    kept = []
    for line in args.hex.read_text(encoding="ascii").splitlines():
        code, _, bits = line.partition(":")
        if int(code, 16) in codes and len(bits) in (32, 64):
            kept.append(f"{int(code, 16):04X}:{bits.upper()}")
    kept.sort()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(gzip.compress(("\n".join(kept) + "\n").encode("ascii"), compresslevel=9, mtime=0))
    missing = len(codes) - len(kept)
    print(
        f"{len(kept)} glyphs, {args.out.stat().st_size} bytes -> {args.out} ({missing} wanted characters not in the font)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
