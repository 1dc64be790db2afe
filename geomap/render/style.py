"""Colours and labels shared by the HTML map, the static map and the legend.

The palette is safe for the common forms of colour blindness: red and blue differ for
every viewer, contested yellow differs from both by lightness, and claimed-not-confirmed is
hatched as well as lighter, so it never relies on hue alone.
"""

from __future__ import annotations

CLAIMED_FILL = "#fbe0d0"  # the light stripe of the hatched "claimed, not confirmed" fill
# Status colours and labels come from the theatre (``Theatre.colours``, ``Theatre.labels``).
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
