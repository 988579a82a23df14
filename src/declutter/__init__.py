"""declutter: turn scraped web pages into clean articles."""

from .errors import DeclutterError, ExtractTimeout, FetchError, InputError
from .model import SCHEMA_VERSION, Article, Block, Removed
from .options import Options
from .pipeline import extract

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "Block",
    "DeclutterError",
    "ExtractTimeout",
    "FetchError",
    "InputError",
    "Options",
    "Removed",
    "__version__",
    "extract",
]
