"""One typed settings surface: where data lives, which geocoder, how claims combine.

Every default can be overridden by an environment variable (shown beside it) or by
passing a ``Settings`` to the library functions; tests point it at temporary folders.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import platformdirs

DEFAULT_THEATRE = "afghanistan-2021"  # the war mapped when nothing says otherwise


def _env_path(name: str) -> Path | None:
    value = os.environ.get(name)
    return Path(value).expanduser() if value else None


@dataclass(frozen=True)
class Settings:
    """Settings shared by every stage.

    data_dir: installed data sets (``GEOMAP_DATA_DIR``; default: the per-user data folder).
    mirror: a local mirror laid out like ``shared/data`` (``GEOMAP_MIRROR``), used by
        ``geomap data fetch`` instead of the network.
    theatre: the war mapped (``GEOMAP_THEATRE``): parties, words, boundaries, gazetteer.
    boundaries: name of the boundary manifest (``GEOMAP_BOUNDARIES``; default: the theatre's).
    geocoder: ``gazetteer`` (offline, default) or ``gazetteer+nominatim`` (opt-in online fallback).
    contested_window_days: opposing claims closer than this make a district contested.
    """

    data_dir: Path = field(
        default_factory=lambda: (
            _env_path("GEOMAP_DATA_DIR") or Path(platformdirs.user_data_dir("geomap"))
        )
    )
    mirror: Path | None = field(default_factory=lambda: _env_path("GEOMAP_MIRROR"))
    theatre: str = field(default_factory=lambda: os.environ.get("GEOMAP_THEATRE", DEFAULT_THEATRE))
    boundaries: str = field(default_factory=lambda: os.environ.get("GEOMAP_BOUNDARIES", ""))
    geocoder: str = "gazetteer"
    contested_window_days: int = 14
    user_agent: str = "geomap/0.1 (offline conflict mapping)"

    def with_(self, **changes: Any) -> Settings:
        """Return a copy with some fields changed (``None`` values are ignored)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def default_settings() -> Settings:
    """Settings read from the environment now (not at import time)."""
    return Settings()
