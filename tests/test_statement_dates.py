"""Statement dates: the time expression attached to the cue dates the statement, never the
content's times, never the publication date by default. Attributions are built by hand here."""
import pytest

import saidwhat
from saidwhat.annotations import AttributionSpan
from saidwhat.components.statement_dates import date_attributions, governing_verb

PUBLISHED = "2024-05-31"  # a Friday


@pytest.fixture(scope="module")
def nlp():
    return saidwhat.load()


def span(doc, text):
    start = doc.text.index(text)
    return doc.char_span(start, start + len(text), alignment_mode="expand")


def dated(nlp, text, cue, content, published=PUBLISHED):
    doc = nlp.make_doc(text)
    doc._.published = published
    doc = nlp(doc)
    cue_span = span(doc, cue)
    att = AttributionSpan(cue=cue_span, content=[span(doc, content)], source=None, type="indirect",
                          sentence=0)
    doc._.attributions = [att]
    date_attributions(doc)
    return att


def test_said_on_friday_dates_by_the_cue(nlp):
    att = dated(nlp, "Trade Minister Clara Voss said on Friday that the fair opens in July.", "said",
                "the fair opens in July")
    assert (att.date, att.date_source) == ("2024-05-31", "cue")
    assert att.date_time.text == "Friday"


def test_fronted_date_dates_the_cue(nlp):
    att = dated(nlp, "On May 20, Mayor Tom Okafor said that the bridge needs repairs.", "said",
                "the bridge needs repairs")
    assert (att.date, att.date_source) == ("2024-05-20", "cue")


def test_bare_weekday_after_cue(nlp):
    att = dated(nlp, "City officials said Thursday that the council had approved the budget.", "said",
                "the council had approved the budget")
    assert att.date == "2024-05-30"


def test_multiword_cue(nlp):
    att = dated(nlp, "The coach pointed out on Wednesday that the team was tired.",
                "pointed out", "the team was tired")
    assert (att.date, att.date_source) == ("2024-05-29", "cue")


def test_the_occasion_of_speaking_dates_the_cue(nlp):
    att = dated(nlp, "Speaking at a depot in Leeds on Thursday, the minister said the trains would run.",
                "said", "the trains would run")
    assert (att.date, att.date_source) == ("2024-05-30", "sentence")
    # another event before the statement does not date it
    att = dated(nlp, "After touring the depot on Thursday, the minister said the trains would run.",
                "said", "the trains would run")
    assert att.date is None


def test_time_in_content_does_not_date_the_statement(nlp):
    att = dated(nlp, "Officials said the summit is in July.", "said", "the summit is in July")
    assert (att.date, att.date_source, att.date_time) == (None, None, None)


def test_no_time_means_no_date_not_the_publication_date(nlp):
    att = dated(nlp, "He said the plan would work.", "said", "the plan would work")
    assert att.date is None


def test_durations_do_not_date(nlp):
    att = dated(nlp, "European officials have said for months that Putin would not do it.", "said",
                "Putin would not do it")
    assert att.date is None


def test_a_time_that_bounds_a_span_does_not_date(nlp):
    att = dated(nlp, "The weather service warned of heavy snow in the mountains until Wednesday.", "warned of",
                "heavy snow in the mountains")
    assert att.date is None
    att = dated(nlp, "The mayor has said since March that the bridge is safe.", "said", "the bridge is safe")
    assert att.date is None


def test_the_period_or_deadline_spoken_of_does_not_date(nlp):
    att = dated(nlp, "The company expects revenue of $32.5 billion for the quarter.", "expects", "revenue of $32.5 billion")
    assert att.date is None
    att = dated(nlp, "The minister demanded a reply by Friday.", "demanded", "a reply")
    assert att.date is None


def test_pipeline_without_attributions_runs(nlp):
    doc = nlp.make_doc("Nothing was said on Friday.")
    doc._.published = PUBLISHED
    doc = nlp(doc)
    assert [t.value for t in doc._.times] == ["2024-05-31"]


def _dates(text, published="2024-03-13"):  # a Wednesday
    record = saidwhat.analyze(text, published=published)
    return [(a.content, a.date, a.date_source) for a in record.attributions]


def test_same_speaker_next_statement_keeps_the_occasion(nlp):
    found = _dates("Mayor Elena Ruiz said on Monday that the bridge would reopen in May. "
                   "“We have waited long enough,” Ruiz told reporters at City Hall.")
    assert ("We have waited long enough", "2024-03-11", "context") in found
    assert any(date == "2024-03-11" and source == "cue" for _, date, source in found)


