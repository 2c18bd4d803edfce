"""Amounts: money, counts, percentages, ordinals; spans, bounds and what is not an amount."""
import pytest

import saidwhat


@pytest.fixture(scope="module")
def nlp():
    return saidwhat.load()


def amounts(nlp, text):
    doc = nlp(text)
    return {a.text: a for a in doc._.amounts}


def test_money_with_scale_words_and_currency_words(nlp):
    found = amounts(nlp, "The members pledged at least 30 billion euros, or about $32 billion, in loans each year.")
    euros = found["30 billion euros"]
    assert (euros.value, euros.unit, euros.kind, euros.bound) == (3e10, "EUR", "money", "at least")
    dollars = found["$32 billion"]  # "about" stays outside the span but marks it approximate
    assert (dollars.value, dollars.unit, dollars.approximate) == (3.2e10, "USD", True)


@pytest.mark.parametrize("text, unit", [
    ("The Danish prime minister announced aid worth 1.3 billion kroner.", "DKK"),
    ("Norwegian officials put the cost at 1.3 billion kroner.", "NOK"),
    ("Argentine banks lent 40 million pesos.", "ARS"),
    ("Canadian officials said the plant cost 40 million dollars.", "USD"),  # the dollar is everyone's
])
def test_a_bare_currency_word_takes_the_nationality_the_article_names(nlp, text, unit):
    (found,) = [a for a in amounts(nlp, text).values() if a.kind == "money"]
    assert found.unit == unit


@pytest.mark.parametrize(
    "text, span, value, unit",
    [
        ("The club sold the striker for £2.5m last season.", "£2.5m", 2.5e6, "GBP"),
        ("A ticket cost 1,200 yuan in the capital.", "1,200 yuan", 1200, "CNY"),
        ("The fine was €300,000, the regulator ruled.", "€300,000", 3e5, "EUR"),
        ("The bank lent US$5 million to the farmers.", "US$5 million", 5e6, "USD"),
        ("The company raised $1.2bn from investors.", "$1.2bn", 1.2e9, "USD"),
        ("Each stamp now costs 73 cents.", "73 cents", 0.73, "USD"),
        ("Investors lost millions of dollars in the crash.", "millions of dollars", 1e6, "USD"),
        ("The cabinet set aside 500 million Moldovan lei for subsidies.", "500 million Moldovan lei", 5e8, "MDL"),
        ("The loan of 40 billion forints was approved.", "40 billion forints", 4e10, "HUF"),
        ("The scheme saved Rs 3,400 crore of citizens' money.", "Rs 3,400 crore", 3.4e10, "INR"),
        ("Each family was paid Rs. 500 on Monday.", "Rs. 500", 500, "INR"),
        ("Each family was paid Rs.500 on Monday.", "Rs.500", 500, "INR"),
        ("The budget sets aside Rs 1.2 lakh crore for defence.", "Rs 1.2 lakh crore", 1.2e12, "INR"),
        ("The port cost Rp 5 trillion to build.", "Rp 5 trillion", 5e12, "IDR"),
        ("Marketers were buying petrol at ₦1,050 per litre.", "₦1,050", 1050, "NGN"),
        ("The house sold for two million three hundred thousand dollars.",
         "two million three hundred thousand dollars", 2.3e6, "USD"),
    ],
)
def test_money_forms(nlp, text, span, value, unit):
    found = amounts(nlp, text)
    assert span in found, found
    assert found[span].value == pytest.approx(value)
    assert (found[span].unit, found[span].kind) == (unit, "money")


def test_count_keeps_comparative_bound_and_counted_noun_in_span(nlp):
    found = amounts(nlp, "The ministry has blacklisted more than 250 foreign companies that trade with the regime.")
    count = found["more than 250 foreign companies"]
    assert (count.value, count.unit, count.kind, count.bound) == (250, "companies", "count", "more than")


