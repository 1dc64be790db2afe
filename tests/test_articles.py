"""Reading articles, and bad input: each problem named, the rest still processed."""

import json
from datetime import date

from click.testing import CliRunner

from geomap.cli import main
from geomap.extract.articles import read_articles


def make_bad_inputs(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Taliban capture Islam Qala\n\nThe Taliban captured Islam Qala on Friday.\n")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00binary")
    (tmp_path / "latin1.txt").write_bytes("Fighting near Herat – caf\xe9 closed.".encode("cp1252"))
    (tmp_path / "folder").mkdir()
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.seek(50 * 1024 * 1024)
        fh.write(b"x")
    return good, [
        tmp_path / "missing.txt",
        tmp_path / "folder",
        tmp_path / "empty.txt",
        tmp_path / "binary.txt",
        big,
    ]


def test_each_bad_input_is_named_and_skipped(tmp_path):
    good, bad = make_bad_inputs(tmp_path)
    articles, problems = read_articles([*bad, good, tmp_path / "latin1.txt"], directories=False)
    assert [a.path for a in articles] == [str(good), str(tmp_path / "latin1.txt")]
    messages = {p.path: p.message for p in problems}
    assert "no such file" in messages[str(bad[0])]
    assert "directory" in messages[str(bad[1])]
    assert "empty" in messages[str(bad[2])]
    assert "binary" in messages[str(bad[3])]
    assert "too large" in messages[str(bad[4])]
    assert "not UTF-8" in messages[str(tmp_path / "latin1.txt")]
    assert "café" in articles[1].text


def test_cli_reports_bad_files_and_still_prints_good_ones(tmp_path, settings):
    good, bad = make_bad_inputs(tmp_path)
    result = CliRunner().invoke(
        main, ["--data-dir", str(settings.data_dir), "extract", str(bad[0]), str(bad[2]), str(good)]
    )
    assert result.exit_code == 1
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["article"]["path"] for r in rows] == [str(good)]
    assert f"{bad[0]}: no such file" in result.stderr
    assert f"{bad[2]}: empty file" in result.stderr


def test_title_date_and_hash(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Taliban take Kunduz\nPublished: 2021-08-08\n\nThe Taliban seized Kunduz.\n")
    (article,), _ = read_articles([path])
    assert article.title == "Taliban take Kunduz"
    assert article.published == date(2021, 8, 8)
    assert len(article.sha256) == 64


def test_metadata_file_beside_the_article(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("The Taliban seized Kunduz on Sunday.")
    (tmp_path / "a.txt.meta.json").write_text(
        json.dumps({"published": "2021-08-08", "outlet": "AFP", "title": "Kunduz falls"})
    )
    (article,), problems = read_articles([tmp_path])
    assert problems == [] and article.outlet == "AFP" and article.published == date(2021, 8, 8)


def test_jsonl_and_html_inputs(tmp_path):
    rows = [
        {
            "text": "The Taliban seized Kunduz.",
            "title": "One",
            "published": "2021-08-08",
            "outlet": "X",
        },
        {"title": "no text"},
        {"text": "Fighting in Ghazni city."},
    ]
    (tmp_path / "batch.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    (tmp_path / "page.html").write_text(
        "<html><head><title>Kunduz falls</title></head><body><nav>Menu Home</nav><article>"
        "<h1>Kunduz falls</h1><p>The Taliban on Sunday seized control of Kunduz, the first "
        "large city to fall since the group began its offensive this summer, officials said."
        "</p><p>Fighting continued in the neighbouring province of Takhar for a third day, "
        "residents told reporters by telephone.</p></article></body></html>"
    )
    articles, problems = read_articles([tmp_path])
    texts = {a.path.rsplit("/", 1)[-1]: a for a in articles}
    assert texts["batch.jsonl:1"].published == date(2021, 8, 8)
    assert "batch.jsonl:3" in texts
    assert [(p.path.rsplit("/", 1)[-1], p.message.split(":")[0]) for p in problems] == [
        ("batch.jsonl", "line 2")
    ]
    assert "seized control of Kunduz" in texts["page.html"].text
    assert "Menu Home" not in texts["page.html"].text


def test_a_json_lines_file_is_read_as_a_stream_of_batches(tmp_path, monkeypatch):
    from geomap.extract import jsonlines

    rows = [json.dumps({"text": f"Fighting in Herat, day {i}."}) for i in range(5)]
    rows.insert(3, json.dumps({"text": "x" * 300}))  # one line over the (lowered) limit
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(rows) + "\n")
    monkeypatch.setattr(jsonlines, "MAX_BYTES", 200)
    batches = list(jsonlines.jsonl_batches(path, rows=2))
    assert [len(articles) for articles, _bad in batches] == [2, 2, 1]
    problems = [p for _articles, bad in batches for p in bad]
    assert [p.message for p in problems] == ["line 4: too large (0 MB; over 0 MiB)"]
    assert batches[-1][0][0].path == f"{path}:6"


def test_web_spaces_and_hyphens_are_read_as_plain_ones(tmp_path, gazetteer):
    from geomap.pipeline import extract_article

    page = tmp_path / "scraped.txt"
    page.write_text(
        "\ufeffTaliban take border town\n\nThe Taliban captured Spin\u00a0Boldak on "
        "Wednesday.  Officials said Arghandab\u200b was contested, and Islam  Qala fell.\n"
        "Qala\u2010e\u2011Naw was retaken by commandos on Thursday, the army\nsaid.\n"
        "Fighting went on in Shindand&nbsp;district.\n",
        encoding="utf-8",
    )
    [article], problems = read_articles([page])
    assert not problems
    assert "\u00a0" not in article.text and "  " not in article.text
    claims = extract_article(article, gazetteer).claims
    assert {(c.place.mention, c.status) for c in claims} == {
        ("Spin Boldak", "taliban"),
        ("Arghandab", "contested"),
        ("Islam Qala", "taliban"),
        ("Qala-e-Naw", "government"),
        ("Shindand district", "contested"),
    }
    assert {c.claimed_by for c in claims if c.status == "government"} == {"government"}
    for c in claims:  # offsets point into the text the article keeps
        assert article.text[c.place.start : c.place.end] == c.place.mention
