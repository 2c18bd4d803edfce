"""The pipeline on arbitrary text: a valid ArticleResult whose offsets and span texts match."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

from saidwhat.document import Document
from saidwhat.engines.batch import analyze_batch

from .properties import check_result

# Text built from news-like pieces (quotes, cue words, names, dates, numbers) and noise, so
# that most examples reach the attribution rules instead of failing the language check.
pieces = st.sampled_from([
    "“", "”", '"', "'", "‘", "’", " said ", " says ", " told reporters ", " according to ", ":", ", ",
    ". ", "\n", "\n\n", "The minister", "Antony Blinken", "he", "She", "officials", " on Friday",
    " last week", " in 2024", " $3.5 billion", " 40 percent", " the plan would work", " We will adapt",
    " (", ")", " — ", "…", "Mr.", " U.S.", "  ", "\t", "é", "—", "¡", "🙂", "\u00a0",
])
texts = st.lists(pieces | st.text(max_size=8), min_size=1, max_size=40).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=texts, published=st.none() | st.sampled_from(["2024-05-31", "2000-02-29"]))
def test_pipeline_on_any_text(nlp, text, published):
    doc = Document(text=text, source="fuzz", published=published)
    result = next(analyze_batch(nlp, [doc]))
    if result.status == "error":
        assert result.error.kind in {"empty", "not-english", "parse", "too-large"}, result.error
    check_result(text, result)
