"""Analyst review: decisions that change the map and survive every rebuild."""

import csv
import threading
from datetime import date

import pytest
from click.testing import CliRunner

from geomap.build import build
from geomap.cli import main
from geomap.errors import ReviewError
from geomap.review import (
    district_place,
    export_csv,
    find_claim,
    import_csv,
    review_claim,
    set_status,
    undo,
)
from geomap.store.database import open_store
from geomap.store.reviews import load_reviews
from tests.conftest import json_unescaped

CLAIMED = (
    "Published: 2021-07-09\n\nA Taliban spokesman said the insurgents captured Khulm district "
    "on Friday.\n"
)
REPORTED = "Published: 2021-07-08\n\nAfghan forces recaptured Kohsan district on Thursday.\n"


@pytest.fixture
def built(tmp_path, settings):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "khulm.txt").write_text(CLAIMED)
    (articles / "kohsan.txt").write_text(REPORTED)
    out = tmp_path / "out"
    build([articles], out, settings, formats=("html",))
    return articles, out


def statuses(out):
    with (out / "districts.csv").open(encoding="utf-8") as fh:
        return {r["pcode"]: r for r in csv.DictReader(fh)}


def claim_on(out, pcode):
    with open_store(out / "geomap.sqlite") as store:
        return next(
            c for r in store.extractions() for c in r.claims if c.place.district_pcode == pcode
        )


def test_a_rejected_claim_no_longer_counts_but_stays_visible(built, settings):
    articles, out = built
    assert statuses(out)["AF3213"]["status"] == "government"
    claim = claim_on(out, "AF3213")
    with open_store(out / "geomap.sqlite") as store:
        review_claim(store, "reject", claim.id, "the article means the town", by="tester")
    build([articles], out, settings, formats=("html",))
    row = statuses(out)["AF3213"]
    assert (row["status"], row["reviewed"], row["review_note"]) == (
        "no-reports",
        "True",
        "the article means the town",
    )
    html = json_unescaped((out / "map.html").read_text(encoding="utf-8"))
    assert "<del>" in html and "rejected on review" in html and claim.id in html


def test_confirming_a_taliban_only_claim_makes_it_taliban(built, settings):
    articles, out = built
    assert statuses(out)["AF2110"]["status"] == "taliban-claimed"
    id_af2110 = claim_on(out, "AF2110").id
    with open_store(out / "geomap.sqlite") as store:
        review_claim(store, "confirm", id_af2110, "local source")
    build([articles], out, settings, formats=("html",))
    assert statuses(out)["AF2110"]["status"] == "taliban"


def test_a_correction_moves_the_claim(built, settings):
    articles, out = built
    id_af2110 = claim_on(out, "AF2110").id
    with open_store(out / "geomap.sqlite") as store:
        review_claim(store, "correct", id_af2110, status="contested")
    build([articles], out, settings, formats=("html",))
    assert statuses(out)["AF2110"]["status"] == "contested"


def test_set_colours_a_district_no_article_mentions_and_undo_takes_it_back(built, settings):
    articles, out = built
    assert statuses(out)["AF2704"]["status"] == "no-reports"
    with open_store(out / "geomap.sqlite") as store:
        done = set_status(
            store, district_place("AF2704", settings), "government", date(2021, 7, 8), "seen"
        )
    build([articles], out, settings, formats=("html",))
    assert statuses(out)["AF2704"]["status"] == "government"
    with open_store(out / "geomap.sqlite") as store:
        undo(store, done.id)
        with pytest.raises(ReviewError, match="already undone"):
            undo(store, done.id)
    build([articles], out, settings, formats=("html",))
    assert statuses(out)["AF2704"]["status"] == "no-reports"


def test_reviews_survive_force_and_new_rules(built, settings, monkeypatch):
    articles, out = built
    id_af3213 = claim_on(out, "AF3213").id
    with open_store(out / "geomap.sqlite") as store:
        review_claim(store, "reject", id_af3213)
    build([articles], out, settings, formats=("html",), force=True)
    assert statuses(out)["AF3213"]["status"] == "no-reports"
    monkeypatch.setattr("geomap.build.RULES_VERSION", 10_000)
    again = build([articles], out, settings, formats=("html",))
    assert again.extracted == 2 and not again.unmatched_reviews
    assert statuses(out)["AF3213"]["status"] == "no-reports"


def test_a_review_whose_claim_disappeared_is_reported(built, settings):
    articles, out = built
    id_af3213 = claim_on(out, "AF3213").id
    with open_store(out / "geomap.sqlite") as store:
        review_claim(store, "reject", id_af3213, "wrong")
    (articles / "kohsan.txt").write_text(REPORTED.replace("Thursday", "Wednesday evening"))
    result = CliRunner().invoke(
        main,
        [
            "build",
            str(articles),
            "-o",
            str(out),
            "--format",
            "html",
            "-q",
            "--data-dir",
            str(settings.data_dir),
        ],
    )
    assert result.exit_code == 0
    assert "1 review no longer matches a claim" in result.output and "Kohsan" in result.output


def test_export_then_import_gives_the_same_map(built, settings, tmp_path):
    articles, out = built
    id_af3213 = claim_on(out, "AF3213").id
    with open_store(out / "geomap.sqlite") as store:
        review_claim(store, "reject", id_af3213, "town")
        set_status(store, district_place("AF2704", settings), "taliban", date(2021, 7, 8), "x")
        export_csv(store, tmp_path / "corrections.csv")
    build([articles], out, settings, formats=("html",))
    other = tmp_path / "other"
    build([articles], other, settings, formats=("html",))
    with open_store(other / "geomap.sqlite") as store:
        assert import_csv(store, tmp_path / "corrections.csv", settings) == 2
        assert import_csv(store, tmp_path / "corrections.csv", settings) == 0  # no duplicates
    build([articles], other, settings, formats=("html",))
    assert {p: r["status"] for p, r in statuses(out).items()} == {
        p: r["status"] for p, r in statuses(other).items()
    }


def test_two_reviewers_at_once_lose_no_decision(built):
    _articles, out = built
    ids = [claim_on(out, "AF3213").id, claim_on(out, "AF2110").id]

    def decide(claim_id):
        with open_store(out / "geomap.sqlite", wait_seconds=30) as store:
            review_claim(store, "confirm", claim_id, by=claim_id)

    threads = [threading.Thread(target=decide, args=(i,)) for i in ids]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with open_store(out / "geomap.sqlite") as store:
        assert sorted(r.claim_id for r in load_reviews(store)) == sorted(ids)


def test_cli_session(built, settings):
    articles, out = built
    run = CliRunner().invoke
    listed = run(main, ["review", "list", "-o", str(out), "--district", "AF3213"])
    assert listed.exit_code == 0, listed.output
    claim_id = listed.output.split()[0]
    with open_store(out / "geomap.sqlite") as store:
        assert find_claim(store.extractions(), claim_id) is not None
    rejected = run(main, ["review", "reject", claim_id, "-o", str(out), "--note", "town"])
    assert rejected.exit_code == 0 and "review 1" in rejected.output
    missing = run(main, ["review", "reject", "000000000000", "-o", str(out)])
    assert missing.exit_code != 0 and "no claim '000000000000'" in missing.output
    decisions = run(main, ["review", "list", "-o", str(out), "--decisions"])
    assert "reject" in decisions.output and claim_id in decisions.output
    nowhere = run(main, ["review", "list", "-o", str(out / "nothing")])
    assert nowhere.exit_code != 0 and "no store at" in nowhere.output
