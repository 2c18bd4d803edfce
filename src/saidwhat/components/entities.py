"""Entities: PERSON, ORG, GPE mentions clustered within the article, aliases merged.

The small NER model is not trusted alone: it tags some places PERSON ("Kyiv") or ORG
("Moldova"), and reads the "State" of "Secretary of State" as an ORG. A gazetteer of
places fixes the first; title words around a mention fix the second. Mentions merge when
they are aliases of one name (lexicon/aliases.txt: U.S. / United States, Kyiv / Kiev)
or one name spelt two ways (saidwhat.spelling: Kharkiv / Charkiv), or, for people, when a
surname matches exactly one full name of the article.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache

import re
import string

from spacy.attrs import POS
from spacy.parts_of_speech import PROPN
from spacy.tokens import Doc, Span, Token

from .. import lexicon, spelling
from ..annotations import EntityCluster, text_of
from ..timex import lexicon as timex_lexicon
from ..timex.normalize import MONTHS
from . import dateline

KEPT_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC"}
# How many words before an organization a title may stand to make it an office: "head of the".
OFFICE_WINDOW = 4
# what ends an appositive title: a clause on it or a second role ("and a co-author of ...")
APPOSITIVE_CUT_DEPS = frozenset({"relcl", "acl", "conj", "cc"})
# forms of address that are titles too, but say less than a role set off after the name
HONORIFICS = frozenset({"dr.", "dr", "prof.", "prof"})
# forms of address that are no part of a role: "Conservative MP [Sir] Bill Cash"
ADDRESS_FORMS = frozenset({"sir", "dame", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss"})
# Legal forms that end a company's name, which later mentions drop.
LEGAL_SUFFIXES = frozenset({"plc", "inc", "corp", "co", "ltd", "llc", "ag", "sa", "se", "nv", "n.v", "s.a", "gmbh",
                            "spa", "oyj", "asa"})
MAX_TITLE_WORDS = 11  # a role set off after a name: "director of the Indo-Pacific program at the German Marshall Fund"
# Common words in capitals that the model tags as names: not entities.
NOT_NAMES = frozenset({"ai", "gdp", "ceo", "cfo", "covid", "covid-19"})
US_PREFIXES = ("U.S. ", "US ", "United States ")
TIME_ZONE = re.compile(r"GMT|UTC|BST|CET|CEST|IST|JST|[ECMP][SD]T")
SCORE = re.compile(r"\d{1,2}[-–]\d{1,2}")  # a match's result: "4-0"
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})  # entity labels of places
# What ends a dateline before the first sentence: "BERLIN (Reuters) - ..."
DATELINE_ENDS = frozenset({")", "-", "—", "–", ":"})
# Title words that only modify a title ("state secretary", "press secretary"): as the head of
# an appositive they are something else ("its decrepit state").
TITLE_MODIFIERS = frozenset({"state", "foreign", "defense", "treasury", "press", "former", "acting", "vice",
                             "deputy", "major", "prime"})
# Forms of address and role nouns that tell a person's gender, to keep "Mr. Obama" out of
# "Michelle Obama" when the article names her in full and him only by surname.
ADDRESS_GENDER = {"mr.": "m", "mr": "m", "mrs.": "f", "mrs": "f", "ms.": "f", "ms": "f", "miss": "f"}
ROLE_GENDER = {**dict.fromkeys(("lady", "wife", "daughter", "mother", "sister", "widow", "grandmother",
                                "queen", "princess", "actress", "businesswoman", "congresswoman"), "f"),
               **dict.fromkeys(("husband", "son", "father", "brother", "widower", "grandfather", "king",
                                "prince", "businessman", "congressman"), "m")}
# Name-internal tokens that do not make a surname: "Lloyd J. Austin III" has surname Austin.
NAME_SUFFIXES = {"jr.", "jr", "sr.", "sr", "ii", "iii", "iv", "kc", "qc"}  # and a barrister's "KC"
# Lowercase particles of family names ("Erik ten Hag", "Ursula von der Leyen"), which throw the
# NER model off: it stops at them or before them.
NAME_PARTICLES = frozenset({"van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du",
                            "la", "le", "ten", "ter", "bin", "ibn", "al", "el"})
# The article of an Arabic family name, which later mentions often drop ("al-Ansari", "Ansari").
ARABIC_ARTICLE = re.compile(r"^(?:al|el|ad|an|ar|as|ash|at|az)[-‐]", re.IGNORECASE)


def _clean(text: str) -> str:
    text = " ".join(text.split()).strip(" \"“”-–—,;:")  # not "Vanita Gupta -" of a dash the model took in
    for article in ("the ", "The "):
        if text.startswith(article):
            text = text[len(article):]
    return text.rstrip("’'s").strip() if text.endswith(("’s", "'s")) else text


def _is_a_date(ent: Span) -> bool:
    """A month and a day the model took for a place ("LONDON, Oct 2 (Bloomberg)")."""
    return len(ent) == 2 and ent[0].lower_.rstrip(".") in MONTHS and ent[1].like_num


@lru_cache(maxsize=None)
def _holidays() -> frozenset[str]:
    """Holiday names ("easter", "christmas"), from the time lexicon."""
    return frozenset(timex_lexicon.column("holidays"))


def _model_name_after_its_number(ent: Span) -> bool:
    """One word after a figure mid-sentence: "Max" in "the 737 Max" (not "7 John Kasich" in a
    numbered list)."""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    return len(ent) == 1 and before is not None and before.text.isdigit() and not before.is_sent_start


def _us_body(name: str, aliases: dict[str, str]) -> str | None:
    """The canonical name of a U.S. body written with the country before it: "U.S. State
    Department" is the Department of State (others' bodies keep their country: "Russian
    Foreign Ministry")."""
    for prefix in US_PREFIXES:
        if name.startswith(prefix) and (bare := name[len(prefix):].lower()) in aliases:
            return aliases[bare]
    return None


