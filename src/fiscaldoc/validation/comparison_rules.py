"""Comparison wording against the figures it compares: 决算数大于/小于/等于预算数 against the
budget and actual the same item states, 增加 … 万元 with 增长 (not 下降) … %, a change explained
by a reason going the other way, a 决算's comparison given without the 主要原因 its template asks
for, and a completion rate of a 年初预算 of 0."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import attrs
import regex

from fiscaldoc.cache import compiled
from fiscaldoc.model import DocumentKind, Finding, Severity, excerpt
from fiscaldoc.model.amount import FIGURE, quantum
from fiscaldoc.validation.context import Context
from fiscaldoc.validation.registry import RULES, Rule, rule
from fiscaldoc.validation.rounding import percent_adjusted, percent_consistent, share_interval
from fiscaldoc.validation.text_rules import flows, prose_finding

_NUM = rf"({FIGURE})"
_MONEY = rf"{_NUM}\s*(万元|元)"
_INITIAL = compiled(rf"年初预算(?:数)?(?:为|是)?{_MONEY}")
_FULL_YEAR = compiled(rf"(?:全年|调整)预算(?:数)?(?:为|是)?{_MONEY}")
_ACTUAL = compiled(rf"(?:支出)?决算(?:数)?(?:为|是)?{_MONEY}")
_VERDICT = compiled(
    r"决算数?(?P<word>大于|小于|超过|低于|高于|等于)(?P<which>年初|全年)?预算数?"
    r"|决算数?(?:与|和)(?P<which>年初|全年)?预算数?(?P<word>持平)"
)
_ABOVE = frozenset({"大于", "超过", "高于"})
_BELOW = frozenset({"小于", "低于"})


def _amount(found: regex.Match[str]) -> Decimal:
    value = Decimal(found[1].replace(",", ""))
    return value * 10_000 if found[2] == "万元" else value


def _last(pattern: regex.Pattern[str], text: str) -> Decimal | None:
    found = list(pattern.finditer(text))
    return _amount(found[-1]) if found else None


def _sentence_start(text: str, offset: int, sentences: int) -> int:
    """Where the sentence ``sentences`` − 1 before the one holding ``offset`` starts."""
    start = offset
    for _ in range(sentences):
        start = max(text.rfind("。", 0, start), text.rfind("：", 0, start))
        if start < 0:
            return 0
    return start + 1


def _agrees(word: str, actual: Decimal, budget: Decimal) -> bool:
    if word in _ABOVE:
        return actual > budget
    if word in _BELOW:
        return actual < budget
    return actual == budget


def _fmt(value: Decimal) -> str:
    return format((value / 10_000).normalize(), "f") + " 万元"


@rule(
    "comparison.budget-vs-actual",
    Severity.WARNING,
    "comparison",
    "决算数大于/小于/等于（持平）预算数 agrees with the 年初预算 (or 全年预算) and the 支出决算 "
    "the same item states just before it; a plain 预算数 may be either budget. Example: "
    "「年初预算为452.40万元，支出决算为446.11万元…决算数大于预算数」.",
    "The verdict is written by hand next to figures that were filled in by copy; when they "
    "disagree one of them was not updated.",
)
def budget_vs_actual(context: Context, this: Rule) -> Iterator[Finding]:
    for flow in flows(context.document):
        previous_end = 0
        for found in _VERDICT.finditer(flow.text):
            window = flow.text[
                max(previous_end, _sentence_start(flow.text, found.start(), 2)) : found.start()
            ]
            previous_end = found.end()
            actual = _last(_ACTUAL, window)
            initial, full = _last(_INITIAL, window), _last(_FULL_YEAR, window)
            which = found["which"]
            budgets = [
                b
                for b, kind in ((initial, "年初"), (full, "全年"))
                if b is not None and which in (None, kind)
            ]
            if actual is None or not budgets:
                continue
            if any(_agrees(found["word"], actual, budget) for budget in budgets):
                continue
            stated = " / ".join(_fmt(b) for b in budgets)
            yield prose_finding(
                this,
                flow,
                found.start(),
                found[0],
                zh=f"「{found[0]}」与所列数字不符：决算 {_fmt(actual)}，预算 {stated}",
                en=f"{found[0]!r} contradicts the figures: actual {_fmt(actual)}, budget {stated}",
            )


_UP = r"增加|增长|上升|提高|增幅"
_UP_WORD = compiled(_UP)
_DOWN = r"减少|下降|降低|降幅|减幅"
_CHANGE = compiled(
    rf"(?P<first>{_UP}|{_DOWN})了?{_MONEY}[，,]?(?:同比)?"
    rf"(?P<second>{_UP}|{_DOWN})(?:了|为)?{_NUM}\s*[%％]"
)
_FLAT = compiled(rf"(?P<first>{_UP}|{_DOWN})了?{_MONEY}[，,]?(?:与上年|同比)?(?:持平|零增长)")


def _up(word: str) -> bool:
    return _UP_WORD.fullmatch(word) is not None


@rule(
    "comparison.change-direction",
    Severity.WARNING,
    "comparison",
    "A year-on-year change says the same direction in its amount and its rate (增加 … 万元，增长 "
    "… %; 减少 … 万元，下降 … %), and a non-zero change is not called 持平. Example: "
    "「减少0.15万元，增长27.78%」.",
    "Two words for one change that point opposite ways leave the reader unable to tell what "
    "happened.",
)
def change_direction(context: Context, this: Rule) -> Iterator[Finding]:
    for flow in flows(context.document):
        for found in _CHANGE.finditer(flow.text):
            if _up(found["first"]) != _up(found["second"]) and Decimal(found[5]) != 0:
                yield prose_finding(
                    this,
                    flow,
                    found.start(),
                    found[0],
                    zh=f"「{found[0]}」增减方向前后矛盾",
                    en=f"{found[0]!r} calls one change both a rise and a fall",
                )
        for found in _FLAT.finditer(flow.text):
            if Decimal(found[2].replace(",", "")) != 0:
                yield prose_finding(
                    this,
                    flow,
                    found.start(),
                    found[0],
                    zh=f"「{found[0]}」：有增减额却称持平",
                    en=f"{found[0]!r} calls a non-zero change flat",
                )


_STATED_CHANGE = compiled(
    rf"(?P<word>{_UP}|{_DOWN})了?{_NUM}\s*(?:[%％]|万元|元)[^。]{{0,12}}?[。，；]?"
    r"(?:其)?主要原因(?:是|为)?[:：]?(?P<reason>[^。]*)"
)
_REASON_UP = compiled(r"增加|增长|上升|提高|追加|调增")
_REASON_DOWN = compiled(r"减少|下降|降低|压减|调减|缩减|节约|节省|未安排|取消|减员|压缩")


@rule(
    "comparison.reason-direction",
    Severity.WARNING,
    "comparison",
    "The 主要原因 of a decrease does not speak only of increases (or the reverse). Example: "
    "「比2023年预算执行数减少2.98%。主要原因是：宣传事务一般行政管理事务经费增加」.",
    "A reason copied from another item often goes the other way; the reader is left with no "
    "explanation of the change the figures show.",
)
def reason_direction(context: Context, this: Rule) -> Iterator[Finding]:
    for flow in flows(context.document):
        for found in _STATED_CHANGE.finditer(flow.text):
            reason = found["reason"]
            ups, downs = _REASON_UP.search(reason), _REASON_DOWN.search(reason)
            if "增减" in reason:  # 增减调剂: both ways
                continue
            falls = not _up(found["word"])
            if (falls and ups and not downs) or (not falls and downs and not ups):
                said = "减少" if falls else "增加"
                yield prose_finding(
                    this,
                    flow,
                    found.start(),
                    found[0],
                    zh=f"所述变动为{said}，而主要原因「{excerpt(reason)}」说的是相反方向",
                    en=f"a {'fall' if falls else 'rise'} explained by a change the other way: "
                    f"{excerpt(reason)!r}",
                )


_REASON = compiled(r"原因|由于|因为|主要是|主要系|系因")
_VERDICT_OR_CHANGE = compiled(
    rf"决算数?(?:大于|小于|超过|低于)(?:年初|全年)?预算数?|(?:{_UP}|{_DOWN}){_MONEY}[，,]"
    rf"(?:{_UP}|{_DOWN}){_NUM}\s*[%％]"
)


@rule(
    "comparison.reason-missing",
    Severity.WARNING,
    "comparison",
    "In a 决算, a 决算数大于/小于预算数 or a non-zero year-on-year change is followed, in its "
    "sentence or the next, by the 主要原因 the template asks for. Example: "
    "「支出决算为446.11万元。决算数小于预算数。」 with no reason.",
    "The template requires the reason for every difference; a reviewer sends the text back "
    "without it.",
)
def reason_missing(context: Context, this: Rule) -> Iterator[Finding]:
    if context.document.meta.kind is not DocumentKind.FINAL_ACCOUNTS:
        return
    for flow in flows(context.document):
        for found in _VERDICT_OR_CHANGE.finditer(flow.text):
            if found[1] is not None and Decimal(found[1].replace(",", "")) == 0:
                continue
            end = flow.text.find("。", found.end())
            end = flow.text.find("。", end + 1) if end >= 0 else -1
            following = flow.text[found.end() : end if end >= 0 else len(flow.text)]
            if _REASON.search(following) is None:
                yield prose_finding(
                    this,
                    flow,
                    found.start(),
                    found[0],
                    zh=f"「{found[0]}」未说明主要原因",
                    en=f"{found[0]!r} is given without its reason (主要原因)",
                )


_ZERO_COMPLETION = compiled(
    rf"年初预算(?:数)?(?:为|是)?0(?:\.0+)?\s*(?:万元|元)[^。]{{0,60}}?完成年初预算的{_NUM}\s*[%％]"
)


@rule(
    "comparison.completion-of-zero",
    Severity.WARNING,
    "comparison",
    "A 年初预算 of 0 has no completion rate: it is the rate of another budget (the 全年预算) "
    "under the wrong name. Example: 「年初预算为0万元，全年预算为321.02万元，支出决算为307.82万元，"
    "完成年初预算的95.89%」.",
    "A percentage of zero cannot be computed; the sentence names the wrong base.",
)
def completion_of_zero(context: Context, this: Rule) -> Iterator[Finding]:
    for flow in flows(context.document):
        for found in _ZERO_COMPLETION.finditer(flow.text):
            if Decimal(found[1]) == 0:
                continue
            yield prose_finding(
                this,
                flow,
                found.start(),
                found[0],
                zh=f"年初预算为 0，却称「完成年初预算的{found[1]}%」",
                en=f"a 年初预算 of 0 is given a completion rate of {found[1]}%",
            )


_RATE_OF_CHANGE = compiled(
    rf"(?P<x>{_NUM})\s*(?P<ux>万元|元)"
    r"(?P<gap>(?:[^。；\d%）)]|(?:19|20)\d{2}年|。(?=与上年|比上年|较上年|同比)){0,16}?)"
    rf"(?P<w1>增加|减少)了?(?P<d>{_NUM})\s*(?P<ud>万元|元)[，,]?(?:同比)?"
    rf"(?P<w2>{_UP}|{_DOWN})(?:了|为)?(?P<p>{_NUM})\s*[%％]"
)


@rule(
    "comparison.rate-of-change",
    Severity.ERROR,
    "comparison",
    "「X万元，与上年相比增加（减少）D万元，增长（下降）P%」: P is D over last year's figure "
    "(X − D after an increase, X + D after a decrease), within the rounding of X and D; one unit "
    "off in the last digit is 尾差 (info). Example: 「6106.99万元，与上年相比增加101.48万元，增长"
    "1.66%」 (101.48 / 6005.51 = 1.69%; 1.66% is over this year's figure).",
    "The rate is computed by hand from two printed figures; a rate over the wrong base or a "
    "slipped digit is found only by redoing the arithmetic.",
)
def rate_of_change(context: Context, this: Rule) -> Iterator[Finding]:
    # a rate the narrative's facts already put right or wrong is narrative.year-on-year's
    facts_rule = next((r for r in RULES if r.id == "narrative.year-on-year"), None)
    reported = {
        ref.line for f in (facts_rule.run(context) if facts_rule else ()) for ref in f.locations
    }
    for flow in flows(context.document):
        for found in _RATE_OF_CHANGE.finditer(flow.text):
            lines = {flow.line_at(found.start()), flow.line_at(found.end() - 1)}
            if found["ux"] != found["ud"] or lines & reported:
                continue
            current = Decimal(found["x"].replace(",", ""))
            change = Decimal(found["d"].replace(",", ""))
            stated = Decimal(found["p"].replace(",", ""))
            previous = current - change if found["w1"] == "增加" else current + change
            if previous <= 0:
                continue
            # last year's figure is as exact as the coarser of the two printed ones
            previous = previous.quantize(max(quantum(current), quantum(change)))
            interval = share_interval(change, previous)
            if interval is None or percent_consistent(stated, interval):
                continue
            low, high = interval
            finding = prose_finding(
                this,
                flow,
                found.start(),
                found[0],
                zh=f"「{excerpt(found[0])}」：{change} / 上年数 {previous} 应为 "
                f"{low:.2f}%–{high:.2f}%，文中为 {stated}%",
                en=f"{excerpt(found[0])!r}: {change} over last year's {previous} is "
                f"{low:.2f}%–{high:.2f}%, not {stated}%",
            )
            if percent_adjusted(stated, interval):
                finding = attrs.evolve(finding, severity=Severity.INFO)
            yield attrs.evolve(finding, expected=(low + high) / 2, actual=stated, unit="%")
