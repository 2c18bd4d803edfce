"""Speakers across articles: one person or organization is one `speakers` row.

Records give each attribution a resolved `speaker.name` and a `speaker.kind`. The store keeps
every distinct name (`speaker_names`, keyed by a normalized form) and links it to a speaker:

* Which names become speakers: kinds 'person' and 'organization' only ("named" sources).
  Groups ("officials"), unnamed sources ("a source familiar with ...") and the rest keep their
  text on the attribution but get no speaker row: they are not one identity across articles.
* Normalized form: case-folded, whitespace collapsed, possessive "'s" dropped, a leading "the"
  dropped; for persons also leading honorifics and titles ("Mr.", "Sen.", "President") and
  middle initials ("Antony J. Blinken" = "Antony Blinken") are dropped. Names with the same
  normalized form are one speaker; the speaker's display name is the first form seen.
* A person name of two or more words is a *full name*; its last word (past "Jr.", "III" ...)
  is its *surname*. A one-word person name is a *bare surname*.
* **The ambiguous-surname rule**: a bare surname ("Blinken") is linked to a full-name speaker
  ("Antony Blinken") only if exactly one full-name person speaker of the whole corpus has that
  surname. Otherwise it is its own speaker ("Blinken"), marked `ambiguous = 1` when two or
  more full names share the surname (with none, it is simply not yet known).
  The rule is re-applied whenever a name with that surname enters the store, in the same
  transaction, so the result depends on the corpus, not on the order of ingestion: a "Blinken"
  stored before any "Antony Blinken" is moved onto him when he arrives, and moved back to its
  own (ambiguous) row if a second full-name Blinken arrives later.
* Titles ("Secretary of State") are kept per name with the first and last date they were
  seen (the attribution's date: statement date, else publication date).
"""
from __future__ import annotations

import re
import sqlite3

from . import sql

NAMED_KINDS = frozenset({"person", "organization"})

# Words dropped from the front of a person's name: honorifics and the commonest titles that a
# speaker resolver may leave in ("President Biden"). Lower case, without the final dot.
LEADING_TITLES = frozenset(
    """mr mrs ms miss mx dr prof sir dame lord lady rev fr sen rep gov gen col capt lt sgt adm
    president senator representative congressman congresswoman governor mayor judge justice
    secretary minister chancellor premier ambassador king queen prince princess pope""".split()
)
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_WORD = re.compile(r"[^\s]+")
_POSSESSIVE = re.compile(r"['’]s?$")


def source_kind(kind: str | None, name: str | None) -> str:
    """The query class of a source: 'named', 'group', 'unnamed' or 'other'.

    kind (str | None): Speaker.kind; name (str | None): Speaker.name.
    """
    if kind in NAMED_KINDS and name:
        return "named"
    if kind == "group":
        return "group"
    if kind == "unnamed" or not name:
        return "unnamed"
    return "other"


def _words(name: str, kind: str) -> list[str]:
    """The words of a name that identify it: no possessive, no leading "the", no leading titles."""
    words = _WORD.findall(name.strip())
    if words:
        words[-1] = _POSSESSIVE.sub("", words[-1]) or words[-1]
    if len(words) > 1 and words[0].casefold() == "the":
        words = words[1:]
    if kind == "person":
        while len(words) > 1 and words[0].casefold().rstrip(".,") in LEADING_TITLES:
            words = words[1:]
    return words


def normalize(name: str, kind: str) -> tuple[str, str | None, bool]:
    """(normalized form, surname or None, is a full name) of a speaker name.

    name (str): Speaker.name as the record gives it; kind (str): 'person' or 'organization'.
    """
    words = _words(name, kind)
    if kind != "person":
        return " ".join(words).casefold(), None, False
    keys = [w.casefold().rstrip(".,") for w in words]
    if len(keys) > 2:  # middle initials: "antony j blinken" -> "antony blinken"
        keys = [keys[0]] + [k for k in keys[1:-1] if len(k) > 1] + [keys[-1]]
    core = keys[:-1] if len(keys) > 1 and keys[-1] in SUFFIXES else keys
    surname = core[-1] if core else None
    return " ".join(keys), surname, len(core) > 1


def display_name(name: str, kind: str) -> str:
    """The name to show: "President Joe Biden's" -> "Joe Biden"."""
    return " ".join(_words(name, kind))


def resolve(conn: sqlite3.Connection, name: str, kind: str) -> tuple[int, int]:
    """(name_id, speaker_id) of a named speaker, creating rows as needed (inside a transaction).

    name (str): Speaker.name; kind (str): 'person' or 'organization'.
    """
    norm, surname, is_full = normalize(name, kind)
    row = conn.execute(sql.NAME_BY_NORM, (norm,)).fetchone()
    if row:
        return row[0], row[1]
    shown = display_name(name, kind)
    speaker_id = conn.execute(sql.INSERT_SPEAKER, (shown, kind, surname, 0)).lastrowid
    name_id = conn.execute(sql.INSERT_NAME, (norm, shown, kind, surname, int(is_full), speaker_id)).lastrowid
    if kind == "person" and surname:
        relink_surname(conn, surname)
        speaker_id = conn.execute(sql.NAME_BY_NORM, (norm,)).fetchone()[1]
    return name_id, speaker_id


def relink_surname(conn: sqlite3.Connection, surname: str) -> None:
    """Apply the ambiguous-surname rule to the bare surname `surname` (str), if stored.

    Moves the bare name (and its attributions) onto the unique full-name speaker, or back to a
    speaker of its own, and updates the ambiguous mark.
    """
    bare = conn.execute(sql.BARE_SURNAME, (surname,)).fetchone()
    if bare is None:
        return
    name_id, shown, current = bare
    full = {r[0] for r in conn.execute(sql.FULL_NAME_SPEAKERS, (surname,))}
    own = None if current in full else current
    if len(full) == 1:
        target = next(iter(full))
    else:
        target = own or conn.execute(sql.INSERT_SPEAKER, (shown, "person", surname, 0)).lastrowid
        conn.execute(sql.SET_AMBIGUOUS, (int(len(full) > 1), target))
    if target != current:
        conn.execute(sql.MOVE_NAME, (target, name_id))
        conn.execute(sql.MOVE_ATTRIBUTIONS, (target, name_id))
        if own is not None:
            conn.execute(sql.DELETE_SPEAKER, (own,))


def add_title(conn: sqlite3.Connection, name_id: int, title: str, date: str | None) -> None:
    """Record that name `name_id` (int) was given `title` (str) on `date` (ISO str | None)."""
    title = " ".join(title.split())
    if title:
        conn.execute(sql.UPSERT_TITLE, {"name_id": name_id, "title": title, "date": date})
