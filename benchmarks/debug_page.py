"""Show how declutter sees one page: container chosen, each chunk with its score and fate.

python benchmarks/debug_page.py PATH_OR_CORPUS_ID [--all]
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

from declutter.decode import decode
from declutter.html.locate import locate
from declutter.html.parse import parse_html
from declutter.html.segment import segment
from declutter.html.strip import clutter_elements, strip_tree
from declutter.html.vote import chunk_score
from declutter.meta.collect import extract_metadata

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus" / "scrapinghub" / "html"


def main() -> None:
    arg = sys.argv[1]
    path = Path(arg)
    if not path.exists():
        path = next(CORPUS.glob(f"{arg}*"))
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    root = parse_html(decode(data))
    meta = extract_metadata(root)
    print("headline:", meta.headline)
    strip_tree(root)
    chunks = segment(root)
    located = locate(chunks, clutter_elements(root))
    container = located.container
    inside = {id(c) for c in located.chunks}
    if container is not None:
        print("container:", container.tag, container.get("class"), container.get("id"))
    for c in chunks:
        mark = "+" if id(c) in inside else " "
        if "--all" not in sys.argv and mark == " " and abs(chunk_score(c)) < 50:
            continue
        print(
            f"{mark} {chunk_score(c):7.0f} {c.type[:4]} ld={c.link_density:.2f} "
            f"<{c.el.tag} {c.el.get('class', '')[:30]}> {c.text[:90]!r}"
        )


if __name__ == "__main__":
    main()
