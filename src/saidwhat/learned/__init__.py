"""A learned attribution tagger (MiniLM-L6 fine-tuned on PolNeAR), run on CPU with onnxruntime.

    data.py       PolNeAR (BRAT) reading; attributions -> BIO labels over word pieces
    decode.py     BIO tags -> character spans -> linked attributions (cue, source, content)
    tagger.py     the shipped int8 ONNX model: text -> spans (needs the `learned` extra)
    component.py  the pipeline step used by model 'learned': the rule step's attributions as
                  input features, tagger spans -> doc._.attributions
    model.py      the torch model, for training and export (the `train` extra)
    train.py      `saidwhat train DATA_DIR`: prepare, fine-tune, export, quantize
    model/        the shipped model: model.onnx (int8), tokenizer.json, meta.json

Only data.py and decode.py are imported eagerly by the others; nothing here imports torch
unless training.
"""
