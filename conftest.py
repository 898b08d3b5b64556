"""Test setup shared by tests/, docs/ and the doctests in quoteattr/.

The stanza English models are looked for, in order, in ``$QUOTEATTR_SHARED/models/stanza-en``
(``QUOTEATTR_SHARED`` defaults to a ``shared/`` folder beside the checkout or above it),
``$STANZA_RESOURCES_DIR`` and stanza's default folder (``~/stanza_resources``).  Without
them, every test and doctest that needs them is skipped for one stated reason, except when
``CI=true``: then the run fails, since CI must run everything.  The seed articles and the
PolNeAR data are read from the shared folder too (tests that need them skip without it).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent

NO_MODELS = ("no stanza English models (tokenize, mwt, pos, lemma, depparse): set QUOTEATTR_SHARED to the "
             "shared folder or STANZA_RESOURCES_DIR to a stanza resources folder (see README)")


def find_shared() -> Path | None:
    env = os.environ.get("QUOTEATTR_SHARED")
    if env:
        return Path(env)
    for folder in [ROOT, *ROOT.parents]:
        candidate = folder / "shared"
        if (candidate / "models" / "stanza-en").is_dir():
            return candidate
    return None


def find_models(shared: Path | None) -> Path | None:
    """The first folder with every stanza English model quoteattr needs."""
    from quoteattr.parsing.models import REQUIRED_PROCESSORS, available_processors, default_model_dir

    folders = [shared / "models" / "stanza-en"] if shared is not None else []
    folders.append(Path(default_model_dir()))  # $STANZA_RESOURCES_DIR, else stanza's default
    for folder in folders:
        found = available_processors(str(folder), "en") or {}
        if all(p in found for p in REQUIRED_PROCESSORS):
            return folder
    return None


SHARED = find_shared()
MODELS = find_models(SHARED)
if MODELS is not None:
    os.environ["STANZA_RESOURCES_DIR"] = str(MODELS)

#: Fixtures that load the models.
_MODEL_FIXTURES = {"nlp", "seed_docs"}
#: A doctest that runs the stanza pipeline.
_MODEL_DOCTEST = re.compile(r"\b(?:Pipeline|extract|stream|get_pipeline)\(|\bnlp\b|\.pipe\(|main\(\[\"extract")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "models: the test runs the stanza models (skipped without them)")


def _needs_models(item: pytest.Item) -> bool:
    if item.get_closest_marker("models") or _MODEL_FIXTURES & set(getattr(item, "fixturenames", ())):
        return True
    dtest = getattr(item, "dtest", None)
    return dtest is not None and any(_MODEL_DOCTEST.search(ex.source) for ex in dtest.examples)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if MODELS is not None:
        return
    needing = [item for item in items if _needs_models(item)]
    if needing and os.environ.get("CI", "").lower() == "true":
        raise pytest.UsageError(f"CI=true and {len(needing)} tests need models: {NO_MODELS}")
    skip = pytest.mark.skip(reason=NO_MODELS)
    for item in needing:
        item.add_marker(skip)


@pytest.fixture(autouse=True)
def _doctests_run_in_the_checkout(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Doctests name files relative to the checkout (``examples/port_strike.txt``)."""
    if type(request.node).__name__.startswith("Doctest"):
        monkeypatch.chdir(ROOT)


@pytest.fixture(scope="session")
def shared() -> Path:
    if SHARED is None:
        pytest.skip("the shared/ folder (seed articles, PolNeAR) is not beside this checkout: set QUOTEATTR_SHARED")
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
