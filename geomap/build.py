"""The main command's work: an incremental build from articles to map, image and exports.

Articles are stored in SQLite by content hash. A build reads only new or changed files
(size and mtime first, then the hash), extracts only texts the store lacks or extracted
with an older extractor, and re-renders only when something changed. Outputs are written
atomically and the store's lock serialises builds.
"""

from __future__ import annotations

import itertools
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import NamedTuple

from geomap import __version__
from geomap.changes import counts_by_date, national_claims, national_lines, recent_changes
from geomap.control import merge_histories
from geomap.errors import InputError
from geomap.extract.articles import (
    ArticleProblem,
)
from geomap.extract.claims import RULES_VERSION
from geomap.geo.boundaries import load_boundaries
from geomap.geo.data import credits as data_credits
from geomap.geo.gazetteer import GAZETTEER_VERSION
from geomap.ingest import Engine, article_files, ingest, refresh_stale
from geomap.records import Article, DistrictStatus, Extraction, Review
from geomap.redraw import update_views
from geomap.render.export import export_all
from geomap.render.html import MapStory, render_html, save_html
from geomap.render.views import NO_DISTRICT
from geomap.settings import Settings, default_settings
from geomap.store.database import Store, open_store
from geomap.store.reviews import load_reviews
from geomap.store.writing import atomic_write_text
from geomap.theatre import Theatre, boundary_set, load_theatre, theatres
from geomap.wording import counted

EMBED_SNIPPET = """<!-- Paste into any page; keep map.html beside it (or change src). -->
<iframe src="map.html" title="{title}" style="width:100%;height:640px;border:0"
        loading="lazy" sandbox="allow-scripts allow-popups"></iframe>
"""
CHANGED_SINCE_DAYS = 7  # "what changed": districts whose status changed in these last days


class Drawn(NamedTuple):
    """What ``write_outputs`` drew: the statuses, the files, the reviews whose claims are
    gone, and the units whose views were computed again (None: every unit's)."""

    statuses: list[DistrictStatus]
    outputs: list[Path]
    unmatched_reviews: list[Review]
    recomputed: list[str] | None


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
    recomputed: list[str] | None = None  # units whose views were computed again (None: all)


def extractor_version(settings: Settings) -> str:
    """Changes whenever extraction could give other results: re-extract everything then."""
    return (
        f"{__version__}/g{GAZETTEER_VERSION}/r{RULES_VERSION}/{settings.theatre}/"
        f"{boundary_set(settings)}"
    )