def test_spelled_out_numbers(nlp):
    found = amounts(nlp, "Two dozen villagers and a million tourists came, along with three reporters.")
    assert found["Two dozen villagers"].value == 24
    assert found["a million tourists"].value == 1e6
    assert (found["three reporters"].value, found["three reporters"].unit) == (3, "reporters")


def test_vague_plurals_are_lower_bounds(nlp):
    found = amounts(nlp, "Tens of thousands of protesters filled the square.")
    crowd = found["Tens of thousands of protesters"]
    assert (crowd.value, crowd.bound, crowd.unit) == (1e4, "more than", "protesters")


@pytest.mark.parametrize(
    "text, span, value, unit",
    [
        ("Prices rose 4.5 percent in March.", "4.5 percent", 4.5, "percent"),
        ("Turnout fell to 61% this year.", "61%", 61, "percent"),
        ("The bank cut rates by half a percentage point.", "half a percentage point", 0.5, "percentage points"),
    ],
)
def test_percentages(nlp, text, span, value, unit):
    found = amounts(nlp, text)
    assert span in found, found
    assert (found[span].value, found[span].unit, found[span].kind) == (value, unit, "percent")


def test_ordinals_take_their_noun(nlp):
    found = amounts(nlp, "The city will celebrate the 150th anniversary of the bridge, the country's third largest port.")
    assert (found["150th anniversary"].value, found["150th anniversary"].unit) == (150, "ordinal")
    assert found["third largest port"].value == 3


def test_measures_are_quantities(nlp):
    found = amounts(nlp, "The pipeline carries 3.5 million barrels over 700 miles.")
    assert found["3.5 million barrels"].kind == "quantity"
    assert found["700 miles"].kind == "quantity"


def test_dates_times_ages_and_labels_are_not_amounts(nlp):
    found = amounts(
        nlp,
        "On May 14, 2022, the mayor, 64, met for two days at 10 a.m. under Section 230 during COVID-19 "
        "and the first day of a 2016 election review that lasted three years.",
    )
    assert found == {}


def test_a_capitalized_number_word_in_a_name_is_no_amount(nlp):
    found = amounts(nlp, "Judge blocks Texas law requiring Ten Commandments in classrooms\n\n"
                         "Two people objected.")
    assert list(found) == ["Two people"]


def test_amount_offsets_point_into_the_text(nlp):
    text = "Officials said roughly 40 people were hurt and $3 million was stolen."
    doc = nlp(text)
    assert doc._.amounts
    for a in doc._.amounts:
        assert text[a.start:a.end] == a.text


def test_money_the_model_read_into_a_company_name_is_an_amount(nlp):
    # the small model tags "Apple 1.8 billion euros" as one organization
    found = amounts(nlp, "The Commission fined Apple 1.8 billion euros ($1.95 billion) on Monday.")
    assert [(a.text, a.value, a.unit) for a in found.values()] == [
        ("1.8 billion euros", 1.8e9, "EUR"), ("$1.95 billion", 1.95e9, "USD")]
    assert amounts(nlp, "Boeing 737 jets were grounded.") == {}


def test_money_the_model_reads_as_a_date_is_money(nlp):
    # spaCy tags "20bn a year" DATE; after the pound sign it is a sum of money
    found = amounts(nlp, "Spending pressures could top £20bn a year by 2029.")
    assert (found["£20bn"].value, found["£20bn"].unit) == (2e10, "GBP")


@pytest.mark.parametrize("text, span, low, high, unit", [
    ("Prices rose 10 to 15 percent.", "10 to 15 percent", 10, 15, "percent"),
    ("Sales fell by 3-4% last year.", "3-4%", 3, 4, "percent"),
    ("The rate stays in the 5.25%-5.50% range.", "5.25%-5.50%", 5.25, 5.5, "percent"),
    ("The dam will cost $10-$12 billion.", "$10-$12 billion", 1e10, 1.2e10, "USD"),
    ("Officials said between 10 and 20 people were hurt.", "10 and 20 people", 10, 20, "people"),
])
def test_a_range_keeps_both_ends_with_the_unit_and_scale_of_its_top(nlp, text, span, low, high, unit):
    found = amounts(nlp, text)
    assert span in found, found
    assert (found[span].value, found[span].value_max, found[span].unit) == (pytest.approx(low), pytest.approx(high), unit)


