"""Time expressions: detection spans (TimeML: no preposition) and TIMEX3 values."""
import pytest

import saidwhat
from saidwhat.timex import extract
from saidwhat.timex import calendar as cal
from saidwhat.timex import patterns

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


def test_a_participle_clause_opening_the_sentence_takes_the_tense_of_its_verb(nlp):
    # published on a Wednesday: the Thursday just gone, as the clause serves "said"
    text = "Speaking to reporters on Thursday, the prime minister said the plan was lawful."
    assert one(nlp, text, "2024-05-29")[1] == "2024-05-23"
    assert one(nlp, "But asked on Thursday, he said no.", "2024-05-29")[1] == "2024-05-23"
    # set off after a noun, the participle is a reduced relative: the parse decides nothing
    text = "Under the terms of the agreement, announced Thursday, holders would receive $42 a share."
    assert one(nlp, text, "2024-05-29")[1] == "2024-05-30"


def test_a_weekday_opening_a_quoted_name_is_no_date(nlp):
    assert times(nlp, 'In 1992, she tore up a photograph on "Saturday Night Live," a protest.') == [("1992", "1992", "DATE")]


def test_a_date_for_delivery_lies_ahead(nlp):
    # published on a Tuesday: the contract's Wednesday is the next one, though the price "rose"
    assert one(nlp, "French power for Wednesday delivery rose to 490 euros.", "2024-05-28")[1] == "2024-05-29"


def test_headline_infinitive_looks_forward(nlp):
    # the infinitive is the sentence's root: its direction must not be sought above it
    assert one(nlp, "Biden to visit Ohio on Friday", "2024-05-29")[1] == "2024-05-31"


def test_bare_month_follows_tense(nlp):
    assert one(nlp, "The leaders will hold a summit in July.")[:2] == ("July", "2024-07")
    assert one(nlp, "The leaders held a summit in July.")[:2] == ("July", "2023-07")


def test_a_forecast_in_the_past_tense_dates_what_it_forecasts_ahead(nlp):
    assert one(nlp, "The company expected revenue growth in the December quarter.")[:2] == ("December", "2024-12")
    assert one(nlp, "The bank predicted a recession in March.")[:2] == ("March", "2025-03")
    # the time of the forecast itself, set before it, and a forecast from before a past event
    assert one(nlp, "In March, the bank predicted a recession.")[:2] == ("March", "2024-03")
    assert one(nlp, "Analysts had expected a rebound in March.")[:2] == ("March", "2024-03")


def test_relative_units_and_modifiers(nlp):
    assert one(nlp, "Aides met in Washington this month.")[1] == "2024-05"
    assert one(nlp, "Russia has been on the offensive since early May.")[:2] == ("early May", "2024-05")
    assert one(nlp, "The talks began last week.")[:2] == ("last week", "2024-W21")
    assert one(nlp, "Profits rose last year.")[1] == "2023"
    assert one(nlp, "Anxiety peaked in October 2022.")[:2] == ("October 2022", "2022-10")
    assert one(nlp, "The shares fell yesterday.")[1] == "2024-05-30"


def test_the_next_day_counts_from_the_day_last_spoken_of():
    found = [(t.text, t.value) for t in extract(
        "The vote was on Monday. The following day, he resigned. He left the country the next morning.", PUBLISHED)]
    assert found == [("Monday", "2024-05-27"), ("The following day", "2024-05-28"), ("the next morning", "2024-05-29TMO")]
    # with no day before it, it stays unresolved, never the publication date
    assert [t.value for t in extract("He resigned the next day.", PUBLISHED)] == ["XXXX-XX-XX"]


def test_the_past_day_is_a_duration_up_to_now(nlp):
    assert one(nlp, "Over the past day, the army repelled 62 attacks.") == ("the past day", "P1D", "DURATION")
    assert one(nlp, "Two drones were shot down in the past hour.") == ("the past hour", "PT1H", "DURATION")
    assert one(nlp, "Such raids were common in the past.")[1:] == ("PAST_REF", "DATE")


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


