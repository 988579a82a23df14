"""A product page's customer reviews: its comment thread.

Shoppers' reviews are written under the product as readers' comments are under an article,
and like a long comment thread they often hold more prose than the description itself, so
that the vote would take them for the page's content.  Shops name the widget for what it
holds ("reviews", "product-reviews", "ratings") or mark each review up as a schema.org
Review.  A publisher's blurbs ("editorial reviews"), the critics quoted in the description and
the testimonials a seller picks for its own copy describe the product, and stay.
"""

from __future__ import annotations

from functools import lru_cache

from lxml import etree, html

from ..patterns import tokens
from .chunk import Chunk
from .shape import under
from .vote import chunk_score

#: Words of a class or id naming a widget of shoppers' reviews.
REVIEW_TOKENS = frozenset({"review", "reviews", "ratings"})
#: ...unless it also says the reviews are the publisher's, the description's (critics' quotes
#: set among the product's own text) or testimonials the seller chose: the seller's copy.
EDITORIAL_TOKENS = frozenset(
    {"editorial", "editorials", "description", "testimonial", "testimonials"}
)
# The names of the body's elements, read in C; the few that hold a review word are looked at
# in Python (a case-folding XPath test on every element cost 20-30 ms on a shop's page).
_NAMES = etree.XPath(
    "/html/body//*/@class | /html/body//*/@id | /html/body//*/@itemprop | /html/body//*/@itemtype"
)


def _candidates(root: html.HtmlElement) -> list[html.HtmlElement]:
    """Elements whose class, id, itemprop or itemtype holds a review word, in any case."""
    found: dict[html.HtmlElement, None] = {}
    for value in _NAMES(root):
        low = value.lower()
        if "review" in low or "ratings" in low:
            found[value.getparent()] = None
    return list(found)


#: The page keeps its reviews when what is left outside them has less prose than this.
LEFT_PROSE = 200.0


@lru_cache(maxsize=4096)
def _review_names(names: str) -> bool:
    found = tokens(names)
    return not found.isdisjoint(REVIEW_TOKENS) and found.isdisjoint(EDITORIAL_TOKENS)


def is_review(el: html.HtmlElement) -> bool:
    if el.get("itemprop") == "review" or "schema.org/Review" in el.get("itemtype", ""):
        return True
    return _review_names(f"{el.get('class', '')} {el.get('id', '')}")


def review_elements(root: html.HtmlElement) -> set[html.HtmlElement]:
    """The elements of the page that hold shoppers' reviews."""
    return {el for el in _candidates(root) if is_review(el) and not _in_sellers_copy(el)}


def _in_sellers_copy(el: html.HtmlElement) -> bool:
    """Whether a review stands in a block of testimonials or of the description."""
    return any(
        not tokens(f"{a.get('class', '')} {a.get('id', '')}").isdisjoint(EDITORIAL_TOKENS)
        for a in el.iterancestors()
    )


def without_reviews(
    chunks: list[Chunk], root: html.HtmlElement
) -> tuple[list[Chunk], set[html.HtmlElement]]:
    """The chunks of a product page outside its shoppers' reviews, and the review boxes left
    out (none when the page keeps them).

    A page that is all reviews (what is left has next to no prose) keeps them: then they are
    what the page has to say.
    """
    found = review_elements(root)
    if not found:
        return chunks, set()
    left = [c for c in chunks if not under(c.el, found)]
    if len(left) == len(chunks) or sum(max(chunk_score(c), 0.0) for c in left) < LEFT_PROSE:
        return chunks, set()
    return left, found
