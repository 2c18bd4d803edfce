"""Attribution rules: find cue, source and content spans in a parsed Doc.

The rules, in the order they claim content:
1. cue verbs with a clausal complement ("X said (that) ...", "..., he said", "said X");
2. "according to X" and its variants, whose content is the clause they modify; "X used the
   words “...”", whose content is the quoted words;
3. "X said:" followed by a quote; "NAME: content" and "― Name" lines (line_cues.py);
4. direct quotes with no cue of their own that follow a quote by a known speaker
   inherit that speaker (a quote that runs on keeps its speaker).
Speakers are resolved later (components/speakers.py); these rules only mark the source
mention as written.
"""
from __future__ import annotations

import bisect
from functools import lru_cache

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Span, Token

from .. import lexicon
from ..annotations import AttributionSpan, text_of
from . import dateline, line_cues
from .entities import in_a_headline
from . import quotes as quote_marks

CONTENT_DEPS = ("ccomp", "parataxis")
# Cues whose direct object is the listener, not the content ("told reporters", "asked him").
NO_OBJECT_CONTENT_FILE = "no_object_content"
# Cues that report only with a clause or a quote ("found that ...", not "found a way").
CLAUSE_ONLY_FILE = "clause_only_cues"
STANCE_ADJECTIVES_FILE = "stance_adjectives"
STANCE_VERBS_FILE = "stance_verbs"
CRITICISM_VERBS_FILE = "criticism_verbs"
CLAIM_NOUNS_FILE = "claim_nouns"
INTENTION_NOUNS_FILE = "intention_nouns"
EXPERIENCER_VERBS_FILE = "experiencer_verbs"
# Who can aim criticism: a named person or organization, or a personal pronoun.
CRITIC_PRONOUNS = frozenset({"he", "she", "they", "i", "we"})
READER_PRONOUNS = frozenset({"you", "yourself"})
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
# Verbs whose "it" subject stands for the clause after them ("it seems that ..."); with another
# subject they report the writer's impression, with no source ("the team appeared paralyzed").
RAISING_VERBS = frozenset({"seem", "appear"})
# Dependents of the cue after its content that the content runs on into.
RUN_ON_DEPS = ("advcl",)
# ... unless it tells the writer's setting: "Reeves said, as European countries scramble to rearm"
# Verbs whose "as" clause tells when, not what was said: "as the minister talked, the crowd cheered".
TIME_AS_VERBS = frozenset({"talk", "speak"})
WRITERS_CONTEXT_MARKS = frozenset({"as", "while", "after", "before", "when"})
# Words before the cue verb that belong to its span ("has said", "did not say", "to say"), and
# the adverbs among them that do ("also said", but not "reportedly").
CUE_LEFT_DEPS = frozenset({"aux", "auxpass", "neg", "advmod"})
CUE_ADVERBS = frozenset({"also", "later", "now", "then", "repeatedly", "previously", "again", "once",
                         "earlier", "still", "further", "publicly", "privately", "recently", "already", "never"})
# Dependents of the cue that belong to neither content nor source (kept out of content).
CUE_ATTACHED_DEPS = {"aux", "auxpass", "neg", "prt", "advmod", "npadvmod", "punct", "cc", "dative", "prep", "agent", "mark"}
EDGE_PUNCT = set(",.;:!?—–-()[]") | {"--"}
ANONYMITY_VERBS = frozenset({"name", "identify", "quote"})
DASHES = frozenset({"—", "–", "―", "--"})
# Verbs whose content is a question ("asked them if ...", "wondered whether ...").
QUESTION_VERBS = frozenset({"ask", "wonder", "inquire", "question"})
# Words that stand for a whole statement after a speech verb ("said yes", "said so", "said the same").
STAND_IN_ANSWERS = frozenset({"yes", "no", "so", "same"})
# Objects of a cue that say no words were reported ("said nothing new", "added little").
SAID_NOTHING = frozenset({"nothing", "little", "anything", "something", "much"})
# Dependents that set the scene of a saying rather than say something ("In a statement, ...").
SCENE_DEPS = frozenset({"prep", "advcl", "advmod", "npadvmod", "punct", "cc", "intj"})
# Adverbs by which the writer passes on unnamed reports: a cue with no source.
HEARSAY_ADVERBS = frozenset({"reportedly"})
# Subordinators of a contrast the writer adds after the content ("..., while others said ...").
CONTRAST_MARKS = frozenset({"while", "though", "although", "whereas"})
# Prepositions after an object content that carry the rest of it: "accused X of Y", "blamed X
# on Y", "charged X with Y", "praised X for Y", "described X as Y".
OBJECT_PREPS = frozenset({"of", "on", "with", "for", "as"})
# Pronoun objects that stand for what is reported on ("endorsed him", "denied it", "said that");
# other pronoun objects are listeners or fillers ("told me", "said something").
CONTENT_PRONOUNS = frozenset({"him", "her", "them", "it", "that", "this"})
# Phrases of the cue verb after an object content that go on saying what is said of it
# ("praised X for its courage", "pointed to X as the obstacle"), unless they give the
# circumstances of saying it: a time, a venue or an occasion ("on Tuesday", "at a rally").
OBJECT_MODIFIER_DEPS = frozenset({"prep", "advcl", "npadvmod"})
# Nouns of "in his words", "in the view of X": a source and a clause, as "according to".
OPINION_NOUNS = frozenset({"word", "view", "opinion", "estimation", "assessment"})
# Connectives that open a sentence with a comma, the writer's link to what came before.
CONNECTIVES = (("however",), ("still",), ("meanwhile",), ("moreover",), ("indeed",), ("also",), ("separately",),
               ("furthermore",), ("nevertheless",), ("nonetheless",), ("in", "addition"), ("besides",))
CIRCUMSTANCE_PREPS = frozenset({"during", "after", "before", "according", "near", "while"})
VENUE_NOUNS = frozenset({"rally", "event", "debate", "meeting", "appearance", "show", "program", "site",
                         "page", "account", "twitter", "facebook", "radio", "television", "tv", "forum",
                         "telegram", "instagram", "youtube", "tiktok", "channel", "website", "blog"})
# "used the words “adapt and adjust”", "repeated the phrase “...”": a verb of using words and
# a noun naming them, followed by the quoted words themselves.
WORD_USE_VERBS = frozenset({"use", "utter", "repeat", "invoke", "coin", "employ", "choose", "echo"})
# Where or how words were said, which the parse takes a that-clause after for a relative one.
OCCASION_NOUNS = frozenset({"statement", "call", "interview", "conference", "briefing", "speech", "letter",
                            "post", "message", "email", "filing", "hearing", "podcast", "video", "broadcast"})
# What someone puts out in writing, with its words in a participle: "issued a statement saying".
DOCUMENT_NOUNS = OCCASION_NOUNS | frozenset({"resolution", "report", "release", "memo", "ad", "advertisement",
                                             "tweet", "note", "petition", "document", "study", "bill"})
