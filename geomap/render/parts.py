"""Custom pieces of the HTML map, as folium ``MacroElement``s with Jinja templates.

Data reaches JavaScript only through ``tojson``; text from articles is escaped by Jinja's
``|e`` in templates or by ``esc`` (markupsafe) before it is put into popups.
"""

from __future__ import annotations

import base64
import re
from importlib import resources
from pathlib import Path
from typing import Any

import markupsafe
from branca.element import Element, MacroElement
from folium.plugins import FastMarkerCluster
from jinja2 import Template

from geomap.render.style import CLAIMED_FILL, HATCH_ID


def _template(name: str) -> Template:
    return Template(  # type: ignore[no-any-return]
        resources.files("geomap.render")
        .joinpath("templates")
        .joinpath(name)
        .read_text(encoding="utf-8")
    )


class Panels(MacroElement):
    """Title with the as-of date, districts per status, aggregate claims, symbols, hatching."""

    _template = _template("panels.html")

    def __init__(
        self,
        title: str,
        as_of: str,
        subtitle: str,
        counts: list[dict[str, Any]],
        aggregates: list[str],
        evidence_note: str,
        symbols: list[tuple[str, str]],
        claimed_colour: str,
        units: tuple[str, str, str],
    ):
        super().__init__()
        self._name = "Panels"
        self.title, self.as_of, self.subtitle, self.counts = title, as_of, subtitle, counts
        self.aggregates, self.evidence_note = aggregates, evidence_note
        self.symbols = symbols
        self.hatch_id = HATCH_ID
        self.claimed_fill = CLAIMED_FILL
        self.claimed_stroke = claimed_colour
        self.units, self.unit, self.province_unit = units  # "raions", "raion", "oblast"


class Controls(MacroElement):
    """Date slider over the timeline, place search, and data attribution."""

    _template = _template("controls.js")

    def __init__(
        self,
        districts_layer: str,
        steps: list[dict[str, Any]],
        names: list[dict[str, Any]],
        attribution: list[str],
        colours: dict[str, str],
        labels: dict[str, str],
        units_title: str,
        charted: tuple[str, ...],
        claimed: str,
    ):
        super().__init__()
        self._name = "Controls"
        self.districts_layer = districts_layer
        self.colours = colours
        self.labels = labels
        self.units_title = units_title
        self.charted, self.claimed = charted, claimed  # the chart's lines; the hatched status
        self.hatch_url = f"url(#{HATCH_ID})"
        self.steps, self.names, self.attribution = steps, names, attribution


def _leaflet_dir() -> Path:
    import xstatic.pkg.leaflet as leaflet

    return Path(leaflet.BASE_DIR)


def esc(text: object) -> str:
    """Untrusted text escaped by Jinja's own escaper (markupsafe), for tooltips and labels
    that folium writes into JS template literals (see ``js_literal_safe``)."""
    return js_literal_safe(str(markupsafe.escape(text)))


def js_literal_safe(markup: str) -> str:
    """Escaped HTML that stays inert inside a JS template literal: no backtick, dollar or
    backslash survives (folium puts popups and tooltips in them)."""
    return markup.replace("`", "&#96;").replace("$", "&#36;").replace("\\", "&#92;")


def inline_assets(root: Any) -> None:
    """Put Leaflet (JS, CSS, images as data URIs) and jQuery into the page itself.

    folium links Leaflet, jQuery, Bootstrap and icon fonts from CDNs; a map that must open
    with no network carries Leaflet from XStatic-Leaflet and jQuery (which folium's popups
    use) from XStatic-jQuery, and needs nothing else.
    """
    import xstatic.pkg.jquery as jquery
    import xstatic.pkg.leaflet_markercluster as markercluster

    folder = _leaflet_dir()
    css = (folder / "leaflet.css").read_text(encoding="utf-8")

    def data_uri(match: re.Match[str]) -> str:
        image = folder / "images" / match.group(1)
        encoded = base64.b64encode(image.read_bytes()).decode("ascii")
        return f"url(data:image/png;base64,{encoded})"

    css = re.sub(r"url\(images/([\w.-]+\.png)\)", data_uri, css)
    js = (folder / "leaflet.js").read_text(encoding="utf-8")
    js = js.replace("</script", "<\\/script")
    root.header.add_child(Element(f"<style>{css}</style>"), name="leaflet_css_inline", index=0)
    root.header.add_child(Element(f"<script>{js}</script>"), name="leaflet_js_inline", index=1)
    jq = (Path(jquery.BASE_DIR) / "jquery.slim.min.js").read_text(encoding="utf-8")
    jq = jq.replace("</script", "<\\/script")
    root.header.add_child(Element(f"<script>{jq}</script>"), name="jquery_js_inline", index=2)
    cluster = Path(markercluster.BASE_DIR)
    css = (cluster / "MarkerCluster.css").read_text(encoding="utf-8")
    js = (cluster / "leaflet.markercluster.js").read_text(encoding="utf-8")
    js = js.replace("</script", "<\\/script")
    root.header.add_child(Element(f"<style>{css}</style>"), name="cluster_css_inline", index=3)
    root.header.add_child(Element(f"<script>{js}</script>"), name="cluster_js_inline", index=4)


class OfflineMarkerCluster(FastMarkerCluster):
    """folium's FastMarkerCluster (markers made in the browser from rows of data, not one
    Python object each) with its script inlined by ``inline_assets`` (no CDN)."""

    default_js: list[tuple[str, str]] = []
    default_css: list[tuple[str, str]] = []
