"""Speaker resolution: from a source mention to a named entity, a group or an unnamed source.

No coreference model installs offline, so pronouns are resolved here from the parse and
the attribution context: "he"/"she" go to the most recent person who spoke, or else was
the subject of a recent sentence; "they" to the most recent group or organization; "it" to the
most recent organization; "who"/"which"/"that" to the noun their clause modifies.
Names resolve through the article's entity clusters, so "Blinken" becomes "Antony Blinken"
once the article has named him.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from .. import lexicon
from ..annotations import AttributionSpan, EntityCluster, ResolvedSpeaker, text_of
from .entities import ADDRESS_GENDER, NAME_PARTICLES, cluster_of, in_a_headline, surname_forms, title_of
from .line_cues import ANSWER_RULE

# Title abbreviations written before names, as the noun a story uses later ("the governor").
TITLE_ABBREVIATIONS = {"gov.": "governor", "sen.": "senator", "rep.": "representative", "gen.": "general",
                       "sec.": "secretary", "pres.": "president", "lt.": "lieutenant", "atty.": "attorney",
                       "prof.": "professor", "supt.": "superintendent", "adm.": "admiral", "col.": "colonel"}
PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
# The gender a pronoun or a form of address gives a person, so that "he" does not go to a
# woman the article has called "she" or "Ms.".
GENDER_WORDS = {"he": "m", "him": "m", "his": "m", "mr.": "m", "mr": "m",
                "she": "f", "her": "f", "hers": "f", "mrs.": "f", "mrs": "f", "ms.": "f", "ms": "f"}
# Kin nouns that tell the gender of the name they stand before: "O'Connor's son Shane".
KIN_GENDER = {"son": "m", "husband": "m", "father": "m", "brother": "m", "widower": "m", "grandson": "m",
              "daughter": "f", "wife": "f", "mother": "f", "sister": "f", "widow": "f", "granddaughter": "f"}
PLURAL_PRONOUNS = {"they", "them", "their"}
ORGANIZATION_PRONOUNS = {"it"}
RELATIVE_PRONOUNS = {"who", "whom", "which", "that"}
# How far back (in sentences) a pronoun looks for its antecedent.
PRONOUN_WINDOW = 4
# Generic nouns of an institution that, after "the", stand for the organization just named
# (not "the government" or "the military": those name an institution of their own).
# A medium ("the network") is left out: the organization named last is often the newspaper
# that reported on it.
NOMINAL_ORGANIZATION_NOUNS = frozenset({"agency", "company", "firm", "corporation", "organization", "organisation",
                                        "group", "newspaper", "institute", "foundation", "charity", "regulator",
                                        "watchdog", "bank", "lender", "insurer", "carrier", "airline", "retailer",
                                        "automaker", "carmaker", "forecaster", "broadcaster", "operator",
                                        "manufacturer", "producer", "developer", "publisher", "union"})
# Adjectives that make "the company" another one than the one just named.
NOT_THE_SAME_ADJECTIVES = frozenset({"other", "same", "rival", "parent", "former", "new", "second", "first",
                                     "largest", "biggest", "smaller", "larger"})
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
# Words that pick some out of a group: "one of the people", "two of the officials".
QUANTIFIERS = frozenset({"one", "some", "several", "many", "most", "both", "each", "another", "none", "all"})
# Words of a news medium's name, and names of the wire agencies and broadcasters, which a story
# names as where it found something, not as an organization it reports on.
MEDIA_NAME_WORDS = frozenset({"post", "times", "journal", "news", "gazette", "tribune", "herald", "telegraph",
                              "guardian", "observer", "chronicle", "press", "daily", "magazine", "newsweek"})
MEDIA_NAMES = frozenset({"reuters", "ap", "associated press", "afp", "agence france-presse", "bloomberg", "cnn",
                         "bbc", "nbc", "cbs", "abc", "fox", "msnbc", "npr", "politico", "axios", "tass", "xinhua",
                         "interfax", "ukrinform", "al jazeera", "sky news", "dpa", "kyodo", "yonhap"})
# Descriptions of an office that name no title ("the head of state noted"), with the titles of
# the offices they describe.
OFFICE_DESCRIPTIONS = {"head of state": ("president", "king", "queen", "monarch", "emir"),
                       "head of government": ("prime minister", "premier", "chancellor")}
# "The Ukrainian leader": the one person named before with the title of a head of state or
# government and the modifiers of the description.
LEADER_TITLES = OFFICE_DESCRIPTIONS["head of state"] + OFFICE_DESCRIPTIONS["head of government"]
# Nouns for a person's kin or company: "a friend of Taylor Swift" is not Taylor Swift.
RELATION_NOUNS = frozenset({"friend", "relative", "colleague", "ally", "associate", "confidant", "wife", "husband",
                            "son", "daughter", "brother", "sister", "mother", "father", "widow", "cousin",
                            "neighbor", "neighbour", "classmate", "acquaintance", "partner", "girlfriend", "boyfriend"})
# Nationalities that sports and foreign copy use for the person quoted last: "the Spaniard said".
NATIONALITY_NOUNS = frozenset({"spaniard", "italian", "frenchman", "frenchwoman", "briton", "englishman", "scot",
                               "welshman", "irishman", "dutchman", "german", "american", "canadian", "australian",
                               "brazilian", "argentine", "portuguese", "swede", "dane", "norwegian", "finn", "pole",
                               "russian", "ukrainian", "japanese", "korean", "turk", "greek", "belgian", "austrian",
                               "mexican", "colombian", "nigerian", "israeli", "iranian", "egyptian", "moroccan",
                               "algerian", "tunisian", "senegalese", "ghanaian", "ivorian", "cameroonian", "chilean",
                               "uruguayan", "peruvian", "venezuelan", "ecuadorian", "croat", "serb", "czech",
                               "slovak", "hungarian", "romanian", "bulgarian", "slovenian", "bosnian", "albanian",
                               "georgian", "armenian", "chinese", "indian", "pakistani", "saudi", "qatari",
                               "jamaican", "kenyan", "ethiopian", "icelander", "estonian", "latvian", "lithuanian",
                               "scotsman", "swiss", "zealander"})
# Nationalities whose plural looks the same, which the tagger may tag plural ("the Portuguese
# said"): one person only right after that person spoke.
SAME_PLURAL_NATIONALITIES = frozenset({"portuguese", "japanese", "chinese", "swiss", "senegalese"})
# A party or calling that news copy uses for the person it has just named: "The Kentucky
# Republican told reporters" after "Mitch McConnell"; and a nationality.
EPITHET_NOUNS = frozenset({"republican", "democrat", "independent", "conservative", "liberal", "tory",
                           "socialist", "progressive", "libertarian", "populist", "billionaire", "politician"}) \
    | NATIONALITY_NOUNS


def _name_as_written(span: Span) -> str:
    """The source as a name: without its determiner, nor what a comma sets off after its head
    ("An Israeli official, who declined to be named" -> "Israeli official"), spaced as written."""
    tokens = list(span)
    while tokens and (tokens[0].lower_ in DETERMINERS):
        tokens = tokens[1:]
    comma = next((i for i, t in enumerate(tokens) if t.text == "," and t.i > span.root.i), None)
    tokens = tokens[:comma]
    if not tokens:
        return span.text
    return text_of(span.doc)[tokens[0].idx : tokens[-1].idx + len(tokens[-1])]


def _title(source: Span, cluster: EntityCluster) -> str | None:
    for m in cluster.mentions:
        if source.start <= m.start and m.end <= source.end:
            title = title_of(m)
            if title is not None:
                return title.text
    return cluster.title


def _kind_of_cluster(cluster: EntityCluster) -> str:
    return "person" if cluster.label == "PERSON" else "organization"


def _named(source: Span, cluster: EntityCluster, resolved_by: str) -> ResolvedSpeaker:
    return ResolvedSpeaker(
        name=cluster.name,
        kind=_kind_of_cluster(cluster),
        title=_title(source, cluster) if resolved_by != "pronoun" else cluster.title,
        entity=cluster,
        resolved_by=resolved_by,
    )


def _possessor(source: Span) -> Token | None:
    """'Blinken' in "Blinken's comments" / "the minister's statement"."""
    for child in source.root.children:
        if child.dep_ == "poss" and child.lower_ not in ("his", "her", "its", "their"):
            return child
    return None


def _holder_of_office(source: Span) -> EntityCluster | None:
    """The one person named before ``source`` whose title the office description fits: "the
    head of state" after "President Volodymyr Zelensky"."""
    words = source.text.lower().split()
    titles = OFFICE_DESCRIPTIONS.get(" ".join(words[1:]) if words[:1] == ["the"] else "")
    if titles is None:
        return None
    holders = [c for c in source.doc._.entity_clusters or [] if c.label == "PERSON" and c.title
               and c.mentions[0].end <= source.start and c.title.lower().endswith(titles)]
    return holders[0] if len(holders) == 1 else None


