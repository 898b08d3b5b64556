"""The same stanza weights in every process.

Loading a stanza pipeline leaves some of its weights to torch's random initialisation (they
are not all in the saved models), so two processes reading the same text could disagree where
two readings are close: *council's* one word in one run, *council* + *'s* in the next, and the
speaker mention changing with it.  :func:`fixed_seed` builds the pipeline under a fixed seed and
gives the caller's random state back afterwards.
"""

from __future__ import annotations

import contextlib
import random
from typing import Iterator

import torch

__all__ = ["BUILD_SEED", "fixed_seed"]

#: Seed of torch's and Python's random generators while a stanza pipeline is built.
BUILD_SEED = 0


@contextlib.contextmanager
def fixed_seed(seed: int = BUILD_SEED) -> Iterator[None]:
    """Run the block with torch's and Python's random generators seeded, then restore them.

    >>> state = torch.get_rng_state()
    >>> with fixed_seed():
    ...     a = torch.rand(2)
    >>> with fixed_seed():
    ...     b = torch.rand(2)
    >>> bool((a == b).all()), bool((torch.get_rng_state() == state).all())
    (True, True)
    """
    py_state = random.getstate()
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        random.seed(seed)
        try:
            yield
        finally:
            random.setstate(py_state)
