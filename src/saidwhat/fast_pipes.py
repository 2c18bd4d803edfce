"""Faster stand-ins for two of the spaCy model's own components, with the same output.

The English models' ``attribute_ruler`` (179 token patterns that set POS and morphology from
the tag) and rule ``lemmatizer`` cost about a quarter of the parse: the first runs spaCy's
general Matcher token by token, the second a Python call per token. Here the same rules run
over whole-document arrays:

- ``FastAttributeRuler`` decides the one-token patterns once per (TAG, LOWER, DEP, IS_SPACE)
  key and keeps the verdict, runs the few longer patterns over the document's arrays, and
  applies them in the ruler's own order (later patterns win, as in ``AttributeRuler.match``).
  A ruler with predicates this module does not evaluate stays as it is.
- ``FastLemmatizer`` asks the model's lemmatizer once per (word, POS, morphology) and keeps the
  answer, as the lemmatizer's own cache does, without the call per token.

``install(nlp)`` puts them in place of the originals under the same names; the originals stay
inside them, and serialization goes to the originals. Tests check that tags, POS, morphology
and lemmas are identical on news text (and they were on all of PolNeAR train and dev).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

# Matcher keys the fast ruler evaluates, and the array column each one reads.
COLUMNS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
READ = [TAG, LOWER, DEP, IS_SPACE]
# A word or dependency label that no single-token pattern names (no string hashes to it).
PLACEHOLDER = 1
# Attributes written for the whole document at once.
BY_ARRAY = (POS, MORPH, LEMMA)


@dataclass
class _TokenTest:
    column: int  # index into READ
    values: numpy.ndarray | None  # hashes (or 0/1) that pass, or fail with negate; None with a regex
    regex: re.Pattern | None = None
    negate: bool = False

    def __post_init__(self):
        self.value_set = frozenset(self.values.tolist()) if self.values is not None else frozenset()


@dataclass
class _Rule:
    alternatives: list[list[list[_TokenTest]]]  # patterns → tokens → tests on that token
    attrs: dict
    index: int


def _token_tests(token_pattern: dict, strings) -> list[_TokenTest] | None:
    tests = []
    for key, value in token_pattern.items():
        if key not in COLUMNS:
            return None
        column = READ.index(COLUMNS[key])
        if isinstance(value, bool):
            tests.append(_TokenTest(column, numpy.array([int(value)], dtype="uint64")))
        elif isinstance(value, str):
            tests.append(_TokenTest(column, numpy.array([strings.add(value)], dtype="uint64")))
        elif isinstance(value, dict) and set(value) == {"IN"}:
            tests.append(_TokenTest(column, numpy.array([strings.add(v) for v in value["IN"]], dtype="uint64")))
        elif isinstance(value, dict) and set(value) == {"NOT_IN"}:
            tests.append(_TokenTest(column, numpy.array([strings.add(v) for v in value["NOT_IN"]], dtype="uint64"),
                                    negate=True))
        elif isinstance(value, dict) and set(value) == {"REGEX"} and key == "LOWER":
            tests.append(_TokenTest(column, None, re.compile(value["REGEX"])))
        else:
            return None
    return tests


def _compile(ruler) -> list[_Rule] | None:
    """The ruler's patterns in the order it applies them, or None when one uses a predicate
    this module does not evaluate."""
    rules = []
    for attr_id, (attrs, index) in enumerate(zip(ruler.attrs, ruler.indices)):
        patterns = ruler.matcher.get(str(attr_id))[1]
        alternatives = []
        for pattern in patterns:
            tokens = [_token_tests(t, ruler.vocab.strings) for t in pattern]
            if any(t is None for t in tokens):
                return None
            alternatives.append(tokens)
        rules.append(_Rule(alternatives, attrs, index))
    return rules


def _compiled(ruler) -> list[_Rule]:
    rules = _compile(ruler)
    if rules is None:
        raise ValueError("the attribute ruler loaded has patterns saidwhat.fast_pipes cannot run: load it as it is")
    return rules


def _mask(doc: Doc, table: numpy.ndarray, tests: list[_TokenTest]) -> numpy.ndarray:
    mask = numpy.ones(len(table), dtype=bool)
    for test in tests:
        if test.values is not None and len(test.values) == 1:
            column = table[:, test.column]
            mask &= (column != test.values[0]) if test.negate else (column == test.values[0])
        elif test.values is not None:
            mask &= numpy.isin(table[:, test.column], test.values, invert=test.negate)
    for test in tests:
        if test.regex is not None:  # only on the tokens the other tests let through
            for i in mask.nonzero()[0].tolist():
                mask[i] = bool(test.regex.search(doc[i].lower_))
    return mask


class FastAttributeRuler:
    """The model's attribute ruler, run over arrays (see the module docstring).

    Nearly all of its patterns test one token. Their verdict depends only on the token's
    (TAG, LOWER, DEP, IS_SPACE), with a word or a dependency no pattern names read as one
    placeholder, so it is worked out once per such key and kept. The few patterns of several
    tokens, or with a regular expression, are evaluated over the document's arrays. Each
    attribute takes the value of the last pattern that sets it, as in AttributeRuler.
    """

    def __init__(self, original, rules: list[_Rule]):
        self.original = original
        self._prepare(rules)

    def _prepare(self, rules: list[_Rule]) -> None:
        self.rules = rules
        self.single = [(k, r.alternatives) for k, r in enumerate(rules)
                       if all(len(tokens) == 1 and all(t.regex is None for t in tokens[0]) for tokens in r.alternatives)]
        single_ids = {k for k, _ in self.single}
        self.multi = [(k, r) for k, r in enumerate(rules) if k not in single_ids]
        self.named = {}  # column -> the values patterns name there (others read as PLACEHOLDER)
        for column in (READ.index(LOWER), READ.index(DEP)):
            values = [v for _, alts in self.single for tokens in alts for t in tokens[0]
                      if t.column == column for v in t.values.tolist()]
            self.named[column] = numpy.array(sorted(set(values)), dtype="uint64")
        # every attribute a pattern sets; POS, MORPH and LEMMA go in by array, the rare others
        # (the DEP of a space token) token by token
        self.set_attrs = sorted({attr for r in rules for attr in r.attrs})
        self.verdicts: dict[tuple, tuple] = {}

    def _verdict(self, key: tuple) -> tuple:
        """(values, rule indices) of each attribute of ``set_attrs`` for a token of ``key``:
        index -1 where no single-token pattern sets the attribute."""
        values, indices = [0] * len(self.set_attrs), [-1] * len(self.set_attrs)
        for k, alternatives in self.single:
            if any(all((key[t.column] in t.value_set) != t.negate for t in tokens[0]) for tokens in alternatives):
                for slot, attr in enumerate(self.set_attrs):
                    if attr in self.rules[k].attrs:
                        values[slot], indices[slot] = self.rules[k].attrs[attr], k
        return tuple(values), tuple(indices)

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        table = doc.to_array(READ).astype("uint64")
        keys = table.copy()
        for column, named in self.named.items():
            keys[~numpy.isin(keys[:, column], named), column] = PLACEHOLDER
        unique, inverse = numpy.unique(keys, axis=0, return_inverse=True)
        verdicts = [self.verdicts.get(key) or self.verdicts.setdefault(key, self._verdict(key))
                    for key in map(tuple, unique.tolist())]
        values = numpy.array([v for v, _ in verdicts], dtype="uint64")[inverse.reshape(-1)]
        indices = numpy.array([i for _, i in verdicts], dtype="int64")[inverse.reshape(-1)]
        for k, rule in self.multi:
            hits = self._hits(doc, table, rule)
            for slot, attr in enumerate(self.set_attrs):
                if attr in rule.attrs:
                    later = hits & (indices[:, slot] < k)
                    values[later, slot], indices[later, slot] = rule.attrs[attr], k
        for slot, attr in enumerate(self.set_attrs):
            set_here = indices[:, slot] >= 0
            if not set_here.any():
                continue
            if attr in BY_ARRAY:
                current = doc.to_array([attr]).astype("uint64")
                doc.from_array([attr], numpy.where(set_here, values[:, slot], current).reshape(-1, 1))
            else:
                for i in set_here.nonzero()[0].tolist():
                    set_token_attrs(doc[i], {attr: int(values[i, slot])})
        return doc

    @staticmethod
    def _hits(doc: Doc, table: numpy.ndarray, rule: _Rule) -> numpy.ndarray:
        n = len(table)
        hits = numpy.zeros(n, dtype=bool)
        for tokens in rule.alternatives:
            width = len(tokens)
            if width > n:
                continue
            starts = numpy.ones(n - width + 1, dtype=bool)
            for k, tests in enumerate(tokens):
                starts &= _mask(doc, table, tests)[k : n - width + 1 + k]
            offset = rule.index if rule.index >= 0 else width + rule.index
            hits[starts.nonzero()[0] + offset] = True
        return hits

    def to_bytes(self, **kwargs):
        return self.original.to_bytes(**kwargs)

    def from_bytes(self, data, **kwargs):
        self.original.from_bytes(data, **kwargs)
        self._prepare(_compiled(self.original))
        return self

    def to_disk(self, path, **kwargs):
        return self.original.to_disk(path, **kwargs)

    def from_disk(self, path, **kwargs):
        self.original.from_disk(path, **kwargs)
        self._prepare(_compiled(self.original))
        return self


class FastLemmatizer:
    """The model's rule lemmatizer, asked once per (word, POS, morphology)."""

    def __init__(self, original):
        self.original = original
        self.lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).astype("uint64")
        lemmas = rows[:, 3].copy()
        todo = numpy.ones(len(doc), dtype=bool) if self.original.overwrite else rows[:, 3] == 0
        strings = doc.vocab.strings
        for i in todo.nonzero()[0].tolist():
            key = (int(rows[i, 0]), int(rows[i, 1]), int(rows[i, 2]))
            lemma = self.lemmas.get(key)
            if lemma is None:
                lemma = self.lemmas[key] = strings.add(self.original.lemmatize(doc[i])[0])
            lemmas[i] = lemma
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc

    def to_bytes(self, **kwargs):
        return self.original.to_bytes(**kwargs)

    def from_bytes(self, data, **kwargs):
        self.original.from_bytes(data, **kwargs)
        self.lemmas.clear()
        return self

    def to_disk(self, path, **kwargs):
        return self.original.to_disk(path, **kwargs)

    def from_disk(self, path, **kwargs):
        self.original.from_disk(path, **kwargs)
        self.lemmas.clear()
        return self


def install(nlp: Language) -> None:
    """Put the fast stand-ins in place of the model's ``attribute_ruler`` and rule
    ``lemmatizer`` (same names, same places); a component they cannot stand in for stays."""
    names = nlp.pipe_names
    if "attribute_ruler" in names:
        ruler = nlp.get_pipe("attribute_ruler")
        rules = _compile(ruler)
        if rules is not None:
            _swap(nlp, "attribute_ruler", FastAttributeRuler(ruler, rules))
    if "lemmatizer" in names:
        lemmatizer = nlp.get_pipe("lemmatizer")
        if getattr(lemmatizer, "mode", None) == "rule":
            _swap(nlp, "lemmatizer", FastLemmatizer(lemmatizer))


def _swap(nlp: Language, name: str, component) -> None:
    index = nlp.component_names.index(name)
    proc_name, _ = nlp._components[index]
    nlp._components[index] = (proc_name, component)