# "In a Fox poll released Sunday, ...": a poll that is the source of the clause it modifies.
POLL_NOUNS = frozenset({"poll", "survey"})
WORD_NOUNS = frozenset({"word", "phrase", "term", "expression", "slogan", "line", "label"})
# Verbs that make their object do what the infinitive after it says: "led Republicans to say",
# "forced the chief executive to admit" (the object speaks; not so after "urged X to ...").
CAUSATIVE_VERBS = frozenset({"lead", "leave", "prompt", "cause", "force", "drive", "push", "spur", "move", "compel"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
NONFINITE_TAGS = frozenset({"VB", "VBG", "VBN"})
# The complement of a verb of impression (RAISING_VERBS, and "expect" in the passive with no
# agent: "Trump is expected to speak").
IMPRESSION_COMPLEMENT_DEPS = ("xcomp", "acomp", "oprd")


@lru_cache(maxsize=None)
def _cue_lemmas() -> frozenset[str]:
    # cached: asked for every token, and the union would build a new set each time
    return lexicon.words("cue_verbs") | lexicon.learned_cues()


@lru_cache(maxsize=None)
def _trigger_lemmas() -> frozenset[str]:
    return _cue_lemmas() | WORD_USE_VERBS | lexicon.words(STANCE_ADJECTIVES_FILE) | lexicon.words(STANCE_VERBS_FILE) \
        | lexicon.words(CRITICISM_VERBS_FILE) | lexicon.words(CLAIM_NOUNS_FILE) | lexicon.words(INTENTION_NOUNS_FILE) \
        | {lemma for lemma, _ in lexicon.stance_adjective_preps()}


# Cues whose active takes the one accused, urged or told first, then a preposition ("accused
# them of", "urged him to"): with the preposition right after them they are passives.
OBJECT_FIRST_CUES = {"accuse": ("of",), "blame": ("for",), "criticise": ("for", "over"), "criticize": ("for", "over"),
                     "condemn": ("for", "over"), "praise": ("for",), "urge": ("to",), "tell": ("to",),
                     "charge": ("with", "over")}
# What one answers without taking a stance: "answered the phone", "answered the door".
ANSWERED_DEVICES = frozenset({"phone", "telephone", "door", "doorbell", "call", "bell", "knock", "intercom"})


def _is_cue_verb(token: Token) -> bool:
    if token.pos_ in ("VERB", "AUX"):
        lemma = token.lemma_.lower()
        if lemma in _cue_lemmas():
            return token.lower_ != "according" and not _talk_with_each_other(token) and not _literal_sense(token)
        if lemma in lexicon.words(STANCE_VERBS_FILE):
            return _holder_of_stance(token)
        if lemma in lexicon.words(CRITICISM_VERBS_FILE):
            return _aims_criticism(token)
    return _is_stance_adjective(token)


# Objects that make "claim" win or take, not assert: "to claim a record 24th title", "claimed
# the lives of 30 people" ("claimed victory" is said as often as won: left a claim).
PRIZE_NOUNS = frozenset({"title", "gold", "silver", "bronze", "medal", "crown", "trophy", "prize", "seat",
                         "championship", "place", "spot", "lead", "life", "pole", "share"})
# Verbs that take a person they trust, not a claim: "I believe her".
TRUST_VERBS = frozenset({"believe", "trust"})
PERSONAL_PRONOUNS = frozenset({"me", "you", "him", "her", "us", "them"})


def _literal_sense(verb: Token) -> bool:
    """A cue verb in a sense that reports nothing: "claim a title", "deny him a calendar Grand
    Slam" (withhold from someone), "I believe her" (trust someone)."""
    lemma = verb.lemma_.lower()
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if lemma == "claim":
        return any(o.lemma_.lower() in PRIZE_NOUNS for o in objects)
    if lemma == "deny":
        return any(c.dep_ == "dative" for c in verb.children) and bool(objects)
    if lemma in TRUST_VERBS:
        return any(o.lower_ in PERSONAL_PRONOUNS or o.ent_type_ == "PERSON" for o in objects) \
            and not any(c.dep_ in ("ccomp", "xcomp") for c in verb.children)
    return False


def _talk_with_each_other(verb: Token) -> bool:
    """'Students talk to each other at lunch': talk between people that reports nothing."""
    return verb.lemma_.lower() in TIME_AS_VERBS and any(
        c.dep_ == "prep" and c.lower_ in ("to", "with") and any(g.lower_ in ("other", "another") for g in c.subtree)
        for c in verb.children)


def _holder_of_stance(verb: Token) -> bool:
    """Whether a stance verb ("supports", "wants") has someone to hold the stance: a subject
    of its own that is not the reader ("see photos below", "if you want to know"). "See" as an
    infinitive or a perfect is sight, not a view: "came to see if ...", "have seen the ads"."""
    if verb.lemma_.lower() == "see" and any(c.dep_ == "aux" and c.lemma_.lower() in ("to", "have") for c in verb.children):
        return False
    if verb.lemma_.lower() == "answer" and any(c.dep_ == "dobj" and c.lemma_.lower() in ANSWERED_DEVICES for c in verb.children):
        return False  # "a woman who answered the phone declined to comment"
    subject = _subject(verb)
    return subject is not None and subject.lower_ not in READER_PRONOUNS


def _aims_criticism(verb: Token) -> bool:
    """Whether a verb of attack reports criticism: a named or personal subject aims it at an
    object that is neither a pronoun nor a place ("Trump attacked Clinton", not "troops
    attacked the town", "he attacked him" or "knocked out a pillar")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    target = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if subject is None or target is None or any(c.dep_ == "prt" for c in verb.children):
        return False
    critic = subject.ent_type_ in ("PERSON", "ORG") or subject.lower_ in CRITIC_PRONOUNS
    return critic and target.pos_ != "PRON" and target.ent_type_ not in ("GPE", "LOC", "FAC")


def _is_stance_adjective(token: Token) -> bool:
    """An adjective after "be" that reports a belief with its own that-clause ("we are confident
    that ...") or takes a stance on the object of its preposition ("is critical of the deal")."""
    if token.pos_ != "ADJ" or token.dep_ != "acomp":
        return False
    lemma = token.lemma_.lower()
    if lemma in lexicon.words(STANCE_ADJECTIVES_FILE) and any(c.dep_ == "ccomp" and c.i > token.i for c in token.children):
        return True
    return any(c.dep_ == "prep" and (lemma, c.lower_) in lexicon.prepositional_cues() for c in token.children)


def _subject(verb: Token) -> Token | None:
    """The subject of `verb`, looking through conjunctions and participle clauses."""
    agent = _agent(verb)
    if agent is not None:  # "he was told by officials that ...": the officials speak
        return agent
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    # a quoted clause the parse made the subject is the content ('"Where will it stop?" asked ...')
    outside = [c for c in subjects if not _quote_between(c, verb)
               and not (c.dep_ == "csubj" and quote_marks.is_quote(c.left_edge))]
    if subjects and not outside:  # '"..., all the old trust stuff," Huckabee said': in the quote
        name = _name_before(verb)
        if name is not None:
            return name  # else maybe after the cue: '"Where will it stop?" asked the driver'
    subjects = outside
    if not subjects:  # "Friedrich Merz, whose bloc leads the polls, said": the parse made Merz a subject of "leads"
        subjects = [n for c in verb.children if c.i < verb.i and (n := _speaker_in_a_relative_read_as_a_clause(c))]
    if len(subjects) > 1:  # "VATICAN CITY — Pope Francis ... said": the parse made the dateline a subject too
        subjects = [c for c in subjects if not _in_dateline(c)] or subjects
    if subjects:
        return subjects[0]
    for child in verb.children:  # "said the minister" is sometimes parsed as a dobj after the cue
        if child.dep_ in ("dobj", "attr") and child.i > verb.i and _looks_like_source(child) and (
                verb.lemma_ == "say" or _content_before(verb) and (
                    child.ent_type_ == "PERSON" or verb.lemma_.lower() in lexicon.words("speech_verbs"))):
            return child  # and '"...," wrote Kravchenko in Telegram', '"Why?" asked the boy'
    before = _name_just_before(verb)
    if before is not None and before.ent_type_ == "PERSON" and before.dep_ in ("appos", "conj", "pobj"):
        return before  # "Asked whether ..., Prime Minister Keir Starmer said": hung on the question
    for child in verb.lefts:  # "Orban later wrote": the name hung on the adverb before the cue
        if child.dep_ == "advmod":
            name = next((t for t in child.lefts if t.pos_ == "PROPN" and _looks_like_source(t)), None)
            if name is not None:
                return name
    if _fronted_participle(verb):
        return None  # "Asked whether ..., Starmer said": Starmer was asked; who asked is not said
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in CAUSATIVE_VERBS:
        # "led Republicans to say ...": the object of the verb above speaks
        obj = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
        if obj is not None and _looks_like_source(obj):
            return obj
    if verb.dep_ == "acomp":  # "we are convinced (that) ...": the subject of "are"
        return _subject(verb.head)
    if _finite_verb_read_as_a_participle(verb):
        return verb.head  # "Linda Yaccarino, X's chief executive, posted on the platform that ..."
    if _participle_on_a_noun(verb):
        return _participle_holder(verb.head)
    # "X said ... and added ...", "..., adding that ...", "X responded by saying ...": the subject
    # of the governing cue or clause, looked for up the tree since the parser often hangs the
    # second verb inside the content
    if verb.dep_ == "conj" and verb.head.dep_ == "relcl" and _has_subject(verb.head):
        return _subject(verb.head)  # "Weaver, who came out and endorsed Clinton": "who"
    if verb.dep_ in ("conj", "advcl", "xcomp", "pcomp"):
        for ancestor in verb.ancestors:
            if verb.dep_ == "conj" and verb.tag_ in FINITE_TAGS and ancestor.tag_ in NONFINITE_TAGS \
                    and ancestor.dep_ in CONTENT_DEPS + ("xcomp",):
                continue  # "said he would order X and warned ...": "warned" goes with "said", not "order"
            if verb.dep_ == "conj" and ancestor.dep_ in CONTENT_DEPS and _is_cue_verb(ancestor.head) \
                    and ancestor.head.i < ancestor.i and _set_off_by_comma_and(verb):
                continue  # "said the figures showed X, and claimed ...": the one who said claims
            if verb.dep_ == "advcl" and verb.tag_ == "VBG" and ancestor.dep_ in CONTENT_DEPS \
                    and ancestor.head.i < ancestor.i and _is_cue_verb(ancestor.head) \
                    and verb.doc[verb.left_edge.i - 1].text == "," and _speaks(ancestor.head):
                # "promised that Labour will X, insisting ...": the one who promised insists; but
                # in "It is understood that officials pushed back, arguing ..." the officials argue
                continue
            if _is_cue_verb(ancestor) or ancestor.dep_ == "ROOT" or (
                    verb.dep_ != "conj" and ancestor.pos_ in ("VERB", "AUX") and _has_subject(ancestor)):
                return _subject(ancestor) if ancestor.i != verb.i else None
    if verb.dep_ == "ROOT" and verb.tag_ in FINITE_TAGS:
        return _name_beside(verb)
    return None


def _speaks(verb: Token) -> bool:
    """Whether cue ``verb`` has a subject that can speak: not "it is understood that"."""
    subject = _subject(verb)
    return subject is not None and not _expletive(subject)


def _set_off_by_comma_and(verb: Token) -> bool:
    """Whether a comma and a conjunction come right before ``verb`` (", and claimed")."""
    doc, i = verb.doc, verb.left_edge.i
    return i >= 2 and doc[i - 1].dep_ == "cc" and doc[i - 2].text == ","


def _participle_on_a_noun(verb: Token) -> bool:
    """ "a statement saying ...", "teachers urging him to ...": a present participle after the noun
    it describes."""
    return verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.i < verb.i


def _finite_verb_read_as_a_participle(verb: Token) -> bool:
    """A cue the parse hung as a participle on the noun it made the sentence's root, with a
    that-clause of its own: the sentence's verb, and the noun its subject."""
    return (verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD") and verb.head.dep_ == "ROOT" and verb.head.i < verb.i
            and verb.head.pos_ in ("PROPN", "NOUN") and any(c.dep_ == "ccomp" for c in verb.children))


def _participle_holder(noun: Token) -> Token | None:
    """Who speaks through a participle on ``noun``: the noun itself ("Democrats urging him to
    bow out"), or, for a document someone put out, its author ("the council approved a
    resolution condemning the ban")."""
    if noun.lemma_.lower() in DOCUMENT_NOUNS:
        return _subject(noun.head) if noun.dep_ == "dobj" else None
    return noun if _looks_like_source(noun) else None


def _content_before(verb: Token) -> bool:
    """Whether the cue's clausal content comes before it ('"...," wrote X'; a quoted question
    the parse made the subject: '"Where will it stop?" asked the driver')."""
    return any(c.dep_ in CONTENT_DEPS + ("csubj",) and c.i < verb.i for c in verb.children)


def _name_beside(verb: Token) -> Token | None:
    """A name right next to a finite cue the parse gave no subject: '"...," said Skelly' (Skelly
    read as an adverb), '..., her adviser, Jake Sullivan, said:' (hung on the phrase before)."""
    doc = verb.doc
    before = verb.i - 1
    if before >= 0 and doc[before].text == ",":
        before -= 1
    if before < 0:
        return None
    after = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if quote_marks.is_quote(doc[before]):  # '"...," said Skelly'
        return after if after is not None and after.is_title and after.pos_ != "PRON" else None
    if doc[before].pos_ != "PROPN":
        return None
    name = doc[before]
    while name.dep_ == "compound" and name.head.i > name.i:
        name = name.head
    return name


def _name_just_before(verb: Token) -> Token | None:
    """The word right before the cue, or the name an appositive there describes: "Alarmed by
    the unrest, Senator Harry Reid, the minority leader, said" (the parse hangs Reid on
    "unrest")."""
    if verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    if before.text != "," or verb.i < 2:
        return before
    word = verb.doc[verb.i - 2]
    if word.dep_ != "appos" or word.head.i > word.i or word.head.ent_type_ != "PERSON":
        return before
    return word.head


def _name_before(verb: Token) -> Token | None:
    """The head of the words between a closing quote mark and the cue, if they name someone:
    '"...," Mitt Romney, the 2012 nominee, tweeted'."""
    doc, start = verb.doc, verb.i
    while start > 0 and not quote_marks.is_quote(doc[start - 1]) and doc[start - 1].sent == verb.sent:
        start -= 1
    words = doc[start : verb.i]
    return next((t for t in words if not start <= t.head.i < verb.i and t.pos_ in ("PROPN", "NOUN", "PRON")), None)


def _passive(verb: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children)


def _agent(verb: Token) -> Token | None:
    """The noun of the 'by' phrase of a passive cue ("was told by officials")."""
    if not _passive(verb):
        return None
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in by.children if c.dep_ == "pobj" and _looks_like_source(c)), None) if by is not None else None


def _quote_between(token: Token, verb: Token) -> bool:
    """A quote mark between a subject and its verb: the parse took a word of the quotation
    for the subject ('"The drop ... the foundation," said a person close to them')."""
    low, high = (token.right_edge.i, verb.i) if token.i < verb.i else (verb.i, token.left_edge.i)
    return any(quote_marks.is_quote(t) for t in token.doc[low + 1 : high])


def _is_parenthetical(verb: Token) -> bool:
    """A cue clause set off inside or after the clause it reports ("X, she said, Y")."""
    head = verb.head
    # a cue set off before a cue verb reports its clause too: "Kyiv, he said, had accepted the plan"
    # the head may be a root the parse took for a noun ("as POLITICO has reported, cases ... included")
    return ((verb.dep_ in ("parataxis", "ccomp", "advcl") or _joined_by_comma_alone(verb)) and head.i != verb.i
            and (head.pos_ in ("VERB", "AUX") or head.dep_ == "ROOT")
            and (not _is_cue_verb(head) or verb.i < head.i) and _has_subject(verb)
            and (_set_off_by_comma(verb) or _as_clause(verb)) and not _passive_about_a_noun(verb))


def _passive_about_a_noun(verb: Token) -> bool:
    """'As the plan was announced, protesters gathered': the plan was said, not what follows."""
    return _as_clause(verb) and _passive(verb) and any(
        c.dep_ == "nsubjpass" and c.pos_ in ("NOUN", "PROPN") for c in verb.children)


def _joined_by_comma_alone(verb: Token) -> bool:
    """A speech cue the parse made a second verb of the clause it reports, with no "and" or
    "but" between them: "This includes a special force, Defense Secretary Ash Carter told a
    panel" (a reported clause, not a second statement)."""
    head = verb.head
    return (verb.dep_ == "conj" and head.i < verb.i and verb.lemma_.lower() in _cue_lemmas()
            and not any(c.dep_ in ("cc", "preconj") and head.i < c.i < verb.i for c in head.children))


def _as_clause(verb: Token) -> bool:
    """'As Crane said, the two have become popular': the clause it introduces is what was said
    (but "as the minister talked, ..." tells when)."""
    return verb.dep_ == "advcl" and verb.lemma_.lower() not in TIME_AS_VERBS \
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)


