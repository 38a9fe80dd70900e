"""Canonical JSON and its SHA-256: the one hash of every frozen snapshot (pure, no Django).

Used by the approved-document snapshots (`ppsp.docgen.snapshot`) and by the data snapshots
of an MPS year sign-off and a monev realisation lock (`ppsp.core.freeze.snapshot_store`).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any


def canonical(data: Any) -> bytes:
    """Canonical JSON bytes (sorted keys, no spaces, UTF-8): the input of the hash."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def digest(data: Any) -> str:
    """SHA-256 (hex) of the canonical JSON of `data`.

    >>> digest({"b": 1, "a": [1, 2]}) == digest({"a": [1, 2], "b": 1})
    True
    """
    return hashlib.sha256(canonical(data)).hexdigest()


def normalised(data: Any) -> Any:
    """The value as it reads back from a JSON column (tuples → lists, int keys → str)."""
    return json.loads(canonical(data))
