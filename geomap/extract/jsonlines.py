"""JSON Lines input: one article per line, read as a stream, a batch of rows at a time.

A feed or an archive export can hold hundreds of thousands of articles in one file: it is
never read whole, only a line's size is limited, and a bad line is reported by its number
while the others are kept.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from geomap.errors import ArticleError
from geomap.extract.articles import (
    MAX_BYTES,
    ArticleProblem,
    article_from_text,
    check_file,
    decode,
)
from geomap.extract.dates import parse_date
from geomap.records import Article

BATCH_ROWS = 500  # articles handed on at a time: memory stays flat on any file size


def jsonl_batches(
    path: Path, rows: int = BATCH_ROWS
) -> Iterator[tuple[list[Article], list[ArticleProblem]]]:
    """The file's articles and bad lines, ``rows`` lines at a time."""
    check_file(path)
    articles: list[Article] = []
    problems: list[ArticleProblem] = []
    found_any = False
    try:
        with path.open("rb") as fh:
            for number, raw in enumerate(fh, start=1):
                if not raw.strip():
                    continue
                found_any = True
                article, problem = _row_article(path, number, raw)
                if problem:
                    problems.append(ArticleProblem(str(path), f"line {number}: {problem}"))
                elif article is not None:
                    articles.append(article)
                if len(articles) >= rows:
                    yield articles, problems
                    articles, problems = [], []
    except OSError as err:
        msg = f"cannot read ({err.strerror})"
        raise ArticleError(msg) from err
    if not found_any:
        problems.append(ArticleProblem(str(path), "no articles in this JSON Lines file"))
    if articles or problems:
        yield articles, problems


def _row_article(path: Path, number: int, raw: bytes) -> tuple[Article | None, str | None]:
    if len(raw) > MAX_BYTES:
        return None, f"too large ({len(raw) / 1e6:.0f} MB; over {MAX_BYTES // 2**20} MiB)"
    line, warnings = decode(raw)
    row, problem = _jsonl_row(line)
    if problem:
        return None, problem
    published = row.get("published")
    article = article_from_text(
        row["text"],
        f"{path}:{number}",
        title=row.get("title"),
        outlet=row.get("outlet"),
        url=row.get("url"),
        published=parse_date(published) if isinstance(published, str) else None,
        warnings=warnings,
    )
    return article, None


def _jsonl_row(line: str) -> tuple[dict[str, Any], str | None]:
    """One JSON Lines row as an article object, or the reason it is not one."""
    try:
        row = json.loads(line)
    except ValueError as err:
        return {}, f"not valid JSON ({err})"
    if not isinstance(row, dict):
        return {}, f"not a JSON object (a {type(row).__name__})"
    if "text" not in row:
        fields = ", ".join(sorted(map(str, row))) or "none"
        return row, f"no 'text' field (fields: {fields})"
    if not isinstance(row["text"], str) or not row["text"].strip():
        return row, "field 'text' is empty or not a string"
    return row, None
