"""The renderer writes tables the way the seeds print them; generated documents are consistent."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fiscaldoc.model import (
    Cell,
    Document,
    DocumentMeta,
    Location,
    Row,
    Section,
    Table,
    TableId,
)
from fiscaldoc.reference.catalogue import BY_ID, Family
from fiscaldoc.serialize.render import RenderStyle, render, render_table
from tests.strategies import (
    AMOUNT,
    COLUMNS,
    PERSONNEL,
    SUMMARY_CLASSES,
    ZERO,
    comparable,
    documents,
    function_name,
    labels,
    tables_of,
)

LOC = Location(1, 1)
UNIT = "某市某局"


def cells(values: Mapping[str, str], unit: str = "万元") -> tuple[Cell, ...]:
    return tuple(Cell(column, Decimal(text), text, LOC, unit) for column, text in values.items())


def row(
    label: str,
    code: str = "",
    *,
    section: Section | None = None,
    number: int | None = None,
    values: Mapping[str, str] | None = None,
) -> Row:
    return Row(label, cells(values or {}), LOC, code, section, number)


def make(table_id: TableId, rows: Iterable[Row], number: str = "") -> Table:
    return Table(
        table_id, BY_ID[table_id].name, LOC, COLUMNS[table_id], tuple(rows), number, "万元"
    )


def lines(table: Table, style: str, **options: bool) -> list[str]:
    return render_table(table, style, unit_name=UNIT, **options).split("\n")


# --- hand-built tables ---------------------------------------------------------------------


def expenditure() -> Table:
    columns = ("本年支出合计", "基本支出", "项目支出")
    return make(
        TableId.EXPENDITURE,
        [
            row(
                "医疗保障经办事务",
                "2101506",
                values=dict(zip(columns, ("249.83", "0.00", "249.83"), strict=True)),
            ),
            row(
                "医疗保障管理事务",
                "21015",
                values=dict(zip(columns, ("1360.62", "1100.57", "260.05"), strict=True)),
            ),
            row("合计", values=dict(zip(columns, ("1360.62", "1100.57", "260.05"), strict=True))),
        ],
        "公开03表",
    )


def summary() -> Table:
    income_items = [
        "一般公共预算财政拨款收入",
        "政府性基金预算财政拨款收入",
        "国有资本经营预算财政拨款收入",
        "上级补助收入",
        "事业收入",
        "经营收入",
        "附属单位上缴收入",
        "其他收入",
    ]
    spent = {"208": "10.05", "210": "922.02", "221": "13.77"}

    def amount(cls: str) -> dict[str, str]:
        return {"决算数": spent[cls]} if cls in spent else {}

    income = [
        row(label, section=Section.INCOME, number=n) for n, label in enumerate(income_items, 1)
    ]
    income[0] = row(income_items[0], section=Section.INCOME, number=1, values={"决算数": "945.84"})
    income += [
        row("本年收入合计", section=Section.INCOME, number=27, values={"决算数": "945.84"}),
        row("使用非财政拨款结余（含专用结余）", section=Section.INCOME, number=28),
        row("年初结转和结余", section=Section.INCOME, number=29),
        row("总计", section=Section.INCOME, number=30, values={"决算数": "945.84"}),
    ]
    expense = [
        row(function_name(cls), section=Section.EXPENDITURE, number=31 + i, values=amount(cls))
        for i, cls in enumerate(SUMMARY_CLASSES)
    ]
    expense += [
        row("本年支出合计", section=Section.EXPENDITURE, number=57, values={"决算数": "945.84"}),
        row("结余分配", section=Section.EXPENDITURE, number=58),
        row("年末结转和结余", section=Section.EXPENDITURE, number=59),
        row("总计", section=Section.EXPENDITURE, number=60, values={"决算数": "945.84"}),
    ]
    return make(TableId.INCOME_EXPENDITURE_SUMMARY, [*income, *expense], "公开01表")


def test_spaces_prints_cells_separated_by_one_space_with_the_total_row_first() -> None:
    out = lines(expenditure(), "spaces", thousands=True)
    body = out[out.index("栏次 1 2 3 4 5 6") + 1 :]
    assert body[:3] == [
        "合计 1,360.62 1,100.57 260.05",
        "2101506 医疗保障经办事务 249.83 0.00 249.83",
        "21015 医疗保障管理事务 1,360.62 1,100.57 260.05",
    ]
    assert out[:4] == ["支出决算表", "公开03表", f"编制单位：{UNIT}", "单位：万元"]
    assert out[-1].startswith("注：本表反映部门本年度各项支出情况。")


def test_spaces_wraps_long_header_labels_in_reading_order() -> None:
    out = lines(expenditure(), "spaces")
    header = out[4 : out.index("栏次 1 2 3 4 5 6")]
    assert header == [
        "项目 本年支出合计 基本支出 项目支出 上缴上级支出 经营支出",
        "对附属单位补",
        "助支出",
        "科目代码 科目名称",
    ]


def test_tsv_keeps_empty_fields() -> None:
    out = lines(expenditure(), "tsv")
    assert out[:8] == ["支出决算表", "", "公开03表", "", f"编制单位：{UNIT}", "", "单位：万元", ""]
    assert out[8:12] == [
        "项目\t\t本年支出合计\t基本支出\t项目支出\t上缴上级支出\t经营支出\t对附属单位补助支出",
        "科目代码\t科目名称\t\t\t\t\t\t",
        "\t栏次\t1\t2\t3\t4\t5\t6",
        "\t合计\t1360.62\t1100.57\t260.05\t\t\t",
    ]
    note = "注：本表反映部门本年度各项支出情况。本表金额转换为万元时，因四舍五入可能存在尾差。"
    assert out[-2:] == ["", note]


def test_split_codes_prints_codes_by_level() -> None:
    out = lines(expenditure(), "spaces", split_codes=True)
    assert "210 15 06 医疗保障经办事务 249.83 0.00 249.83" in out
    assert "210 15 医疗保障管理事务 1360.62 1100.57 260.05" in out


def test_grouped_columns_print_their_group_once() -> None:
    table = make(
        TableId.GENERAL_BUDGET_EXPENDITURE,
        [row("合计", values={"小计": "945.84", "基本支出": "160.74", "项目支出": "785.10"})],
    )
    assert lines(table, "tsv")[6:10] == [
        "项目\t\t本年支出\t\t",
        "科目代码\t科目名称\t小计\t基本支出\t项目支出",
        "\t栏次\t1\t2\t3",
        "\t合计\t945.84\t160.74\t785.10",
    ]
    out = lines(table, "spaces")
    assert out[3:5] == ["项目 本年支出", "科目代码 科目名称 小计 基本支出 项目支出"]


def test_two_sided_tsv_matches_the_xian_beilin_shape() -> None:
    out = lines(summary(), "tsv")
    assert "收入\t\t\t支出\t\t" in out
    assert "项目\t行次\t决算数\t项目\t行次\t决算数" in out
    assert "栏次\t\t1\t栏次\t\t2" in out
    first = out.index("一、一般公共预算财政拨款收入\t1\t945.84\t一、一般公共服务支出\t31\t")
    assert out[first + 7] == "八、其他收入\t8\t\t八、社会保障和就业支出\t38\t10.05"
    assert out[first + 8] == "\t9\t\t九、卫生健康支出\t39\t922.02"
    assert out[first + 25] == "\t26\t\t二十六、抗疫特别国债安排的支出\t56\t"
    assert out[first + 26 : first + 30] == [
        "本年收入合计\t27\t945.84\t本年支出合计\t57\t945.84",
        "使用非财政拨款结余（含专用结余）\t28\t\t结余分配\t58\t",
        "年初结转和结余\t29\t\t年末结转和结余\t59\t",
        "总计\t30\t945.84\t总计\t60\t945.84",
    ]


def test_two_sided_spaces_leaves_only_the_number_of_a_blank_side() -> None:
    out = lines(summary(), "spaces")
    assert "9 九、卫生健康支出 39 922.02" in out
    assert "10 十、节能环保支出 40" in out
    assert "使用非财政拨款结余（含专用结余） 28 结余分配 58" in out


def test_two_sided_pads_the_shorter_tail_before_its_last_row() -> None:
    sources = ("一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款")
    income = [row(f"{s}收入", section=Section.INCOME, number=n) for n, s in enumerate(sources, 1)]
    income += [
        row(label, section=Section.INCOME, number=n)
        for n, label in enumerate(("本年收入合计", "年初结转和结余", *sources, "总计"), 27)
    ]
    expense = [row("一般公共服务支出", section=Section.EXPENDITURE, number=33)]
    expense += [
        row(label, section=Section.EXPENDITURE, number=n)
        for label, n in [("本年支出合计", 59), ("年末结转和结余", 60), ("总计", 64)]
    ]
    out = lines(make(TableId.FISCAL_APPROPRIATION_SUMMARY, [*income, *expense]), "tsv")
    assert "栏次\t\t1\t栏次\t\t2\t3\t4\t5" in out
    start = out.index("一、一般公共预算财政拨款收入\t1\t\t一、一般公共服务支出\t33\t\t\t\t")
    assert out[start + 1 : start + 3] == [  # blank slots count on from the slot above
        "二、政府性基金预算财政拨款收入\t2\t\t\t34\t\t\t\t",
        "三、国有资本经营预算财政拨款收入\t3\t\t\t35\t\t\t\t",
    ]
    assert out[start + 3 : start + 9] == [
        "本年收入合计\t27\t\t本年支出合计\t59\t\t\t\t",
        "年初结转和结余\t28\t\t年末结转和结余\t60\t\t\t\t",
        "一般公共预算财政拨款\t29\t\t\t61\t\t\t\t",
        "政府性基金预算财政拨款\t30\t\t\t62\t\t\t\t",
        "国有资本经营预算财政拨款\t31\t\t\t63\t\t\t\t",
        "总计\t32\t\t总计\t64\t\t\t\t",
    ]


def test_doubled_headers_double_the_title_and_header_cells_but_not_numbers() -> None:
    out = lines(summary(), "tsv", doubled_headers=True)
    assert out[0] == "收入支出决算总表收入支出决算总表"
    assert "项目项目\t行次行次\t决算数决算数\t项目项目\t行次行次\t决算数决算数" in out
    assert "栏次栏次\t\t1\t栏次栏次\t\t2" in out
    assert "本年收入合计\t27\t945.84\t本年支出合计\t57\t945.84" in out  # the body is not doubled


def test_doubled_headers_in_spaces_double_each_wrapped_piece() -> None:
    out = lines(expenditure(), "spaces", doubled_headers=True)
    assert out[0] == "支出决算表支出决算表"
    header = out[4 : out.index("栏次栏次 1 2 3 4 5 6")]
    assert header[1:4] == [
        "对附属单位补对附属单位补",
        "助支出助支出",
        "科目代码科目代码 科目名称科目名称",
    ]
    assert header[0].startswith("项目项目 本年支出合计本年支出合计 基本支出基本支出")


def test_markdown_headings_and_bold_totals() -> None:
    doc = Document(DocumentMeta(unit_name=UNIT), (summary(), expenditure()))
    out = render(doc, "markdown", thousands=True).split("\n")
    assert out[0] == "# 收入支出决算总表"
    assert "## 支出决算表" in out
    assert (
        "<b>本年收入合计</b>\t<b>27</b>\t<b>945.84</b>\t<b>本年支出合计</b>\t<b>57</b>\t<b>945.84</b>"
        in out
    )
    assert "\t<b>合计</b>\t<b>1,360.62</b>\t<b>1,100.57</b>\t<b>260.05</b>\t\t\t" in out
    assert "一、一般公共预算财政拨款收入\t1\t945.84\t一、一般公共服务支出\t31\t" in out


def test_render_joins_tables_with_a_blank_line() -> None:
    doc = Document(DocumentMeta(unit_name=UNIT), (expenditure(), expenditure()))
    text = render(doc, RenderStyle.SPACES)
    assert text.endswith("\n")
    assert "尾差。\n\n支出决算表\n" in text
    assert render(Document(DocumentMeta()), "tsv") == ""


def test_economic_table_prints_three_groups_and_the_totals_line() -> None:
    rows = [
        row("工资福利支出", "301", values={AMOUNT: "150.42"}),
        row("基本工资", "30101", values={AMOUNT: "150.42"}),
        row("商品和服务支出", "302", values={AMOUNT: "7.81"}),
        row("办公费", "30201", values={AMOUNT: "7.81"}),
        row("印刷费", "30202"),
        row("对个人和家庭的补助", "303"),
        row("债务利息及费用支出", "307"),
        row("其他支出", "399"),
        row("人员经费合计", values={AMOUNT: "150.42"}),
        row("公用经费合计", values={AMOUNT: "7.81"}),
    ]
    table = make(TableId.GENERAL_BUDGET_BASIC_EXPENDITURE, rows)
    assert lines(table, "tsv")[6:11] == [
        "\t".join(["科目代码", "科目名称", "决算数"] * 3),
        "301\t工资福利支出\t150.42\t302\t商品和服务支出\t7.81\t307\t债务利息及费用支出\t",
        "30101\t基本工资\t150.42\t30201\t办公费\t7.81\t399\t其他支出\t",
        "303\t对个人和家庭的补助\t\t30202\t印刷费\t\t\t\t",
        "人员经费合计\t\t150.42\t公用经费合计\t\t\t\t\t7.81",
    ]
    out = lines(table, "spaces")
    assert "30101 基本工资 150.42 30201 办公费 7.81 399 其他支出" in out
    assert "人员经费合计 150.42 公用经费合计 7.81" in out


def test_three_public_header_nests_the_vehicle_columns() -> None:
    values = dict(zip(labels(TableId.THREE_PUBLIC), ["0.00"] * 6 + ["10.00", "20.00"], strict=True))
    table = make(TableId.THREE_PUBLIC, [row("预算数", values=values), row("决算数")])
    assert lines(table, "tsv")[6:12] == [
        "项目\t财政拨款“三公”经费\t\t\t\t\t\t会议费\t培训费",
        "\t合计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费\t\t",
        "\t\t\t小计\t公务用车购置费\t公务用车运行维护费\t\t\t",
        "栏次\t1\t2\t3\t4\t5\t6\t7\t8",
        "预算数\t0.00\t0.00\t0.00\t0.00\t0.00\t0.00\t10.00\t20.00",
        "决算数\t\t\t\t\t\t\t\t",
    ]
    assert "预算数 0.00 0.00 0.00 0.00 0.00 0.00 10.00 20.00" in lines(table, "spaces")


def test_empty_table_prints_its_total_row_and_statement() -> None:
    statement = "本单位无国有资本经营预算财政拨款支出，已公开空表。"
    table = attrs.evolve(make(TableId.STATE_CAPITAL, [row("合计")]), empty_statement=statement)
    assert lines(table, "tsv")[-4:-1] == [
        "\t合计\t\t\t",
        "本单位无国有资本经营预算财政拨款支出，已公开空表。",
        "",
    ]
    out = lines(table, "spaces")
    assert out[-3:-1] == ["合计", "本单位无国有资本经营预算财政拨款支出，已公开空表。"]


def test_amounts_come_from_text_else_value() -> None:
    columns = ("本年支出合计", "基本支出", "项目支出", "上缴上级支出")
    printed = (
        Cell(columns[0], Decimal("1360.62"), "1,360.62", LOC, "万元"),
        Cell(columns[1], Decimal("5"), "", LOC, "万元"),
        Cell(columns[2], None, "—", LOC, "万元"),
        Cell(columns[3], Decimal("12"), "", LOC, ""),
    )
    table = make(TableId.EXPENDITURE, [Row("合计", printed, LOC)])
    assert "合计 1360.62 5.00 — 12" in lines(table, "spaces")
    assert "合计 1,360.62 5.00 — 12" in lines(table, "spaces", thousands=True)


def test_the_printed_title_is_kept_when_it_is_one_of_the_table_titles() -> None:
    title = "财政拨款“三公”经费及会议费、培训费支出决算表"
    table = Table(TableId.THREE_PUBLIC, title, LOC, COLUMNS[TableId.THREE_PUBLIC], ())
    assert lines(table, "spaces")[0] == title
    table = Table(TableId.THREE_PUBLIC, "某某表", LOC, COLUMNS[TableId.THREE_PUBLIC], ())
    assert lines(table, "spaces")[0] == BY_ID[TableId.THREE_PUBLIC].name


# --- generated documents -------------------------------------------------------------------


def value(source: Row | None, column: str) -> Decimal:
    return ZERO if source is None else source.value(column) or ZERO


def sum_of(rows: Iterable[Row], column: str) -> Decimal:
    return sum((value(r, column) for r in rows), ZERO)


def check_row_identities(table: Table) -> None:
    for identity in BY_ID[table.id].identities:
        for r in table.rows:
            expected = sum_of([r], identity.total)
            parts = sum(value(r, p) for p in identity.parts) - sum(
                value(r, m) for m in identity.minus
            )
            assert expected == parts, (table.id, r.label, identity)


def check_tree(table: Table) -> None:
    """合计 = Σ 类 (or Σ 项 when only 项 rows are printed); a parent = Σ its children."""
    coded = [r for r in table.rows if r.code]
    for column in labels(table.id):
        for parent in (r for r in coded if len(r.code) < 7):
            children = [r for r in coded if len(r.code) == len(parent.code) + 2]
            children = [r for r in children if r.code.startswith(parent.code)]
            assert value(parent, column) == sum_of(children, column), (table.id, parent.code)
        top = [r for r in coded if len(r.code) == 3] or [r for r in coded if len(r.code) == 7]
        assert value(table.row("合计"), column) == sum_of(top, column), (table.id, column)


def class_total(table: Table, cls: str, column: str) -> Decimal:
    return sum_of((r for r in table.rows if len(r.code) == 7 and r.code.startswith(cls)), column)


def side(table: Table, section: Section) -> dict[str, Row]:
    return {r.label: r for r in table.rows_in(section)}


def check_summary(doc: Document) -> None:
    tables = tables_of(doc)
    summary_table = tables[TableId.INCOME_EXPENDITURE_SUMMARY]
    income, spent = side(summary_table, Section.INCOME), side(summary_table, Section.EXPENDITURE)
    items = [r for r in summary_table.rows_in(Section.INCOME) if r.number and r.number <= 8]
    assert len(items) == 8
    assert value(income["本年收入合计"], AMOUNT) == sum_of(items, AMOUNT)
    in_total = sum_of(
        [
            income["本年收入合计"],
            income["使用非财政拨款结余（含专用结余）"],
            income["年初结转和结余"],
        ],
        AMOUNT,
    )
    out_total = sum_of([spent["本年支出合计"], spent["结余分配"], spent["年末结转和结余"]], AMOUNT)
    assert value(income["总计"], AMOUNT) == in_total == out_total == value(spent["总计"], AMOUNT)
    classes = [spent[function_name(cls)] for cls in SUMMARY_CLASSES]
    assert value(spent["本年支出合计"], AMOUNT) == sum_of(classes, AMOUNT)
    expenditure_table, income_table = tables[TableId.EXPENDITURE], tables[TableId.INCOME]
    for cls, r in zip(SUMMARY_CLASSES, classes, strict=True):
        assert value(r, AMOUNT) == class_total(expenditure_table, cls, "本年支出合计")
    assert value(spent["本年支出合计"], AMOUNT) == value(
        expenditure_table.row("合计"), "本年支出合计"
    )
    income_total = income_table.row("合计")
    assert value(income["本年收入合计"], AMOUNT) == value(income_total, "本年收入合计")
    assert sum_of(items[:3], AMOUNT) == value(income_total, "财政拨款收入")
    for item in items[3:]:
        assert value(item, AMOUNT) == value(income_total, item.label)


def check_fiscal_summary(doc: Document) -> None:
    tables = tables_of(doc)
    fiscal = tables[TableId.FISCAL_APPROPRIATION_SUMMARY]
    income, spent = side(fiscal, Section.INCOME), side(fiscal, Section.EXPENDITURE)
    sources = ("一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款")
    received = [income[f"{s}收入"] for s in sources]
    opening = [income[s] for s in sources]
    assert value(income["本年收入合计"], AMOUNT) == sum_of(received, AMOUNT)
    assert value(income["年初结转和结余"], AMOUNT) == sum_of(opening, AMOUNT)
    in_total = value(income["本年收入合计"], AMOUNT) + value(income["年初结转和结余"], AMOUNT)
    assert value(income["总计"], AMOUNT) == in_total == value(spent["总计"], "合计")
    classes = [spent[function_name(cls)] for cls in SUMMARY_CLASSES]
    for column in labels(TableId.FISCAL_APPROPRIATION_SUMMARY, Section.EXPENDITURE):
        assert value(spent["本年支出合计"], column) == sum_of(classes, column)
        closing = value(spent["本年支出合计"], column) + value(spent["年末结转和结余"], column)
        assert value(spent["总计"], column) == closing
    for source, got, had in zip(sources, received, opening, strict=True):
        assert value(got, AMOUNT) + value(had, AMOUNT) == value(spent["总计"], source)
    general = tables[TableId.GENERAL_BUDGET_EXPENDITURE]
    for cls, r in zip(SUMMARY_CLASSES, classes, strict=True):
        assert value(r, sources[0]) == class_total(general, cls, "小计")
    fund, capital = tables[TableId.GOVERNMENT_FUND], tables[TableId.STATE_CAPITAL]
    assert value(spent["本年支出合计"], sources[0]) == value(general.row("合计"), "小计")
    assert value(spent["本年支出合计"], sources[1]) == value(fund.row("合计"), "小计")
    assert value(spent["本年支出合计"], sources[2]) == value(capital.row("合计"), "合计")
    assert value(received[1], AMOUNT) == value(fund.row("合计"), "本年收入")
    assert value(opening[1], AMOUNT) == value(fund.row("合计"), "年初结转和结余")
    assert value(spent["年末结转和结余"], sources[1]) == value(fund.row("合计"), "年末结转和结余")


def check_basic(doc: Document) -> None:
    tables = tables_of(doc)
    basic = tables[TableId.GENERAL_BUDGET_BASIC_EXPENDITURE]
    coded = [r for r in basic.rows if r.code]
    parents = [r for r in coded if len(r.code) == 3]
    for parent in parents:
        children = [r for r in coded if len(r.code) == 5 and r.code.startswith(parent.code)]
        assert value(parent, AMOUNT) == sum_of(children, AMOUNT)
    personnel = sum_of((r for r in parents if r.code in PERSONNEL), AMOUNT)
    public = sum_of((r for r in parents if r.code not in PERSONNEL), AMOUNT)
    assert value(basic.row("人员经费合计"), AMOUNT) == personnel
    assert value(basic.row("公用经费合计"), AMOUNT) == public
    general = tables[TableId.GENERAL_BUDGET_EXPENDITURE]
    assert personnel + public == value(general.row("合计"), "基本支出")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_generated_documents_satisfy_every_identity(doc: Document) -> None:
    tables = tables_of(doc)
    assert list(tables) == list(COLUMNS)
    for table in doc.tables:
        check_row_identities(table)
        for _, cell in table.cells():
            assert cell.value is not None and cell.value >= 0
            assert cell.value.as_tuple().exponent == -2 and cell.text == f"{cell.value}"
            assert cell.unit == doc.meta.amount_unit == table.unit
        if BY_ID[table.id].family is Family.CLASSIFIED:
            check_tree(table)
    check_summary(doc)
    check_fiscal_summary(doc)
    check_basic(doc)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents(), st.sampled_from(list(RenderStyle)))
def test_every_value_is_rendered(doc: Document, style: RenderStyle) -> None:
    text = render(doc, style, thousands=True, split_codes=True)
    words = set(text.replace("<b>", "\t").replace("</b>", "\t").split())
    for table in doc.tables:
        for _, cell in table.cells():
            assert cell.value is not None
            assert f"{cell.value:,f}" in words
    assert comparable(doc.tables[0])  # the summary always has values
