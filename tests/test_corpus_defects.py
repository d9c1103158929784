"""The other half of the corpus check: every defect a reader listed with the rule that finds it
is found by that rule, on its page (tests/test_corpus.py holds every error and warning to the
list)."""

from __future__ import annotations

from typing import Any

import pytest

import fiscaldoc
from tests.test_corpus import _document, _pages_of_lines, _params


def _listed() -> list[Any]:
    return [p for p in _params("defect") if p.values[1].get("rule")]


@pytest.mark.parametrize(("name", "defect"), _listed())
def test_a_listed_defect_is_found_by_its_rule_on_its_page(name: str, defect: Any) -> None:
    doc = _document(name)
    pages = _pages_of_lines(doc)
    found = [
        {pages.get(ref.line) for ref in f.locations}
        for f in fiscaldoc.validate(doc).findings
        if f.rule == defect["rule"]
    ]
    assert any(defect.get("page") is None or defect["page"] in on for on in found), defect
