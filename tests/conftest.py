"""Shared fixtures: the installed data (or, in CI, data installed from the mirror), seeds."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

from geomap.errors import DataNotInstalledError
from geomap.geo import data
from geomap.geo.gazetteer import load_gazetteer
from geomap.settings import Settings
from geomap.theatre import load_theatre

ROOT = Path(__file__).resolve().parent.parent
MIRROR = Path(os.environ.get("GEOMAP_MIRROR", ROOT.parent / "shared" / "data"))
CORPUS = ROOT.parent / "shared" / "corpus"
SEEDS = ROOT / "seeds"
MINI = Path(__file__).resolve().parent / "data" / "mini"

# Property tests check behaviour, not speed (a first call that warms a cache is slow on a
# busy machine): timings live in benchmarks/.
hypothesis_settings.register_profile("geomap", deadline=None)
hypothesis_settings.load_profile("geomap")


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings whose data directory has every data set installed."""
    installed = Settings()
    try:
        for name in data.manifests(installed):
            data.dataset_dir(name, installed)
        return installed
    except DataNotInstalledError:
        if not MIRROR.is_dir():
            pytest.fail(f"data not installed and no mirror at {MIRROR}: run `geomap data fetch`")
        fresh = Settings(data_dir=tmp_path_factory.mktemp("data"), mirror=MIRROR)
        data.fetch(settings=fresh)
        return fresh


@pytest.fixture(scope="session")
def mini(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings for a test theatre that needs no data install: the Afghan theatre on
    ``tests/data/mini`` (11 districts of 5 provinces drawn as boxes, two invented villages)."""
    data_dir = tmp_path_factory.mktemp("mini-data")
    (data_dir / "manifests").mkdir()
    for manifest in MINI.glob("*.toml"):
        shutil.copy2(manifest, data_dir / "manifests")
    (data_dir / "theatres").mkdir()
    afghan = Path(load_theatre("afghanistan-2021", Settings(data_dir=data_dir)).path)
    text = afghan.read_text(encoding="utf-8")
    for key, value in (
        ("id", "mini-afghanistan"),
        ("boundaries", "mini-boundaries"),
        ("gazetteer", "mini-places"),
    ):
        text, found = re.subn(rf'(?m)^{key} = "[^"]*"', f'{key} = "{value}"', text, count=1)
        assert found, f"{afghan} has no {key} line"
    (data_dir / "theatres" / "mini-afghanistan.toml").write_text(text, encoding="utf-8")
    mini = Settings(data_dir=data_dir, mirror=MINI / "mirror", theatre="mini-afghanistan")
    data.fetch(["mini-boundaries", "mini-places"], settings=mini)
    return mini


@pytest.fixture
def gazetteer_mirror(tmp_path: Path, settings: Settings) -> Path:
    """A small mirror folder holding the installed gazetteer data set, laid out like
    ``shared/data``: the install tests need no checkout of ``shared`` beside the clone."""
    name = load_theatre(settings=settings).gazetteer
    manifest = data.get_manifest(name, settings)
    mirror = tmp_path / "mirror"
    folder = mirror / manifest.mirror_path
    folder.mkdir(parents=True)
    for data_file in manifest.files:
        shutil.copy2(data.dataset_dir(name, settings) / data_file.name, folder)
    return mirror


@pytest.fixture(scope="session")
def gazetteer(settings: Settings):
    return load_gazetteer(settings)


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


def json_unescaped(page: str) -> str:
    """The page with the JSON escapes of its embedded data (\\u003c for <) undone."""
    for code, char in (("003c", "<"), ("003e", ">"), ("0026", "&"), ("0027", "'")):
        page = page.replace(f"\\u{code}", char)
    return page