def write_outputs(
    store: Store,
    out_dir: Path,
    settings: Settings,
    extractor: str,
    reviews: Sequence[Review] = (),
    as_of: date | None = None,
    tiles: str | None = None,
    formats: Iterable[str] = ("html", "png"),
    title: str | None = None,
    progress: Callable[[str], None] | None = None,
    changed_since: int = CHANGED_SINCE_DAYS,
    keep_warm: bool = False,
) -> Drawn:
    """Draw the map from the store's unit views (brought up to date first), then write the
    static image(s) and the GIS exports, whose claims stream from the store.

    The map's date is decided once (``redraw.update_views``): ``as_of``, else the latest
    claim's date. ``keep_warm`` (``geomap watch``) holds every claim in memory instead.
    """
    say = progress or (lambda _m: None)
    theatre = load_theatre(settings=settings)
    title = title or theatre.title
    out_dir = Path(out_dir)
    bounds = load_boundaries(settings)
    found = update_views(store, settings, extractor, reviews, as_of, say)
    views, day = found.views, found.day
    steps = [
        (d, s)
        for d, s in merge_histories({u: v.history_dates() for u, v in views.items()})
        if day is None or d <= day
    ]
    if steps and day is not None and steps[-1][0] < day:
        steps.append((day, steps[-1][1]))  # the slider ends on the map's date
    counts = counts_by_date(steps, bounds.districts["pcode"], theatre)
    described = {u: (v.name, v.province, v.evidence) for u, v in views.items()}
    changes = recent_changes(described, steps, day, changed_since)
    credits = data_credits(settings)
    district_codes = set(bounds.districts["pcode"])
    now = Counter(v.status for u, v in views.items() if u in district_codes)
    national = national_claims(store.aggregate_claims(), now, day, theatre)
    written: list[Path] = []
    formats = list(formats)
    if "html" in formats:
        say("rendering the HTML map")
        story = MapStory(steps, counts, changes, national, changed_since, credits)
        m = render_html(views, bounds, story, day, title, tiles, theatre, store.count())
        written.append(save_html(m, out_dir / "map.html"))
        written.append(atomic_write_text(out_dir / "embed.html", EMBED_SNIPPET.format(title=title)))
    ordered = [views[u] for u in sorted(views) if u != NO_DISTRICT]
    statuses = [v.status_record() for v in ordered]
    articles = (
        [r.article for r in found.reviewed]
        if found.reviewed
        else [a for a, _extractor in store.article_headers()]
    )
    note = f"Sources: {_sources_note(articles)}. Data: {'; '.join(credits)}."
    if {"png", "svg", "pdf"} & set(formats):  # matplotlib loads only after map.html is written
        from geomap.render.static import render_static, render_timeline
    with ThreadPoolExecutor(max_workers=1) as pool:  # the images draw while exports write

        def images() -> list[Path]:
            drawn = []
            for fmt in ("png", "svg", "pdf"):
                if fmt in formats:
                    drawn.append(
                        render_static(
                            statuses,
                            bounds,
                            out_dir / f"map.{fmt}",
                            day,
                            title,
                            note,
                            national=national_lines(national[:4]),
                            theatre=theatre,
                            spots=[spot for v in ordered for spot in v.spots],
                        )
                    )
                    if fmt != "pdf" and len(counts) > 1:
                        drawn.append(
                            render_timeline(counts, out_dir / f"timeline.{fmt}", title, theatre)
                        )
            return drawn

        drawing = pool.submit(images)
        say("writing GeoJSON, GeoPackage and CSV (the images draw meanwhile)")
        files = [out_dir / "claims.csv", out_dir / "geomap.gpkg"]
        # Only new articles since the last export: their claims are appended.
        skip = None if found.reviewed else store.exported_articles(found.key, out_dir, files)
        claims: Iterable[Extraction] = (
            found.reviewed
            if found.reviewed is not None
            else store.extractions()[skip or 0 :]
            if keep_warm
            else itertools.chain.from_iterable(store.extraction_batches(skip=skip or 0))
        )
        rows = {v.unit: v.row for v in ordered}
        exported = export_all(
            rows, claims, bounds, out_dir, changes, national, append=skip is not None
        )
        store.record_export(found.key, out_dir, files)
        written += drawing.result() + exported
    return Drawn(statuses, written, found.unmatched, found.recomputed)


def _sources_note(articles: Sequence[Article], most: int = 6) -> str:
    """The outlets behind the map: all of them when few, else the most frequent."""
    names = Counter(a.source for a in articles)
    if len(names) <= most:
        return "; ".join(sorted(names))
    top = ", ".join(name for name, _n in names.most_common(most))
    return (
        f"{counted(len(articles), 'article')} from {counted(len(names), 'source')}, "
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
        if not store.names_the_theatre():  # the map would be empty: say why, keep the old one
            raise InputError(_elsewhere(store.count(), store.countries_named(), theatre, settings))
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
        drawn = write_outputs(
            store,
            out_dir,
            settings,
            extractor,
            reviews,
            as_of,
            tiles,
            formats,
            title,
            say,
            changed_since,
            keep_warm,
        )
        report.statuses, report.outputs, report.unmatched_reviews = drawn[:3]
        report.recomputed = drawn.recomputed
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
