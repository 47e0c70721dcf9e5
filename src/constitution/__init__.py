"""council-constitution: a council's constitution as checked, published docs-as-code."""

import gc

__version__ = "0.1.0"


def collect_less() -> None:
    """For a command's own process. Its objects (the model, Sphinx's documents) mostly
    live until it exits, yet by default Python looks for garbage every 700 new objects
    and often goes over all of them: 10% of `constitution check` at 5,000 clauses."""
    gc.set_threshold(50_000, 20, 100)
