"""Popup HTML for districts, provinces and places: the claims behind a colour, escaped."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from geomap.records import (
    ANALYST,
    CONFIRMED,
    CORRECTED,
    NO_REPORTS,
    REJECTED,
    Claim,
    DistrictStatus,
)
from geomap.render.parts import esc
from geomap.render.style import STATUS_LABELS
from geomap.wording import counted

POPUP_CLAIMS = 10  # the newest claims in a popup; the rest are in the exports


REVIEW_MARKS = {
    REJECTED: "✗ rejected on review",
    CONFIRMED: "✓ confirmed on review",
    CORRECTED: "✎ corrected on review",
    ANALYST: "✓ analyst's assessment",
}


def claim_html(claim: Claim, sources: Mapping[str, str], note: str = "") -> str:
    """One claim as escaped HTML: the sentence, then who claims it, where and when."""
    when = claim.as_of.isoformat() if claim.as_of else "undated"
    if claim.as_of and claim.as_of_precision == "month":
        when = claim.as_of.strftime("%Y-%m")
    meta = (
        f"{STATUS_LABELS.get(claim.status, claim.status)} · claimed by {claim.claimed_by}"
        f"{' (hedged)' if claim.hedged else ''} · {sources.get(claim.article_id, '?')} · "
        f"{when} · about {claim.place.name}{note} · id {claim.id}"
    )
    sentence = f"“{esc(claim.evidence)}”"
    if claim.review == REJECTED:
        sentence = f"<del>{sentence}</del>"
    mark = REVIEW_MARKS.get(claim.review or "", "")
    if mark and claim.review_note:
        mark += f": {claim.review_note}"
    review = f"<div class='gm-review gm-{claim.review}'>{esc(mark)}</div>" if mark else ""
    dated = claim.as_of.isoformat() if claim.as_of else ""
    return f"<li data-date='{dated}'>{sentence}<div class='gm-meta'>{esc(meta)}</div>{review}</li>"


def claims_html(claims: Sequence[Claim], sources: Mapping[str, str]) -> str:
    """Claims as list items, newest first; the same sentence from several copies shown once."""
    groups: dict[tuple[Any, ...], list[Claim]] = {}
    parties = {"taliban": 3, "government": 3, "third-party": 2, "reporter": 1}
    newest = sorted(
        claims,
        reverse=True,
        key=lambda c: (c.as_of or date.min, parties.get(c.claimed_by, 0), c.confidence),
    )
    for c in newest:
        groups.setdefault((c.evidence, c.status, c.claimed_by), []).append(c)
    items = []
    for same in list(groups.values())[:POPUP_CLAIMS]:
        more = f" · and {len(same) - 1} more article(s)" if len(same) > 1 else ""
        items.append(claim_html(same[0], sources, more))
    if len(groups) > POPUP_CLAIMS:
        items.append(
            f"<li>… and {len(groups) - POPUP_CLAIMS} older claims (all are in claims.csv)</li>"
        )
    return "".join(items)


def status_html(status: DistrictStatus, sources: Mapping[str, str], kind: str) -> str:
    """Popup for a district or province: status, why, and every claim behind it."""
    head = f"{status.name}" + (
        f" ({status.province})"
        if status.province and kind == "district"
        else " province"
        if kind == "province"
        else ""
    )
    if status.status == NO_REPORTS and not status.claims:
        return f"<div class='gm-popup'><h3>{esc(head)}</h3>No article reports on this {kind}.</div>"
    body = claims_html(status.claims, sources)
    summary = (
        f"<b class='gm-status' data-assessed='{esc(STATUS_LABELS[status.status])}'>"
        f"{esc(STATUS_LABELS[status.status])}</b>"
        f"<span class='gm-now'> · confidence {status.confidence:.2f} · "
        f"{counted(len(status.claims), 'claim')} from "
        f"{counted(status.sources, 'independent source')}<br><i>{esc(status.reason)}</i></span>"
    )
    return (
        f"<div class='gm-popup' data-pcode='{esc(status.pcode)}'><h3>{esc(head)}</h3>{summary}"
        f"<ol>{body}</ol></div>"
    )
