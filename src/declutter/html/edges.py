"""What the vote left out that is the article's all the same.

Locate descends into the child holding nearly all of the prose and keeps clutter-named
elements out of the vote: the lede set apart before that child, the lead picture, and the
article's own components named for their layout (a recipe card's "recipe-header" titles, a
review's "meta" box of prose) are taken back here.
"""

from __future__ import annotations

from lxml import html

from ..patterns import CHROME_TAGS, tokens
from .chunk import Chunk
from .strip import clutter_named, component_name, hard_clutter, layout_name, media_name
from .trim import HEAD_LINE, HEAD_PROSE, contents
from .vote import LINKY, SENTENCE_END, chunk_score

#: Against a component's prose at most this share in link rows and fragments (as locate's
#: release of a clutter-named element asks).
READMIT_AGAINST = 0.2
#: A component named for its layout inside the chosen element needs this much prose of its own.
READMIT_PROSE = HEAD_PROSE


def readmit(
    chunks: list[Chunk],
    paths: list[list[html.HtmlElement]],
    live: list[bool],
    blocked: set[html.HtmlElement],
    best: html.HtmlElement,
    votes: tuple[dict[html.HtmlElement, float], dict[html.HtmlElement, float]],
    taken: list[bool],
) -> None:
    """Take in the article's own components that their names kept out of the vote.

    Recipe cards name their section titles "recipe-header", a review's product box is a
    "meta" or "header" block: inside the element chosen as the article, a component named only
    by such layout words is the article's when it reads as prose (paragraphs, hardly a link
    row), or when it is a heading (one left with nothing under it goes as an orphan).
    """
    pos, against = votes
    headings: list[int] = []
    for i, path in enumerate(paths):
        if live[i] or taken[i] or best not in path:
            continue
        shut = [el for el in path[: path.index(best)] if el in blocked]
        chunk = chunks[i]
        if not shut:
            continue
        if all(_component(el, chunk) for el in shut):
            if chunk.type == "heading" and shut == [chunk.el]:
                headings.append(i)
                continue
            taken[i] = all(
                pos.get(el, 0.0) >= READMIT_PROSE
                and against.get(el, 0.0) <= READMIT_AGAINST * pos.get(el, 0.0)
                for el in shut
            ) or (
                # A paragraph of prose in a component whose other lines are a by-line and
                # buttons: the standfirst in a listicle's "header".
                chunk.type == "paragraph"
                and chunk_score(chunk) >= READMIT_PROSE
                and all(against.get(el, 0.0) < pos.get(el, 0.0) for el in shut)
            )
        else:
            taken[i] = all(_prose_box(el, pos, against) for el in shut)
    for i in headings:
        # A section title heads what follows it at once; a box's title ("Most read") heads
        # its links, which are not taken.
        nxt = next((j for j in range(i + 1, len(chunks)) if chunks[j].type != "image"), None)
        taken[i] = nxt is not None and taken[nxt]


def _component(el: html.HtmlElement, chunk: Chunk) -> bool:
    """Whether a layout-named element inside the article may be a part of it (see readmit).

    A picture's frame (a caption, a credit, a gallery) is not, nor is a widget: a lone widget
    inside the article is a call to action more often than a section of it.
    """
    if el.tag in CHROME_TAGS or hard_clutter(el):
        return False
    return component_name(el)


#: Whatever its name, a box inside the article with this much prose and hardly a link row
#: or a fragment against it is a part of the article (an editor's "widget" holding sections
#: of the text, a sidebar-named column of it).
BOX_PROSE = 400
BOX_AGAINST = 0.1


#: Boxes of prose that are never the article's part, whatever their place: the writer's bio,
#: a prompt or a notice laid over the page, an advertiser's text.
_NOT_A_PART = frozenset(
    {
        "author", "authors", "bio", "byline", "vcard", "modal", "popup", "overlay", "dialog",
        "cookie", "cookies", "consent", "gdpr", "newsletter", "subscribe", "subscription",
        "signup", "paywall", "login", "register", "disclaimer", "copyright", "sponsor",
        "sponsored", "promo", "promoted", "ads", "advert", "advertisement",
        "advertising", "commercial", "cta", "donate", "donation",
    }
)  # fmt: skip


