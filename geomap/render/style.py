"""Colours and labels shared by the HTML map, the static map and the legend.

The palette is safe for the common forms of colour blindness: red and blue differ for
every viewer, contested yellow differs from both by lightness, and claimed-not-confirmed is
hatched as well as lighter, so it never relies on hue alone.
"""

from __future__ import annotations

STATUS_COLOURS = {
    "taliban": "#b2182b",
    "taliban-claimed": "#f4a582",
    "contested": "#fdd835",
    "government": "#2166ac",
    "no-reports": "#e6e6e6",
}
STATUS_LABELS = {
    "taliban": "Taliban (reported)",
    "taliban-claimed": "Taliban claim, not confirmed",
    "contested": "Contested",
    "government": "Government",
    "no-reports": "No reports",
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
