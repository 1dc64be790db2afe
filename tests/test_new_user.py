"""What a new user meets in the first hour: install, start-up, and inputs that never cost a map."""

import json
import subprocess
import sys
import tomllib
from importlib.metadata import requires

import pyogrio
import pytest
from click.testing import CliRunner
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from geomap.build import build
from geomap.cli import main
from geomap.extract.articles import read_articles
from geomap.store.database import lock_path, open_store
from geomap.wording import counted
from tests.conftest import ROOT

DATED = "Published: 2021-07-09\n\nThe Taliban captured Islam Qala on Friday, officials said.\n"


def run(settings, *args):
    return CliRunner().invoke(main, ["--data-dir", str(settings.data_dir), *args])


@pytest.fixture
def built(tmp_path, settings):
    """A folder with one article, built once (HTML only)."""
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text(DATED)
    out = tmp_path / "out"
    build([articles], out, settings, formats=("html",))
    return articles, out


def test_html_reading_needs_lxml_html_clean_and_it_is_declared():
    declared = {canonicalize_name(Requirement(r).name) for r in requires("geomap") or []}
    assert "lxml-html-clean" in declared


def test_a_failing_html_parser_is_a_problem_for_that_file_only(tmp_path, monkeypatch):
    import trafilatura

    def broken(*_args, **_kwargs):
        raise ImportError("lxml.html.clean module is now a separate project")

    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    (tmp_path / "page.html").write_text("<html><body><p>Herat</p></body></html>")
    (tmp_path / "a.txt").write_text(DATED)
    articles, problems = read_articles([tmp_path])
    assert [a.path.rsplit("/", 1)[-1] for a in articles] == ["a.txt"]
    assert len(problems) == 1 and problems[0].path.endswith("page.html")
    assert "ImportError" in problems[0].message


def test_help_and_version_load_no_heavy_library():
    code = (
        "import sys, geomap.cli, geomap; geomap.__version__; "
        "heavy = {'pandas', 'geopandas', 'folium', 'matplotlib', 'dateparser', 'wordfreq'}; "
        "print(sorted(heavy & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_public_names_still_import_from_the_package():
    import geomap

    assert geomap.assess.__module__ == "geomap.control"
    assert "read_articles" in dir(geomap)
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        _ = geomap.nope


def test_data_dir_is_accepted_after_the_subcommand(settings, tmp_path):
    result = CliRunner().invoke(main, ["data", "status", "--data-dir", str(tmp_path / "d")])
    assert result.exit_code == 0
    assert str(tmp_path / "d") in result.output
    data_dir = str(settings.data_dir)
    found = CliRunner().invoke(main, ["geocode", "Islam Qala", "--data-dir", data_dir])
    assert found.exit_code == 0 and "border-crossing" in found.output


def test_building_an_empty_folder_keeps_the_map_and_fails(built, tmp_path, settings):
    _articles, out = built
    before = (out / "map.html").read_bytes()
    (tmp_path / "empty").mkdir()
    for target, words in ((tmp_path / "empty", "no articles"), (tmp_path / "typo", "no such")):
        result = run(settings, "build", str(target), "-o", str(out), "--format", "html")
        assert result.exit_code != 0
        assert words in result.output and str(target) in result.output
    assert (out / "map.html").read_bytes() == before


def test_a_new_store_with_only_unreadable_files_writes_no_map(tmp_path, settings):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_text("")
    result = run(settings, "build", str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert result.exit_code != 0 and "empty.txt" in result.output
    assert not (tmp_path / "out" / "map.html").exists()


def test_metadata_added_later_updates_the_stored_article(built, settings):
    articles, out = built
    meta = {"outlet": "Example Wire", "title": "Border crossing falls"}
    (articles / "a.txt.meta.json").write_text(json.dumps(meta))
    report = build([articles], out, settings, formats=("html",))
    assert report.extracted == 1 and not report.unchanged
    with open_store(out / "geomap.sqlite") as store:
        article = next(iter(store.extractions())).article
    assert (article.outlet, article.title) == ("Example Wire", "Border crossing falls")


def test_undated_articles_are_named_with_how_to_date_them(tmp_path, settings):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "nodate.txt").write_text("The Taliban captured Islam Qala.\n")
    result = run(settings, "build", str(tmp_path / "in"), "-o", str(tmp_path / "o"), "-q")
    assert result.exit_code == 0
    assert "1 undated article" in result.output and "nodate.txt" in result.output
    assert "Published: YYYY-MM-DD" in result.output


def test_jsonl_row_problems_name_the_line_and_the_field(tmp_path):
    rows = ['{"title": "no body"}', "[1, 2]", "{oops", json.dumps({"text": DATED})]
    (tmp_path / "batch.jsonl").write_text("\n".join(rows) + "\n")
    articles, problems = read_articles([tmp_path])
    assert len(articles) == 1
    messages = [p.message for p in problems]
    assert messages[0].startswith("line 1: no 'text' field (fields: title)")
    assert messages[1].startswith("line 2: not a JSON object")
    assert messages[2].startswith("line 3: not valid JSON")


def test_progress_counts_articles_inside_one_jsonl(tmp_path, settings, monkeypatch):
    monkeypatch.setattr("geomap.ingest.PROGRESS_EVERY", 2)
    rows = [json.dumps({"text": DATED + f"\nCopy {i}."}) for i in range(5)]
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "feed.jsonl").write_text("\n".join(rows))
    said: list[str] = []
    build([tmp_path / "in"], tmp_path / "out", settings, formats=(), progress=said.append)
    assert "2 articles read" in said and "4 articles read" in said


