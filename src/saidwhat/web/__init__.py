"""The web server (`saidwhat serve`): HTML pages and a JSON API over the corpus store.

app.py builds the FastAPI app (create_app); api.py is the JSON API under /api; pages.py the
HTML pages; db.py the server's connections to the store; analysis.py runs the pipeline in a
worker process under a time limit; middleware.py limits request bodies and sets security
headers; highlight.py cuts an article's text into highlighted segments for the templates.
Needs the `web` extra: pip install 'saidwhat[web]'.
"""
from .app import create_app

__all__ = ["create_app"]
