"""Word lists as data: one entry per line, '#' starts a comment.

Adding a cue verb or a title is a one-line change to a .txt file here.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources


def _lines(name: str) -> list[str]:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


@lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    """The entries of `name`.txt, lowercased."""
    return frozenset(w.lower() for w in _lines(f"{name}.txt"))


@lru_cache(maxsize=None)
def aliases() -> dict[str, str]:
    """Variant spelling or short form (lowercased) → canonical name, from aliases.txt.

    Each line is `Canonical | variant | variant ...`.
    """
    table: dict[str, str] = {}
    for line in _lines("aliases.txt"):
        names = [n.strip() for n in line.split("|") if n.strip()]
        for n in names:
            table[n.lower()] = names[0]
    return table


@lru_cache(maxsize=None)
def spelling_variants() -> dict[str, str]:
    """Transliteration variants (lowercased) → preferred spelling, from spelling_variants.txt.

    These are spellings of one name that an article should not mix (Kyiv / Kiev); unlike
    aliases (U.S. / United States), mixing them is flagged as a quality problem.
    """
    table: dict[str, str] = {}
    for line in _lines("spelling_variants.txt"):
        names = [n.strip() for n in line.split("|") if n.strip()]
        for n in names:
            table[n.lower()] = names[0]
    return table


@lru_cache(maxsize=None)
def learned_cues() -> frozenset[str]:
    """Cue verb lemmas learned from annotated news (learned_cues.tsv, first column;
    rebuilt by scripts/build_cue_lexicon.py)."""
    return frozenset(line.split("\t", 1)[0].lower() for line in _lines("learned_cues.tsv"))


def _pairs(name: str) -> frozenset[tuple[str, str]]:
    return frozenset(tuple(line.lower().split()[:2]) for line in _lines(name))


@lru_cache(maxsize=None)
def stance_adjective_preps() -> frozenset[tuple[str, str]]:
    """(adjective lemma, preposition) pairs after "be" whose object a stance is taken on ("is
    critical of the deal")."""
    return _pairs("stance_adjective_preps.txt")


@lru_cache(maxsize=None)
def prepositional_cues() -> frozenset[tuple[str, str]]:
    """(verb or adjective lemma, preposition) pairs whose object is the content ("called for a
    ban", "is critical of the deal")."""
    return _pairs("prep_cues.txt") | stance_adjective_preps()