def test_a_date_set_off_by_a_comma_dates_the_whole_phrase():
    # "on June 15" is when the leaders meet, three days after the conference: not June 18
    found = {t.text: t.value for t in extract("Three days after the conference, on June 15, the leaders meet.", PUBLISHED)}
    assert found["June 15"] == "2024-06-15"
    assert not any(v == "2024-06-18" for v in found.values())
    # without the comma the date is the anchor's
    found = {t.text: t.value for t in extract("They met three days after the conference on June 15.", PUBLISHED)}
    assert found["three days after the conference on June 15"] == "2024-06-18"


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


# ---------------------------------------------------------------- TempEval-3 error groups (issue #3)

def test_that_year_and_that_day_count_from_the_period_spoken_of():
    found = {t.text: t.value for t in extract("The mayor fled in June 2019 and came back later that year.", PUBLISHED)}
    assert found["later that year"] == "2019"
    found = {t.text: t.value for t in extract("The storm hit on March 3, 2021. Earlier that day, ships left port.", PUBLISHED)}
    assert found["Earlier that day"] == "2021-03-03"


def test_holiday_without_year_is_the_nearest_one_or_the_one_named(nlp):
    # read in January, a Thanksgiving with no tense to go by is the one just past
    assert one(nlp, "Rescued on Thanksgiving Day, the sailor is well.", "2025-01-10")[1] == "2024-11-28"
    assert one(nlp, "Prices rose after last Christmas.", "2025-03-01")[:2] == ("last Christmas", "2024-12-25")
    # the Tuesday after the first Monday of November
    assert one(nlp, "The race is tight ahead of Election Day.", "2024-10-20")[1] == "2024-11-05"


def test_month_does_not_swallow_the_day_after_it(nlp):
    assert one(nlp, "The clinic was attacked last Oct. 23 by a gunman.", "2024-05-31")[:2] == ("Oct. 23", "2023-10-23")


def test_count_before_after_or_later_is_a_duration(nlp):
    # TimeML: "one year" is a duration and "after" / "later" a signal linking it to an event
    assert one(nlp, "The mayor resigned one year after the flood hit.") == ("one year", "P1Y", "DURATION")
    assert one(nlp, "The storm passed. Three days later, the roads opened.") == ("Three days", "P3D", "DURATION")
    assert one(nlp, "The ceasefire will hold for at least two more weeks.")[1:] == ("P2W", "DURATION")


def test_plans_look_ahead(nlp):
    # published on a Friday: the Saturday planned is the next day, not the one a week back
    assert one(nlp, "Farmers planned a large march on Saturday.", "2024-05-31")[1] == "2024-06-01"


def test_plans_that_fell_through_and_deadlines_take_the_clause_tense(nlp):
    # published on a Monday
    monday = "2024-06-03"
    # a plan in the past perfect, or one that was cancelled, lies behind the report
    assert one(nlp, "The offer had been scheduled to expire on Friday.", monday)[1] == "2024-05-31"
    assert one(nlp, "A vigil planned for Saturday was cancelled.", monday)[1] == "2024-06-01"
    # "until" after a present perfect: an end point still ahead
    assert one(nlp, "The agency has given the family until Tuesday to sign.", monday)[1] == "2024-06-04"
    # "through" names a period, which ends where the report stands
    found = {t[0]: t[1] for t in times(nlp, "The fund has fallen 2% this year through May 17.", monday)}
    assert found["May 17"] == "2024-05-17"


def test_newspaper_named_daily_is_no_set(nlp):
    assert times(nlp, "The Communist Party daily Granma printed the letter.") == []
    assert one(nlp, "Protesters gather daily outside the house.")[1:] == ("P1D", "SET")


def test_the_years_and_the_past_decade_are_durations(nlp):
    assert one(nlp, "In the years that followed, the rebels waged war.")[1:] == ("PXY", "DURATION")
    assert one(nlp, "Prices doubled over the past decade.")[1:] == ("P10Y", "DURATION")
    assert [t[0] for t in times(nlp, "It was built in the years 1990 and 1991.")] == ["1990", "1991"]


def test_month_heading_a_name_is_no_date(nlp):
    assert times(nlp, "Thousands joined the March for Life in the capital.") == []


def test_the_day_before_and_the_week_of_a_date(nlp):
    found = {t[0]: t[1] for t in times(nlp, "The day before last Tuesday's vote, he resigned.")}
    assert found["The day before last Tuesday"] == "2024-05-27"
    assert one(nlp, "The hearing is set for the week of June 10.")[:2] == ("the week of June 10", "2024-W24")


