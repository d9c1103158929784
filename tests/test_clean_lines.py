"""The shortcut for lines that need no cleaning gives what the full cleaning gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from fiscaldoc.text.lines import edit_line, normalise_line

# Every character some edit looks for, beside ordinary text, digits and separators.
_ALPHABET = st.sampled_from(
    list("收入支出合计万元。，、（）：")
    + list("0123456789.,，%")
    + list(" \t\u3000\u00a0\u200b")
    + list("<>&;#*_|-+/")
    + list("０９．％\ufeff\f\r")
    + ["<br>", "&amp;", "**", "| --- |"]
)


@settings(max_examples=500)
@given(st.lists(_ALPHABET, max_size=30).map("".join))
def test_a_line_reads_the_same_with_or_without_the_shortcut(raw: str) -> None:
    assert normalise_line(7, raw) == edit_line(7, raw)


def test_a_clean_line_keeps_its_text_and_columns() -> None:
    line = normalise_line(3, "一般公共服务支出\t1,360.62")
    assert line.text == "一般公共服务支出\t1,360.62"
    assert line.columns == tuple(range(1, 18))


def test_a_line_that_needs_cleaning_is_cleaned() -> None:
    assert normalise_line(1, "  合计 945. 84 ").text == "合计 945.84"
    assert normalise_line(1, "1，360.62").text == "1,360.62"
    assert normalise_line(1, "**合计**").text == "合计"
