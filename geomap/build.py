"""The main command's work: an incremental build from articles to map, image and exports.

Articles are stored in SQLite by content hash. A build reads only new or changed files
(size and mtime first, then the hash), extracts only texts the store lacks or extracted
with an older extractor, and re-renders only when something changed. Outputs are written
atomically and the store's lock serialises builds.
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from geomap import __version__
from geomap.changes import counts_by_date, national_claims, national_lines, recent_changes
from geomap.control import settlement_statuses, timeline
from geomap.errors import InputError
from geomap.extract.articles import (
    ArticleProblem,
)
from geomap.extract.claims import RULES_VERSION
from geomap.geo.boundaries import load_boundaries
from geomap.geo.data import credits as data_credits
from geomap.geo.gazetteer import GAZETTEER_VERSION
from geomap.ingest import Engine, article_files, ingest, refresh_stale
from geomap.pipeline import assess_extractions
from geomap.records import DistrictStatus, Extraction, Review
from geomap.render.export import export_all
from geomap.render.html import MapStory, render_html, save_html
from geomap.review import apply_reviews
from geomap.settings import Settings, default_settings
from geomap.store.database import open_store
from geomap.store.reviews import load_reviews
from geomap.store.writing import atomic_write_text
from geomap.theatre import Theatre, boundary_set, load_theatre, theatres
from geomap.wording import counted

EMBED_SNIPPET = """<!-- Paste into any page; keep map.html beside it (or change src). -->
<iframe src="map.html" title="{title}" style="width:100%;height:640px;border:0"
        loading="lazy" sandbox="allow-scripts allow-popups"></iframe>
