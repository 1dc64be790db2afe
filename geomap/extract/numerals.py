"""Numbers as news writes them: digits or words ("two days ago", "nine of 17 districts")."""

from __future__ import annotations

NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}


def number(text: str | None) -> int | None:
    """ "12", "1,200", "twelve" as an int; "a"/"an" as one; None for anything else."""
    if not text:
        return None
    text = text.lower().replace(",", "")
    if text in ("a", "an"):
        return 1
    return int(text) if text.isdigit() else NUMBER_WORDS.get(text)
