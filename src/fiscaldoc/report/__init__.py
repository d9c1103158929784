"""A report for reviewers: one self-contained HTML page with each finding beside the page
picture (PDF) or the source lines (text) where its values are printed, and the tables with the
cells findings name highlighted and linked (:func:`report_html`); :func:`table_html` renders
one table the same way (it is what :meth:`fiscaldoc.model.Table._repr_html_` shows).

For a PDF the page pictures are rendered with PDFium, the ``pdf`` extra that read the document
(``fiscaldoc[report]`` installs the same); no imaging library is needed.
"""

from __future__ import annotations

from fiscaldoc.report.document import report_html
from fiscaldoc.report.style import CSS
from fiscaldoc.report.tables import table_html

__all__ = ["CSS", "report_html", "table_html"]
