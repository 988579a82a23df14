"""HTML outputs: the article page (``--format html``), its explain view, and the batch report.

Everything here takes plain records (wire dicts), never the package's classes, and builds
pages as lxml trees so that page content is always escaped.
"""

from .article import render_html

__all__ = ["render_html"]
