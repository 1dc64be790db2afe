"""Bringing the store's unit views up to date before the map is drawn.

Without reviews, a build computes again the views of the units that new, changed or
regrouped articles touch, a few dozen units at a time from the store, so memory stays
flat at any size; a first build computes every unit's view the same way. An active review
may move a claim from one unit to another, so with reviews every view is computed at once
from every reviewed claim.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from geomap.control import assess
from geomap.pipeline import assess_extractions, units_for
from geomap.records import Extraction, Review
from geomap.render.views import VIEWS_VERSION, UnitView, unit_views
from geomap.review import apply_reviews
from geomap.settings import Settings
from geomap.store.database import Store
from geomap.theatre import load_theatre
from geomap.wording import counted

UNITS_AT_ONCE = 40  # units whose claims are loaded together


@dataclass(frozen=True)
class Views:
    """The up-to-date views and what the build needs to know about them."""

    views: dict[str, UnitView]
    key: str  # what they were computed under: extractor, date, window, theatre, reviews
    day: date | None  # the map's date: the one asked for, else the latest claim's
    recomputed: list[str] | None  # units computed again (None: every unit)
    reviewed: list[Extraction] | None  # every extraction, reviewed (only under reviews)
    unmatched: list[Review]  # reviews whose claims are gone


def update_views(
    store: Store,
    settings: Settings,
    extractor: str,
    reviews: Sequence[Review] = (),
    as_of: date | None = None,
    progress: Callable[[str], None] | None = None,
) -> Views:
    """Compute the views the store lacks or holds out of date, keep them, return them all."""
    say = progress or (lambda _m: None)
    theatre = load_theatre(settings=settings)
    window = settings.contested_window_days
    groups = store.groups()
    active = [r.id for r in reviews if not r.undone]
    # Views made under reviews are all made again once the reviews change (or are undone).
    key = f"v{VIEWS_VERSION}|{extractor}|{as_of}|{window}|{theatre.id}|{active}"
    if active:
        say(f"assessing every {theatre.units.rstrip('s')} (reviews apply)")
        reviewed, unmatched = apply_reviews(store.extractions(), reviews)
        day = as_of or max((c.as_of for r in reviewed for c in r.claims if c.as_of), default=None)
        statuses = assess_extractions(reviewed, as_of, settings, groups)
        fresh = unit_views(reviewed, statuses, day, window, groups, theatre)
        store.save_views(key, {u: v.to_json() for u, v in fresh.items()}, None)
        return Views(_stored(store), key, day, None, reviewed, unmatched)
    touched = store.touched_units(key)
    names = units_for(settings)
    wanted = sorted(touched if touched is not None else store.units() | set(names))
    if touched is None:
        say(f"assessing every {theatre.units.rstrip('s')}")
    else:
        districts = sum(1 for u in wanted if u in names)
        others = sum(1 for u in wanted if u and u not in names)
        say(
            f"assessing again only what changed: {counted(districts, theatre.units.rstrip('s'))}"
            + (f" and {counted(others, theatre.provinces.rstrip('s'))}" if others else "")
        )
    day = as_of or store.latest_claim_day()
    fresh = {}
    headers = store.article_headers() if len(wanted) > UNITS_AT_ONCE else None
    for start in range(0, len(wanted), UNITS_AT_ONCE):
        chunk = wanted[start : start + UNITS_AT_ONCE]
        part = store.extractions_in(chunk, headers)
        found = assess(
            [c for r in part for c in r.claims],
            as_of,
            window,
            {p: names[p] for p in chunk if p in names},
            groups,
            theatre,
        )
        fresh.update(unit_views(part, found, day, window, groups, theatre, only=chunk))
    store.save_views(key, {u: v.to_json() for u, v in fresh.items()}, touched)
    return Views(_stored(store), key, day, wanted if touched is not None else None, None, [])


def _stored(store: Store) -> dict[str, UnitView]:
    return {u: UnitView.from_json(text) for u, text in store.views().items()}
