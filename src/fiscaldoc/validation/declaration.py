"""What a rule declares (id, severity, family, description, rationale), apart from its check.

The comparison in ``context`` reads a rule's id and severity; the registry's ``Rule`` adds the
check, a function of a ``Context``. Kept here, below both, so that each imports it one way.
"""

from __future__ import annotations

import attrs

from fiscaldoc.model import Severity


@attrs.frozen(slots=True)
class RuleDeclaration:
    """A rule's data: what the docs' catalogue prints and what a finding carries."""

    id: str
    severity: Severity
    family: str
    description: str
    rationale: str
