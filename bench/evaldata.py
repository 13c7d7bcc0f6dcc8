"""What the evaluation scripts share: where the labelled sets are, how to read and report them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

#: ``../shared/eval`` beside the repository.
DEFAULT_EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def pct(part: float, whole: float, width: int = 0) -> str:
    """``part`` of ``whole`` as a percentage with the counts: ``"95.00% (19/20)"``."""
    return f"{100.0 * part / whole:{width}.2f}% ({part}/{whole})" if whole else "n/a"
