"""Pictures of the PDF page around the values a finding names, as strips of the rendered page.

Each page a finding touches is rendered once with PDFium (``pypdfium2``, the ``pdf`` extra that
read the document), in grey: the boxes are drawn over it in colour by the report (SVG), so the
picture itself needs no drawing library, and a grey PNG is a third of a colour one. The PNG is
written with :mod:`zlib`, so no imaging library (Pillow) is needed either. A strip is the page's
full width (the row's label and its neighbours stay in sight) and the height of the values it
shows plus some rows above and below; values far apart on one page get a strip each.
"""

from __future__ import annotations

import os
import struct
import zlib
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from fiscaldoc.model.location import Box
from fiscaldoc.pdf.reader import pdfium

SCALE = 2.0
"""Pixels per PDF point (144 dpi): small print stays legible when a phone zooms in."""

PAD = 26.0
"""Points of page shown above and below the values (about two table rows)."""

Rect = tuple[float, float, float, float]
"""A rectangle in a strip's pixels: (left, top, right, bottom)."""


@attrs.frozen(slots=True)
class Request:
    """The boxes of one finding on one page, each with the label drawn beside it."""

    key: Any
    file: str
    page: int
    boxes: tuple[tuple[str, Box], ...]


@attrs.frozen(slots=True)
class Strip:
    """A cut of a rendered page (``image`` indexes :attr:`Pictures.images`) with the boxes
    drawn on it, in the strip's pixels."""

    page: int
    image: int
    width: int
    height: int
    rects: tuple[tuple[str, Rect], ...]


@attrs.frozen(slots=True)
class Pictures:
    """The strips of every request (by its key), the PNG images they show (each stored once,
    however many findings show it), and the files that could not be opened."""

    strips: dict[Any, list[Strip]]
    images: list[bytes]
    missing: dict[str, str]


def render(
    requests: Sequence[Request], files: dict[str, str | os.PathLike[str] | bytes]
) -> Pictures:
    """Render each requested page once, in file and page order, and cut its strips."""
    pictures = Pictures({}, [], {})
    by_page: dict[tuple[str, int], list[Request]] = {}
    for request in requests:
        by_page.setdefault((request.file, request.page), []).append(request)
    module = pdfium() if by_page else None
    opened: dict[str, Any] = {}
    cut: dict[tuple[str, int, int, int], int] = {}
    try:
        for (file, number), wanted in sorted(by_page.items()):
            pdf = _open(module, file, files, opened, pictures.missing)
            if pdf is not None and 1 <= number <= len(pdf):
                _cut(pdf[number - 1], file, number, wanted=wanted, pictures=pictures, cut=cut)
    finally:
        for pdf in opened.values():
            if pdf is not None:
                pdf.close()
    return pictures


def _cut(
    page: Any,
    file: str,
    number: int,
    *,
    wanted: list[Request],
    pictures: Pictures,
    cut: dict[tuple[str, int, int, int], int],
) -> None:
    """Render one page and cut the strips its requests need (each strip encoded once)."""
    bitmap = page.render(scale=SCALE, grayscale=True)
    convert = bitmap.get_posconv(page)
    pixels = bytes(bitmap.buffer)
    for request in wanted:
        rects = [(label, _pixels(convert, box)) for label, box in request.boxes]
        for group in _clusters(rects):
            top = max(0, int(min(r[1] for _, r in group) - PAD * SCALE))
            bottom = min(bitmap.height, int(max(r[3] for _, r in group) + PAD * SCALE) + 1)
            where = (file, number, top, bottom)
            if where not in cut:
                cut[where] = len(pictures.images)
                pictures.images.append(
                    _png(
                        pixels,
                        stride=bitmap.stride,
                        width=bitmap.width,
                        top=top,
                        bottom=bottom,
                        channels=bitmap.n_channels,
                    )
                )
            shown = tuple((label, (r[0], r[1] - top, r[2], r[3] - top)) for label, r in group)
            pictures.strips.setdefault(request.key, []).append(
                Strip(number, cut[where], bitmap.width, bottom - top, shown)
            )
    bitmap.close()
    page.close()


def _open(
    module: Any,
    file: str,
    files: dict[str, str | os.PathLike[str] | bytes],
    opened: dict[str, Any],
    missing: dict[str, str],
) -> Any:
    if file in opened:
        return opened[file]
    given = files.get(file, file)
    if not given:
        missing[file] = "read from bytes, not a file: pass source= to show its pages"
        opened[file] = None
        return None
    try:
        opened[file] = module.PdfDocument(given)
    except (OSError, module.PdfiumError) as error:
        missing[file] = str(error) or type(error).__name__
        opened[file] = None
    return opened[file]


def _pixels(convert: Any, box: Box) -> Rect:
    """A page box (PDF points) as bitmap pixels, whatever the page's rotation."""
    x0, y0 = convert.to_bitmap(box[0], box[1])
    x1, y1 = convert.to_bitmap(box[2], box[3])
    return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


def _clusters(rects: Iterable[tuple[str, Rect]]) -> list[list[tuple[str, Rect]]]:
    """Rectangles grouped into strips: one strip while the next starts within two pads."""
    groups: list[list[tuple[str, Rect]]] = []
    bottom = 0.0
    for label, rect in sorted(rects, key=lambda item: item[1][1]):
        if groups and rect[1] - bottom <= 2 * PAD * SCALE:
            groups[-1].append((label, rect))
            bottom = max(bottom, rect[3])
        else:
            groups.append([(label, rect)])
            bottom = rect[3]
    return groups


def _png(pixels: bytes, *, stride: int, width: int, top: int, bottom: int, channels: int) -> bytes:
    """Rows ``top:bottom`` of a grey (1 channel) or BGR bitmap as a PNG file."""
    row_bytes = width * channels
    rows = []
    for y in range(top, bottom):
        start = y * stride
        row = pixels[start : start + row_bytes]
        if channels == 3:
            swapped = bytearray(row)
            swapped[0::3], swapped[2::3] = row[2::3], row[0::3]
            row = bytes(swapped)
        rows.append(b"\x00" + row)
    colour = 0 if channels == 1 else 2
    header = struct.pack(">IIBBBBB", width, bottom - top, 8, colour, 0, 0, 0)
    return b"".join(
        (
            b"\x89PNG\r\n\x1a\n",
            _chunk(b"IHDR", header),
            _chunk(b"IDAT", zlib.compress(b"".join(rows), 6)),
            _chunk(b"IEND", b""),
        )
    )


def _chunk(tag: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))
