"""What a forum thread's markup calls its posts.

Forum engines name their posts as comments ("elComment_123", ``id="comments"``), the names
that under an article mark the readers' comments, which locate keeps out whatever their length.
Where the elements so named hold most of a thread's prose, they are its posts; where they hold
less (the comments under each answer of a question-and-answer site), they stay out.
"""

from __future__ import annotations

from lxml import html

from .chunk import Chunk
from .shape import under
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
        if under(chunk.el, named):
            held += vote
    if total <= 0 or held < POSTS_SHARE * total:
        return clutter
    return clutter - named


#: A block this linked by segment's count but not by its own links was counted as a card.
CARDED_DENSITY = 0.99


def posts_unlinked(chunks: list[Chunk]) -> None:
    """Count a thread's posts by their own links again, not as teaser cards.

    A forum engine that lays its posts out as list items opening with the poster's avatar
    link looks, to segment, like a list of teaser cards (a linked title, then a summary), and
    all of each post's text was counted as link text.  On a forum page a block not inside a
    link is given the share of its text its own links hold.
    """
    for chunk in chunks:
        if chunk.type not in ("paragraph", "quote", "code") or not chunk.size:
            continue
        if chunk.link_density < CARDED_DENSITY:
            continue
        el = chunk.el
        if el.tag == "a" or any(a.tag == "a" for a in el.iterancestors()):
            continue
        links = list(el.iter("a"))
        linked = sum(len(a.text_content()) for a in links)
        if linked < 0.5 * chunk.size:
            chunk.link_chars = min(linked, chunk.size)
            chunk.anchors = len(links)