def _person_by_title(source: Span) -> EntityCluster | None:
    """The one person named before ``source`` whose title has its head word: "the governor"
    after "California Gov. Gavin Newsom", "the adviser" after "Jake Sullivan, the national
    security adviser", "the Ukrainian leader" after a Ukrainian president or prime minister,
    or a headline's bare "mayor" (named below it); None when no one or several have it."""
    head = source.root
    if head.tag_ not in ("NN", "NNP") or head.lower_ not in lexicon.words("titles"):
        return None  # British copy capitalizes it: "the Prime Minister"
    # a headline drops the article and names the person below it: "'We will not back down,' says mayor"
    headline = len(source) == 1 and in_a_headline(source)
    if source[0].lower_ != "the" and not headline:
        return None
    modifiers = {t.lower_ for t in source[1:] if t.i != head.i}  # "the Democratic nominee": Democratic too
    holders = []
    for cluster in source.doc._.entity_clusters or []:
        if cluster.label == "PERSON" and cluster.title and (headline or cluster.mentions[0].end <= source.start):
            words = [TITLE_ABBREVIATIONS.get(w, w) for w in cluster.title.lower().split()]
            title_head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]  # "secretary of state"
            # "the Ukrainian leader" after "Ukrainian President Volodymyr Zelensky"
            leads = head.lower_ == "leader" and " ".join(words).endswith(LEADER_TITLES)
            if (title_head == head.lower_ or leads) and modifiers <= set(words):
                holders.append(cluster)
    return holders[0] if len(holders) == 1 else None


def _title_no_one_holds(source: Span) -> bool:
    """Whether ``source`` is a bare "the prime minister" and no one in the article is given a
    title with its head word (then it names someone the writer took the reader to know). Not
    "the Democratic nominee", "the German leader": what they add could not be checked."""
    head, titles = source.root, lexicon.words("titles")
    if source[0].lower_ != "the" or head.i != source.end - 1 or head.tag_ not in ("NN", "NNP") \
            or head.lower_ not in titles:
        return False
    if any(t.lower_ not in titles and (t.dep_ != "compound" or t.pos_ != "NOUN") for t in source[1:-1]):
        return False
    return not any(cluster.title and head.lower_ in cluster.title.lower().split()
                   for cluster in source.doc._.entity_clusters or [] if cluster.label == "PERSON")


def _names_a_speaker_of_its_own(head: Token) -> bool:
    """Whether a possessed head noun speaks for itself ("Ukraine's military", "Trump's
    lawyer", "the company's chief executive"), unlike a message ("Blinken's comments")."""
    lemma = head.lemma_.lower()
    return any(lemma in lexicon.words(name) for name in ("organization_nouns", "unnamed_nouns", "group_nouns", "titles"))


