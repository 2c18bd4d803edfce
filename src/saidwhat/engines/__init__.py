"""Engines run analyze_batch over many documents: in this process, in local worker processes, or on Ray."""
