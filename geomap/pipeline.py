"""The reading stages tied together: article → places → claims, and scoring against gold."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from geomap.control import assess
from geomap.errors import ArticleError
from geomap.extract.articles import ArticleProblem, read_article_file, read_articles
from geomap.extract.claims import claims_from_article
from geomap.extract.evaluate import ArticleScore, load_gold, score_article
from geomap.extract.lexicon import Lexicon, load_lexicon
from geomap.extract.places import places_from_article
from geomap.geo.gazetteer import Gazetteer, load_gazetteer
from geomap.records import Article, DistrictStatus, Extraction
from geomap.settings import Settings, default_settings
from geomap.syndication import syndication_groups
from geomap.theatre import load_theatre


def extract_article(
    article: Article, gazetteer: Gazetteer, lexicon: Lexicon | None = None
) -> Extraction:
    """Places, claims and aggregate claims of one article (``lexicon``: the theatre's words)."""
    places = places_from_article(article, gazetteer)
    claims, aggregates = claims_from_article(article, places, lexicon)
    return Extraction(article, tuple(places), tuple(claims), tuple(aggregates))


def extract_safely(article: Article, reader: tuple[Gazetteer, Lexicon]) -> Extraction | str:
    """An extraction, or why it failed: one article's failure never stops the others."""
    try:
        return extract_article(article, *reader)
    except Exception as err:  # reported per article, never raised
        return f"extraction failed ({type(err).__name__}: {err}); please report"


def extract_articles(
    articles: Iterable[Article], settings: Settings | None = None
) -> Iterator[Extraction]:
    """Extract every article with the configured theatre's gazetteer and words."""
    settings = settings or default_settings()
    gazetteer, lexicon = load_reader(settings)
    for article in articles:
        yield extract_article(article, gazetteer, lexicon)


def extract_paths(
    paths: Iterable[str | Path],
    settings: Settings | None = None,
    directories: bool = False,
    published: date | None = None,
) -> tuple[list[Extraction], list[ArticleProblem]]:
    """Read and extract files; bad files are returned as problems, the rest processed."""
    articles, problems = read_articles(paths, directories=directories, published=published)
    return list(extract_articles(articles, settings)), problems


def load_reader(settings: Settings) -> tuple[Gazetteer, Lexicon]:
    """The theatre's gazetteer and word tables: what extraction needs, loaded once."""
    return load_gazetteer(settings), load_lexicon(load_theatre(settings=settings))


def evaluate_dir(gold_dir: str | Path, settings: Settings | None = None) -> list[ArticleScore]:
    """Extract each gold article in a folder and score it (the theatre's places only)."""
    settings = settings or default_settings()
    gazetteer, lexicon = load_reader(settings)
    scores = []
    for stem, text_path, labels in load_gold(Path(gold_dir)):
        try:
            articles, _bad = read_article_file(text_path)
        except ArticleError:
            articles = []
        prediction = extract_article(articles[0], gazetteer, lexicon).to_dict() if articles else {}
        scores.append(score_article(stem, labels, prediction, gazetteer.country))
    return scores


def units_for(settings: Settings | None = None) -> dict[str, tuple[str, str | None]]:
    """Every district (and province) P-code with its name and province, for assessment."""
    from geomap.geo.boundaries import load_boundaries

    bounds = load_boundaries(settings or default_settings())
    units = {r.pcode: (r.name, r.province) for r in bounds.districts.itertuples()}
    return units


def assess_extractions(
    results: Sequence[Extraction],
    as_of: date | None = None,
    settings: Settings | None = None,
    groups: Mapping[str, str] | None = None,
) -> list[DistrictStatus]:
    """District statuses from extracted articles (every district listed).

    ``groups`` (article id → source group) comes from the store; without it the groups are
    worked out from the articles' texts.
    """
    settings = settings or default_settings()
    claims = [c for r in results for c in r.claims]
    if groups is None:
        groups = syndication_groups(r.article for r in results)
    theatre = load_theatre(settings=settings)
    window = settings.contested_window_days
    return assess(claims, as_of, window, units_for(settings), groups, theatre)


def national_claims_beside(
    results: Sequence[Extraction],
    statuses: Sequence[DistrictStatus],
    as_of: date | None = None,
    settings: Settings | None = None,
) -> list[dict[str, Any]]:
    """Claims about the whole country ("85 per cent"), grouped, each beside the evidence."""
    from collections import Counter

    from geomap.changes import national_claims

    settings = settings or default_settings()
    districts = set(units_for(settings))
    now = Counter(s.status for s in statuses if s.pcode in districts)
    day = as_of or max((c.as_of for r in results for c in r.claims if c.as_of), default=None)
    aggregates = (a for r in results for a in r.aggregate_claims)
    return national_claims(aggregates, now, day, load_theatre(settings=settings))