def test_bare_clock_time_takes_the_day_last_spoken_of():
    found = {t.text: t.value for t in extract("The fire broke out on May 3, 2022. It was put out at 10 p.m.", PUBLISHED)}
    assert found["10 p.m."] == "2022-05-03T22:00"
    assert extract("The minister will speak at 10 a.m.", PUBLISHED)[0].value == "2024-05-31T10:00"


def test_soon_in_past_narration_is_no_future_reference(nlp):
    assert times(nlp, "The protest soon became a riot.") == []
    assert times(nlp, "He was freed soon after the raid.") == []
    assert one(nlp, "The ministry will soon publish the rules.")[1] == "FUTURE_REF"


def test_prefixed_years_long_adjectives_and_second_days():
    found = {t.text: (t.value, t.type) for t in extract(
        "The post-1989 order, a decades-long rivalry and a day-long summit on April 24 and 25.", PUBLISHED)}
    assert found["post-1989"] == ("1989", "DATE")
    assert found["decades-long"] == ("PXY", "DURATION")
    assert found["day-long"] == ("P1D", "DURATION")
    assert found["April 24"] == ("2024-04-24", "DATE") and found["25"] == ("2024-04-25", "DATE")
    assert [t.text for t in extract("On May 14 and 25 people died.", PUBLISHED)] == ["May 14"]


def test_hours_told_in_words_take_their_part_of_day():
    found = {t.text: t.value for t in extract(
        "The convoy left on May 3, 2022. It set off at 4 in the morning and arrived at eleven at night.", PUBLISHED)}
    assert found["4 in the morning"] == "2022-05-03T04:00"
    assert found["eleven at night"] == "2022-05-03T23:00"


def test_ages_and_shares_are_no_durations():
    assert extract("Mr. Reupke, 52 years old, will succeed him.", PUBLISHED) == []
    assert extract("Iraq imports about three-quarters of its food.", PUBLISHED) == []
    assert [t.value for t in extract("It made money after several quarters of losses.", PUBLISHED)] == ["PXQ"]


def test_programme_and_newspaper_titles_are_no_dates(nlp):
    assert times(nlp, 'Baker, speaking on ABC\'s "This Week," said the talks would go on.') == []
    assert times(nlp, "The poll was published in USA Today.") == []
    assert times(nlp, "She told the BBC's Today programme that she would vote against it.") == []
    assert times(nlp, "He said on the Today show that prices would fall.") == []
    assert one(nlp, '"Today we begin," he said.')[:2] == ("Today", "2024-05-31")


def test_easter_and_holiday_weeks():
    found = {t.text: t.value for t in extract("Earlier Sunday, crowds prayed as Easter week began.", "2000-04-17")}
    assert found["Easter week"] == "2000-W16"  # Easter 2000 fell on April 23
    assert extract("The march is planned for Good Friday.", "2024-03-20")[0].value == "2024-03-29"
    assert [t.value for t in extract("On Good Friday and on Christmas Day he spoke.", None)] == ["XXXX-XX-XX", "XXXX-12-25"]


# One example (at least) of every rule, for the test below.
EVERY_RULE = (
    "On 2024-05-31 and 5/31/2024, the week of May 31, 2024, Friday, 31 May 2024 and early May 2024, "
    "last Friday morning and on Fridays, today, yesterday morning, tonight, this evening, last night, "
    "the day before yesterday, that same day, 10 a.m. EDT Friday, noon, midnight Friday, 4 in the morning, eleven "
    "o'clock at night, 14:30 GMT, earlier this month, later this year, the coming year, later in the "
    "year, the weekend, three days ago, two weeks from now, the year-earlier quarter, the third "
    "quarter, fiscal 1989's second quarter, Q1 2024, 3Q, fiscal 1989, post-1959, the 1980s, the early "
    "'90s, the 20th century, nineteen ninety-six, January nineteen ninety-seven, the twenties, the "
    "fiscal year, last fall, the winter of 1994, Christmas Eve, Easter week, now, recently, the "
    "future, recent years, daily, every day, per year, every other week, every Friday, the past three "
    "years, two-year, a minute and a half, two more weeks, a day-long meeting, a decades-long feud, "
    "for weeks, over the years, the past day, the next morning."
)


