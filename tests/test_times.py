"""Time expressions: detection spans (TimeML: no preposition) and TIMEX3 values."""
import pytest

import saidwhat
from saidwhat.timex import extract
from saidwhat.timex import calendar as cal

PUBLISHED = "2024-05-31"  # a Friday


@pytest.fixture(scope="module")
def nlp():
    return saidwhat.load()


def times(nlp, text, published=PUBLISHED):
    doc = nlp.make_doc(text)
    doc._.published = published
    doc = nlp(doc)
    return [(t.text, t.value, t.type) for t in doc._.times]


def one(nlp, text, published=PUBLISHED):
    found = times(nlp, text, published)
    assert len(found) == 1, found
    return found[0]


def test_weekday_in_past_tense_is_the_latest_one_same_day_included(nlp):
    assert one(nlp, "Blinken said on Friday that the plan would work.") == ("Friday", "2024-05-31", "DATE")
    assert one(nlp, "U.S. officials said Thursday that Biden had decided.") == ("Thursday", "2024-05-30", "DATE")


def test_weekday_in_future_tense_looks_forward(nlp):
    # published on a Wednesday: the Friday ahead, not the one before
    assert one(nlp, "The ministers will meet on Friday in Prague.", "2024-05-29")[1] == "2024-05-31"
    assert one(nlp, "The ministers met on Friday in Prague.", "2024-05-29")[1] == "2024-05-24"


def test_bare_month_follows_tense(nlp):
    assert one(nlp, "The leaders will hold a summit in July.")[:2] == ("July", "2024-07")
    assert one(nlp, "The leaders held a summit in July.")[:2] == ("July", "2023-07")


def test_relative_units_and_modifiers(nlp):
    assert one(nlp, "Aides met in Washington this month.")[1] == "2024-05"
    assert one(nlp, "Russia has been on the offensive since early May.")[:2] == ("early May", "2024-05")
    assert one(nlp, "The talks began last week.")[:2] == ("last week", "2024-W21")
    assert one(nlp, "Profits rose last year.")[1] == "2023"
    assert one(nlp, "Anxiety peaked in October 2022.")[:2] == ("October 2022", "2022-10")
    assert one(nlp, "The shares fell yesterday.")[1] == "2024-05-30"


def test_durations_and_sets(nlp):
    assert one(nlp, "Russia has been urging this for weeks.") == ("weeks", "PXW", "DURATION")
    assert one(nlp, "Officials have said for months that it would not happen.") == ("months", "PXM", "DURATION")
    assert one(nlp, "The allies pledged 40 billion euros in aid per year.") == ("per year", "P1Y", "SET")
    assert one(nlp, "The strike lasted three days.") == ("three days", "P3D", "DURATION")
    assert one(nlp, "The paper is published daily.") == ("daily", "P1D", "SET")


def test_arithmetic_on_an_anchor(nlp):
    text = "Blinken met Biden three days after visiting Kyiv on May 14."
    doc = nlp.make_doc(text)
    doc._.published = PUBLISHED
    doc = nlp(doc)
    by_text = {t.text: t for t in doc._.times}
    composite = by_text["three days after visiting Kyiv on May 14"]
    assert composite.value == "2024-05-17" and composite.type == "DATE"
    assert composite.anchor is by_text["May 14"]
    assert by_text["May 14"].value == "2024-05-14"
    assert "three days" not in by_text  # the count belongs to the composite


def test_year_earlier_counts_from_the_period_spoken_of():
    found = extract("Profit rose in the third quarter from $5 million a year earlier.", PUBLISHED)
    assert [(t.text, t.value) for t in found] == [("the third quarter", "2024-Q3"), ("a year earlier", "2023-Q3")]


def test_without_publication_date_nothing_is_guessed():
    found = {t.text: t.value for t in extract("He arrived on May 14 and left Friday, a day after the vote last week.", None)}
    assert found["May 14"] == "XXXX-05-14"
    assert found["Friday"] == "XXXX-WXX-5"
    assert found["last week"] == "XXXX-WXX"


def test_modal_may_is_not_a_month(nlp):
    assert times(nlp, "May I ask whether Ukraine may use the weapons?") == []


def test_vague_references():
    found = {t.text: t.value for t in extract("Prices are now higher than in the past and will fall soon.", PUBLISHED)}
    assert found == {"now": "PRESENT_REF", "the past": "PAST_REF", "soon": "FUTURE_REF"}


def test_calendar_helpers():
    assert cal.week(cal.reference_date("2024-05-31")) == "2024-W22"
    assert cal.shift_value("2024-Q1", -1, "Q") == "2023-Q4"
    assert cal.shift_value("2024-05-14", 3, "D") == "2024-05-17"
    assert cal.reference_date("1990-08-15T13:37").isoformat() == "1990-08-15"
    assert cal.reference_date(None) is None
