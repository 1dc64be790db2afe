"""Static maps for reports (PNG, SVG, PDF): same colours, legend, title, sources, scale."""

from __future__ import annotations

import io
import re
import textwrap
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import matplotlib.dates as mdates
from matplotlib.axes import Axes
from matplotlib.figure import Figure  # no pyplot: no global backend, no side effect
from matplotlib.patches import Patch
from matplotlib_scalebar.scalebar import ScaleBar
from PIL import Image

from geomap.geo.boundaries import Boundaries
from geomap.records import NO_REPORTS, DistrictStatus
from geomap.render.views import Spot, claimed_spots
from geomap.store.writing import atomic_write
from geomap.theatre import Theatre, load_theatre

A4_LANDSCAPE = (11.69, 8.27)
LABEL_CLEARANCE_M = 45_000  # a province name this close to a claimed place is left out
MAX_LABELS = 25


def render_static(
    statuses: Sequence[DistrictStatus],
    bounds: Boundaries,
    path: Path,
    as_of: date | None = None,
    title: str | None = None,
    note: str = "",
    dpi: int = 150,
    national: Sequence[str] = (),
    theatre: Theatre | None = None,
    spots: Iterable[Spot] | None = None,
) -> Path:
    """Draw the district map to ``path``; the suffix (.png, .svg, .pdf) picks the format.

    ``national`` lines (claims about the whole country, with the evidence) go beside it;
    ``spots`` are the claimed places to name (default: those of the statuses' claims).
    """
    theatre = theatre or load_theatre()
    title = title or theatre.title
    colours, labels = theatre.colours, theatre.labels
    metric = bounds.country.estimate_utm_crs()  # true-ish distances for the scale bar
    by_pcode = {s.pcode: s.status for s in statuses}
    districts = bounds.simplified("districts", 0.005)[["pcode", "geometry"]].to_crs(metric)
    districts["status"] = [by_pcode.get(p, NO_REPORTS) for p in districts["pcode"]]
    provinces = bounds.simplified("provinces", 0.005)[["pcode", "name", "geometry"]]
    provinces = provinces.to_crs(metric)
    fig = Figure(figsize=A4_LANDSCAPE)
    ax = fig.add_axes((0.01, 0.07, 0.98, 0.84))
    # geopandas redraws the figure after each plot call: with no axes and no text drawn
    # yet those redraws are cheap, so all text is added after the last plot call.
    ax.set_axis_off()
    for status, colour in colours.items():
        part = districts[districts["status"] == status]
        if len(part):
            part.plot(
                ax=ax,
                color=colour,
                edgecolor="white",
                linewidth=0.3,
                hatch="////" if status == theatre.claimed_status else None,
            )
    provinces.boundary.plot(ax=ax, color="#555555", linewidth=0.7)
    province_status = provinces[provinces["pcode"].isin(by_pcode)]
    for pcode, geom in zip(province_status["pcode"], province_status.boundary, strict=True):
        ax.plot(
            *geom.xy if geom.geom_type == "LineString" else geom.geoms[0].xy,
            color=colours[by_pcode[pcode]],
            linewidth=2.2,
            linestyle="--",
        )
    bounds.country.to_crs(metric).boundary.plot(ax=ax, color="#111111", linewidth=1.4)
    if spots is None:
        spots = claimed_spots(c for s in statuses for c in s.claims)
    labelled = _label_claimed_places(ax, spots, metric)
    for name, point in zip(bounds.provinces["name"], provinces.representative_point(), strict=True):
        if any(point.distance(other) < LABEL_CLEARANCE_M for other in labelled):
            continue  # a claimed place's label is there: "Herat" over "Hirat" is unreadable
        ax.annotate(
            name,
            (point.x, point.y),
            ha="center",
            va="center",
            fontsize=6.5,
            color="#333333",
            alpha=0.85,
        )
    counts = districts["status"].value_counts()
    handles = [
        Patch(
            facecolor=c,
            edgecolor="#777777",
            hatch="////" if s == theatre.claimed_status else None,
            label=f"{labels[s]} ({counts.get(s, 0)})",
        )
        for s, c in colours.items()
    ]
    if len(province_status):
        handles.append(
            Patch(
                facecolor="none",
                edgecolor="#333333",
                linestyle="--",
                label=f"{theatre.provinces.rstrip('s').capitalize()}-wide claim (dashed outline)",
            )
        )
    ax.legend(
        handles=handles,
        loc="upper left",
        title=f"{theatre.units.capitalize()} by status",
        frameon=True,
        fontsize=9,
        title_fontsize=10,
        bbox_to_anchor=(0.0, 1.0),
    )
    ax.add_artist(ScaleBar(1, units="m", location="lower right", length_fraction=0.2))
    when = f"as of {as_of.isoformat()}" if as_of else "all dated claims"
    fig.text(0.01, 0.975, title, fontsize=16, weight="bold", ha="left", va="top")
    fig.text(
        0.01,
        0.935,
        f"{when} · {theatre.units} coloured by the claims in the articles",
        fontsize=10.5,
        color="#333333",
        ha="left",
        va="top",
    )
    if national:
        fig.text(  # east of the country, where the map has room
            0.99,
            0.55,
            "Claimed in the articles\n"
            + "\n".join(textwrap.fill(n, 48, subsequent_indent="  ") for n in national),
            fontsize=7.5,
            color="#222222",
            ha="right",
            va="top",
            multialignment="left",
            bbox={"boxstyle": "round,pad=0.4", "fc": "white", "ec": "#bbbbbb", "alpha": 0.9},
        )
    fig.text(
        0.01,
        0.012,
        "\n".join(textwrap.wrap(note, 190)),
        fontsize=7,
        color="#444444",
        ha="left",
        va="bottom",
    )
    suffix = Path(path).suffix
    if suffix == ".png":
        atomic_write(path, lambda tmp: _save_palette_png(fig, tmp, dpi))
    else:
        atomic_write(path, lambda tmp: fig.savefig(tmp, dpi=dpi, format=suffix[1:]))
    return Path(path)


