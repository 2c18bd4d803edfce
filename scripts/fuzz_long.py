"""Long fuzzing runs of the readers and the pipeline, beyond the short CI ones in tests/fuzz.

    .venv/bin/python scripts/fuzz_long.py                     # hypothesis, 100k cases in all
    .venv/bin/python scripts/fuzz_long.py --cases 20000 --only readers
    .venv/bin/python scripts/fuzz_long.py --atheris --seconds 600   # coverage-guided (needs atheris)

Hypothesis checks the properties of tests/fuzz/properties.py on `--cases` examples split
between the targets, and prints how many ran and what failed (the failing example is shrunk
and printed by hypothesis). With --atheris, atheris (pip install atheris==3.0.0: 3.1.0 is not
on the registry) mutates bytes under coverage guidance and feeds every reader and, as text,
the pipeline, for `--seconds`.
"""
from __future__ import annotations

import argparse
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from fuzz.properties import READERS, check_reader, check_result  # noqa: E402

TARGETS = {"readers": 0.7, "pipeline": 0.3}  # share of the cases: readers are cheap, parsing is not


def run_hypothesis(cases: int, only: str | None) -> int:
    """Run the hypothesis properties on about `cases` (int) examples; returns the failure count."""
    from hypothesis import HealthCheck, given, settings, strategies as st

    from fuzz.test_fuzz_pipeline import texts
    from fuzz.test_fuzz_readers import fuzz_bytes

    import saidwhat
    from saidwhat.document import Document
    from saidwhat.engines.batch import analyze_batch

    failures = 0
    counts: dict[str, int] = {}

    def run(name: str, n: int, test) -> None:
        nonlocal failures
        counts[name] = 0
        start = time.perf_counter()
        try:
            settings(max_examples=n, deadline=None, database=None,
                     suppress_health_check=list(HealthCheck))(test)()
            status = "ok"
        except Exception:  # noqa: BLE001 - report and go on with the other targets
            failures += 1
            status = "FAILED"
            traceback.print_exc()
        print(f"{name:<16} {counts[name]:>8} cases  {time.perf_counter() - start:8.1f} s  {status}", flush=True)

    if only in (None, "readers"):
        # html gets a tenth of the others' share (trafilatura is slow); the readers' cases still
        # add up to their share of `cases`.
        weights = {reader: 0.1 if reader == "html" else 1.0 for reader in READERS}
        per_weight = cases * TARGETS["readers"] / sum(weights.values())
        def reader_test(reader: str):
            @given(data=fuzz_bytes)
            def test(data):
                counts[f"reader {reader}"] += 1
                check_reader(reader, data)

            return test

        for reader in READERS:
            run(f"reader {reader}", round(per_weight * weights[reader]), reader_test(reader))
    if only in (None, "pipeline"):
        nlp = saidwhat.load()

        @given(text=texts)
        def test_pipeline(text):
            counts["pipeline"] += 1
            result = next(analyze_batch(nlp, [Document(text=text, source="fuzz", published="2024-05-31")]))
            assert result.error is None or result.error.kind != "internal", result.error
            check_result(text, result)

        run("pipeline", int(cases * TARGETS["pipeline"]), test_pipeline)
    print(f"total {sum(counts.values())} cases, {failures} failing targets")
    return failures


def run_atheris(seconds: int) -> int:
    """Coverage-guided fuzzing of every reader and the pipeline for `seconds` (int)."""
    try:
        import atheris
    except ImportError:
        print("atheris is not installed: pip install atheris==3.0.0", file=sys.stderr)
        return 1
    with atheris.instrument_imports():
        import saidwhat.readers  # noqa: F401
        from saidwhat.document import Document
        from saidwhat.engines.batch import analyze_batch
    import saidwhat

    nlp = saidwhat.load()
    names = sorted(READERS)
    state = {"cases": 0, "start": time.monotonic()}

    def one_input(data: bytes) -> None:
        state["cases"] += 1
        if time.monotonic() - state["start"] > seconds:
            print(f"atheris: {state['cases']} cases in {seconds} s, no failure")
            raise SystemExit(0)
        if not data:
            return
        check_reader(names[data[0] % len(names)], data[1:])
        if data[0] % 16 == 0:  # one in 16 also through the pipeline, as text
            text = data[1:].decode("utf-8", "replace")
            check_result(text, next(analyze_batch(nlp, [Document(text=text, source="atheris")])))

    atheris.Setup([sys.argv[0], "-max_len=4096"], one_input)
    atheris.Fuzz()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=100_000, help="hypothesis examples in all")
    parser.add_argument("--only", choices=sorted(TARGETS), help="fuzz only the readers or the pipeline")
    parser.add_argument("--atheris", action="store_true", help="coverage-guided fuzzing with atheris instead")
    parser.add_argument("--seconds", type=int, default=600, help="how long atheris runs")
    args = parser.parse_args()
    return run_atheris(args.seconds) if args.atheris else run_hypothesis(args.cases, args.only)


if __name__ == "__main__":
    sys.exit(main())
