"""The saidwhat command line: one module per group of commands, all on one Typer app."""
from __future__ import annotations

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Who said what, when, in news articles.")

# Importing a module registers its commands on `app`.
from . import analyze  # noqa: E402,F401
from . import store  # noqa: E402,F401
from . import train  # noqa: E402,F401
from . import web  # noqa: E402,F401


def main() -> None:
    app()
