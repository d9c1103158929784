"""Text copied between items: the purpose (主要用于) or the reason (主要原因) of one function
item that is about another item the same prose describes — it starts with that item's name and
never names its own."""

from __future__ import annotations

from collections.abc import Iterator

from fiscaldoc.cache import compiled
from fiscaldoc.model import Finding, Severity, excerpt
from fiscaldoc.validation.context import Context
from fiscaldoc.validation.registry import Rule, rule
from fiscaldoc.validation.text_rules import flows, where

_QUOTES_AND_SPACES = compiled(r"[\s“”\"‘’.．、]")

_HEAD = compiled(r"(?P<name>[^，。；：:\d、（）()“”\"]{2,30}?)[（(]项[）)]")
_SAYS = compiled(r"(?P<what>主要用于|主要原因|原因)(?:是|为|在于)?[：:]?(?P<text>[^。；;]{2,80})")
_SHORTEST = 4
"""Names shorter than this (「其他」) are too common to tell one item from another."""


def _plain(name: str) -> str:
    """An item's name without punctuation and the 支出 suffix (「住房公积金」)."""
    return str(_QUOTES_AND_SPACES.sub("", name)).removesuffix("支出")


@rule(
    "copy.item-text",
    Severity.WARNING,
    "copy",
    "The purpose (「主要用于」) or the reason (「主要原因」) given for a function item "
    "(「…（项）」) is not about another item of the same prose: it does not start with another "
    "item's name while never naming its own. Example: 「住房公积金（项）。主要用于：事业单位"
    "医疗保险支出」 when 事业单位医疗（项） is described just before.",
    "A paragraph copied from the item before and not rewritten explains nothing about its own "
    "item, and reads as if it did.",
)
def item_text(context: Context, this: Rule) -> Iterator[Finding]:
    for flow in flows(context.document):
        heads = list(_HEAD.finditer(flow.text))
        names = {_plain(h["name"]) for h in heads}
        names = {n for n in names if len(n) >= _SHORTEST}
        for index, head in enumerate(heads):
            own = _plain(head["name"])
            if len(own) < _SHORTEST:
                continue
            end = heads[index + 1].start() if index + 1 < len(heads) else len(flow.text)
            for said in _SAYS.finditer(flow.text, head.end(), end):
                text = said["text"]
                if own in text:
                    continue
                other = next(
                    (n for n in names if n != own and n not in own and text.startswith(n)), None
                )
                if other is None:
                    continue
                line = flow.line_at(said.start("text"))
                quoted = excerpt(text)
                purpose = said["what"] == "主要用于"
                kind = "用途" if purpose else "原因"
                yield Finding(
                    this.id,
                    this.severity,
                    f"第 {line} 行：「{excerpt(own)}（项）」的{kind}「{quoted}」说的是"
                    f"「{other}（项）」",
                    f"line {line}: the {'purpose' if purpose else 'reason'} "
                    f"given for {own!r} ({quoted!r}) is about the item {other!r}",
                    (where(line, quoted, source=flow.source),),
                )
