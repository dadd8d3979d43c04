"""A minimal PNG reader for tests (1/8-bit greyscale, as segno writes), so a QR image can be
handed to zxing-cpp without Pillow or numpy."""

from __future__ import annotations

import struct
import zlib


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def grey_pixels(png: bytes) -> tuple[int, int, bytes]:
    """(width, height, one byte per pixel 0..255) of a greyscale PNG."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, b""
    width = height = depth = 0
    while pos < len(png):
        (size,) = struct.unpack(">I", png[pos : pos + 4])
        kind, data = png[pos + 4 : pos + 8], png[pos + 8 : pos + 8 + size]
        pos += 12 + size
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", data[:10])
            assert colour == 0, "greyscale only"
            assert depth in (1, 8)
        elif kind == b"IDAT":
            idat += data
    raw = zlib.decompress(idat)
    stride = (width * depth + 7) // 8
    previous = bytearray(stride)
    pixels = bytearray()
    for row in range(height):
        start = row * (stride + 1)
        kind_byte, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - 1] if i else 0
            up, up_left = previous[i], previous[i - 1] if i else 0
            add = (0, left, up, (left + up) // 2, _paeth(left, up, up_left))[kind_byte]
            line[i] = (line[i] + add) & 0xFF
        previous = line
        if depth == 8:
            pixels += line
        else:
            for x in range(width):
                bit = (line[x // 8] >> (7 - x % 8)) & 1
                pixels.append(255 if bit else 0)
    return width, height, bytes(pixels)