def _prose_box(
    el: html.HtmlElement, pos: dict[html.HtmlElement, float], against: dict[html.HtmlElement, float]
) -> bool:
    if el.tag in CHROME_TAGS or hard_clutter(el) or media_name(el):
        return False
    if not tokens(f"{el.get('class', '')} {el.get('id', '')}").isdisjoint(_NOT_A_PART):
        return False
    prose = pos.get(el, 0.0)
    return prose >= BOX_PROSE and against.get(el, 0.0) <= BOX_AGAINST * prose


def take_lede(
    chunks: list[Chunk],
    paths: list[list[html.HtmlElement]],
    live: list[bool],
    taken: list[bool],
    voted: html.HtmlElement,
) -> None:
    """Take back the lead picture and the prose just before the child that tightening chose.

    The descent leaves out what the wrapper adds around the body, which after it is comments
    and teasers; but an intro set apart from the body's element (a lede, a standfirst, a first
    section in a block of its own) stands right before it, prose after prose, and so does the
    lead picture.  A by-line or a date line between them is passed over, not taken: the walk
    back goes through the masthead, and stops at the first link row or widget.
    """
    start = next((i for i, t in enumerate(taken) if t), None)
    if start is None:
        return
    i = start - 1
    pending: list[int] = []
    passed = 0
    toc = -1
    while i >= 0 and voted in paths[i]:
        c = chunks[i]
        score = chunk_score(c)
        if _masthead_line(c) and passed < MASTHEAD_LINES:
            # Passed over, never taken: a by-line in a box named for its layout too.
            passed += 1
        elif contents(c) or (c.type == "heading" and i + 1 == toc):
            # The page's own table of contents between the intro and the body, and its title
            # ("In this article"): passed over.
            toc = i
        elif not live[i]:
            break
        elif c.type == "image" or (c.type == "heading" and c.link_density < LINKY):
            pending.append(i)
        elif score >= HEAD_PROSE:
            pending.append(i)
            for j in pending:
                taken[j] = True
            pending = []
        elif score > 0 and c.link_density < LINKY:
            # A short paragraph or a list of points goes with the intro when prose comes
            # before it ("Here's how:"), not on its own.
            pending.append(i)
        else:
            break
        i -= 1
    # A picture between the masthead and the body is the article's lead picture.
    for j in pending:
        if chunks[j].type == "image" and not any(
            chunks[k].type == "heading" for k in pending if k > j
        ):
            taken[j] = True


def opened(
    paths: list[list[html.HtmlElement]],
    live: list[bool],
    blocked: set[html.HtmlElement],
    voted: html.HtmlElement,
) -> list[bool]:
    """Which chunks the walk back to a lede may take: the live ones, and those of the
    article's own <header> (its standfirst stands there, under the headline).

    A <header> inside the element the vote chose is the article's, not the site's; a name
    beyond layout words ("share-header") still keeps it out.
    """
    opened = list(live)
    for i, path in enumerate(paths):
        if live[i] or voted not in path:
            continue
        inner = path[: path.index(voted)]
        shut = [el for el in inner if el in blocked]
        opened[i] = bool(shut) and all(
            (el.tag == "header" and (not clutter_named(el) or layout_name(el)))
            or (el.tag not in CHROME_TAGS and not hard_clutter(el) and component_name(el))
            for el in shut
        )
    return opened


#: The walk back to a lede passes over at most this many masthead lines (by-line, date, kicker).
MASTHEAD_LINES = 3


def _masthead_line(chunk: Chunk) -> bool:
    """A short line of the masthead: a by-line, a date, a kicker, a reading time."""
    return (
        chunk.type == "paragraph"
        and len(chunk.text) < HEAD_LINE
        and chunk.link_density < LINKY
        and not SENTENCE_END.search(chunk.text)
    )
