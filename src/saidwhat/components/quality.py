"""Text-quality flags: fragments, stray punctuation, inconsistent spellings, encoding debris,
repetition; and an article-level quality score.

Each check is one function `(doc) -> list[QualityFlagMatch]`. They must stay quiet on clean
professional news (headlines, datelines, captions, quotes, AP-style ellipses) and cheap: they
read the tags and parse the model already made, and scan the text with precompiled patterns.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

from spacy.tokens import Doc, Span

from .. import lexicon, spelling
from ..annotations import QualityFlagMatch, text_of

FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
# A first line up to this long is the headline, not prose.
TITLE_MAX_WORDS = 30
# Weight of one flag of each kind in the score: a fragment or encoding debris damages a
# sentence; a stray period or a second spelling is a blemish.
WEIGHTS = {"fragment": 1.0, "encoding": 1.0, "repetition": 1.0, "stray-punctuation": 0.5, "inconsistent-spelling": 0.5}
# How fast the score falls with the weighted share of flagged sentences: one flag in 10
# sentences gives about 0.74, one in 40 about 0.93.
SCORE_STEEPNESS = 3.0


def _sentences(doc: Doc) -> list[tuple[Span, int, int]]:
    """Each sentence of `doc` (spaCy Doc) with its character bounds, whitespace stripped.

    Built once per document and shared by the checks: walking ``doc.sents`` creates a
    Python object per token, which costs more than the checks themselves.
    """
    text = text_of(doc)
    out = []
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        chunk = text[start:end]
        stripped = chunk.strip()
        if not stripped:
            continue
        start += len(chunk) - len(chunk.lstrip())
        out.append((sent, start, start + len(stripped)))
    return out


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    """Start and end offsets of the line (paragraph) holding character `pos` of `text`."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def _inside_quote(text: str, line_start: int, pos: int) -> bool:
    """Whether `pos` is inside a quotation opened earlier on its line (multi-sentence quotes)."""
    before = text[line_start:pos]
    opened = sum(before.count(q) for q in "“«") - sum(before.count(q) for q in "”»")
    return opened > 0 or before.count('"') % 2 == 1


def _fragment_reason(sent: Span) -> str | None:
    """Why `sent` (trimmed sentence Span) is a fragment, or None when it is a clause.

    A sentence needs a finite verb ("Attack in the Erkov area." has none) and, when it opens
    with its past-tense verb, a subject ("Made some progress in two days." has none).
    Imperatives ("Read the rest here.") are clauses, and so is anything with a subject: the
    tagger sometimes misreads the verb ("efforts pale by comparison").
    """
    words = [t for t in sent if t.is_alpha]
    if len(words) == 1 and words[0].is_lower:
        return "a lone lowercase word"  # "approve.": debris of a broken sentence, not an imperative
    if words and words[0].i == sent.start and words[0].is_lower:
        return "opens in lowercase: the rest of a broken sentence"  # "... clashes. the enemy is trying"
    root = sent.root
    has_subject = any(t.dep_ in SUBJECT_DEPS for t in sent)
    has_finite = any(t.tag_ in FINITE_TAGS for t in sent) or (root.tag_ == "VB" and root.pos_ == "VERB")
    if not has_finite and not has_subject:
        return "no finite verb"
    first = next((t for t in sent if t.is_alpha), None)
    if first is not None and first.i == root.i and root.tag_ in ("VBD", "VBN") and not has_subject:
        return "no subject for its opening verb"
    return None


def _is_title_line(text: str, line_start: int, line_end: int) -> bool:
    """The first line of an article, when short, is its headline."""
    return line_start == 0 and len(text[line_start:line_end].split()) <= TITLE_MAX_WORDS


