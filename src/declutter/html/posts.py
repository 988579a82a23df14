"""A forum thread is every post, in order, each under its poster's name and date.

Locate finds the one element with the most prose: on a thread that is one post (the longest
answer).  The posts of a thread are elements built alike (the same tag and class), so the post
locate chose leads to its siblings: every element on the page shaped like the chosen one, or
like one of its close ancestors, that holds text of its own.
"""

from __future__ import annotations

from lxml import html

from .chunk import Chunk, norm_space
from .locate import Located
from .postheads import frames, post_head
from .shape import inside, link_share, shape_of
from .vote import chunk_score

#: How far above the chosen element a post's shape is looked for (content → body → post).
POST_LEVELS = 4
#: A thread has at least this many posts.
MIN_POSTS = 2
#: A post holds at least this many characters of text.
POST_CHARS = 20
#: A block inside a post this linked is the post's action bar or signature, not its text.
POST_LINK_DENSITY = 0.65
#: The widened thread must keep this share of what locate chose (else the shape was wrong).
KEEP_SHARE = 0.9


def _alike(root: html.HtmlElement, el: html.HtmlElement) -> list[html.HtmlElement]:
    """Elements of the page shaped like ``el``, none inside another."""
    shape = shape_of(el)
    if shape is None:
        return []
    found: list[html.HtmlElement] = []
    for other in root.iter(shape[0]):
        if shape_of(other) != shape:
            continue
        if found and inside(other, found[-1]):
            continue
        found.append(other)
    return found


def thread(chunks: list[Chunk], located: Located) -> Located | None:
    """Every post shaped like the one locate chose, with its blocks in page order."""
    chosen = located.container
    assert chosen is not None
    root = chosen.getroottree().getroot()
    kept = {id(c) for c in located.chunks}
    kept_size = sum(c.size for c in located.chunks)
    el: html.HtmlElement | None = chosen
    for _ in range(POST_LEVELS):
        if el is None or el is root:
            break
        posts = _alike(root, el)
        if len(posts) >= MIN_POSTS:
            picked = _post_chunks(chunks, posts)
            total = sum(len(c.text) if c.type != "list" else c.size for c in picked)
            if total >= MIN_POSTS * POST_CHARS and _keeps(picked, kept, kept_size):
                return Located(chosen, picked)
        el = el.getparent()
    return _posts_inside(chunks, located)


#: The posts found inside the chosen element hold this share of its prose together.
POSTS_COVER = 0.8


def _posts_inside(chunks: list[Chunk], located: Located) -> Located | None:
    """Locate chose the whole thread: keep only the posts' own text.

    Of the shapes repeated inside the chosen element that together hold nearly all of its
    prose, the one with the fewest elements is the post (paragraph classes repeat more often),
    and of those the innermost is its text, without the poster's profile and signature.
    """
    chosen = located.container
    shapes: dict[tuple[str, str], dict[html.HtmlElement, float]] = {}
    total = 0.0
    for chunk in located.chunks:
        vote = max(chunk_score(chunk), 0.0)
        total += vote
        el: html.HtmlElement | None = chunk.el
        while vote and el is not None and el is not chosen:
            shape = shape_of(el)
            if shape is not None:
                held = shapes.setdefault(shape, {})
                held[el] = held.get(el, 0.0) + vote
            el = el.getparent()
    best: tuple[int, int, list[html.HtmlElement]] | None = None
    for held in shapes.values():
        if len(held) < MIN_POSTS or sum(held.values()) < POSTS_COVER * total:
            continue
        posts = list(held)
        rank = (len(posts), -sum(1 for _ in posts[0].iterancestors()), posts)
        if best is None or rank[:2] < best[:2]:
            best = rank
    if best is None or total <= 0:
        return None
    return Located(chosen, _post_chunks(located.chunks, best[2]))


def _post_chunks(chunks: list[Chunk], posts: list[html.HtmlElement]) -> list[Chunk]:
    """The chunks inside the posts, without their link rows, each post under its head."""
    held = set(posts)
    framed = frames(posts)
    headed: set[html.HtmlElement] = set()
    picked: list[Chunk] = []
    for chunk in chunks:
        el: html.HtmlElement | None = chunk.el
        signed = False
        while el is not None and el not in held:
            signed = signed or _signature(el)
            el = el.getparent()
        if el is None or signed or _signature(el):
            continue
        if chunk.type != "image" and link_share(chunk) > POST_LINK_DENSITY:
            continue
        if chunk.type == "quote":
            _drop_cite(chunk)
        if el not in headed:
            headed.add(el)
            head = post_head(framed[el], chunk.el)
            if head:
                picked.append(Chunk("paragraph", framed[el], text=head))
        picked.append(chunk)
    return picked


def _signature(el: html.HtmlElement) -> bool:
    """A poster's signature (or a Q&A site's user card) under the post: the same on every post."""
    return "signature" in (el.get("class") or "").lower()


def _drop_cite(chunk: Chunk) -> None:
    """A quoted post opens with who wrote it and when (its <cite>); the quote is the words."""
    cite = next(chunk.el.iter("cite"), None)
    if cite is None:
        return
    head = norm_space(cite.text_content())
    if head and chunk.text.startswith(head) and len(chunk.text) > len(head):
        chunk.text = chunk.text[len(head) :].strip()
        chunk.md = ""


def _keeps(picked: list[Chunk], kept: set[int], kept_size: int) -> bool:
    """Does the thread hold (nearly) everything locate chose?  If not, the shape was wrong."""
    held = sum(c.size for c in picked if id(c) in kept)
    return held >= KEEP_SHARE * kept_size
