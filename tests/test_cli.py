"""The command line: every command teaches with --help, and outputs keep their keys."""

import json
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from geomap.cli import main
from tests.conftest import CORPUS, SEEDS


def all_commands(group, prefix=()):
    for name, command in group.commands.items():
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from all_commands(command, (*prefix, name))


@pytest.mark.parametrize(
    ("path", "command"),
    list(all_commands(main)),
    ids=lambda v: " ".join(v) if isinstance(v, tuple) else "",
)
def test_every_command_has_help_with_an_example(path, command):
    result = CliRunner().invoke(main, [*path, "--help"])
    assert result.exit_code == 0
    if not isinstance(command, click.Group):
        assert "Example:" in result.output


def test_extract_json_keeps_its_keys(settings):
    result = CliRunner().invoke(
        main,
        ["--data-dir", str(settings.data_dir), "extract", *map(str, sorted(SEEDS.glob("*.txt")))],
    )
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 3
    assert set(rows[0]["article"]) >= {"path", "title", "published", "sha256"}
    assert set(rows[0]["places"][0]) >= {
        "mention",
        "start",
        "end",
        "name",
        "kind",
        "lat",
        "lon",
        "country",
        "district",
        "district_pcode",
        "province",
        "province_pcode",
        "source",
    }
    claim_keys = {
        "place",
        "district_pcode",
        "province",
        "lat",
        "lon",
        "status",
        "claimed_by",
        "as_of",
        "evidence",
        "start",
        "end",
        "confidence",
    }
    assert all(set(c) >= claim_keys for r in rows for c in r["claims"])
    assert any(r["aggregate_claims"] for r in rows)


@pytest.mark.parametrize(
    ("corpus", "theatre", "country"),
    [("dev", "afghanistan-2021", "AF"), ("ukraine-dev", "ukraine-2022", "UA")],
)
def test_evaluate_agrees_with_the_corpus_scorer(settings, tmp_path, corpus, theatre, country):
    if not (CORPUS / corpus).is_dir():
        pytest.skip("needs shared/corpus")
    runner = CliRunner()
    base = ["--data-dir", str(settings.data_dir), "--theatre", theatre]
    texts = sorted(str(p) for p in (CORPUS / corpus).glob("*.txt"))
    predictions = tmp_path / "pred.jsonl"
    predictions.write_text(runner.invoke(main, [*base, "extract", *texts]).stdout)
    ours = json.loads(
        runner.invoke(main, [*base, "evaluate", str(CORPUS / corpus), "--json"]).stdout
    )
    theirs = json.loads(
        subprocess.run(
            [
                sys.executable,
                str(CORPUS / "score.py"),
                str(CORPUS / corpus),
                str(predictions),
                "--json",
                "--country",
                country,
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.splitlines()[-1]
    )
    for part in ("places", "claims"):
        for figure in ("precision", "recall", "f1"):
            assert ours[part][figure] == theirs[part][figure], (part, figure)


def test_assess_json_lists_national_claims_beside_the_evidence(settings):
    result = CliRunner().invoke(
        main, ["--data-dir", str(settings.data_dir), "assess", str(SEEDS), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    districts = [r for r in rows if "pcode" in r]
    national = [r["national_claim"] for r in rows if "national_claim" in r]
    assert districts and national
    assert all(n["evidence"].startswith("Evidence on ") for n in national)
    assert any("85" in n["claim"] for n in national)
