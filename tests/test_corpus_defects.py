"""The other half of the corpus check: every defect a reader listed with the rule that finds it
is found by that rule, on its page (tests/test_corpus.py holds every error and warning to the
list)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_corpus import READINGS, _document, _pages_of_lines, _reading, _report, on_pages


def _listed() -> list[Any]:
    out = []
    for path in READINGS:
        reading = _reading(path)
        for index, defect in enumerate(reading.get("defect", [])):
            if defect.get("rule"):
                out.append(pytest.param(reading, defect, id=f"{path.stem}-{index}"))
    return out


@pytest.mark.parametrize(("reading", "defect"), _listed())
def test_a_listed_defect_is_found_by_its_rule_on_its_page(
    reading: dict[str, Any], defect: Any
) -> None:
    pages = _pages_of_lines(_document(reading["document"]["file"]))
    found = [on_pages(f, pages) for f in _report(reading).findings if f.rule == defect["rule"]]
    assert any(defect.get("page") is None or defect["page"] in on for on in found), defect