def test_a_change_from_one_figure_to_another_is_no_range(nlp):
    found = amounts(nlp, "Its share rose from 10 percent to 12 percent.")
    assert all(a.value_max is None for a in found.values()) and len(found) == 2


def test_a_part_of_a_count_counts_the_same_things(nlp):
    found = amounts(nlp, "The air force said it had destroyed 25 of 31 drones and two of three cruise missiles.")
    assert (found["25"].value, found["25"].unit) == (25.0, "drones")
    assert (found["two"].value, found["two"].unit) == (2.0, "missiles")
    assert found["31 drones"].unit == "drones"


def test_a_part_of_a_group_counts_its_members(nlp):
    found = amounts(nlp, "Three of the suppliers, who have also admitted the charges, will be sentenced in May.")
    assert (found["Three"].value, found["Three"].unit) == (3.0, "suppliers")


@pytest.mark.parametrize("text, span, value, unit", [
    ("The bank cut rates by a quarter point on Thursday.", "a quarter point", 0.25, "percentage points"),
    ("It raised them by a quarter of a percentage point.", "a quarter of a percentage point", 0.25, "percentage points"),
    ("Yields rose half a point.", "half a point", 0.5, "percentage points"),
    ("The bank cut by 50 basis points.", "50 basis points", 50.0, "basis points"),
])
def test_fractions_of_a_point_and_basis_points_are_rates(nlp, text, span, value, unit):
    found = amounts(nlp, text)[span]
    assert (found.value, found.unit, found.kind) == (value, unit, "percent")


def test_points_of_an_index_are_no_rate(nlp):
    assert amounts(nlp, "The index rose 300 points.")["300 points"].kind == "count"


@pytest.mark.parametrize("text", ["Jazz pianist Omar Reyes, who reshaped bebop, dies at 91",
                                  "She moved to Paris at 17, and she sang."])
def test_an_age_is_no_amount(nlp, text):
    assert not [a for a in amounts(nlp, text).values() if a.unit == ""]


def test_a_change_in_subunits_and_the_level_it_reached_are_two_amounts(nlp):
    found = amounts(nlp, "Brent crude rose 87 cents to $91.40 a barrel.")
    assert (found["87 cents"].value, found["87 cents"].value_max) == (0.87, None)
    assert found["$91.40"].value == 91.4


def test_a_range_in_subunits_scales_its_bottom_too(nlp):
    fare = amounts(nlp, "Bus fares rose 10 to 15 cents.")["10 to 15 cents"]
    assert (fare.value, fare.value_max, fare.unit) == (0.1, 0.15, "USD")


def test_the_figure_of_an_index_name_is_no_amount(nlp):
    found = amounts(nlp, "The STOXX 600 closed down 0.6% and London's FTSE 100 slipped 0.3%. In Ohio 30 people died.")
    assert set(found) == {"0.6%", "0.3%", "30 people"}
    found = amounts(nlp, "He was ousted over crashes of the 737 Max that killed 346 people. About 40 Americans were hurt.")
    assert set(found) == {"346 people", "40 Americans"}


def test_an_age_after_aged_or_a_headline_at_is_no_amount(nlp):
    assert amounts(nlp, "Singer dies at 56\n\nHer son Shane died last year, aged 17.") == {}


def test_a_singular_name_hyphenated_to_a_figure_names_a_policy_not_a_count(nlp):
    assert amounts(nlp, "Washington's one-China policy had not changed.") == {}


def test_a_subunit_is_read_without_rounding_error(nlp):
    assert amounts(nlp, "Earnings beat estimates of 83 cents.")["83 cents"].value == 0.83


def test_how_often_a_champion_won_is_no_amount(nlp):
    assert amounts(nlp, "The 24-time major champion smiled.") == {}
