"""Importing this loads the language model: the batch pool's fork server imports it, and every
worker forked from that server starts with the model in (shared) memory instead of loading it
inside the time budget of its first page without a declared language."""

from __future__ import annotations

from .language import load_model

load_model()
