"""Quoted posts in a thread: a reply that quotes an earlier post repeats it word for word.

Forum engines put the post a reply answers in a quote box at the reply's head ("jdoe said:
…", "Click to expand..."); on the page the quoted post already stands in full above it.
Kept, every quote is that post's text twice over.  A quote is dropped when most of it was
already given earlier in the thread; a quote of something not on the page (a post on an
earlier page of the thread, an outside source) stays, and so does a line or two picked out
of a post to answer it, which the reply needs to be read.
"""

from __future__ import annotations

import re

from .chunk import Chunk

#: A quote is a repeat when this share of its word runs was already given earlier.
REPEAT_SHARE = 0.8
#: Words in a run: long enough that common phrases do not make a quote look repeated.
RUN_WORDS = 4
#: A quote of fewer runs than this (a line picked out to answer it) is the reply's context
#: and stays, repeated or not.
QUOTE_RUNS = 12
_WORD = re.compile(r"\w+")


def _runs(text: str) -> set[tuple[str, ...]]:
    """The runs of words of a text's lines; lines shorter than a run (a quote's "jdoe said:"
    and "Click to expand...") count only when the text has no longer one."""
    lines = [[w.lower() for w in _WORD.findall(line)] for line in text.splitlines()]
    long = [words for words in lines if len(words) >= RUN_WORDS]
    if not long:
        return {tuple(words) for words in lines if words}
    return {
        tuple(words[i : i + RUN_WORDS]) for words in long for i in range(len(words) - RUN_WORDS + 1)
    }


def without_repeated_quotes(chunks: list[Chunk]) -> list[Chunk]:
    """The thread's chunks without the quotes of posts it already gave, in order."""
    if not any(c.type == "quote" for c in chunks):
        return chunks
    seen: set[tuple[str, ...]] = set()
    kept: list[Chunk] = []
    for chunk in chunks:
        runs = _runs(chunk.text)
        repeated = len(runs & seen) >= REPEAT_SHARE * len(runs)
        if chunk.type == "quote" and len(runs) >= QUOTE_RUNS and repeated:
            continue
        seen |= runs
        kept.append(chunk)
    return kept
