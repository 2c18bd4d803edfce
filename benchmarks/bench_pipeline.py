#!/usr/bin/env python3
"""Throughput of the saidwhat pipeline against spaCy alone, and textacy side by side.

usage: bench_pipeline.py [TEXT_DIR] [--limit N] [--rounds R] [--chunk C] [--split SPLIT_DIR]

In one run, on the same texts, it measures (mean of R rounds; the systems take turns every
few texts, so that the machine's drift falls on all of them alike):
  spacy      spaCy's own pipeline (en_core_web_sm) alone: nlp.pipe over the texts
  saidwhat   the whole saidwhat analysis, records included (analyze_batch)
  saidwhat, stock spaCy   the same with spaCy's own attribute ruler and lemmatizer in place
             of saidwhat.fast_pipes (same output): what saidwhat's own steps cost
  textacy    spaCy + textacy.extract.triples.direct_quotations, when textacy is installed
and prints words/s and the ratios to spaCy alone (target for saidwhat: >= 0.90).
With --split (a PolNeAR split folder), it also scores saidwhat and textacy on it with the
shared scorer, so accuracy and throughput are printed side by side.
TEXT_DIR defaults to the PolNeAR dev texts next to the repository (../shared/...).
"""
from __future__ import annotations

import argparse
import gc
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import spacy

from saidwhat.document import Document
from saidwhat.engines.batch import analyze_batch
from saidwhat.records import merge_run_on
from saidwhat.pipeline import load, model_path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SPLIT = ROOT.parent / "shared/eval/polnear/data/dev"


def read_texts(folder: Path, limit: int | None) -> list[tuple[str, str]]:
    paths = sorted(folder.glob("*.txt"))[:limit]
    return [(p.name, p.read_text(encoding="utf-8")) for p in paths]


def run_spacy(nlp, texts):
    for _ in nlp.pipe(t for _, t in texts):
        pass


def run_saidwhat(nlp, texts, out=None):
    docs = (Document(text=t, source=name) for name, t in texts)
    for record in analyze_batch(nlp, docs):
        if out is not None:  # scored as PolNeAR annotates: one attribution per cue
            out.write(merge_run_on(record).model_dump_json() + "\n")


def textacy_records(nlp, texts):
    from textacy.extract.triples import direct_quotations

    for (name, _), doc in zip(texts, nlp.pipe(t for _, t in texts)):
        atts = []
        try:
            quotations = list(direct_quotations(doc))
        except ValueError:  # textacy bails out of a text with an unclosed quotation: none found
            quotations = []
        for q in quotations:
            content = q.content
            atts.append({
                "speaker": {"mention": {"start": q.speaker[0].idx, "end": q.speaker[-1].idx + len(q.speaker[-1])}} if q.speaker else None,
                "cue": {"start": q.cue[0].idx, "end": q.cue[-1].idx + len(q.cue[-1])} if q.cue else None,
                "content_spans": [[content.start_char, content.end_char]],
            })
        yield {"source": name, "attributions": atts}


def run_textacy(nlp, texts, out=None):
    for record in textacy_records(nlp, texts):
        if out is not None:
            out.write(json.dumps(record) + "\n")


def times_in_turns(systems: dict, texts: list, rounds: int, chunk: int) -> dict[str, float]:
    """Seconds each system (name -> callable taking a list of texts) takes for all texts,
    averaged over `rounds`. The texts go in chunks of `chunk`, and every system runs each
    chunk in turn (the first place rotating), so that the systems share every slow or fast
    spell of the machine: timing whole runs one after another let its drift (10% and more
    on a shared machine) decide the ratio."""
    total = {name: 0.0 for name in systems}
    names = list(systems)
    turn = 0
    for _ in range(rounds):
        for start in range(0, len(texts), chunk):
            part = texts[start : start + chunk]
            for name in names[turn % len(names):] + names[: turn % len(names)]:
                gc.collect()
                t0 = time.perf_counter()
                systems[name](part)
                total[name] += time.perf_counter() - t0
            turn += 1
    return {name: total[name] / rounds for name in names}


def score(split: Path, write) -> dict:
    scorer = ROOT.parent / "shared/eval/polnear_score.py"
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        write(f)
    out = subprocess.run([sys.executable, str(scorer), str(split), f.name, "--json"], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("text_dir", nargs="?", type=Path, default=DEFAULT_SPLIT / "text")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--chunk", type=int, default=6, help="texts each system runs before the next takes its turn")
    ap.add_argument("--split", type=Path, help="PolNeAR split folder to score saidwhat and textacy on")
    args = ap.parse_args()

    texts = read_texts(args.text_dir, args.limit)
    words = sum(len(t.split()) for _, t in texts)
    base = spacy.load(model_path("sm"))
    ours = load("sm")
    try:
        import textacy  # noqa: F401
        has_textacy = True
    except ImportError:
        has_textacy = False

    run_spacy(base, texts[:5])  # warm-up
    run_saidwhat(ours, texts[:5])
    # saidwhat's own steps measured apart: the same pipeline with spaCy's attribute ruler and
    # lemmatizer, not the faster stand-ins of saidwhat.fast_pipes (same output)
    stock = load("sm", fast_components=False)
    run_saidwhat(stock, texts[:5])
    systems = {"spacy alone": lambda part: run_spacy(base, part), "saidwhat": lambda part: run_saidwhat(ours, part),
               "saidwhat, stock spaCy": lambda part: run_saidwhat(stock, part)}
    if has_textacy:
        # a pipeline of its own: a system that runs right after another on the same pipeline
        # finds its weights warm in the CPU caches, and sharing spaCy's favoured it (same code:
        # saidwhat 0.87 of spaCy with the pipeline shared, 0.91-0.94 with one each)
        textacy_nlp = spacy.load(model_path("sm"))
        systems["spacy + textacy"] = lambda part: run_textacy(textacy_nlp, part)
    rows = list(times_in_turns(systems, texts, args.rounds, args.chunk).items())
    t_spacy = rows[0][1]

    print(f"{len(texts)} texts, {words:,} words, mean of {args.rounds} rounds, systems taking turns "
          f"every {args.chunk} texts")
    print(f"{'system':<22}{'seconds':>9}{'words/s':>10}{'ratio to spaCy':>16}")
    for name, t in rows:
        print(f"{name:<22}{t:>9.2f}{words / t:>10,.0f}{t_spacy / t:>16.3f}")
    if not has_textacy:
        print("textacy not installed: pip install -e '.[bench]' to compare")

    if args.split:
        ours_fig = score(args.split, lambda f: run_saidwhat(ours, read_texts(args.split / "text", None), f))
        lines = [("saidwhat", ours_fig)]
        if has_textacy:
            lines.append(("textacy", score(args.split, lambda f: run_textacy(base, read_texts(args.split / "text", None), f))))
        print(f"\naccuracy on {args.split} (polnear_score.py): content partial F1 / exact F1 / e2e F1")
        for name, fig in lines:
            print(f"{name:<18}{fig['content_partial'][2]:.3f} / {fig['content_exact'][2]:.3f} / {fig['e2e'][2]:.3f}")


if __name__ == "__main__":
    main()
