"""The fast stand-ins for the model's attribute ruler and lemmatizer give the same annotations."""
import pytest
import spacy
from spacy.pipeline import AttributeRuler

from saidwhat import fast_pipes, settings

TEXTS = [
    "Secretary of State Antony Blinken said on Friday that Biden may allow Ukraine to strike targets in Russia.",
    "\"We ain't gonna stop,\" she said.  He's got to go, y'know, and they'd've left by 5 p.m. on May 14.",
    "The U.S. imposed sanctions on more than 100 Chinese entities; prices rose 3.5% in the third quarter.",
    "Attack in the Erkov area. . communicate.\n\nDon't you think it's over?  Those who were there wouldn't say.",
    "The leaders of China and India, both big buyers of Russian oil, have warned Putin not to cross the line.",
]


@pytest.fixture(scope="module")
def pipelines():
    original = spacy.load(settings.MODELS["sm"])
    fast = spacy.load(settings.MODELS["sm"])
    fast_pipes.install(fast)
    return original, fast


def annotations(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def test_both_components_are_replaced_in_place(pipelines):
    original, fast = pipelines
    assert fast.pipe_names == original.pipe_names
    assert isinstance(fast.get_pipe("attribute_ruler"), fast_pipes.FastAttributeRuler)
    assert isinstance(fast.get_pipe("lemmatizer"), fast_pipes.FastLemmatizer)


@pytest.mark.parametrize("text", TEXTS)
def test_same_tags_morphology_and_lemmas(pipelines, text):
    original, fast = pipelines
    assert annotations(fast(text)) == annotations(original(text))


def test_same_annotations_over_a_batch_and_an_empty_text(pipelines):
    original, fast = pipelines
    texts = TEXTS + [""] + TEXTS[::-1]
    assert [annotations(d) for d in fast.pipe(texts)] == [annotations(d) for d in original.pipe(texts)]


def test_serialization_goes_to_the_original_components(pipelines):
    original, fast = pipelines
    # the vocab is left out: each pipeline has added the strings of what it read
    ruler_bytes = fast.get_pipe("attribute_ruler").to_bytes(exclude=["vocab"])
    assert ruler_bytes == original.get_pipe("attribute_ruler").to_bytes(exclude=["vocab"])
    reloaded = fast_pipes.FastAttributeRuler(AttributeRuler(fast.vocab), []).from_bytes(ruler_bytes)
    assert len(reloaded.rules) == len(fast.get_pipe("attribute_ruler").rules)
    text = TEXTS[0]
    with fast.select_pipes(disable=["attribute_ruler", "lemmatizer"]):
        doc = fast(text)
    assert [t.pos_ for t in reloaded(doc)] == [t.pos_ for t in original(text)]


def test_a_pattern_that_sets_a_dependency_label_is_applied_too(pipelines):
    # the model's ruler relabels a space token the parser attached: "dep", whatever it was
    original, fast = pipelines
    text = "He left.  Then she came."
    docs = []
    for nlp in (original, fast):
        with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
            doc = nlp(text)
        space = next(t for t in doc if t.is_space)
        space.dep_ = "punct"
        docs.append(nlp.get_pipe("attribute_ruler")(doc))
    assert [t.dep_ for t in docs[1]] == [t.dep_ for t in docs[0]]
    assert next(t for t in docs[1] if t.is_space).dep_ == "dep"
