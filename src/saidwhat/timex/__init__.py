"""Time expressions (TIMEX3): detection, normalization against a reference date, anchoring.

``patterns`` finds candidate expressions in raw text with compiled regular expressions;
``filters`` checks them against the spaCy parse; ``normalize`` turns one candidate into a
TIMEX3 value and type; ``calendar`` does the date arithmetic; ``tense`` reads the direction
(past / future) of a relative expression from the parse; ``compose`` joins "three days after
... on May 14" onto its anchor; ``extract`` runs them in order.
"""
from .extract import extract

__all__ = ["extract"]
