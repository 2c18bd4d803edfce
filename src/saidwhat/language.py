"""A cheap language check: is a text English, and if not, what does it look like?

No language-identification model installs offline with a small footprint, and a cheap test
is enough for news prose: English has 20-40% of its words among the most frequent function
words; other Latin-script languages have their own function words (German 'der die und',
French 'le la les des'), which count against English; other scripts (Cyrillic, Chinese,
Arabic ...) are told apart by their letters alone.
"""
from __future__ import annotations

import re
from collections import Counter

WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
# Letters outside Basic Latin to Latin Extended-B: few or none in English, so counting them
# is cheaper than counting the Latin ones.
NON_LATIN_LETTER = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f]", re.UNICODE)

ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to a in that is was he for it with as his on be at by i this had not are but from or "
    "have an they which one you were her all she there would their we him been has when who will more "
    "no if out so said what up its about into than them can only other new some could time these two "
    "may then do first any my now such like our over man me even most made after also did many before "
    "must through back years where much your way well down should because each just those people how".split()
)
# The most frequent function words of other languages of the news, without the forms that
# are also English words ('a', 'in', 'die' ...).
OTHER_FUNCTION_WORDS = {
    "French": frozenset("le la les des du une et est que qui dans pour pas sur au aux ce il elle ils nous vous "
                        "avec son sa ses mais ou été être fait selon cette très leur".split()),
    "German": frozenset("der das und ist nicht ein eine einen dem den des zu mit sich auf für von sie es wir "
                        "auch werden wird sei hat dass wie bei nach oder aber noch vor zum zur im am".split()),
    "Spanish": frozenset("el los las del y es que en por con una para se su sus lo como pero más este esta "
                         "fue ha según muy al entre también".split()),
    "Italian": frozenset("il di che è per non una della del con sono gli le da nel alla ha anche come più "
                         "questo ma dei delle".split()),
    "Portuguese": frozenset("o os da do das dos um uma para com não se que por mais como mas foi ao pelo "
                            "pela em é também".split()),
    "Dutch": frozenset("de het een en van is dat niet zijn op te met voor er ook maar om wordt zij ze bij "
                       "aan naar heeft".split()),
}
MIN_ENGLISH_SHARE = 0.12
# Below this many words the share swings too much ("China's foreign ministry spokesman, Lin Jian,
# called the curbs bullying." has one function word in eleven): a lower bar.
SHORT_TEXT_WORDS = 40
MIN_SHORT_ENGLISH_SHARE = 0.05
MIN_LATIN_SHARE = 0.5


def guess_language(text: str, sample_chars: int = 20_000) -> str:
    """'English', another language's name, 'non-Latin script', or 'unknown' for text (str).

    Looks at the first `sample_chars` (int) characters only: the check must stay cheap on a
    megabyte of text.
    """
    sample = text[:sample_chars]
    non_latin = len(NON_LATIN_LETTER.findall(sample))
    if non_latin and non_latin > (1 - MIN_LATIN_SHARE) * len(LETTER.findall(sample)):
        return "non-Latin script"
    words = WORD.findall(sample.lower())
    counts = Counter(words)  # counted once, then looked up per language's few function words
    english = sum(counts[w] for w in ENGLISH_FUNCTION_WORDS)
    name, foreign = max(
        ((lang, sum(counts[w] for w in vocab)) for lang, vocab in OTHER_FUNCTION_WORDS.items()), key=lambda x: x[1]
    )
    if foreign > english:
        return name
    if len(words) < 8:  # a headline or a one-liner: too short to judge, give it the benefit of the doubt
        return "English"
    if len(words) < SHORT_TEXT_WORDS:  # a sentence or two: one "the" in a name-heavy sentence is English
        return "English" if english >= MIN_SHORT_ENGLISH_SHARE * len(words) else "unknown"
    return "English" if english >= MIN_ENGLISH_SHARE * len(words) else "unknown"


def looks_english(text: str, sample_chars: int = 20_000) -> bool:
    """Whether text (str) should be analysed as English."""
    return guess_language(text, sample_chars) == "English"
