"""GIS exports: district status and claims as GeoJSON, GeoPackage and CSV, keyed by P-code."""

from __future__ import annotations

import csv
import itertools
import shutil
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd

from geomap.changes import Change
from geomap.geo.boundaries import Boundaries
from geomap.records import CLAIM_COLUMNS, DISTRICT_COLUMNS, NO_REPORTS, Extraction
from geomap.store.writing import atomic_write


def status_frame(rows: Mapping[str, dict[str, Any]], bounds: Boundaries) -> gpd.GeoDataFrame:
    """Every district with its status, confidence, counts, latest date and evidence
    (``rows``: P-code → ``DistrictStatus.to_dict()``)."""
    out = bounds.districts[["pcode", "name", "province", "province_pcode", "geometry"]].copy()
    for column in DISTRICT_COLUMNS:
        out[column] = [rows.get(p, {}).get(column) for p in out["pcode"]]
    out["status"] = out["status"].fillna(NO_REPORTS)
    out["claims"] = out["claims"].fillna(0).astype(int)
    out["sources"] = out["sources"].fillna(0).astype(int)
    out["evidence"] = [" | ".join(rows.get(p, {}).get("evidence", [])) for p in out["pcode"]]
    return out


CLAIM_EXPORT_COLUMNS = (*CLAIM_COLUMNS, "article", "outlet", "published")
CLAIM_CHUNK = 20_000  # claims per GeoPackage write: memory stays flat at any size


def claim_rows(extractions: Iterable[Extraction]) -> Iterator[dict[str, Any]]:
    """One row per claim, with its article, claimant, date and sentence (made as needed)."""
    for r in extractions:
        article = {
            "article": r.article.path,
            "outlet": r.article.outlet,
            "published": r.article.published.isoformat() if r.article.published else None,
        }
        for c in r.claims:
            yield c.to_dict() | article


def claims_frame(rows: Iterable[dict[str, Any]]) -> gpd.GeoDataFrame:
    """Claim rows as points (one layer of the GeoPackage)."""
    frame = pd.DataFrame(list(rows), columns=list(CLAIM_EXPORT_COLUMNS))
    return gpd.GeoDataFrame(
        frame,
        geometry=gpd.points_from_xy(frame["lon"].astype(float), frame["lat"].astype(float)),
        crs=4326,
    )


def _write_claims(
    csv_path: Path, gpkg_path: Path, extractions: Iterable[Extraction], header: bool
) -> None:
    """claims.csv and the GeoPackage's claims layer in one pass, a chunk at a time (after
    what the files hold already when there is no ``header`` to write)."""
    rows = claim_rows(extractions)
    with csv_path.open("w" if header else "a", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(
            fh, CLAIM_EXPORT_COLUMNS, extrasaction="ignore", lineterminator="\n"
        )
        if header:
            writer.writeheader()
        while chunk := list(itertools.islice(rows, CLAIM_CHUNK)):
            writer.writerows(chunk)
            claims_frame(chunk).to_file(gpkg_path, layer="claims", driver="GPKG", mode="a")


def export_all(
    rows: Mapping[str, dict[str, Any]],
    extractions: Iterable[Extraction],
    bounds: Boundaries,
    out_dir: Path,
    changes: Sequence[Change] = (),
    national: Sequence[dict[str, Any]] = (),
    append: bool = False,
) -> list[Path]:
    """Write districts.geojson, districts.csv, claims.csv, changes.csv, aggregates.csv and
    geomap.gpkg into ``out_dir``.

    ``rows`` are the units' export rows (``DistrictStatus.to_dict()``); ``extractions`` are
    read once, as they come (a stream from the store keeps memory flat). With ``append``
    they are only the articles added since the last export: their claims extend copies of
    claims.csv and the GeoPackage, whose districts layer is written anew.
    """
    out_dir = Path(out_dir)
    districts = status_frame(rows, bounds)
    written = [
        atomic_write(
            out_dir / "districts.geojson",
            lambda t: districts.to_file(
                t, layer="districts", driver="GeoJSON", COORDINATE_PRECISION=6
            ),
        ),
        atomic_write(
            out_dir / "districts.csv",
            lambda t: districts.drop(columns="geometry").to_csv(t, index=False),
        ),
    ]

    def gpkg(tmp: Path) -> None:
        if append:
            shutil.copyfile(out_dir / "geomap.gpkg", tmp)
        else:
            tmp.unlink()
        districts.to_file(tmp, layer="districts", driver="GPKG")  # replaces that layer only

        def claims(t: Path) -> None:
            if append:
                shutil.copyfile(out_dir / "claims.csv", t)
            _write_claims(t, tmp, extractions, header=not append)

        written.append(atomic_write(out_dir / "claims.csv", claims))

    written.append(atomic_write(out_dir / "geomap.gpkg", gpkg))
    written.append(_csv(out_dir / "changes.csv", [c.to_dict() for c in changes], CHANGE_COLUMNS))
    written.append(_csv(out_dir / "aggregates.csv", list(national), AGGREGATE_COLUMNS))
    return written


CHANGE_COLUMNS = ("pcode", "name", "province", "before", "after", "changed_on", "evidence")
AGGREGATE_COLUMNS = (
    "claim",
    "claimed_by",
    "as_of",
    "share",
    "count",
    "total",
    "unit",
    "articles",
    "evidence",
    "sentence",
)


def _csv(path: Path, rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> Path:
    frame = pd.DataFrame(list(rows), columns=list(columns))
    return atomic_write(path, lambda t: frame.to_csv(t, index=False))
