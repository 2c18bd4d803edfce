"""Which way a relative expression points, read from the spaCy parse.

"said on Friday" looks back, "will meet on Friday" looks forward: the tense of the verb
governing the expression decides. Returns -1 (past), +1 (future) or 0 (unknown).
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..lexicon import words

FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "would", "'d"})
# Verbs whose complement lies ahead: "plans to meet Friday", "is expected Friday", "has promised
# to deliver them before the end of the summer".
FUTURE_VERBS = frozenset({"plan", "expect", "schedule", "set", "due", "hope", "intend", "aim", "prepare", "want",
                          "promise", "pledge", "vow", "agree", "threaten", "decide"})
PAST_AUX_TAGS = frozenset({"VBD"})
ARRANGEMENT_VERBS = frozenset({"schedule", "postpone", "reschedule", "plan"})
# Forecasts in the passive: "more rain was expected through Wednesday" reports a forecast, whose
# date lies ahead, in the past tense of reported speech.
FORECAST_VERBS = frozenset({"expect", "forecast", "predict", "project"})
MAX_HOPS = 8
# Words between a date and its verb that put the date ahead: "a dividend payable Dec. 15",
# "a deadline of Friday", "power for Wednesday delivery rose".
PROSPECTIVE = frozenset({"payable", "due", "effective", "deadline", "expires", "expiring",
                         "scheduled", "slated", "upcoming", "next", "delivery"})
# Prepositions naming an end point: "has given them until Tuesday" reaches past an event that
# is still in force, so ahead of the report ("has fallen through Oct. 19" is a period: left out).
END_POINT = frozenset({"until", "till"})
# Verbs that move a date: the date they move to ("extended its offer to Nov. 20", "delayed the
# vote until March") lies ahead of the report, whatever their tense.
MOVING_VERBS = frozenset({"extend", "postpone", "delay", "defer", "push", "move"})
MOVED_TO = END_POINT | {"to"}
PRESENT_AUX = frozenset({"is", "are", "am", "'s", "'re", "be"})
PERFECT_AUX = frozenset({"has", "have", "'ve", "'s"})
PLANNING_VERBS = ARRANGEMENT_VERBS | FUTURE_VERBS
# Present-tense verbs that do not state a schedule: reports and beliefs ("says Monday" is the
# journalist's present) and states ("has", "is").
NOT_SCHEDULED = frozenset({"be", "have"})
# Verbs whose past is their base form: tagged present, they may well be past.
SAME_PAST = frozenset({"beat", "bet", "bid", "burst", "cast", "cost", "cut", "hit", "hurt", "let",
                       "put", "quit", "read", "set", "shed", "shut", "split", "spread", "thrust", "upset"})


def _auxiliaries(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}


def _past_perfect(word: Token) -> bool:
    """True when ``word`` (or the copula an adjective hangs from) takes "had": "had been due"."""
    if "had" in _auxiliaries(word):
        return True
    return word.dep_ in ("acomp", "attr") and "had" in _auxiliaries(word.head)


def _planned_modifier(verb: Token) -> bool:
    """A bare participle of planning modifying a noun: "a service planned for Saturday"."""
    return (verb.tag_ == "VBN" and verb.dep_ == "acl" and not _auxiliaries(verb)
            and verb.lemma_ in PLANNING_VERBS)


def verb_direction(verb: Token) -> int:
    """Direction of ``verb`` (spaCy Token) from its tag and auxiliaries."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lowers = {a.lower_ for a in auxes}
    if lowers & FUTURE_AUX or verb.lower_ in FUTURE_AUX:
        return 1
    if _past_perfect(verb):
        return -1  # "had been scheduled to expire Friday": the plan lies behind the report
    if "going" in lowers or any(a.lemma_ == "be" and a.nbor(1).lower_ == "going" for a in auxes if a.i + 1 < len(a.doc)):
        return 1
    if verb.lemma_ in ARRANGEMENT_VERBS or (verb.lemma_ in FORECAST_VERBS and any(a.dep_ == "auxpass" for a in auxes)):
        return 1  # "planned a rally on Saturday", "was scheduled for Friday": ahead of the report
    if verb.tag_ == "VBD" or any(a.tag_ in PAST_AUX_TAGS for a in auxes):
        return -1
    if verb.tag_ == "VBN" and lowers & PERFECT_AUX:
        return -1
    if "to" in lowers and verb.tag_ == "VB":
        if verb.head.i == verb.i:
            return 1  # a headline's infinitive: "Biden to visit Ohio on Friday"
        # "plans to meet Friday" looks ahead; "staged celebrations to mark the entry on
        # Friday" takes the tense of the verb it serves
        head = verb.head
        if head.lemma_ in FUTURE_VERBS and head.tag_ != "VBD" and not _past_perfect(head):
            return 1
        if head.lemma_ == "be" and head.tag_ in ("VBZ", "VBP"):
            return 1  # "is to resume trading Tuesday": present "be to" sets a plan ahead
        return verb_direction(head) if head.pos_ in ("VERB", "AUX") else 0
    if verb.lemma_ in FUTURE_VERBS and verb.tag_ in ("VBZ", "VBP", "VBN"):
        return 1
    if verb.tag_ == "VBG" and lowers & PRESENT_AUX:
        return 1  # "is meeting Friday": a present progressive of an arrangement
    if verb.tag_ == "VBN" and verb.dep_ == "acl" and not auxes:
        return -1  # "a study published Monday": a reduced passive clause tells what was done
    if _participle_opening_the_sentence(verb):
        return verb_direction(verb.head)  # "Speaking on Thursday, she said": the clause's time is the verb's
    return 0