def _is_a_time_zone(ent: Span) -> bool:
    """"GMT" in "14:32 GMT", "(0117 GMT)": a clock's zone, which the model tags an organization."""
    return len(ent) == 1 and TIME_ZONE.fullmatch(ent.text) is not None and ent.start > 0 \
        and any(c.isdigit() for c in ent.doc[ent.start - 1].text)


def _in_brackets_of_a_dateline(ent: Span) -> bool:
    """The agency in a dateline: "(Bloomberg)", which the model may take for a place."""
    doc = ent.doc
    span = dateline.dateline_span(text_of(doc)) if ent.start_char < dateline.HEAD else None
    return (span is not None and span[0] <= ent.start_char and ent.end_char <= span[1]
            and ent.start > 0 and doc[ent.start - 1].text == "(" and ent.end < len(doc) and doc[ent.end].text == ")")


def _label(ent: Span) -> str:
    """The entity label, corrected by the places gazetteer and the list of social networks."""
    if _in_brackets_of_a_dateline(ent):
        return "ORG"
    if _clean(ent.text).lower() in lexicon.words("places"):
        return "GPE"
    if _clean(ent.text).lower() in lexicon.words("platforms"):
        return "ORG"  # "formerly Twitter": the small model tags it a person
    if _clean(ent.text).lower() in NOT_NAMES or _clean(ent.text).lower() in _holidays():
        return "MISC"  # "AI", which the small model tags a place; "Easter", a day the times step finds
    if ent.label_ == "PERSON" and (any(c.isdigit() for c in ent.text) or _model_name_after_its_number(ent)):
        return "EVENT"  # "COP29", "G20", the "Max" of "the 737 Max": no one's name has a figure in it
    if ent.label_ == "PERSON" and len(ent) == 1 and is_demonym(ent.text):
        return "NORP"  # "Moldovan President Maia Sandu": the small model tags "Moldovan" a person
    if ent.label_ == "ORG" and _names_a_role_holder(ent):
        return "PERSON"  # "Ukraine's ambassador, Oleksii Makeiev": tagged ORG by the small model
    if ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].lower_ in lexicon.words("organization_name_words"):
        return "ORG"  # "Acme Robotics", "Janney Capital": a word no name ends in
    if ent.label_ != "PERSON" and _a_title_and_a_full_name(ent):
        return "PERSON"  # "Councilmember Treva Reid": the small model tags it a building
    return "GPE" if ent.label_ == "LOC" and ent.text.istitle() else ent.label_


def _a_title_and_a_full_name(ent: Span) -> bool:
    """Whether ``ent`` is a capitalized title and two or three proper nouns, none a word of an
    organization's name ("Councilmember Treva Reid", not "Senator Hotel Group")."""
    names = ent[1:]
    organization_words = lexicon.words("organization_name_words") | lexicon.words("organization_nouns")
    return (ent[0].is_title and ent[0].lower_ in lexicon.words("titles") and 2 <= len(names) <= 3
            and all(t.pos_ == "PROPN" and t.is_title for t in names)
            and not any(t.lower_ in organization_words for t in names))


def _names_a_role_holder(ent: Span) -> bool:
    """Whether ``ent``, all proper nouns, stands in apposition to a title ("the ambassador,
    Oleksii Makeiev") or right after one ("Ambassador Oleksii Makeiev")."""
    if not all(t.pos_ == "PROPN" for t in ent) or any(t.lower_ in lexicon.words("organization_nouns") for t in ent):
        return False
    root, doc = ent.root, ent.doc
    titles = lexicon.words("titles")
    return (root.dep_ == "appos" and root.head.lower_ in titles) or (ent.start > 0 and doc[ent.start - 1].lower_ in titles)


# (suffix of the people's name, ending of the place name that replaces it): Moldovan, Ukrainian,
# German(y), Chinese, Israeli
DEMONYM_ENDINGS = (("n", ""), ("ian", "e"), ("ian", "ia"), ("an", "a"), ("", "y"), ("ese", "a"), ("i", ""))


def is_demonym(word: str) -> bool:
    """Whether ``word`` names the people of a place in the gazetteer ("Moldovan", "Ukrainian")."""
    places, lower = lexicon.words("places"), word.lower()
    return any(lower.endswith(suffix) and lower[: len(lower) - len(suffix)] + ending in places
               for suffix, ending in DEMONYM_ENDINGS)


def _without_quote_marks(ent: Span) -> Span:
    """An entity without the quote marks or line breaks the model took in at its ends: "Donald
    Trump ''" in copy that writes '' for a closing quote, "West\n\n" at the end of a headline;
    nor a match's score after a club: "United 4-0"."""
    start, end = ent.start, ent.end
    while start < end and (ent.doc[start].is_quote or ent.doc[start].is_space):
        start += 1
    while end > start and (ent.doc[end - 1].is_quote or ent.doc[end - 1].is_space):
        end -= 1
    if end - start > 3 and SCORE.fullmatch(ent.doc[end - 3 : end].text):
        end -= 3
    return ent if (start, end) == (ent.start, ent.end) else Span(ent.doc, start, end, label=ent.label)


