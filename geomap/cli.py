"""The ``geomap`` command: thin wrappers over the library, one function call each."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import click

from geomap.cli_build import build, watch
from geomap.cli_common import (
    _report,
    _report_unmatched,
    _settings,
    data_dir_option,
    date_option,
    domain_errors,
    theatre_option,
)
from geomap.cli_review import review
from geomap.extract.articles import any_failed
from geomap.geo import data as data_sets
from geomap.settings import Settings
from geomap.wording import counted


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--data-dir",
    type=click.Path(path_type=Path),
    envvar="GEOMAP_DATA_DIR",
    help="Where data sets are installed [env GEOMAP_DATA_DIR; default: user data folder].",
)
@click.option(
    "--theatre",
    envvar="GEOMAP_THEATRE",
    metavar="NAME",
    help="The war mapped (`geomap theatres` lists them) [env GEOMAP_THEATRE; "
    "default: afghanistan-2021].",
)
@click.option(
    "--boundaries",
    envvar="GEOMAP_BOUNDARIES",
    default=None,
    help="Boundary data set, a manifest name in boundaries/ [default: the theatre's].",
)
@click.version_option(package_name="geomap")
@click.pass_context
def main(
    ctx: click.Context, data_dir: Path | None, theatre: str | None, boundaries: str | None
) -> None:
    """Map who controls which district, from news articles, offline.

    \b
    First time:   geomap data fetch --from ../shared/data   (or without --from, online)
    Then:         geomap build seeds/ -o output/
    See places:   geomap extract seeds/*.txt --format table
    Other wars:   geomap build articles/ --theatre ukraine-2022 -o out/
    """
    ctx.obj = Settings().with_(data_dir=data_dir, theatre=theatre, boundaries=boundaries)


@main.command()
@data_dir_option
@click.pass_context
@domain_errors
def theatres(ctx: click.Context) -> None:
    """List the installed theatres (wars geomap can map) and what each reads.

    Add one by copying a theatre file into DATA_DIR/theatres/ (README, "Adding a theatre").

    \b
    Example:
      geomap theatres
      geomap build articles/ --theatre ukraine-2022 -o out/
    """
    from geomap.theatre import theatres as installed

    settings = _settings(ctx)
    for theatre in installed(settings).values():
        mark = "*" if theatre.id == settings.theatre else " "
        parties = " vs ".join(p.label for p in theatre.parties)
        click.echo(
            f"{mark} {theatre.id:<20} {theatre.country_name:<12} {parties:<22} "
            f"{theatre.units} from {theatre.boundaries}"
        )


@main.group()
def data() -> None:
    """Install and inspect the boundary and gazetteer data sets."""


@data.command("fetch")
@click.argument("names", nargs=-1)
@click.option(
    "--from",
    "mirror",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    envvar="GEOMAP_MIRROR",
    help="Copy from a local mirror laid out like shared/data [env GEOMAP_MIRROR].",
)
@click.option("--force", is_flag=True, help="Reinstall even files that are already present.")
@data_dir_option
@click.pass_context
@domain_errors
def data_fetch(
    ctx: click.Context, names: tuple[str, ...], mirror: Path | None, force: bool
) -> None:
    """Download data sets (all by default) and check their SHA-256.

    \b
    Example:
      geomap data fetch                         # from the public sources
      geomap data fetch --from ../shared/data   # air-gapped: from a local mirror
    """
    settings = _settings(ctx)
    written = data_sets.fetch(names or None, mirror=mirror, settings=settings, force=force)
    click.echo(f"{counted(len(written), 'file')} verified in {settings.data_dir}")


@data.command("status")
@data_dir_option
@click.pass_context
@domain_errors
def data_status(ctx: click.Context) -> None:
    """List data sets, whether each is installed, and its licence.

    \b
    Example:
      geomap data status
    """
    for row in data_sets.status(_settings(ctx)):
        mark = "installed" if row["installed"] else "missing  "
        click.echo(f"{mark}  {row['name']:<20} {row['licence']:<34} {row['folder']}")


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "table"]),
    default="json",
    show_default=True,
    help="JSON Lines (one object per article) or a readable table.",
)
@date_option("--date", "published", help="Publication date for articles that lack one.")
@theatre_option
@data_dir_option
@click.pass_context
@domain_errors
def extract(ctx: click.Context, files: tuple[Path, ...], fmt: str, published: date | None) -> None:
    """Find places and control claims in articles.

    Bad files are reported on stderr (one line each) and skipped; the exit status is 1
    when any file failed.

    \b
    Example:
      geomap extract seeds/*.txt --format table
      geomap extract article.txt --date 2021-07-09 > places.jsonl
    """
    from geomap.pipeline import extract_paths
    from geomap.render.report import extraction_table

    results, problems = extract_paths(files, _settings(ctx), published=published)
    for result in results:
        if fmt == "json":
            click.echo(json.dumps(result.to_dict(), ensure_ascii=False))
        else:
            click.echo(extraction_table(result))
    _report(problems)
    if any_failed(problems):
        sys.exit(1)


@main.command()
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the overall figures as JSON.")
@click.option("--errors", is_flag=True, help="List the missed and false places and claims.")
@theatre_option
@data_dir_option
@click.pass_context
@domain_errors
def evaluate(ctx: click.Context, gold_dir: Path, as_json: bool, errors: bool) -> None:
    """Score extraction against gold labels (precision, recall, F1).

    GOLD_DIR holds NAME.txt articles beside NAME.gold.json labels, in the format of
    shared/corpus/README.md; matching follows the rule given there. Only places in the
    theatre's country are scored.

    \b
    Example:
      geomap evaluate ../shared/corpus/dev --errors
      geomap evaluate ../shared/corpus/ukraine-dev --theatre ukraine-2022
    """
    from geomap.extract.evaluate import summary
    from geomap.pipeline import evaluate_dir
    from geomap.render.report import score_table

    scores = evaluate_dir(gold_dir, _settings(ctx))
    if as_json:
        click.echo(json.dumps(summary(scores)))
    else:
        click.echo(score_table(scores, errors))


@main.command()
@click.argument("name")
@click.option("--all", "show_all", is_flag=True, help="Show every meaning, not just the first.")
@click.option("--online", is_flag=True, help="Fall back to OpenStreetMap Nominatim (network).")
@theatre_option
@data_dir_option
@click.pass_context
@domain_errors
def geocode(ctx: click.Context, name: str, show_all: bool, online: bool) -> None:
    """Show how a place name resolves (offline gazetteer, optionally Nominatim).

    \b
    Example:
      geomap geocode "Qala-i-Naw"
      geomap geocode Herat --all
    """
    from geomap.geo.geocoders import geocoder_for

    settings = _settings(ctx).with_(geocoder="gazetteer+nominatim" if online else None)
    found = geocoder_for(settings).geocode(name, exactly_one=not show_all)
    for loc in [found] if found and not show_all else found or []:
        raw = loc.raw
        click.echo(
            f"{raw['name']:<24} {raw['kind']:<16} {raw.get('country') or '':<3} "
            f"{raw.get('district_pcode') or '':<7} {raw.get('province') or '':<14} "
            f"{loc.latitude:.4f},{loc.longitude:.4f}  [{raw['source']}]"
        )
    if not found:
        raise click.ClickException(f"{name!r} is not in the gazetteer")


@main.command()
@click.argument("articles", nargs=-1, required=True, type=click.Path(path_type=Path))
@date_option("--as-of", "as_of", help="Assess control as it stood on this date [default: latest].")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
)
@click.option("--all", "show_all", is_flag=True, help="Also list districts with no reports.")
@click.option(
    "--db",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Apply the analyst reviews kept in this store (see `geomap review`).",
)
@click.option(
    "--window",
    type=click.IntRange(0, 365),
    default=None,
    help="Days within which opposing claims make a place contested [default: 14].",
)
@theatre_option
@data_dir_option
@click.pass_context
@domain_errors
def assess(
    ctx: click.Context,
    articles: tuple[Path, ...],
    as_of: date | None,
    fmt: str,
    show_all: bool,
    db: Path | None,
    window: int | None,
) -> None:
    """Decide who controls each district, with the evidence behind it.

    ARTICLES may be files or folders. Rules: README, "How control is decided". With
    --format json: one object per district, then one {"national_claim": …} per claim about
    the whole country ("85 per cent"), beside what the districts' evidence supports.

    \b
    Example:
      geomap assess seeds/
      geomap assess seeds/ --as-of 2021-07-09 --format csv > status.csv
      geomap assess seeds/ --db output/geomap.sqlite     # with the analysts' reviews
    """
    from geomap.pipeline import assess_extractions, extract_paths, national_claims_beside
    from geomap.render.report import status_rows

    settings = _settings(ctx).with_(contested_window_days=window)
    results, problems = extract_paths(articles, settings, directories=True)
    if db is not None:
        from geomap.review import apply_reviews
        from geomap.store.database import open_store
        from geomap.store.reviews import load_reviews

        with open_store(db) as store:
            results, unmatched = apply_reviews(results, load_reviews(store))
        _report_unmatched(unmatched)
    statuses = assess_extractions(results, as_of, settings)
    click.echo(status_rows(statuses, fmt, show_all))
    if fmt == "json":
        for claim in national_claims_beside(results, statuses, as_of, settings):
            click.echo(json.dumps({"national_claim": claim}, default=str, ensure_ascii=False))
    _report(problems)


main.add_command(build)
main.add_command(watch)
main.add_command(review)


if __name__ == "__main__":
    main()
