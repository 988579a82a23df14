"""The JSON Schema of the declutter record."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def article_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) every output record validates against."""
    text = resources.files(__package__).joinpath("article.schema.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data