def _with_name_prefix(ent: Span, acronyms_only: bool = False) -> Span:
    """A name with the proper nouns the model left out before it: "SK Hynix" (tagged "Hynix"),
    not a title or a form of address ("Secretary", "Mr.") nor a word of another entity. With
    acronyms_only (a person's name), only capitals: "SK" before "Hynix" mistagged a person, not
    the "Dr" or "Sgt" of British copy."""
    doc, start = ent.doc, ent.start
    while start > 0:
        tok = doc[start - 1]
        word = tok.lower_.rstrip(".")
        if not (tok.tag_ == "NNP" and tok.dep_ == "compound" and ent.start <= tok.head.i < ent.end and not tok.ent_type_
                and tok.is_alpha and word not in lexicon.words("titles") and word not in ADDRESS_GENDER
                and (tok.is_upper or not acronyms_only)):
            break
        start -= 1
    return ent if start == ent.start else Span(doc, start, ent.end, label=ent.label)


def _with_name_suffix(ent: Span) -> Span:
    """An organization's name the model cut after a final "of": "the Ministry of Foreign
    Affairs of" + "Ukraine" (tagged a place) is one name; a dangling "of" with nothing
    named after it is dropped."""
    doc = ent.doc
    if len(ent) < 2 or ent[-1].lower_ not in ("of", "for"):
        return ent
    after = doc[ent.end] if ent.end < len(doc) else None
    if after is not None and after.ent_iob_ == "B" and after.ent_type_ in ("GPE", "ORG", "LOC"):
        end = after.i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        return Span(doc, ent.start, end, label=ent.label)
    return Span(doc, ent.start, ent.end - 1, label=ent.label)


def _without_leading_title(ent: Span) -> Span:
    """A person's name without the title or form of address the model took into it ("Chair
    Jerome Powell", "Ms Reeves"), nor the place of a title before it ("Mayor of [Kiev Vitali
    Klitschko]")."""
    start, doc = ent.start, ent.doc
    while start < ent.end - 1 and (doc[start].lower_ in lexicon.words("titles") or doc[start].lower_ in ADDRESS_GENDER):
        start += 1
    if start == ent.start and ent.end - start >= 3 and start > 0 and doc[start - 1].lower_ == "of" \
            and _is_place(doc[start].lower_):
        start += 1
    return ent if start == ent.start else Span(ent.doc, start, ent.end, label=ent.label)


def _is_title_part(ent: Span) -> bool:
    """'State' in 'Secretary of State', 'Defense' in 'Defense Secretary' are parts of a title."""
    doc = ent.doc
    before = doc[ent.start - 2 : ent.start].text.lower() if ent.start >= 2 else ""
    after = doc[ent.end].lower_ if ent.end < len(doc) else ""
    titles = lexicon.words("titles")
    return (before.endswith("of") and doc[ent.start - 2].lower_ in titles and len(ent) == 1) or (
        after in titles and ent.label_ == "ORG" and len(ent) == 1 and after not in ("leader", "official", "officials")
    )


def surname(name: str) -> str:
    parts = [p for p in name.split() if p.lower().strip(",") not in NAME_SUFFIXES]
    return parts[-1] if parts else name


def surname_forms(name: str) -> tuple[str, ...]:
    """The surname of ``name`` as later mentions write it: the last word, with its lowercase
    particles ("von der Leyen", "da Silva"), and without an Arabic article ("Majed al-Ansari"
    is "al-Ansari" and "Ansari")."""
    last = surname(name)
    forms = [last]
    parts = name.split()
    i = len(parts) - 1
    while i > 1 and parts[i - 1] in NAME_PARTICLES:
        i -= 1
    if i < len(parts) - 1 and parts[-1] == last:
        forms.insert(0, " ".join(parts[i:]))
    bare = ARABIC_ARTICLE.sub("", last)
    if bare != last and bare[:1].isupper():
        forms.append(bare)
    return tuple(forms)


def _with_name_particles(ent: Span) -> Span:
    """A person's name with the particles and family name the model left out: "Ursula von" +
    "der Leyen", "Charles" + "de Gaulle"."""
    doc, end = ent.doc, ent.end
    while end < len(doc) and doc[end].lower_ in NAME_PARTICLES and doc[end].is_lower:
        end += 1
    stopped_at_particle = ent[-1].lower_ in NAME_PARTICLES and ent[-1].is_lower
    if (end > ent.end or stopped_at_particle) and end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN":
        return Span(doc, ent.start, end + 1, label=ent.label)
    return ent


def _person_of_particle_surname(name: str, full_names: dict[str, list[str]]) -> str | None:
    """The one full name whose surname with particles ``name`` is, capitalized at the head of a
    sentence ("Von der Leyen said" after "Ursula von der Leyen"); the model tags it an
    organization or a place."""
    words = name.split()
    if len(words) < 2 or words[0].lower() not in NAME_PARTICLES:
        return None
    holders = full_names.get(" ".join([words[0].lower()] + words[1:]), [])
    return holders[0] if len(holders) == 1 else None


def title_before(mention: Span) -> Span | None:
    """The title written before a person's name ("NATO Secretary General" Jens Stoltenberg)."""
    doc = mention.doc
    root = mention.root
    start = mention.start
    # the parse may hang the title on a word inside the name ("President" on the "der" of
    # "Ursula von der Leyen")
    for child in sorted({c for t in mention for c in t.lefts}, key=lambda t: -t.i):
        if child.i >= mention.start or child.dep_ not in ("compound", "nmod", "amod", "appos", "npadvmod", "nn"):
            continue
        left = child.left_edge.i
        if child.right_edge.i + 1 < start and doc[child.right_edge.i + 1 : start].text.strip(" ,"):
            break
        start = min(start, left)
    place = mention.start
    while place > 0 and doc[place - 1].pos_ == "PROPN" and _is_place(doc[place - 1].lower_):
        place -= 1
    if place < mention.start and place >= 2 and doc[place - 1].lower_ == "of" and doc[place - 2].lower_ in lexicon.words("titles"):
        start = min(start, doc[place - 2].left_edge.i)  # "Mayor of Kiev" Vitali Klitschko
    title_subject = _title_subject_before(mention)
    if title_subject is not None:  # "The head of the regional administration" Ruslan Kravchenko
        start = min(start, title_subject.left_edge.i)
    # the parse hangs the name on "of": "The head of the X Administration" Oleh Syniehubov
    office = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "of" else None
    if office is not None and office.i < mention.start and office.lower_ in lexicon.words("titles"):
        start = min(start, office.left_edge.i)
    while start < mention.start and (doc[start].dep_ in ("det", "poss", "punct") or doc[start].tag_ == "POS"):
        start += 1
    end = mention.start
    while end > start and doc[end - 1].lower_ in ADDRESS_FORMS:
        end -= 1
    if start >= end:
        return None
    span = doc[start:end]
    if not any(t.lower_ in lexicon.words("titles") for t in span):
        return None
    return span


