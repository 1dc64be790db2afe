"""Helpers for the phenomenon classes of shared/corpus/PHENOMENA.md (sentences invented here)."""

from datetime import date

import pytest

from geomap.extract.articles import article_from_text
from geomap.pipeline import extract_article


@pytest.fixture(scope="session")
def said(gazetteer):
    """(first word of the place, status, who claims it) for each claim of a sentence."""

    def read(text: str) -> set[tuple[str, str, str]]:
        article = article_from_text(text, published=date(2021, 7, 9))
        return {
            (c.place.mention.split()[0], c.status, c.claimed_by)
            for c in extract_article(article, gazetteer).claims
        }

    return read


@pytest.fixture(scope="session")
def claims_of(gazetteer):
    def read(text: str) -> set[tuple[str, str]]:
        article = article_from_text(text, published=date(2021, 7, 9))
        return {
            (c.place.mention.split()[0], c.status)
            for c in extract_article(article, gazetteer).claims
        }

    return read