def _judged_as_prose(sent: Span, text: str, start: int, end: int) -> bool:
    """Whether `sent` (Span, text[start:end] without whitespace) sits in running prose where a
    fragment is a fault.

    Only a sentence that follows another sentence ending with a period on the same line
    is judged: a paragraph's first sentence can be a heading, dateline, byline, caption or
    label run in ("Advertisement", "___", "4:30 p.m."), and a sentence after "!", "?" or a
    quote is often the parser's split inside one. Questions and exclamations may be
    elliptical; so is quoted speech; colons introduce lists. Text tests come first: they
    are cheap and settle most sentences.
    """
    if text[end - 1] != ".":
        return False
    line_start, line_end = _line_bounds(text, start)
    if not text[line_start:start].rstrip().endswith(".") or _is_title_line(text, line_start, line_end):
        return False
    body = text[start:end]
    if any(c in body for c in '"“”«»:') or _inside_quote(text, line_start, start):
        return False
    first = sent[0]
    if not first.is_alpha:
        return False  # "@handle.", "--additional reporting", "A6.", "No. 2 ..."
    # One word on its own ("Again.", "Sens.") is style or an abbreviation split; a lowercase
    # one ("communicate.") is debris.
    if len(body.split()) < 2 and not first.is_lower:
        return False
    prev = sent.doc[sent.start - 1] if sent.start > 0 else None
    if prev is not None and len(prev.text) > 1 and prev.text.endswith("."):
        return False  # split after an abbreviation ("Sens. Jeff Merkley")
    return True


def fragments(doc: Doc, sents: list[tuple[Span, int, int]]) -> list[QualityFlagMatch]:
    """Sentences without a finite verb or without a subject, in running prose (see _judged_as_prose).

    `sents` is `_sentences(doc)`.
    """
    text = text_of(doc)
    flags = []
    for sent, start, end in sents:
        if not _judged_as_prose(sent, text, start, end):
            continue
        reason = _fragment_reason(sent)
        if reason:
            flags.append(QualityFlagMatch(text=text[start:end], start=start, end=end, kind="fragment", reason=reason))
    return flags


# A run of sentence punctuation with whitespace inside it ("Brown. .", "said , ."), a
# doubled mark without space (",,", ",.", ";."), or a period, comma or semicolon set off by a
# space from the word or quote it ends ('"in the nearest days" .'), or a comma moved from the
# end of a word to the start of the next ("infrastructure ,damaged"); machine translation
# leaves these.
_STRAY = re.compile(r"[.,;:!?](?:[ \t]+[.,;:!?]+)+|,[.,;]|;[.,;]|(?<=[\w\"”’)])[ \t]+[.,;](?=[ \t]*(?:\n|$)|[ \t]+\w)"
                    r"|(?<=[a-z])[ \t]+[,;](?=[a-z])")
_PUNCT_ITEM = re.compile(r"[.,;:!?]+")
# "reserves.The situation": a sentence run into the next (not "U.S.", "Amazon.com", "3.5").
_NO_SPACE_AFTER_STOP = re.compile(r"(?<=[a-z]{2})[.!?](?=[A-Z][a-z])")
_WORD_AFTER = re.compile(r"\w*")
_WORD_BEFORE = re.compile(r"[^\s.,;:!?]*$")


def _start_of_word_before(text: str, pos: int) -> int:
    """Where the word that ends at ``pos`` of ``text`` starts (looking back 40 characters)."""
    return pos - len(_WORD_BEFORE.search(text, max(0, pos - 40), pos).group())


def stray_punctuation(doc: Doc, sents=None) -> list[QualityFlagMatch]:
    """Punctuation left over between words ("Brown. ." → flag "Brown. ."); ellipses are not.

    The span runs from the word before the stray mark to the mark, so a reader sees where it is.
    """
    text = text_of(doc)
    flags = []
    for m in _STRAY.finditer(text):
        items = _PUNCT_ITEM.findall(m.group())
        # AP-style ellipses: ". . .", ". ...", "word . . . word".
        if any(len(item) >= 3 for item in items) or (len(items) >= 3 and set(items) == {"."}):
            continue
        if text[m.end():m.end() + 3].lstrip(" \t").startswith("."):
            continue  # the start of an ellipsis: ". . . ."
        start = _start_of_word_before(text, m.start())
        flags.append(QualityFlagMatch(text=text[start:m.end()], start=start, end=m.end(),
                                      kind="stray-punctuation", reason=f"stray punctuation {m.group()!r}"))
    for m in _NO_SPACE_AFTER_STOP.finditer(text):
        start = _start_of_word_before(text, m.start())
        end = m.end() + len(_WORD_AFTER.match(text, m.end()).group())
        flags.append(QualityFlagMatch(text=text[start:end], start=start, end=end, kind="stray-punctuation",
                                      reason="no space after the end of a sentence"))
    for m in _COMMA_THAT.finditer(text):  # the rare ", that" first, then the verb before it
        verb = _SAYING_VERB_BEFORE.search(text, max(0, m.start() - 20), m.start())
        if verb is None:
            continue
        if _PARENTHETICAL_SPEAKER.search(text, max(0, verb.start() - 60), verb.start()):
            continue  # "so bad, Mr. Obama noted, that ...": an aside inside "so ... that"
        flags.append(QualityFlagMatch(text=text[verb.start():m.end()], start=verb.start(), end=m.end(),
                                      kind="stray-punctuation",
                                      reason="a comma between a verb of saying and its that-clause"))
    return flags


