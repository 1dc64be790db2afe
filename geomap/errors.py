"""One exception hierarchy: every error geomap raises on purpose is a ``GeomapError``.

Subclasses also inherit the matching builtin, so callers may catch either.
"""

from __future__ import annotations


class GeomapError(Exception):
    """Root of every error geomap raises on purpose; the message says what to do."""


class DataError(GeomapError):
    """A data set is missing, damaged or cannot be fetched."""


class DataNotInstalledError(DataError, FileNotFoundError):
    """A data set is needed but has not been installed yet."""


class DownloadError(DataError, ConnectionError):
    """A public source could not be reached; the message says how to use a local copy."""


class HashMismatchError(DataError, ValueError):
    """A file's SHA-256 differs from the manifest's: the copy is refused."""


class ManifestError(DataError, ValueError):
    """A boundary manifest is malformed or names unknown columns."""


class TheatreError(GeomapError, ValueError):
    """A theatre file is unknown or malformed."""


class ArticleError(GeomapError, ValueError):
    """An input file cannot be read as an article."""


class InputError(GeomapError, ValueError):
    """The inputs name no article at all (an empty or mistyped folder)."""


class GazetteerError(GeomapError, LookupError):
    """A place name cannot be resolved."""


class ReviewError(GeomapError, ValueError):
    """A review names a claim, district or review that does not exist, or is malformed."""


class EngineError(GeomapError, RuntimeError):
    """The Dask engine is not installed or its scheduler cannot be reached."""


class StoreError(GeomapError, RuntimeError):
    """The SQLite store is locked, damaged or from an unknown schema."""