def _title_subject_before(mention: Span) -> Token | None:
    """A title the parse made a subject of its own right before the name, with no comma between
    (a translation's "The head of the administration Ruslan Kravchenko has reported")."""
    root, doc = mention.root, mention.doc
    if root.dep_ not in ("nsubj", "nsubjpass") or mention.start == 0:
        return None
    before = doc[mention.start - 1]
    title = next((c for c in root.head.children if c.dep_ == root.dep_ and c.i < mention.start
                  and c.right_edge.i == before.i), None)
    return title if title is not None and title.lower_ in lexicon.words("titles") else None


def title_after(mention: Span) -> Span | None:
    """An appositive title ("Jake Sullivan, the national security adviser"), up to the clause
    or second role that may follow it ("Dr. Ana Ruiz, a professor at X [and a co-author of the
    study]", "a neurologist at X [who was not involved]")."""
    titles = lexicon.words("titles")
    for child in mention.root.rights:
        if child.dep_ == "appos" and child.i >= mention.end:
            start, doc = child.left_edge.i, mention.doc
            while start - 1 >= mention.end and not doc[start - 1].whitespace_:
                start -= 1  # "co-chair": the parse splits the hyphenated word into three appositions
            # a clause may hang deeper, on the place of the role: "a researcher at Brunel
            # University London [who was not involved]"
            inner = [t.left_edge.i for t in child.subtree if t.i > child.i and t.dep_ == "relcl"] + \
                [t.left_edge.i - 1 for t in child.subtree if t.i > child.i and t.dep_ == "appos" and t.pos_ == "NOUN"
                 and doc[t.left_edge.i - 1].text in (",", "--", "—", "–")]  # "of National Nurses United[, a union]"
            cut = [c.left_edge.i for c in child.rights if c.dep_ in APPOSITIVE_CUT_DEPS] + inner
            full = child.right_edge.i + 1
            # two titles joined bare are one role ("co-founder and CEO of Acme Robotics"); else the
            # first role, else both where only the second is a title ("the trumpeter and artistic
            # director of Jazz at Lincoln Center")
            ends = [min(cut, default=full), full]
            if any(c.dep_ == "conj" and c.i == child.i + 2 and doc[child.i + 1].lower_ == "and" and child.lower_ in titles
                   and c.lower_ in titles for c in child.rights):
                ends.insert(0, min(inner, default=full))
            for end in ends:
                span = doc[start:end]
                while len(span) and span[0].dep_ in ("det", "punct"):
                    span = span[1:]
                while len(span) and (span[-1].is_punct or span[-1].dep_ == "cc"):
                    span = span[:-1]
                if len(span) and any(t.lower_ in titles for t in span) and _words(span) <= MAX_TITLE_WORDS:
                    return span
    return None


def _words(span: Span) -> int:
    """Words in ``span``, a hyphenated word counted once ("Indo-Pacific")."""
    return sum(1 for t in span if not (t.text == "-" and t.i > 0 and not t.whitespace_ and not t.nbor(-1).whitespace_))


def title_of(mention: Span) -> Span | None:
    """A person's title: in apposition before the name, written before it, or set off after it;
    a form of address alone before the name ("Dr.") gives way to a role set off after it."""
    before = _tidy(title_before(mention))
    if before is not None and all(t.lower_ in HONORIFICS for t in before):
        return _tidy(title_in_apposition(mention)) or _tidy(title_after(mention)) or before
    return _tidy(title_in_apposition(mention)) or before or _tidy(title_after(mention))


def _tidy(title: Span | None) -> Span | None:
    """``title`` without what a dash or closing bracket leaves of a dateline before it ("BERLIN
    (Reuters) - German Chancellor"), without a bracket it opens but does not close ("leader
    of the Free Democrats (FDP"), and with the closing mark of a quoted name it holds."""
    if title is None:
        return None
    cut = [t.i for t in title if t.text in DATELINE_ENDS and (t.text == ")" or t.whitespace_)]  # not "pro-business"
    start = cut[-1] + 1 if cut else title.start
    opened = next((t.i for t in title
                   if t.text == "(" and not any(u.text == ")" for u in title.doc[t.i : title.end])), None)
    end = opened if opened is not None and opened > start else title.end
    while end > start and title.doc[end - 1].is_punct:
        end -= 1
    doc = title.doc
    # a work's name whose closing mark comes after the comma: "author of ''Destiny and Power,''"
    if sum(_quote_mark(t) for t in doc[start:end]) % 2 and end + 1 < len(doc) and _quote_mark(doc[end + 1]):
        end += 2
    tidy = doc[start:end]
    return tidy if any(t.lower_ in lexicon.words("titles") for t in tidy) else None


