"""Blocks → kept blocks + what was removed and why: duplicates, boilerplate, captions.

Written once for HTML and text: both arrive here as lists of chunks.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

from .deadline import check_deadline
from .model import Removed
from .patterns import BOILERPLATE_LINES, QUOTE_MARKS

# Beside the common quotes, the rarer reversed and prime-like marks and guillemets.
_QUOTES = str.maketrans({**QUOTE_MARKS, "‛": "'", "´": "'", "‟": '"', "«": '"', "»": '"'})
_SPACE = re.compile(r"\s+")
_TRAILING_ELLIPSIS = re.compile(r"(\.\.\.|…)\s*$")


class Judged(Protocol):
    """What prune needs of a block: its type and its plain text."""

    @property
    def type(self) -> str: ...

    @property
    def text(self) -> str: ...


def fold(text: str) -> str:
    """Fold quote styles, case and white space, so that near-copies compare equal."""
    return _SPACE.sub(" ", text.translate(_QUOTES)).strip().lower()


#: The commonest widget labels in other languages (advertisement, share, read also, more on
#: the topic, copyright lines), whole-line matches only.  Help, not the rule: structure decides.
_MORE_BOILERPLATE = re.compile(
    r"^(?:anzeige|werbung|publicité|publicidad|publicidade|pubblicità|reklama|reklame|"
    r"advertentie|annons|mainos|реклама|реклама|广告|廣告|広告|광고|إعلان|פרסומת|διαφήμιση|"
    r"teilen|partager|compartir|compartilhar|condividi|udostępnij|delen|dela|del|jaa|"
    r"поделиться|поділитися|分享(?:到)?|シェア|공유하기|مشاركة|"
    r"mehr zum thema|weitere artikel|lire aussi|à lire aussi|voir aussi|leia também|"
    r"veja também|lee también|ver también|leggi anche|czytaj też|lees ook|läs också|"
    r"читайте также|смотрите также|相关阅读|相關閱讀|関連記事|관련 기사|"
    r"(?:jump|go|skip)(?: directly)? to (?:the )?(?:main )?content|zum inhalt(?: springen)?|"
    r"aller au contenu(?: principal)?|saltar al contenido(?: principal)?|ir al contenido|"
    r"ir para o conteúdo|vai al contenuto|naar de inhoud|przejdź do treści|"
    r"перейти к (?:содержимому|содержанию|основному содержанию)|跳到主要内容|跳至主要內容|"
    r"alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|"
    r"todos os direitos reservados|tutti i diritti riservati|wszelkie prawa zastrzeżone|"
    r"все права защищены|\(c\) .{1,80}|版权所有.*|版權所有.*|(?:版权|版權).{0,40}|無断転載.*)$",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=8192)
def is_boilerplate(text: str) -> bool:
    """A whole block that is a known widget label or call to action."""
    if len(text) > 300:
        return False
    folded = _SPACE.sub(" ", text).strip().strip(":.!|-–—»›：").strip()
    return len(folded) < 200 and bool(
        BOILERPLATE_LINES.match(folded) or _MORE_BOILERPLATE.match(folded)
    )


T = TypeVar("T", bound=Judged)

#: The block types searched for copies unless the caller says otherwise.
DEDUPE_TYPES = frozenset({"paragraph", "quote", "heading"})


def prune_blocks(
    blocks: Sequence[T],
    *,
    headline: str | None = None,
    dedupe_window: int | None = None,
    origin: Callable[[T], object] | None = None,
    dedupe_types: frozenset[str] = DEDUPE_TYPES,
    far_chars: int | None = None,
    min_chars: int | None = None,
) -> tuple[list[T], list[Removed]]:
    """Drop boilerplate lines, duplicates (also truncated copies) and the headline repeated.

    ``dedupe_window`` limits the duplicate search to that many preceding blocks: in HTML a lede
    printed twice sits right beside its copy, while a line repeated far apart (a recipe's
    "Containers: 1 Green" under each meal) is content.

    ``origin`` names where a block came from (its parent element): the same text written twice
    in one place is the author's own repetition, not a copy; a copy comes from elsewhere (a
    dek above the body) or reads differently (other quote marks, a truncated ending).

    ``dedupe_types`` are the block types searched for copies.  A block of ``far_chars`` or
    more is searched for over the whole page, whatever the window.  Blocks shorter than
    ``min_chars`` (25 unless told) are never taken for copies: short lines recur as content.
    """
    shortest = _MIN_DUP if min_chars is None else min_chars
    kept: list[T] = []
    removed: list[Removed] = []
    seen: list[str] = []
    sources: list[tuple[object, str]] = []
    where: dict[str, list[int]] = {}  # folded text → its positions in ``seen`` (linear time)
    head = fold(headline) if headline else None
    for block in blocks:
        check_deadline()
        text = block.text
        if block.type == "image" or not text:
            kept.append(block)
            continue
        folded = fold(text)
        if block.type != "code" and is_boilerplate(text):
            removed.append(Removed(text, "boilerplate"))
            continue
        if head and block.type in ("heading", "paragraph") and folded == head:
            removed.append(Removed(text, "headline"))
            continue
        src = origin(block) if origin is not None else None
        if block.type in dedupe_types and len(folded) >= shortest:
            lo = 0
            if dedupe_window is not None and (far_chars is None or len(folded) < far_chars):
                lo = max(0, len(seen) - dedupe_window)
            copy = any(
                i >= lo and (origin is None or sources[i] != (src, text))
                for i in where.get(folded, ())
            )
            if not copy and _is_truncated(folded):
                earlier = [
                    seen[i]
                    for i in range(lo, len(seen))
                    if origin is None or sources[i] != (src, text)
                ]
                copy = is_duplicate_of(folded, earlier)
            if copy:
                removed.append(Removed(text, "duplicate"))
                continue
        where.setdefault(folded, []).append(len(seen))
        seen.append(folded)
        sources.append((src, text))
        kept.append(block)
    return kept, removed


_MIN_DUP = 25


def _is_truncated(folded: str) -> bool:
    return bool(_TRAILING_ELLIPSIS.search(folded))


def is_duplicate_of(folded: str, seen: Sequence[str]) -> bool:
    """Whether ``folded`` (see :func:`fold`) repeats or truncates an earlier block."""
    if len(folded) < _MIN_DUP:
        return False
    stem = _TRAILING_ELLIPSIS.sub("", folded).rstrip()
    truncated = stem != folded
    for earlier in seen:
        if earlier == folded:
            return True
        if truncated and len(stem) >= 40 and earlier.startswith(stem):
            return True
    return False


#: Lines this short are compared by what stands before them (see drop_repeated_pairs).
PAIR_MIN_CHARS = 5


def drop_repeated_pairs(blocks: Sequence[T]) -> tuple[list[T], list[Removed]]:
    """Drop a short line that follows the same line as it did before: a layout's copy.

    A product page prints its name and price again in a sticky bar, and its badges and
    perks again for small screens; each line is too short to be taken for a copy alone
    (``prune_blocks``), but the pair it forms with the line before it recurs.  A
    specification's labels recur too, each before another value, and stay.
    """
    kept: list[T] = []
    removed: list[Removed] = []
    seen: set[tuple[str | None, str]] = set()
    before: str | None = None
    for block in blocks:
        if block.type == "image" or not block.text:
            kept.append(block)
            continue
        folded = fold(block.text)
        pair = (before, folded)
        before = folded
        short = PAIR_MIN_CHARS <= len(folded) < _MIN_DUP
        if pair in seen and short and block.type in ("paragraph", "heading"):
            removed.append(Removed(block.text, "duplicate"))
            continue
        seen.add(pair)
        kept.append(block)
    return kept, removed
