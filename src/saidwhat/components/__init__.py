"""Our spaCy pipeline steps: each finds one thing and leaves it on ``doc._``."""