def _as_it_was_reported(verb: Token) -> Token | None:
    """The comma that closes 'As (it) was reported,' before the host clause it reports, where
    "it" stands for that clause (the parse may hang pieces of it on the cue)."""
    if not (_passive(verb) and _as_clause(verb) and verb.i < verb.head.i and verb.head.pos_ in ("VERB", "AUX")
            and all(c.lower_ == "it" for c in verb.children if c.dep_ in SUBJECT_DEPS)):
        return None
    return next((t for t in verb.doc[verb.i + 1 : verb.head.i] if t.text == ","), None)


def _set_off_by_comma(verb: Token) -> bool:
    """The clause opens with a comma, its own (attached to the verb) or the one just before it."""
    first = verb.left_edge
    return first.text == "," or (first.i > 0 and verb.doc[first.i - 1].text == ",")


def _in_dateline(token: Token) -> bool:
    span = dateline.dateline_span(text_of(token.doc)) if token.i < 40 else None
    return span is not None and span[0] <= token.idx < span[1]


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def _marked_by_that(clause: Token) -> bool:
    """Whether a clause opens with the conjunction "that" ("said that ...")."""
    return any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)


def _looks_like_source(token: Token) -> bool:
    return token.pos_ in ("PROPN", "PRON", "NOUN") and token.ent_type_ not in ("DATE", "TIME", "CARDINAL")


def _source_span(doc: Doc, subject: Token | None, verb: Token | None = None) -> Span | None:
    if subject is None or subject.dep_ == "csubj" or _expletive(subject):
        return None
    # a participle set off after the name says where or when, not who: "Trump, speaking to
    # veterans, said"; without the comma it tells who ("people involved in the talks"), and an
    # appositive title stays ("Jane Doe, the mayor"), as does a relative clause that describes
    # the speaker ("Luis Rubio, who heads the center,"), unless it reports words of its own
    # ("said the chief, who added that ...": an attribution of its own)
    end = subject.right_edge.i + 1
    for child in subject.rights:
        if doc[child.left_edge.i - 1].text == "," and (
                child.dep_ in ("acl", "advcl") and child.tag_ in ("VBG", "VBN")
                or child.dep_ == "relcl" and _is_cue_verb(child)):
            end = min(end, child.left_edge.i - 1)
        elif _when_or_where_spoken(child) or (verb is not None and _topic_of_a_headline(child, verb)):
            end = min(end, child.i)
    if verb is not None and subject.is_ancestor(verb):  # "Democrats urging him to ...": up to the cue
        end = min(end, verb.i)
    # a dateline the parse hung on the subject is no part of it: "BRUSSELS (AP) — EU leaders",
    # "COPENHAGEN, Jan 12 (Reuters) - Maersk"
    start = max((t.i + 1 for t in subject.subtree if t.i < subject.i and t.text in DASHES or _in_dateline(t)), default=0)
    start = max([start] + [t.right_edge.i + 1 for t in _nouns_the_clause_is_about(subject, verb)])
    words = list(subject.subtree)
    name = _name_after_title(subject)
    if name is not None:
        words += list(name.subtree)
        end = name.right_edge.i + 1
    tokens = [t for t in words if start <= t.i < end
              and not (t.is_punct and t.i in (subject.left_edge.i, subject.right_edge.i))]
    if not tokens:
        return None
    span = _trim(doc[tokens[0].i : tokens[-1].i + 1])
    if span is not None and span.end < len(doc) and doc[span.end].text == ")" and _opens_more_than_it_closes(span):
        span = doc[span.start : span.end + 1]  # "The Nigerian National Petroleum Company Limited (NNPC)"
    return span


def _topic_of_a_headline(prep: Token, verb: Token) -> bool:
    """A phrase after a headline's speaker that names the topic: '"...," says WHO chief [on
    pandemic treaty]', 'Minister [over strikes]'."""
    return prep.dep_ == "prep" and prep.lower_ in ("on", "over", "about") and prep.i > verb.i \
        and in_a_headline(prep.doc[prep.i : prep.i + 1])


def _when_or_where_spoken(prep: Token) -> bool:
    """A phrase the parse hung on the speaker that dates the words or names their occasion:
    "the report on Wednesday said", "Durbin in an interview said"."""
    if prep.dep_ != "prep" or prep.lower_ not in ("on", "at", "during", "in"):
        return False
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return obj is not None and (obj.ent_type_ in ("DATE", "TIME") or obj.lemma_.lower() in OCCASION_NOUNS)


def _name_after_title(subject: Token) -> Token | None:
    """The name the parse made a second subject right after a title with no comma between:
    "The head of the regional administration Ruslan Kravchenko has reported" (a translation's
    word order)."""
    after = subject.right_edge.i + 1
    doc = subject.doc
    if after >= len(doc) or subject.pos_ != "NOUN" or subject.lower_ not in lexicon.words("titles") \
            or doc[after - 1].is_punct:
        return None
    name = doc[after]
    while name.dep_ == "compound" and name.head.i > name.i:
        name = name.head
    if name.dep_ == subject.dep_ and name.head == subject.head and name.ent_type_ == "PERSON" and name.left_edge.i == after:
        return name
    return None


def _inverted_name(verb: Token) -> Span | None:
    """The name after a sentence-opening cue the parse took for part of it: 'Said Ellis: “...”'."""
    doc = verb.doc
    if verb.dep_ != "compound" or verb.head.pos_ != "PROPN" or verb.head.i <= verb.i:
        return None
    end = verb.i + 1
    while end < len(doc) and doc[end].pos_ == "PROPN":
        end += 1
    return doc[verb.i + 1 : end]


def _expletive(subject: Token) -> bool:
    """'It' standing for the clause that follows: "it appears that", "it is expected that"."""
    if subject.lower_ != "it":
        return False
    verb = subject.head
    passive = _passive(verb)
    return subject.dep_ == "expl" or verb.lemma_ in RAISING_VERBS or (
        passive and any(c.dep_ in CONTENT_DEPS for c in verb.children))


def _trim(span: Span) -> Span | None:
    """Drop punctuation, quote marks and spaces at both ends of a span."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].text in EDGE_PUNCT or doc[start].is_space or quote_marks.is_quote(doc[start])):
        start += 1
    while end > start and (doc[end - 1].text in EDGE_PUNCT or doc[end - 1].is_space or quote_marks.is_quote(doc[end - 1])):
        if doc[end - 1].text == ")" and _opens_more_than_it_closes(doc[start : end - 1]):
            break  # the bracket closes one the span opened: "... 1.3 billion kroner (about 175 million euros)"
        end -= 1
    return doc[start:end] if end > start else None


def _opens_more_than_it_closes(span: Span) -> bool:
    opened = 0
    for tok in span:
        opened += (tok.text == "(") - (tok.text == ")")
    return opened > 0


def _fragments(doc: Doc, indices: set[int], quotes: list[Span]) -> list[Span]:
    """Contiguous runs of token indices as trimmed spans; quote marks around a run are kept."""
    bounds: list[list[int]] = []  # [start, end) of each run, made spans once complete
    for i in sorted(indices):
        # a gap of quote marks alone is no gap: 'called it “the least bad option”', where the
        # parse hangs the opening mark on the verb
        if bounds and all(quote_marks.is_quote(doc[k]) for k in range(bounds[-1][1], i)):
            bounds[-1][1] = i + 1
        else:
            bounds.append([i, i + 1])
    out = []
    for start, end in bounds:
        start, end = _whole_words(doc, start, end)
        while end > start + 1 and doc[end - 1].dep_ == "cc":
            end -= 1  # "voted to reject the decree and": the clause it joined went elsewhere
        trimmed = _trim(doc[start:end])
        if trimmed is None or all(t.is_punct or t.is_space for t in trimmed):
            continue
        out.append(quote_marks.widen_to_quote(trimmed, quotes))
    return out


def _whole_words(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """[start, end) widened over the pieces of a hyphenated word the parse hung elsewhere:
    "would U-turn", where "-turn" went to the cue."""
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_ and doc[end + 1].is_alpha:
        end += 2
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_ \
            and not doc[start - 1].whitespace_ and doc[start - 2].is_alpha:
        start -= 2
    return start, end


def _cue_span(doc: Doc, verb: Token) -> Span:
    """The cue as written, as PARC-style corpora mark it: the verb with the auxiliaries, negation
    and adverbs right before it ("has also said", "did not mention", "to say"), and a particle,
    a fixed preposition or a colon right after it ("pointed out", "called for", "said:")."""
    start, end = verb.i, verb.i + 1
    before = {c.i for c in verb.lefts if c.dep_ in CUE_LEFT_DEPS and (c.dep_ != "advmod" or c.lower_ in CUE_ADVERBS)}
    while start - 1 in before:
        start -= 1
    if (verb.dep_ == "xcomp" and _impression_complement(verb.head) == verb) \
            or (_is_stance_adjective(verb) and verb.head.i < verb.i):  # "seemed to recognize", "is not sure"
        start = min(start, _cue_span(doc, verb.head).start)
    lemma = verb.lemma_.lower()
    for child in verb.rights:
        if child.i != end:
            break
        if child.dep_ == "prt" or (child.dep_ == "prep" and (lemma, child.lower_) in lexicon.prepositional_cues()) \
                or (child.text == ":" and child.dep_ == "punct"):
            end += 1
        else:
            break
    marker = doc[end] if end < len(doc) else None
    if marker is not None and marker.head.head == verb and marker.head.dep_ == "advcl" \
            and _preposition_of_cue(verb, marker.head) == marker:
        end += 1  # "called for [the wage to be raised]"
    return doc[start:end]


def _asks_anonymity(head: Token) -> bool:
    """'declined to be named', 'asked not to be identified': no words reported, only a wish."""
    return head.dep_ == "xcomp" and head.lemma_ in ANONYMITY_VERBS and _passive(head)


def _purpose_of_anonymity(verb: Token) -> bool:
    """'spoke on condition of anonymity to discuss the talks', 'not authorized to discuss them':
    why a source is unnamed, not what it said."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    head = verb.head
    if head.lemma_.lower() in ("authorize", "permit") and _passive(head):
        return True
    return any(t.lower_ == "anonymity" for t in verb.doc[max(verb.sent.start, verb.i - 8) : verb.i])


def _label_of_a_noun(verb: Token, heads: list[Token]) -> bool:
    """A participle that describes the noun before it, with no one to say so and no clause of
    its own: "a podcast called “The Ledger”", "a class named for Ali", "systems deemed risky".
    The writer's description, not an attribution (PolNeAR train: exact 0.5495 -> 0.5499)."""
    return (verb.dep_ == "acl" and verb.tag_ == "VBN" and not any(c.dep_ == "agent" for c in verb.children)
            and not any(h.dep_ in CONTENT_DEPS for h in heads))


