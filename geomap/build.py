"""The main command's work: articles in, map, image and exports out."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .articles import ArticleProblem
from .boundaries import load_boundaries
from .control import timeline
from .export import export_all
from .pipeline import assess_extractions
from .records import DistrictStatus, Extraction
from .render import bounds_attribution, render_html, save_html
from .settings import Settings, default_settings
from .static import render_static
from .writing import atomic_write_text

EMBED_SNIPPET = """<!-- Paste into any page; keep map.html beside it (or change src). -->
<iframe src="map.html" title="{title}" style="width:100%;height:640px;border:0"
        loading="lazy" sandbox="allow-scripts allow-popups"></iframe>
"""


@dataclass
class BuildReport:
    """What a build read, skipped and wrote."""

    articles: int = 0
    extracted: int = 0
    problems: list[ArticleProblem] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    statuses: list[DistrictStatus] = field(default_factory=list)
    unchanged: bool = False


def write_outputs(
    extractions: Sequence[Extraction],
    out_dir: Path,
    settings: Settings | None = None,
    as_of: date | None = None,
    tiles: str | None = None,
    formats: Iterable[str] = ("html", "png"),
    title: str = "Claimed control of Afghan districts",
    progress: Callable[[str], None] | None = None,
) -> tuple[list[DistrictStatus], list[Path]]:
    """Assess control and write the map, the static image(s) and the GIS exports."""
    say = progress or (lambda _m: None)
    settings = settings or default_settings()
    out_dir = Path(out_dir)
    bounds = load_boundaries(settings)
    statuses = assess_extractions(extractions, as_of, settings)
    claims = [c for r in extractions for c in r.claims]
    steps = [
        (d, s)
        for d, s in timeline(claims, settings.contested_window_days)
        if as_of is None or d <= as_of
    ]
    day = as_of or max((c.as_of for c in claims if c.as_of), default=None)
    written: list[Path] = []
    formats = list(formats)
    if "html" in formats:
        say("rendering the HTML map")
        m = render_html(statuses, extractions, bounds, steps, day, title, tiles)
        written.append(save_html(m, out_dir / "map.html"))
        written.append(atomic_write_text(out_dir / "embed.html", EMBED_SNIPPET.format(title=title)))
    note = (
        "Sources: "
        + "; ".join(
            sorted(
                {
                    r.article.outlet or r.article.title or Path(r.article.path).name
                    for r in extractions
                }
            )
        )
        + ". Data: "
        + "; ".join(bounds_attribution(bounds))
        + "."
    )
    for fmt in ("png", "svg", "pdf"):
        if fmt in formats:
            say(f"drawing the {fmt.upper()} map")
            written.append(
                render_static(statuses, bounds, out_dir / f"map.{fmt}", day, title, note)
            )
    say("writing GeoJSON, GeoPackage and CSV")
    written += export_all(statuses, extractions, bounds, out_dir)
    return statuses, written


def build(
    paths: Iterable[str | Path], out_dir: Path, settings: Settings | None = None, **options
) -> BuildReport:
    """Read articles (files or folders), extract, assess, and write every output."""
    from .pipeline import extract_paths

    started = time.perf_counter()
    settings = settings or default_settings()
    extractions, problems = extract_paths(list(paths), settings, directories=True)
    statuses, written = write_outputs(extractions, out_dir, settings, **options)
    return BuildReport(
        len(extractions),
        len(extractions),
        problems,
        written,
        time.perf_counter() - started,
        statuses,
    )
