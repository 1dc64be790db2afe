"""Colours and labels shared by the HTML map, the static map and the legend.

The palette is safe for the common forms of colour blindness: red and blue differ for
every viewer, contested yellow differs from both by lightness, and claimed-not-confirmed is
hatched as well as lighter, so it never relies on hue alone.
"""

from __future__ import annotations

from geomap.records import CONTESTED, NO_REPORTS, TALIBAN_CLAIMED

STATUS_COLOURS = {
    "taliban": "#b2182b",
    TALIBAN_CLAIMED: "#f4a582",
    CONTESTED: "#fdd835",
    "government": "#2166ac",
    NO_REPORTS: "#e6e6e6",
}
STATUS_LABELS = {
    "taliban": "Taliban (reported)",
    TALIBAN_CLAIMED: "Taliban claim, not confirmed",
    CONTESTED: "Contested",
    "government": "Government",
    NO_REPORTS: "No reports",
}
CLAIMANT_LABELS = {
    "taliban": "Taliban claims",
    "government": "Government claims",
    "third-party": "Third-party claims",
    "reporter": "Reporters' accounts",
}
# A symbol per place kind for markers (drawn with system fonts; no icon font needed).
KIND_SYMBOLS = {
    "border-crossing": "⇄",
    "base": "✈",
    "site": "◆",
    "city": "■",
    "district": "●",
    "province": "▲",
    "village": "•",
}
HATCH_ID = "gm-hatch"
