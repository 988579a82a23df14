"""Frozen records that flow out of the pipeline: Block, Removed and Article.

``Article.to_dict()`` is the wire format (schema version 1, see ``schema/article.schema.json``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA_VERSION = 1

BlockType = Literal["heading", "paragraph", "list", "quote", "code", "table", "image"]
InputKind = Literal["html", "text", "markdown"]
#: What kind of page an input is (see pagetype.py); each kind has its own idea of the content.
PageType = Literal[
    "article", "forum", "product", "collection", "listing", "documentation", "service"
]  # fmt: skip


@dataclass(frozen=True, slots=True)
class Block:
    """One typed block of the body.

    ``text`` is plain text; ``md`` (when set) is the same content with inline Markdown
    (links, emphasis) for the Markdown renderer.  Only the fields of a block's type are used.
    """

    type: BlockType
    text: str = ""
    md: str | None = None
    level: int = 0
    items: tuple[str, ...] = ()
    md_items: tuple[str, ...] | None = None
    ordered: bool = False
    rows: tuple[tuple[str, ...], ...] = ()
    src: str | None = None
    alt: str | None = None
    caption: str | None = None

    @property
    def plain(self) -> str:
        """The block as plain text, as it appears in ``Article.text``."""
        if self.type == "list":
            return "\n".join(f"- {item}" for item in self.items)
        if self.type == "table":
            return "\n".join(" | ".join(row) for row in self.rows)
        if self.type == "image":
            return ""  # a caption describes a picture; it is not body text
        return self.text

    def to_dict(self) -> dict[str, Any]:
        """The wire form of the block: only the keys its type defines."""
        if self.type == "heading":
            return {"type": "heading", "level": self.level, "text": self.text}
        if self.type == "list":
            return {"type": "list", "ordered": self.ordered, "items": list(self.items)}
        if self.type == "table":
            return {"type": "table", "rows": [list(row) for row in self.rows]}
        if self.type == "image":
            return {"type": "image", "src": self.src, "alt": self.alt, "caption": self.caption}
        return {"type": self.type, "text": self.text}

    def to_render_dict(self) -> dict[str, Any]:
        """The wire form plus the inline Markdown the renderers use (not part of the schema)."""
        out = self.to_dict()
        if self.md is not None:
            out["md"] = self.md
        if self.md_items is not None:
            out["md_items"] = list(self.md_items)
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Block:
        """Rebuild a block from its wire form; unknown types are refused."""
        kind = data.get("type")
        if kind == "heading":
            return cls("heading", text=data["text"], level=int(data["level"]))
        if kind == "list":
            return cls("list", items=tuple(data["items"]), ordered=bool(data["ordered"]))
        if kind == "table":
            return cls("table", rows=tuple(tuple(r) for r in data["rows"]))
        if kind == "image":
            return cls(
                "image", src=data.get("src"), alt=data.get("alt"), caption=data.get("caption")
            )
        if kind in ("paragraph", "quote", "code"):
            return cls(kind, text=data["text"])
        raise ValueError(f"unknown block type: {kind!r}")


@dataclass(frozen=True, slots=True)
class Removed:
    """A block the extractor dropped, and why (shown with ``--explain``)."""

    text: str
    reason: str
    #: How many body blocks stood before it on the page (None where that is not known).
    at: int | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text, "reason": self.reason}
        if self.at is not None:
            out["at"] = self.at
        return out


@dataclass(frozen=True, slots=True)
class Article:
    """The clean article extracted from one input."""

    source: str | None = None
    input: InputKind = "html"
    url: str | None = None
    headline: str | None = None
    breadcrumb: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    published: str | None = None
    modified: str | None = None
    site_name: str | None = None
    language: str | None = None
    description: str | None = None
    image: str | None = None
    tags: tuple[str, ...] = ()
    blocks: tuple[Block, ...] = ()
    removed: tuple[Removed, ...] = ()
    #: Where each metadata field came from ("headline": "h1", …; shown with ``--explain``).
    sources: Mapping[str, str] = field(default_factory=dict)
    page_type: PageType | None = None
    #: The cues that decided ``page_type`` (shown with ``--explain``).
    page_type_reason: str | None = None
    #: Provenance added by readers (``fetched``, ``warc_record_id``); appears in the wire form.
    extra: Mapping[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The body as plain text, blocks separated by one blank line."""
        return "\n\n".join(p for p in (b.plain for b in self.blocks) if p)

    @property
    def is_empty(self) -> bool:
        return not self.blocks

    def to_dict(self, *, explain: bool = False) -> dict[str, Any]:
        """The wire format: every schema key present, null or empty where nothing was found."""
        out: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "source": self.source,
            "input": self.input,
            "url": self.url,
            "headline": self.headline,
            "breadcrumb": list(self.breadcrumb),
            "authors": list(self.authors),
            "published": self.published,
            "modified": self.modified,
            "site_name": self.site_name,
            "language": self.language,
            "description": self.description,
            "image": self.image,
            "tags": list(self.tags),
            "text": self.text,
            "blocks": [b.to_dict() for b in self.blocks],
            "page_type": self.page_type,
        }
        out.update(self.extra)
        if explain:
            out["removed"] = [r.to_dict() for r in self.removed]
            out["sources"] = dict(self.sources)
            out["page_type_reason"] = self.page_type_reason
        return out

    def to_json(self, *, indent: int | None = 2, explain: bool = False) -> str:
        return json.dumps(self.to_dict(explain=explain), ensure_ascii=False, indent=indent)

    def to_render_dict(self, *, explain: bool = False) -> dict[str, Any]:
        """What the renderers read: the wire form, blocks with their inline Markdown."""
        out = self.to_dict(explain=explain)
        out["blocks"] = [b.to_render_dict() for b in self.blocks]
        return out

    def to_markdown(self) -> str:
        from .render import render_markdown

        return render_markdown(self.to_render_dict())

    def to_text(self) -> str:
        from .render import render_text

        return render_text(self.to_render_dict())

    def to_html(self, *, explain: bool = False) -> str:
        """One self-contained HTML page; ``explain`` shows the removed blocks where they stood."""
        from .view import render_html

        return render_html(self.to_render_dict(explain=explain), explain=explain)


def error_record(source: str, error: BaseException) -> dict[str, Any]:
    """The wire form of an input that could not be processed."""
    return {
        "schema_version": SCHEMA_VERSION,
        "source": source,
        "error": {"type": type(error).__name__, "message": str(error)},
    }