def _appositive_name(source: Span) -> EntityCluster | None:
    """The person named in apposition to the head of ``source``: "the spokeswoman, Maria
    Zakharova", or to the person it works for, where the parse hangs the name on the wrong
    one: "a spokesperson for Gov. Brian Kemp, Garrison Douglas" (one person is not another), "a
    spokesman for the president, Andrew Bates"."""
    head = source.root
    for child in head.children:
        cluster = _person_in_apposition(child)
        if cluster is not None:
            return cluster
    if head.pos_ == "PROPN":
        return None
    for prep in head.children:
        for employer in (c for c in prep.children if prep.dep_ == "prep" and c.dep_ == "pobj"
                         and (c.ent_type_ == "PERSON" or c.pos_ == "NOUN")):
            employer_cluster = cluster_of(source.doc, employer.left_edge.i, employer.i + 1)
            for child in employer.children:
                cluster = _person_in_apposition(child)
                if cluster is not None and cluster is not employer_cluster:
                    return cluster
    return None


def _organization_in_apposition(source: Span) -> EntityCluster | None:
    """The organization named in apposition to a common noun: "The company, Meridian Health
    Partners, denied wrongdoing"."""
    head = source.root
    if head.pos_ != "NOUN":
        return None
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            cluster = cluster_of(child.doc, child.left_edge.i, child.i + 1)
            if cluster is not None and cluster.label == "ORG":
                return cluster
    return None


def _noun_its_clause_describes(pronoun: Token) -> Span | None:
    """The plural noun whose relative clause holds ``pronoun``: "employees" in "Three former
    employees, who spoke on condition of anonymity because they feared retaliation"."""
    for ancestor in pronoun.ancestors:
        if ancestor.dep_ == "relcl":
            noun = ancestor.head
            if noun.tag_ in ("NNS", "NNPS"):
                return noun.doc[noun.left_edge.i : noun.i + 1]
            return None
    return None


def _person_in_apposition(child: Token) -> EntityCluster | None:
    if child.dep_ != "appos" or child.pos_ != "PROPN":
        return None
    cluster = cluster_of(child.doc, child.left_edge.i, child.i + 1)
    return cluster if cluster is not None and cluster.label == "PERSON" else None


def _group_or_unnamed(source: Span) -> ResolvedSpeaker | None:
    head = source.root
    lemma, lower = head.lemma_.lower(), head.lower_
    if head.ent_type_ == "NORP" and head.tag_ in ("NNPS", "NNS"):  # "Ukrainians argue"
        return ResolvedSpeaker(name=_name_as_written(source), kind="group", resolved_by="mention")
    if head.tag_ in ("NNS", "NNPS") or lower in lexicon.words("group_nouns"):
        return ResolvedSpeaker(name=_name_as_written(source), kind="group", resolved_by="mention")
    if lemma in lexicon.words("unnamed_nouns"):
        return ResolvedSpeaker(name=_name_as_written(source), kind="unnamed", resolved_by="mention")
    if lemma in lexicon.words("organization_nouns") and head.tag_ in ("NN", "NNP"):
        return ResolvedSpeaker(name=_name_as_written(source), kind="organization", resolved_by="mention")
    return None


def _person_by_surname(doc: Doc, token: Token) -> EntityCluster | None:
    """The one PERSON cluster whose full name ends with `token` (a surname NER did not tag; the
    parse may take it for a noun, as "Farage" opening a sentence)."""
    if not (token.pos_ == "PROPN" or (token.pos_ == "NOUN" and token.is_title)) or token.ent_type_ == "PERSON":
        return None
    matches = [c for c in doc._.entity_clusters or [] if c.label == "PERSON" and " " in c.name
               and token.text in surname_forms(c.name)]
    return matches[0] if len(matches) == 1 else None


def _person_by_given_name(doc: Doc, token: Token) -> EntityCluster | None:
    """The one PERSON cluster whose full name starts with ``token``, for a name NER did not tag
    that is no one's surname: "Tedros said" after "Tedros Adhanom Ghebreyesus", whom the news
    calls by his given name, as it does "Abiy" or a child ("Elian")."""
    if token.pos_ != "PROPN" or not token.is_title or token.ent_type_ == "PERSON":
        return None
    people = [c for c in doc._.entity_clusters or [] if c.label == "PERSON"]
    if any(c.name == token.text or token.text in surname_forms(c.name) for c in people):
        return None  # "Trump said" among several Trumps
    matches = [c for c in people if " " in c.name and c.name.split()[0] == token.text
               and all(w[:1].isupper() for w in c.name.split())]  # a name, not "Trump v. Trump"
    return matches[0] if len(matches) == 1 else None


def _person_by_label(source: Span) -> EntityCluster | None:
    """The one PERSON cluster a transcript's capitalized label names ("MS. JEAN-PIERRE:" after
    "Press Secretary Karine Jean-Pierre"): its words after a form of address or title, matched
    to a full name or surname whatever their case."""
    if not source.text.isupper():
        return None
    words = source.text.split()
    while words and (words[0].lower() in ADDRESS_GENDER or words[0].lower() in lexicon.words("titles")):
        words = words[1:]
    label = " ".join(words).lower()
    if not label:
        return None
    matches = [c for c in source.doc._.entity_clusters or [] if c.label == "PERSON"
               and (label == c.name.lower() or label in (form.lower() for form in surname_forms(c.name)))]
    return matches[0] if len(matches) == 1 else None


def _platform_posted_on(mention: Span) -> bool:
    """A platform named as where words were posted ("In a statement on Telegram, the group
    had accused ..."), not as the company it is ("Twitter said")."""
    root = mention.root
    return root.dep_ == "pobj" and root.head.lower_ in ("on", "via") \
        and mention.text.lower() in lexicon.words("platforms")


