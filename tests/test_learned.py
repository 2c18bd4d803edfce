"""The learned attribution model: BRAT -> labels, decoding, and the shipped ONNX tagger.

Fast and torch-free: the conversion and decoding tests are pure Python; the model test runs
the shipped int8 ONNX model when onnxruntime and tokenizers (the `learned` extra) are installed.
"""
from __future__ import annotations

import importlib.util
import re

import pytest

from saidwhat.learned.data import B, I, O, CharAttribution, char_layers, piece_labels, piece_tags, read_ann, windows
from saidwhat.learned.decode import bio_spans, link

TEXT = "Headline.\n\nAll of which, the senator said, would help voters. Polls show a tie."


def _at(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = [m.start() for m in re.finditer(re.escape(needle), text)][nth]
    return start, start + len(needle)


def _ann() -> str:
    """A BRAT file as PolNeAR writes it: a content split around its cue (two T ids, one as
    Content2), an attribution with no source, and bookkeeping lines to ignore."""
    (c1s, c1e), (c2s, c2e) = _at(TEXT, "All of which"), _at(TEXT, "would help voters")
    (ss, se), (qs, qe) = _at(TEXT, "the senator"), _at(TEXT, "said")
    (ps, pe), (ws, we), (ts, te) = _at(TEXT, "Polls"), _at(TEXT, "show"), _at(TEXT, "a tie")
    return "\n".join([
        f"T1\tContent {c1s} {c1e}\tAll of which",
        f"T2\tSource {ss} {se}\tthe senator",
        f"T3\tCue {qs} {qe}\tsaid",
        f"T4\tContent {c2s} {c2e}\twould help voters",
        f"T5\tAttribution {qs} {qe}\tsaid",
        f"E1\tAttribution:T5 Cue:T3 Source:T2 Content:T1 Content2:T4",
        f"T6\tSource {ps} {pe}\tPolls",
        f"T7\tCue {ws} {we}\tshow",
        f"T8\tContent {ts} {te};{te - 3} {te}\ta tie",
        f"E2\tAttribution:T7 Cue:T7 Content:T8",
        "#1\tAnnotatorNotes T1\tignore me",
    ]) + "\n"


def _word_pieces(text: str) -> list[tuple[int, int]]:
    """Stand-in for the word-piece tokenizer: words and punctuation marks."""
    return [m.span() for m in re.finditer(r"\w+|[^\w\s]", text)]


def test_read_ann_keeps_fragments_and_strips_role_digits():
    atts = read_ann(_ann())
    assert len(atts) == 2
    first = atts[0]
    assert [TEXT[s:e] for s, e in first.content] == ["All of which", "would help voters"]
    assert [TEXT[s:e] for s, e in first.source] == ["the senator"]
    assert [TEXT[s:e] for s, e in first.cue] == ["said"]
    assert atts[1].source == []  # Attribution-no-source style: no Source argument
    assert len(atts[1].content) == 2  # a discontinuous span keeps its fragments


def test_labels_mark_each_fragment_with_its_own_begin():
    offsets = _word_pieces(TEXT)
    words = [TEXT[s:e] for s, e in offsets]
    source, cue, content = (piece_labels(layer, offsets) for layer in char_layers(TEXT, read_ann(_ann())[:1]))

    def tags(labels, *ws):
        return [labels[words.index(w)] for w in ws]

    assert tags(content, "All", "of", "which", ",", "would", "help", "voters", ".") == [B, I, I, O, B, I, I, O]
    assert tags(source, "the", "senator", "said") == [B, I, O]
    assert tags(cue, "senator", "said", "would") == [O, B, O]
    # the round trip gives the annotated spans back
    assert [TEXT[s:e] for s, e in bio_spans(content, offsets)] == ["All of which", "would help voters"]


def test_piece_tags_stack_the_three_layers():
    offsets = _word_pieces(TEXT)
    words = [TEXT[s:e] for s, e in offsets]
    tags = piece_tags(TEXT, read_ann(_ann())[:1], offsets)
    assert tags.shape == (len(offsets), 3)
    assert tags[words.index("senator")].tolist() == [I, O, O]  # source, cue, content
    assert tags[words.index("said")].tolist() == [O, B, O]
    assert tags[words.index("would")].tolist() == [O, O, B]
    assert piece_tags(TEXT, [], []).shape == (0, 3)


def test_rule_attributions_are_the_rule_steps_spans_as_characters(nlp):
    from saidwhat.learned.component import rule_attributions

    text = "The senator said the tax plan would help families."
    atts = rule_attributions(nlp(text))
    assert len(atts) == 1
    att = atts[0]
    assert isinstance(att, CharAttribution)
    assert [text[s:e] for s, e in att.source] == ["The senator"]
    assert [text[s:e] for s, e in att.cue] == ["said"]
    assert [text[s:e] for s, e in att.content] == ["the tax plan would help families"]


def test_a_tagger_content_takes_the_edges_of_the_rule_content_it_mostly_shares(nlp):
    from saidwhat.learned.component import _matching_rule, _rule_contents

    doc = nlp("The senator said on Monday that the tax plan would help families with children.")
    rules = _rule_contents(doc._.attributions)
    near = doc.char_span(*_at(doc.text, "the tax plan would help families"))
    assert [c.text for c in _matching_rule([near], None, rules).content] == ["that the tax plan would help families with children"]
    short = [doc.char_span(*_at(doc.text, "families with children"))]
    assert _matching_rule(short, None, rules) is None  # under half shared
    # ... unless the tagger read the same cue: then it cut short what the rules found whole
    said = doc.char_span(*_at(doc.text, "said"))
    assert [c.text for c in _matching_rule(short, said, rules).content] == ["that the tax plan would help families with children"]


def test_a_quote_that_runs_on_is_one_rule_content_with_the_quote_it_continues(nlp):
    from saidwhat.learned.component import _rule_contents

    doc = nlp("“The bridge is unsafe,” the engineer said. “It should close today.”\n\nThe council met later.")
    (chain,) = [r for r in _rule_contents(doc._.attributions) if r.type == "direct"]
    assert [c.text for c in chain.content] == ["The bridge is unsafe", "It should close today."]
    assert chain.source.text == "the engineer" and len(chain.attributions) == 2


def test_the_rules_quotes_the_tagger_missed_are_kept_and_its_overlaps_are_not(nlp):
    from saidwhat.learned.component import _quotes_missed, _rule_contents

    doc = nlp("“We will rebuild the bridge,” the mayor said. The governor argued that taxes were too high.")
    rules = _rule_contents(doc._.attributions)
    assert {r.type for r in rules} == {"direct", "indirect"}
    assert [a.content[0].text for a in _quotes_missed([], rules)] == ["We will rebuild the bridge"]  # reported speech is not
    quote = next(r for r in rules if r.type == "direct")
    assert _quotes_missed(quote.attributions, rules) == []


def test_windows_keep_paragraphs_whole_and_respect_the_limit():
    text = "One two three.\nFour five six.\nSeven eight nine ten eleven twelve. Thirteen fourteen."
    offsets = _word_pieces(text)
    wins = windows(offsets, text, 8)
    assert wins[0] == (0, 8)  # the first two lines fill a window; the third would pass 8 pieces
    assert all(e - s <= 8 for s, e in wins)
    assert [i for w in wins for i in range(*w)] == list(range(len(offsets)))  # every piece once, in order
    # the long third line is cut at its sentence end
    third = [w for w in wins if text[offsets[w[0]][0]:].startswith("Seven")][0]
    assert text[offsets[third[1] - 1][0]] == "."


def test_bio_spans_start_a_span_at_a_stray_inside_tag():
    offsets = [(0, 3), (4, 7), (8, 11), (12, 15)]
    assert bio_spans([O, I, I, O], offsets) == [(4, 11)]
    assert bio_spans([B, B, O, I], offsets) == [(0, 3), (4, 7), (12, 15)]


def test_link_joins_the_fragments_of_one_cue_and_shares_a_source():
    text = "All of which, he said, would help. Smith said taxes rose, adding that rents fell."
    spans = {
        "source": [_at(text, "he"), _at(text, "Smith")],
        "cue": [_at(text, "said"), _at(text, "said", 1), _at(text, "adding")],
        "content": [_at(text, "All of which"), _at(text, "would help"), _at(text, "taxes rose"),
                    _at(text, "that rents fell")],
    }
    atts = link(text, spans["source"], spans["cue"], spans["content"])
    got = [([text[s:e] for s, e in a.content], text[slice(*a.cue)], text[slice(*a.source)]) for a in atts]
    assert got == [
        (["All of which", "would help"], "said", "he"),
        (["taxes rose"], "said", "Smith"),
        (["that rents fell"], "adding", "Smith"),
    ]


def test_link_takes_no_source_across_a_sentence_end():
    text = "Jones arrived. Polls show a tie."
    atts = link(text, [_at(text, "Jones")], [_at(text, "show")], [_at(text, "a tie")])
    assert len(atts) == 1 and atts[0].source is None and text[slice(*atts[0].cue)] == "show"


HAVE_RUNTIME = all(importlib.util.find_spec(m) for m in ("onnxruntime", "tokenizers"))


@pytest.mark.skipif(not HAVE_RUNTIME, reason="the learned extra (onnxruntime, tokenizers) is not installed")
def test_shipped_model_finds_an_attribution():
    from saidwhat.pipeline import load

    text = ("The mayor of Springfield spoke to reporters on Monday.\n\n"
            "“We will rebuild the bridge before winter,” Mayor Ellen Park said at a news conference.")
    atts = load("learned")(text)._.attributions
    assert atts and all(a.rule == "learned" for a in atts)
    att = max(atts, key=lambda a: sum(len(c.text) for c in a.content))
    assert "rebuild the bridge" in " ".join(c.text for c in att.content)
    assert att.cue is not None and att.cue.text.startswith("said")  # the 5-layer tagger runs on into "at a news"
    assert att.source is not None and "Park" in att.source.text
    assert att.speaker is not None and att.speaker.name == "Ellen Park"


@pytest.mark.skipif(not HAVE_RUNTIME, reason="the learned extra (onnxruntime, tokenizers) is not installed")
def test_shipped_model_reads_the_rule_attributions():
    """The shipped tagger takes the rule step's spans as an input of the model, and marks the
    attribution the rules found."""
    from saidwhat.learned.tagger import get_tagger

    tagger = get_tagger()
    assert tagger.rule_features and "rule_tags" in [i.name for i in tagger.session.get_inputs()]
    text = "The senator said the tax plan would help families."
    found = [CharAttribution([_at(text, "The senator")], [_at(text, "said")], [_at(text, "the tax plan would help families")])]
    spans = tagger.tag(text, found)
    assert [text[s:e] for s, e in spans["cue"]] == ["said"]
    assert [text[s:e] for s, e in spans["source"]] == ["The senator"]
    assert [text[s:e] for s, e in spans["content"]] == ["the tax plan would help families"]


def test_without_the_extra_the_error_says_what_to_install(monkeypatch):
    import sys

    from saidwhat.learned.tagger import Tagger

    monkeypatch.setitem(sys.modules, "onnxruntime", None)  # as if not installed
    with pytest.raises(RuntimeError, match=r"saidwhat\[learned\]"):
        Tagger()


@pytest.mark.skipif(not HAVE_RUNTIME, reason="the learned extra (onnxruntime, tokenizers) is not installed")
def test_a_quote_that_runs_on_stays_a_record_of_its_own_as_with_the_rules():
    from saidwhat.pipeline import load

    text = "“The bridge is unsafe,” Ana Cole told reporters on Monday. “It should close today.”\n\nThe council met later.\n"
    atts = load("learned")(text)._.attributions
    lead = next(a for a in atts if a.content[0].text == "The bridge is unsafe")
    run_on = next(a for a in atts if a.content[0].text == "It should close today.")
    assert run_on.continues is lead and run_on.speaker.name == lead.speaker.name == "Ana Cole"


def test_a_source_of_only_a_possessive_ending_is_its_possessor(nlp):
    from saidwhat.learned.component import _whole_possessor

    doc = nlp("He answered a reporter’s question about the plan.")
    ending = doc.char_span(*_at(doc.text, "’s"))
    assert _whole_possessor(ending).text == "a reporter"
    assert _whole_possessor(doc[0:1]).text == "He" and _whole_possessor(None) is None