def _save_palette_png(fig: Figure, path: Path, dpi: int) -> None:
    """A PNG of 256 colours: a flat-coloured map looks the same at under half the bytes,
    small enough to sit in a README or an e-mail."""
    raw = io.BytesIO()
    fig.savefig(raw, dpi=dpi, format="png", pil_kwargs={"compress_level": 0})
    raw.seek(0)
    with Image.open(raw) as image:
        image.convert("RGB").quantize(256).save(path, format="PNG", compress_level=6)


def _label_claimed_places(ax: Axes, spots: Iterable[Spot], metric: Any) -> list[Any]:
    """Mark and name the places the claims are about (small districts are hard to see);
    returns their points, so that other labels keep clear of them."""
    import geopandas as gpd

    seen: dict[str, tuple[float, float]] = {}
    spellings: dict[str, Counter[str]] = {}
    for name, lon, lat, mentions in spots:
        seen.setdefault(name, (lon, lat))
        counts = spellings.setdefault(name, Counter())
        for mention, n in mentions.items():
            counts[_bare(mention)] += n
    if not seen:
        return []
    # Label the most-claimed places only: a report map with 200 labels is unreadable.
    busiest = sorted(seen, key=lambda n: -sum(spellings[n].values()))[:MAX_LABELS]
    seen = {name: seen[name] for name in busiest}
    points = gpd.GeoSeries(
        gpd.points_from_xy([p[0] for p in seen.values()], [p[1] for p in seen.values()]), crs=4326
    )
    points = points.to_crs(metric)
    ax.scatter(points.x, points.y, s=14, color="#111111", zorder=5)
    for name, point in zip(seen, points, strict=True):
        ax.annotate(
            spellings[name].most_common(1)[0][0],
            (point.x, point.y),
            xytext=(4, 3),
            textcoords="offset points",
            fontsize=8,
            weight="bold",
            color="#111111",
            zorder=6,
            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.75},
        )
    return list(points)


def _bare(mention: str) -> str:
    """The name as the articles spell it, without 'district' or 'province'."""
    return re.sub(r"\s+(?:district|province|city)$", "", mention, flags=re.IGNORECASE)


def render_timeline(
    counts: Sequence[tuple[date, dict[str, int]]],
    path: Path,
    title: str = "",
    theatre: Theatre | None = None,
) -> Path:
    """Districts per status over time (the figure reports quote: "204 of 407 districts")."""
    theatre = theatre or load_theatre()
    fig = Figure(figsize=(8, 3.6))
    ax = fig.add_axes((0.08, 0.14, 0.62, 0.74))
    days = [d for d, _ in counts]
    x = mdates.date2num(days)
    for status in theatre.counted:
        values = [c.get(status, 0) for _, c in counts]
        ax.step(
            x,
            values,
            where="post",
            color=theatre.colours[status],
            linewidth=2.2,
            linestyle="--" if status == theatre.claimed_status else "-",
            label=f"{theatre.labels[status]} ({values[-1]})",
        )
    ax.xaxis_date()
    ax.set_ylabel(theatre.units)
    ax.set_ylim(bottom=0)
    ax.grid(axis="y", color="#dddddd")
    ax.spines[["top", "right"]].set_visible(False)
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(maxticks=8))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%d %b %Y"))
    for label in ax.get_xticklabels():
        label.set_rotation(30)
        label.set_horizontalalignment("right")
    ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), frameon=False, fontsize=9)
    ax.set_title(
        f"{title}: {theatre.units} by status, {days[0]} to {days[-1]}", fontsize=10, loc="left"
    )
    suffix = Path(path).suffix
    atomic_write(
        path, lambda tmp: fig.savefig(tmp, dpi=150, format=suffix[1:], bbox_inches="tight")
    )
    return Path(path)
