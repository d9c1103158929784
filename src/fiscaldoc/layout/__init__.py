"""Cutting a document into table blocks and running text."""

from fiscaldoc.layout.blocks import Layout, TableBlock, segment

__all__ = ["Layout", "TableBlock", "segment"]
