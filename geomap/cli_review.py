"""``geomap review``: an analyst's decisions about claims, kept in the store (thin wrappers)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import click

from geomap.cli_common import (
    _settings,
    data_dir_option,
    date_option,
    db_option,
    domain_errors,
    output_dir_option,
)
from geomap.errors import StoreError
from geomap.records import Review
from geomap.store.database import Store

STORE_WAIT_S = 30.0  # a build holding the store finishes first; no decision is lost


def store_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """``-o/--output`` and ``--db`` find the store as ``geomap build`` does; ``--by``."""
    options = [
        output_dir_option("The build's output folder (its store is OUTPUT/geomap.sqlite)."),
        db_option,
        data_dir_option,
    ]
    for option in reversed(options):
        func = option(func)
    return func


@contextmanager
def _store(out_dir: Path, db: Path | None) -> Iterator[Store]:
    from geomap.store.database import open_store

    path = db or out_dir / "geomap.sqlite"
    if not path.is_file():
        msg = f"no store at {path}: run `geomap build ARTICLES -o {out_dir}` first, or give --db"
        raise StoreError(msg)
    with open_store(path, STORE_WAIT_S) as store:
        yield store


def _by_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--by", help="Who decides [default: your user name].")(func)


def _said(review: Review) -> None:
    target = review.claim_id or (review.place.name if review.place else "?")
    click.echo(
        f"review {review.id}: {review.action} {target} (to take it back: review undo {review.id})"
    )


@click.group()
def review() -> None:
    """Reject, confirm or correct claims, or set a district's status; kept across rebuilds.

    Every decision is stored with who made it, when and why, and applied by every later
    `geomap build` (and `assess --db`). Claim ids are shown by `review list`, in the map's
    popups and in claims.csv.
    """


@review.command("list")
@store_options
@click.option("--district", "pcode", metavar="PCODE", help="Only claims on this district.")
@click.option("--status", help="Only claims of this status (taliban, contested, government …).")
@click.option("--unreviewed", is_flag=True, help="Only claims nobody has reviewed.")
@click.option("--decisions", is_flag=True, help="List the reviews themselves (with their ids).")
@click.pass_context
@domain_errors
def review_list(
    ctx: click.Context,
    out_dir: Path,
    db: Path | None,
    pcode: str | None,
    status: str | None,
    unreviewed: bool,
    decisions: bool,
) -> None:
    """List claims: id, district, status, claimant, date, outlet and sentence.

    \b
    Example:
      geomap review list -o output/ --district AF3213
      geomap review list -o output/ --decisions
    """
    from geomap.control import unit_of
    from geomap.review import apply_reviews
    from geomap.store.reviews import load_reviews

    with _store(out_dir, db) as store:
        reviews = load_reviews(store)
        if decisions:
            for r in reviews:
                row = r.to_dict()
                mark = " (undone)" if r.undone else ""
                click.echo(
                    f"{r.id:>4}  {r.at}  {r.by:<10} {r.action:<8} "
                    f"{row['claim_id'] or row['pcode'] or '':<12} {r.status or '':<10} "
                    f"{r.note}{mark}"
                )
            return
        reviewed, _unmatched = apply_reviews(store.extractions(), reviews)
    for extraction in reviewed:
        outlet = extraction.article.outlet or Path(extraction.article.path).name
        for c in extraction.claims:
            if (pcode and unit_of(c) != pcode) or (status and c.status != status):
                continue
            if unreviewed and c.review:
                continue
            when = c.as_of.isoformat() if c.as_of else "undated"
            mark = f" [{c.review}]" if c.review else ""
            click.echo(
                f"{c.id}  {unit_of(c) or '-':<7} {c.place.name[:18]:<18} {c.status:<10} "
                f"{c.claimed_by:<11} {when:<10} {outlet[:20]:<20} {c.evidence[:90]}{mark}"
            )


def _decide(
    action: str, claim_id: str, out_dir: Path, db: Path | None, by: str | None, note: str
) -> None:
    from geomap.review import review_claim

    with _store(out_dir, db) as store:
        _said(review_claim(store, action, claim_id, note, by))


@review.command("reject")
@click.argument("claim_id")
@store_options
@_by_option
@click.option("--note", default="", help="Why (shown in the popup and kept with the review).")
@domain_errors
def review_reject(claim_id: str, out_dir: Path, db: Path | None, by: str | None, note: str) -> None:
    """Reject a claim: it no longer counts (the popup shows it struck through).

    \b
    Example:
      geomap review reject 3f2a9c0b1d4e -o output/ --note "the town, not the district"
    """
    _decide("reject", claim_id, out_dir, db, by, note)


@review.command("confirm")
@click.argument("claim_id")
@store_options
@_by_option
@click.option("--note", default="", help="How it was confirmed.")
@domain_errors
def review_confirm(
    claim_id: str, out_dir: Path, db: Path | None, by: str | None, note: str
) -> None:
    """Confirm a claim: a confirmed Taliban claim is no longer "claimed, not confirmed".

    \b
    Example:
      geomap review confirm 3f2a9c0b1d4e -o output/ --note "local source by phone"
    """
    _decide("confirm", claim_id, out_dir, db, by, note)


@review.command("correct")
@click.argument("claim_id")
@store_options
@_by_option
@click.option("--status", help="The right status (one of the theatre's: taliban, contested …).")
@click.option("--place", "place_name", metavar="NAME_OR_PCODE", help="The right place.")
@date_option("--date", "as_of", help="The right date.")
@click.option("--note", default="", help="Why.")
@click.pass_context
@domain_errors
def review_correct(
    ctx: click.Context,
    claim_id: str,
    out_dir: Path,
    db: Path | None,
    by: str | None,
    status: str | None,
    place_name: str | None,
    as_of: date | None,
    note: str,
) -> None:
    """Correct a claim's status, place or date; the corrected claim counts instead.

    \b
    Example:
      geomap review correct 3f2a9c0b1d4e --status contested -o output/ --note "fighting, not a fall"
      geomap review correct 3f2a9c0b1d4e --place AF3213 -o output/
    """
    from geomap.review import resolve_place, review_claim

    place = resolve_place(place_name, _settings(ctx)) if place_name else None
    with _store(out_dir, db) as store:
        _said(review_claim(store, "correct", claim_id, note, by, status, place, as_of))


@review.command("set")
@click.argument("pcode")
@click.argument("status")
@store_options
@_by_option
@date_option("--as-of", "as_of", required=True, help="From when the assessment holds.")
@click.option("--note", required=True, help="The evidence (it is shown as the claim's sentence).")
@click.pass_context
@domain_errors
def review_set(
    ctx: click.Context,
    pcode: str,
    status: str,
    out_dir: Path,
    db: Path | None,
    by: str | None,
    as_of: date,
    note: str,
) -> None:
    """Set a district's status from a date on: evidence from source "analyst".

    \b
    Example:
      geomap review set AF2704 government --as-of 2021-07-20 --note "ANA convoy seen" -o output/
    """
    from geomap.review import district_place, set_status

    place = district_place(pcode.upper(), _settings(ctx))
    with _store(out_dir, db) as store:
        _said(set_status(store, place, status, as_of, note, by))


@review.command("undo")
@click.argument("review_id", type=int)
@store_options
@click.pass_context
@domain_errors
def review_undo(ctx: click.Context, review_id: int, out_dir: Path, db: Path | None) -> None:
    """Undo a review (it stays in the store, marked undone).

    \b
    Example:
      geomap review undo 3 -o output/
    """
    from geomap.review import undo

    with _store(out_dir, db) as store:
        done = undo(store, review_id)
    click.echo(f"review {done.id} undone")


@review.command("export")
@click.argument("csv_path", type=click.Path(dir_okay=False, path_type=Path))
@store_options
@click.pass_context
@domain_errors
def review_export(ctx: click.Context, csv_path: Path, out_dir: Path, db: Path | None) -> None:
    """Write the active reviews to a CSV (to keep in version control, or share).

    \b
    Example:
      geomap review export corrections.csv -o output/
    """
    from geomap.review import export_csv

    with _store(out_dir, db) as store:
        n = export_csv(store, csv_path)
    click.echo(f"{n} reviews written to {csv_path}")


@review.command("import")
@click.argument("csv_path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@store_options
@click.pass_context
@domain_errors
def review_import(ctx: click.Context, csv_path: Path, out_dir: Path, db: Path | None) -> None:
    """Add the reviews in a CSV written by `review export` (those already here are skipped).

    \b
    Example:
      geomap review import corrections.csv -o output/
    """
    from geomap.review import import_csv

    with _store(out_dir, db) as store:
        n = import_csv(store, csv_path, _settings(ctx))
    click.echo(f"{n} new reviews from {csv_path}; run `geomap build` to redraw the map")
