"""Test setup shared by tests/, docs/ and the doctests in quoteattr/.

The offline stanza models and the seed articles live in a ``shared/`` folder
beside the checkout (or above it); ``QUOTEATTR_SHARED`` may point at it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest


def find_shared() -> Path | None:
    env = os.environ.get("QUOTEATTR_SHARED")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parent
    for folder in [here, *here.parents]:
        candidate = folder / "shared"
        if (candidate / "models" / "stanza-en").is_dir():
            return candidate
    return None


SHARED = find_shared()
if SHARED is not None and "STANZA_RESOURCES_DIR" not in os.environ:
    os.environ["STANZA_RESOURCES_DIR"] = str(SHARED / "models" / "stanza-en")


@pytest.fixture(scope="session")
def shared() -> Path:
    if SHARED is None:
        pytest.skip("the shared/ folder (models, seeds, data) is not beside this checkout")
    return SHARED


@pytest.fixture(scope="session")
def nlp():
    """One quoteattr Pipeline for the whole test session (the stanza models load once)."""
    from quoteattr import Pipeline

    return Pipeline(download=False)


@pytest.fixture(scope="session")
def seeds(shared) -> dict[str, str]:
    """The seed articles by file stem, read from shared/seeds."""
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted((shared / "seeds").glob("*.txt"))}


@pytest.fixture(scope="session")
def seed_docs(nlp, seeds):
    """The seed articles, attributed (parsed once per session)."""
    return {name: nlp(text, id=name) for name, text in seeds.items()}
