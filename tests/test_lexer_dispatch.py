"""The narrative lexer tries at each position only the entries that can start with its
character; what it finds must be what one alternation of all entries, in the lexicon's order,
finds (the definition of the lexer's reading)."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from fiscaldoc.narrative.lexer import _matches
from fiscaldoc.narrative.lexicon import ENTRIES
from tests.conftest import seed_path

_ONE_ALTERNATION = regex.compile(
    "|".join(f"(?P<e{n}>{entry.pattern})" for n, entry in enumerate(ENTRIES))
)


def _by_one_alternation(text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    found = []
    for match in _ONE_ALTERNATION.finditer(text, start, end):
        number = next(n for n in range(len(ENTRIES)) if match.group(f"e{n}") is not None)
        found.append((number, match.start(), match.end()))
    return found


def _by_dispatch(text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    return [
        (ENTRIES.index(entry), match.start(), match.end())
        for entry, match in _matches(text, start, end)
    ]


def test_every_line_of_the_seeds_is_read_as_one_alternation_reads_it() -> None:
    for name in ("yulin", "xian-beilin", "shenmu"):
        for line in seed_path(name).read_text("utf-8").splitlines():
            assert _by_dispatch(line, 0, len(line)) == _by_one_alternation(line, 0, len(line))


_PIECES = st.sampled_from(
    [
        "本年支出合计",
        "1,360.62",
        "万元",
        "万",
        "元",
        "%",
        "（类）",
        "(款)",
        "项）",
        "2010301",
        "行政运行（2010301）",
        "一般公共服务支出",
        "比上年增加",
        "减少",
        "主要原因是",
        "，",
        "。",
        "自评综述",
        "8 人",
        "2024年",
        "12月31日",
        "其中：",
        "（一）",
        "1、",
        " ",
        "\t",
        "台（套）",
        "工资福利支出",
        "一般公共预算财政拨款",
        "上年结转",
        "三公经费",
        "部门整体",
        "得分",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=24).map("".join), st.integers(0, 40), st.integers(0, 40))
def test_generated_sentences_and_their_slices_read_as_one_alternation(
    text: str, cut_start: int, cut_end: int
) -> None:
    start = min(cut_start, len(text))
    end = max(start, len(text) - cut_end)
    assert _by_dispatch(text, start, end) == _by_one_alternation(text, start, end)


def test_a_pattern_opening_with_a_positive_lookbehind_is_tried_everywhere() -> None:
    from fiscaldoc.narrative.lexer import _first_characters

    # probed one character at a time, (?<=）)科目 would never seem to start with 科
    assert _first_characters(r"(?<=[)）])科目") is None
    assert _first_characters(r"元|(?<=[)）])科目") is None
    assert _first_characters(r"(?<!\d)科目") == frozenset("科")
