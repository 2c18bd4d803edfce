"""What handlers get from the app: the store, the analyzer, the write permission, search filters."""
from __future__ import annotations

import secrets
from typing import Literal

from fastapi import HTTPException, Request, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field

from .analysis import Analyzer
from .db import Store

# YYYY, YYYY-MM or YYYY-MM-DD: the forms the store's dates sort in ([0-9]: \d is any digit).
DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
# SQLite integers are 64-bit: a larger id would be an OverflowError, not a 404.
MAX_ID = 2**63 - 1
# OFFSET walks the rows it skips: past this, paging is not what the caller wants.
MAX_OFFSET = 100_000


class SearchParams(BaseModel):
    """Filters of a statement search; every one given must match."""

    speaker: str | None = Field(None, max_length=200, description="Speaker name: 'Blinken', 'Antony Blinken'")
    text: str | None = Field(None, max_length=500, description="Words the content must all contain (full text)")
    since: str | None = Field(None, pattern=DATE_PATTERN, description="From this date (YYYY[-MM[-DD]]), inclusive")
    until: str | None = Field(None, pattern=DATE_PATTERN, description="Up to this date (YYYY[-MM[-DD]]), inclusive")
    type: Literal["direct", "indirect", "mixed"] | None = None
    source_kind: Literal["named", "group", "unnamed", "other"] | None = None
    limit: int = Field(50, ge=1, le=500)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


def store(request: Request) -> Store:
    return request.app.state.store


def analyzer(request: Request) -> Analyzer:
    return request.app.state.analyzer


_bearer = HTTPBearer(auto_error=False, description="The token `saidwhat serve --allow-writes` prints or was given")


def require_writes(request: Request, credentials: HTTPAuthorizationCredentials | None = Security(_bearer)) -> None:
    """Let a write through only on a server started with --allow-writes, with its token."""
    state = request.app.state
    if not state.allow_writes:
        raise HTTPException(403, "this server is read-only: start it with --allow-writes to store articles")
    given = credentials.credentials.encode() if credentials is not None else b""
    # compare_digest: the time taken does not tell how much of a guess was right. Bytes,
    # since it refuses non-ASCII str (a header can carry Latin-1).
    if not given or not secrets.compare_digest(given, state.token.encode()):
        raise HTTPException(401, "a valid token is needed: 'Authorization: Bearer TOKEN'",
                            headers={"WWW-Authenticate": "Bearer"})
