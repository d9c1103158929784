"""Table titles: every title pattern needs the title mark, so text without it is passed over."""

from __future__ import annotations

import re
import sys
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fiscaldoc.reference.catalogue import TABLES, TITLE_MARK, match_title
from fiscaldoc.reference.specs import TableSpec

if sys.version_info >= (3, 11):
    from re import _parser as sre_parse
else:  # pragma: no cover - Python 3.10
    import sre_parse

_LOOKBEHIND = re.compile(r"\(\?<[!=][^()]*\)")


def _requires(items: Any, mark: int) -> bool:
    """True when every match of the parsed pattern ``items`` contains the character ``mark``."""
    for op, argument in items:
        name = str(op)
        if name == "LITERAL" and argument == mark:
            return True
        if name == "SUBPATTERN" and _requires(argument[-1], mark):
            return True
        if name == "BRANCH" and all(_requires(branch, mark) for branch in argument[1]):
            return True
        repeated = name in ("MAX_REPEAT", "MIN_REPEAT") and argument[0] >= 1
        if repeated and _requires(argument[2], mark):
            return True
    return False


@pytest.mark.parametrize("spec", TABLES, ids=lambda spec: spec.id.value)
def test_every_title_pattern_needs_the_title_mark(spec: TableSpec) -> None:
    # Python's own parser reads these patterns once the (variable-width) lookbehinds, which
    # never consume a character, are taken out.
    parsed = sre_parse.parse(_LOOKBEHIND.sub("", spec.title.pattern))
    assert _requires(parsed, ord(TITLE_MARK))


def test_the_requirement_check_can_fail() -> None:
    assert not _requires(sre_parse.parse("收入(?:决算表)?"), ord(TITLE_MARK))
    assert not _requires(sre_parse.parse("收入决算表|收入决算"), ord(TITLE_MARK))
    assert _requires(sre_parse.parse("(?:收入|支出)决算表"), ord(TITLE_MARK))


@pytest.mark.parametrize("spec", TABLES, ids=lambda spec: spec.id.value)
def test_each_table_is_found_by_its_own_name(spec: TableSpec) -> None:
    found = match_title(spec.name)
    assert found is not None
    assert found.title.match(spec.name)


@given(st.sampled_from(TABLES), st.text(alphabet="单位部门局 2023年度（）公开01表", max_size=8))
def test_spaces_inside_a_title_do_not_hide_it(spec: TableSpec, prefix: str) -> None:
    spaced = " ".join(spec.name)
    assert match_title(spaced) is match_title(spec.name)
    assert match_title(prefix + spec.name) is match_title(prefix.replace(" ", "") + spec.name)