"""
CHANGED_SINCE_DAYS = 7  # "what changed": districts whose status changed in these last days


@dataclass
class BuildReport:
    """What a build read, extracted, skipped and wrote."""

    articles: int = 0
    extracted: int = 0
    problems: list[ArticleProblem] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    statuses: list[DistrictStatus] = field(default_factory=list)
    unchanged: bool = False
    undated: list[str] = field(default_factory=list)  # stored articles with no date
    unmatched_reviews: list[Review] = field(default_factory=list)  # their claims are gone


def extractor_version(settings: Settings) -> str:
    """Changes whenever extraction could give other results: re-extract everything then."""
    return (
        f"{__version__}/g{GAZETTEER_VERSION}/r{RULES_VERSION}/{settings.theatre}/"
        f"{boundary_set(settings)}"
    )


def write_outputs(
    extractions: Sequence[Extraction],
    out_dir: Path,
    settings: Settings | None = None,
    as_of: date | None = None,
    tiles: str | None = None,
    formats: Iterable[str] = ("html", "png"),
    title: str | None = None,
    progress: Callable[[str], None] | None = None,
    groups: Mapping[str, str] | None = None,
    changed_since: int = CHANGED_SINCE_DAYS,
) -> tuple[list[DistrictStatus], list[Path]]:
    """Assess control and write the map, the static image(s) and the GIS exports.

    The map's date is decided here, once: ``as_of``, else the latest claim's date. The
    title defaults to the theatre's.
    """
    say = progress or (lambda _m: None)
    settings = settings or default_settings()
    theatre = load_theatre(settings=settings)
    title = title or theatre.title
    out_dir = Path(out_dir)
    bounds = load_boundaries(settings)
    statuses = assess_extractions(extractions, as_of, settings, groups)
    claims = [c for r in extractions for c in r.claims]
    day = as_of or max((c.as_of for c in claims if c.as_of), default=None)
    steps = [
        (d, s)
        for d, s in timeline(claims, settings.contested_window_days, groups, theatre)
        if day is None or d <= day
    ]
    if steps and day is not None and steps[-1][0] < day:
        steps.append((day, steps[-1][1]))  # the slider ends on the map's date
    counts = counts_by_date(steps, bounds.districts["pcode"], theatre)
    changes = recent_changes(statuses, steps, day, changed_since)
    credits = data_credits(settings)
    district_codes = set(bounds.districts["pcode"])
    now = Counter(s.status for s in statuses if s.pcode in district_codes)
    national = national_claims(extractions, now, day, theatre)
    written: list[Path] = []
    formats = list(formats)
    if "html" in formats:
        say("rendering the HTML map")
        settlements = (
            {
                s.name: s.status
                for s in settlement_statuses(
                    [c for c in claims if day is None or c.as_of is None or c.as_of <= day],
                    settings.contested_window_days,
                    groups or {},
                    theatre,
                )
            }
            if theatre.front_line
            else None
        )
        story = MapStory(steps, counts, changes, national, changed_since, settlements, credits)
        m = render_html(statuses, extractions, bounds, story, day, title, tiles, theatre)
        written.append(save_html(m, out_dir / "map.html"))
        written.append(atomic_write_text(out_dir / "embed.html", EMBED_SNIPPET.format(title=title)))
    note = f"Sources: {_sources_note(extractions)}. Data: {'; '.join(credits)}."
    say("writing GeoJSON, GeoPackage and CSV (in the background)")
    if {"png", "svg", "pdf"} & set(formats):  # matplotlib loads only after map.html is written
        from geomap.render.static import render_static, render_timeline
    with ThreadPoolExecutor(max_workers=1) as pool:  # GIS writers release the GIL
        exports = pool.submit(export_all, statuses, extractions, bounds, out_dir, changes, national)
        for fmt in ("png", "svg", "pdf"):
            if fmt in formats:
                say(f"drawing the {fmt.upper()} map")
                written.append(
                    render_static(
                        statuses,
                        bounds,
                        out_dir / f"map.{fmt}",
                        day,
                        title,
                        note,
                        national=national_lines(national[:4]),
                        theatre=theatre,
                    )
                )
                if fmt != "pdf" and len(counts) > 1:
                    written.append(
                        render_timeline(counts, out_dir / f"timeline.{fmt}", title, theatre)
                    )
        written += exports.result()
    return statuses, written


def _sources_note(extractions: Sequence[Extraction], most: int = 6) -> str:
    """The outlets behind the map: all of them when few, else the most frequent."""
    names = Counter(r.article.source for r in extractions)
    if len(names) <= most:
        return "; ".join(sorted(names))
    top = ", ".join(name for name, _n in names.most_common(most))
    return (
        f"{counted(len(extractions), 'article')} from {counted(len(names), 'source')}, "
        f"most often {top} "
        "(all in claims.csv)"
    )


def build(
    paths: Iterable[str | Path],
    out_dir: Path,
    settings: Settings | None = None,
    db: Path | None = None,
    as_of: date | None = None,
    tiles: str | None = None,
    formats: Iterable[str] = ("html", "png"),
    title: str | None = None,
    progress: Callable[[str], None] | None = None,
    force: bool = False,
    wait_seconds: float = 0.0,
    show_bar: bool = False,
    keep_warm: bool = False,
    changed_since: int = CHANGED_SINCE_DAYS,
    workers: int | None = None,
    engine: Engine | None = None,
) -> BuildReport:
    """Ingest new or changed articles, then (if anything changed) re-render every output.

    ``keep_warm`` (for ``geomap watch``) loads the stored claims even when nothing changed,
    so that a long-running process redraws quickly when the next article arrives.
    """
    started = time.perf_counter()
    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    settings = settings or default_settings()
    say = progress or (lambda _m: None)
    out_dir = Path(out_dir)
    formats = tuple(formats)
    report = BuildReport()
    files = article_files(paths)
    theatre = load_theatre(settings=settings)
    with open_store(db or out_dir / "geomap.sqlite", wait_seconds) as store:
        store.set_meta("theatre", theatre.id)
        store.set_meta("country", theatre.country)
        extractor = extractor_version(settings)
        report.extracted = ingest(
            store, files, settings, extractor, report.problems, say, show_bar, workers, engine
        )
        report.extracted += refresh_stale(
            store, settings, extractor, report.problems, workers, engine
        )
        if store.count() == 0:  # every file failed: keep the previous map, if any
            msg = "no article could be read: " + (
                "; ".join(map(str, report.problems[:3])) or "the store is empty"
            )
            raise InputError(msg)
        in_theatre, foreign = store.countries_named()
        if not in_theatre:  # the map would be empty: say why, keep the previous one
            raise InputError(_elsewhere(store.count(), foreign, theatre, settings))
        report.undated = store.undated_paths()
        with store.conn:
            for sha in store.ungrouped():
                store.link_copies(store.article(sha))
        report.articles = store.count()
        reviews = load_reviews(store)
        wanted = "|".join(
            map(
                str,
                (
                    extractor,
                    report.articles,
                    as_of,
                    sorted(formats),
                    tiles,
                    title,
                    out_dir.resolve(),
                    [(r.id, r.undone) for r in reviews],  # a review redraws the map
                    changed_since,
                ),
            )
        )
        if (
            not force
            and report.extracted == 0
            and store.get_meta("rendered") == wanted
            and (out_dir / ("map.html" if "html" in formats else "districts.csv")).exists()
        ):
            report.unchanged = True
            if keep_warm:
                store.extractions()  # load now, so the next change redraws quickly
            report.seconds = time.perf_counter() - started
            return report
        store.set_meta("rendered", None)  # dirty until every output is written
        say(f"{report.articles} articles in the store ({report.extracted} newly extracted)")
        reviewed, report.unmatched_reviews = apply_reviews(store.extractions(), reviews)
        report.statuses, report.outputs = write_outputs(
            reviewed,
            out_dir,
            settings,
            as_of,
            tiles,
            formats,
            title,
            say,
            groups=store.groups(),
            changed_since=changed_since,
        )
        store.set_meta("rendered", wanted)
        store.record_build(
            stamp, report.articles, report.extracted, len(report.problems), report.outputs
        )
    report.seconds = time.perf_counter() - started
    return report


def _elsewhere(
    articles: int, foreign: Sequence[tuple[str, str]], theatre: Theatre, settings: Settings
) -> str:
    """Why the map would be empty, and the installed theatre the articles are about."""
    others = {t.country: t for t in theatres(settings).values() if t.id != theatre.id}
    match = next((others[iso] for _name, iso in foreign if iso in others), None)
    named = f"; they name {', '.join(name for name, _iso in foreign)}" if foreign else ""
    hint = (
        f": try --theatre {match.id}"
        if match
        else "; nothing was drawn and the previous outputs are as they were"
    )
    return (
        f"no article names a place in {theatre.country_name} ({counted(articles, 'article')}"
        f" read{named}), and theatre {theatre.id} maps {theatre.country_name}{hint}"
    )


def interactive(quiet: bool) -> bool:
    """Show progress bars only on a terminal, outside CI, and when not asked to be quiet."""
    return not quiet and sys.stderr.isatty() and not os.environ.get("CI")
