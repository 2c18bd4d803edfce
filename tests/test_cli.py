"""`saidwhat analyze` end to end, in-process (the model loads once per test session)."""
from __future__ import annotations

import csv
import gzip
import io
import json

import pytest
from typer.testing import CliRunner

from saidwhat.cli import app
from saidwhat.cli.progress import Progress
from saidwhat.schema import ArticleResult

GOOD = "“We will adapt,” the minister said on Friday. Officials said the plan would cost $3 billion."


@pytest.fixture(scope="module")
def runner(nlp):  # nlp: the model is loaded once and cached for the CLI too
    return CliRunner()


@pytest.fixture
def inputs(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "b.jsonl").write_text(
        json.dumps({"id": "x", "text": GOOD, "published": "2024-05-30"}) + "\nnot json\n"
    )
    (tmp_path / "c.txt").write_bytes(b"%PDF-1.4 binary")
    return tmp_path


def test_jsonl_every_input_out_and_exit_zero(runner, inputs):
    result = runner.invoke(app, ["analyze", str(inputs / "a.txt"), str(inputs / "b.jsonl"),
                                 str(inputs / "c.txt"), str(inputs / "missing.txt"), "-f", "jsonl",
                                 "--published", "2024-05-31"])
    assert result.exit_code == 0, result.output
    records = [ArticleResult.model_validate_json(line) for line in result.stdout.splitlines()]
    assert [(r.status, r.error.kind if r.error else None) for r in records] == [
        ("ok", None), ("ok", None), ("error", "invalid-record"), ("error", "binary"), ("error", "invalid-record")
    ]
    assert records[0].published == "2024-05-31" and records[0].published_source == "cli"
    assert records[1].published == "2024-05-30" and records[1].published_source == "input"


def test_json_is_one_object_or_an_array(runner, inputs):
    one = json.loads(runner.invoke(app, ["analyze", str(inputs / "a.txt")]).stdout)
    assert one["status"] == "ok" and one["attributions"]
    many = json.loads(runner.invoke(app, ["analyze", str(inputs / "a.txt"), str(inputs / "c.txt")]).stdout)
    assert [r["status"] for r in many] == ["ok", "error"]


def test_csv_one_row_per_attribution_and_per_failed_document(runner, inputs):
    result = runner.invoke(app, ["analyze", str(inputs / "a.txt"), str(inputs / "c.txt"), "-f", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    ok = [r for r in rows if r["status"] == "ok"]
    assert len(ok) >= 2 and {r["type"] for r in ok} <= {"direct", "indirect", "mixed"}
    assert any(r["speaker"] and r["cue"] and r["content"] for r in ok)
    failed = [r for r in rows if r["status"] == "error"]
    assert len(failed) == 1 and failed[0]["error_kind"] == "binary" and failed[0]["attribution_id"] == ""


def test_table(runner, inputs):
    result = runner.invoke(app, ["analyze", str(inputs / "a.txt"), str(inputs / "c.txt"), "-f", "table"])
    assert "SPEAKER" in result.stdout and "ERROR binary" in result.stdout



def test_table_type_column_is_set_apart_from_the_content(runner, tmp_path):
    (tmp_path / "i.txt").write_text("The mayor said that the bridge would reopen in spring.")
    result = runner.invoke(app, ["analyze", str(tmp_path / "i.txt"), "-f", "table"])
    assert " indirect that the bridge would" in result.stdout, result.stdout  # wrapped at the terminal width


def test_exit_code_one_when_nothing_could_be_analysed(runner, inputs):
    result = runner.invoke(app, ["analyze", str(inputs / "c.txt"), str(inputs / "missing.txt"), "-f", "jsonl"])
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 2  # the errors are still written


def test_bad_published_date_is_a_clear_usage_error(runner, inputs):
    result = runner.invoke(app, ["analyze", str(inputs / "a.txt"), "--published", "31/05/2024"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


def test_stdin_text_and_gzipped_jsonl(runner):
    result = runner.invoke(app, ["analyze", "-", "-f", "jsonl"], input=GOOD)
    record = ArticleResult.model_validate_json(result.stdout)
    assert record.source == "<stdin>" and record.attributions
    data = gzip.compress((json.dumps({"id": "s1", "text": GOOD}) + "\n").encode())
    result = runner.invoke(app, ["analyze", "-", "-f", "jsonl"], input=data)
    assert ArticleResult.model_validate_json(result.stdout).id == "s1"


def test_input_format_forces_a_reader(runner, tmp_path):
    path = tmp_path / "records.data"
    path.write_text(json.dumps({"id": "r", "text": GOOD}) + "\n")
    result = runner.invoke(app, ["analyze", str(path), "--input-format", "jsonl", "-f", "jsonl"])
    assert ArticleResult.model_validate_json(result.stdout).id == "r"


def test_progress_on_request(runner, inputs):
    result = runner.invoke(app, ["analyze", str(inputs / "a.txt"), "-f", "jsonl", "--progress"])
    assert "1 documents, 1 ok, 0 errors" in result.stderr


def test_progress_counts(capsys):
    out = io.StringIO()
    records = [ArticleResult(source="a"), ArticleResult(source="b", status="error",
                                                        error={"kind": "empty", "message": "no text"})]
    assert list(Progress(out, every=0).track(records)) == records
    assert out.getvalue().splitlines()[-1].startswith("2 documents, 1 ok, 1 errors (empty 1)")


@pytest.mark.parametrize("command, extra", [("export", "saidwhat[parquet]"), ("ingest", "saidwhat[ray]")])
def test_help_names_the_extra_to_install(command, extra):
    # Rich markup would read "[parquet]" as a style tag and print "pip install 'saidwhat'"
    result = CliRunner().invoke(app, [command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert extra in result.output


def test_python_dash_m_runs_the_same_commands():
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "saidwhat", "--help"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and "analyze" in out.stdout


def test_run_on_merge_folds_a_running_quote_into_its_cue(runner, tmp_path):
    (tmp_path / "q.txt").write_text('"We will adapt," the minister said. "The plan stands."')
    separate = json.loads(runner.invoke(app, ["analyze", str(tmp_path / "q.txt")]).stdout)
    merged = json.loads(runner.invoke(app, ["analyze", str(tmp_path / "q.txt"), "--run-on", "merge"]).stdout)
    assert [a["continues"] for a in separate["attributions"]] == [None, 0]
    (one,) = merged["attributions"]
    assert one["content"] == "We will adapt … The plan stands."
    assert len(one["content_spans"]) == 2


def test_csv_carries_the_run_on_link(runner, tmp_path):
    (tmp_path / "q.txt").write_text('"We will adapt," the minister said. "The plan stands."')
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, ["analyze", str(tmp_path / "q.txt"), "-f", "csv"]).stdout)))
    assert [(r["attribution_id"], r["continues"], r["parent"]) for r in rows] == [("0", "", ""), ("1", "0", "")]
