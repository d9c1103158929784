"""Sphinx configuration: plain Sphinx with autodoc, napoleon and doctest, the alabaster theme.

Build with ``sphinx-build -W -b html docs docs/_build/html``; run the examples with
``sphinx-build -W -b doctest docs docs/_build/doctest`` (both run in ``.ci/run``).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import fiscaldoc
from fiscaldoc.cli.arguments import reference_rst
from fiscaldoc.validation.registry import catalogue_rst

project = "fiscaldoc"
author = "fiscaldoc developers"
copyright = "fiscaldoc developers"
release = fiscaldoc.__version__
version = release

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "sphinx.ext.intersphinx",
]

# Decimal, Path, pandas.DataFrame and friends link to their projects' pages, through
# inventories written here (the build has no network to fetch them; see inventories.py).
sys.path.insert(0, str(Path(__file__).parent))
from inventories import write_inventories  # noqa: E402
from rule_examples import examples_rst  # noqa: E402

# The rule catalogue (with one example finding per family, computed from a changed document) and
# the CLI reference are generated at every build, from the rule registry and from the command
# line's parser, so they cannot go stale.
(Path(__file__).parent / "rules.inc").write_text(
    catalogue_rst(examples_rst()) + "\n", encoding="utf-8"
)
(Path(__file__).parent / "cli-reference.inc").write_text(reference_rst() + "\n", encoding="utf-8")

intersphinx_mapping = write_inventories(Path(tempfile.mkdtemp(prefix="fiscaldoc-inv-")))
intersphinx_disabled_reftypes = ["std:doc"]
# Type variables and aliases autodoc prints in signatures are not documented objects.
nitpick_ignore = [
    ("py:class", "fiscaldoc.corpus.T"),
    ("py:class", "T"),
    ("py:class", "Kind"),
    ("py:class", "fiscaldoc.serialize.parquet.Kind"),
    ("py:class", "fiscaldoc.serialize.frames.Records"),
    ("py:class", "Records"),
    ("py:class", "A"),
    ("py:class", "R"),
    ("py:class", "fiscaldoc.workers.A"),
    ("py:class", "fiscaldoc.workers.R"),
    ("py:class", "fiscaldoc.serialize.flat._Record"),
]
exclude_patterns = ["_build"]
html_theme = "alabaster"
html_theme_options = {
    "description": "Chinese fiscal disclosures as typed data",
    "fixed_sidebar": True,
}
html_static_path: list[str] = []

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False

# Every page's examples run in a fresh scratch folder, so files they write go nowhere else.
doctest_global_setup = """
import os
import tempfile

os.chdir(tempfile.mkdtemp(prefix="fiscaldoc-docs-"))
"""
