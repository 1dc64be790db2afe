"""Reading article files into the store: new or changed files only, extraction in parallel.

Files are read in chunks by this process; the articles the store lacks (or holds from an
older extractor) are extracted by a pool of worker processes when there are enough of them
to pay for the pool's start-up; one writer — this process — stores the results, one
transaction per file, so that a crash loses at most the file being written.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geomap.errors import ArticleError, InputError
from geomap.extract.articles import (
    SUFFIXES,
    ArticleProblem,
    expand_paths,
    file_signature,
    read_article_file,
    warnings_of,
)
from geomap.extract.jsonlines import jsonl_batches
from geomap.pipeline import extract_safely, load_reader
from geomap.records import Article, Extraction
from geomap.settings import Settings
from geomap.store.database import Store

if TYPE_CHECKING:
    from geomap.dask_engine import DaskExtractor

CHUNK_FILES = 200  # files read, extracted and stored together (bounds the memory held)
PARALLEL_MIN = 64  # articles to extract before a process pool pays for its start-up
PROGRESS_EVERY = 500  # without a bar (CI, logs), a line every so many articles


def article_files(paths: Iterable[str | Path]) -> list[Path]:
    """The article files named by ``paths``; ``InputError`` (before anything is written)
    when paths are given but hold none, so an empty or mistyped folder never replaces a map.

    No paths at all is allowed: the outputs are drawn again from the store.
    """
    given = [Path(p) for p in paths]
    files = list(expand_paths(given))
    if not given or any(f.is_file() for f in files):
        return files
    kinds = ", ".join(SUFFIXES)
    where = " or ".join(map(str, given))
    missing = [p for p in given if not p.exists()]
    if missing:
        msg = f"{', '.join(map(str, missing))}: no such file or folder; no articles to build"
    else:
        msg = f"no articles ({kinds}) in {where}; the existing outputs are left as they were"
    raise InputError(msg)


def ingest(
    store: Store,
    files: Sequence[Path],
    settings: Settings,
    extractor: str,
    problems: list[ArticleProblem],
    say: Callable[[str], None],
    show_bar: bool = False,
    workers: int | None = None,
    engine: Engine | None = None,
) -> int:
    """Read new or changed files and store their extractions; returns how many extracted.

    ``workers`` processes extract (default: one per core), or the Dask cluster ``engine``
    names. Progress counts articles, not files: one JSON Lines file may hold thousands.
    """
    extracted = 0
    streams = [f for f in files if f.suffix.lower() == ".jsonl"]
    singles = [f for f in files if f.suffix.lower() != ".jsonl"]
    known = store.path_signatures()  # one query, not one per file
    with _Progress(show_bar, say) as progress, extractor_for(settings, workers, engine) as extract:
        for path in streams:
            extracted += _ingest_stream(store, path, extract, extractor, problems, progress)
        for start in range(0, len(singles), CHUNK_FILES):
            read = _read_chunk(known, singles[start : start + CHUNK_FILES], problems)
            batch = [a for _path, _signature, articles in read for a in articles]
            results = _extract_new(store, batch, extract, extractor, problems)
            for path, signature, articles in read:
                with store.conn:  # one transaction per file
                    store.forget_path(str(path))
                    for article in articles:
                        extracted += _store(store, article, results, extract, extractor, problems)
                        progress.advance()
                    store.link_path(str(path), articles[0].sha256, *(signature or (0, 0.0)))
    return extracted


def _ingest_stream(
    store: Store,
    path: Path,
    extract: _Extractor | DaskExtractor,
    extractor: str,
    problems: list[ArticleProblem],
    progress: _Progress,
) -> int:
    """A JSON Lines file of any size, a batch of rows at a time (one transaction each).

    Rows are stored as "FILE:LINE"; a row whose text changed drops its old text, and rows
    gone from the file are forgotten once the whole file was read.
    """
    signature = file_signature(path)
    if signature is not None and store.known_path(str(path), *signature):
        return 0
    before = store.rows_of(str(path))
    seen: set[str] = set()
    extracted = 0
    try:
        for articles, bad in jsonl_batches(path):
            problems += bad
            results = _extract_new(store, articles, extract, extractor, problems)
            with store.conn:
                for article in articles:
                    if before.get(article.path, article.sha256) != article.sha256:
                        store.forget_path(article.path)  # the line holds another text now
                    extracted += _store(store, article, results, extract, extractor, problems)
                    store.link_path(article.path, article.sha256, 0, 0.0)
                    seen.add(article.path)
                    progress.advance()
    except ArticleError as err:
        problems.append(ArticleProblem(str(path), str(err)))
        return extracted
    with store.conn:
        for row in set(before) - seen:
            store.forget_path(row)
        store.link_path(str(path), None, *(signature or (0, 0.0)))
    return extracted


def _extract_new(
    store: Store,
    articles: list[Article],
    extract: _Extractor | DaskExtractor,
    extractor: str,
    problems: list[ArticleProblem],
) -> dict[str, Extraction]:
    """Extractions of the articles the store lacks, holds from an older extractor, or
    holds with other metadata."""
    todo = {
        a.sha256: a
        for a in articles
        if store.extractor_of(a.sha256) != extractor or store.metadata_changed(a)
    }
    return extract.many(list(todo.values()), problems)


def _store(
    store: Store,
    article: Article,
    results: dict[str, Extraction],
    extract: _Extractor | DaskExtractor,
    extractor: str,
    problems: list[ArticleProblem],
) -> bool:
    """Store the article's new extraction; True when one was stored. A text the file's
    re-reading just dropped from the store is extracted again here."""
    problems += warnings_of(article)
    found = results.pop(article.sha256, None)
    if found is None and store.extractor_of(article.sha256) != extractor:
        found = extract.one(article, problems)
    if found is not None:
        store.save(found, extractor)
    return found is not None


def refresh_stale(
    store: Store,
    settings: Settings,
    extractor: str,
    problems: list[ArticleProblem],
    workers: int | None = None,
    engine: Engine | None = None,
) -> int:
    """Extract again, from the stored text, what an older extractor version produced."""
    stale = store.stale(extractor)
    extracted = 0
    if not stale:
        return 0
    with extractor_for(settings, workers, engine) as extract:
        for start in range(0, len(stale), CHUNK_FILES):
            articles = [store.article(sha) for sha in stale[start : start + CHUNK_FILES]]
            with store.conn:
                for found in extract.many(articles, problems).values():
                    store.save(found, extractor)
                    extracted += 1
    return extracted


def _read_chunk(
    known: dict[str, tuple[int, float]], files: Sequence[Path], problems: list[ArticleProblem]
) -> list[tuple[Path, tuple[int, float] | None, list[Article]]]:
    """The files not read before (or changed since: ``known`` signatures), read."""
    read = []
    for path in files:
        signature = file_signature(path)
        if signature is not None and known.get(str(path)) == signature:
            continue
        try:
            articles, bad = read_article_file(path)
        except ArticleError as err:
            problems.append(ArticleProblem(str(path), str(err)))
            continue
        problems += bad
        read.append((path, signature, articles))
    return read


@dataclass(frozen=True)
class Engine:
    """Where extraction runs: ``processes`` (this machine's pool) or ``dask`` (a cluster at
    ``scheduler``, or a local one)."""

    kind: str = "processes"
    scheduler: str | None = None


def extractor_for(
    settings: Settings, workers: int | None, engine: Engine | None
) -> _Extractor | DaskExtractor:
    """The extractor the engine asks for (the Dask one is imported only when asked for)."""
    if engine is not None and engine.kind == "dask":
        from geomap.dask_engine import DaskExtractor

        return DaskExtractor(settings, workers, engine.scheduler)
    return _Extractor(settings, workers)


class _Extractor:
    """Extraction here or in a pool of processes; one failing article never stops the rest."""

    def __init__(self, settings: Settings, workers: int | None):
        self.settings = settings
        self.workers = workers if workers is not None else (os.cpu_count() or 1)
        self.pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> _Extractor:
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.pool is not None:
            self.pool.shutdown()

    def one(self, article: Article, problems: list[ArticleProblem]) -> Extraction | None:
        result = extract_safely(article, load_reader(self.settings))  # loaded once, cached
        if isinstance(result, str):
            problems.append(ArticleProblem(article.path, result))
            return None
        return result

    def many(
        self, articles: Sequence[Article], problems: list[ArticleProblem]
    ) -> dict[str, Extraction]:
        if self.workers <= 1 or len(articles) < PARALLEL_MIN:
            found = ((a, self.one(a, problems)) for a in articles)
            return {a.sha256: e for a, e in found if e is not None}
        if self.pool is None:
            self.pool = ProcessPoolExecutor(  # each worker loads the reader once, at start
                self.workers, initializer=load_reader, initargs=(self.settings,)
            )
        out = {}
        chunk = max(1, len(articles) // (self.workers * 4))
        work = functools.partial(_extract_in_worker, settings=self.settings)
        for article, result in zip(
            articles, self.pool.map(work, articles, chunksize=chunk), strict=True
        ):
            if isinstance(result, str):
                problems.append(ArticleProblem(article.path, result))
            else:
                out[article.sha256] = result
        return out


def _extract_in_worker(article: Article, settings: Settings) -> Extraction | str:
    return extract_safely(article, load_reader(settings))  # the worker's cached reader


class _Progress:
    """Counts articles: a bar on a terminal, else a line every ``PROGRESS_EVERY``."""

    def __init__(self, show_bar: bool, say: Callable[[str], None]):
        self.count = 0
        self.say = say
        self.bar: Any = None
        if show_bar:
            from tqdm import tqdm

            self.bar = tqdm(desc="reading articles", unit=" articles", file=sys.stderr)

    def __enter__(self) -> _Progress:
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.bar is not None:
            self.bar.close()

    def advance(self) -> None:
        self.count += 1
        if self.bar is not None:
            self.bar.update()
        elif self.count % PROGRESS_EVERY == 0:
            self.say(f"{self.count} articles read")
