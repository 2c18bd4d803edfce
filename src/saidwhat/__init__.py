"""saidwhat: who said what, when, in news articles.

    >>> import saidwhat
    >>> result = saidwhat.analyze("“We will adapt,” Blinken said on Friday.", published="2024-05-31")
    >>> result.attributions[0].speaker.name
    'Blinken'
"""
from __future__ import annotations

from .document import Document
from .schema import ArticleResult

__version__ = "0.1.0"
__all__ = ["analyze", "load", "ArticleResult", "Document", "__version__"]


def load(model: str = "sm"):
    """The spaCy pipeline with the saidwhat components added (cached per process)."""
    from .pipeline import load as _load

    return _load(model)


def analyze(text: str, published: str | None = None, model: str = "sm", source: str = "<text>") -> ArticleResult:
    """Analyze one article's text. `published` (ISO date) anchors relative times."""
    from .engines.batch import analyze_batch

    document = Document(text=text, source=source, published=published, published_source="input" if published else None)
    return next(analyze_batch(load(model), [document]))
