"""District and province polygons from any boundary manifest, in one schema.

Columns: ``pcode``, ``name``, ``alt_names`` (tuple), ``province``, ``province_pcode``,
``geometry`` (EPSG:4326). Data sets without a province column get one by a spatial join.
"""

from __future__ import annotations

import functools
import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd

from geomap.errors import ManifestError
from geomap.geo.data import Manifest, dataset_dir, get_manifest
from geomap.settings import Settings, default_settings

COLUMNS = ["pcode", "name", "alt_names", "province", "province_pcode", "geometry"]


@dataclass(frozen=True)
class Boundaries:
    """Districts, provinces and the country outline of one boundary data set."""

    districts: gpd.GeoDataFrame
    provinces: gpd.GeoDataFrame
    country: gpd.GeoDataFrame
    manifest: Manifest
    cache_dir: Path | None = None

    def simplified(self, layer: str, tolerance: float) -> gpd.GeoDataFrame:
        """A layer ("districts", "provinces", "country") simplified for drawing, cached on disk.

        Simplifying all 399 districts takes most of a second; maps are redrawn often.
        """
        frame = getattr(self, layer)
        path = (
            self.cache_dir / f"{self.manifest.name}-{layer}-{tolerance}.pickle"
            if self.cache_dir
            else None
        )
        if path is not None and path.is_file():
            try:
                with path.open("rb") as fh:
                    geometry = pickle.load(fh)
                if len(geometry) == len(frame):
                    out = frame.copy()
                    out["geometry"] = geometry
                    return out
            except (OSError, pickle.UnpicklingError, EOFError):
                path.unlink(missing_ok=True)
        out = simplified(frame, tolerance)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            with tmp.open("wb") as fh:
                pickle.dump(out.geometry.values, fh, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(path)
        return out


def load_boundaries(settings: Settings | None = None) -> Boundaries:
    """Read the configured boundary data set (cached per data folder and name)."""
    from geomap.theatre import boundary_set

    settings = settings or default_settings()
    return _load(settings.data_dir, boundary_set(settings), settings)


@functools.lru_cache(maxsize=4)
def _load(data_dir: Path, name: str, settings: Settings) -> Boundaries:
    manifest = get_manifest(name, settings)
    if not manifest.is_boundaries or "provinces" not in manifest.layers:
        msg = f"{manifest.path}: a boundary manifest needs [districts] and [provinces]"
        raise ManifestError(msg)
    folder = dataset_dir(name, settings)
    provinces = _read_layer(folder, manifest, "provinces")
    districts = _read_layer(folder, manifest, "districts")
    if districts["province_pcode"].isna().all():
        districts = _provinces_by_location(districts, provinces)
    if "outline" in manifest.layers:
        country = gpd.read_file(folder / manifest.layers["outline"]["file"]).to_crs(4326)
    else:
        country = gpd.GeoDataFrame(geometry=[provinces.union_all()], crs=4326)
    return Boundaries(
        districts, provinces, country[["geometry"]], manifest, settings.data_dir / "cache"
    )


def _read_layer(folder: Path, manifest: Manifest, layer: str) -> gpd.GeoDataFrame:
    spec = manifest.layers[layer]
    frame = gpd.read_file(folder / spec["file"]).to_crs(4326)
    wanted = [spec.get("name"), spec.get("pcode"), *spec.get("alt_names", [])]
    wanted += [spec.get("province"), spec.get("province_pcode")]
    unknown = [c for c in wanted if c and c not in frame.columns]
    if unknown:
        msg = f"{manifest.path}: [{layer}] names columns not in {spec['file']}: {unknown}"
        raise ManifestError(msg)
    alt_cols = spec.get("alt_names", [])
    out = gpd.GeoDataFrame(
        {
            "pcode": frame[spec["pcode"]].astype(str),
            "name": frame[spec["name"]].astype(str).str.strip(),  # "Lyman\t" in one set
            "alt_names": frame[alt_cols].apply(
                lambda row: tuple(str(v) for v in row if isinstance(v, str) and v.strip()), axis=1
            )
            if alt_cols
            else pd.Series([()] * len(frame)),
            "province": frame[spec["province"]] if spec.get("province") else None,
            "province_pcode": frame[spec["province_pcode"]] if spec.get("province_pcode") else None,
        },
        geometry=frame.geometry.make_valid(),
        crs=4326,
    )
    if layer == "provinces":
        out["province"], out["province_pcode"] = out["name"], out["pcode"]
    return out[COLUMNS]


def _provinces_by_location(
    districts: gpd.GeoDataFrame, provinces: gpd.GeoDataFrame
) -> gpd.GeoDataFrame:
    """Give each district the province containing its representative point."""
    points = districts.set_geometry(districts.representative_point())
    joined = gpd.sjoin(
        points,
        provinces[["name", "pcode", "geometry"]],
        how="left",
        predicate="within",
        rsuffix="prov",
    )
    joined = joined[~joined.index.duplicated()]
    districts = districts.copy()
    districts["province"] = joined["name_prov"]
    districts["province_pcode"] = joined["pcode_prov"]
    return districts


def simplified(frame: gpd.GeoDataFrame, tolerance: float = 0.01) -> gpd.GeoDataFrame:
    """Simplify a polygon coverage so shared borders stay shared (no gaps or slivers).

    Geometry is remembered per layer (its P-codes, or its bounds) and tolerance, so a
    process that draws several maps simplifies each layer once.
    """
    ident = tuple(frame["pcode"]) if "pcode" in frame else tuple(frame.total_bounds)
    key = (ident, tolerance)
    if key not in _SIMPLIFIED:
        _SIMPLIFIED[key] = frame.geometry.simplify_coverage(tolerance).values
    out = frame.copy()
    out["geometry"] = _SIMPLIFIED[key]
    return out


_SIMPLIFIED: dict[tuple[Any, ...], object] = {}


def locate(points: pd.DataFrame, bounds: Boundaries) -> pd.DataFrame:
    """Add district and province columns to rows with lat/lon (one vectorised join).

    Points just outside every polygon (a border crossing on the river line) take the
    nearest district within about 5 km.
    """
    frame = gpd.GeoDataFrame(
        points.reset_index(drop=True),
        geometry=gpd.points_from_xy(points["lon"], points["lat"]),
        crs=4326,
    )
    polys = bounds.districts[["pcode", "name", "province", "province_pcode", "geometry"]].rename(
        columns={"pcode": "district_pcode", "name": "district"}
    )
    joined = gpd.sjoin(frame, polys, how="left", predicate="within")
    joined = joined[~joined.index.duplicated()]
    missing = joined["district_pcode"].isna()
    if missing.any():
        metric = polys.estimate_utm_crs()  # metres, good enough across one country
        near = gpd.sjoin_nearest(
            frame[missing].to_crs(metric),
            polys.to_crs(metric),
            how="left",
            max_distance=5_000,
        )
        near = near[~near.index.duplicated()]
        for col in ("district_pcode", "district", "province", "province_pcode"):
            joined.loc[near.index, col] = near[col]
    out = pd.DataFrame(joined.drop(columns=["geometry", "index_right"], errors="ignore"))
    return out.astype(object).where(out.notna(), None)


def district_at(lat: float, lon: float, settings: Settings | None = None) -> dict[str, Any]:
    """District and province of one point (``None`` values when it is outside them all)."""
    frame = pd.DataFrame({"name": ["point"], "lat": [lat], "lon": [lon]})
    return dict(locate(frame, load_boundaries(settings)).iloc[0])
