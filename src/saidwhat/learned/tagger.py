"""Run the shipped tagger (int8 ONNX MiniLM) on CPU: text -> character spans per layer.

Needs onnxruntime and tokenizers (the `learned` extra), not torch.
"""
from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path

import numpy as np

from .data import LAYERS, CharAttribution, piece_tags, windows
from .decode import Span, bio_spans

MODEL_DIR = Path(__file__).resolve().parent / "model"
# Windows run through the model together.
BATCH = 16
MISSING = ("the learned attribution model needs the 'learned' extra: pip install 'saidwhat[learned]' "
           "(onnxruntime and tokenizers)")


class Tagger:
    """tag(text) -> {layer: [(start, end), ...]} character spans of source, cue and content."""

    def __init__(self, model_dir: Path | str = MODEL_DIR, threads: int | None = None):
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise RuntimeError(MISSING) from exc
        model_dir = Path(model_dir)
        if not (model_dir / "model.onnx").is_file():
            raise RuntimeError(f"no learned model in {model_dir}: train one with `saidwhat train DATA_DIR`")
        self.meta = json.loads((model_dir / "meta.json").read_text(encoding="utf-8"))
        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tokenizer.no_truncation()
        self.tokenizer.no_padding()
        opts = ort.SessionOptions()
        # one thread by default: like spaCy, one process per core (engines/local.py) scales out
        opts.intra_op_num_threads = threads or int(os.environ.get("SAIDWHAT_LEARNED_THREADS", "1"))
        opts.inter_op_num_threads = 1
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self.session = ort.InferenceSession(str(model_dir / "model.onnx"), opts, providers=["CPUExecutionProvider"])
        self.max_pieces = int(self.meta.get("max_pieces", 254))
        self.rule_features = bool(self.meta.get("rule_features"))

    def tags(self, text: str, found_by_rules: list[CharAttribution] | None = None) -> tuple[list[Span], np.ndarray]:
        """Piece offsets and the (pieces, layers) tag array of a text; a model with rule features
        reads the rule step's attributions (found_by_rules; None reads as none found)."""
        enc = self.tokenizer.encode(text, add_special_tokens=False)
        offsets = [tuple(o) for o in enc.offsets]
        ids = np.asarray(enc.ids, dtype=np.int64)
        rule_tags = piece_tags(text, found_by_rules or [], offsets).astype(np.int64) if self.rule_features else None
        out = np.zeros((len(ids), len(LAYERS)), dtype=np.int64)
        wins = sorted(windows(offsets, text, self.max_pieces), key=lambda w: w[1] - w[0])
        cls, sep, pad = self.meta.get("cls", 101), self.meta.get("sep", 102), self.meta.get("pad", 0)
        for b in range(0, len(wins), BATCH):
            batch = wins[b : b + BATCH]
            n = max(e - s for s, e in batch) + 2
            x = np.full((len(batch), n), pad, np.int64)
            mask = np.zeros((len(batch), n), np.int64)
            feeds = {"input_ids": x, "attention_mask": mask}
            if rule_tags is not None:
                feeds["rule_tags"] = np.zeros((len(batch), n, len(LAYERS)), np.int64)
            for k, (s, e) in enumerate(batch):
                x[k, 0], x[k, 1 : e - s + 1], x[k, e - s + 1] = cls, ids[s:e], sep
                mask[k, : e - s + 2] = 1
                if rule_tags is not None:
                    feeds["rule_tags"][k, 1 : e - s + 1] = rule_tags[s:e]
            logits = self.session.run(None, feeds)[0]
            tags = logits.reshape(len(batch), n, len(LAYERS), 3).argmax(-1)
            for k, (s, e) in enumerate(batch):
                out[s:e] = tags[k, 1 : e - s + 1]
        return offsets, out

    def tag(self, text: str, found_by_rules: list[CharAttribution] | None = None) -> dict[str, list[Span]]:
        offsets, tags = self.tags(text, found_by_rules)
        return {layer: bio_spans(tags[:, j].tolist(), offsets) for j, layer in enumerate(LAYERS)}


@lru_cache(maxsize=2)
def get_tagger(model_dir: str | None = None) -> Tagger:
    """The tagger of the shipped model (or of model_dir), loaded once per process."""
    return Tagger(model_dir or MODEL_DIR)
