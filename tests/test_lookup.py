"""An API that fails loudly on typos: unknown table ids, row labels and column labels raise
KeyError naming the closest names; an empty cell is still None; a document's repr is short."""

from __future__ import annotations

from decimal import Decimal

import pytest

import fiscaldoc
from fiscaldoc.model.lookup import UnknownNameError, closest
from tests.conftest import seed_path


@pytest.fixture(scope="module")
def yulin() -> fiscaldoc.Document:
    return fiscaldoc.parse_file(seed_path("yulin"))


def test_an_unknown_table_id_names_the_closest(yulin: fiscaldoc.Document) -> None:
    with pytest.raises(KeyError) as caught:
        yulin.table("incom")
    assert caught.value.args and "income" in caught.value.matches  # type: ignore[attr-defined]
    assert str(caught.value).startswith("no table id 'incom'; closest: 'income'")
    # still a ValueError, as an unknown id was before
    with pytest.raises(ValueError, match="no table id"):
        yulin.table("expenditur")
    # a real id the document does not print is absent, not a typo
    assert yulin.table("budget_income") is None


def test_a_row_label_typo_is_not_an_absent_row(yulin: fiscaldoc.Document) -> None:
    income = yulin.table("income")
    assert income is not None
    with pytest.raises(UnknownNameError) as caught:
        income.row("合记")  # 合计 mistyped
    assert caught.value.matches[0] == "合计"
    assert "in income" in str(caught.value)
    assert income.find("合记") is None
    # codes are row names too: the seed prints 2101506 医疗保障经办事务
    assert income.row("2101506").label == "医疗保障经办事务"
    with pytest.raises(KeyError, match="'2101506'"):
        income.row("2101560")


def test_a_column_typo_raises_and_an_empty_cell_is_none(yulin: fiscaldoc.Document) -> None:
    income = yulin.table("income")
    assert income is not None
    total = income.row("合计")
    # the seed's 合计 row prints 1,360.62 under 本年收入合计 and 财政拨款收入, nothing else
    assert total.value("财政拨款收入") == Decimal("1360.62")
    assert total.value("上级补助收入") is None and total.cell("经营收入") is None
    with pytest.raises(KeyError) as caught:
        total.value("财政拨款收人")  # 入 mistyped as 人
    assert caught.value.matches[0] == "财政拨款收入"  # type: ignore[attr-defined]
    with pytest.raises(KeyError):
        total.cell("本年收入")


def test_lookups_fail_loudly_after_a_json_round_trip(yulin: fiscaldoc.Document) -> None:
    again = fiscaldoc.loads(fiscaldoc.dumps(yulin))
    income = again.table("income")
    assert income is not None
    with pytest.raises(KeyError):
        income.row("合计").value("财政拨款收人")
    assert income.row("合计").value("其他收入") is None


def test_closest_matches() -> None:
    assert closest("合记", ["合计", "总计", "其他收入"])[0] == "合计"
    assert closest("zzz", ["合计"]) == ()


def test_a_document_repr_is_short(yulin: fiscaldoc.Document) -> None:
    text = repr(yulin)
    assert len(text) < 300
    assert "榆林市医疗保险服务中心" in text and "2023" in text and "决算" in text
    assert f"{len(yulin.tables)} tables" in text
