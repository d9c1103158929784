"""The header of an unruled table as a tree: which label stands over which columns.

Without rules, only the geometry says that 本年支出 spans 小计, 基本支出 and 项目支出, that
本年收入 over 合计 is one label wrapped over two lines, and that 项目 stands alone. The header's
pieces (runs of text, :func:`fiscaldoc.pdf.lines.chunks`) are read from the bottom line up: the
pieces of each printed line share out the labels under them, left to right, so that each piece
stands centred over its run — group labels are centred over their columns — which a small
dynamic programme decides (:func:`tree`). A label printed right under a piece, overlapping it,
can only be in that piece's run; a piece over one label on the next line is that label's first
line; a piece over several is a group; a piece over none is a column of its own.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from fiscaldoc.pdf.geometry import Rect, bounding
from fiscaldoc.pdf.lines import TextLine, cell_text

_BELOW = 0.3  # share of a font size a label may reach up into the line above it
_NEXT_LINE = 1.2  # a label this many font sizes under another is on the next line
_UNDER = 3.0  # the cost (in font sizes) of a header label left under no label above it
_WRAP = 0.6  # a label's next line stands closer than this share of a font size under it


@attrs.frozen(slots=True, eq=False)
class Node:
    """A header label: a leaf column, or a group over the labels in ``children``."""

    lines: tuple[TextLine, ...]
    children: tuple[Node, ...] = ()

    @property
    def rect(self) -> Rect:
        return bounding(line.rect for line in self.lines)

    @property
    def text(self) -> str:
        return cell_text(self.lines)

    def leaves(self) -> list[Node]:
        if not self.children:
            return [self]
        return [leaf for child in self.children for leaf in child.leaves()]


def bands(pieces: Sequence[TextLine]) -> list[list[TextLine]]:
    """Header pieces grouped by the printed line they are on, top to bottom, left to right.

    A piece joins the line above when it overlaps one of its pieces in height, unless it stands
    under one of them: two pieces of one printed line never share an x-range (a label wrapped
    onto a line that rows of the next header level overlap is that label's next line)."""
    bands: list[list[TextLine]] = []
    for piece in sorted(pieces, key=lambda q: q.rect.cy):
        if (
            bands
            and any(piece.rect.y_overlap(other.rect) > 0 for other in bands[-1])
            and not any(piece.rect.x_overlap(other.rect) > 0 for other in bands[-1])
        ):
            bands[-1].append(piece)
        else:
            bands.append([piece])
    return [sorted(band, key=lambda q: q.rect.cx) for band in bands]


def tree(
    bands: Sequence[Sequence[TextLine]], outer: tuple[float, float], size: float
) -> list[Node]:
    """The header as a tree, built band by band from the bottom up.

    The pieces of one band share out the labels under them, left to right: each takes a run of
    them (or none: then it is a column of its own, standing over no other label), chosen so
    that every run's middle is as near as can be to the middle of its piece — group labels are
    centred over their columns. A piece over a single label on the line right under it is the
    first line of that label, wrapped; a piece over several is a group.
    """
    roots: list[Node] = []
    for band in reversed(_wrapped(bands, size)):
        top = min(q.rect.y0 for q in band)
        below = sorted((r for r in roots if r.rect.y0 > top), key=lambda r: r.rect.cx)
        rest = [r for r in roots if r.rect.y0 <= top]
        runs = _share(below, band, outer, size)
        taken = {id(node) for run in runs for node in run}
        roots = rest + [r for r in below if id(r) not in taken]
        roots += [_hang(piece, run, size) for piece, run in zip(band, runs, strict=True)]
    return sorted(roots, key=lambda r: r.rect.cx)


def _wrapped(bands: Sequence[Sequence[TextLine]], size: float) -> list[list[TextLine]]:
    """The bands with each label's wrapped lines joined to its first: a piece set close under
    a piece of the band above (less than :data:`_WRAP` font sizes), within its x-range and
    aligned with it (the same middle or the same left edge), and the only piece of its band
    under that one, is the next line of the same label — not a label of the next level, which
    stands further down (a group's label wrapped over two lines, 部门预算支出经济分 / 类科目,
    over its 项目 and 预算数)."""
    out = [list(band) for band in bands]
    for upper in range(len(out) - 1):
        lower = out[upper + 1]
        for k, above in enumerate(out[upper]):
            under = [q for q in lower if q.rect.x_overlap(above.rect) > 0]
            if len(under) != 1:
                continue
            piece = under[0]
            a, b = above.rect, piece.rect
            if (
                0 <= b.y0 - a.y1 <= _WRAP * size
                and a.x0 - _WRAP * size <= b.x0
                and b.x1 <= a.x1 + _WRAP * size
                and (abs(a.cx - b.cx) <= size or abs(a.x0 - b.x0) <= _WRAP * size)
            ):
                out[upper][k] = TextLine((*above.glyphs, *piece.glyphs), a.union(b))
                lower.remove(piece)
    return [band for band in out if band]


def _share(
    nodes: Sequence[Node], pieces: Sequence[TextLine], outer: tuple[float, float], size: float
) -> list[list[Node]]:
    """One run of ``nodes`` (left to right, possibly empty) per piece: a small dynamic
    programme over (pieces, nodes) whose cost is how far each run's middle is from its
    piece's, plus a penalty for each node left under no piece. A run reaches halfway to the
    nearest label beside it, under the band or on it."""
    count, width = len(pieces), len(nodes)
    skip = _UNDER * size
    inf = float("inf")
    # a label printed right under a piece (overlapping it) can only be in that piece's run
    owner = [
        next(
            (
                k
                for k, q in enumerate(pieces)
                if node.rect.x_overlap(q.rect) > 0 and node.rect.y0 >= q.rect.y1 - _BELOW * size
            ),
            None,
        )
        for node in nodes
    ]

    def cost(piece: TextLine, start: int, end: int) -> float:
        k = pieces.index(piece)
        if start == end:
            return inf if k in owner else 0.0
        if any(owner[n] not in (None, k) for n in range(start, end)):
            return inf
        first, last = nodes[start].rect, nodes[end - 1].rect
        others = [n.rect for n in nodes] + [q.rect for q in pieces if q is not piece]
        after = [r.x0 for r in others if r.x0 >= last.x1 - 0.5]
        before = [r.x1 for r in others if r.x1 <= first.x0 + 0.5]
        right = (last.x1 + min(after)) / 2 if after else outer[1]
        left = (first.x0 + max(before)) / 2 if before else outer[0]
        if not left - size <= piece.rect.cx <= right + size:
            return inf
        return abs(piece.rect.cx - (left + right) / 2)

    best = [[inf] * (width + 1) for _ in range(count + 1)]
    back: list[list[tuple[int, int]]] = [[(0, 0)] * (width + 1) for _ in range(count + 1)]
    best[0][0] = 0.0
    for k in range(count + 1):
        for start in range(width + 1):
            here = best[k][start]
            if here == inf:
                continue
            if start < width and owner[start] is None and here + skip < best[k][start + 1]:
                best[k][start + 1], back[k][start + 1] = here + skip, (k, start)
            if k == count:
                continue
            for end in range(start, width + 1):
                total = here + cost(pieces[k], start, end)
                if total < best[k + 1][end]:
                    best[k + 1][end], back[k + 1][end] = total, (k, start)
    runs: list[list[Node]] = [[] for _ in pieces]
    k, end = count, width
    while k or end:
        previous_k, start = back[k][end]
        if previous_k < k:
            runs[previous_k] = list(nodes[start:end])
        k, end = previous_k, start
    return runs


def _hang(piece: TextLine, run: Sequence[Node], size: float) -> Node:
    if not run:
        return Node((piece,))
    only = run[0]
    if (
        len(run) == 1
        and only.rect.y0 - piece.rect.y1 <= _NEXT_LINE * size
        and only.rect.x_overlap(piece.rect) > 0
    ):
        return Node((piece, *only.lines), only.children)  # a label wrapped over two lines
    return Node((piece,), tuple(run))
