"""The performance (绩效) tables: found in the running text, read into typed records."""

from fiscaldoc.performance.cut import Cut, cut_performance, table_kind
from fiscaldoc.performance.values import figure, indicator_value

__all__ = ["Cut", "cut_performance", "figure", "indicator_value", "table_kind"]
