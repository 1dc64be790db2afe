import shutil
import urllib.error
from pathlib import Path

import pytest

from geomap.errors import DataNotInstalledError, DownloadError, HashMismatchError
from geomap.geo import data
from geomap.geo.boundaries import load_boundaries
from geomap.settings import Settings


def test_fetch_from_mirror_installs_and_verifies(tmp_path, gazetteer_mirror):
    s = Settings(data_dir=tmp_path / "data")
    written = data.fetch(["afg-gazetteer"], mirror=gazetteer_mirror, settings=s)
    assert {p.name for p in written} == {
        "afg-provinces-and-districts.json",
        "afg-villages.json",
        "LICENSE-villages-MIT.txt",
    }
    assert data.dataset_dir("afg-gazetteer", s) == tmp_path / "data" / "afg-gazetteer"
    again = data.fetch(
        ["afg-gazetteer"], mirror=gazetteer_mirror, settings=s
    )  # no-op, still verified
    assert again == written


def test_tampered_file_is_refused_and_not_installed(tmp_path, gazetteer_mirror):
    mirror = gazetteer_mirror
    license_file = mirror / "gazetteer" / "LICENSE-villages-MIT.txt"
    license_file.chmod(0o644)
    license_file.write_text(license_file.read_text() + "tampered\n")
    s = Settings(data_dir=tmp_path / "data")
    with pytest.raises(HashMismatchError, match="LICENSE-villages-MIT.txt"):
        data.fetch(["afg-gazetteer"], mirror=mirror, settings=s)
    assert not (s.data_dir / "afg-gazetteer" / "LICENSE-villages-MIT.txt").exists()
    assert not list((s.data_dir / "afg-gazetteer").glob("*.part"))


def test_failed_download_says_how_to_use_a_local_copy(tmp_path, monkeypatch):
    def offline(*_args, **_kwargs):
        raise urllib.error.URLError("network unreachable")

    monkeypatch.setattr("urllib.request.urlopen", offline)
    s = Settings(data_dir=tmp_path / "data", mirror=None)
    with pytest.raises(DownloadError) as info:
        data.fetch(["afg-gazetteer"], settings=s)
    assert "--from DIR" in str(info.value) and "GEOMAP_MIRROR" in str(info.value)
    assert not (tmp_path / "data").exists()  # a failed first install leaves nothing behind


def test_missing_data_names_the_command_to_run(tmp_path):
    with pytest.raises(DataNotInstalledError, match="geomap data fetch"):
        data.dataset_dir("ocha-agcho-2018", Settings(data_dir=tmp_path))


def test_default_boundaries_have_399_districts_with_pcodes(settings):
    b = load_boundaries(settings)
    assert len(b.districts) == 399 and len(b.provinces) == 34
    assert b.districts["pcode"].is_unique
    kohsan = b.districts.set_index("pcode").loc["AF3213"]
    assert kohsan["name"] == "Kohsan" and kohsan["province_pcode"] == "AF32"


def test_geoboundaries_districts_get_provinces_by_location(settings):
    b = load_boundaries(settings.with_(boundaries="geoboundaries-2014"))
    assert len(b.districts) == 398
    assert b.districts["province"].notna().mean() > 0.99


def test_a_user_manifest_adds_a_country_without_code(tmp_path, settings):
    import geopandas as gpd
    from shapely.geometry import box

    src = tmp_path / "src"
    src.mkdir()
    gpd.GeoDataFrame(
        {"D": ["North", "South"], "DC": ["X1", "X2"], "P": ["Land", "Land"], "PC": ["X", "X"]},
        geometry=[box(0, 1, 1, 2), box(0, 0, 1, 1)],
        crs=4326,
    ).to_file(src / "d.gpkg")
    gpd.GeoDataFrame({"P": ["Land"], "PC": ["X"]}, geometry=[box(0, 0, 1, 2)], crs=4326).to_file(
        src / "p.gpkg"
    )
    files = "\n".join(
        f'[[files]]\nname = "{n}"\nurl = ""\nsha256 = "{data.sha256_file(src / n)}"\n'
        for n in ("d.gpkg", "p.gpkg")
    )
    s = Settings(data_dir=tmp_path / "data", boundaries="toyland")
    (s.data_dir / "manifests").mkdir(parents=True)
    (s.data_dir / "manifests" / "toyland.toml").write_text(
        'name = "toyland"\nmirror_path = "toy"\n'
        '[districts]\nfile = "d.gpkg"\nname = "D"\npcode = "DC"\nprovince = "P"\n'
        'province_pcode = "PC"\n[provinces]\nfile = "p.gpkg"\nname = "P"\npcode = "PC"\n' + files
    )
    mirror = tmp_path / "mirror"
    shutil.copytree(src, mirror / "toy")
    data.fetch(["toyland"], mirror=mirror, settings=s)
    b = load_boundaries(s)
    assert list(b.districts["pcode"]) == ["X1", "X2"]
    assert Path(b.manifest.path).name == "toyland.toml"
