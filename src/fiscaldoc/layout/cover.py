"""The cover: the lines before the contents or the first part, and what they say of the document.

A cover prints the unit, the year the document is about, its kind and level, often wrapped over
several lines ("某市某区规划和自然" / "资源局" / "2024 年度部门决算") and sometimes as fields
("预算主管部门：…", "部门:…"). The narrative later names other years (the one it compares with,
the one it plans for), so the cover's year is the document's year.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from fiscaldoc.cache import compiled
from fiscaldoc.layout import patterns as p
from fiscaldoc.layout.blocks import title_of
from fiscaldoc.reference.names import PLACEHOLDER, name_in_title
from fiscaldoc.text.lines import Line

_MAX_LINES = 8

_CONTENTS = compiled(r"^目录|^序号报表名称")
_DATE = compiled(r"^(?:19|20)\d{2}年\d{1,2}月(?:\d{1,2}日)?$")
_PAGE = compiled(r"^[-—]?\d{1,3}[-—]?$")
_FIELD = compiled(r"^(?P<key>[\p{Han}（）()]{1,12})[:：](?P<value>.*)$")
UNIT_FIELDS = (
    "预算主管部门",
    "主管部门",
    "预算单位",
    "决算单位",
    "部门名称",
    "单位名称",
    "编制单位",
    "编制部门",
    "部门",
    "单位",
)
"""Field names under which a cover or a table header names the unit."""

_FIELD_LEVEL = {"预算主管部门": "部门", "主管部门": "部门", "预算单位": "单位", "决算单位": "单位"}
"""A cover's field that says the document's level (预算主管部门 / 预算单位)."""

_HEADER_LEVEL = compiled(r"(?:^|\s)(?:编制部门|部门名称|预算主管部门|部门)\s*[:：]")
"""A table header naming the unit as a 部门 (部门：…, 编制部门：…)."""

_YEAR = compiled(r"((?:19|20)\d{2})年度?")
_KIND = compiled(r"(决算|预算)")
_LEVEL = compiled(r"(部门|单位)(?:综合)?(?:决算|预算)|预算(单位)|决算(单位)")


@attrs.frozen(slots=True)
class Cover:
    """What the cover states; empty fields where it is silent."""

    title: str = ""
    unit_name: str = ""
    year: int | None = None
    kind: str = ""
    level: str = ""
    placeholder: bool = False
    """The cover names the unit with a template placeholder (某市XX局)."""
    line: Line | None = None


def read_cover(lines: Sequence[Line]) -> Cover:
    """The cover of a document: its first lines, up to the contents or the first part heading."""
    block: list[tuple[Line, str]] = []
    for line in lines[: _MAX_LINES * 2]:
        text = p.compact(line.text)
        if not text or _PAGE.match(text) or _DATE.match(text):
            continue
        if _CONTENTS.match(text) or p.PART_HEADING.match(text) or p.ORDINAL.match(text):
            break
        if title_of(line) is not None or p.TABLE_NUMBER.fullmatch(text):
            break  # a tables-only file: its first line is a table's
        if p.NARRATIVE.search(text) or len(block) >= _MAX_LINES:
            break
        block.append((line, text))
    if not block:
        return Cover()
    field_name = field_level = ""
    title_parts: list[str] = []
    for line, text in block:
        field = _FIELD.match(text)
        if field is None:
            title_parts.append(text)
            continue
        if field["key"] in UNIT_FIELDS and not field_name:
            field_level = _FIELD_LEVEL.get(field["key"], "")
            # the value as printed, up to a space or a following field ("单位：万元")
            value = line.text.split("：", 1)[-1].split(":", 1)[-1].strip()
            field_name = p.UNIT.sub("", value.split()[0] if value.split() else "")
        if title_parts:
            break  # the title ends where the fields begin ("保密审查情况：已审查")
    title = "".join(title_parts)
    if not _YEAR.search(title) and not _KIND.search(title):
        title = ""
    year = _YEAR.search(title)
    kind = _KIND.search(title)
    level = _LEVEL.search(title)
    named = field_name or name_in_title(title)
    placeholder = bool(PLACEHOLDER.search(named))
    return Cover(
        title=title,
        unit_name="" if placeholder else named,
        year=int(year[1]) if year else None,
        kind=kind[1] if kind else "",
        level=next((g for g in level.groups() if g), "") if level else field_level,
        placeholder=placeholder,
        line=block[0][0],
    )


def level_in_headers(lines: Sequence[Line]) -> str:
    """部门 when the tables' headers name the unit as a 部门 (部门：…), else "" (a header's
    单位名称 says nothing: 部门 documents print it too)."""
    return "部门" if any(_HEADER_LEVEL.search(line.text) for line in lines) else ""