def _told_or_talked_about(verb: Token, subject: Token | None) -> bool:
    """Whether ``verb`` is a cue in the passive with no "by" agent, so that ``subject`` is the
    one told, asked or accused, or what is said or thought ("Clinton was asked about the
    speeches", "the plant was said to be safe", "the tax was intended to curb ...", "Christie
    said, when asked whether ..."): the source is not named. Verbs whose passive subject holds
    the attitude ("voters are worried that ...") are listed in lexicon/experiencer_verbs.txt."""
    if subject is None or verb.lemma_.lower() in lexicon.words(EXPERIENCER_VERBS_FILE) or _agent(verb) is not None \
            or _finite_verb_read_as_a_participle(verb):
        return False
    if subject.dep_ == "nsubjpass" and subject.head == verb:
        return True
    if _passive_without_auxiliary(verb, subject):
        return True
    # a bare participle: "said when asked whether ..."
    return verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") and not any(
        c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children)


def _participle_before_its_noun(verb: Token) -> bool:
    """Whether ``verb`` is a participle used as an adjective after an article or possessive:
    "a promised scheme", "their reported deal" (not "so called", nor a verb the parse misread:
    "Trump blasted Disney")."""
    return verb.dep_ == "amod" and verb.i > 0 and verb.doc[verb.i - 1].tag_ in ("DT", "PRP$", "POS")


def _passive_without_auxiliary(verb: Token, subject: Token) -> bool:
    """Whether ``verb`` is a passive that a headline writes without "be" and the parse reads as
    active: "Ministers accused of dragging their feet", "Police urged to reopen the case". Only
    verbs whose active takes its object first ("accused them of") qualify, with none after them."""
    doc, after = verb.doc, verb.i + 1
    preps = OBJECT_FIRST_CUES.get(verb.lemma_.lower(), ())
    if not preps or verb.tag_ not in ("VBD", "VBN") or subject.head != verb \
            or after + 1 >= len(doc) or any(c.dep_ in ("aux", "auxpass", "dobj") for c in verb.children):
        return False
    return doc[after].lower_ in preps and (doc[after].lower_ != "to" or doc[after + 1].pos_ == "VERB")


def _scene_before_cue(verb: Token, subject: Token | None, heads: list[Token]) -> set[int]:
    """Tokens of the reported clause that stand before the cue's own clause: a phrase the parse
    hung on the clause after the cue though it sets the scene of the saying ("In a statement
    released Tuesday, Smith said he ..."). A cue set off by commas inside its clause ("The
    rules, she said, will ...") keeps the words before it, and so does a phrase the clause
    needs ("what he called a lie")."""
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if after is None or after.text == "," or after.text in DASHES:
        return set()
    start = subject.left_edge.i if subject is not None and subject.i < verb.i else verb.i
    return {t.i for h in heads for c in h.lefts if c.i < start and c.dep_ in SCENE_DEPS for t in c.subtree}


def _fronted_participle(verb: Token) -> bool:
    """A participle clause before its head clause, whose subject it shares: "Asked whether ...,"."""
    return verb.dep_ == "advcl" and verb.tag_ in ("VBN", "VBD") and verb.i < verb.head.i and not _has_subject(verb)


def _excluded(verb: Token, subject: Token | None) -> set[int]:
    """Tokens that belong to the cue clause, not to the content."""
    out = {verb.i}
    if subject is None and _fronted_participle(verb):
        subject = _subject(verb.head)  # "Asked whether ..., Starmer said": Starmer is not asked about
    if subject is not None:  # a noun a participle hangs on holds it: "Democrats urging him to ..."
        holds_cue = subject.is_ancestor(verb)
        out.update(t.i for t in subject.subtree if t.i < verb.i or not holds_cue)
    for child in verb.children:
        if child.dep_ in CUE_ATTACHED_DEPS and child.dep_ != "punct":
            out.update(t.i for t in child.subtree)
        elif child.dep_ == "punct":
            out.add(child.i)
    return out


def _subject_read_as_object(verb: Token, clauses: list[Token]) -> list[Token]:
    """The subject of a reported clause that the parse made the cue's object: "Others worried
    [the new shelters] would bring crime", where the clause is left with no subject of its own
    but a finite verb or a modal."""
    for clause in clauses:
        if clause.dep_ != "ccomp" or clause.i < verb.i or _has_subject(clause):
            continue
        if not (clause.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ == "aux" and c.tag_ == "MD" for c in clause.children)):
            continue
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.right_edge.i + 1 == clause.left_edge.i), None)
        # not a listener described at length: 'told [a woman who suggested that ...] that "..."'
        if obj is not None and not any(t.dep_ in ("relcl", "acl") for t in obj.subtree):
            return [obj]
    return []


def _scene_read_as_a_second_clause(clause: Token, verb: Token) -> bool:
    """An unquoted clause before the cue, where the cue has a clause after it that opens with
    "that" or lacks its subject: "In a dissent she read aloud from the bench, Justice Sotomayor
    wrote that ...", "Countries adopted a deal ..., a target developing countries said fell far
    short": the parse made the clause before a second complement, but it sets the scene."""
    return clause.dep_ == "ccomp" and not any(quote_marks.is_quote(t) for t in clause.subtree) and any(
        c.dep_ == "ccomp" and c.i > verb.i and (_marked_by_that(c) or _subject_taken_before(c))
        for c in verb.children)


def _speaker_in_a_relative_read_as_a_clause(clause: Token) -> Token | None:
    """The name before a "whose" clause the parse read as a clause before the cue, with the
    name as a second subject: "Conservative leader Friedrich Merz, whose CDU/CSU bloc leads the
    polls, said ..." (Merz and "bloc" both subjects of "leads")."""
    if clause.dep_ != "ccomp":
        return None
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subjects) < 2 or not any(t.tag_ in ("WP$", "WP", "WDT") for t in subjects[1].subtree):
        return None
    return subjects[0]


def _nouns_the_clause_is_about(subject: Token, verb: Token | None) -> list[Token]:
    """The noun before a subject whose clause lost its own subject to it: "a target" in "a
    target developing countries said fell far short" (no speaker)."""
    if verb is None or not any(c.dep_ == "ccomp" and _subject_taken_before(c) for c in verb.children):
        return []
    return [t for t in subject.subtree if t.dep_ == "npadvmod" and t.i < subject.i and t.pos_ == "NOUN"]


def _subject_taken_before(clause: Token) -> bool:
    """A finite clause with no subject: "a target developing countries said [fell short]"."""
    return clause.tag_ in ("VBD", "VBZ", "VBP") and not _has_subject(clause) \
        and not any(c.dep_ == "expl" for c in clause.children)


def _time_of_the_cue_hung_on_the_clause(verb: Token, clause: Token) -> list[Token]:
    """A time right after the cue and before the clause's subject, which the parse hung on the
    clause: "Trudeau said [on Monday] he would resign" (the saying was on Monday)."""
    if clause.dep_ != "ccomp" or clause.i < verb.i:
        return []
    subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
    return [c for c in clause.children if c.dep_ in ("prep", "npadvmod") and c.left_edge.i == verb.i + 1
            and subject is not None and c.right_edge.i < subject.left_edge.i
            and any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree)]


def _content_heads(verb: Token) -> list[Token]:
    """The roots of the content: a clause ("said that ..."), else an infinitive ("vowed to
    ..."), else an object ("criticized the plan", "called them 'deplorables'"), else the
    object of a fixed preposition ("called for a ban")."""
    lemma = verb.lemma_.lower()
    heads = [c for c in verb.children if c.dep_ in CONTENT_DEPS
             and not (c.i < verb.i and (_is_parenthetical(c) or _introduces(c) or _runs_into_the_next_word(c)
                                        or _scene_read_as_a_second_clause(c, verb)
                                        or _speaker_in_a_relative_read_as_a_clause(c) is not None))]
    heads = _subject_read_as_object(verb, heads) + heads
    heads = _object_split_by_the_parse(verb, heads)
    if not heads and lemma in lexicon.words("speech_verbs"):
        heads = _clause_read_as_object(verb) or _stand_in_answer(verb) or _question_read_as_condition(verb)
    if not heads and lemma in lexicon.words(CLAUSE_ONLY_FILE):
        return []
    if not heads:
        heads = [c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i]
        if heads:
            heads = _addressee(verb, heads[0]) + heads
    if not heads and lemma not in lexicon.words(NO_OBJECT_CONTENT_FILE):
        objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
        # the charge goes with its target: "accused him of lying", "blamed the law on Democrats"
        charges = [p for p in verb.children if (p.dep_ == "prep" and p.lower_ in OBJECT_PREPS or _as_predicate(p))
                   and objects and _next_after_adverbs(objects[0]) == p.left_edge.i and not _circumstance(p)]
        charges += _further_as_predicates(verb, charges)
        objects = [o for o in objects if o.pos_ != "PRON" or charges or o.lower_ in CONTENT_PRONOUNS]
        predicates = [c for c in verb.children if c.dep_ == "oprd" and c.i > verb.i]
        if objects:
            # with the adverbs between the object and its charge: "blamed Clinton directly for X"
            between = [verb.doc[k] for k in range(objects[0].right_edge.i + 1, charges[0].i)] if charges else []
            heads = objects + between + charges + predicates + _as_saying(objects[-1])
        elif predicates and predicates[0].left_edge.i == verb.i + 1 \
                and any(quote_marks.is_quote(t) for t in predicates[0].subtree):
            heads = predicates  # 'called the shooting "senseless"', the object read into the label
    if not heads:
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.i > verb.i and (lemma, prep.lower_) in lexicon.prepositional_cues():
                heads = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
                break
    if not heads:
        heads = _clause_after_preposition(verb)
    if not heads:
        heads = _clause_hung_on_a_medium(verb)
    if not heads and lemma in lexicon.words("speech_verbs"):
        # "Not a chance, she said.": words without a verb, which the parse leaves unattached
        heads = [c for c in verb.children if c.dep_ == "dep" and c.i < verb.i
                 and c.right_edge.i + 1 < verb.i and c.doc[c.right_edge.i + 1].text == ","]
    return heads


def _object_split_by_the_parse(verb: Token, heads: list[Token]) -> list[Token]:
    """``heads`` with the object put back before a clause without verb or subject that the
    parse split off it: "announced a new package of aid worth 1.3 billion kroner" ("worth"
    read as a clause of its own)."""
    if len(heads) != 1 or heads[0].pos_ != "ADJ" or heads[0].i < verb.i or _has_subject(heads[0]):
        return heads
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.right_edge.i + 1 == heads[0].left_edge.i]
    return objects + heads


def _runs_into_the_next_word(clause: Token) -> bool:
    """Whether a clause before the cue runs on into the words after it with no comma, dash or
    quote mark between: content set before its cue is set off ("The plan failed, he said");
    this is a misparse of the subject's own words ("Rio Grande do Sul Governor Eduardo Leite
    told", with "do" read as a verb)."""
    doc, last = clause.doc, clause.right_edge
    return last.i + 1 < len(doc) and not last.is_punct and not doc[last.i + 1].is_punct


def _introduces(clause: Token) -> bool:
    """Whether a clause before the cue ends in a colon or a semicolon: a sentence of its own that
    leads into the cue's ('Backers sounded equivocal: Harman called it "the least bad option"')."""
    after = clause.right_edge.i + 1
    return after < len(clause.doc) and clause.doc[after].text in (":", ";")


