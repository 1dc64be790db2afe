"""Extraction on a Dask cluster: ``geomap build --engine dask [--scheduler ADDRESS]``.

Extraction is embarrassingly parallel: batches of articles go to Dask workers (a
``LocalCluster`` on this machine by default, or the cluster at ``--scheduler``), and the
extractions come back to this process, the store's one writer. Every worker loads the
theatre's gazetteer and word tables once, from its own data folder (the settings'
``data_dir``: install the data there on every worker machine).
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from geomap.errors import EngineError
from geomap.extract.articles import ArticleProblem
from geomap.pipeline import extract_safely, load_reader
from geomap.records import Article, Extraction
from geomap.settings import Settings

BATCHES_PER_WORKER = 4  # enough batches to balance the load, few enough to keep overhead low


class DaskExtractor:
    """The process pool's interface (``one``, ``many``) over a Dask client."""

    def __init__(self, settings: Settings, workers: int | None, scheduler: str | None):
        try:
            from distributed import Client, LocalCluster
        except ImportError as err:
            msg = "the Dask engine needs Dask: pip install 'geomap[dask]'"
            raise EngineError(msg) from err
        self.settings = settings
        try:
            if scheduler:
                self.cluster = None
                self.client = Client(scheduler, timeout="10s")
            else:
                self.cluster = LocalCluster(
                    n_workers=workers or os.cpu_count() or 1,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                )
                self.client = Client(self.cluster)
        except OSError as err:
            msg = f"cannot reach the Dask scheduler at {scheduler} ({err})"
            raise EngineError(msg) from err

    def __enter__(self) -> DaskExtractor:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def one(self, article: Article, problems: list[ArticleProblem]) -> Extraction | None:
        """One article's extraction (failures go to ``problems``)."""
        return self.many([article], problems).get(article.sha256)

    def many(
        self, articles: Sequence[Article], problems: list[ArticleProblem]
    ) -> dict[str, Extraction]:
        """Extractions by content hash, computed by the cluster in batches."""
        if not articles:
            return {}
        workers = max(1, len(self.client.scheduler_info().get("workers", {})))
        size = max(1, len(articles) // (workers * BATCHES_PER_WORKER))
        batches = [list(articles[i : i + size]) for i in range(0, len(articles), size)]
        futures = self.client.map(extract_batch, batches, settings=self.settings, pure=False)
        out = {}
        for batch, results in zip(batches, self.client.gather(futures), strict=True):
            for article, result in zip(batch, results, strict=True):
                if isinstance(result, str):
                    problems.append(ArticleProblem(article.path, result))
                else:
                    out[article.sha256] = result
        return out


def extract_batch(articles: Sequence[Article], settings: Settings) -> list[Extraction | str]:
    """Run on a worker: each article's extraction, or why it failed."""
    reader = load_reader(settings)  # cached: loaded once per worker process
    return [extract_safely(article, reader) for article in articles]
