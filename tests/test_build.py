"""Incremental builds: the store, reruns, changes, duplicates, failures, locking, migration."""

import csv
import json
import shutil
import sqlite3
import threading

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st

from geomap.build import build
from geomap.errors import StoreError
from geomap.extract.places import places_from_text
from geomap.store.database import open_store
from geomap.store.schema import MIGRATIONS, SCHEMA_VERSION
from tests.conftest import SEEDS

FOURTH = (
    "Taliban take Panjwai\nPublished: 2021-07-04\n\nThe Taliban captured Panjwai district "
    "in Kandahar province on Sunday, officials said.\n"
)


@pytest.fixture
def workspace(tmp_path):
    articles = tmp_path / "articles"
    shutil.copytree(SEEDS, articles)
    return articles, tmp_path / "out"


def test_rerun_is_a_no_op_and_a_fourth_article_is_processed_alone(workspace, settings):
    articles, out = workspace
    first = build([articles], out, settings, formats=("html",))
    assert (first.articles, first.extracted, first.unchanged) == (3, 3, False)
    html_before = (out / "map.html").read_text()
    again = build([articles], out, settings, formats=("html",))
    assert again.unchanged and again.extracted == 0 and again.outputs == []
    (articles / "003_panjwai.txt").write_text(FOURTH)
    fourth = build([articles], out, settings, formats=("html",))
    assert (fourth.articles, fourth.extracted, fourth.unchanged) == (4, 1, False)
    statuses = {s.pcode: s.status for s in fourth.statuses}
    assert statuses["AF2704"] == "taliban"
    assert (out / "map.html").read_text() != html_before


def test_changed_file_is_extracted_again(workspace, settings):
    articles, out = workspace
    (articles / "003_panjwai.txt").write_text(FOURTH)
    build([articles], out, settings, formats=("html",))
    (articles / "003_panjwai.txt").write_text(
        FOURTH.replace("Taliban take", "Army retakes").replace(
            "The Taliban captured", "Afghan forces recaptured"
        )
    )
    report = build([articles], out, settings, formats=("html",))
    assert report.extracted == 1
    assert {s.pcode: s.status for s in report.statuses}["AF2704"] == "government"


def test_identical_texts_under_two_names_are_stored_once(workspace, settings):
    articles, out = workspace
    shutil.copy(articles / "001_d9440c19e0392d58.txt", articles / "copy_of_001.txt")
    report = build([articles], out, settings, formats=("html",))
    assert report.articles == 3
    with open_store(out / "geomap.sqlite") as store:
        assert store.count() == 3
        assert store.conn.execute("SELECT count(*) FROM paths").fetchone()[0] == 4


def test_interrupted_render_keeps_the_old_map_and_the_next_build_finishes(
    workspace, settings, monkeypatch
):
    articles, out = workspace
    build([articles], out, settings, formats=("html", "png"))
    old_map, old_png = (out / "map.html").read_bytes(), (out / "map.png").read_bytes()
    (articles / "003_panjwai.txt").write_text(FOURTH)

    def disk_full(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("geomap.render.static.render_static", disk_full)
    with pytest.raises(OSError, match="No space"):
        build([articles], out, settings, formats=("html", "png"))
    assert (out / "map.png").read_bytes() == old_png
    assert not list(out.glob(".*.tmp*"))
    monkeypatch.undo()
    report = build([articles], out, settings, formats=("html", "png"))
    assert not report.unchanged and report.extracted == 0 and report.articles == 4
    assert (out / "map.html").read_bytes() != old_map


def test_a_second_build_on_the_same_store_is_refused_with_a_message(workspace, settings):
    articles, out = workspace
    out.mkdir()
    holding, release = threading.Event(), threading.Event()

    def hold():
        with open_store(out / "geomap.sqlite"):
            holding.set()
            release.wait(10)

    thread = threading.Thread(target=hold)
    thread.start()
    holding.wait(10)
    try:
        with pytest.raises(StoreError, match="in use by another geomap build"):
            build([articles], out, settings, formats=("html",))
    finally:
        release.set()
        thread.join()
    assert build([articles], out, settings, formats=("html",)).articles == 3


def test_bad_inputs_are_summarised_and_good_files_still_built(workspace, settings):
    articles, out = workspace
    (articles / "empty.txt").write_text("")
    (articles / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    report = build([articles, articles / "missing.txt"], out, settings, formats=("html",))
    assert report.articles == 3
    assert sorted(p.path.rsplit("/", 1)[-1] for p in report.problems) == [
        "binary.txt",
        "empty.txt",
        "missing.txt",
    ]


def test_store_from_the_previous_schema_is_migrated(tmp_path, settings):
    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path)
    for statement in MIGRATIONS[0].split(";"):
        if statement.strip():
            conn.execute(statement)
    conn.execute("INSERT INTO meta VALUES ('schema', '1')")
    conn.execute(
        "INSERT INTO articles (sha256, id, path, text) VALUES ('abc', 'abc', 'a.txt', "
        "'The Taliban captured Panjwai district.')"
    )
    conn.commit()
    conn.close()
    with open_store(path) as store:
        assert store.version() == SCHEMA_VERSION
        columns = {r[1] for r in store.conn.execute("PRAGMA table_info(articles)")}
        assert "url" in columns
        assert store.count() == 1  # data survived
    report = build([], tmp_path / "out", settings, db=path, formats=("html",))
    assert report.extracted == 1  # stale extractor version: extracted again from stored text
    assert {s.pcode: s.status for s in report.statuses}["AF2704"] == "taliban"


@hyp_settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=0, max_size=400))
def test_extractor_survives_arbitrary_unicode(gazetteer, text):
    from geomap.extract.articles import article_from_text
    from geomap.pipeline import extract_article

    for place in places_from_text(text, gazetteer):
        assert text[place.start : place.end] == place.mention
    extract_article(article_from_text(text or " "), gazetteer)