def _preposition_of_cue(verb: Token, clause: Token) -> Token | None:
    """The fixed preposition of the cue ("called for") that opens ``clause`` as its marker:
    "called for all candidates to lay out their plans"."""
    lemma = verb.lemma_.lower()
    return next((m for m in clause.children if m.dep_ == "mark" and m.i == clause.left_edge.i
                 and (lemma, m.lower_) in lexicon.prepositional_cues()), None)


def _clause_after_preposition(verb: Token) -> list[Token]:
    """The clause after a cue's fixed preposition, which the parse makes the clause's marker:
    in "called for the wage to be raised", "for" opens "the wage to be raised"."""
    return [c for c in verb.children if c.dep_ == "advcl" and c.left_edge.i == verb.i + 1
            and _preposition_of_cue(verb, c) is not None][:1]


def _question_read_as_condition(verb: Token) -> list[Token]:
    """The question of "asked the students if they were ready", which the parse reads as a
    condition (an adverbial "if" clause) of the asking."""
    if verb.lemma_.lower() not in QUESTION_VERBS:
        return []
    listener = {t.i for c in verb.children if c.dep_ in ("dobj", "advmod") for t in c.subtree}
    return [c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i
            and any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)
            and all(i in listener for i in range(verb.i + 1, c.left_edge.i))][:1]  # not "asked for X if"


def _stand_in_answer(verb: Token) -> list[Token]:
    """A word that stands for a whole statement: "46 percent said yes", "55 percent said so",
    "26 percent said the same"."""
    return [c for c in verb.children if c.i > verb.i and c.lower_ in STAND_IN_ANSWERS
            and c.dep_ in ("dobj", "advmod", "intj", "ccomp", "acomp", "nsubj")][:1]


def _clause_read_as_object(verb: Token) -> list[Token]:
    """A clause the parse reads as an object with a participle after it: in "said those
    donations paid for sponsorships", "paid" hangs on "donations" as a modifier."""
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i and c.pos_ != "PRON"]
    if not objects:
        return []
    obj = objects[0]
    verbs = [c for c in obj.rights if c.dep_ in ("acl", "relcl") and c.tag_ in ("VBD", "VBN", "VBZ", "VBP")
             and not any(m.tag_ in ("WDT", "WP", "IN") or m.dep_ in SUBJECT_DEPS for m in c.lefts)]
    return [obj] if verbs and verbs[0].i == obj.i + 1 else []


def _addressee(verb: Token, infinitive: Token) -> list[Token]:
    """The object right before an infinitive content, which goes with the request as PARC
    marks it: "asked [the woman] to raise her voice"."""
    return [c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < infinitive.i
            and c.right_edge.i + 1 == infinitive.left_edge.i]


def _next_after_adverbs(obj: Token) -> int:
    """The token after an object and the adverbs of its verb right after it ("blamed Clinton
    directly for ...")."""
    i = obj.right_edge.i + 1
    while i < len(obj.doc) and obj.doc[i].dep_ == "advmod" and obj.doc[i].head.i == obj.head.i:
        i += 1
    return i


def _object_content(heads: list[Token]) -> bool:
    """Whether the content is the cue's object or prepositional object ("criticized the plan",
    "called for a ban"), not a clause."""
    return all(h.dep_ in ("dobj", "pobj") for h in heads)


def _leading_connective(doc: Doc, content_idx: set[int]) -> set[int]:
    """A connective with its comma that opens the sentence and the content ("However, the plan
    failed, he said"): the writer's link to what came before. "But" and "And" stay: annotators
    split on them, and dropping them too measured worse on PolNeAR train."""
    if not content_idx:
        return set()
    first = min(content_idx)
    if not doc[first].is_sent_start:
        return set()
    for words in CONNECTIVES:
        end = first + len(words)
        if end < len(doc) and doc[end].text == "," and [t.lower_ for t in doc[first:end]] == list(words):
            return set(range(first, end + 1))
    return set()


def _rest_of_the_listener(verb: Token, content_idx: set[int]) -> set[int]:
    """The words of the listener's name that the parse ran into the content: "told ABC [Radio
    National] the government's approach was ..." (the name begins at the cue's object)."""
    if not content_idx:
        return set()
    doc = verb.doc
    first = end = min(content_idx)
    start = first
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    if start == first or doc[start].head != verb or doc[start].dep_ not in ("dobj", "dative"):
        return set()
    while end < len(doc) and doc[end].ent_iob_ == "I" and end in content_idx:
        end += 1
    return set(range(first, end))


def _venue_after_object(obj: Token, content_idx: set[int]) -> set[int]:
    """A phrase at the end of an object content that names where the words came out, which the
    parse hung on the object: "announced the evacuation [on his Telegram channel]", "criticized
    the decision [on Facebook]" (a date there is as often part of what was said: "incidents
    between January 1 and September 18")."""
    rights = list(obj.rights)
    last = rights[-1] if rights else None
    if last is None or last.dep_ != "prep" or last.right_edge.i != max(content_idx, default=-1):
        return set()
    if not any(c.dep_ == "pobj" and c.lemma_.lower() in VENUE_NOUNS for c in last.children):
        return set()
    return set(range(last.i, last.right_edge.i + 1))


def _object_modifiers(verb: Token, last: int) -> set[int]:
    """Phrases of the cue verb right after its object, which belong to what is said about it:
    "praised X for its leadership", "pointed to X as the obstacle", "stressed X during a visit"."""
    out: set[int] = set()
    for child in verb.rights:
        if child.i <= last:
            continue
        if child.i != last + 1 or child.dep_ not in OBJECT_MODIFIER_DEPS or _circumstance(child):
            break
        out.update(range(child.i, child.right_edge.i + 1))
        last = child.right_edge.i
    return out


def _predicate_cut_off(verb: Token, heads: list[Token], last: int) -> set[int]:
    """The rest of a clause the parse broke after its subject, which it took for the cue's
    object: "announcing [it] would expand purchases" (the parse hangs "expand" elsewhere, with
    no subject). A modal right after the object, whose verb has no subject, tells it."""
    doc = verb.doc
    after = last + 1
    if after >= len(doc) or doc[after].tag_ != "MD" or doc[after].dep_ != "aux" or len(heads) != 1:
        return set()
    predicate = doc[after].head
    if predicate.i <= after or predicate.sent != verb.sent or _has_subject(predicate):
        return set()  # "[those who sought them] should be punished": the cue is inside its subject
    return set(range(after, predicate.right_edge.i + 1))


def _phrase_around_quote(verb: Token, quote: Span) -> set[int]:
    """The object of the preposition after the cue that holds a scare quote, whole: "joked about
    Clinton's “interesting friendship” with her aide" (not the quoted words alone)."""
    token = quote.root
    while token.head.i != verb.i and token.head.i != token.i:
        token = token.head
    if token.head.i != verb.i or token.dep_ != "prep" or token.i < verb.i or _circumstance(token):
        return set()
    objects = [c for c in token.children if c.dep_ == "pobj"]
    return {t.i for t in objects[0].subtree} if objects else set()


def _as_predicate(clause: Token) -> bool:
    """A clause that says what the object is taken for: "described the country as beset by ..."."""
    return clause.dep_ == "advcl" and not _has_subject(clause) \
        and any(c.dep_ == "mark" and c.lower_ == "as" and c.i == clause.left_edge.i for c in clause.children)


def _further_as_predicates(verb: Token, charges: list[Token]) -> list[Token]:
    """The next object's "as" phrase, right after the first: "portrays Mexicans as criminals and
    Muslims as too dangerous" (the parse hangs the second on the verb)."""
    out: list[Token] = []
    last = charges[-1] if charges else None
    while last is not None:
        last = _as_phrase_at(verb, last.right_edge.i + 1)
        if last is not None:
            out.append(last)
    return out


def _as_phrase_at(verb: Token, i: int) -> Token | None:
    """The "as" phrase or clause of ``verb`` that starts at token ``i``, if any."""
    return next((c for c in verb.children if c.left_edge.i == i
                 and ((c.dep_ == "prep" and c.lower_ == "as") or _as_predicate(c))), None)


def _circumstance(phrase: Token) -> bool:
    """A phrase that says when, where or in what the words were said ("on Tuesday", "at a
    rally", "in a statement"), which is the writer's, not part of the content."""
    if phrase.lower_ in CIRCUMSTANCE_PREPS or phrase.ent_type_ in ("DATE", "TIME"):
        return True  # and "talked politics Monday"
    objects = [c for c in phrase.children if c.dep_ == "pobj"]
    return any(o.ent_type_ in ("DATE", "TIME") or o.lemma_.lower() in OCCASION_NOUNS | VENUE_NOUNS for o in objects)


def _aside_on_object(clause: Token, heads: list[Token]) -> bool:
    """A participle set off by a comma after an object content is the writer's comment on the
    act: 'reaffirmed their opposition to Trump, underscoring the divisions'."""
    return _object_content(heads) and clause.doc[clause.left_edge.i - 1].text == ","


def _quoted_lead(doc: Doc, verb: Token, quotes: list[Span]) -> list[Token]:
    """The first half of a quote split by its cue, which the parse hangs on the cue verb as
    a modifier: '"If the nominees stay away," Robinson said, "why would brands come?"'."""
    closed_before = [q for q in quotes if q.end <= verb.i]
    return [c for c in verb.lefts if c.dep_ not in SUBJECT_DEPS and c.dep_ not in ("punct", "aux", "auxpass", "neg", "cc")
            and quote_marks.inside_any(doc[c.left_edge.i : c.right_edge.i + 1], closed_before)]


def _nested_cue(token: Token, head: Token) -> bool:
    """A second cue inside the content that reports on its own ("noted that X and said Y",
    "..., arguing that Y"): its clause is a separate attribution, not part of this one."""
    if token.i == head.i or token.dep_ not in ("conj", "advcl") or not _is_cue_verb(token) or _has_subject(token):
        return False
    # a purpose clause ("to better defend the region") is part of the content: only speech
    # verbs, or verbs with a clause of their own, start a new attribution
    return token.lemma_.lower() in lexicon.words("speech_verbs") or any(c.dep_ in CONTENT_DEPS for c in token.children)


# What a speaker "did not" say more of, which the writer tells and the parse joins to the
# content: "said China would take measures but did not elaborate"
WITHHOLDING_VERBS = frozenset({"elaborate", "comment", "specify", "explain", "say"})


def _declined_to_say_more(token: Token, head: Token) -> bool:
    """A verb of telling more, negated and joined by "but" with no subject of its own, outside
    quote marks (an even count of them before it): "but did not elaborate", "but would not say
    how" are the writer's, not the speaker's. Not a pledge's "will not provide any support"."""
    return (token.i != head.i and token.dep_ == "conj" and token.lemma_.lower() in WITHHOLDING_VERBS
            and any(c.dep_ == "neg" for c in token.children) and not _has_subject(token)
            and any(token.doc[j].lower_ == "but" for j in _joiners_before(token))
            and sum(quote_marks.is_quote(t) for t in token.doc[head.left_edge.i : token.i]) % 2 == 0)


def _joiners_before(clause: Token) -> list[int]:
    """The ", and" right before a conjoined clause, not a quote mark further back that its
    head also governs ('was "a disaster" ..., and promised')."""
    doc, joiners = clause.doc, []
    i = clause.left_edge.i - 1
    while i >= 0 and doc[i].head.i == clause.head.i and doc[i].dep_ in ("cc", "punct"):
        joiners.append(i)
        i -= 1
    return joiners


