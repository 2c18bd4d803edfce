"""A small store for the web tests: short articles written for them, analyzed by saidwhat and
written with the store's own functions (no fixture data from elsewhere)."""
from __future__ import annotations

from pathlib import Path

XSS_SCRIPT = "<script>window.__xss=1</script>"
XSS_ATTR = '"><img src=x onerror="window.__xss=1">'

ARTICLES = [
    {"title": "Riverton plans three new libraries", "published": "2024-03-12",
     "text": "Mayor Elena Ruiz said on Monday that the city would open three new libraries next year. "
             "“We have waited long enough,” Ruiz told reporters at City Hall. The council's finance chair, "
             "Tom Becker, said the plan would cost $12 million."},
    {"title": "Library plan on schedule", "published": "2024-05-20",
     "text": "Elena Ruiz, the mayor of Riverton, said the library plan was on schedule. According to Tom Becker, "
             "the budget will be approved in June. “The money is there,” Ruiz said. The mayorâ€™s office said "
             "the work was on track."},
    {"title": "Libraries to open in October", "published": "2024-09-02",
     "text": "Riverton mayor Elena Ruiz said on Friday that the new libraries would open in October. "
             "Officials said the opening could be delayed by the weather."},
    {"title": f"{XSS_SCRIPT} Website safety", "published": "2024-06-01", "url": f"https://example.org/{XSS_ATTR}",
     "text": f"Elena Ruiz said that {XSS_SCRIPT} was not a real threat to the city. "
             f"“{XSS_ATTR} is harmless,” the mayor said. Tom Becker said the website was safe."},
]


def build_store(path: Path) -> Path:
    """Analyze ARTICLES into a new store at `path` (Path); returns the path."""
    import saidwhat
    from saidwhat.document import Document
    from saidwhat.store import connect
    from saidwhat.store.db import transaction
    from saidwhat.store.write import document_key, write_article

    conn = connect(path)
    with transaction(conn):
        for n, a in enumerate(ARTICLES, 1):
            source = f"test-{n}.txt"
            record = saidwhat.analyze(a["text"], published=a["published"], source=source)
            record.title, record.url, record.text = a["title"], a.get("url"), a["text"]
            doc = Document(text=a["text"], source=source, published=a["published"])
            write_article(conn, document_key(doc), record)
    conn.close()
    return path
