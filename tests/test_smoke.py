import json
import subprocess
import sys

import saidwhat
from saidwhat.schema import ArticleResult


def test_analyze_returns_a_record_for_text():
    result = saidwhat.analyze("The minister said the plan would work.", published="2024-05-31")
    assert isinstance(result, ArticleResult)
    assert result.status == "ok"
    assert result.published == "2024-05-31"


def test_schema_command_prints_json_schema():
    out = subprocess.run([sys.executable, "-m", "saidwhat.cli", "schema"], capture_output=True, text=True, check=True)
    schema = json.loads(out.stdout)
    assert "attributions" in schema["properties"]
