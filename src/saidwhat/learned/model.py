"""The tagger: a BERT encoder (MiniLM-L6 weights) with one linear layer giving BIO logits for
the source, cue and content layers. Training and ONNX export only; needs torch (the `train`
extra). Inference runs the exported ONNX model (see tagger.py) without torch.

Written out in plain torch (no transformers) so that training and export need nothing but
torch and safetensors; module names follow the BERT checkpoint's, so its weights load as they are.
"""
from __future__ import annotations

import math

import torch
from torch import nn

from .data import LAYERS

N_TAGS = 3  # O B I


class _Attention(nn.Module):
    def __init__(self, hidden: int):
        super().__init__()
        self.query = nn.Linear(hidden, hidden)
        self.key = nn.Linear(hidden, hidden)
        self.value = nn.Linear(hidden, hidden)


class _AttentionOut(nn.Module):
    def __init__(self, hidden: int, eps: float):
        super().__init__()
        self.dense = nn.Linear(hidden, hidden)
        self.LayerNorm = nn.LayerNorm(hidden, eps=eps)


class _AttentionBlock(nn.Module):
    def __init__(self, hidden: int, eps: float):
        super().__init__()
        self.self = _Attention(hidden)
        self.output = _AttentionOut(hidden, eps)


class _Dense(nn.Module):
    def __init__(self, n_in: int, n_out: int):
        super().__init__()
        self.dense = nn.Linear(n_in, n_out)


class _Output(nn.Module):
    def __init__(self, n_in: int, hidden: int, eps: float):
        super().__init__()
        self.dense = nn.Linear(n_in, hidden)
        self.LayerNorm = nn.LayerNorm(hidden, eps=eps)


class _Layer(nn.Module):
    def __init__(self, cfg: dict):
        super().__init__()
        h, eps = cfg["hidden_size"], cfg["layer_norm_eps"]
        self.heads = cfg["num_attention_heads"]
        self.attention = _AttentionBlock(h, eps)
        self.intermediate = _Dense(h, cfg["intermediate_size"])
        self.output = _Output(cfg["intermediate_size"], h, eps)
        self.dropout = nn.Dropout(cfg.get("hidden_dropout_prob", 0.1))

    def forward(self, x: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
        b, t, h = x.shape
        d = h // self.heads
        att = self.attention.self

        def split(y: torch.Tensor) -> torch.Tensor:
            return y.view(b, t, self.heads, d).transpose(1, 2)

        q, k, v = split(att.query(x)), split(att.key(x)), split(att.value(x))
        scores = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(d) + bias
        ctx = torch.matmul(torch.softmax(scores, dim=-1), v).transpose(1, 2).reshape(b, t, h)
        out = self.attention.output
        x = out.LayerNorm(x + self.dropout(out.dense(ctx)))
        y = self.output.dense(nn.functional.gelu(self.intermediate.dense(x)))
        return self.output.LayerNorm(x + self.dropout(y))


class _Embeddings(nn.Module):
    def __init__(self, cfg: dict):
        super().__init__()
        h = cfg["hidden_size"]
        self.word_embeddings = nn.Embedding(cfg["vocab_size"], h)
        self.position_embeddings = nn.Embedding(cfg["max_position_embeddings"], h)
        self.token_type_embeddings = nn.Embedding(cfg["type_vocab_size"], h)
        self.LayerNorm = nn.LayerNorm(h, eps=cfg["layer_norm_eps"])
        self.dropout = nn.Dropout(cfg.get("hidden_dropout_prob", 0.1))

    def forward(self, ids: torch.Tensor, extra: torch.Tensor | None = None) -> torch.Tensor:
        pos = torch.arange(ids.shape[1], device=ids.device).unsqueeze(0)
        x = self.word_embeddings(ids) + self.position_embeddings(pos) + self.token_type_embeddings.weight[0]
        if extra is not None:
            x = x + extra
        return self.dropout(self.LayerNorm(x))


class _Encoder(nn.Module):
    def __init__(self, cfg: dict, n_layers: int):
        super().__init__()
        self.layer = nn.ModuleList(_Layer(cfg) for _ in range(n_layers))


class Tagger(nn.Module):
    """input_ids, attention_mask (batch, pieces) [, rule_tags (batch, pieces, len(LAYERS))] ->
    logits (batch, pieces, len(LAYERS) * 3).

    With rule_features, the BIO tags of the rule step's attributions are input too: one learned
    vector per layer and tag, added to the word embeddings (zero at the start, so training
    starts from the plain encoder)."""

    def __init__(self, cfg: dict, n_layers: int | None = None, rule_features: bool = False):
        super().__init__()
        self.cfg = dict(cfg)
        self.n_layers = n_layers or cfg["num_hidden_layers"]
        self.rule_features = rule_features
        self.embeddings = _Embeddings(cfg)
        self.encoder = _Encoder(cfg, self.n_layers)
        self.classifier = nn.Linear(cfg["hidden_size"], len(LAYERS) * N_TAGS)
        nn.init.normal_(self.classifier.weight, std=0.02)
        nn.init.zeros_(self.classifier.bias)
        if rule_features:
            self.rule_embeddings = nn.Embedding(len(LAYERS) * N_TAGS, cfg["hidden_size"])
            nn.init.zeros_(self.rule_embeddings.weight)
            self.register_buffer("rule_offsets", torch.arange(len(LAYERS)) * N_TAGS, persistent=False)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor,
                rule_tags: torch.Tensor | None = None) -> torch.Tensor:
        extra = self.rule_embeddings(rule_tags + self.rule_offsets).sum(2) if self.rule_features else None
        x = self.embeddings(input_ids, extra)
        bias = (1.0 - attention_mask[:, None, None, :].to(x.dtype)) * -10000.0
        for layer in self.encoder.layer:
            x = layer(x, bias)
        return self.classifier(x)

    def load_encoder(self, state: dict[str, torch.Tensor]) -> None:
        """Load BERT checkpoint weights (keys with or without a 'bert.' prefix); layers past
        n_layers and the pooler are ignored."""
        own = self.state_dict()
        loaded = 0
        for key, value in state.items():
            key = key.removeprefix("bert.")
            if key in own and own[key].shape == value.shape:
                own[key] = value.to(own[key].dtype)
                loaded += 1
        self.load_state_dict(own)
        missing = [k for k in own if not k.startswith(("classifier.", "rule_embeddings.")) and not any(
            k == x.removeprefix("bert.") for x in state)]
        if missing:
            raise ValueError(f"encoder weights missing: {missing[:5]}")
