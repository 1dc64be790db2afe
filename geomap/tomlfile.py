"""Reading the project's TOML files (manifests, theatres) with errors that name the file."""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from geomap.errors import GeomapError


def read_toml(
    path: Path, required: Sequence[str], error: type[GeomapError], what: str
) -> dict[str, Any]:
    """The file's table; ``error`` names the file when it cannot be read or lacks a key."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as err:
        msg = f"{path}: cannot read {what} ({err})"
        raise error(msg) from err
    missing = [key for key in required if key not in raw]
    if missing:
        msg = f"{path}: {what} lacks {', '.join(missing)}"
        raise error(msg)
    return raw
