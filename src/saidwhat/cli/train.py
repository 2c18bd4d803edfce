"""`saidwhat train`: reproduce the learned attribution model from a PolNeAR-format folder
(needs the `train` and `learned` extras)."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from . import app


@app.command()
def train(
    data_dir: Path = typer.Argument(..., exists=True, file_okay=False,
                                    help="PolNeAR-format folder: train/ (and dev/, to pick the best epoch), or one split"),
    out: Optional[Path] = typer.Option(None, help="Output folder (default: the package's shipped model folder)"),
    epochs: int = typer.Option(20, min=1, help="Training epochs (the best on dev is kept)"),
    device: str = typer.Option("cpu", help="cpu or cuda (cuda: minutes; cpu: hours)"),
    lr: float = typer.Option(1.5e-4, help="Peak learning rate of the encoder (the output layer gets 10x)"),
    layers: int = typer.Option(5, min=1, max=6, help="Encoder layers kept, of MiniLM's 6 (the shipped model: 5)"),
    max_steps: Optional[int] = typer.Option(None, help="Stop after this many steps (smoke runs)"),
    rule_features: bool = typer.Option(True, help="Give the tagger the rule step's attributions as input too"),
    rule_dropout: float = typer.Option(0.1, min=0.0, max=1.0, help="Share of training windows without rule tags"),
) -> None:
    """Fine-tune MiniLM-L6 as a source/cue/content tagger, export it to int8 ONNX (model 'learned')."""
    try:
        import torch  # noqa: F401
    except ImportError:
        typer.echo("saidwhat train needs the train extra: pip install 'saidwhat[train,learned]' "
                   "(torch CPU build: --extra-index-url https://download.pytorch.org/whl/cpu)", err=True)
        raise typer.Exit(2)
    from ..learned.train import DEFAULT_OUT, train_cli

    target = train_cli(data_dir, out or DEFAULT_OUT, epochs=epochs, device=device, layers=layers, lr=lr,
                       max_steps=max_steps, rule_features=rule_features, rule_dropout=rule_dropout)
    typer.echo(str(target))
