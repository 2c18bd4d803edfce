"""The dateline that opens a wire story: "LONDON, March 4 (Reuters) - ", "BRUSSELS (AP) — ".

It says where the story was filed and by whom; it is not part of the first sentence, which
the parser reads it into, so attributions cut it off their content. It opens the text or,
after a headline, one of the first lines.
"""
from __future__ import annotations

import re

from .. import lexicon

DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Z.'’ -]*[A-Z.]"  # the place in capitals: LONDON, DAR ES SALAAM, U.N.
    r"(?:,\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})?"  # its country or state: , New Zealand
    r"(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?)?"  # the day: , March 4 (, 2025)
    r"\s*(?:\([^()\n]{1,40}\)|/[A-Za-z][\w .-]{1,30}/)?"  # the agency: (Reuters), (AP), /PRNewswire/
    r"\s*(?:--|[-—–―_])\s*(?:\([A-Z][A-Za-z ]{1,30}\)(?:--|[-—–―_])\s*)?"  # BOSTON--(BUSINESS WIRE)--
    # or a place or day in ordinary case, with the agency: "Philadelphia (AFP) – ", "Dec 29 (Reuters) - "
    r"|^[ \t]*[A-Z][\w.'’]*(?:,?[ \t]+[\w.'’]+){0,4}[ \t]*\([A-Z][\w.]{1,15}\)[ \t]*(?:--|[-—–―_])[ \t]*"
    # or, as Indian and Pakistani agencies write it, place and day with no dash after the agency:
    # "New Delhi, Mar 4 (PTI) "
    r"|^[ \t]*[A-Z][\w.'’]*(?:[ \t]+[A-Z][\w.'’]*){0,2},[ \t]+[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}[ \t]*\([A-Z]{2,8}\)[ \t]*:?[ \t]+",
    re.MULTILINE,
)
# "NEW DELHI: Prime Minister ...", as South Asian papers write it: a known place, once; a
# transcript's speaker label looks the same ("TRUMP: We will ..."), but names a person
PLACE_AND_COLON = re.compile(r"^[ \t]*([A-Z][A-Z.'’ -]*[A-Z]):[ \t]+(?=[A-Z])", re.MULTILINE)
HEAD = 400  # characters at the top of a text where a dateline may stand


def dateline_span(text: str) -> tuple[int, int] | None:
    """(start, end) character offsets of the dateline near the head of ``text``, or None."""
    m = DATELINE.search(text, 0, HEAD)
    if m:
        return m.span()
    m = PLACE_AND_COLON.search(text, 0, HEAD)
    if m and text.count(m.group(1) + ":") == 1 and m.group(1).lower() in lexicon.words("places"):
        return m.span()
    return None
