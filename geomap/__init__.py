"""geomap: maps of claimed control, built offline from news articles.

The stages, each usable alone::

    from geomap import read_articles, load_gazetteer, places_from_text, claims_from_article
    from geomap import assess, timeline, load_theatre   # a war as data: Ukraine, Afghanistan
    from geomap.build import build   # the incremental build behind `geomap build`

See the README for the command line.
"""

import importlib
from importlib.metadata import PackageNotFoundError, version
from typing import Any

try:
    __version__ = version("geomap")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0"

# Names are imported on first use (PEP 562), so that `geomap --help` does not load
# pandas, geopandas, folium and the gazetteer.
_PUBLIC = {
    "assess": "geomap.control",
    "syndication_groups": "geomap.syndication",
    "timeline": "geomap.control",
    "ArticleError": "geomap.errors",
    "DataError": "geomap.errors",
    "DataNotInstalledError": "geomap.errors",
    "DownloadError": "geomap.errors",
    "GazetteerError": "geomap.errors",
    "GeomapError": "geomap.errors",
    "HashMismatchError": "geomap.errors",
    "ManifestError": "geomap.errors",
    "StoreError": "geomap.errors",
    "TheatreError": "geomap.errors",
    "EngineError": "geomap.errors",
    "article_from_text": "geomap.extract.articles",
    "read_articles": "geomap.extract.articles",
    "claims_from_article": "geomap.extract.claims",
    "places_from_article": "geomap.extract.places",
    "places_from_text": "geomap.extract.places",
    "load_gazetteer": "geomap.geo.gazetteer",
    "GazetteerGeocoder": "geomap.geo.geocoders",
    "geocoder_for": "geomap.geo.geocoders",
    "extract_article": "geomap.pipeline",
    "extract_paths": "geomap.pipeline",
    "AggregateClaim": "geomap.records",
    "Article": "geomap.records",
    "Claim": "geomap.records",
    "DistrictStatus": "geomap.records",
    "Extraction": "geomap.records",
    "Place": "geomap.records",
    "Settings": "geomap.settings",
    "Theatre": "geomap.theatre",
    "load_theatre": "geomap.theatre",
    "theatres": "geomap.theatre",
    "load_reader": "geomap.pipeline",
}


def __getattr__(name: str) -> Any:
    """Import a public name from its module the first time it is asked for."""
    if name not in _PUBLIC:
        msg = f"module 'geomap' has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(importlib.import_module(_PUBLIC[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_PUBLIC])


__all__ = sorted([*_PUBLIC, "__version__"])
