"""`python -m saidwhat ...`: the same commands as `saidwhat ...`."""
from .cli import main

main()
