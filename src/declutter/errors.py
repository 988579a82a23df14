"""Errors raised by declutter.

    DeclutterError            base; str() is one line that names the input
    ├── InputError            the input cannot be read (missing, unreadable, corrupt gzip, binary)
    ├── FetchError            a URL could not be fetched (network, HTTP status, size cap)
    └── ExtractTimeout        a page took longer than its time budget

"Nothing found" is not an error: it is an empty Article.
"""

from __future__ import annotations


class DeclutterError(Exception):
    """Base of every error declutter raises on purpose."""

    def __init__(self, source: str | None, message: str) -> None:
        self.source = source
        self.message = message
        super().__init__(f"{source}: {message}" if source else message)

    def __reduce__(self) -> tuple[type[DeclutterError], tuple[str | None, str]]:
        # Worker processes send errors back pickled; the default pickling loses the arguments.
        return (type(self), (self.source, self.message))


class InputError(DeclutterError):
    """The input could not be read or is not a page."""


class FetchError(DeclutterError):
    """A URL could not be fetched."""


class ExtractTimeout(DeclutterError):
    """Extraction ran past its time budget."""
