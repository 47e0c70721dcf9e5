"""council-constitution: a council's constitution as checked, published docs-as-code."""

__version__ = "0.1.0"
