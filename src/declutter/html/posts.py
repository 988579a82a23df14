"""A forum thread is every post, in order, each under its poster's name and date.

Locate finds the one element with the most prose: on a thread that is one post (the longest
answer).  The posts of a thread are elements built alike (the same tag and class), so the post
locate chose leads to its siblings: every element on the page shaped like the chosen one, or
like one of its close ancestors, that holds text of its own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from lxml import html

from .chunk import Chunk, norm_space
from .locate import Located
from .postheads import frames, post_head
from .quoted import without_repeated_quotes
from .shape import inside, link_share, shape_of, under
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
#: A shape further out than the closest one is the post when its posts hold this many times
#: the prose (by locate's votes).
WIDER_GAIN = 2.0


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


def thread(
    chunks: list[Chunk], located: Located, clutter: set[html.HtmlElement] | None = None
) -> Located | None:
    """Every post shaped like the one locate chose, with its blocks in page order.

    A reply's quote of a post given above is left out (see quoted.py).
    """
    chosen = located.container
    assert chosen is not None
    root = chosen.getroottree().getroot()
    kept = {id(c) for c in located.chunks}
    kept_size = sum(c.size for c in located.chunks)
    el: html.HtmlElement | None = chosen
    best: tuple[float, list[Chunk]] | None = None
    for _ in range(POST_LEVELS):
        if el is None or el is root:
            break
        posts = _alike(root, el)
        if len(posts) >= MIN_POSTS:
            picked = _post_chunks(chunks, posts)
            total = sum(len(c.text) if c.type != "list" else c.size for c in picked)
            if total >= MIN_POSTS * POST_CHARS and _keeps(picked, kept, kept_size):
                # The closest shape is the post unless one further out holds far more prose:
                # the chosen post's class may be shared by boxes that are no posts (teasers
                # in a sidebar), while its wrapper's class is the one the replies share.
                vote = sum(max(chunk_score(c), 0.0) for c in picked)
                if best is None or vote > WIDER_GAIN * best[0]:
                    best = (vote, picked)
        el = el.getparent()
    if best is not None:
        return Located(chosen, without_repeated_quotes(best[1]))
    found = _posts_inside(chunks, located, clutter or set())
    if found is None:
        return None
    return Located(chosen, without_repeated_quotes(found.chunks))


#: The posts found inside the chosen element hold this share of its prose together.
POSTS_COVER = 0.8


def _posts_inside(
    chunks: list[Chunk], located: Located, clutter: set[html.HtmlElement]
) -> Located | None:
    """Locate chose the whole thread: keep only the posts' own text.

    Of the shapes repeated inside the chosen element that together hold nearly all of its
    prose, the one with the fewest elements is the post (paragraph classes repeat more often),
    and of those the innermost is its text, without the poster's profile and signature.  An
    opening post the page shows apart from the replies leads them (see _opening).
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
    covering: list[tuple[str, str]] = []
    for shape, held in shapes.items():
        if len(held) < MIN_POSTS or sum(held.values()) < POSTS_COVER * total:
            continue
        covering.append(shape)
        posts = list(held)
        rank = (len(posts), -sum(1 for _ in posts[0].iterancestors()), posts)
        if best is None or rank[:2] < best[:2]:
            best = rank
    if best is None or total <= 0:
        return None
    posts = best[2]
    lead, opening = _opening(chunks, located, posts, covering, clutter)
    apart = [el for el in opening if not inside(el, chosen)]
    return Located(chosen, _post_chunks(lead + located.chunks, opening + posts, apart))


#: An opening post shown apart from the replies is one element (two with a pinned copy).
OPENING_MAX = 2


