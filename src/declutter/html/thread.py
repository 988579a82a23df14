"""What a forum thread's markup calls its posts.

Forum engines name their posts as comments ("elComment_123", ``id="comments"``), the names
that under an article mark the readers' comments, which locate keeps out whatever their length.
Where the elements so named hold most of a thread's prose, they are its posts; where they hold
less (the comments under each answer of a question-and-answer site), they stay out.
"""

from __future__ import annotations

from lxml import html

from .chunk import Chunk
from .strip import comment_named
from .vote import chunk_score

#: Comment-named elements holding this share of the page's prose are the thread's posts.
POSTS_SHARE = 0.5


def thread_clutter(chunks: list[Chunk], clutter: set[html.HtmlElement]) -> set[html.HtmlElement]:
    """The clutter of a forum page, without its posts when they are named as comments."""
    named = {el for el in clutter if comment_named(el)}
    if not named:
        return clutter
    total = 0.0
    held = 0.0
    for chunk in chunks:
        vote = chunk_score(chunk)
        if vote <= 0:
            continue
        total += vote
        if chunk.el in named or any(a in named for a in chunk.el.iterancestors()):
            held += vote
    if total <= 0 or held < POSTS_SHARE * total:
        return clutter
    return clutter - named
