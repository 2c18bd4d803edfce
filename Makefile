# Shortcuts; the scripts are the source of truth. `make bench` runs every benchmark in turn,
# each printing its figures as ratios to a baseline measured in the same run.
PY := .venv/bin/python
POLNEAR := ../shared/eval/polnear/data

.PHONY: demo test screenshots bench bench-pipeline bench-ingest bench-store bench-web bench-times bench-ray bench-learned

demo:
	bash scripts/demo.sh

test:
	bash scripts/test.sh

# The README's screenshots, taken by the browser tests
screenshots:
	SAIDWHAT_SCREENSHOTS=docs/screenshots $(PY) -m pytest tests/web/test_browser.py

bench: bench-pipeline bench-times bench-store bench-ingest bench-web bench-ray bench-learned

bench-pipeline:
	bash scripts/setup.sh bench
	$(PY) benchmarks/bench_pipeline.py --split $(POLNEAR)/dev

bench-times:
	$(PY) benchmarks/bench_times.py

bench-store:
	$(PY) benchmarks/bench_store.py

bench-ingest:
	$(PY) benchmarks/bench_ingest.py

bench-web:
	$(PY) benchmarks/bench_web.py

bench-ray:
	bash scripts/setup.sh ray
	$(PY) benchmarks/bench_ray.py

bench-learned:
	bash scripts/setup.sh learned
	$(PY) benchmarks/bench_learned.py
