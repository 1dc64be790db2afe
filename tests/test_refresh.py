"""A refresh computes again only the units new or changed articles touch, and what it draws
is what a full build of the same articles draws."""

import shutil
import sqlite3

import pytest

from geomap.build import build
from geomap.render.views import UnitView
from tests.conftest import SEEDS

PANJWAI = (
    "Taliban take Panjwai\nPublished: 2021-07-04\n\nThe Taliban captured Panjwai district "
    "in Kandahar province on Sunday, officials said.\n"
)
RETAKEN = (
    "Army retakes Panjwai\nPublished: 2021-07-06\n\nAfghan forces recaptured Panjwai district "
    "on Tuesday, officials said.\n"
)
COMPARED = ("districts.csv", "changes.csv", "aggregates.csv")


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "articles"
    shutil.copytree(SEEDS, folder)
    return folder


def _views(out):
    with sqlite3.connect(out / "geomap.sqlite") as conn:
        return dict(conn.execute("SELECT unit, view FROM unit_views"))


def _full_build_agrees(articles, out, settings, tmp_path):
    full = tmp_path / "full"
    report = build([articles], full, settings, formats=("html",))
    assert report.recomputed is None  # a new store computes every view
    assert _views(out) == _views(full)
    for name in COMPARED:
        assert (out / name).read_bytes() == (full / name).read_bytes(), name


def test_a_new_article_recomputes_only_its_units(articles, settings, tmp_path):
    out = tmp_path / "out"
    first = build([articles], out, settings, formats=("html",))
    assert first.recomputed is None
    before = _views(out)
    (articles / "003_panjwai.txt").write_text(PANJWAI)
    report = build([articles], out, settings, formats=("html",))
    assert report.recomputed == ["AF27", "AF2704"]  # Panjwai and the province named
    after = _views(out)
    assert {u for u in after if after[u] != before.get(u)} == {"AF2704"}  # Kandahar only locates
    assert UnitView.from_json(after["AF2704"]).status == "taliban"
    _full_build_agrees(articles, out, settings, tmp_path)


def test_an_edited_article_redraws_its_units_from_the_new_text(articles, settings, tmp_path):
    out = tmp_path / "out"
    (articles / "003_panjwai.txt").write_text(PANJWAI)
    build([articles], out, settings, formats=("html",))
    (articles / "003_panjwai.txt").write_text(RETAKEN)
    report = build([articles], out, settings, formats=("html",))
    assert report.recomputed == ["AF27", "AF2704"]  # the old text named Kandahar province
    view = UnitView.from_json(_views(out)["AF2704"])
    assert view.status == "government"
    assert [status for _day, status in view.history] == ["government"]  # the old text is gone
    _full_build_agrees(articles, out, settings, tmp_path)


def test_a_stored_view_reads_back_as_it_was_computed(articles, settings, tmp_path):
    out = tmp_path / "out"
    build([articles], out, settings, formats=("html",))
    for text in _views(out).values():
        view = UnitView.from_json(text)
        assert view.to_json() == text
        assert view.unit and (view.popup or not view.history)


def _claim_rows(out):
    import geopandas as gpd

    lines = (out / "claims.csv").read_text(encoding="utf-8").splitlines()
    return lines, len(gpd.read_file(out / "geomap.gpkg", layer="claims"))


def test_new_articles_extend_the_claims_export(articles, settings, tmp_path, monkeypatch):
    from geomap.store.database import Store

    skipped = []
    batches = Store.extraction_batches

    def spy(self, size=1000, skip=0):
        skipped.append(skip)
        return batches(self, size, skip)

    monkeypatch.setattr(Store, "extraction_batches", spy)
    out = tmp_path / "out"
    build([articles], out, settings, formats=("html",))
    before, _ = _claim_rows(out)
    (articles / "003_panjwai.txt").write_text(PANJWAI)
    build([articles], out, settings, formats=("html",))
    assert skipped == [0, 3]  # the second export read only the new article
    appended, layer = _claim_rows(out)
    assert appended[: len(before)] == before and "Panjwai" in appended[-1]
    assert layer == len(appended) - 1  # the GeoPackage gained the same rows
    (out / "claims.csv").unlink()  # the export no longer matches: written whole
    build([articles], out, settings, formats=("html",), force=True)
    assert skipped[-1] == 0
    assert _claim_rows(out) == (appended, layer)


def test_an_edited_article_writes_the_claims_export_whole(articles, settings, tmp_path):
    out = tmp_path / "out"
    (articles / "003_panjwai.txt").write_text(PANJWAI)
    build([articles], out, settings, formats=("html",))
    (articles / "003_panjwai.txt").write_text(RETAKEN)
    build([articles], out, settings, formats=("html",))
    text = (out / "claims.csv").read_text(encoding="utf-8")
    assert "Afghan forces recaptured Panjwai" in text
    assert "The Taliban captured Panjwai" not in text


def test_an_article_stored_in_the_same_second_as_the_last_sorts_after_it(
    tmp_path, gazetteer, monkeypatch
):
    from datetime import UTC, datetime

    from geomap.extract.articles import article_from_text
    from geomap.pipeline import extract_article
    from geomap.store import database
    from geomap.store.database import open_store

    first = article_from_text(PANJWAI)
    second = article_from_text(RETAKEN)
    if first.sha256 < second.sha256:  # so that hash order and storing order disagree
        first, second = second, first
    clock = iter(
        [datetime(2021, 7, 6, 12, 0, 0, 100, UTC), datetime(2021, 7, 6, 12, 0, 0, 900, UTC)]
    )

    class Clock(datetime):
        @classmethod
        def now(cls, tz=None):
            return next(clock)

    monkeypatch.setattr(database, "datetime", Clock)
    with open_store(tmp_path / "geomap.sqlite") as store:
        for article in (first, second):
            store.save(extract_article(article, gazetteer), "test")
        stored = [e.article.sha256 for e in store.extractions()]
    assert stored == [first.sha256, second.sha256]
