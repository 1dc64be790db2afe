"""The map in a real browser (headless Chromium, network blocked)."""

import shutil

import pytest

from geomap.build import build
from tests.conftest import ROOT, SEEDS

CHROMIUM = shutil.which("chromium")
pytestmark = pytest.mark.browser
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DISTRICTS = """() => { for (const k of Object.keys(window)) { const v = window[k];
  if (k.startsWith('geo_json_') && v && v.eachLayer) { let n = 0, drawn = 0;
    v.eachLayer(l => { if (l.feature && l.feature.properties.pcode) { n++;
      if (l._path && l._path.getAttribute('d')) drawn++; } });
    if (n >= 399) return drawn; } } return 0; }"""
CENTRE_OF = """(pcode) => { for (const k of Object.keys(window)) { const v = window[k];
  if (k.startsWith('geo_json_') && v && v.eachLayer) { let hit = null;
    v.eachLayer(l => { if (l.feature && l.feature.properties.pcode === pcode) hit = l; });
    if (hit) { const map = hit._map; const c = hit.getBounds().getCenter();
      map.setView(c, 9, {animate: false}); const p = map.latLngToContainerPoint(c);
      const r = map.getContainer().getBoundingClientRect(); return [p.x + r.left, p.y + r.top];
  } } } return null; }"""


@pytest.fixture(scope="module")
def page_and_errors(settings, tmp_path_factory):
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed (.ci/run installs it)")
    playwright = pytest.importorskip("playwright.sync_api")
    folder = tmp_path_factory.mktemp("articles")
    for path in SEEDS.glob("*"):
        shutil.copy(path, folder)
    shutil.copy(ROOT / "tests" / "data" / "xss_article.txt", folder)
    out = tmp_path_factory.mktemp("output")
    build([folder], out, settings, formats=("html",))
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS[1:])
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        errors, requests = [], []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))

        def block(route):
            if not route.request.url.startswith("file:"):
                requests.append(route.request.url)
                return route.abort()
            return route.continue_()

        page.route("**/*", block)
        page.goto((out / "map.html").as_uri())
        page.wait_for_timeout(800)
        yield page, errors, requests
        browser.close()


def test_no_errors_and_no_network(page_and_errors):
    page, errors, requests = page_and_errors
    assert errors == [] and requests == []


def test_all_399_districts_are_drawn(page_and_errors):
    page, _, _ = page_and_errors
    assert page.evaluate(DISTRICTS) == 399
    (ROOT / "output").mkdir(exist_ok=True)
    page.screenshot(path=str(ROOT / "output" / "browser-test.png"))


def test_click_on_kohsan_shows_both_islam_qala_claims(page_and_errors):
    page, errors, _ = page_and_errors
    x, y = page.evaluate(CENTRE_OF, "AF3213")
    page.mouse.click(x, y)
    popup = page.locator(".leaflet-popup-content").inner_text()
    assert "Kohsan" in popup and "Contested" in popup
    assert "under our full control" in popup
    assert "efforts are under way to recapture the site" in popup
    assert errors == []


def test_hostile_article_runs_nothing(page_and_errors):
    page, errors, _ = page_and_errors
    x, y = page.evaluate(CENTRE_OF, "AF2711")
    page.mouse.click(x, y)
    popup = page.locator(".leaflet-popup-content").inner_text()
    assert "<script>window.__xss = 1</script>" in popup  # shown as text
    assert page.evaluate("() => window.__xss") is None
    assert errors == []


SLIDE = "(el, v) => { el.value = v; el.dispatchEvent(new Event('input')); }"


def test_the_slider_moves_title_counts_chart_and_open_popup(page_and_errors):
    page, errors, _ = page_and_errors
    slider = page.locator("input[type=range]")
    last = int(slider.get_attribute("max"))
    x, y = page.evaluate(CENTRE_OF, "AF3213")
    page.mouse.click(x, y)
    popup = page.locator(".leaflet-popup-content")
    end = {
        "date": page.locator("#gm-asof").inner_text(),
        "contested": page.locator("#gm-summary [data-status=contested]").inner_text(),
        "visible": popup.locator("li:visible").count(),
        "marker": page.locator("#gm-chart svg line").get_attribute("x1"),
    }
    slider.evaluate(SLIDE, 0)
    start = {
        "date": page.locator("#gm-asof").inner_text(),
        "contested": page.locator("#gm-summary [data-status=contested]").inner_text(),
        "visible": popup.locator("li:visible").count(),
        "marker": page.locator("#gm-chart svg line").get_attribute("x1"),
    }
    assert start["date"] < end["date"] and start["contested"] != end["contested"]
    assert start["visible"] < end["visible"]  # Kohsan's July claims are not yet made
    assert start["marker"] != end["marker"]
    assert "No reports on" in popup.locator(".gm-status").inner_text()
    slider.evaluate(SLIDE, last)
    assert page.locator("#gm-asof").inner_text() == end["date"]
    assert errors == []


def test_search_finds_another_spelling_and_opens_the_popup(page_and_errors):
    page, errors, _ = page_and_errors
    box = page.locator("input[aria-label='Find a place']")
    box.fill("qala i n")  # the boundaries spell it Qala-e-Naw
    assert page.locator(".gm-search-list li").first.inner_text().startswith("Qala")
    box.press("Enter")
    page.wait_for_timeout(300)
    assert "Qala" in page.locator(".leaflet-popup-content").inner_text()
    box.fill("zzzz")
    assert "No place matches" in page.locator(".gm-search-none").inner_text()
    assert errors == []


def test_a_popup_the_search_opens_speaks_of_the_sliders_date(page_and_errors):
    page, errors, _ = page_and_errors
    slider = page.locator("input[type=range]")
    last = int(slider.get_attribute("max"))
    slider.evaluate(SLIDE, 0)
    box = page.locator("input[aria-label='Find a place']")
    box.fill("kohsan")
    box.press("Enter")
    page.wait_for_timeout(300)
    day = page.locator("#gm-asof").inner_text()
    assert page.locator(".leaflet-popup .gm-status").inner_text().endswith(f"on {day}")
    slider.evaluate(SLIDE, last)
    assert errors == []
