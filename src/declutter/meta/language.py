"""The language of a page: declared (``lang``, ``content-language``, ``og:locale``, JSON-LD)
or identified from its text by py3langid, trusted only when it is sure.

py3langid (a maintained langid.py: naive Bayes over byte n-grams, 97 languages, its model inside
the package) answers when its normalised probability is at least 0.8, or at least 0.3 when the
script and function-word count of :func:`_stopword_guess` names the same language; else the
language is null.  Measured on the 1,638 corpus pages that declare a language (declaration
stripped, the text sample the HTML path uses): right 99.3 %, wrong 0.3 %, null 0.4 %, against
97.7 / 1.7 / 0.6 for function words alone; lingua-language-detector was no better (99.4 / 0.6)
at ten times the time, a 96 MB install and 40 s to load.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from typing import Any

from lxml import html

from .jsonld import JsonLd, first_text

_TAG = re.compile(r"^([a-zA-Z]{2,3})(?:[-_]([a-zA-Z]{4}))?(?:[-_]([a-zA-Z]{2}|\d{3}))?(?:[-_].*)?$")
_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_NAMES = {
    "english": "en", "german": "de", "deutsch": "de", "french": "fr", "français": "fr",
    "spanish": "es", "español": "es", "italian": "it", "italiano": "it", "portuguese": "pt",
    "português": "pt", "dutch": "nl", "nederlands": "nl", "russian": "ru", "chinese": "zh",
    "japanese": "ja", "korean": "ko", "arabic": "ar", "polish": "pl", "polski": "pl",
    "czech": "cs", "čeština": "cs", "swedish": "sv", "svenska": "sv", "turkish": "tr",
}  # fmt: skip
_UNDETERMINED = frozenset({"und", "mul", "zxx", "mis", "xx", "x-default"})


def normalize_language(value: str | None) -> str | None:
    """A BCP 47 tag (``en``, ``en-US``, ``zh-Hant-TW``) from a declared value, or None."""
    if not value:
        return None
    value = value.strip().split(",")[0].split(";")[0].strip()
    if not value or value.lower() in _UNDETERMINED:
        return None
    if value.lower() in _NAMES:
        return _NAMES[value.lower()]
    m = _TAG.match(value)
    if not m:
        return None
    lang, script, region = m.groups()
    out = lang.lower()
    if script:
        out += "-" + script.title()
    if region:
        out += "-" + region.upper()
    return out


# --- detection ------------------------------------------------------------------------------

_STOPWORDS: dict[str, frozenset[str]] = {
    code: frozenset(words.split())
    for code, words in {
        "en": "the and of to in is that it for was on are with as this be at by not from have "
              "or but which you his they we an has were their been would will there what its",
        "de": "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als "
              "auch es an werden aus er hat dass sie nach wird bei einer um noch wie über so zum",
        "fr": "le la les de des et en un une du est que qui dans pour pas au sur par plus ne se "
              "ce il sont avec son sa mais ou aux été elle nous vous leur cette comme",
        "es": "el la de que y en los se del las un por con no una su para es al lo como más "
              "pero sus le ya o fue este ha sí porque esta son entre cuando muy sin sobre",
        "it": "il di che e la per un in è del non una sono da le si con gli al della dei nel "
              "alla anche ma più ha come lo questo delle ci nella essere",
        "pt": "de que o a e do da em um para é com não uma os no se na por mais as dos como mas "
              "foi ao ele das tem à seu sua ou ser quando muito há nos já está também",
        "nl": "de het een en van in is dat op te zijn voor met die niet aan er om ook als dan "
              "maar bij nog uit wordt door naar heeft wel zij hij kan deze",
        "sv": "och i att det som en på är av för med till den har de inte om ett han men var "
              "jag sig från vi så kan när efter också detta",
        "da": "og i at det er en til på de som med af for ikke der har den et var jeg men han "
              "om fra vi så kan efter også eller blev",
        "no": "og i det som er en på til av at for med har de ikke den jeg var om et men så "
              "han fra vi kan etter også eller ble",
        "fi": "ja on ei se että oli hän ovat kun mutta tai myös sen kuin mitä niin joka tämä "
              "ole vain jo sitä olla nyt hänen",
        "pl": "i w na z do że się nie jest to o jak ale po co tak za od są przez jego już może "
              "dla oraz który tylko jej",
        "cs": "a se v na je že to s z do o k i jako ale by pro jsou jeho už také jak když nebo "
              "který které byl bylo podle",
        "sk": "a sa v na je že to s z do o k i ako ale by pre sú jeho už aj keď alebo ktorý "
              "ktoré bol bolo podľa",
        "ro": "și în de la a cu pe o nu este că din se care un mai sunt pentru fost sau ca "
              "dar lui acest această",
        "hu": "a az és hogy nem is egy van meg csak de már el ki mint volt még azt ez vagy "
              "lesz pedig után kell",
        "tr": "ve bir bu da de için ile çok ne daha gibi olarak olan en ama kadar sonra her "
              "değil mi ki var",
        "id": "yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ke karena ada "
              "oleh saya mereka sudah atau bisa",
        "ca": "el la de i que a en els les per un una amb no es del al més com però seu són "
              "va ha hi",
        "hr": "i je u na se da su za od a to s koji ne kao što iz ali bi su sa te ili",
        "vi": "và của là có được cho không những trong một các người này với đã khi đến",
        "ru": "и в не на что с по как это он к из его то но за от все она так о же был для "
              "был также только или",
        "uk": "і в на що з не та до як це у за від його але він є також із які її про або",
        "bg": "и на да в за се не от е с че по са като това ще които му но той си",
        "sr": "и у је да на се за од са су не као што из али или то",
    }.items()
}  # fmt: skip

_SCRIPT_RANGES: tuple[tuple[str, str], ...] = (
    ("Latn", "A-Za-z\u00c0-\u024f\u1e00-\u1eff"), ("Grek", "\u0370-\u03ff"),
    ("Cyrl", "\u0400-\u04ff"), ("Armn", "\u0530-\u058f"), ("Hebr", "\u0590-\u05ff"),
    ("Arab", "\u0600-\u06ff\u0750-\u077f"), ("Deva", "\u0900-\u097f"),
    ("Beng", "\u0980-\u09ff"), ("Guru", "\u0a00-\u0a7f"), ("Gujr", "\u0a80-\u0aff"),
    ("Taml", "\u0b80-\u0bff"), ("Telu", "\u0c00-\u0c7f"), ("Knda", "\u0c80-\u0cff"),
    ("Mlym", "\u0d00-\u0d7f"), ("Sinh", "\u0d80-\u0dff"), ("Thai", "\u0e00-\u0e7f"),
    ("Laoo", "\u0e80-\u0eff"), ("Mymr", "\u1000-\u109f"), ("Geor", "\u10a0-\u10ff"),
    ("Hang", "\u1100-\u11ff\uac00-\ud7af"), ("Ethi", "\u1200-\u137f"),
    ("Khmr", "\u1780-\u17ff"), ("Kana", "\u3040-\u30ff"),
    ("Hani", "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"),
)  # fmt: skip
_SCRIPT_RES = tuple((name, re.compile(f"[{chars}]")) for name, chars in _SCRIPT_RANGES)
_SCRIPT_LANG = {
    "Grek": "el", "Armn": "hy", "Hebr": "he", "Deva": "hi", "Beng": "bn", "Guru": "pa",
    "Gujr": "gu", "Taml": "ta", "Telu": "te", "Knda": "kn", "Mlym": "ml", "Sinh": "si",
    "Thai": "th", "Laoo": "lo", "Mymr": "my", "Geor": "ka", "Hang": "ko", "Ethi": "am",
    "Khmr": "km",
}  # fmt: skip
_PERSIAN = frozenset("پچژگکی")
_URDU = frozenset("ٹڈڑںےھ")


#: A probability at which py3langid is trusted alone, and one at which it needs agreement.
CONFIDENT = 0.8
PLAUSIBLE = 0.3
#: Labels that are no answer for a web page: "no linguistic content", and Latin, which the
#: model gives to English lists of names (2 of the 1,638 measured pages, none really Latin).
_NO_ANSWER = frozenset({"zxx", "la"})
_LOAD_LOCK = threading.Lock()


_MODEL: list[Any] = []


def load_model() -> Any:
    """py3langid's model, loaded once per process (2-4 s: it ships compressed).

    Batch workers are forked from a server that has loaded it already (:mod:`.langmodel`), so
    that no page's time budget pays for it.
    """
    if not _MODEL:
        with _LOAD_LOCK:
            if not _MODEL:
                from py3langid.langid import MODEL_FILE, LanguageIdentifier

                _MODEL.append(LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True))
    return _MODEL[0]


def detect_language(text: str | None) -> str | None:
    """The language of a text as a BCP 47 primary tag, or None when it cannot tell."""
    if not text:
        return None
    sample = text[:3000]
    if len(sample.strip()) < 20:
        return None
    label, probability = load_model().classify(sample)
    if label in _NO_ANSWER or probability < PLAUSIBLE:
        return None
    if probability >= CONFIDENT or _stopword_guess(sample) == label:
        return str(label)
    return None


def _stopword_guess(text: str) -> str | None:
    """The language a text's script and function words point to, or None.

    Scripts decide first (Han with kana is Japanese, Hangul Korean, Arabic letters Arabic,
    Persian or Urdu, …); Latin and Cyrillic text is told apart by counting function words.
    """
    sample = text[:4000]
    scripts: Counter[str] = Counter()
    for name, pattern in _SCRIPT_RES:
        found = len(pattern.findall(sample))
        if found:
            scripts[name] = found
    total = sum(scripts.values())
    if total < 12:
        return None
    top = scripts.most_common(1)[0][0]
    if scripts["Kana"] >= 0.05 * total or (top == "Kana"):
        return "ja"
    if top == "Hani":
        return "ja" if scripts["Kana"] > 0.02 * total else "zh"
    if top == "Arab":
        letters = [c for c in sample if "\u0600" <= c <= "\u06ff"]
        if sum(c in _URDU for c in letters) > 0.02 * len(letters):
            return "ur"
        if sum(c in _PERSIAN for c in letters) > 0.02 * len(letters):
            return "fa"
        return "ar"
    if top in _SCRIPT_LANG:
        return _SCRIPT_LANG[top]
    if top not in ("Latn", "Cyrl"):
        return None
    words = [w.lower() for w in _WORDS.findall(sample)]
    if len(words) < 4:
        return None
    candidates = (
        ("ru", "uk", "bg", "sr")
        if top == "Cyrl"
        else tuple(c for c in _STOPWORDS if c not in ("ru", "uk", "bg", "sr"))
    )
    counts = Counter(words)
    scores = {c: sum(counts[w] for w in _STOPWORDS[c]) for c in candidates}
    # Letters only one language of a script uses break ties between close relatives.
    if top == "Cyrl":
        scores["uk"] += 3 * sum(counts[w] for w in counts if any(ch in "іїєґ" for ch in w))
        scores["ru"] += 3 * sum(counts[w] for w in counts if any(ch in "ыэъё" for ch in w))
    best = max(scores, key=lambda c: scores[c])
    if scores[best] < max(2, 0.05 * len(words)):
        return None
    return best


def declared_language(
    root: html.HtmlElement, metas: dict[str, list[str]], jsonld: JsonLd
) -> str | None:
    """The language the page declares, most specific source first."""
    for value in (root.get("lang"), root.get("xml:lang")):
        found = normalize_language(value)
        if found:
            return found
    for key in ("content-language", "language", "dc.language", "dcterms.language", "og:locale"):
        for value in metas.get(key, ()):
            found = normalize_language(value)
            if found:
                return found
    for node in jsonld.articles() + jsonld.of_types(("WebPage", "WebSite")):
        found = normalize_language(first_text(node.get("inLanguage")))
        if found:
            return found
    body = root.find("body")
    if body is not None:
        found = normalize_language(body.get("lang"))
        if found:
            return found
    return None