def _quote_mark(token: Token) -> bool:
    """A quotation mark, not the apostrophe of a possessive ("the tenants' group")."""
    return token.is_quote and token.tag_ != "POS"


def title_in_apposition(mention: Span) -> Span | None:
    """The title a name stands in apposition to ("China's foreign ministry spokesman, Lin Jian"):
    the title's phrase up to the comma before the name, without a leading determiner or
    possessive pronoun. Where the parse hangs the name on the office or the person served
    ("the chairman of the House Judiciary Committee, Jim Jordan", "a spokesman for the
    president, Andrew Bates"), the title is the whole phrase all the same."""
    root, doc = mention.root, mention.doc
    head, titles = root.head, lexicon.words("titles")
    comma = mention.start - 1  # before the name and a title of its own: ", President Obama"
    while comma > head.i and (doc[comma].lower_ in titles or doc[comma].lower_ in HONORIFICS
                              or doc[comma].lower_ in ADDRESS_GENDER):
        comma -= 1
    set_off = doc[comma].text == ","
    # the office or the person served: "commander in [chief]", "the leader of [the Party], X"
    # (not the company named: "an analyst for the investment company Janney Montgomery Scott")
    if head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.lower_ in titles \
            and (head.lower_ in titles or set_off):
        head = head.head.head
    if root.dep_ != "appos" or head.i >= mention.start or head.lower_ not in titles:
        return None
    start = head.left_edge.i
    while start < head.i and (doc[start].dep_ == "det" or doc[start].tag_ == "PRP$"):
        start += 1  # "the", and "its" of "Its administrator, Mike Whitaker"; not "NHS England's"
    end = comma if set_off else head.i + 1
    # the head noun alone where more words than a title's stand before the comma, or words
    # not of the title: "the envoy said on Monday, ..."
    if end - start > 8 or not all(head.is_ancestor(t) for t in doc[head.i + 1 : end]):
        end = head.i + 1
    return doc[start:end] if end - start <= 8 else None


def _is_place(name: str) -> bool:
    """Whether the gazetteer knows ``name`` (lower case) as a place."""
    return name in lexicon.words("places") or lexicon.aliases().get(name) == "United States"


def _gazetteer_places(doc: Doc, tagged: frozenset[int], proper: list[int]) -> list[Span]:
    """Places of the gazetteer that NER missed (one or two proper-noun tokens, not among the
    entity tokens ``tagged``). Only the proper nouns ``proper`` are looked at."""
    taken = set(tagged)
    found = []
    for i in proper:
        if i in taken:
            continue
        token = doc[i]
        if i + 1 < len(doc) and i + 1 not in taken and \
                _is_place(token.lower_ + token.whitespace_ + doc[i + 1].lower_):
            found.append(Span(doc, i, i + 2, label="GPE"))
            taken.update((i, i + 1))
        elif _is_place(token.lower_):
            found.append(Span(doc, i, i + 1, label="GPE"))
            taken.add(i)
    return found


def _untagged_surnames(doc: Doc, full_names: dict[str, list[str]], mentions: list[tuple[Span, str]]) -> list[Span]:
    """Surnames of the article's people that NER left untagged ("Okafor says" after "Sarah
    Okafor"): a proper noun outside every mention found so far that ends one full name only."""
    surnames = [name for name, full in full_names.items() if len(full) == 1]
    if not surnames:
        return []
    taken = {i for span, _ in mentions for i in range(span.start, span.end)}
    found = []
    # found in the text, not token by token: a Token object per word costs more than the search
    for m in re.finditer(r"\b(?:" + "|".join(map(re.escape, surnames)) + r")\b", text_of(doc)):
        span = doc.char_span(m.start(), m.end())
        if span is not None and len(span) == 1 and span[0].pos_ == "PROPN" and span.start not in taken:
            found.append(Span(doc, span.start, span.end, label="PERSON"))
    return found


def _names_after_an_office(doc: Doc, taken: frozenset[int]) -> list[Span]:
    """People NER missed right after the office they head, as translated reports write them
    with no comma: "The head of the Kharkiv Regional Military Administration Oleh Syniehubov
    reported". Two or three capitalized proper nouns outside every entity, right after an
    organization that a title word a few words before introduces ("head of the ..."). ``taken``:
    the tokens of NER's entities."""
    titles, not_names = lexicon.words("titles"), lexicon.words("organization_nouns")
    found = []
    for ent in doc.ents:
        before = doc[max(0, ent.start - OFFICE_WINDOW) : ent.start]
        if ent.label_ != "ORG" or not any(t.lower_ in titles for t in before):
            continue
        end = ent.end
        # a name NER tagged in part is taken whole: "... Administration Oleksandr [Prokudin]"
        while end < len(doc) and (end not in taken or doc[end].ent_type_ == "PERSON") and doc[end].pos_ == "PROPN" \
                and doc[end].is_title and doc[end].is_alpha and doc[end].lower_ not in titles \
                and doc[end].lower_ not in not_names:
            end += 1
        # not the rest of a longer name: "the United States Hispanic Chamber of Commerce"
        if 2 <= end - ent.end <= 3 and any(k not in taken for k in range(ent.end, end)) \
                and (end == len(doc) or (doc[end].pos_ != "PROPN" and doc[end].lower_ != "of")):
            found.append(Span(doc, ent.end, end, label="PERSON"))
    return found