# "He added, that the price ...": English sets no comma before the that-clause of a verb of
# saying or thinking (translation from languages that do leaves one); "said, that is, ..." is
# an aside.
_COMMA_THAT = re.compile(r"[ \t]*,[ \t]+that\b(?![ \t]+is\b|'s|’s)", re.IGNORECASE)
_SAYING_VERB_BEFORE = re.compile(
    r"\b(?:said|says|added|adds|declared|declares|stated|states|noted|notes|stressed|stresses|explained|"
    r"explains|announced|announces|reported|reports|claimed|claims|believes|believed|considers|considered|"
    r"thinks|thought|emphasi[sz]ed|emphasi[sz]es|underlined|underlines|informed|informs)$", re.IGNORECASE)
# A speaker set off by commas right before the verb: ", Mr. Obama noted, that", ", he said, that".
_PARENTHETICAL_SPEAKER = re.compile(r",[ \t]+(?:(?:[A-Z][\w.'’-]*[ \t]+){1,4}|(?:he|she|they|we|I|it)[ \t]+)$")


@lru_cache(maxsize=1)
def _variant_pattern() -> re.Pattern:
    """One pattern matching every spelling from lexicon/spelling_variants.txt (longest first)."""
    names = sorted(lexicon.spelling_variants(), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])", re.IGNORECASE)


def inconsistent_spellings(doc: Doc, sents=None) -> list[QualityFlagMatch]:
    """Names spelt two ways in one article: every use of the minority spelling. The list of
    transliterations (Kyiv / Kiev) comes first, then names that share a spelling key
    (Kharkiv / Charkiv; see saidwhat.spelling).

    On a tie the spelling the article uses first is kept and the later one flagged.
    """
    table = lexicon.spelling_variants()
    uses: dict[str, dict[str, list[re.Match]]] = {}
    for m in _variant_pattern().finditer(text_of(doc)):
        if not any(c.isupper() for c in m.group()):
            continue  # names are capitalised; "kiev" in a URL or a lowercase word is not one
        canonical = table[m.group().lower()]
        uses.setdefault(canonical, {}).setdefault(m.group().lower(), []).append(m)
    flags = []
    for canonical, by_spelling in uses.items():
        if len(by_spelling) < 2:
            continue
        # Dicts keep insertion order, so on equal counts the first-used spelling wins.
        kept = max(by_spelling, key=lambda s: len(by_spelling[s]))
        kept_text = by_spelling[kept][0].group()
        for spelling, matches in by_spelling.items():
            if spelling == kept:
                continue
            for m in matches:
                flags.append(_spelling_flag(m.group(), m.start(), kept_text))
    listed = {f.start for f in flags}
    return flags + [_spelling_flag(t.text, t.idx, kept) for t, kept in _respelt_tokens(doc) if t.idx not in listed]


def _respelt_tokens(doc: Doc):
    """(token, the article's other spelling) for each use of a name spelt two ways that the
    list does not know (spelling.respellings: "Charkiv" beside "Kharkiv")."""
    other = spelling.respellings(doc)
    return [(t, other[t.text]) for t in doc if t.text in other] if other else []


def _spelling_flag(text: str, start: int, kept: str) -> QualityFlagMatch:
    return QualityFlagMatch(text=text, start=start, end=start + len(text), kind="inconsistent-spelling",
                            reason=f"'{text}' is also written '{kept}' in this article")


# UTF-8 read as Windows-1252 or Latin-1: a lead byte (Â-ô) followed by continuation bytes
# (0x80-0xBF, as Latin-1 characters or their Windows-1252 replacements).
_CP1252_HIGH = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_MOJIBAKE = re.compile("[\u00c2-\u00f4][\u0080-\u00bf" + _CP1252_HIGH + "]+")
_REPLACEMENT = re.compile("\ufffd+")


