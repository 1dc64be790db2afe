"""``geomap build`` and ``geomap watch``: the map, images and exports, incrementally."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

from geomap.cli_common import (
    _report,
    _report_unmatched,
    _settings,
    data_dir_option,
    date_option,
    db_option,
    domain_errors,
    output_dir_option,
    theatre_option,
)
from geomap.extract.articles import any_failed
from geomap.wording import counted


def output_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Options shared by ``build`` and ``watch``."""
    options = [
        output_dir_option("Folder for the map, the exports and the store."),
        db_option,
        date_option("--as-of", "as_of", help="Draw control as it stood on this date."),
        click.option(
            "--tiles",
            default=None,
            metavar="NAME",
            help="Add an online base map (e.g. OpenStreetMap); without it the map "
            "needs no network.",
        ),
        click.option(
            "--format",
            "formats",
            multiple=True,
            default=("html", "png"),
            show_default=True,
            type=click.Choice(["html", "png", "svg", "pdf"]),
            help="Outputs to draw (repeat the option for several).",
        ),
        click.option("--title", default=None, help="Map title [default: the theatre's]."),
        click.option(
            "--changed-since",
            type=click.IntRange(1, 365),
            default=7,
            show_default=True,
            metavar="DAYS",
            help="Outline districts whose status changed in the last DAYS (also changes.csv).",
        ),
        click.option(
            "--workers",
            type=click.IntRange(1, 256),
            default=None,
            metavar="N",
            help="Processes that extract articles [default: one per core].",
        ),
        click.option(
            "--engine",
            type=click.Choice(["processes", "dask"]),
            default="processes",
            show_default=True,
            help="Where extraction runs: this machine's process pool, or Dask (a local "
            "cluster, or --scheduler's; needs geomap[dask]).",
        ),
        click.option(
            "--scheduler",
            metavar="ADDRESS",
            default=None,
            help="A Dask scheduler (tcp://host:8786) for --engine dask; its workers need "
            "geomap and the data installed.",
        ),
        click.option("-q", "--quiet", is_flag=True, help="Print only problems."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _run_build(
    ctx: click.Context,
    paths: Sequence[Path],
    force: bool = False,
    wait: float = 0.0,
    **options: Any,
) -> int:
    from geomap.build import build as run_build
    from geomap.build import interactive
    from geomap.ingest import Engine

    quiet = options.pop("quiet")
    say = (lambda _m: None) if quiet else (lambda m: click.echo(m, err=True))
    options["engine"] = Engine(options.pop("engine"), options.pop("scheduler"))
    report = run_build(
        paths,
        options.pop("out_dir"),
        _settings(ctx),
        progress=say,
        force=force,
        wait_seconds=wait,
        show_bar=interactive(quiet),
        **options,
    )
    failed = [p for p in report.problems if not p.warning]
    if failed:
        click.echo(f"{counted(len(failed), 'problem')}; everything else was built:", err=True)
    _report(report.problems)
    _report_unmatched(report.unmatched_reviews)
    if report.undated:
        names = ", ".join(report.undated[:5]) + (" …" if len(report.undated) > 5 else "")
        click.echo(
            f"{counted(len(report.undated), 'undated article')} (their claims have no date): "
            f"{names}. Date them with a 'Published: YYYY-MM-DD' line or NAME.meta.json.",
            err=True,
        )
    if report.unchanged:
        click.echo(
            f"Nothing changed: {counted(report.articles, 'article')}, outputs are up to date.",
            err=quiet,
        )
    elif not quiet:
        click.echo(
            f"{counted(report.articles, 'article')} ({report.extracted} extracted now), "
            f"{counted(len(report.outputs), 'file')} written in {report.seconds:.1f} s"
        )
    return 1 if any_failed(report.problems) else 0


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@output_options
@click.option("--force", is_flag=True, help="Re-render even if nothing changed.")
@click.option(
    "--wait",
    type=float,
    default=0.0,
    show_default=True,
    help="Seconds to wait for another build using the same store.",
)
@theatre_option
@data_dir_option
@click.pass_context
@domain_errors
def build(
    ctx: click.Context, paths: tuple[Path, ...], force: bool, wait: float, **options: Any
) -> None:
    """Turn articles (files or folders) into a map, a static image and GIS exports.

    Articles are .txt, .md, .html or .jsonl (one article per line, a file of any size).
    Only new or changed articles are read; if nothing changed, nothing is redrawn. Writes
    OUTPUT/map.html (opens offline; written first), map.png and timeline.png,
    embed.html, districts.geojson, districts.csv, claims.csv, changes.csv, aggregates.csv,
    geomap.gpkg, and the store geomap.sqlite.

    \b
    Example:
      geomap build seeds/ -o output/
      geomap build seeds/ new-articles/ -o output/ --as-of 2021-07-09 --format pdf
      geomap build feed.jsonl -o output/
      geomap build ukraine/ --theatre ukraine-2022 -o out/ --engine dask
    """
    sys.exit(_run_build(ctx, paths or (Path("seeds"),), force, wait, **options))


@click.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@output_options
@click.option(
    "--interval",
    type=float,
    default=1.0,
    show_default=True,
    help="Seconds of quiet before rebuilding (edits come in bursts).",
)
@theatre_option
@data_dir_option
@click.pass_context
@domain_errors
def watch(ctx: click.Context, folder: Path, interval: float, **options: Any) -> None:
    """Rebuild whenever articles appear or change in FOLDER (Ctrl-C to stop).

    \b
    Example:
      geomap watch incoming/ -o output/
    """
    from geomap.store.watching import watch_folder

    _run_build(ctx, [folder], keep_warm=True, **options)
    click.echo(f"Watching {folder} (Ctrl-C to stop)", err=True)
    watch_folder(folder, lambda: _run_build(ctx, [folder], **dict(options)), interval)
