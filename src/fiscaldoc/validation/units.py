"""The units rule: a figure 10,000× off the same figure elsewhere (元 written where 万元 is meant).

Every comparison (see :meth:`fiscaldoc.validation.context.Context.compare`) converts the values
of tables printed in different units to one unit first, so the same money in 万元 in one table
and in 元 in another is not a difference; a remaining factor of 10,000 is reported under this
rule instead of the comparison's own.
"""

from __future__ import annotations

from collections.abc import Iterator

from fiscaldoc.model import Finding, Severity
from fiscaldoc.validation.context import Context
from fiscaldoc.validation.registry import Rule, rule


@rule(
    "units.scale",
    Severity.ERROR,
    "units",
    "Two figures that should be equal differ by a factor of 10,000 (after converting each table's "
    "declared unit): the amount unit of one of them is wrong.",
    "Tables in 元 and in 万元 sit side by side in one document; a table declaring the wrong unit "
    "makes every figure in it 10,000× off.",
)
def scale(context: Context, this: Rule) -> Iterator[Finding]:
    """Raised by the comparisons of the other rules; nothing to check on its own."""
    return iter(())
