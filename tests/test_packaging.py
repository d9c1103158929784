"""Truthful packaging: one version, a licence that is there, pinned linters, install steps that
name no package index the project is not on."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import fiscaldoc

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_the_version_is_written_once() -> None:
    assert fiscaldoc.__version__ == PROJECT["version"]
    init = (ROOT / "src" / "fiscaldoc" / "__init__.py").read_text(encoding="utf-8")
    assert PROJECT["version"] not in init  # read from the installed metadata, not repeated
    shown = subprocess.run(
        [sys.executable, "-m", "fiscaldoc", "--version"], capture_output=True, text=True, check=True
    )
    assert shown.stdout.strip() == f"fiscaldoc {PROJECT['version']}"


def test_the_licence_is_the_one_declared() -> None:
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License")
    assert PROJECT["license"] == {"text": "MIT"}
    assert "License :: OSI Approved :: MIT License" in PROJECT["classifiers"]


def test_linters_are_pinned() -> None:
    lint = PROJECT["optional-dependencies"]["lint"]
    assert lint and all("==" in requirement for requirement in lint)


def test_install_steps_work_from_a_checkout() -> None:
    # fiscaldoc is not on the package index: no page may tell a user to install it from there
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.rst"))]
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "pip install fiscaldoc\n" not in text and "pip install fiscaldoc " not in text, page