def _participle_opening_the_sentence(verb: Token) -> bool:
    """A participle clause opening the sentence, "Speaking to reporters on Thursday, she said"
    or "But asked on Friday, he said". One set off after a noun is often a reduced relative
    the parser took for an adverbial ("the agreement, announced Friday, ...")."""
    if not (verb.tag_ in ("VBG", "VBN") and verb.dep_ == "advcl" and not _auxiliaries(verb)
            and verb.i < verb.head.i and verb.head.pos_ in ("VERB", "AUX")):
        return False
    before = verb.doc[verb.sent.start : verb.left_edge.i]
    return all(t.pos_ in ("CCONJ", "ADV", "PUNCT") for t in before)


def _scheduled_present(verb: Token, date: Token) -> bool:
    """A simple present of an event dated by an adverbial, "the ministers meet Monday": a
    timetable, so ahead. Not a date inside a noun phrase ("follows Tuesday's vote"), nor a verb
    whose past looks the same ("which hurt the index Friday")."""
    via = date.head if date.dep_ == "pobj" and date.head.dep_ == "prep" else date
    if via.head.i != verb.i or date.dep_ not in ("npadvmod", "pobj"):
        return False
    if verb.tag_ == "VBP" and verb.lower_ in SAME_PAST:
        return False
    return (verb.tag_ in ("VBZ", "VBP") and not _auxiliaries(verb) and verb.lemma_ not in NOT_SCHEDULED
            and verb.lemma_ not in words("cue_verbs"))


def _dates_the_object(verb: Token, child: Token | None) -> bool:
    """Whether the date reaches ``verb`` through ``child`` as part of the verb's object
    ("expected [growth in December]") or a phrase right after it ("expected [revenue growth]
    [in the December quarter]")."""
    if child is None:
        return False
    return child.dep_ == "dobj" or (child.dep_ == "prep" and child.head.i == verb.i and any(
        c.dep_ == "dobj" and verb.i < c.i < child.i for c in verb.children))


def _verb_before_a_clause(date: Token) -> Token | None:
    """The verb right before a date that the parse hung on the clause after it, ahead of that
    clause's subject: "said [on Monday] he would resign", "said [Monday] the plan would fail"."""
    first = date.head if date.dep_ == "pobj" and date.head.dep_ == "prep" else date
    clause = first.head
    if first.i == 0 or clause.dep_ != "ccomp" or clause.head.i != first.i - 1 or first.left_edge.i != first.i:
        return None
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return first.doc[first.i - 1] if subject is not None and date.i < subject.left_edge.i else None


def direction(doc: Doc, start: int, end: int) -> int:
    """Direction (-1, 0, +1) of the expression at characters [start, end) of ``doc``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not doc.has_annotation("DEP"):
        return 0
    tok = span.root
    cue = _verb_before_a_clause(tok)
    if cue is not None:  # "said on Monday he would resign": the saying's time, not the resigning's
        return verb_direction(cue)
    end_point = False
    last = None  # the token the walk came up from
    for _ in range(MAX_HOPS):
        if tok.lower_ in PROSPECTIVE:
            return 1
        end_point = end_point or tok.lower_ in END_POINT
        if tok.lower_ in MOVED_TO and tok.head.lemma_ in MOVING_VERBS and tok.dep_ == "prep":
            return 1
        if _planned_modifier(tok):
            pass  # "a service planned for Saturday was canceled": the clause decides
        elif tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB") or tok.tag_ == "MD":
            if tok.lemma_ in FORECAST_VERBS and not _past_perfect(tok) and _dates_the_object(tok, last):
                return 1  # "the company expected revenue growth in the December quarter": forecast ahead
            found = verb_direction(tok)
            if found == 0 and _scheduled_present(tok, span.root):
                return 1
            if end_point and found < 0 and _auxiliaries(tok) & PERFECT_AUX:
                return 1
            return found
        if tok.head.i == tok.i:
            break
        last, tok = tok, tok.head
    return 0
