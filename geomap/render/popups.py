"""Popup HTML for districts, provinces and places: the claims behind a colour, escaped."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import jinja2

from geomap.records import (
    ANALYST,
    CONFIRMED,
    CORRECTED,
    NO_REPORTS,
    REJECTED,
    REPORTER,
    THIRD_PARTY,
    Claim,
    DistrictStatus,
)
from geomap.render.parts import js_literal_safe
from geomap.wording import counted

POPUP_CLAIMS = 10  # the newest claims in a popup; the rest are in the exports


REVIEW_MARKS = {
    REJECTED: "✗ rejected on review",
    CONFIRMED: "✓ confirmed on review",
    CORRECTED: "✎ corrected on review",
    ANALYST: "✓ analyst's assessment",
}


# Among claims of one date, the parties' own first, then third parties, then reporters.
_CLAIMANT_ORDER = {THIRD_PARTY: 2, REPORTER: 1, ANALYST: 0}
Labels = Mapping[str, str]  # map status → legend label (``Theatre.labels``)


def _item(
    claim: Claim, sources: Mapping[str, str], labels: Labels, note: str = ""
) -> dict[str, Any]:
    """What the template shows of one claim: the sentence, who claims it, where and when."""
    when = claim.as_of.isoformat() if claim.as_of else "undated"
    if claim.as_of and claim.as_of_precision == "month":
        when = claim.as_of.strftime("%Y-%m")
    mark = REVIEW_MARKS.get(claim.review or "", "")
    if mark and claim.review_note:
        mark += f": {claim.review_note}"
    return {
        "dated": claim.as_of.isoformat() if claim.as_of else "",
        "rejected": claim.review == REJECTED,
        "evidence": claim.evidence,
        "meta": (
            f"{labels.get(claim.status, claim.status)} · claimed by {claim.claimed_by}"
            f"{' (hedged)' if claim.hedged else ''} · {sources.get(claim.article_id, '?')} · "
            f"{when} · about {claim.place.name}{note} · id {claim.id}"
        ),
        "mark": mark,
        "review": claim.review,
    }


def _items(
    claims: Sequence[Claim], sources: Mapping[str, str], labels: Labels
) -> tuple[list[dict[str, Any]], int]:
    """Claims newest first, the same sentence from several copies once; and how many more."""
    groups: dict[tuple[Any, ...], list[Claim]] = {}
    newest = sorted(
        claims,
        reverse=True,
        key=lambda c: (c.as_of or date.min, _CLAIMANT_ORDER.get(c.claimed_by, 3), c.confidence),
    )
    for c in newest:
        groups.setdefault((c.evidence, c.status, c.claimed_by), []).append(c)
    shown = _spread_over_dates(list(groups.values()))
    items = [
        _item(
            same[0],
            sources,
            labels,
            f" · and {counted(len(same) - 1, 'more article')}" if len(same) > 1 else "",
        )
        for same in shown
    ]
    return items, len(groups) - len(shown)


def _spread_over_dates(groups: list[list[Claim]]) -> list[list[Claim]]:
    """At most ``POPUP_CLAIMS`` claim groups (newest first), the newest of each date first:
    moved back in time, the slider still finds a sentence from those days in the popup."""
    if len(groups) <= POPUP_CLAIMS:
        return groups
    firsts, seen = [], set()
    for i, same in enumerate(groups):
        if same[0].as_of not in seen:
            seen.add(same[0].as_of)
            firsts.append(i)
    rest = [i for i in range(len(groups)) if i not in set(firsts)]
    chosen = sorted((firsts + rest)[:POPUP_CLAIMS])
    return [groups[i] for i in chosen]


def status_html(
    status: DistrictStatus, sources: Mapping[str, str], kind: str, labels: Labels
) -> str:
    """Popup for a district or province: status, why, and every claim behind it."""
    named = status.name.lower().endswith((" province", " oblast", " region"))
    head = f"{status.name}" + (
        f" ({status.province})"
        if status.province and kind == "district"
        else " province"
        if kind == "province" and not named  # "Kyiv Oblast" says what it is
        else ""
    )
    if status.status == NO_REPORTS and not status.claims:
        return _render("status", head, kind, status.pcode, None, "", "", [], 0)
    details = (
        f"confidence {status.confidence:.2f} · {counted(len(status.claims), 'claim')} from "
        f"{counted(status.sources, 'independent source')}"
    )
    items, older = _items(status.claims, sources, labels)
    label = labels[status.status]
    return _render("status", head, kind, status.pcode, label, details, status.reason, items, older)


def place_html(
    name: str,
    line: str,
    claims: Sequence[Claim],
    sources: Mapping[str, str],
    labels: Labels,
    now: str = "",
) -> str:
    """Popup for a place marker: its name, a line about it, the claims about it, and
    (``now``) its own status on the map's date, hidden when the slider goes back."""
    items, older = _items(claims, sources, labels)
    return _render("place", name, line, items, older, now)


def list_html(claims: Sequence[Claim], sources: Mapping[str, str], labels: Labels) -> str:
    """Popup with claims only (the claimant layers)."""
    items, older = _items(claims, sources, labels)
    return _render("list", items, older)


_TEMPLATES = jinja2.Environment(
    loader=jinja2.PackageLoader("geomap.render", "templates"), autoescape=True
)


def _render(macro: str, *args: Any) -> str:
    """A macro of ``popups.html``, escaped by Jinja; then safe inside a JS template literal
    too (folium puts marker popups in one): no backtick, dollar or backslash survives."""
    module = _TEMPLATES.get_template("popups.html").module
    return js_literal_safe(str(getattr(module, macro)(*args)))
