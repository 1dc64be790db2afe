"""The map's HTML, static image and exports, checked by what they contain."""

import json
import shutil

import geopandas as gpd
import pytest
from PIL import Image

from geomap.build import build
from tests.conftest import ROOT, SEEDS, json_unescaped


@pytest.fixture(scope="module")
def built(settings, tmp_path_factory):
    folder = tmp_path_factory.mktemp("articles")
    for path in SEEDS.glob("*"):
        shutil.copy(path, folder)
    shutil.copy(ROOT / "tests" / "data" / "xss_article.txt", folder)
    out = tmp_path_factory.mktemp("output")
    report = build([folder], out, settings, formats=("html", "png", "svg", "pdf"))
    return out, report


def test_outputs_are_written(built):
    out, report = built
    names = {p.name for p in report.outputs}
    assert names >= {
        "map.html",
        "map.png",
        "map.svg",
        "map.pdf",
        "embed.html",
        "districts.geojson",
        "districts.csv",
        "claims.csv",
        "geomap.gpkg",
    }
    assert (out / "map.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with Image.open(out / "map.png") as png:  # 256 colours: small enough for a README
        assert png.mode == "P"
        assert png.size[0] > 1000
    assert (out / "map.pdf").read_bytes()[:5] == b"%PDF-"
    assert not list(out.glob(".*tmp*"))


def test_html_is_self_contained(built):
    out, _ = built
    page = (out / "map.html").read_text()
    assert "cdn.jsdelivr" not in page and "cdnjs" not in page and "code.jquery" not in page
    assert "<script src=" not in page and 'rel="stylesheet" href="http' not in page
    assert "L.Map" in page or "L.map" in page


def test_article_text_is_escaped_in_the_page(built):
    out, _ = built
    page = (out / "map.html").read_text()
    assert "window.__xss = 1</script>" not in page
    assert "&lt;script&gt;window.__xss = 1" in json_unescaped(page)  # popups ride in JSON
    assert 'onerror="window.__xss' not in page
    assert "${window.__xss" not in page


def test_every_district_is_in_the_map_with_its_status(built):
    out, report = built
    page = (out / "map.html").read_text()
    assert page.count('"pcode": "AF') >= 399
    statuses = {s.pcode: s.status for s in report.statuses}
    assert statuses["AF3213"] == "contested"


def test_exports_carry_pcodes_status_and_evidence(built):
    out, _ = built
    districts = gpd.read_file(out / "geomap.gpkg", layer="districts")
    assert len(districts) == 399 and districts["pcode"].is_unique
    kohsan = districts.set_index("pcode").loc["AF3213"]
    assert kohsan["status"] == "contested" and "recapture" in kohsan["evidence"]
    claims = gpd.read_file(out / "geomap.gpkg", layer="claims")
    assert {"status", "claimed_by", "as_of", "evidence", "district_pcode"} <= set(claims.columns)
    geojson = json.loads((out / "districts.geojson").read_text())
    assert len(geojson["features"]) == 399
    assert "AF3213" in (out / "districts.csv").read_text()


def test_embed_snippet_points_at_the_map(built):
    out, _ = built
    assert 'src="map.html"' in (out / "embed.html").read_text()