def _opening(
    chunks: list[Chunk],
    located: Located,
    posts: list[html.HtmlElement],
    shapes: list[tuple[str, str]],
    clutter: set[html.HtmlElement],
) -> tuple[list[Chunk], list[html.HtmlElement]]:
    """The thread's opening post where the page shows it apart from the replies.

    A question-and-answer page sets the question in a box of its own above the answers, and
    some forum engines show the first post above the container of the replies: locate then
    chooses the replies.  The opening post's body is built like the replies' bodies (one of
    the shapes that hold their text) and comes before them.  Returns the opening post's chunks
    that locate left out, and the elements that hold it.
    """
    chosen = located.container
    assert chosen is not None
    root = chosen.getroottree().getroot()
    held = set(posts)
    first = next((i for i, c in enumerate(chunks) if under(c.el, held)), None)
    if first is None:
        return [], []
    around = {a for post in posts for a in post.iterancestors()}
    alike: dict[html.HtmlElement, None] = {}
    for shape in shapes:
        some = [
            el
            for el in root.iter(shape[0])
            if shape_of(el) == shape and el not in around and not under(el, held)
        ]
        if 0 < len(some) <= OPENING_MAX:
            alike.update(dict.fromkeys(some))
    # The outermost of them holds the whole post (its body is one of the shapes too).
    found = [el for el in alike if not any(a in alike for a in el.iterancestors())]
    if not found:
        return [], []
    outer = set(found)
    kept = {id(c) for c in located.chunks}
    lead: list[tuple[html.HtmlElement, Chunk]] = []
    for chunk in chunks[:first]:
        if id(chunk) in kept:
            continue
        # Only what the post holds counts as its clutter (the comments under a question); a
        # wrapper named "…withSidebar" around the whole thread does not.
        el: html.HtmlElement | None = chunk.el
        while el is not None and el not in outer and el not in clutter:
            el = el.getparent()
        if el is not None and el in outer:
            lead.append((el, chunk))
    # Outside what locate chose, a box built like a post but holding no prose of its own (a
    # header's links, a login notice) is chrome.
    opening = [el for el in found if inside(el, chosen) or _prose([c for p, c in lead if p is el])]
    return [c for el, c in lead if el in opening], opening


#: Outside the chosen element an opening post holds this much prose (by locate's votes).
OPENING_VOTE = 25.0


def _prose(chunks: list[Chunk]) -> bool:
    return sum(max(chunk_score(c), 0.0) for c in chunks) >= OPENING_VOTE


def _post_chunks(
    chunks: list[Chunk], posts: list[html.HtmlElement], apart: Sequence[html.HtmlElement] = ()
) -> list[Chunk]:
    """The chunks inside the posts, without their link rows, each post under its head.

    A post shown ``apart`` from the others (an opening post above the replies' container) is
    framed more closely: the largest element around it holding no other post is the page's
    header and all, whose first name is anyone's.
    """
    held = set(posts)
    framed = frames(posts)
    framed.update((el, _close_frame(el, framed[el])) for el in apart)
    headed: set[html.HtmlElement] = set()
    picked: list[Chunk] = []
    owner: dict[int, html.HtmlElement] = {}
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
        owner[id(chunk)] = el
        picked.append(chunk)
    return _without_card_lines(picked, owner)


#: A poster's card line ("Joined", "Messages", a rank) is short...
CARD_LINE_CHARS = 40
#: ...and printed in this share of the thread's posts (at least CARD_POSTS of them), where a
#: reply's own short line ("Thanks!") is not.
CARD_SHARE = 0.3
CARD_POSTS = 3
#: A card line's box (its label and value, or the poster's ranks) holds at most this much text.
CARD_BOX_CHARS = 320


def _without_card_lines(picked: list[Chunk], owner: dict[int, html.HtmlElement]) -> list[Chunk]:
    """The thread without its posters' cards: the labels each post repeats beside its poster
    ("Joined", "Messages", "Reaction score", a rank), and the values boxed with them."""
    posts = set(owner.values())
    seen: dict[str, set[html.HtmlElement]] = {}
    times: Counter[str] = Counter()
    for chunk in picked:
        post = owner.get(id(chunk))
        if post is not None and chunk.type == "paragraph" and len(chunk.text) <= CARD_LINE_CHARS:
            seen.setdefault(chunk.text, set()).add(post)
            times[chunk.text] += 1
    need = max(CARD_POSTS, CARD_SHARE * len(posts))
    # A line ending in a colon is a label ("Messages:"), wherever the shape taken for a post
    # put the posts (a page's wrapper holding them all, when their own shape was missed).
    labels = {
        text
        for text, where in seen.items()
        if len(where) >= need or (text.endswith(":") and times[text] >= CARD_POSTS)
    }
    if not labels:
        return picked
    boxes: set[html.HtmlElement] = set()
    for chunk in picked:
        if id(chunk) in owner and chunk.text in labels:
            box = chunk.el.getparent()
            if box is not None and box is not owner[id(chunk)] and _short_box(box):
                boxes.add(box)
    return [c for c in picked if not (id(c) in owner and (c.text in labels or under(c.el, boxes)))]


#: A post's close frame adds at most this much text to the post (its poster's card, a date).
FRAME_EXTRA = 400


def _close_frame(post: html.HtmlElement, frame: html.HtmlElement) -> html.HtmlElement:
    """The largest element up to ``frame`` around ``post`` that adds little text to it."""
    limit = len(post.text_content()) + FRAME_EXTRA
    close = post
    for parent in post.iterancestors():
        if len(parent.text_content()) > limit:
            break
        close = parent
        if parent is frame:
            break
    return close


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


def _short_box(box: html.HtmlElement) -> bool:
    return len(box.text_content()) <= CARD_BOX_CHARS