def _as_saying(obj: Token) -> list[Token]:
    """The "as saying ..." phrase after the object of "quoted X as saying ...", wherever the
    parse hangs it."""
    doc, after = obj.doc, obj.right_edge.i + 1
    if after + 1 < len(doc) and doc[after].lower_ == "as" and doc[after + 1].tag_ == "VBG" \
            and doc[after + 1].lemma_.lower() in lexicon.words("speech_verbs"):
        return [doc[after]]
    return []


def _second_that_clause(token: Token) -> bool:
    """A verb conjoined to the cue that opens with "that": "said that X, and that Y"."""
    return token.dep_ == "conj" and _marked_by_that(token)


def _clause_hung_on_a_medium(verb: Token) -> list[Token]:
    """"said in a statement that ...", "told a conference that ...": the parse hangs the
    that-clause on the noun of the occasion or the listener."""
    nouns = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    nouns += [p for prep in verb.children if prep.dep_ == "prep" and prep.i > verb.i
              for p in prep.children if p.dep_ == "pobj"]
    for noun in nouns:
        clauses = [c for c in noun.children if c.dep_ in ("acl", "relcl")
                   and (_marked_by_that(c) or _opens_with_that(c, noun))]
        if clauses:
            return clauses
    return []


def _opens_with_that(clause: Token, noun: Token) -> bool:
    """A clause read as relative that opens with "that" and has a subject of its own, after
    the noun of an occasion: "told analysts on a call that demand continues ...", which the
    parse hangs on "call" (not "criticized for policies that objectors see as abuses")."""
    first = clause.left_edge
    return (noun.lemma_.lower() in OCCASION_NOUNS and first.i == noun.i + 1 and first.lower_ == "that"
            and any(c.dep_ in ("nsubj", "nsubjpass") and c.i != first.i and c.pos_ != "PRON" for c in clause.children))


def _trailing_aside(doc: Doc, content_idx: set[int], quotes: list[Span]) -> set[int]:
    """Tokens of a clause set off by a comma or a dash at the end of the content that the writer adds
    on his own account: a non-restrictive relative clause ("criticized the plan, which the
    mayor drafted") or a contrast ("..., while 22 percent said they might change their mind").
    Inside a quotation (``quotes``, spans of quote_marks.find_quotes) such a clause is the
    speaker's own."""
    if not content_idx:
        return set()
    last = max(content_idx)
    for i in sorted(content_idx):
        if i - 1 not in content_idx or (doc[i - 1].text != "," and doc[i - 1].text not in DASHES):
            continue
        if any(q.start < i < q.end for q in quotes):
            continue  # inside a quotation the clause is the speaker's words, not the writer's aside
        token = doc[i]
        clause = None
        if token.dep_ == "relcl" or (token.tag_ in ("WDT", "WP", "WP$") and token.head.dep_ == "relcl"):
            clause = token.head if token.dep_ != "relcl" else token
        elif token.dep_ == "mark" and token.lower_ in CONTRAST_MARKS and token.head.dep_ == "advcl":
            clause = token.head
        elif _describes_a_person(token) or _appositive_comment(token):
            clause = token.head if token.dep_ != "appos" else token
        if clause is not None and clause.right_edge.i >= last:
            return set(range(i - 1, last + 1))
    return set()


def _appositive_opened_by(token: Token) -> Token | None:
    """The head of the appositive that ``token`` opens (the appositive itself or its first
    word), set after the noun it describes; None if it opens none."""
    appos = token if token.dep_ == "appos" else token.head if token.head.dep_ == "appos" and token.i < token.head.i else None
    return appos if appos is not None and appos.head.i < token.i else None


def _appositive_comment(token: Token) -> bool:
    """Whether ``token`` opens an appositive noun phrase that sums up or glosses what came
    before ("..., a 16-point margin over Sanders", "..., the maker of Botox")."""
    appos = _appositive_opened_by(token)
    return appos is not None and appos.pos_ == "NOUN"


def _describes_a_person(token: Token) -> bool:
    """Whether ``token`` opens an appositive on a named person that the writer adds ("...
    against Clinton, the former secretary of state")."""
    appos = _appositive_opened_by(token)
    return appos is not None and appos.head.ent_type_ == "PERSON"


def _impression_complement(verb: Token) -> Token | None:
    """The complement of a verb of impression ("seemed [lost]", "is expected [to win]"), if it is one."""
    lemma = verb.lemma_.lower()
    if lemma not in RAISING_VERBS and not (
            lemma == "expect" and _passive(verb)
            and not any(c.dep_ == "agent" for c in verb.children)):
        return None
    return next((c for c in verb.rights if c.dep_ in IMPRESSION_COMPLEMENT_DEPS), None)


def _impression(doc: Doc, verb: Token, subject: Token | None, complement: Token, quotes: list[Span],
                sent_index: int) -> AttributionSpan | None:
    """'Enthusiasm for Clinton appears to have plummeted': the writer's impression, with no source;
    its subject is what the impression is about, so the content is the whole clause, as PARC
    marks it. 'Obama seemed to recognize X' is Obama's own cue ('recognize'), found on its own."""
    if complement.dep_ == "xcomp" and _is_cue_verb(complement):
        return None
    if subject is None or subject.i > verb.i:
        return None
    return _clause_attribution(doc, _cue_span(doc, verb), set(range(subject.left_edge.i, complement.right_edge.i + 1)),
                               None, quotes, sent_index, "impression")


def _writers_imperative(verb: Token) -> bool:
    """Whether ``verb`` opens its sentence as an imperative with no subject or auxiliary: the
    writer addressing the reader ("Recall that in March 2022 ...", "Note that ..."), which
    translated reports use; nobody in the story says it."""
    return (verb.dep_ == "ROOT" and verb.tag_ == "VB" and verb.i == verb.sent.start
            and not any(c.dep_ in SUBJECT_DEPS or c.dep_ in ("aux", "auxpass") for c in verb.children))


def _sentence_reported(verb: Token) -> Span | None:
    """The sentence before, in the same paragraph, that "This was reported by the head of the
    administration" attributes: a passive cue with an agent and a bare "this" for subject, as
    translated reports write it."""
    if verb.dep_ != "ROOT" or _agent(verb) is None or not any(
            c.dep_ == "nsubjpass" and c.lower_ == "this" and not c.n_lefts and not c.n_rights for c in verb.children):
        return None  # not the relative "that" of "a sentiment that could be shared by many"
    doc, sent = verb.doc, verb.sent
    if sent.start == 0:
        return None
    previous = doc[sent.start - 1].sent
    return previous if "\n" not in text_of(doc)[previous.end_char : sent.start_char] else None


def _verb_attribution(doc: Doc, verb: Token, quotes: list[Span], sent_index: int) -> AttributionSpan | None:
    if _writers_imperative(verb):
        return None
    if verb.dep_ == "acl" and _medium_of_a_cue(verb.head):
        return None  # "said in a statement reported by the Irish Times": the statement's, not news of it
    subject = _subject(verb)
    previous = _sentence_reported(verb)
    if previous is not None:
        content = _fragments(doc, set(range(previous.start, previous.end)), quotes)
        return AttributionSpan(cue=_cue_span(doc, verb), content=content, source=_source_span(doc, subject, verb),
                               type=quote_marks.attribution_type(content, quotes), sentence=sent_index,
                               rule="reported-before") if content else None
    complement = _impression_complement(verb)
    if complement is not None and (subject is None or not _expletive(subject)):
        return _impression(doc, verb, subject, complement, quotes, sent_index)
    comma = _as_it_was_reported(verb)
    if comma is not None:  # "As it was reported, on May 2 the army launched ...": the host clause
        host = verb.head
        content = _fragments(doc, set(range(comma.i + 1, host.right_edge.i + 1)), quotes)
        return AttributionSpan(cue=_cue_span(doc, verb), content=content, source=None,
                               type=quote_marks.attribution_type(content, quotes), sentence=sent_index,
                               rule="as-reported") if content else None
    heads = _content_heads(verb)
    if any(_asks_anonymity(h) for h in heads) or _purpose_of_anonymity(verb):
        return None
    if _label_of_a_noun(verb, heads):
        return None
    excluded = _excluded(verb, subject)
    if heads and all(h.i > verb.i for h in heads):
        lead = _quoted_lead(doc, verb, quotes)
        if not lead:
            excluded |= _scene_before_cue(verb, subject, heads)
        heads = lead + heads
        excluded -= {t.i for h in lead for t in h.subtree}
    if not heads and _is_parenthetical(verb):  # "The rules, she said, will cut costs": content is the host clause
        heads = [verb.head]
        excluded.update(t.i for t in verb.subtree)
    content_idx: set[int] = set()
    for head in heads:
        subtree = list(head.subtree)
        content_idx.update(t.i for t in subtree)
        # "called for X": X is content, "for" not; "accused him of lying": the charge, "of" too;
        # "said in a statement that X": X
        if head.dep_ in ("prep", "advmod") or (head.head.dep_ in ("prep", "pobj", "dobj") and verb in head.ancestors):
            excluded -= {t.i for t in subtree}
        if head.dep_ == "advcl" and (preposition := _preposition_of_cue(verb, head)) is not None:
            excluded.add(preposition.i)  # part of the cue
        for when in _time_of_the_cue_hung_on_the_clause(verb, head):
            excluded.update(t.i for t in when.subtree)
        for t in subtree:
            if t.lower_ == "according" and t.i > head.i:  # "..., according to state media": a source of its own
                excluded.update(range(t.i, t.right_edge.i + 1))
            elif _nested_cue(t, head) or _declined_to_say_more(t, head):
                excluded.update(x.i for x in t.subtree)
                excluded.update(_joiners_before(t))
    # trailing modifiers of the cue that run on after the content ("said X, depending on ..."),
    # not after a content before the cue ('"X," she says, standing in a field')
    if heads and all(h.i > verb.i for h in heads):
        last = max(h.right_edge.i for h in heads)
        if _object_content(heads):
            modifiers = _object_modifiers(verb, last) | _predicate_cut_off(verb, heads, last)
            content_idx |= modifiers
            excluded -= modifiers
        for child in verb.rights:
            if child.i > last and child.dep_ in RUN_ON_DEPS and not _is_cue_verb(child) and not _aside_on_object(child, heads) \
                    and not any(m.dep_ == "mark" and m.lower_ in WRITERS_CONTEXT_MARKS for m in child.children):
                content_idx.update(t.i for t in child.subtree)
            elif child.i > last and _second_that_clause(child):
                # "said that X, and that Y": the parse makes Y a second verb of the cue's
                second = set(range(last + 1, child.right_edge.i + 1))
                content_idx |= second
                excluded -= second
    content_idx -= excluded
    content_idx -= _trailing_aside(doc, content_idx, quotes)
    if heads and _object_content(heads):
        content_idx -= _venue_after_object(heads[-1], content_idx)
    content_idx -= _leading_connective(doc, content_idx)
    content_idx -= _rest_of_the_listener(verb, content_idx)
    if verb.dep_ == "relcl":  # "weapons that commanders say could be useful": drop the relativizer
        content_idx -= {i for i in content_idx if doc[i].tag_ in ("WDT", "WP") or (doc[i].lower_ == "that" and doc[i].dep_ in SUBJECT_DEPS)}
    # A leading complementizer ("said that ...") stays in the content, as PARC-style corpora
    # annotate it: the content is the whole complement clause.
    if not content_idx and not any(c.dep_ == "dobj" and c.lower_ in SAID_NOTHING for c in verb.children):
        quote = quote_marks.quote_near(verb, quotes)
        if quote is None or _participle_before_its_noun(verb) or (quote.end <= verb.i and (verb.dep_ == "relcl" or any(
                c.dep_ == "aux" and c.lower_ == "to" for c in verb.children))):
            # 'would "not hesitate" to add ...', 'were "alarming" but needed to be confirmed',
            # '"...," said Reese, a priest who has written about ...': a quote before an infinitive
            # or a relative clause is not what it says ('went on to say: "..."' takes the one after),
            # nor is one near a participle before its noun ('accused of "..." on a promised scheme')
            return None
        content_idx = _phrase_around_quote(verb, quote) or set(range(quote.start, quote.end))
    content = _fragments(doc, content_idx, quotes)
    if not content:
        return None
    return AttributionSpan(
        cue=_cue_span(doc, verb),
        content=content,
        source=None if _told_or_talked_about(verb, subject) else _source_span(doc, subject, verb) or _inverted_name(verb),
        type=quote_marks.attribution_type(content, quotes),
        sentence=sent_index,
        rule="verb",
    )