def test_a_cp1252_file_is_a_warning_and_the_build_succeeds(tmp_path, settings):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "old.txt").write_bytes(
        DATED.replace("Friday", "Friday \xe9").encode("cp1252")
    )
    result = run(settings, "build", str(tmp_path / "in"), "-o", str(tmp_path / "o"), "-q")
    assert result.exit_code == 0, result.output
    assert "decoded as cp1252" in result.output and "problem" not in result.output


def test_no_lock_file_is_left_in_the_output_folder(built):
    _articles, out = built
    assert not list(out.glob("*.lock"))
    assert lock_path(out / "geomap.sqlite").parent != out


def test_geojson_layer_is_named_districts(tmp_path, settings):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(DATED)
    build([tmp_path / "in"], tmp_path / "out", settings, formats=())
    layers = pyogrio.list_layers(tmp_path / "out" / "districts.geojson")
    assert [str(name) for name in layers[:, 0]] == ["districts"]


def test_the_licence_is_in_the_repository_and_the_seeds_are_set_apart():
    licence = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["license"]
    text = (ROOT / "LICENSE").read_text()
    assert str(licence.get("text", licence) if isinstance(licence, dict) else licence) in text
    readme = (ROOT / "README.md").read_text()
    assert "seeds/" in readme and "not covered by" in readme


def test_counts_read_as_english(built):
    assert (counted(1, "claim"), counted(2, "claim"), counted(0, "source")) == (
        "1 claim",
        "2 claims",
        "0 sources",
    )
    _articles, out = built
    html = (out / "map.html").read_text()
    assert "1 claims" not in html and "1 articles" not in html and "1 article" in html


def test_articles_about_another_war_say_so_and_draw_nothing(tmp_path, settings):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "war.txt").write_text(
        "Published: 2023-05-20\n\nRussian forces captured the town, officials in Ukraine said. "
        "Russia claimed the advance.\n"
    )
    result = run(settings, "build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-q")
    assert result.exit_code != 0
    assert "no article names a place in Afghanistan (1 article read; they name" in result.output
    assert "Ukraine" in result.output
    assert "try --theatre ukraine-2022" in result.output
    assert not (tmp_path / "out" / "map.html").exists()
