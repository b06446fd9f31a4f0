"""The installed wheel carries resources/ (sample data, icons, the map's outlines) as
desktop_app/resources/, where desktop_app/resources.py looks for it."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _setuptools() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "setuptools"
    ]


def test_every_package_is_listed_for_the_wheel():
    # the list is explicit (resources/ is mapped into the package), so a new subpackage
    # must be added to it or the installed app would miss it
    found = {
        ".".join(path.parent.relative_to(ROOT).parts)
        for path in (ROOT / "desktop_app").rglob("__init__.py")
    }
    listed = set(_setuptools()["packages"])
    assert listed - {"desktop_app.resources"} == found


def test_resources_go_into_the_package_with_every_file():
    config = _setuptools()
    folder = ROOT / config["package-dir"]["desktop_app.resources"]
    assert (folder / "outlines" / "countries-50m.npz").is_file()
    assert (folder / "sample" / "founding_example.json").is_file()
    assert config["package-data"]["desktop_app.resources"] == ["**/*"]