def _according_to(doc: Doc, token: Token, quotes: list[Span], sent_index: int) -> AttributionSpan | None:
    """'..., according to X.' → content is the clause the phrase modifies."""
    if token.lower_ != "according":
        return None
    to = next((c for c in token.children if c.lower_ == "to"), None)
    if to is None and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
        to = doc[token.i + 1]
    if to is None:
        return None
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    source = doc[pobj.left_edge.i : pobj.right_edge.i + 1] if pobj is not None else None
    sent = token.sent
    if source is not None and source.end >= sent.end - 1 and token.i == sent.start:
        # "According to X, the move reeks of fear.": a parse that hangs the clause on X as an
        # apposition leaves no content; the source ends at its comma
        comma = next((t for t in doc[pobj.i : source.end] if t.text == ","), None)
        if comma is not None:
            source = doc[source.start : comma.i]
    phrase = set(range(token.i, (source.end if source is not None else to.i + 1)))
    return _clause_attribution(doc, doc[token.i : to.i + 1], {t.i for t in sent if t.i not in phrase},
                               source, quotes, sent_index, "according-to")


def _clause_attribution(doc: Doc, cue: Span, content_idx: set[int], source: Span | None, quotes: list[Span],
                        sent_index: int, rule: str) -> AttributionSpan | None:
    """An attribution whose content is a clause the rule has already marked out ("according
    to X", "in a poll", a verb of impression), or None if nothing of it is left once trimmed."""
    content = _fragments(doc, content_idx, quotes)
    if not content:
        return None
    return AttributionSpan(cue=cue, content=content, source=_trim(source) if source is not None else None,
                           type=quote_marks.attribution_type(content, quotes), sentence=sent_index, rule=rule)


def _hearsay(doc: Doc, adverb: Token, quotes: list[Span], sent_index: int) -> AttributionSpan | None:
    """'Google has reportedly looked at Twitter': the writer passes on what others report without
    naming them. The clause the adverb modifies is the content, the adverb the cue, and there
    is no source. Not in a relative clause ("the president, who reportedly ..."), an aside of the
    writer's, nor on a cue verb of its own ("reportedly told aides that ..."), found on its own."""
    clause = adverb.head
    while clause.dep_ in ("aux", "auxpass") and clause.head != clause:  # "has reportedly been ..."
        clause = clause.head
    if adverb.dep_ != "advmod" or clause.pos_ not in ("VERB", "AUX") or clause.dep_ == "relcl" or _is_cue_verb(clause):
        return None
    content = {t.i for t in clause.subtree} - {adverb.i}
    return _clause_attribution(doc, doc[adverb.i : adverb.i + 1], content, None, quotes, sent_index, "hearsay")


