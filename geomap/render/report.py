"""Plain-text tables for the terminal."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

from geomap.extract.evaluate import ArticleScore, summary
from geomap.records import DISTRICT_COLUMNS, NO_REPORTS, DistrictStatus, Extraction


def extraction_table(result: Extraction) -> str:
    """One article's places and claims as aligned text."""
    art = result.article
    lines = [
        f"== {art.path}  ({art.title or 'untitled'}; published "
        f"{art.published.isoformat() if art.published else 'unknown'})"
    ]
    lines.append(f"{'mention':<26}{'name':<22}{'kind':<16}{'country':<8}{'district':<24}province")
    for p in result.places:
        district = f"{p.district or ''} {p.district_pcode or ''}".strip()
        lines.append(
            f"{p.mention[:25]:<26}{p.name[:21]:<22}{p.kind:<16}{p.country or '':<8}"
            f"{district[:23]:<24}{p.province or ''}"
        )
    for c in result.claims:
        when = c.as_of.isoformat() if c.as_of else "undated"
        lines.append(
            f"  claim: {c.place.name} = {c.status} (by {c.claimed_by}, {when}, "
            f"conf {c.confidence:.2f}): {c.evidence[:90]}"
        )
    for a in result.aggregate_claims:
        lines.append(f"  aggregate: {a.text} (by {a.claimed_by})")
    return "\n".join(lines)


def score_table(scores: Sequence[ArticleScore], errors: bool = False) -> str:
    """Per-article and overall precision, recall and F1."""
    lines = [f"{'article':<44}{'places P/R/F1':>22}{'claims P/R/F1':>22}"]
    for s in scores:
        pl, cl = s.places, s.claims
        lines.append(
            f"{s.name[:43]:<44}{pl.precision:>8.2f}{pl.recall:>7.2f}{pl.f1:>7.2f}"
            f"{cl.precision:>8.2f}{cl.recall:>7.2f}{cl.f1:>7.2f}"
        )
        if errors:
            for label, items in (
                ("missed places", s.missed_places),
                ("false places", s.false_places),
                ("missed claims", s.missed_claims),
                ("false claims", s.false_claims),
            ):
                if items:
                    lines.append(f"    {label}: {', '.join(items)}")
    total = summary(scores)
    pl, cl = total["places"], total["claims"]
    lines.append(
        f"{'overall':<44}{pl['precision']:>8.2f}{pl['recall']:>7.2f}{pl['f1']:>7.2f}"
        f"{cl['precision']:>8.2f}{cl['recall']:>7.2f}{cl['f1']:>7.2f}"
    )
    return "\n".join(lines)


def status_rows(
    statuses: Sequence[DistrictStatus], fmt: str = "table", show_all: bool = False
) -> str:
    """District statuses as a table, CSV or JSON (one row per district)."""
    rows = [s.to_dict() for s in statuses if show_all or s.status != NO_REPORTS]
    if fmt == "json":
        return "\n".join(json.dumps(r, ensure_ascii=False) for r in rows)
    if fmt == "csv":
        out = io.StringIO()
        fields = ["pcode", "name", "province", *DISTRICT_COLUMNS, "evidence"]
        writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        for r in rows:
            writer.writerow(dict(r, evidence=" | ".join(r["evidence"])))
        return out.getvalue().rstrip("\n")
    lines = [
        f"{'pcode':<8}{'district':<20}{'province':<14}{'status':<17}{'conf':>5}"
        f"{'claims':>7}{'sources':>8}  {'latest':<11}evidence"
    ]
    for r in rows:
        first = r["evidence"][0][:70] if r["evidence"] else ""
        lines.append(
            f"{r['pcode']:<8}{(r['name'] or '')[:19]:<20}{(r['province'] or '')[:13]:<14}"
            f"{r['status']:<17}{r['confidence']:>5.2f}{r['claims']:>7}{r['sources']:>8}"
            f"  {r['latest'] or 'undated':<11}{first}"
        )
    return "\n".join(lines)
