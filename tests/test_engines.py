"""Where extraction runs changes nothing in what it finds: one process, a pool, or Dask."""

import pytest

from geomap.build import build
from geomap.ingest import PARALLEL_MIN, Engine
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def many_articles(tmp_path_factory):
    """Enough copies of the seeds (each made unique) for the process pool to start."""
    folder = tmp_path_factory.mktemp("articles")
    seeds = sorted(SEEDS.glob("*.txt"))
    for i in range(PARALLEL_MIN + len(seeds)):
        seed = seeds[i % len(seeds)]
        text = seed.read_text(encoding="utf-8") + f"\n\n(copy {i})\n"
        (folder / f"{i:03d}_{seed.name}").write_text(text, encoding="utf-8")
        meta = seed.with_name(seed.name + ".meta.json")
        if meta.exists():
            (folder / f"{i:03d}_{seed.name}.meta.json").write_text(meta.read_text())
    return folder


def districts(folder, out, settings, **engine):
    report = build([folder], out, settings, formats=(), **engine)
    assert not [p for p in report.problems if not p.warning]
    return (out / "districts.csv").read_bytes()


def test_a_pool_and_a_dask_cluster_give_the_same_districts_as_one_process(
    many_articles, tmp_path, settings
):
    alone = districts(many_articles, tmp_path / "one", settings, workers=1)
    pool = districts(many_articles, tmp_path / "pool", settings, workers=2)
    dask = districts(many_articles, tmp_path / "dask", settings, workers=2, engine=Engine("dask"))
    assert b"taliban" in alone  # the seeds claim districts: the comparison means something
    assert pool == alone
    assert dask == alone


def test_an_unreachable_scheduler_is_named(many_articles, tmp_path, settings):
    from geomap.errors import EngineError

    with pytest.raises(EngineError, match="tcp://127.0.0.1:9"):
        build(
            [many_articles],
            tmp_path / "out",
            settings,
            formats=(),
            engine=Engine("dask", "tcp://127.0.0.1:9"),
        )