def _in_a_poll(doc: Doc, token: Token, quotes: list[Span], sent_index: int) -> AttributionSpan | None:
    """'In a Fox poll released Sunday, Cruz had 38 percent': the poll is the source of the
    clause it modifies (not where a cue verb of its own reports: 'in a report, X said ...')."""
    if token.lower_ != "in" or token.dep_ != "prep":
        return None
    poll = next((c for c in token.children if c.dep_ == "pobj" and c.lemma_.lower() in POLL_NOUNS), None)
    if poll is None or not _one_poll(poll):
        return None
    # "Trump held a lead in the latest NBC poll": the clause of the noun the poll goes with
    clause = next((t for t in token.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if clause is None or _is_cue_verb(clause) or clause.dep_ == "relcl":
        return None
    phrase = set(range(token.i, token.right_edge.i + 1))
    return _clause_attribution(doc, doc[token.i : token.i + 1], {t.i for t in clause.subtree if t.i not in phrase},
                               doc[poll.left_edge.i : poll.right_edge.i + 1], quotes, sent_index, "in-a-poll")


def _in_the_words_of(doc: Doc, token: Token, quotes: list[Span], sent_index: int) -> AttributionSpan | None:
    """'In his words, the debris fell ...', 'In the words of the mayor, ...' (as translations
    write "according to"): the phrase opens the sentence, and the clause after it is content."""
    if token.i != token.sent.start or token.dep_ != "prep":
        return None
    words = next((c for c in token.children if c.dep_ == "pobj" and c.lemma_.lower() in OPINION_NOUNS), None)
    if words is None:
        return None
    owner = next((c for c in words.children if c.dep_ == "poss"), None)
    of = next((c for c in words.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    owner = owner or next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else owner
    if owner is None or owner.lower_ in ("my", "our", "your"):
        return None  # "In my view, ..., he said": the speaker's own words
    source = doc[owner.left_edge.i : owner.right_edge.i + 1]
    cue = doc[token.i : words.i + 1] if owner.i < words.i else doc[token.i : of.i + 1]
    phrase = set(range(token.i, token.right_edge.i + 1))
    return _clause_attribution(doc, cue, {t.i for t in token.sent if t.i not in phrase}, source, quotes,
                               sent_index, "according-to")


def _per(doc: Doc, token: Token, quotes: list[Span], sent_index: int) -> AttributionSpan | None:
    """'Per the report, the agency missed its targets', '..., per court records': "per" as
    "according to", a phrase set off by a comma whose noun has a determiner or is a name (not
    the rate of "per year", "per share")."""
    if token.lower_ != "per" or token.dep_ != "prep":
        return None
    noun = next((c for c in token.children if c.dep_ == "pobj"), None)
    if noun is None or not (noun.pos_ == "PROPN" or noun.tag_ == "NNS"
                            or any(c.dep_ in ("det", "poss") for c in noun.children)):
        return None
    end = noun.right_edge.i + 1
    opens = token.i == token.sent.start and end < len(doc) and doc[end].text == ","
    closes = token.i > 0 and doc[token.i - 1].text == "," and (end >= token.sent.end or doc[end].text in ".!?")
    if not (opens or closes):
        return None
    phrase = set(range(token.i, end))
    return _clause_attribution(doc, doc[token.i : token.i + 1], {t.i for t in token.sent if t.i not in phrase},
                               doc[noun.left_edge.i : end], quotes, sent_index, "according-to")


def _noun_attribution(doc: Doc, noun: Token, quotes: list[Span], sent_index: int) -> AttributionSpan | None:
    """'Trump's claim that Mexico will pay', 'she voiced the hope that ...', 'his pledge to cut
    taxes': the clause a noun of saying, believing or commitment takes is content; the noun's
    owner ("his", "by the senator"), else the subject of the verb it is the object of, is the
    source."""
    clause = _clause_of_noun(noun)
    if clause is None or _medium_of_a_cue(noun):
        return None
    content_idx = {t.i for t in clause.subtree}
    content_idx -= _trailing_aside(doc, content_idx, quotes)
    owner = _owner_of_noun(noun, clause)
    source = _source_span(doc, owner) if owner is not None else None
    if source is not None and source[-1].dep_ == "case":  # "the senator's": without the "'s"
        source = _trim(source[:-1])
    return _clause_attribution(doc, doc[noun.i : noun.i + 1], content_idx, source, quotes, sent_index, "noun")


def _medium_of_a_cue(noun: Token) -> bool:
    """"said in a statement that ...": the parse hangs the clause on the noun, but it is what
    the verb reports (the verb's own attribution takes it)."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ in ("in", "with", "through") and prep.head.lemma_.lower() in _cue_lemmas()


def _owner_of_noun(noun: Token, clause: Token) -> Token | None:
    """Whose claim or pledge it is: the possessor ("his claim"), the agent ("the suggestion by
    the senator"), a subject the parse gave the noun ("Trump claims that ...": a verb the tagger
    took for a noun), else the subject of the verb it is the object of ("she voiced the hope")."""
    for child in noun.children:
        if child.dep_ in ("poss", "nsubj"):
            return child
        if child.dep_ == "prep" and child.lower_ == "by" and child.i < clause.i:
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    if noun.dep_ == "dobj":
        return next((c for c in noun.head.children if c.dep_ in SUBJECT_DEPS), None)
    return None


def _clause_of_noun(noun: Token) -> Token | None:
    """The that-clause of a claim noun or the infinitive right after an intention noun."""
    lemma = noun.lemma_.lower()
    for child in noun.rights:
        if lemma in lexicon.words(CLAIM_NOUNS_FILE) and child.dep_ in ("acl", "ccomp", "relcl") \
                and _marked_by_that(child):
            return child
        if lemma in lexicon.words(INTENTION_NOUNS_FILE) and child.dep_ == "acl" and child.i == noun.i + 2 \
                and noun.nbor(1).lower_ == "to":
            return child
    return None


def _one_poll(noun: Token) -> bool:
    """A poll told apart from others ("a Fox poll", "the latest CNN/ORC survey", "a poll released
    Sunday"), not the polls in general ("leads in the polls")."""
    return noun.tag_ == "NN" and any(
        c.dep_ in ("compound", "poss", "acl", "nmod") or (c.dep_ == "amod" and c.i < noun.i) or (c.dep_ == "det" and c.lower_ in ("a", "an"))
        for c in noun.children)


def _used_the_words(doc: Doc, verb: Token, quotes: list[Span], sent_index: int) -> AttributionSpan | None:
    """'X used the words “...”' → the quoted words are X's, a direct quote."""
    noun = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in WORD_NOUNS), None)
    if noun is None:
        return None
    quote = next((q for q in quotes if noun.i < q.start <= noun.i + 2), None)
    words = _trim(quote) if quote is not None else None
    if words is None:
        return None
    content = [quote_marks.widen_to_quote(words, quotes)]
    return AttributionSpan(
        cue=doc[verb.i : noun.i + 1],
        content=content,
        source=_source_span(doc, _subject(verb), verb),
        type="direct",
        sentence=sent_index,
        rule="used-the-words",
    )


def _covered(attributions: list[AttributionSpan]) -> set[int]:
    return {i for a in attributions for span in a.content for i in range(span.start, span.end)}


def _orphan_quotes(doc: Doc, quotes: list[Span], found: list[AttributionSpan], sent_starts: list[int]) -> list[AttributionSpan]:
    """Quotes with no cue that follow a quoted attribution inherit its source and cue."""
    covered = _covered(found)
    # a belief nested in reported speech ("added that the Fed wants ...") is part of it, and
    # the speech is what a following quote runs on from
    enclosing = _enclosing_attributions(found)
    standing = [a for a in found if (outer := _outer(a, enclosing)) is None or _speech_of_its_own(a, outer)]
    by_position = sorted(standing, key=lambda a: a.content[0].start)
    out = []
    for quote in quotes:
        inner = range(quote.start, quote.end)
        if any(i in covered for i in inner) or len(quote) < 4 or quote_marks.names_a_title(quote):
            continue
        previous = [a for a in by_position if a.content[-1].end <= quote.start]
        if not previous:
            continue
        last = _quote_before(previous)
        gap = doc[last.content[-1].end : quote.start]
        # a layout cue ("NAME:" line, "― Name" signature) marks its own line only
        if last.rule == "line" or not _carries_over(gap, last) or (
                last.type == "indirect" and not _quote_after_paraphrase(gap, quote, last)):
            continue
        span = _trim(quote)
        if span is None:
            continue
        carried = AttributionSpan(
            cue=last.cue,
            content=[quote_marks.widen_to_quote(span, quotes)],
            source=last.source,
            type="direct",
            sentence=_sentence_index(sent_starts, quote.start),
            rule="carry-over",
            continues=last.continues or last,
        )
        out.append(carried)
        if not quote_marks.is_quote(quote[-1]):
            # a quote left open at the end of its paragraph goes on in the next one, which
            # carries on from this one
            bisect.insort(by_position, carried, key=lambda a: a.content[0].start)
        covered.update(inner)
    return out


# What may stand right before the second part of a quote split by its cue in one sentence:
# '"We will win," he said, "because we have the votes."'
QUOTE_JOINERS = frozenset({",", ":", "—", "–", "--"})
SENTENCE_ENDS = frozenset({".", "!", "?"})


def _quote_after_paraphrase(gap: Span, quote: Span, last: AttributionSpan) -> bool:
    """A quote that opens the sentence right after reported speech by a verb of saying, in the
    same paragraph: 'Greene added that the Fed wants out of the way. “They don’t like to talk
    about it.”' is the same speaker going on in his own words."""
    words = [t for t in gap if not t.is_punct and not t.is_space]
    return (not words and "\n" not in gap.text and any(t.text in SENTENCE_ENDS for t in gap)
            and last.cue is not None and last.cue.root.lemma_.lower() in lexicon.words("speech_verbs"))


def _quote_before(previous: list[AttributionSpan]) -> AttributionSpan:
    """The attribution a quote may run on from: the last one before it, or the quoted one
    before that when what lies between is an aside of that quote's cue sentence ('"A," Black
    said, referring to the party. "B."', '"A," she said, describing how she builds "mixers." "B."')."""
    last = previous[-1]
    if last.type == "direct":
        return last
    at = next((i for i in range(len(previous) - 2, -1, -1) if previous[i].type != "indirect"), None)
    if at is None or previous[at].cue is None:
        return last
    quoted, between = previous[at], previous[at + 1 :]
    sentence = quoted.cue.sent
    if all(a.cue is not None and a.cue.sent == sentence and a.content[0].start >= quoted.content[-1].end for a in between):
        return quoted
    return last


def _carries_over(gap: Span, last: AttributionSpan) -> bool:
    """Whether the words between a quote and the previous quoted attribution let its speaker
    carry over: nothing or a few words, or the previous quote's own cue clause, however long,
    within one paragraph ('"Q1," the senator said during Saturday's debate. "Q2."')."""
    words = [t for t in gap if not t.is_punct and not t.is_space]
    cue_in_gap = last.cue is not None and gap.start <= last.cue.start < gap.end
    new_sentence = cue_in_gap and (any(t.text in SENTENCE_ENDS or "\n" in t.text for t in gap.doc[last.cue.end : gap.end])
                                   or (bool(words) and words[-1].text.endswith(".")))  # '... in Santa Monica, Calif. "B."'
    if cue_in_gap and not new_sentence and gap.doc[gap.end - 1].text not in QUOTE_JOINERS:
        return False  # a quote inside the cue's clause: 'said on Fox News's “Fox and Friends”'
    if len(words) <= 6:
        return True
    if not cue_in_gap or "\n" in gap.text:
        return False
    after_cue_sentence = gap.doc[last.cue.sent.end : gap.end]  # the quote opens the next sentence
    return all(t.is_punct or t.is_space for t in after_cue_sentence)


def _sentence_index(sent_starts: list[int], token_i: int) -> int:
    return max(0, bisect.bisect_right(sent_starts, token_i) - 1)


def _trigger_indices(doc: Doc) -> list[int]:
    """Indices of the tokens a rule may start from (a cue or word-use lemma, "according"),
    found by hash in an array: most of a text's tokens are none, and making a Token object
    for each word costs more than the rules."""
    array = doc.to_array([LEMMA, LOWER])
    strings = doc.vocab.strings
    wanted = {h for h in set(array[:, 0].tolist()) if strings[h].lower() in _trigger_lemmas()}
    wanted_lower = {strings["according"], strings["in"], strings["per"]} | {strings[w] for w in HEARSAY_ADVERBS}
    return [i for i, (lemma, lower) in enumerate(array.tolist()) if lemma in wanted or lower in wanted_lower]


def find_attributions(doc: Doc) -> Doc:
    """Set ``doc._.attributions`` (list of AttributionSpan), in text order."""
    quotes = quote_marks.find_quotes(doc)
    sent_starts = [s.start for s in doc.sents]
    found: list[AttributionSpan] = []
    for i in _trigger_indices(doc):
        token, index = doc[i], _sentence_index(sent_starts, i)
        att = None
        if _is_cue_verb(token):
            att = _verb_attribution(doc, token, quotes, index)
        elif token.lower_ == "according":
            att = _according_to(doc, token, quotes, index)
        elif token.lower_ in HEARSAY_ADVERBS:
            att = _hearsay(doc, token, quotes, index)
        elif token.lower_ == "in":
            att = _in_a_poll(doc, token, quotes, index) or _in_the_words_of(doc, token, quotes, index)
        elif token.lower_ == "per":
            att = _per(doc, token, quotes, index)
        elif token.pos_ == "VERB" and token.lemma_.lower() in WORD_USE_VERBS:
            att = _used_the_words(doc, token, quotes, index)
        elif token.pos_ == "NOUN":
            att = _noun_attribution(doc, token, quotes, index)
        if att is not None:
            found.append(att)
    # a cue inside a quotation ("I think ...") is part of the quoted speaker's words
    found = [a for a in found if a.cue is None or not quote_marks.inside_any(a.cue, quotes)]
    answers = []  # an interview's answers hold their own cues: what the interviewee reports
    for att in line_cues.find_line_attributions(doc, quotes):
        att.sentence = _sentence_index(sent_starts, att.content[0].start)
        (answers if att.rule == line_cues.ANSWER_RULE else found).append(att)
    found.extend(_orphan_quotes(doc, quotes, found + answers, sent_starts))
    found = _without_quotes_of_other_content(_one_per_content(_after_dateline(doc, found)))
    found = _keep_nested_speech(sorted(found, key=_text_order)) + answers
    doc._.attributions = sorted(found, key=_text_order)
    return doc


def _text_order(att: AttributionSpan) -> tuple[int, int]:
    return att.content[0].start, att.cue.start if att.cue is not None else 0


def _one_per_content(found: list[AttributionSpan]) -> list[AttributionSpan]:
    """One attribution for each content: where two cues claim the same words ('Asked about
    the plan, Smith said: "..."', '"Quiet," he demanded, and continued ...'), the one with a
    source, then the one with a speech verb, then the one nearest the content."""
    def rank(att: AttributionSpan) -> tuple:
        cue = att.cue
        speech = cue is not None and cue.root.lemma_.lower() in lexicon.words("speech_verbs")
        distance = min(abs(cue.start - att.content[0].start), abs(cue.start - att.content[-1].end)) if cue is not None else 0
        return (att.source is None, not speech, distance)

    best: dict[tuple, AttributionSpan] = {}
    for att in found:
        key = tuple((f.start, f.end) for f in att.content)
        if key not in best or rank(att) < rank(best[key]):
            best[key] = att
    kept = {id(a) for a in best.values()}
    return [a for a in found if id(a) in kept]


def _without_quotes_of_other_content(found: list[AttributionSpan]) -> list[AttributionSpan]:
    """Without the quotes that a cue outside another attribution's content took from inside
    it: in 'He scoffed at what she called the “immoral” lie', “immoral” is part of what she
    called the lie, not what he scoffed."""
    tokens = [{i for f in a.content for i in range(f.start, f.end)} for a in found]
    kept = []
    for att, inner in zip(found, tokens):
        taken = att.type == "direct" and att.cue is not None and any(
            inner < outer and att.cue.start not in outer for outer in tokens)
        if not taken:
            kept.append(att)
    return kept


def _after_dateline(doc: Doc, found: list[AttributionSpan]) -> list[AttributionSpan]:
    """The attributions with their content cut after the story's dateline, which the parser
    reads into the first sentence ("LONDON (Reuters) - Britain will ..., Reeves said")."""
    span = dateline.dateline_span(text_of(doc))
    if span is None:
        return found
    start, end = (next((t.i for t in doc if t.idx >= offset), len(doc)) for offset in span)
    kept = []
    for att in found:
        content = [_trim(doc[end : max(end, f.end)]) if f.start < end and f.end > start else f for f in att.content]
        content = [f for f in content if f is not None]
        if content:
            att.content = content
            kept.append(att)
    return kept


def _enclosing_attributions(found: list[AttributionSpan]) -> dict[int, list[AttributionSpan]]:
    """For each cue's first token, the attributions whose content holds it, in `found` order."""
    cue_starts = sorted({a.cue.start for a in found if a.cue is not None})
    enclosing: dict[int, list[AttributionSpan]] = {}
    for att in found:
        for fragment in att.content:
            first = bisect.bisect_left(cue_starts, fragment.start)
            for start in cue_starts[first : bisect.bisect_left(cue_starts, fragment.end)]:
                holders = enclosing.setdefault(start, [])
                if not holders or holders[-1] is not att:
                    holders.append(att)
    return enclosing


def _complement_of(verb: Token, outer: AttributionSpan) -> bool:
    """Whether ``verb`` is the infinitive or the "as" phrase the outer cue governs: "declined to
    say whether X" is one attribution, of "declined", and "TASS quoted Lavrov as saying X" one
    of "quoted" (as PolNeAR marks them)."""
    if verb.head.lower_ == "as":  # only called for a cue inside the outer's content
        return True
    return verb.dep_ == "xcomp" and outer.cue is not None and verb.head.i in range(outer.cue.start, outer.cue.end)


def _keep_nested_speech(found: list[AttributionSpan]) -> list[AttributionSpan]:
    """Link attributions nested in another's content to it; keep only nested speech.

    A reported statement inside a report ("officials say the leaders have warned Putin")
    is a statement of its own; a nested belief or evidence cue ("... showed that") is part
    of what the outer source said and is dropped.
    """
    kept = []
    enclosing = _enclosing_attributions(found)
    for inner in found:
        outer = _outer(inner, enclosing)
        if outer is not None:
            if not _speech_of_its_own(inner, outer):
                continue
            inner.parent = outer
        kept.append(inner)
    return kept


def _outer(inner: AttributionSpan, enclosing: dict[int, list[AttributionSpan]]) -> AttributionSpan | None:
    """The attribution whose content holds ``inner``'s cue, if any."""
    return next((o for o in enclosing.get(inner.cue.start, ()) if o is not inner), None) if inner.cue else None


def _speech_of_its_own(inner: AttributionSpan, outer: AttributionSpan) -> bool:
    """Whether ``inner``, nested in ``outer``'s content, is a statement of its own: a named
    speaker's, or the words of a document the outer cue handles ("issued a statement saying X")."""
    verb = inner.cue.root
    if verb.lemma_.lower() not in lexicon.words("speech_verbs"):
        return False
    if _participle_on_a_noun(verb):
        return True
    return inner.source is not None and inner.source.root.pos_ != "PRON" and not _complement_of(verb, outer)
