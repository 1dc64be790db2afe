"""Claims: who says which status holds at which place, and when."""

from __future__ import annotations

from collections.abc import Sequence

from .records import AggregateClaim, Article, Claim, Place


def claims_from_article(article: Article, places: Sequence[Place]
                        ) -> tuple[list[Claim], list[AggregateClaim]]:
    """Claims and aggregate claims in one article."""
    return [], []
