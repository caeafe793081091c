"""Where the project's shared test data is: ``../shared`` beside the repository.

A person who clones the project has no ``../shared``; every test that reads it skips
then. ``FOLLOWUPD_SHARED`` names another place (``/nonexistent`` rehearses a clone).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("FOLLOWUPD_SHARED") or REPO.parent / "shared")


def need(path: Path) -> Path:
    """``path`` under SHARED, or skip the test: it is not there in a plain clone."""
    if not path.exists():
        pytest.skip(f"{path} not present (the shared test data is not part of a clone)")
    return path