def _is_news_medium(name: str) -> bool:
    """Whether an organization's name is a newspaper's, an agency's or a broadcaster's."""
    lowered = name.lower()
    return bool(set(lowered.split()) & MEDIA_NAME_WORDS) or lowered.removeprefix("the ") in MEDIA_NAMES


class _Context:
    """What earlier attributions said about who is speaking, for pronouns."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.sents = list(doc.sents)
        self.speakers: list[tuple[int, ResolvedSpeaker]] = []  # (token index, speaker)
        self.heads: dict[int, Token] = {}  # token index of a remembered speaker's mention -> its head
        self.content_tokens = {
            i for a in doc._.attributions or [] for span in a.content for i in range(span.start, span.end)
        }
        # what "according to" a source says is told as the story: its subjects are in view
        sourced = {i for a in doc._.attributions or [] if a.rule == "according-to"
                   for span in a.content for i in range(span.start, span.end)}
        said = self.content_tokens - sourced

        # subjects of clauses that are not reported content, (start, cluster), by PERSON or not;
        # a name set off after the subject counts ("Her husband, Daniel, nods")
        self.subjects: dict[bool, list[tuple[int, EntityCluster]]] = {True: [], False: []}
        self.gender: dict[str, str] = {}  # person's name -> "m" / "f", as the article tells it
        for cluster in doc._.entity_clusters or []:
            for m in cluster.mentions:
                root = m.root.head if m.root.dep_ == "appos" else m.root
                if root.dep_ == "poss" and root.head.dep_ in ("nsubj", "nsubjpass") and root.head.head.dep_ == "ROOT":
                    root = root.head  # "Reid's amendment would exempt ... She argued": Reid
                if root.dep_ in ("nsubj", "nsubjpass") and m.start not in said:
                    self.subjects[cluster.label == "PERSON"].append((m.start, cluster))
                before = doc[m.start - 1].lower_ if m.start > 0 else ""
                if cluster.label == "PERSON" and (gender := GENDER_WORDS.get(before) or KIN_GENDER.get(before)):
                    self.gender.setdefault(cluster.name, gender)

    def remember(self, position: int, speaker: ResolvedSpeaker, head: Token | None = None) -> None:
        self.speakers.append((position, speaker))
        if head is not None:
            self.heads[position] = head
        if head is not None and speaker.name and head.lower_ in GENDER_WORDS:
            self.gender.setdefault(speaker.name, GENDER_WORDS[head.lower_])

    def described_before(self, token: Token) -> ResolvedSpeaker | None:
        """The unnamed source that "the spokesperson" (``token``, its head) takes up: the latest
        one in view whose head is the same noun, written out more fully ("a spokesperson for
        the Ministry of Commerce")."""
        def takes_up(position: int, speaker: ResolvedSpeaker) -> bool:
            head = self.heads.get(position)
            return (head is not None and head.lemma_.lower() == token.lemma_.lower() and speaker.entity is None
                    and bool(speaker.name) and speaker.name.lower() != token.lower_)
        return self._latest_speaker(token, takes_up)

    def person_before(self, token: Token) -> ResolvedSpeaker | None:
        """The latest person who spoke, or was the subject of a main clause, before `token`,
        whose gender, where the article has told it, agrees with the pronoun `token`."""
        floor = self._window_start(token)
        wanted = GENDER_WORDS.get(token.lower_)
        # an unnamed person counts too ("A former aide testified ... 'They were there,' she
        # said"), unless a person the pronoun may stand for is named after it, even in its words
        # ("A campaign aide said that Clinton misspoke ... her claim")
        spoke = [(p, s) for p, s in self.speakers if floor <= p < token.i and s.name and (
                 s.kind == "person" or s.kind == "unnamed" and not self._person_named_since(p, token, wanted))]
        candidates = sorted(spoke + self._subjects(token, floor, person=True), key=lambda c: -c[0])
        found = next((s for _, s in candidates if self.gender.get(s.name, wanted) == wanted), None)
        return found or self._person_just_named(token, wanted)

    def _person_named_since(self, position: int, token: Token, wanted: str | None) -> bool:
        """Whether a person of the gender ``wanted`` (or of none told) is named after the
        mention remembered at ``position`` and before ``token``."""
        after = self._after_mention(position)
        return any(after < m.start < token.i for c in self.doc._.entity_clusters or []
                   if c.label == "PERSON" and self.gender.get(c.name, wanted) == wanted for m in c.mentions)

    def _after_mention(self, position: int) -> int:
        """The last token of the speaker's mention remembered at ``position``, with what hangs
        on its head ("A former aide to Sen. Bob Menendez")."""
        head = self.heads.get(position)
        return head.right_edge.i if head is not None else position

    def speaker_before(self, token: Token, sentences_back: int | None = None) -> ResolvedSpeaker | None:
        """The latest named person who spoke before ``token``, within a pronoun's view or
        ``sentences_back`` sentences back."""
        return self._latest_speaker(token, lambda _, s: s.kind == "person" and bool(s.name), sentences_back)

    def untitled_person_before(self, token: Token) -> ResolvedSpeaker | None:
        """The person who spoke or was the subject last, in ``token``'s sentence or the one
        before, if the article gave that person no title and named no other person since;
        not from inside someone's words ("Manafort told friends that the candidate knew")."""
        if token.i in self.content_tokens:
            return None
        floor = self._sentence_start(token, 1)
        spoke = [(p, s) for p, s in self.speakers if floor <= p < token.i and s.kind == "person" and s.name]
        candidates = spoke + self._subjects(token, floor, person=True)
        if not candidates:
            return None
        position, latest = max(candidates, key=lambda c: c[0])
        if latest.entity is None or latest.entity.title:
            return None
        others = [m for c in self.doc._.entity_clusters or [] if c.label == "PERSON" and c is not latest.entity
                  for m in c.mentions if position < m.start < token.i]
        return None if others else latest  # "Maddow tried to press Warren ..., but the senator insisted"

    def titled_subject_since_last_speaker(self, token: Token) -> ResolvedSpeaker | None:
        """The person introduced with a title as the subject of the sentence before ``token``'s,
        if no one has spoken since: "Brighton manager Roberto De Zerbi was furious. '...,' the
        Italian said" (a manager speaks after the match; a scorer named without a title, as in
        "Pedro Neto equalised", is left to the person who spoke last)."""
        floor = self._sentence_start(token, 1)
        titled = [(p, s) for p, s in self._subjects(token, floor, person=True) if s.title]
        if not titled:
            return None
        position, subject = max(titled, key=lambda c: c[0])
        if any(position < p < token.i for p, _ in self.speakers):
            return None
        return subject

    def _latest_speaker(self, token: Token, wanted, sentences_back: int | None = None) -> ResolvedSpeaker | None:
        """The latest speaker remembered before ``token``, within a pronoun's view (or
        ``sentences_back`` sentences back), for whom ``wanted(position, speaker)`` holds."""
        if sentences_back is None:
            floor = self._window_start(token)
        else:
            floor = self._sentence_start(token, sentences_back)
        return next((s for p, s in reversed(self.speakers) if floor <= p < token.i and wanted(p, s)), None)

    def _person_just_named(self, token: Token, wanted: str | None) -> ResolvedSpeaker | None:
        """The person named last in this sentence or the one before, when no other subject comes
        between: "Asked what comes next, Santos laughs. 'Sleep,' she says." (the parse made
        "laughs" a noun, and "Santos" no subject)."""
        floor = self._sentence_start(token, 1)
        doc = self.doc
        named = [(m.start, m.end, c) for c in doc._.entity_clusters or [] if c.label == "PERSON"
                 for m in c.mentions if floor <= m.start < token.i]
        # and a surname the model did not tag at all (its parse made it a noun: "Ruiz laughs")
        named += [(t.i, t.i + 1, c) for t in doc[floor : token.i] if (c := _person_by_surname(doc, t)) is not None]
        for start, end, cluster in sorted(named, key=lambda x: -x[0]):
            if start in self.content_tokens:
                continue
            if any(t.dep_ in ("nsubj", "nsubjpass") and t.i not in self.content_tokens for t in doc[end : token.i]):
                return None  # "My mother ... she": another subject stands between
            if self.gender.get(cluster.name, wanted) == wanted:
                return ResolvedSpeaker(name=cluster.name, kind="person", title=cluster.title, entity=cluster,
                                       resolved_by="pronoun")
        return None

    def organization_before(self, token: Token) -> ResolvedSpeaker | None:
        """The latest organization (or thing: "the report") that spoke, or the latest
        organization that was the subject of a clause, before `token`."""
        floor = self._window_start(token)
        spoke = next(((p, s) for p, s in reversed(self.speakers)
                      if floor <= p < token.i and s.kind in ("organization", "other") and s.name), None)
        subject = max(self._subjects(token, floor, person=False), key=lambda c: c[0], default=None)
        candidates = [c for c in (spoke, subject) if c is not None]
        return max(candidates, key=lambda c: c[0])[1] if candidates else None

    def organization_named_before(self, token: Token, noun: str) -> EntityCluster | None:
        """The organization "the agency" (``noun``) stands for: the latest one named in this
        sentence or the one before whose name holds the noun ("the party" -> "the Labour
        Party"), else, after a generic noun of NOMINAL_ORGANIZATION_NOUNS, the latest one named
        ("the World Food Programme ... The agency said")."""
        named = self._organizations_named(self._sentence_start(token, 1), token)
        holding = next((c for c in named if noun in c.name.lower().split()), None)
        if holding is not None or noun not in NOMINAL_ORGANIZATION_NOUNS:
            return holding
        # not the newspaper that reviewed the documents: "In an email reviewed by The Washington
        # Post, ... The company said"
        found = next((c for c in named if not _is_news_medium(c.name)), None)
        if found is not None:
            return found
        # further back, as far as a pronoun looks, an organization that was a subject or spoke
        # ("Boeing will cut ... He said ... The company also said"), not one named in passing
        # ("said Kim Forrest, chief investment officer at Bokeh Capital Partners")
        floor = self._window_start(token)
        actors = [(p, s.entity) for p, s in self.speakers if s.kind == "organization" and s.entity is not None] \
            + [(p, c) for p, c in self.subjects[False]]
        return next((c for p, c in sorted(actors, key=lambda x: -x[0])
                     if floor <= p < token.i and c.label == "ORG" and not _is_news_medium(c.name)), None)

    def _organizations_named(self, floor: int, token: Token) -> list[EntityCluster]:
        """The organizations named from token ``floor`` up to ``token``, outside anyone's
        words, the latest first."""
        named = sorted(((m.start, c) for c in self.doc._.entity_clusters or [] if c.label == "ORG"
                        for m in c.mentions if floor <= m.start < token.i and m.start not in self.content_tokens
                        and not _platform_posted_on(m)),
                       key=lambda x: -x[0])
        return [c for _, c in named]

    def group_before(self, token: Token) -> ResolvedSpeaker | None:
        return self._latest_speaker(token, lambda _, s: s.kind in ("group", "organization", "unnamed"))

    def group_subject_before(self, token: Token) -> ResolvedSpeaker | None:
        """The group that was the subject of the main clause just before ``token`` (in its
        sentence or the one before), outside anyone's words, named by a noun of
        lexicon/group_nouns.txt: "The researchers pooled data from 57 studies. They found ..."."""
        floor = self._sentence_start(token, 1)
        subjects = [t for t in self.doc[floor : token.i] if t.dep_ in ("nsubj", "nsubjpass")
                    and t.head.dep_ == "ROOT" and t.i not in self.content_tokens]
        noun = subjects[-1] if subjects else None  # the latest, not a group behind other subjects
        if noun is None or noun.lower_ not in lexicon.words("group_nouns") or noun.tag_ not in ("NNS", "NNPS"):
            return None
        phrase = self.doc[noun.left_edge.i : noun.i + 1]
        return ResolvedSpeaker(name=_name_as_written(phrase), kind="group", resolved_by="pronoun")

    def _sentence_index(self, token: Token) -> int:
        return next(i for i, s in enumerate(self.sents) if s.start <= token.i < s.end)

    def _sentence_start(self, token: Token, back: int) -> int:
        """The first token of the sentence ``back`` sentences before ``token``'s."""
        return self.sents[max(0, self._sentence_index(token) - back)].start

    def _window_start(self, token: Token) -> int:
        """Where the pronoun's look back ends: PRONOUN_WINDOW sentences back, not counting a
        sentence of someone's words (a quote of three sentences keeps its speaker in view)."""
        index, counted = self._sentence_index(token), 0
        while index > 0 and counted < PRONOUN_WINDOW:
            index -= 1
            sent = self.sents[index]
            counted += not all(t.i in self.content_tokens or t.is_punct or t.is_space for t in sent)
        return self.sents[index].start

    def _subjects(self, token: Token, floor: int, person: bool) -> list[tuple[int, ResolvedSpeaker]]:
        """The subjects (``self.subjects``) from ``floor`` up to ``token``, among the PERSON
        clusters (``person``) or the others."""
        return [(start, ResolvedSpeaker(name=cluster.name, kind="person" if person else "organization",
                                        title=cluster.title, entity=cluster, resolved_by="pronoun"))
                for start, cluster in self.subjects[person] if floor <= start < token.i]


def _antecedent(source: Span) -> Span | None:
    """The noun phrase a relative pronoun source stands for: "the firm" in "the firm that said",
    "Senate Republicans" in "Senate Republicans, several of whom had expressed doubts"."""
    head = source.root
    verb = head.head
    relative = len(source) == 1 and head.lower_ in RELATIVE_PRONOUNS
    partitive = any(c.dep_ == "prep" and c.lower_ == "of" and any(
        p.dep_ == "pobj" and p.lower_ in RELATIVE_PRONOUNS for p in c.children) for c in head.children)
    if not (relative or partitive) or verb.dep_ != "relcl":
        return None
    noun = verb.head
    while noun.dep_ == "appos" and noun.head.i < noun.i:
        noun = noun.head  # "Ann Carlson, the acting administrator, who added": Ann Carlson
    return source.doc[noun.left_edge.i : noun.i + 1]


def _organization_standing_for(source: Span, context: _Context) -> EntityCluster | None:
    """The organization a bare "the agency" / "the party" stands for, if one was just named."""
    head = source.root
    lemma = head.lemma_.lower()
    if len(source) not in (2, 3) or source[0].lower_ != "the" or head.tag_ != "NN" or head.i != source.end - 1 \
            or (lemma not in NOMINAL_ORGANIZATION_NOUNS and lemma not in lexicon.words("organization_nouns")):
        return None
    # "the central bank", "the independent forecaster"; not "the other company", "the parent group"
    if len(source) == 3 and (source[1].dep_ != "amod" or source[1].lower_ in NOT_THE_SAME_ADJECTIVES):
        return None
    return context.organization_named_before(head, head.lower_)


def _group_picked_from(source: Span) -> Span | None:
    """"the people" in "one of the people": the group a number or quantifier picks from, where
    it is a noun with "the" alone, which may take up a group described before."""
    head = source.root
    noun = _counted_out_of(head) if head.like_num or head.lower_ in QUANTIFIERS else None
    if noun is None:
        return None
    group = source.doc[noun.left_edge.i : noun.i + 1]
    return group if _definite_noun(group) else None


def _counted_from_a_group(source: Span) -> bool:
    """A figure counted out of a group of people: "190 of the 300 members of the National
    Assembly" (a name further in, "Yoon's party", is not the speaker)."""
    head = source.root
    noun = _counted_out_of(head) if head.like_num else None
    return noun is not None and noun.tag_ == "NNS"


def _counted_out_of(head: Token) -> Token | None:
    """The noun after "of" that a number or quantifier counts out of: "people" in "one of the
    people", "members" in "190 of the 300 members"."""
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None


def _definite_noun(source: Span) -> bool:
    """"the spokesperson", "the official": a common noun with "the" alone."""
    return len(source) == 2 and source[0].lower_ == "the" and source.root.i == source.end - 1 \
        and source.root.tag_ in ("NN", "NNS")


def _end_before_clause(source: Span) -> int:
    """Where a clause that describes a noun after the head begins, or the end of ``source``: a
    name in it is not the speaker ("a study published Monday in JAMA Neurology", "a memo seen by
    Reuters"); nor is the one a common noun serves or is kin to ("a former aide to Sen. Bob
    Menendez", "a lawyer for Trump", "a friend of Taylor Swift")."""
    head = source.root
    clauses = [t.left_edge.i for t in source if t.dep_ in ("acl", "relcl") and t.i > head.i]
    if head.tag_ in ("NN", "NNS"):
        clauses += [c.i for c in head.rights if c.dep_ == "prep" and c.i == head.i + 1 and c.i < source.end
                    and (c.lower_ in ("to", "for") or c.lower_ == "of" and head.lemma_.lower() in RELATION_NOUNS)]
    return min(clauses + [source.end])


def resolve(source: Span, context: _Context) -> ResolvedSpeaker:
    """Resolve one source mention."""
    doc = source.doc
    head = source.root
    if head.lower_ in PERSON_PRONOUNS:
        found = context.person_before(head)
        if found is not None:
            return ResolvedSpeaker(name=found.name, kind=found.kind, title=found.title, entity=found.entity, resolved_by="pronoun")
        return ResolvedSpeaker(name=None, kind="person", resolved_by=None)
    if head.lower_ in ORGANIZATION_PRONOUNS:
        found = context.organization_before(head)
        if found is not None:
            return replace(found, resolved_by="pronoun")
        return ResolvedSpeaker(name=None, kind="organization", resolved_by=None)
    antecedent = _antecedent(source)
    if antecedent is not None:  # "Trump, who said ...": the speaker is the noun the clause hangs on
        return replace(resolve(antecedent, context), resolved_by="pronoun")
    group = _group_picked_from(source)
    if group is not None:  # "one of the people" after "people familiar with the matter"
        found = resolve(group, context)
        if found.resolved_by is not None and found.resolved_by != "mention":
            return replace(found, resolved_by="nominal")
    described = _noun_its_clause_describes(head) if head.lower_ in PLURAL_PRONOUNS else None
    if described is not None:  # "Three former employees, who spoke ... because they feared retaliation"
        return replace(resolve(described, context), resolved_by="pronoun")
    if head.lower_ in PLURAL_PRONOUNS:
        found = context.group_before(head) or context.group_subject_before(head)
        if found is not None:
            return ResolvedSpeaker(name=found.name, kind=found.kind, title=found.title, entity=found.entity, resolved_by="pronoun")
        return ResolvedSpeaker(name=None, kind="group", resolved_by=None)
    named = _appositive_name(source) or _organization_in_apposition(source)
    if named is not None:  # "Russia's Foreign Ministry spokeswoman, Maria Zakharova", "The company, Acme Corp."
        return _named(source, named, "mention")
    if _counted_from_a_group(source):  # "190 of the 300 members ..., including 18 from Yoon's party"
        return ResolvedSpeaker(name=_name_as_written(source), kind="group", resolved_by="mention")
    # not "Germany's Scholz", nor "Spain's weather agency AEMET" (the tagger made "AEMET" a noun)
    possessor = _possessor(source) if head.pos_ != "PROPN" and head.ent_type_ not in ("ORG", "PERSON") else None
    if possessor is not None and not _names_a_speaker_of_its_own(head):
        cluster = cluster_of(doc, possessor.left_edge.i, possessor.right_edge.i + 1) or _person_by_surname(doc, possessor)
        if cluster is not None:
            return _named(source, cluster, "possessive")
    if _is_epithet(source):  # "The Kentucky Republican told reporters" after "Mitch McConnell"
        # a nationality is many people's: only the person who spoke last ("the Spaniard said")
        if head.tag_ == "NNPS":  # "the Portuguese": one person only if one spoke just before
            found = context.speaker_before(head, sentences_back=1)
        elif head.lower_ in NATIONALITY_NOUNS:
            found = context.titled_subject_since_last_speaker(head) or context.speaker_before(head)
        else:
            found = context.person_before(head)
        if found is not None:
            return replace(found, resolved_by="epithet")
    by_label = _person_by_label(source)
    if by_label is not None:  # "MS. JEAN-PIERRE:" in a transcript
        return _named(source, by_label, "surname")
    by_name, by = _person_by_surname(doc, head), "surname"
    if by_name is None:
        by_name, by = _person_by_given_name(doc, head), "given name"
    # "Farage" alone, or set off from what follows: "Farage, who won his seat in Clacton"
    if by_name is not None and (head.i == source.end - 1 or doc[head.i + 1].text == ","):
        return _named(source, by_name, by)
    start = head.left_edge.i if head.i >= source.start else source.start
    if possessor is not None:  # "Ukraine's military", "Trump's lawyer": not Ukraine, not Trump
        start = max(start, possessor.right_edge.i + 1)
    # the head's own words first ("Clinton spokesman Nick Merrill"), then what follows it,
    # unless the head is a group: "analysts polled by LSEG" are not LSEG
    cluster = cluster_of(doc, start, head.i + 1, last=True)
    if cluster is None and head.tag_ != "NNS":
        cluster = cluster_of(doc, start, _end_before_clause(source))
    if cluster is not None and (cluster.label == "PERSON" or any(m.root == head for m in cluster.mentions)):
        by = "surname" if cluster.name != _name_as_written(source) and " " not in head.text and cluster.name.endswith(head.text) else "mention"
        return _named(source, cluster, by)
    titled = (_person_by_title(source) or _holder_of_office(source)) if cluster is None else None
    if titled is not None:  # "the governor" after "Gov. Gavin Newsom"
        return _named(source, titled, "title")
    untitled = context.untitled_person_before(head) if cluster is None and _title_no_one_holds(source) else None
    if untitled is not None:  # "the prime minister said" after "Rishi Sunak has said", untitled
        return replace(untitled, title=_name_as_written(source), resolved_by="title")
    standing_for = _organization_standing_for(source, context) if cluster is None else None
    if standing_for is not None:  # "The agency said" after "the World Food Programme"
        return _named(source, standing_for, "nominal")
    described = context.described_before(head) if cluster is None and _definite_noun(source) else None
    if described is not None:  # "the spokesperson" after "a spokesperson for the Ministry of Commerce"
        return replace(described, resolved_by="nominal")
    group = _group_or_unnamed(source)
    if group is not None:
        return group
    if cluster is not None and _names_a_body_of(source, cluster):
        # "The General Staff of the Armed Forces of Ukraine": the staff speaks, not the forces
        return ResolvedSpeaker(name=_name_as_written(source), kind="organization", resolved_by="mention")
    if cluster is not None:
        return _named(source, cluster, "mention")
    full = _full_name_written_before(source)
    if full is not None:  # "Arteta told Sky Sports" after "Mikel Arteta's side", a name NER missed
        return ResolvedSpeaker(name=full, kind="person", resolved_by="surname")
    written = _name_as_written(source)
    same = next((c for c in doc._.entity_clusters or [] if c.name == written), None)
    if same is not None:  # a name NER tagged elsewhere in the article but not here
        return _named(source, same, "mention")
    kind = "person" if _name_with_particle(source) else "other"
    return ResolvedSpeaker(name=written, kind=kind, resolved_by="mention")


def _names_a_body_of(source: Span, cluster: EntityCluster) -> bool:
    """Whether ``source`` is a body that NER left untagged, named after the organization it
    belongs to ("the General Staff of the Armed Forces", "the Foreign Affairs Committee of the
    Senate"): a capitalized head outside every entity, ``cluster`` named only after it."""
    head = source.root
    return (head.pos_ == "PROPN" and head.is_title and not head.ent_type_
            and all(m.start > head.i for m in cluster.mentions if source.start <= m.start < source.end))


def _full_name_written_before(source: Span) -> str | None:
    """"Mikel Arteta" for a bare "Arteta" that no entity holds, where the article wrote the word
    earlier after one capitalized proper noun that NER left untagged too, and only so."""
    head = source.root
    if len(source) != 1 or head.pos_ != "PROPN" or not head.is_title or head.ent_type_:
        return None
    doc, not_names = source.doc, lexicon.words("titles") | lexicon.words("organization_name_words")
    found = {f"{doc[t.i - 1].text} {t.text}" for t in doc[1 : head.i]
             if t.text == head.text and not t.ent_type_ and not doc[t.i - 1].ent_type_
             and doc[t.i - 1].pos_ == "PROPN" and doc[t.i - 1].is_title and doc[t.i - 1].is_alpha
             and doc[t.i - 1].lower_ not in not_names and not in_a_headline(doc[t.i - 1 : t.i + 1])}
    return found.pop() if len(found) == 1 else None


def _is_epithet(source: Span) -> bool:
    """Whether ``source`` describes a person by party or calling without naming one: "the
    Kentucky Republican", "the billionaire" (not "the Republican Party", not "a Democrat")."""
    head = source.root
    # not a pair either: "the Kentucky Republican and the New York businessman"
    singular = head.tag_ in ("NN", "NNP", "JJ") or (head.tag_ == "NNPS" and head.lower_ in SAME_PLURAL_NATIONALITIES)
    return (source[0].lower_ == "the" and head.lower_ in EPITHET_NOUNS and singular
            and not any(t.ent_type_ == "PERSON" or t.dep_ == "cc" for t in source))


def _name_with_particle(source: Span) -> bool:
    """Whether ``source`` is a name the NER model missed for its particle: "ten Hag said"."""
    words = [t for t in source if t.lower_ not in DETERMINERS]
    return any(t.lower_ in NAME_PARTICLES and t.is_lower for t in words[:-1]) and words[-1].is_title \
        and all(t.is_title or t.lower_ in NAME_PARTICLES for t in words)  # the tagger may call "Hag" a noun


def _with_possessor_named(source: Span, speaker: ResolvedSpeaker, context: _Context) -> ResolvedSpeaker:
    """An unnamed source owned by a pronoun, named after whom the pronoun stands for: "his
    spokesman" after "President Bola Tinubu" is "Bola Tinubu's spokesman", "its spokeswoman"
    after "the ministry" the ministry's. Only a source that speaks for itself (a title, a group,
    an institution) is so named."""
    words = (speaker.name or "").split(maxsplit=1)
    if speaker.entity is not None or len(words) < 2 or words[0].lower() not in ("his", "her", "its"):
        return speaker
    pronoun = next((t for t in source if t.lower_ == words[0].lower() and t.dep_ == "poss"), None)
    if pronoun is None or not _names_a_speaker_of_its_own(pronoun.head):
        return speaker  # not "his comments", "her record"
    if pronoun.lower_ == "its":
        owner = context.organization_before(pronoun)
        name = owner.name if owner is not None else None
    else:  # else the person named last in the sentence, even in the words reported: "X has ordered ..., his spokesman said"
        owner = context.person_before(pronoun)
        named = [(m.start, c) for c in source.doc._.entity_clusters or [] if c.label == "PERSON"
                 for m in c.mentions if pronoun.sent.start <= m.start < pronoun.i]
        name = owner.name if owner is not None else (max(named, key=lambda x: x[0])[1].name if named else None)
    if not name:
        return speaker
    return replace(speaker, name=f"{name}'s {words[1]}", resolved_by="possessive")


def resolve_speakers(doc: Doc) -> Doc:
    """Fill ``speaker`` on every attribution of ``doc._.attributions`` that has a source."""
    context = _Context(doc)
    resolved: dict[tuple[int, int], ResolvedSpeaker] = {}
    interviewee = None  # who answers an interview's "A:" lines: the person named before the first
    for att in doc._.attributions or []:
        if att.source is None:
            continue
        key = (att.source.start, att.source.end)
        if att.rule == ANSWER_RULE:
            if interviewee is None:
                found = context.person_before(att.source.root)
                interviewee = (replace(found, resolved_by="interviewee") if found is not None
                               else ResolvedSpeaker(name=None, kind="person", resolved_by=None))
            resolved[key] = interviewee
        elif key not in resolved:
            resolved[key] = _with_possessor_named(att.source, resolve(att.source, context), context)
        att.speaker = resolved[key]
        context.remember(att.source.start, att.speaker, att.source.root)
    return doc