def test_rules_run_around_their_triggers_find_what_they_find_in_the_whole_text(monkeypatch):
    found = patterns.candidates(EVERY_RULE)
    assert {c.rule for c in found} == set(patterns.PRIORITY)  # no rule lost its trigger
    monkeypatch.setattr(patterns, "_windows", lambda spans, n: [[0, n]])
    assert patterns.candidates(EVERY_RULE) == found


def test_date_opening_a_paragraph_keeps_the_line_break_out_of_its_span():
    # a prefix pattern ending in "$" matched before the "\n" that ends the stretch searched
    text = "The council adjourned.\n\nFriday, the mayor signed the bill.\n\nA year earlier, it had failed."
    spans = [t.text for t in extract(text, "2024-05-31")]
    assert spans == ["Friday", "A year earlier"]


def test_present_be_to_infinitive_looks_forward(nlp):
    # "is to resume" states an arrangement: published on a Friday, "Tuesday" is the one ahead
    assert one(nlp, "The exchange is to reopen the market on Tuesday.", "2024-05-31")[1] == "2024-06-04"
    assert one(nlp, "The exchange reopened the market on Tuesday.", "2024-05-31")[1] == "2024-05-28"


def test_simple_present_with_a_weekday_is_a_timetable(nlp):
    # published on a Wednesday: "meet Monday" is the coming Monday
    assert one(nlp, "The two envoys meet separately Monday with the mediator.", "2024-05-29")[1] == "2024-06-03"
    # not a date inside a noun phrase, nor a verb whose past looks like its present
    assert one(nlp, "The new plan follows Monday's vote in parliament.", "2024-05-29")[1] == "2024-05-27"
    assert one(nlp, "Rains hurt the harvest Monday across the region.", "2024-05-29")[1] == "2024-05-27"


def test_that_same_day_is_the_day_last_spoken_of():
    found = extract("The rebels seized the town on March 3. The army struck back that same day.", PUBLISHED)
    assert [(t.text, t.value) for t in found][-1] == ("that same day", "2024-03-03")
    # of a month only: a day in that month
    found = extract("Talks failed last October. The envoy resigned that same day.", PUBLISHED)
    assert [(t.text, t.value) for t in found][-1] == ("that same day", "2023-10-XX")


def test_preposition_before_a_determiner_stays_out_of_the_span():
    # "over the past two years" is a stretch of time; "over two years" is more than two
    assert [t.text for t in extract("Prices rose over the past two years.", PUBLISHED)] == ["the past two years"]
    assert [t.text for t in extract("Over the next few days the rain eased.", PUBLISHED)] == ["the next few days"]
    assert [t.text for t in extract("The repairs took over two years.", PUBLISHED)] == ["over two years"]


def test_last_half_of_a_year_and_halves_of_other_things():
    # "the last half of 1989" is that year's second half, not the year
    assert [(t.text, t.value) for t in extract("Profits will slip in the last half of 1989.", "1989-10-26")] == [
        ("the last half of 1989", "1989-H2")]
    # the half of a decade or of a game is not a half-year counted from the report
    assert [t.value for t in extract("Sales were flat in the last half of the '80s.", "1989-10-26")] == ["198"]
    assert extract("He scored twice in the first half of the game.", "1989-10-26") == []
    # "of next year" moves the half; an amount after "of" is the loss's, not the quarter's
    assert extract("Output will rise in the first half of next year.", "1989-10-26")[0].value == "1990-H1"
    assert extract("It posted a loss for the third quarter of $2 million.", "1989-10-26")[0].value == "1989-Q3"


def test_final_quarter_is_of_a_year_only_with_the_year():
    assert [(t.text, t.value) for t in extract("Orders fell in the final quarter of 1988.", "1989-10-26")] == [
        ("the final quarter of 1988", "1988-Q4")]
    assert extract("The Bulls led by ten points in the final quarter.", "1989-10-26") == []


def test_a_rate_after_a_sum_with_a_glued_scale_is_a_set(nlp):
    assert ("a year", "P1Y", "SET") in times(nlp, "Spending pressures could top £20bn a year by 2029.")
    assert one(nlp, "He spent a year in Paris.") == ("a year", "P1Y", "DURATION")