def _with_surnames_left_off(doc: Doc, mentions: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
    """A given name the model tagged alone as something else, then an untagged surname that it
    tags a person elsewhere in the article: "[Novak] Djokovic beat ..." (ORG) and "Djokovic
    said" make "Novak Djokovic" a person."""
    surnames = {ent[-1].text for ent, label in mentions if label == "PERSON"}
    out = []
    for ent, label in mentions:
        after = doc[ent.end] if ent.end < len(doc) else None
        if (label != "PERSON" and len(ent) == 1 and ent[0].pos_ == "PROPN" and ent[0].whitespace_ == " "
                and after is not None and after.pos_ == "PROPN" and after.is_title and not after.ent_type_
                and after.text in surnames):
            out.append((Span(doc, ent.start, ent.end + 1, label="PERSON"), "PERSON"))
        else:
            out.append((ent, label))
    return out


def _with_names_split_off(mentions: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
    """``mentions`` with a person's name cut off the organization the model ran it into, as
    translated reports write an office and its holder with no comma: "the deputy chairman of
    [the Security Council Dmitry Medvedev]", "the head of [the RMA Volodymyr Artiukh]". The name
    is the organization's last two proper nouns, where a title and "of" come just before the
    organization, and either the organization's name ends before them (in a word such as
    "Council" or a short form) or the article names the person by surname alone elsewhere."""
    surnames = {ent.text for ent, label in mentions if label == "PERSON" and len(ent) == 1}
    org_nouns = lexicon.words("organization_nouns")
    not_names = org_nouns | lexicon.words("organization_name_words")
    out = []
    for ent, label in mentions:
        name = ent[-2:]
        if label == "ORG" and len(ent) >= 3 and _after_an_office(ent) and ent[-3].pos_ == "PROPN" \
                and all(t.pos_ == "PROPN" and t.is_title and t.is_alpha and t.lower_ not in not_names for t in name) \
                and (name[-1].text in surnames or ent[-3].lower_ in org_nouns
                     or (ent[-3].is_upper and len(ent[-3]) >= 2)):
            out += [(ent[:-2], label), (name, "PERSON")]
        else:
            out.append((ent, label))
    return out


def _after_an_office(ent: Span) -> bool:
    """Whether a title and "of" come right before ``ent``: "the head of (the) ..."."""
    doc, i = ent.doc, ent.start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    return i >= 1 and doc[i].lower_ == "of" and any(
        t.lower_ in lexicon.words("titles") for t in doc[max(0, i - OFFICE_WINDOW) : i])


def _names_before_a_title(doc: Doc, taken: frozenset[int], proper: list[int]) -> list[Span]:
    """People NER missed before a title set off in apposition, as with names that are also
    words: "Rain Newton-Smith, the CBI's chief executive, said". Two to four capitalized proper
    nouns (a hyphenated surname counts as one) outside every entity and with no word of an
    organization's name, the last of which the parse gives an appositive headed by a title noun.
    ``taken``: the tokens of NER's entities; ``proper``: the indices of the proper nouns."""
    titles = lexicon.words("titles")
    found = []
    for tok in (doc[i] for i in proper):
        if tok.i in taken or not (tok.is_alpha and tok.is_title) or not any(
                c.dep_ == "appos" and c.i > tok.i and c.tag_ == "NN" and c.lower_ in titles
                and c.lower_ not in TITLE_MODIFIERS for c in tok.rights):
            continue
        name = _untagged_name_ending_at(tok, taken)
        if name is not None and _set_off(name):
            found.append(name)
    return found


def _names_after_a_title(doc: Doc, taken: frozenset[int], proper: list[int]) -> list[Span]:
    """People NER missed after a title, set off in apposition as translated and European
    reports write them: "the leader of the Popular Party, Alberto Núñez Feijóo, has accused",
    "The Minister of Defense, Margarita Robles, said". The name is as in _names_before_a_title,
    its last word the parse's appositive to a title noun or to the office after one ("of the
    Popular Party"), a comma before it."""
    titles = lexicon.words("titles")
    found = []
    for tok in (doc[i] for i in proper):
        head = tok.head
        if head.dep_ == "pobj" and head.head.lower_ in ("of", "for"):
            head = head.head.head  # the leader of [the Popular Party], ...
        if tok.i in taken or tok.dep_ != "appos" or head.lower_ not in titles or head.i > tok.i \
                or not (tok.is_alpha and tok.is_title):
            continue
        name = _untagged_name_ending_at(tok, taken)
        if name is not None and name.start > 0 and doc[name.start - 1].text == "," and _set_off(name):
            found.append(name)
    return found


def _names_that_speak(doc: Doc, taken: frozenset[int], proper: list[int]) -> list[Span]:
    """People NER missed who speak: a name as in _names_before_a_title that is the subject of
    a speech verb, outside a headline, whose last word the article also writes alone, as it
    does a person's surname ("Pep Guardiola said ..." and "Guardiola told Sky Sports"; not
    "Right Wing Watch said", whom it never calls "Watch")."""
    speech = lexicon.words("speech_verbs")
    found = []
    for tok in (doc[i] for i in proper):
        if tok.i in taken or tok.dep_ != "nsubj" or tok.head.lemma_.lower() not in speech \
                or not (tok.is_alpha and tok.is_title):
            continue
        name = _untagged_name_ending_at(tok, taken)
        if name is None or in_a_headline(name) or any(_is_place(t.lower_) or t.lower_ in ADDRESS_GENDER for t in name):
            continue
        if any(t.text == tok.text and t.i != tok.i and doc[t.i - 1].text != name[-2].text for t in doc[1:]):
            found.append(name)
    return found


def _untagged_name_ending_at(last: Token, taken: frozenset[int]) -> Span | None:
    """The person's name that ends at ``last``: two to four capitalized proper nouns outside
    the entity tokens ``taken`` (a hyphenated surname counts as one), with no word of a title or
    an organization's name."""
    doc = last.doc
    not_names = lexicon.words("titles") | lexicon.words("organization_nouns") | lexicon.words("organization_name_words")
    start, words = last.i, 1
    while start > 0 and (start - 1) not in taken and (
            (doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title and doc[start - 1].is_alpha)
            or (start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_
                and not doc[start - 2].whitespace_)):
        start -= 1
        words += doc[start].is_alpha
    name = doc[start : last.i + 1]
    if 2 <= words <= 4 and not any(t.lower_ in not_names for t in name):
        return Span(doc, start, last.i + 1, label="PERSON")
    return None


def _set_off(name: Span) -> bool:
    """Whether no word follows ``name`` right after it (a comma, a bracket or the end)."""
    return name.end == len(name.doc) or not name.doc[name.end].is_alpha


def in_a_headline(ent: Span) -> bool:
    """Whether ``ent`` stands in a headline, where the model reads verbs into names ("Obama
    Says ...") and headline words into organizations: a line of capitalized words, or a
    first line without a full stop."""
    text = text_of(ent.doc)
    start, end = text.rfind("\n", 0, ent.start_char) + 1, text.find("\n", ent.end_char)
    line = text[start : end if end >= 0 else len(text)].strip()
    words = line.split()
    if start == 0 and end >= 0 and not line.endswith((".", "!", "?", '"', "”", "'", "’")):
        return True
    return len(words) > 3 and sum(w[:1].isupper() for w in words) >= 0.6 * len(words)


def _acronym_in_brackets(ent: Span) -> str | None:
    """The short form an article defines in brackets right after a name: "(IAM)"."""
    doc, end = ent.doc, ent.end
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" \
            and doc[end + 1].text.isupper() and doc[end + 1].is_alpha and len(doc[end + 1]) >= 2:
        return doc[end + 1].text
    return None


def _without_legal_suffix(name: str) -> str:
    """A company's name without the legal form that ends it: "Shell Plc" -> "Shell"."""
    words = name.split()
    return " ".join(words[:-1]) if len(words) > 1 and words[-1].lower().rstrip(".") in LEGAL_SUFFIXES else name


def _initials(name: str) -> str:
    """"WHO" for "World Health Organization": the capitals that open its words."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _gender_of(ent: Span) -> str | None:
    """"m" / "f" for a person mention after a form of address ("Mr. Obama", "Ms. Martin") or
    in apposition to a noun that tells it ("the first lady, Michelle Obama")."""
    doc = ent.doc
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    if before in ADDRESS_GENDER:
        return ADDRESS_GENDER[before]
    root = ent.root
    if root.dep_ == "appos":
        return ROLE_GENDER.get(root.head.lower_)
    return None


def _person_key(name: str, full_names: dict[str, list[str]], given_names: dict[str, set[str]]) -> str:
    """A bare surname joins the one full name of the article that ends with it; failing that,
    a bare name joins the one full name that opens with it or holds it inside: a family name
    written first ("Wang" -> "Wang Yi", "Xi" -> "Xi Jinping"), a first name ("Bernie" -> "Bernie
    Sanders"), or a middle name ("Lula" -> "Luiz Inácio Lula da Silva")."""
    if " " in name:
        return name
    matches = full_names.get(name, [])
    if not matches and name.isupper():  # "WHITFIELD-ROSS:" labelling a transcript's speaker
        matches = [full for form, names in full_names.items() if form.lower() == name.lower() for full in names]
    if not matches and len(given_names.get(name, ())) == 1:
        return next(iter(given_names[name]))
    return matches[0] if len(matches) == 1 else name


def _with_particle_names(mentions: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
    """``mentions`` with people's names carried over the particles the model stopped at, and
    without the other mentions these longer names cover ("Leyen" tagged a place)."""
    people = [(_with_name_particles(ent), label) if label == "PERSON" else (ent, label) for ent, label in mentions]
    grown = [ent for (ent, _), (old, _) in zip(people, mentions) if ent.end != old.end]
    if not grown:
        return mentions
    return [(ent, label) for ent, label in people
            if label == "PERSON" or not any(g.start <= ent.start and ent.end <= g.end for g in grown)]


def find_entities(doc: Doc) -> Doc:
    """Set ``doc._.entity_clusters`` (list of EntityCluster)."""
    aliases = lexicon.aliases()
    respelt = spelling.respellings(doc)
    mentions = [(ent, _label(ent)) for ent in map(_without_quote_marks, doc.ents)
                if len(ent) and ent.label_ in KEPT_LABELS and not _is_title_part(ent) and not _is_a_date(ent)
                and not _is_a_time_zone(ent)]
    mentions = [(_without_leading_title(_with_name_prefix(ent, acronyms_only=True)) if label == "PERSON" else
                 _with_name_suffix(_with_name_prefix(ent)) if label == "ORG" else ent, label)
                for ent, label in mentions if label in KEPT_LABELS]
    mentions = _with_names_split_off(mentions)
    mentions = _with_surnames_left_off(doc, mentions)
    # NER's tokens, and the proper nouns found by their tag in an array (a Token object per word
    # costs more than the look), for the steps that find what NER missed
    tagged = frozenset(i for ent in doc.ents for i in range(ent.start, ent.end))
    proper = (doc.to_array(POS) == PROPN).nonzero()[0].tolist()
    mentions += [(span, "GPE") for span in _gazetteer_places(doc, tagged, proper)]
    missed_people = (_names_after_an_office(doc, tagged) + _names_before_a_title(doc, tagged, proper)
                     + _names_after_a_title(doc, tagged, proper) + _names_that_speak(doc, tagged, proper))
    mentions += [(span, "PERSON") for span in missed_people]
    mentions = _with_particle_names(mentions)
    mentions.sort(key=lambda m: m[0].start)
    full_names: dict[str, list[str]] = {}
    given_names: dict[str, set[str]] = {}
    genders: dict[str, str] = {}  # full name -> "m" / "f", where the text tells it
    acronyms: dict[str, set[str]] = {}  # "WHO" -> {"World Health Organization"}
    addressed: dict[str, set[str]] = {}  # bare surname -> genders its forms of address tell ("Mr. Obama")
    for ent, label in mentions:
        name = _clean(ent.text)
        if label == "PERSON" and " " not in name and (gender := _gender_of(ent)) is not None:
            addressed.setdefault(name, set()).add(gender)
        if label == "ORG" and " " in name:
            acronyms.setdefault(_initials(name), set()).add(name)
            if (short := _acronym_in_brackets(ent)) is not None:  # "the International Association of Machinists (IAM)"
                acronyms.setdefault(short, set()).add(name)
        if label == "PERSON" and " " in name:
            if (gender := _gender_of(ent)) is not None:
                genders.setdefault(name, gender)
            for form in surname_forms(name):
                names = full_names.setdefault(form, [])
                if not any(n == name or name in n for n in names):
                    names.append(name)
            # not "Obama Says ..." in a headline, nor a place before a title ("Charlotte Mayor Jennifer Roberts")
            if not in_a_headline(ent) and name.split()[1].lower() not in lexicon.words("titles"):
                # first and middle names: "Bernie", and "Lula" of "Luiz Inácio Lula da Silva"
                for word in [name.split()[0]] + [w for w in name.split()[1:-1] if w.istitle() and w.isalpha()]:
                    given_names.setdefault(word, set()).add(name)
    mentions += [(span, "PERSON") for span in _untagged_surnames(doc, full_names, mentions)]
    mentions.sort(key=lambda m: m[0].start)
    clusters: dict[str, EntityCluster] = {}
    labels: dict[str, Counter] = {}  # cluster key -> labels of its mentions
    for ent, label in mentions:
        name = _clean(ent.text)
        if not name:
            continue
        canonical = aliases.get(name.lower()) or _us_body(name, aliases) or name
        if respelt:  # "Charkiv" joins "Kharkiv" where the article uses both
            canonical = " ".join(respelt.get(word, word) for word in canonical.split())
        if label != "PERSON" and (holder := _person_of_particle_surname(name, full_names)) is not None:
            label, canonical = "PERSON", holder  # "Von der Leyen said": not an organization
        if label == "ORG" and name.isupper() and len(acronyms.get(name, ())) == 1:
            canonical = next(iter(acronyms[name]))  # "WHO" after "the World Health Organization"
        # "Marsh said", "after Scholz suggested": a lone surname tagged ORG or GPE; "Wang said": a
        # lone family name tagged ORG (a GPE is more likely a place than a first name)
        if label in ("ORG", "GPE") and " " not in name and name.lower() not in lexicon.words("places") \
                and _person_key(name, full_names, given_names if label == "ORG" else {}) != name:
            label = "PERSON"
        if label == "PERSON":
            canonical = _person_key(canonical, full_names, given_names)
            canonical = next((n for n in full_names.get(surname(canonical), []) if canonical in n), canonical)
            gender = _gender_of(ent) if " " not in name else None
            if gender is None and len(addressed.get(name, ())) == 1:
                gender = next(iter(addressed[name]))  # "President Obama" where the article says "Mr. Obama"
            if gender is not None and genders.get(canonical, gender) != gender:
                canonical = name  # "Mr. Obama" is not "the first lady, Michelle Obama"
        key = (_without_legal_suffix(canonical) if label == "ORG" else canonical).lower()  # "Shell Plc" is "Shell"
        cluster = clusters.get(key)
        if cluster is None:
            cluster = clusters[key] = EntityCluster(name=canonical, label=label)
        cluster.mentions.append(ent)
        labels.setdefault(key, Counter())[label] += 1
        if label == "PERSON" and cluster.title is None:
            title = title_of(ent)
            if title is not None:
                cluster.title = title.text
    for key, cluster in clusters.items():  # the model's label of most mentions (a headline's "Ava DuVernay's" was ORG)
        cluster.label = labels[key].most_common(1)[0][0]
        if cluster.label in PLACE_LABELS and cluster.name.isupper():
            cluster.name = _place_name_in_capitals(cluster)
    doc._.entity_clusters = list(clusters.values())
    return doc


def _place_name_in_capitals(cluster: EntityCluster) -> str:
    """The name of a place first written in a dateline's capitals ("DOHA, Qatar — "): as the
    article writes it elsewhere, else, where a dateline is its only mention, in title case."""
    written = next((m.text for m in cluster.mentions if not m.text.isupper()
                    and m.text.lower() == cluster.name.lower()), None)
    if written is not None:
        return written
    doc = cluster.mentions[0].doc
    span = dateline.dateline_span(text_of(doc))
    in_dateline = span is not None and all(span[0] <= m.start_char and m.end_char <= span[1] for m in cluster.mentions)
    return string.capwords(cluster.name) if in_dateline and cluster.name.replace(" ", "").isalpha() else cluster.name


def cluster_of(doc: Doc, start: int, end: int, last: bool = False) -> EntityCluster | None:
    """The cluster with a mention inside tokens [start, end), preferring a PERSON, then the
    mention that comes first, or with ``last`` the one that ends last (in the words before a
    head noun the name nearest the head is the head's: "Clinton spokesman Nick Merrill")."""
    best, best_key = None, None
    for cluster in doc._.entity_clusters or []:
        for m in cluster.mentions:
            if start <= m.start and m.end <= end:
                key = (cluster.label == "PERSON", m.end if last else -m.start)
                if best_key is None or key > best_key:
                    best, best_key = cluster, key
    return best
