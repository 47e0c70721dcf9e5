"""Sphinx configuration: the tool's own (constitution.sphinxconf), the same for every
council. The council's settings are in council.toml beside this file."""

from pathlib import Path

from constitution.sphinxconf import settings

globals().update(settings(Path(__file__).resolve().parent))
