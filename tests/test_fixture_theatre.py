"""Extraction, control and rendering on the small fixture theatre (``tests/data/mini``).

These need no data install: the boundaries are 11 boxes with real names and P-codes, the
gazetteer is built from them, GeoNames towns shipped in packages, the curated tables and
two invented villages. Sentences are invented.
"""

import json
import os
import shutil
from datetime import date
from pathlib import Path

from matplotlib.testing.compare import compare_images

from geomap.build import build
from geomap.extract.articles import article_from_text
from geomap.geo.boundaries import load_boundaries
from geomap.geo.gazetteer import load_gazetteer
from geomap.pipeline import assess_extractions, extract_article, extract_paths, load_reader
from geomap.records import CONTESTED
from geomap.render.popups import status_html
from geomap.render.static import render_static
from geomap.theatre import load_theatre
from tests.conftest import json_unescaped

BASELINE = Path(__file__).parent / "data" / "mini" / "baseline-map.png"

TEXT = (
    "Published: 2021-07-09\n\n"
    "Taliban fighters captured the Islam Qala border crossing in Herat province on Thursday, "
    "a provincial official said.\n\n"
    "Government forces retook Qala-i-Naw, the capital of Badghis, after heavy fighting.\n\n"
    "Heavy fighting was under way in Testabad village of Injil district.\n"
)


def _extraction(settings, text=TEXT):
    return extract_article(article_from_text(text), *load_reader(settings))


def test_the_fixture_boundaries_and_gazetteer_are_installed(mini):
    bounds = load_boundaries(mini)
    assert len(bounds.districts) == 11 and len(bounds.provinces) == 5
    assert set(bounds.districts["province_pcode"]) == {"AF01", "AF03", "AF19", "AF31", "AF32"}
    gazetteer = load_gazetteer(mini)
    [village] = gazetteer.lookup("Namuna Khel")  # an alias from the points CSV
    assert (village.kind, village.district_pcode) == ("village", "AF3101")
    assert {e.district_pcode for e in gazetteer.lookup("Islam Qala")} == {"AF3213"}


def test_places_resolve_to_the_fixture_districts(mini):
    places = {(p.kind, p.district_pcode or p.province_pcode) for p in _extraction(mini).places}
    assert places == {
        ("border-crossing", "AF3213"),  # Islam Qala, a curated site
        ("city", "AF3101"),  # Qala-i-Naw, a GeoNames town joined to its box
        ("village", "AF3202"),  # Testabad, from the fixture's points CSV
        ("district", "AF3202"),
        ("province", "AF32"),
        ("province", "AF31"),
    }


def test_claims_follow_the_sentences(mini):
    claims = {(c.place.district_pcode, c.status) for c in _extraction(mini).claims}
    assert ("AF3213", "taliban") in claims  # reported by an official, not the Taliban's word
    assert ("AF3101", "government") in claims
    assert ("AF3202", CONTESTED) in claims
    # the locator province is a bystander: no claim on Herat as a whole
    assert not any(pcode is None for pcode, _status in claims)


def test_control_colours_each_district_from_its_claims(mini):
    statuses = assess_extractions([_extraction(mini)], date(2021, 7, 10), mini)
    by_pcode = {s.pcode: s for s in statuses}
    assert len(by_pcode) == 11
    assert by_pcode["AF3213"].status == "taliban"
    assert by_pcode["AF3202"].status == CONTESTED
    assert by_pcode["AF3101"].status == "government"
    assert by_pcode["AF0101"].status == "no-reports"


def test_the_static_map_matches_its_baseline_image(mini, tmp_path):
    """Drawn again and compared pixel by pixel (matplotlib's own image comparison).

    After an intended change of the static map, write a new baseline with
    ``GEOMAP_NEW_BASELINE=1 python -m pytest tests/test_fixture_theatre.py`` and look at it.
    """
    statuses = assess_extractions([_extraction(mini)], date(2021, 7, 10), mini)
    actual = render_static(
        statuses,
        load_boundaries(mini),
        tmp_path / "map.png",
        as_of=date(2021, 7, 10),
        dpi=40,
        theatre=load_theatre(settings=mini),
    )
    if os.environ.get("GEOMAP_NEW_BASELINE"):
        shutil.copy2(actual, BASELINE)
    assert compare_images(str(BASELINE), str(actual), tol=2) is None


def test_the_page_holds_each_districts_popup_as_its_template_renders_it(mini, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "herat.txt").write_text(TEXT, encoding="utf-8")
    build([folder], tmp_path / "out", mini, formats=("html",))
    page = (tmp_path / "out" / "map.html").read_text(encoding="utf-8")
    extractions, _problems = extract_paths([folder], mini, directories=True)
    statuses = {s.pcode: s for s in assess_extractions(extractions, None, mini)}
    labels = load_theatre(settings=mini).labels
    sources = {e.article.id: e.article.source for e in extractions}
    for pcode in ("AF3101", "AF3213", "AF3202"):
        popup = status_html(statuses[pcode], sources, "district", labels)
        assert f'data-pcode="{pcode}"' in popup
        assert json.dumps(popup) in json_unescaped(page)  # district popups ride in GeoJSON
