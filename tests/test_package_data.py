"""Every file the package reads at run time (templates, seed data) is named in pyproject.toml's
package data: a wheel ships nothing else, and an editable install would hide the gap."""

import tomllib
from pathlib import Path

import pytest

pytestmark = pytest.mark.engine_neutral

ROOT = Path(__file__).resolve().parents[1]
API = ROOT / "api"


def test_every_data_file_of_the_package_is_shipped() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["api"]
    shipped = {path for pattern in patterns for path in API.glob(pattern)}
    data = {
        path
        for path in API.rglob("*")
        if path.is_file() and path.suffix not in {".py", ".pyc"} and "__pycache__" not in path.parts
    }
    assert data, "no data files found"
    assert data <= shipped, (
        f"add to package data: {sorted(str(p.relative_to(API)) for p in data - shipped)}"
    )
