"""The printed code hierarchy of a table's rows, computed once for the table builder and the
validator: each code's parent is its longest printed proper prefix, found through one index."""

from __future__ import annotations

from collections.abc import Sequence


def code_parents(codes: Sequence[str | None], total: int | None) -> dict[int, list[int]]:
    """Row index -> indexes of its printed sub-codes; codes with no printed prefix: ``total``.

    A code printed twice counts as its last row; the lookup is linear in rows (times code length)
    rather than quadratic, which matters for tables of thousands of rows.
    """
    last = {code: n for n, code in enumerate(codes) if code}
    children: dict[int, list[int]] = {}
    for n, code in enumerate(codes):
        if not code:
            continue
        parent = next(
            (last[code[:k]] for k in range(len(code) - 1, 0, -1) if code[:k] in last), total
        )
        if parent is not None:
            children.setdefault(parent, []).append(n)
    return children
