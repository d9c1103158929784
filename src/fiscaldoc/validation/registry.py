"""The rule registry: each rule is data (id, severity, family, description, rationale) plus a
function from a document to findings. The docs' rule catalogue is generated from it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping

import attrs

from fiscaldoc.model import Finding, Severity
from fiscaldoc.validation.context import Context
from fiscaldoc.validation.declaration import RuleDeclaration

Check = Callable[[Context, "Rule"], Iterable[Finding]]


@attrs.frozen(slots=True)
class Rule(RuleDeclaration):
    """One validation rule: its declaration and its check."""

    check: Check = attrs.field(repr=False)

    def run(self, context: Context) -> Iterator[Finding]:
        yield from self.check(context, self)


RULES: list[Rule] = []
FAMILIES = {
    "table": "Within a table",
    "cross": "Across tables",
    "narrative": "Narrative and tables",
    "reference": "Reference data",
    "units": "Units",
    "document": "The document as a whole",
    "performance": "Performance tables (绩效)",
    "text": "Template residue and text quality",
    "comparison": "Comparison wording",
    "names": "Names",
    "shares": "Structure shares",
    "empty": "Empty and zero",
    "lists": "Lists against tables",
    "figures": "Figures of the prose",
    "copy": "Text copied between items",
    "previous": "Against last year's document",
}


def rule(
    id: str, severity: Severity, family: str, description: str, rationale: str
) -> Callable[[Check], Check]:
    """Register ``check`` as a rule (used as a decorator)."""

    def register(check: Check) -> Check:
        if any(existing.id == id for existing in RULES):
            raise ValueError(f"duplicate rule id {id}")
        if family not in FAMILIES:
            raise ValueError(f"rule {id}: unknown family {family!r} (add it to FAMILIES)")
        RULES.append(Rule(id, severity, family, description, rationale, check))
        return check

    return register


def catalogue_rst(examples: Mapping[str, str] | None = None) -> str:
    """The rule catalogue as reStructuredText (generated into the docs from the registry);
    ``examples``: a block of reStructuredText to show under each family's title."""
    lines: list[str] = []
    for family, title in FAMILIES.items():
        rules = [r for r in RULES if r.family == family]
        if not rules:
            continue
        lines += [title, "~" * (len(title) * 2), ""]
        if examples and family in examples:
            lines += [examples[family], ""]
        for rule_ in rules:
            lines += [
                f"``{rule_.id}`` ({rule_.severity.value})",
                f"   {rule_.description}",
                "",
                f"   *Why:* {rule_.rationale}",
                "",
            ]
    return "\n".join(lines)
