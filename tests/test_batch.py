"""The batch engine frees each Doc once its record is built."""
import gc

from spacy.tokens import Doc

from saidwhat.document import Document
from saidwhat.engines.batch import analyze_batch


def test_docs_are_freed_once_their_records_are_built(nlp):
    texts = ['"We will rebuild the pier," the mayor said on Monday.', "The council, she said, will vote in May."]
    gc.collect()
    before = sum(type(o) is Doc for o in gc.get_objects())  # other tests' fixtures may hold some
    gc.disable()  # the annotations' Spans point back at their Doc: only dropping them frees it without the collector
    try:
        records = list(analyze_batch(nlp, [Document(text=t, source=str(i)) for i, t in enumerate(texts)]))
        left = sum(type(o) is Doc for o in gc.get_objects()) - before
    finally:
        gc.enable()
    assert [len(r.attributions) for r in records] == [1, 1]
    assert left == 0
