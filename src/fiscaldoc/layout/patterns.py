"""Regular expressions that recognise the kinds of line a disclosure is made of."""

from __future__ import annotations

import functools

from fiscaldoc.cache import compiled

CODE = compiled(r"^(?:\d{3}|\d{5}|\d{7})$")
SPLIT_CODE = compiled(r"^\d{3}(?:[ \t]+\d{2}){1,2}(?=[ \t]|$)")
# A value as printed; at most MAX_INTEGER_DIGITS (18) digits before the point (model.amount).
AMOUNT = compiled(r"^[-−]?(?:\d{1,3}(?:,\d{3}){1,5}|\d{1,18})(?:\.\d{1,8})?$")
DECIMAL = compiled(r"[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d+")
DASH = compiled(r"^(?:[-—–─━－―‐]+|/|／|\*+)$")
ORDINAL = compiled(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]、?|\d+[、.．](?!\d)|[①-⑳])\s*"
)
TABLE_NUMBER = compiled(
    r"(?:[（(]?\s*(?:公开|附)\s*\d+\s*[-—]?\s*\d*\s*表\s*[)）]?|(?<![\p{Han}])表\s*[\d一二三四五六七八九十]+(?:[-—]\d+)?(?![\p{Han}\d]))"
)
ATTACHMENT = compiled(r"^(?:附件|附表)\s*[\d一二三四五六七八九十]*\s*[:：、.．]?")
UNIT = compiled(r"(?:金额)?单\s*位[:：]\s*(?:人民币)?(亿元|万元|元)(?![\p{Han}])")
UNIT_NAME = compiled(
    r"(?:编制单位|编制部门|单位名称|部门名称|部门[（(]单位[)）]名称|部门[（(]单位[)）]?"
    r"|预算主管部门|主管部门|预算单位|部门|单位)[:：]\s*"
    r"(?P<name>(?!(?:金额)?单\s*位[:：])[^\s\t:：]+?)(?=[\s\t]|(?:金额)?单\s*位[:：]|$)"
)
PART_HEADING = compiled(r"^第[一二三四五六七八九十\d]+部分")
PAGE_FURNITURE = compiled(
    r"^(?:第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?|[-—]\s*\d+\s*[-—]|\d+\s*/\s*\d+|共\s*\d+\s*页.*)$"
)
RUNNING_HEAD = compiled(  # "某局2024年度部门决算", or the year alone: "2024年度部门决算"
    r"^(?:[^，。；：\d]{2,40})?(?:19|20)\d{2}年度?(?:部门|单位)?(?:决算|预算)(?:公开)?$"
)
NOTE_START = compiled(r"^(?:注|说明|备注)\s*[:：]")
EMPTY_STATEMENT = compiled(
    r"(?:已公开空表|公开空表|本表无数据|本表为空表|无数据|本年度无此项(?:支出|收入)|此表为空)"
)
HEADER_WORDS = compiled(
    r"(?:科目代码|科目名称|科目编码|栏\s*次|行\s*次|项\s*目|功能分类|经济分类|类\s*款\s*项)"
)
NARRATIVE = compiled(r"[。；]|情况说明$|(?:，|,(?!\d)).{12,}")
"""A sentence: a full stop, or a comma followed by more text (a thousands separator is none:
whole-元 tables print 1,075,000, and a compacted row runs on into the next cell's digits)."""
YEAR_LINE = compiled(r"^[（(]?\s*\d{4}\s*年度?\s*[)）]?$")


_WHITESPACE = compiled(r"\s+")


@functools.lru_cache(maxsize=8192)
def compact(text: str) -> str:
    """The text without any whitespace (for matching titles and labels); kept for the lines
    seen last, since segmenting asks it of each line several times."""
    return str(_WHITESPACE.sub("", text))


def undouble(text: str) -> str:
    """Undo bold-font doubling: "总表总表" -> "总表", "收收入入" -> "收入" (for 2+ characters)."""
    size = len(text)
    if size >= 4 and size % 2 == 0:
        half = size // 2
        if text[:half] == text[half:]:
            return text[:half]
        if all(text[i] == text[i + 1] for i in range(0, size, 2)):
            return text[::2]
    return text
