"""Text-quality flags: they fire on machine-translation debris and stay quiet on clean news."""
import pytest

import saidwhat
from saidwhat.components.quality import quality_score


@pytest.fixture(scope="module")
def nlp():
    return saidwhat.load()


HEADLINE = "Talks Resume in Geneva\n"  # a short first line is a headline, never judged as prose


def flags(nlp, text, kind=None):
    doc = nlp(HEADLINE + text)
    return [(f.kind, f.text) for f in doc._.quality_flags if kind is None or f.kind == kind]


def test_fragment_without_finite_verb_after_a_sentence(nlp):
    text = "The minister said the army would withdraw from the valley. Withdrawal from the Norvak region.\n"
    assert flags(nlp, text, "fragment") == [("fragment", "Withdrawal from the Norvak region.")]


def test_lowercase_stub_is_a_fragment(nlp):
    text = "Officials said the talks had ended with a draft text that both sides had already. approve.\n"
    assert ("fragment", "approve.") in flags(nlp, text, "fragment")


def test_subjectless_past_tense_sentence_is_a_fragment(nlp):
    text = "The envoy said negotiators had met twice in Geneva last week. Reached an agreement on prisoners.\n"
    assert flags(nlp, text, "fragment") == [("fragment", "Reached an agreement on prisoners.")]


def test_headlines_captions_quotes_and_imperatives_are_not_fragments(nlp):
    text = (
        "Storm Over the Capital. Again.\n"
        "By Jane Doe\n"
        "Advertisement\n"
        "The governor toured the flooded district on Monday. \"Not again. Never again,\" she said.\n"
        "Read the full report here.\n"
        "___\n"
        "Residents wading through the flooded streets of the old town.\n"
        "Officials said the river rose overnight. Will it rise again? Sen. Mary Jones. Among them: two bridges.\n"
    )
    assert flags(nlp, text, "fragment") == []


def test_stray_period_with_its_word(nlp):
    text = "The panel included the chief of staff, Admiral John Q. Smith. . Officials said they agreed.\n"
    assert flags(nlp, text, "stray-punctuation") == [("stray-punctuation", "Smith. .")]


def test_a_mark_set_off_by_a_space_and_a_comma_before_that_are_stray(nlp):
    text = 'The minister said supplies return "in the nearest days" . He added, that prices will hold.'
    assert flags(nlp, text, "stray-punctuation") == [("stray-punctuation", 'days" .'),
                                                     ("stray-punctuation", "added, that")]
    clean = ("He said, that is, nothing new. In 2019, that changed. Prices rose 5 .5 percent? No: 5.5 percent. "
             "The smog got so bad, Mr. Lee noted, that schools closed.")
    assert flags(nlp, clean, "stray-punctuation") == []


def test_ellipses_are_not_stray_punctuation(nlp):
    text = 'She said: "We tried. . . . It did not work. ... We will try again."\n'
    assert flags(nlp, text, "stray-punctuation") == []


def test_minority_spelling_is_flagged(nlp):
    text = "The envoy visited Kyiv on Monday. He later left Kyiv for Warsaw. Talks in Kiev had stalled.\n"
    assert flags(nlp, text, "inconsistent-spelling") == [("inconsistent-spelling", "Kiev")]


def test_a_name_in_two_transliterations_outside_the_list_is_flagged(nlp):
    text = ("Russian troops shelled Kharkiv overnight, officials in Kharkiv said. "
            "Governor Oleh Synehubov said the attack on Charkiv went on until dawn.\n")
    assert flags(nlp, text, "inconsistent-spelling") == [("inconsistent-spelling", "Charkiv")]


@pytest.mark.parametrize("text", [
    "Ukraine asked for help. A Ukrainian envoy went to Paris.\n",  # a name and its adjective
    "Justice Antonin Scalia and Justice Anthony Kennedy dissented.\n",  # two first names
    "David Andersen wrote the study. Kristen Anderson disagreed with it.\n",  # two people
    "Officials from Austria and Australia met in Geneva.\n",
])
def test_names_alike_but_distinct_are_not_flagged(nlp, text):
    assert flags(nlp, text, "inconsistent-spelling") == []


def test_one_spelling_throughout_is_not_flagged(nlp):
    assert flags(nlp, "Kiev hosted the talks. Kiev welcomed the envoy.\n", "inconsistent-spelling") == []


def test_mojibake_is_encoding_debris(nlp):
    text = "The ministerâ€™s office said the cafÃ© had closed. The café in São Paulo is open.\n"
    found = flags(nlp, text, "encoding")
    assert ("encoding", "â€™") in found and ("encoding", "Ã©") in found and len(found) == 2


def test_doubled_word_is_repetition(nlp):
    assert flags(nlp, "The committee approved the the budget on Friday.\n", "repetition") == [("repetition", "the the")]
    assert flags(nlp, "What he had had was enough.\n", "repetition") == []


def test_clean_text_scores_one_and_debris_lowers_the_score(nlp):
    clean = nlp(HEADLINE + "The council met on Tuesday. It approved the budget, the mayor said.\n")
    assert clean._.quality_flags == [] and clean._.quality_score == 1.0
    messy = nlp(HEADLINE + "The council met on Tuesday. Approval of the budget. The mayor. . said Kyiv and Kiev.\n")
    assert 0.0 < messy._.quality_score < 0.8


def test_score_is_bounded():
    assert quality_score([], 0) == 1.0


def test_a_comma_moved_onto_the_next_word_is_stray(nlp):
    text = '"The army hit the critical infrastructure ,damaged a gas pipeline and a building," he noted.\n'
    assert flags(nlp, text, "stray-punctuation") == [("stray-punctuation", "infrastructure ,")]
    assert flags(nlp, "Prices rose, the ministry said; wages did not.\n", "stray-punctuation") == []


def test_a_sentence_that_opens_in_lowercase_is_the_rest_of_a_broken_one(nlp):
    text = "There were 87 combat clashes during the day. the enemy is trying to advance. The line holds.\n"
    assert flags(nlp, text, "fragment") == [("fragment", "the enemy is trying to advance.")]
    # an abbreviation's period is no sentence end: "4 p.m. the" is not flagged
    assert flags(nlp, "The vote closes at 4 p.m. and results follow tonight. Turnout was high.\n", "fragment") == []


def test_a_sentence_run_into_the_next_without_a_space_is_flagged():
    flags = saidwhat.analyze("The army has enough reserves.The situation is stable, officials said.").quality_flags
    assert [(f.text, f.kind) for f in flags] == [("reserves.The", "stray-punctuation")]


def test_a_domain_or_an_abbreviation_is_no_run_on_sentence():
    text = "Amazon.com said the U.S. market grew 3.5 percent, and Ph.D. students agreed."
    assert not [f for f in saidwhat.analyze(text).quality_flags if "space" in f.reason]
