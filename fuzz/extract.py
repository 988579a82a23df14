#!/usr/bin/env python3
"""Coverage-guided fuzz target for declutter (atheris / libFuzzer).

Every input is extracted as each input kind (auto, html, text, markdown) and the result is
rendered to every output format. A crash is any exception that is not a DeclutterError, a
record that does not validate against the shipped JSON schema, Markdown that carries something
live (raw <script>, javascript: link targets), HTML output (when a renderer exists) with
scripts, on* handlers or javascript: URLs, or one extraction slower than the deadline.

    .venv/bin/python fuzz/extract.py fuzz/corpus fuzz/seeds -max_len=65536 -timeout=30

See fuzz/README.md. ``python fuzz/extract.py --check FILE...`` runs the same checks on files
without atheris (to triage a crash-* file).
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
import zlib
from typing import Any

#: Wall-clock seconds one extraction of a (<= 64 KiB) input may take: 5, or 15 under atheris
#: (its coverage instrumentation slows the Python code about threefold). Triage with --check.
_INSTRUMENTED = __name__ == "__main__" and "--check" not in sys.argv
DEADLINE = float(os.environ.get("DECLUTTER_FUZZ_DEADLINE", "15" if _INSTRUMENTED else "5"))
KINDS = ("auto", "html", "text", "markdown")

_LIVE_URL = re.compile(r"^\s*(javascript|vbscript|livescript)\s*:", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")


def _import_declutter() -> Any:
    """declutter, instrumented for coverage when this file runs as the atheris target."""
    if not _INSTRUMENTED:
        # Imported by the test suite (the same checks run there) or triaging: no atheris.
        import declutter
    else:
        import atheris

        with atheris.instrument_imports(include=["declutter"]):
            import declutter
    return declutter


declutter = _import_declutter()


def _warm_up() -> None:
    """One page of each kind before anything is timed: the first extraction in a process loads
    lazy imports and models (language identification, date search), seconds on a busy machine,
    which the per-page deadline is not about."""
    page = (
        b"<html><head><meta charset='x-bogus'><title>Warm up</title></head><body><h1>Warm up"
        b"</h1><p>Published 3 March 2024. Lazy imports and models load on the first page.</p>"
        b"</body></html>"
    )
    for kind in KINDS:
        declutter.extract(page, input=kind)


_warm_up()

try:
    from jsonschema import Draft202012Validator

    from declutter.schema import article_schema

    _VALIDATOR: Any = Draft202012Validator(article_schema())
except ImportError:  # the dev extra is not installed: no schema check
    _VALIDATOR = None

try:
    from markdown_it import MarkdownIt

    _MD: Any = MarkdownIt("commonmark")
    # Accept every link target so a dangerous one shows up as a link token (the default
    # validator would silently leave it as text and hide what a laxer renderer makes live).
    _MD.validateLink = lambda url: True
except ImportError:
    _MD = None


def is_live_url(url: str) -> bool:
    """A javascript:/vbscript: URL, as a browser reads it (control chars and spaces ignored)."""
    return bool(_LIVE_URL.match(_CONTROL.sub("", url)))


def html_renderer() -> Any:
    """The Article → HTML renderer when one exists (``--format html``), else None.

    ``Article.to_html()`` when the model has it; else a ``render_html`` function in one of the
    places a renderer would live, called like ``render_markdown``: on the record the renderers
    read (``Article.to_render_dict()``).
    """
    method = getattr(declutter.Article, "to_html", None)
    if method is not None:
        return lambda article: method(article)
    for module in (
        "declutter.render",
        "declutter.render_html",
        "declutter.html_render",
        "declutter.render.html",
        "declutter.html.render",
    ):
        try:
            mod = __import__(module, fromlist=["render_html"])
        except ImportError:
            continue
        fn = getattr(mod, "render_html", None)
        if fn is not None:
            return lambda article: fn(article.to_render_dict())
    return None


_HTML = html_renderer()


def live_markdown(md: str) -> list[str]:
    """What in this Markdown would be live once rendered: script tags, javascript: targets."""
    problems: list[str] = []
    if _MD is None:
        return problems
    stack = list(_MD.parse(md))
    while stack:
        tok = stack.pop()
        if tok.children:
            stack.extend(tok.children)
        if tok.type in ("html_block", "html_inline"):
            problems += [f"raw HTML {p}" for p in live_html(tok.content, fragment=True)]
        for name in ("href", "src"):
            value = tok.attrGet(name)
            if isinstance(value, str) and is_live_url(value):
                problems.append(f"{tok.type} {name}={value[:60]!r}")
    return problems


_RAW_SCRIPT = re.compile(r"<\s*script\b", re.IGNORECASE)
_RAW_HANDLER = re.compile(r"<[a-zA-Z][^>]*?[\s/\"']on[a-zA-Z]+\s*=", re.DOTALL)
_RAW_URL = re.compile(
    r"<[a-zA-Z][^>]*?\b(?:href|src|action|formaction|data)\s*=\s*[\"']?([^\"'>\s]*)", re.DOTALL
)


def live_html(markup: str, *, fragment: bool = False) -> list[str]:
    """Script elements, on* handler attributes and javascript: URLs in an HTML string.

    A fragment (raw HTML inside Markdown) is read with patterns, as a Markdown renderer passes
    it through without parsing; a document (HTML output) is parsed with lxml.
    """
    if not markup.strip():
        return []
    if fragment:
        problems = ["<script>"] if _RAW_SCRIPT.search(markup) else []
        if _RAW_HANDLER.search(markup):
            problems.append("on* handler")
        problems += [f"url {u[:60]!r}" for u in _RAW_URL.findall(markup) if is_live_url(u)]
        return problems
    from lxml import etree
    from lxml import html as lxml_html

    try:
        tree = lxml_html.document_fromstring(markup)
    except (etree.ParserError, ValueError) as exc:
        return [f"unparseable HTML output: {exc}"]
    problems = []
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag.lower() == "script":
            problems.append("<script>")
        for name, value in el.attrib.items():
            if name.lower().startswith("on"):
                problems.append(f"<{el.tag} {name}=>")
            elif name.lower() in ("href", "src", "action", "formaction", "xlink:href") and (
                is_live_url(value)
            ):
                problems.append(f"<{el.tag} {name}={value[:60]!r}>")
    return problems


def check_article(article: Any, label: str) -> None:
    """Every invariant of one extracted article; raises AssertionError naming the first."""
    assert isinstance(article, declutter.Article), f"{label}: got {type(article).__name__}"
    for explain in (False, True):
        record = article.to_dict(explain=explain)
        if _VALIDATOR is not None:
            errors = [
                f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message[:200]}"
                for e in _VALIDATOR.iter_errors(record)
            ]
            assert not errors, f"{label}: record not schema-valid: {errors[:3]}"
    # Every output can be written out: UTF-8 encodable (no lone surrogates), JSON that reads back.
    assert json.loads(article.to_json(indent=None).encode("utf-8")) == json.loads(article.to_json())
    article.to_text().encode("utf-8")
    md = article.to_markdown()
    assert isinstance(md, str)
    md.encode("utf-8")
    problems = live_markdown(md)
    assert not problems, f"{label}: live Markdown: {problems[:3]}"
    if _HTML is not None:
        out = _HTML(article)
        problems = live_html(out)
        assert not problems, f"{label}: live HTML output: {problems[:3]}"


def extract_and_check(data: bytes | str, kind: str, options: Any = None) -> Any:
    """One extraction: Article or DeclutterError (returned), within the deadline, outputs sound."""
    options = options or declutter.Options()
    size = len(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
    timed = size <= 64 * 1024
    for attempt in (1, 2):
        start = time.perf_counter()
        try:
            out = declutter.extract(data, input=kind, options=options, url="https://e.org/a")
        except declutter.DeclutterError as err:
            out = err
        elapsed = time.perf_counter() - start
        if not timed or elapsed < DEADLINE:
            break
        # Once more before calling it slow: on a shared machine one run can lose the core.
        assert attempt == 1, f"{kind}: {size} bytes took {elapsed:.1f}s, twice"
    if isinstance(out, declutter.Article):
        check_article(out, kind)
    return out


def _options(data: bytes, i: int) -> Any:
    # Vary the options with the input (cheaply, so the fuzzer can steer them too).
    return declutter.Options(
        mode=("balanced", "precision", "recall")[(len(data) + i) % 3],
        images=bool(len(data) & 1),
        tables=bool(len(data) & 2),
        explain=True,
    )


def run_one(data: bytes) -> None:
    """Extract ``data`` as every input kind and check everything the outputs promise."""
    for i, kind in enumerate(KINDS):
        extract_and_check(data, kind, _options(data, i))


def run_fuzz_one(data: bytes) -> None:
    """One input kind per execution, picked by a checksum of the input: four times the
    executions of ``run_one``, and every mutant of a page gets a fresh pick."""
    i = zlib.crc32(data) & 3
    extract_and_check(data, KINDS[i], _options(data, i))


#: DECLUTTER_FUZZ_COLLECT=DIR: a failure is saved under DIR (one file per kind of failure, the
#: smallest input kept) and the run goes on, instead of stopping at the first crash. For long
#: unattended runs; CI leaves it unset so a crash fails the run.
COLLECT = os.environ.get("DECLUTTER_FUZZ_COLLECT")
_seen: dict[str, int] = {}


def signature(exc: BaseException) -> str:
    """What kind of failure this is: the exception and where it was raised, no input details."""
    import traceback

    frames = traceback.extract_tb(exc.__traceback__)
    if isinstance(exc, AssertionError) and frames and frames[-1].filename == __file__:
        # A property this target checks: the message, input details blanked out.
        return re.sub(r"'[^']*'|\"[^\"]*\"|\d+(\.\d+)?", "_", str(exc))[:120]
    ours = [f for f in frames if "/declutter/" in f.filename] or frames[-1:]
    place = f"{os.path.basename(ours[-1].filename)}:{ours[-1].lineno}" if ours else "?"
    return f"{type(exc).__name__} at {place}"


def _collect(data: bytes, exc: BaseException) -> None:
    import hashlib

    assert COLLECT is not None
    sig = signature(exc)
    key = hashlib.sha1(sig.encode()).hexdigest()[:12]
    if key in _seen and _seen[key] <= len(data):
        return
    _seen[key] = len(data)
    os.makedirs(COLLECT, exist_ok=True)
    with open(os.path.join(COLLECT, f"{key}.bin"), "wb") as fh:
        fh.write(data)
    with open(os.path.join(COLLECT, f"{key}.txt"), "w", encoding="utf-8") as fh:
        fh.write(f"{sig}\n{type(exc).__name__}: {str(exc)[:2000]}\n")
    print(f"FOUND {key} ({len(data)} bytes): {sig}", file=sys.stderr, flush=True)


def TestOneInput(data: bytes) -> None:  # the name atheris expects
    if COLLECT is None:
        run_fuzz_one(data)
        return
    try:
        run_fuzz_one(data)
    except Exception as exc:  # collect mode records every failure, goes on
        _collect(data, exc)


def _check_files(paths: list[str]) -> int:
    failed = 0
    for path in paths:
        with open(path, "rb") as fh:
            data = fh.read()
        try:
            run_one(data)
        except Exception as exc:  # triage reports every failure
            failed += 1
            print(f"FAIL {path}: {type(exc).__name__}: {str(exc)[:300]}")
        else:
            print(f"ok   {path}")
    return 1 if failed else 0


def main() -> None:
    if "--check" in sys.argv:
        sys.exit(_check_files([a for a in sys.argv[1:] if a != "--check"]))
    import atheris

    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
