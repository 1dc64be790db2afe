"""What every ``geomap`` command shares: settings, error messages, date and data options."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import click

from geomap.errors import GeomapError
from geomap.extract.articles import ArticleProblem
from geomap.records import Review
from geomap.settings import Settings
from geomap.wording import counted


def _settings(ctx: click.Context) -> Settings:
    return ctx.find_object(Settings) or Settings()


def domain_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn a ``GeomapError`` into a one-line message and exit status 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except GeomapError as err:
            raise click.ClickException(str(err)) from err

    return wrapper


def _report(problems: Sequence[ArticleProblem]) -> None:
    for problem in problems:
        click.echo(f"geomap: {problem}", err=True)


def _as_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as err:
        raise click.BadParameter(f"{value!r} is not a date like 2021-07-09") from err


date_option = functools.partial(click.option, callback=_as_date, metavar="YYYY-MM-DD")


def _set_data_dir(ctx: click.Context, _param: click.Parameter, value: Path | None) -> None:
    if value is not None:
        ctx.obj = _settings(ctx).with_(data_dir=value)


def output_dir_option(help_text: str) -> Callable[..., Any]:
    """``-o/--output DIR``: the build's folder (its store is DIR/geomap.sqlite)."""
    return click.option(
        "-o",
        "--output",
        "out_dir",
        default=Path("output"),
        show_default=True,
        type=click.Path(file_okay=False, path_type=Path),
        help=help_text,
    )


db_option = click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    help="SQLite store of articles, claims and reviews [default: OUTPUT/geomap.sqlite].",
)


# Users type options after the subcommand ("geomap data fetch --data-dir X"): accept both.
data_dir_option = click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    expose_value=False,
    callback=_set_data_dir,
    help="Where data sets are installed (as `geomap --data-dir DIR ...`).",
)


def _set_theatre(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value is not None:
        ctx.obj = _settings(ctx).with_(theatre=value)


theatre_option = click.option(
    "--theatre",
    metavar="NAME",
    expose_value=False,
    callback=_set_theatre,
    help="The war mapped: its parties, words, boundaries and gazetteer (`geomap theatres` "
    "lists them) [env GEOMAP_THEATRE; default: afghanistan-2021].",
)


def _report_unmatched(unmatched: Sequence[Review]) -> None:
    if unmatched:
        names = "; ".join(f"review {r.id} ({r.claim_text[:60]})" for r in unmatched[:5])
        click.echo(
            f"{counted(len(unmatched), 'review')} no longer "
            f"{'matches' if len(unmatched) == 1 else 'match'} a claim (the article or the "
            f"rules changed): {names}. See `geomap review list --decisions`.",
            err=True,
        )