def _as_bytes(s: str) -> bytes | None:
    """`s` as the bytes a Windows-1252 / Latin-1 decoder read it from, or None."""
    out = bytearray()
    for c in s:
        if ord(c) < 256:
            out.append(ord(c))
        else:
            try:
                out += c.encode("cp1252")
            except UnicodeEncodeError:
                return None
    return bytes(out)


def encoding_debris(doc: Doc, sents=None) -> list[QualityFlagMatch]:
    """Mojibake ("â€™" for "’", "Ã©" for "é") and replacement characters ("\ufffd")."""
    text = text_of(doc)
    flags = []
    for m in _MOJIBAKE.finditer(text):
        raw = _as_bytes(m.group())
        try:
            fixed = raw.decode("utf-8") if raw is not None else None
        except UnicodeDecodeError:
            # A truncated sequence ("â€" missing its last byte) is still debris when it starts
            # like UTF-8 punctuation; other pairs ("Ã" + "¡") are rare real text, not guessed at.
            fixed = "?" if m.group().startswith("â€") else None
        if fixed is None:
            continue
        flags.append(QualityFlagMatch(text=m.group(), start=m.start(), end=m.end(), kind="encoding",
                                      reason=f"mojibake for {fixed!r}"))
    for m in _REPLACEMENT.finditer(text):
        flags.append(QualityFlagMatch(text=m.group(), start=m.start(), end=m.end(), kind="encoding",
                                      reason="replacement character: bytes lost in decoding"))
    return flags


_DOUBLED = re.compile(r"\b(\w+)[ \t]+\1\b", re.IGNORECASE)


def repetition(doc: Doc, sents: list[tuple[Span, int, int]]) -> list[QualityFlagMatch]:
    """A word written twice in a row ("the the"), or a whole sentence repeated later.

    `sents` is `_sentences(doc)`.
    """
    text = text_of(doc)
    allowed = lexicon.words("quality_doubled_words")
    flags = []
    for m in _DOUBLED.finditer(text):
        word = m.group(1)
        if word.lower() in allowed or word.isupper() or not word.isalpha():
            continue  # capitals shout ("ME ME")
        # Markup ("<tweet tweet-id=...>") is not prose.
        if text[m.start() - 1:m.start()] == "<" or text[m.end():m.end() + 1] in ("-", "="):
            continue
        second = doc.char_span(m.end() - len(word), m.end())
        if second is None or second[0].tag_ in ("IN", "RP", "TO"):
            continue  # doubled prepositions are often right: "did Romney in in 2012"
        flags.append(QualityFlagMatch(text=m.group(), start=m.start(), end=m.end(),
                                      kind="repetition", reason=f"'{word}' twice in a row"))
    seen: set[str] = set()
    for sent, start, end in sents:
        if len(sent) < 8:
            continue  # short stock lines ("Read more here.") repeat legitimately
        key = text[start:end]
        if key in seen:
            flags.append(QualityFlagMatch(text=key, start=start, end=end, kind="repetition", reason="sentence repeated"))
        seen.add(key)
    return flags


CHECKS = (fragments, stray_punctuation, inconsistent_spellings, encoding_debris, repetition)


def quality_score(flags: list[QualityFlagMatch], n_sentences: int) -> float:
    """1.0 for clean text, falling with the weighted flags per sentence (float in 0..1).

    A spelling mixed several times counts once: it is one editing slip.
    """
    weight, spellings = 0.0, set()
    for f in flags:
        if f.kind == "inconsistent-spelling":
            if f.text.lower() in spellings:
                continue
            spellings.add(f.text.lower())
        weight += WEIGHTS.get(f.kind, 1.0)
    # Short texts are not condemned by one flag: count at least ten sentences.
    return round(math.exp(-SCORE_STEEPNESS * weight / max(n_sentences, 10)), 3)


def flag_quality(doc: Doc) -> Doc:
    """Set ``doc._.quality_flags`` (list of QualityFlagMatch, by offset) and ``doc._.quality_score``
    (float, 1 = clean) on `doc` (a parsed spaCy Doc)."""
    sents = _sentences(doc) if doc.has_annotation("SENT_START") else []
    flags = [f for check in CHECKS for f in check(doc, sents)]
    flags.sort(key=lambda f: (f.start, f.end))
    doc._.quality_flags = flags
    doc._.quality_score = quality_score(flags, len(sents))
    return doc