def test_watch_rebuilds_when_an_article_arrives(tmp_path):
    import time

    from geomap.store.watching import watch_folder

    calls, stop = [], threading.Event()

    def rebuild():
        calls.append(time.monotonic())
        stop.set()

    thread = threading.Thread(target=watch_folder, args=(tmp_path, rebuild, 0.2, stop))
    thread.start()
    time.sleep(0.5)
    (tmp_path / "new.txt").write_text(FOURTH)
    thread.join(10)
    stop.set()
    assert len(calls) == 1


def test_syndicated_copies_are_linked_in_the_store(workspace, settings):
    articles, out = workspace
    (articles / "003_panjwai.txt").write_text(FOURTH)
    build([articles], out, settings, formats=("html",))
    with open_store(out / "geomap.sqlite") as store:
        groups = store.groups()
        by_path = {
            r[0].rsplit("/", 1)[-1]: r[1]
            for r in store.conn.execute("SELECT path, id FROM articles")
        }
    afp = {groups[by_path[name]] for name in by_path if name.startswith(("001", "002"))}
    assert len(afp) == 1  # The New Arab and Le Monde print one AFP story
    # The Sun quotes the same spokesman, but a shared quotation is not a shared story
    assert groups[by_path[next(n for n in by_path if n.startswith("000"))]] not in afp
    assert groups[by_path["003_panjwai.txt"]] not in afp


def test_build_writes_the_timeline_changes_and_national_claims(workspace, settings):
    articles, out = workspace
    (articles / "003_panjwai.txt").write_text(FOURTH)
    report = build([articles], out, settings, formats=("png",))
    names = {p.name for p in report.outputs}
    assert {"timeline.png", "changes.csv", "aggregates.csv"} <= names
    with (out / "aggregates.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    eighty_five = [r for r in rows if r["share"] == "0.85" and r["claimed_by"] == "taliban"]
    assert len(eighty_five) == 1 and int(eighty_five[0]["articles"]) >= 2  # grouped
    assert eighty_five[0]["evidence"].startswith("Evidence on")
    changes = (out / "changes.csv").read_text(encoding="utf-8").splitlines()
    assert changes[0].startswith("pcode,name,province,before,after,changed_on")
    assert any(line.startswith("AF3213,") for line in changes[1:])


def test_parallel_extraction_stores_what_one_process_does(workspace, settings, monkeypatch):
    articles, out = workspace
    (articles / "003_panjwai.txt").write_text(FOURTH)
    build([articles], out, settings, formats=(), workers=1)
    monkeypatch.setattr("geomap.ingest.PARALLEL_MIN", 2)  # a pool even for four articles
    parallel = out.parent / "parallel"
    report = build([articles], parallel, settings, formats=(), workers=2)
    assert report.extracted == 4 and not report.problems

    def claims(folder):
        with (folder / "claims.csv").open(encoding="utf-8") as fh:
            return sorted((r["id"], r["status"], r["claimed_by"]) for r in csv.DictReader(fh))

    assert claims(parallel) == claims(out)


def test_an_edited_json_lines_file_keeps_its_rows_and_drops_the_old_texts(tmp_path, settings):
    feed = tmp_path / "in" / "feed.jsonl"
    feed.parent.mkdir()
    lines = [
        "Published: 2021-07-08\n\nThe Taliban captured Kohsan district on Thursday.",
        "Published: 2021-07-09\n\nAfghan forces retook Imam Sahib district on Friday.",
        "Published: 2021-07-09\n\nFighting continued in Injil district of Herat.",
    ]
    feed.write_text("".join(json.dumps({"text": t}) + "\n" for t in lines))
    out = tmp_path / "out"
    first = build([feed], out, settings, formats=("html",))
    assert (first.articles, first.extracted) == (3, 3)
    edited = [lines[0], lines[1].replace("retook", "lost")]  # line 2 changed, line 3 gone
    feed.write_text("".join(json.dumps({"text": t}) + "\n" for t in edited))
    second = build([feed], out, settings, formats=("html",))
    assert (second.articles, second.extracted) == (2, 1)  # line 1 kept as it was
    with open_store(out / "geomap.sqlite") as store:
        rows = store.rows_of(str(feed))
        assert sorted(rows) == [f"{feed}:1", f"{feed}:2"]
        assert {store.article(sha).text for sha in rows.values()} == set(edited)
