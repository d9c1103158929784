"""Unit names: what can name a budget unit, and the unit a title names around its year."""

from __future__ import annotations

from fiscaldoc.cache import compiled

PLACEHOLDER = compiled(r"[X×Ｘx]{2,}|……|\.\.\.|（单位名称）|\(单位名称\)")
"""Template residue standing where a unit's name belongs (某市XX局)."""

_PLACE = compiled(r"^(?:\p{Han}{1,6}?(?:省|自治区|市|区|县|州|盟|旗))+$")
_SENTENCE = compiled(r"[，。；,;：:]")
_YEAR = compiled(r"((?:19|20)\d{2})年度?")
_LEVEL_WORDS = compiled(r"(?:区|县|市|省|乡|镇)级$")
_TAIL = compiled(r"(?:部门|单位)?(?:综合)?(?:决算|预算)(?:公开)?.*$")


def is_unit_name(name: str) -> bool:
    """Whether ``name`` can be a budget unit's name: not a place alone (某省, 某市某区),
    not a classification item (公共安全支出), not a sentence, not a placeholder."""
    return (
        len(name) >= 2
        and not _PLACE.match(name)
        and not name.endswith("支出")
        and not _SENTENCE.search(name)
        and not PLACEHOLDER.search(name)
    )


def name_in_title(title: str) -> str:
    """The unit a title names before or after its year ("某省人民检察院2017年部门预算",
    "2017年度某省高级人民法院部门预算公开"); "" when it names only a place or nothing."""
    year = _YEAR.search(title)
    if year is None:
        return ""
    before = _LEVEL_WORDS.sub("", title[: year.start()])
    after = _LEVEL_WORDS.sub("", _TAIL.sub("", title[year.end() :]))
    for name in (before, after):
        if len(name) >= 2 and not _PLACE.match(name):
            return str(name)
    return ""
