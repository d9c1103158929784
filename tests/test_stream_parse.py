"""Parsing ready-made tokens once per shape gives the trees a parse of each line gives."""

from __future__ import annotations

import attrs
import pytest
from lark import Token, Tree
from lark.exceptions import LarkError

from fiscaldoc.grammar import NoParseError, parse_stream, stream_parser

GRAMMAR = """
start: row
row: CODE LABEL value* _NL | LABEL value+ _NL
value: NUM
%declare CODE LABEL NUM _NL
"""


@attrs.frozen
class Kind:
    value: str


@attrs.frozen
class Tok:
    kind: Kind
    text: str


def tokens(*pairs: tuple[str, str]) -> list[Tok]:
    return [Tok(Kind(kind), text) for kind, text in pairs]


def positions(tree: Tree[Token]) -> list[tuple[str, int | None]]:
    return [(leaf.type, leaf.start_pos) for leaf in tree.scan_values(lambda _: True)]


def test_the_tree_of_a_shape_has_the_terminals_and_positions_of_a_full_parse() -> None:
    parser = stream_parser(GRAMMAR, line_end=True)
    line = tokens(("CODE", "2101506"), ("LABEL", "医疗保障经办事务"), ("NUM", "249.83"))
    direct = parser.parse(line)
    shaped = parse_stream(parser, line)
    assert positions(shaped) == positions(direct)
    assert [t.data for t in shaped.iter_subtrees()] == [t.data for t in direct.iter_subtrees()]


def test_a_second_line_of_the_same_shape_reuses_the_tree() -> None:
    parser = stream_parser(GRAMMAR, line_end=True)
    first = parse_stream(parser, tokens(("LABEL", "合计"), ("NUM", "1,360.62")))
    second = parse_stream(parser, tokens(("LABEL", "小计"), ("NUM", "5.00")))
    assert second is first
    # Leaves carry no text: the tokens are looked up by position.
    assert all(leaf == "" for leaf in second.scan_values(lambda _: True))


def test_a_shape_that_fits_no_rule_raises_a_lark_error_every_time() -> None:
    parser = stream_parser(GRAMMAR, line_end=True)
    line = tokens(("NUM", "5.8"), ("CODE", "201"))
    with pytest.raises(LarkError):
        parser.parse(line)
    for _ in range(2):
        with pytest.raises(NoParseError):
            parse_stream(parser, line)
