"""geomap: maps of claimed control, built offline from news articles.

The stages, each usable alone::

    from geomap import read_articles, load_gazetteer, places_from_text, claims_from_article
    from geomap import assess, timeline
    from geomap.build import build   # the incremental build behind `geomap build`

See the README for the command line.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("geomap")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0"

from geomap.control import assess, syndication_groups, timeline  # noqa: E402
from geomap.errors import (  # noqa: E402
    ArticleError,
    DataError,
    DataNotInstalledError,
    DownloadError,
    GazetteerError,
    GeomapError,
    HashMismatchError,
    ManifestError,
    StoreError,
)
from geomap.extract.articles import article_from_text, read_articles  # noqa: E402
from geomap.extract.claims import claims_from_article  # noqa: E402
from geomap.extract.places import places_from_article, places_from_text  # noqa: E402
from geomap.geo.gazetteer import load_gazetteer  # noqa: E402
from geomap.geo.geocoders import GazetteerGeocoder, geocoder_for  # noqa: E402
from geomap.pipeline import extract_article, extract_paths  # noqa: E402
from geomap.records import (  # noqa: E402
    AggregateClaim,
    Article,
    Claim,
    DistrictStatus,
    Extraction,
    Place,
)
from geomap.settings import Settings  # noqa: E402

__all__ = [
    "AggregateClaim",
    "Article",
    "ArticleError",
    "Claim",
    "DataError",
    "DataNotInstalledError",
    "DistrictStatus",
    "DownloadError",
    "Extraction",
    "GazetteerError",
    "GazetteerGeocoder",
    "GeomapError",
    "HashMismatchError",
    "ManifestError",
    "Place",
    "Settings",
    "StoreError",
    "__version__",
    "article_from_text",
    "assess",
    "claims_from_article",
    "extract_article",
    "extract_paths",
    "geocoder_for",
    "load_gazetteer",
    "places_from_article",
    "places_from_text",
    "read_articles",
    "syndication_groups",
    "timeline",
]
