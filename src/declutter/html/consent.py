"""Tree: drop cookie-consent banners and dialogs, named for a consent manager or by their
ARIA role, before the page is read."""

from __future__ import annotations

import re

from lxml import etree, html

from ..patterns import tokens

_TEXT = etree.XPath("string()")
#: A banner holding at least this share of the page's text is the page (a site that names its
#: wrapper so, an overlay that is the page itself): left alone.
PAGE_SHARE = 0.8


CONSENT_TOKENS = frozenset({"consent", "onetrust", "cookiebot", "usercentrics", "didomi"})
_BODY_NAMES = etree.XPath("/html/body//@class | /html/body//@id", smart_strings=False)
_BODY_NAMED = etree.XPath("/html/body//@class | /html/body//@id")
CONSENT_NAME = re.compile("|".join(sorted(CONSENT_TOKENS)), re.IGNORECASE)
_COOKIE_WORD = re.compile(r"cookie", re.IGNORECASE)


def drop_consent(root: html.HtmlElement, named: bool | None) -> None:
    """Drop cookie-consent dialogs: never content, and they explain every kind of cookie at
    more length than the short posts of a thread or the few lines of a product page.

    The dialog is named so by its class or id and speaks of cookies; an element holding most
    of the page (a site that names its wrapper so) is left alone.
    """
    # One search over all the names joined (in C) first: most pages have no such dialog.
    if not named and not CONSENT_NAME.search(" ".join(_BODY_NAMES(root))):
        return
    total = len(_TEXT(root)) or 1
    for name in _BODY_NAMED(root):
        el = name.getparent()
        if el is None or not CONSENT_NAME.search(name) or el.getparent() is None:
            continue
        if tokens(f"{el.get('class', '')} {el.get('id', '')}").isdisjoint(CONSENT_TOKENS):
            continue
        text = _TEXT(el)
        if _COOKIE_WORD.search(text) and len(text) / total < PAGE_SHARE:
            el.drop_tree()


# A dialog by its ARIA role: what a script lays over the page, the page staying behind it.
_DIALOGS = etree.XPath("/html/body//*[@role='dialog' or @role='alertdialog' or @aria-modal='true']")
# The same test over the attributes alone, a third of the cost: most pages have no dialog.
_ROLES = etree.XPath("/html/body//@role | /html/body//@aria-modal", smart_strings=False)
_DIALOG_VALUES = frozenset({"dialog", "alertdialog", "true"})


def drop_cookie_dialogs(root: html.HtmlElement) -> None:
    """Drop dialogs that speak of cookies, however their classes are named.

    A consent banner or its preference centre is a dialog laid over the page; a shop or a
    store names its own ("cos-banner", "ensModal") after no consent manager, and keeping
    hidden panels (see strip_tree) keeps them too.  A dialog holding most of the page is the
    page itself, shown as an overlay, and is left alone.
    """
    if _DIALOG_VALUES.isdisjoint(_ROLES(root)):
        return
    total = 0  # the page's text, measured before the first drop and only if one is near
    for el in _DIALOGS(root):
        if el.getparent() is None:
            continue
        text = _TEXT(el)
        if not _COOKIE_WORD.search(text):
            continue
        total = total or len(_TEXT(root)) or 1
        if len(text) / total < PAGE_SHARE:
            el.drop_tree()
