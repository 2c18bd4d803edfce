"""One name spelt two ways in one article: Kharkiv / Charkiv, Zelensky / Selenskyj, Bornstein / Bornsten.

Machine translation and hurried editing leave a name in two transliterations or with a typo.
A fixed list (lexicon/spelling_variants.txt) knows the common ones; this module finds the rest
by a spelling key that ignores what transliterations disagree on: vowels after the first
letter, doubled letters, and consonant pairs such as k/c/q/g, z/s, w/v, kh/ch/h.

Two names are read as one spelt two ways only when their keys are equal and at least four
letters long, they differ in more than their ending (so "Ukraine" / "Ukrainian" and "George" /
"Georgia" stay apart), they are alike as strings, and the model gave them one entity label.
For people only surnames are compared, and two surnames given with different first names
belong to two people ("David Andersen", "Kristen Anderson").
"""
from __future__ import annotations

import difflib
import os
import re
import unicodedata
from collections import Counter, defaultdict
from functools import lru_cache

from spacy.tokens import Doc

# Entity labels whose words are compared: organization names are often dictionary words
# ("Secret Service", "Security Council") that the key would pair.
LABELS = ("PERSON", "GPE", "LOC", "NORP")
MIN_KEY_LETTERS = 4
MIN_LIKENESS = 0.7
# Letter groups transliterations render differently, rewritten to one form, longest first.
DIGRAPHS = (("tsch", "ch"), ("sch", "sh"), ("zh", "j"), ("kh", "h"), ("ch", "h"), ("ph", "f"), ("dh", "d"),
            ("th", "t"))
LETTER_CLASSES = str.maketrans({"c": "k", "q": "k", "g": "k", "z": "s", "w": "v", "x": "ks"})
_CACHE_KEY = ("saidwhat", "respellings")
_VOWELS_AFTER_FIRST = re.compile(r"(?<=.)[aeiouyj]")
_DOUBLED = re.compile(r"(.)\1+")


@lru_cache(maxsize=8192)
def spelling_key(word: str) -> str:
    """What two spellings of one name share: "Kharkiv" and "Charkiv" both give "hrkv"."""
    s = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"[^a-z]", "", s)
    for group, replacement in DIGRAPHS:
        s = s.replace(group, replacement)
    s = _VOWELS_AFTER_FIRST.sub("", s.translate(LETTER_CLASSES))
    return _DOUBLED.sub(r"\1", s)


def spelt_alike(a: str, b: str) -> bool:
    """Whether words `a` and `b` (str) look like one name spelt two ways."""
    la, lb = a.lower(), b.lower()
    if la == lb:
        return False
    if len(os.path.commonprefix([la, lb])) >= min(len(la), len(lb)) - 1:
        return False  # only the ending differs: "Ukraine" / "Ukrainian", "France" / "Franco"
    key = spelling_key(a)
    return (len(key) >= MIN_KEY_LETTERS and key == spelling_key(b)
            and difflib.SequenceMatcher(None, la, lb).ratio() >= MIN_LIKENESS)


def respellings(doc: Doc) -> dict[str, str]:
    """Each name word of `doc` (a Doc with entities) that another word of it spells otherwise,
    mapped to that other spelling: the one used more often, or first on a tie. Kept in
    ``doc.user_data``: the entity and quality steps both ask."""
    cached = doc.user_data.get(_CACHE_KEY)
    if cached is None:
        cached = doc.user_data[_CACHE_KEY] = _respellings(doc)
    return cached


def _respellings(doc: Doc) -> dict[str, str]:
    labels: dict[str, Counter] = defaultdict(Counter)
    first_names: dict[str, set[str]] = defaultdict(set)
    given = set()
    for ent in doc.ents:
        if ent.label_ not in LABELS:
            continue
        words = [t for t in ent if t.is_alpha]
        for i, tok in enumerate(words):
            if ent.label_ == "PERSON" and i < len(words) - 1:
                given.add(tok.text)  # a first name: "Anthony" and "Antonin" are two people
            elif tok.text[:1].isupper() and not tok.text.isupper():
                labels[tok.text][ent.label_] += 1
                if ent.label_ == "PERSON" and i > 0:
                    first_names[tok.text].add(words[0].text)
    by_key: dict[str, list[str]] = defaultdict(list)
    for word in labels:
        if word not in given:
            by_key[spelling_key(word)].append(word)
    out: dict[str, str] = {}
    for words in by_key.values():
        for i, a in enumerate(words):
            for b in words[i + 1:]:
                if (labels[a].most_common(1)[0][0] != labels[b].most_common(1)[0][0] or not spelt_alike(a, b)
                        or (first_names[a] and first_names[b] and not first_names[a] & first_names[b])):
                    continue
                # the spelling of more entity mentions; words are in order of first use
                kept, other = (a, b) if labels[a].total() >= labels[b].total() else (b, a)
                out[other] = out.get(kept, kept)
    return out