def test_a_season_that_names_a_kind_of_thing_is_no_time(nlp):
    assert times(nlp, "He would not rule out cuts to winter fuel payments.") == []
    text, value, kind = one(nlp, "Sales slowed in the winter.")
    assert (text, kind, value.endswith("-WI")) == ("the winter", "DATE", True)


@pytest.mark.parametrize("text, value", [
    # a reduced passive clause tells what was done: back from a Sunday report, not ahead
    ("Walking helps, according to a study published Monday in a journal.", "2024-09-09"),
    ("A report released on Tuesday showed growth.", "2024-09-10"),
    # a date something is moved to lies ahead whatever the tense
    ("The company extended to Tuesday its offer for the shares.", "2024-09-17"),
    # a promise made lies ahead of the report
    ("Denmark has promised to deliver the jets before Friday.", "2024-09-20"),
    # a forecast in the passive lies ahead, in reported speech's past tense too
    ("The weather service said more rain was expected through Wednesday.", "2024-09-18"),
])
def test_a_participle_or_a_moved_date_sets_the_direction(nlp, text, value):
    assert one(nlp, text, "2024-09-15")[1] == value


def test_the_quarter_is_the_quarter_just_named():
    found = extract("Nvidia forecast third-quarter revenue above estimates. It expects $32.5 billion for the quarter.",
                    "2024-08-28")
    assert [(t.text, t.value) for t in found] == [("third-quarter", "2024-Q3"), ("the quarter", "2024-Q3")]


def test_a_later_quarter_spoken_of_in_the_past_is_last_years(nlp):
    found = {t[0]: t[1] for t in times(nlp, "Profit fell 5% in the fourth quarter, the company said.", "2024-01-26")}
    assert found["the fourth quarter"] == "2023-Q4"
    # a quarter already ended, still to be reported, stays this year's
    found = {t[0]: t[1] for t in times(nlp, "The company will report third-quarter results next week.", "2024-10-20")}
    assert found["third-quarter"] == "2024-Q3"


def test_the_same_day_in_the_past_is_not_a_later_date_just_planned():
    text = ("The coalition collapsed on Wednesday. The chancellor will seek a vote on Jan. 15, "
            "which could lead to an election by the end of March. The collapse came on the same day "
            "the American election was decided.")
    found = {t.text: t.value for t in saidwhat.analyze(text, published="2024-11-07").times}
    assert found["the same day"] == "2024-11-06"


def test_a_quarter_point_of_a_rate_is_no_time():
    found = [t.text for t in saidwhat.analyze("The bank cut rates by a quarter point last week.",
                                              published="2024-11-14").times]
    assert found == ["last week"]


@pytest.mark.parametrize("text, phrase, value", [
    ("She practiced four hours a day.", "a day", "P1D"),
    ("Poor nations had asked for $1.3 trillion a year.", "a year", "P1Y"),
])
def test_a_unit_after_a_count_of_things_or_money_is_a_rate(text, phrase, value):
    found = {t.text: (t.value, t.type) for t in saidwhat.analyze(text, published="2024-11-19").times}
    assert found[phrase] == (value, "SET")


@pytest.mark.parametrize("text, phrase, value", [
    ("Musk co-founded the lab in 2015 but left its board three years later.", "three years later", "2018"),
    ("The plant opened on May 3, 2019, and closed two weeks later.", "two weeks later", "2019-05-17"),
    ("The talks ended in March and resumed a month later.", "a month later", "2024-04"),
])
def test_a_duration_later_counts_on_from_the_date_before_it(text, phrase, value):
    found = {t.text: (t.value, t.type) for t in saidwhat.analyze(text, published="2024-12-04").times}
    assert found[phrase] == (value, "DATE")


def test_days_later_do_not_count_on_from_a_bare_year():
    found = {t.text: t.type for t in saidwhat.analyze("It was founded in 2010, and two days later it hired staff.",
                                                      published="2024-12-04").times}
    assert found["two days"] == "DURATION"


def test_a_year_before_the_common_era_is_written_bc(nlp):
    assert one(nlp, "Farming reached Britain about 6,000 years ago.", "2024-08-23")[:2] == \
        ("about 6,000 years ago", "BC3977")