def test_a_quote_running_on_under_the_same_cue_keeps_its_date(nlp):
    found = _dates("Mayor Elena Ruiz said on Monday that the bridge would reopen in May. "
                   "“We have waited long enough,” Ruiz told reporters at City Hall. “The work is done.”\n\n"
                   "Engineers were less sure.")
    assert ("The work is done.", "2024-03-11", "context") in found


def test_no_carry_across_another_date_or_speaker(nlp):
    found = _dates("Mayor Elena Ruiz said on Monday that the bridge would reopen in May. "
                   "The council voted on Tuesday to pay for it. "
                   "“We have waited long enough,” Ruiz told reporters at City Hall. "
                   "“It is too late,” Tom Becker told the paper.")
    assert ("We have waited long enough", None, None) in found
    assert ("It is too late", None, None) in found


def test_time_after_a_quote_dates_the_cue_around_it(nlp):
    found = _dates("The senator used the words “adapt and adjust” during a news conference in Columbus, Ohio on Tuesday.")
    assert ("adapt and adjust", "2024-03-12", "cue") in found


def test_nothing_governs_the_root(nlp):
    """Above the root there is no verb (the step once walked from a quoted root verb to itself
    forever)."""
    doc = nlp("The army will leave the city on Friday, he said.")
    root = next(doc.sents).root
    assert governing_verb(root) is None
    assert governing_verb(span(doc, "Friday").root).pos_ in ("VERB", "AUX")


def test_a_participle_after_the_speaker_tells_the_occasion():
    text = "Defense Secretary Lloyd Austin, speaking at the Pentagon on Wednesday, said the attack was reckless."
    att = saidwhat.analyze(text, published="2024-02-01").attributions[0]
    assert (att.date, att.date_source) == ("2024-01-31", "sentence")


def test_an_anchored_expression_dates_the_statement_not_its_anchor():
    text = "Three days after the attack on Jan. 28, Biden told reporters he had decided on a response."
    assert saidwhat.analyze(text, published="2024-02-01").attributions[0].date == "2024-01-31"


def test_the_date_of_a_main_clause_does_not_date_a_relative_clause_in_it():
    text = ("Dockworkers will return to work on Friday, ending a strike that had threatened to "
            "snarl supply chains, the union said.")
    dated = {a.cue.text: a.date for a in saidwhat.analyze(text, published="2024-10-04").attributions}
    assert dated.get("had threatened") is None


def test_a_time_inside_quote_marks_is_not_when_it_was_said():
    text = ('Opposition leader Anna Berg called for a vote "at the latest at the beginning of next week". '
            "Polls show her party ahead.")
    a = next(a for a in saidwhat.analyze(text, published="2024-11-07").attributions if a.cue.text == "called for")
    assert a.date is None


def test_the_dateline_day_is_not_when_an_unnamed_source_spoke():
    text = ("Shell weighs sale of Nigerian onshore assets, sources say\n\nLONDON, Oct 2 (Bloomberg) -- Shell Plc "
            "is considering selling its remaining onshore oil fields in Nigeria for as much as $2.4 billion, "
            "according to people familiar with the matter.")
    a = next(a for a in saidwhat.analyze(text, published="2024-10-02").attributions if a.cue.text == "according to")
    assert a.date is None


@pytest.mark.parametrize("text, date", [
    ("The reforms will continue, according to a statement from the ministry released on Monday.", "2024-11-18"),
    ("Warren wrote in an op-ed published Tuesday in The Boston Globe that the plan had failed.", "2024-11-19"),
])
def test_the_date_of_the_document_that_carried_the_words(text, date):
    a = saidwhat.analyze(text, published="2024-11-20").attributions[0]
    assert (a.date, a.date_source) == (date, "sentence")


def test_a_clause_joined_with_a_subject_of_its_own_does_not_date_the_cue(nlp):
    att = dated(nlp, "Napoli rejected a bid on Monday, but sources close to the player said the club had softened "
                "its stance.", "said", "the club had softened its stance")
    assert att.date is None
    # one subject for both verbs: the first verb's day is the statement's
    att = dated(nlp, "He arrived on Monday and said the club was ready.", "said", "the club was ready")
    assert att.date == "2024-05-27"


def test_a_time_right_after_the_cue_dates_the_cue_though_the_parse_hangs_it_on_the_clause():
    result = saidwhat.analyze("Prime Minister Ada Lowe said on Monday she would resign as party leader. "
                              "He said in March the plan would fail.", published="2025-01-08")
    first, second = result.attributions
    assert (first.content, first.date, first.date_source) == ("she would resign as party leader", "2025-01-06", "cue")
    assert (second.date, second.date_source) == ("2024-03", "cue")
