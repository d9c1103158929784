"""Table families are data: one spec per family, read by a core that never names a family."""

from __future__ import annotations

import ast
from pathlib import Path

import attrs

from fiscaldoc.reference.catalogue import BY_ID
from fiscaldoc.reference.families import (
    FAMILIES,
    Family,
    PostParse,
    RowColumns,
    TokenPass,
)
from fiscaldoc.tables import build, rows, tokens
from fiscaldoc.tables.grammar import parser_for
from fiscaldoc.tables.tokens import Kind, LineLayout, lex_line
from fiscaldoc.text.lines import normalise_line

SRC = Path(__file__).resolve().parents[1] / "src" / "fiscaldoc"
SPEC_MODULES = {"reference/families.py", "reference/catalogue.py", "reference/budget_detail.py"}


def test_every_family_has_one_spec_and_its_grammar_loads() -> None:
    assert set(FAMILIES) == set(Family)
    for family, spec in FAMILIES.items():
        assert spec.family is family
        assert parser_for(spec.grammar).rules  # the grammar file exists and builds


def test_every_named_pass_and_step_has_its_function() -> None:
    assert set(tokens._PASSES) == set(TokenPass)
    assert set(rows._POST_PARSE) == set(PostParse)
    assert set(build._ROW_COLUMNS) == set(RowColumns)


def test_every_catalogue_entry_reads_its_familys_spec() -> None:
    for spec in BY_ID.values():
        assert spec.family_spec is FAMILIES[spec.family]


def _kinds(line: str, family: Family, **changes: object) -> list[tuple[str, str]]:
    spec = attrs.evolve(FAMILIES[family], **changes)
    return [(t.kind.value, t.text) for t in lex_line(normalise_line(1, line), spec, LineLayout())]


def test_a_familys_passes_decide_how_a_line_is_lexed() -> None:
    line = "2080505 机关事业单位 基本养老保险缴费支出 12.50"
    # By code: the code is marked and the two label pieces are one name.
    assert _kinds(line, Family.CLASSIFIED) == [
        ("CODE", "2080505"),
        ("LABEL", "机关事业单位基本养老保险缴费支出"),
        ("NUM", "12.50"),
    ]
    # Without the code passes the same line has no code, only a number.
    assert _kinds(line, Family.CLASSIFIED, token_passes=(TokenPass.MERGE_LABELS,))[0] == (
        "NUM",
        "2080505",
    )
    # A summary joins only an ordinal cut from its label: the pieces stay apart.
    assert [k for k, _ in _kinds(line, Family.MULTI_SIDED)].count(Kind.LABEL.value) == 2


def test_ordinals_start_labels_keeps_the_other_sides_item_apart() -> None:
    line = "上年结转 二、年初结转和结余"
    assert _kinds(line, Family.ITEMS) == [("LABEL", "上年结转二、年初结转和结余")]
    assert _kinds(line, Family.ITEMS, ordinals_start_labels=True) == [
        ("LABEL", "上年结转"),
        ("LABEL", "二、年初结转和结余"),
    ]


def test_the_two_sided_spec_puts_income_first_and_its_columns_on_the_expenditure_side() -> None:
    spec = FAMILIES[Family.TWO_SIDED]
    assert [s.value for s in spec.column_sides if s is not None] == ["income", "expenditure"]
    assert spec.columns_side is spec.column_sides[-1]
    assert FAMILIES[Family.CLASSIFIED].columns_side is None


def _family_tests(path: Path) -> list[int]:
    """Lines of ``path`` that compare something with a ``Family`` member."""
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Compare):
            for operand in (node.left, *node.comparators):
                names = [operand] if not isinstance(operand, ast.Tuple) else operand.elts
                for name in names:
                    if (
                        isinstance(name, ast.Attribute)
                        and isinstance(name.value, ast.Name)
                        and name.value.id == "Family"
                    ):
                        found.append(node.lineno)
    return found


def test_no_module_outside_the_specs_asks_which_family_it_holds() -> None:
    offenders = {
        str(path.relative_to(SRC)): lines
        for path in sorted(SRC.rglob("*.py"))
        if str(path.relative_to(SRC)) not in SPEC_MODULES and (lines := _family_tests(path))
    }
    assert offenders == {}


def test_the_family_test_finder_finds_a_family_test() -> None:
    probe = SRC.parent.parent / "tests" / "distortions.py"  # the test strategies do ask
    assert _family_tests(probe)


def test_the_architecture_page_describes_every_family_and_every_field() -> None:
    page = (SRC.parents[1] / "docs" / "architecture.rst").read_text("utf-8")
    for family in Family:
        assert f"``{family.name}``" in page
    described = {field.name for field in attrs.fields(type(FAMILIES[Family.ITEMS]))}
    missing = sorted(name for name in described - {"family"} if f"``{name}``" not in page)
    assert missing == []
