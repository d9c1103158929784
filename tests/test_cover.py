"""What a document says of itself on its cover: unit, year, kind and level — or a note that it
does not say. Covers wrap their title over lines, print fields, and are followed by a narrative
that names other years (the one a budget compares with)."""

from __future__ import annotations

import pytest

import fiscaldoc

TABLE = "收入决算表\n单位：万元\n项目 本年收入合计 财政拨款收入\n合计 1.00 1.00\n"
NARRATIVE = "一、收入支出预算总体情况\n2025年收支预算总计100万元，比2024年部门预算增加1万元。\n"


def _meta(cover: str, body: str = TABLE) -> fiscaldoc.DocumentMeta:
    return fiscaldoc.parse(cover + "\n" + body).meta


@pytest.mark.parametrize(
    ("cover", "unit", "year", "kind", "level"),
    [
        # a title wrapped over three lines, then the contents
        (
            "示例市普陀区规划和自然\n资源局\n2024 年度部门决算\n目录",
            "示例市普陀区规划和自然资源局",
            2024,
            "决算",
            "部门",
        ),
        # the year first, the unit after it; a date line under the title
        # (the cover says no level: the narrative's 部门预算 does)
        (
            "2018 年度示例省高级\n人民法院预算公开\n2018 年 2 月 24 日\n目录",
            "示例省高级人民法院",
            2018,
            "预算",
            "部门",
        ),
        # 年 without 度
        ("示例省人民检察院\n2017 年部门预算\n目 录", "示例省人民检察院", 2017, "预算", "部门"),
        # a place and a level word before the year; the unit in a field
        (
            "示例市普陀区2025年区级单位预算\n预算单位：示例市普陀区人民政府办公室\n目录",
            "示例市普陀区人民政府办公室",
            2025,
            "预算",
            "单位",
        ),
        (
            "示例市普陀区2025年区级部门预算\n预算主管部门：示例市普陀区某街道办事处\n目录",
            "示例市普陀区某街道办事处",
            2025,
            "预算",
            "部门",
        ),
        # a tables-only file's cover: the province before the year, the unit in a field
        (
            "示例省2018年度\n省级部门预算公开报表\n部门:中共示例省委办公厅\n"
            "示例省财政厅印制\n目 录",
            "中共示例省委办公厅",
            2018,
            "预算",
            "部门",
        ),
    ],
)
def test_the_cover_says_unit_year_kind_and_level(
    cover: str, unit: str, year: int, kind: str, level: str
) -> None:
    meta = _meta(cover, NARRATIVE + TABLE)
    assert (meta.unit_name, meta.year, str(meta.kind), str(meta.level)) == (unit, year, kind, level)


def test_a_budget_is_about_its_own_year_not_the_one_it_compares_with() -> None:
    meta = _meta("示例市2025年区级部门预算\n预算主管部门：示例市某局\n目录", NARRATIVE + TABLE)
    assert meta.year == 2025


def test_a_classification_item_is_never_taken_for_the_unit() -> None:
    doc = fiscaldoc.parse(
        "第一部分 部门概况\n收入预算总表\n单位：万元\n单位编码 单位名称 合计\n"
        "204 公共安全支出 10.00\n"
    )
    assert doc.meta.unit_name == ""
    assert "meta-unit-missing" in {note.code for note in doc.notes}


def test_a_placeholder_unit_is_no_unit_and_is_noted() -> None:
    doc = fiscaldoc.parse("示例市 XX 局\n2024 年度部门决算\n目录\n" + TABLE)
    assert doc.meta.unit_name == ""
    assert doc.meta.year == 2024
    assert "meta-placeholder" in {note.code for note in doc.notes}


def test_a_tables_only_file_names_its_unit_in_the_table_header() -> None:
    doc = fiscaldoc.parse(
        "收入决算表\n部门：示例省某委员会办公厅 单位：万元\n"
        "项目 本年收入合计 财政拨款收入\n合计 1.00 1.00\n"
    )
    assert doc.meta.unit_name == "示例省某委员会办公厅"
    assert doc.meta.year is None
    assert "meta-year-missing" in {note.code for note in doc.notes}


def test_a_table_header_naming_a_department_gives_the_level() -> None:
    doc = fiscaldoc.parse(
        "收入决算表\n部门：示例省某委员会办公厅 单位：万元\n"
        "项目 本年收入合计 财政拨款收入\n合计 1.00 1.00\n"
    )
    assert doc.meta.level is fiscaldoc.DocumentLevel.DEPARTMENT
    named = fiscaldoc.parse(
        "收入决算表\n单位名称：示例省某中心 单位：万元\n"
        "项目 本年收入合计 财政拨款收入\n合计 1.00 1.00\n"
    )
    assert named.meta.level is None


def test_a_blank_unit_field_is_no_name() -> None:
    # "编制部门：" left empty before "金额单位：万元": 金额 is not the unit
    doc = fiscaldoc.parse(
        "收入决算表\n编制部门： 金额单位：万元\n项目 本年收入合计 财政拨款收入\n合计 1.00 1.00\n"
    )
    assert doc.meta.unit_name == ""
    assert doc.tables[0].unit == "万元"
