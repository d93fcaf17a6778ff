"""Folded keys for comparing Vietnamese text: one place for every folding and key rule.

Pure functions on ``str`` (no rdflib), shared by the build, the scorer and the API, so that a
label folded at build time and a query folded at request time meet. Each key has one job:

- :func:`fold`: lowercase, no diacritics, đ → d (slugs, search keys);
- :func:`fold_keep_length` / :func:`tokens` / :func:`name_key`: names matched in running text,
  one character for one character so offsets still point into the text; administrative
  abbreviations expanded, ``và``/``&`` ignored, y = i (``Sở KH&CN`` = ``Sở Khoa học và Công nghệ``);
- :func:`label_key`: a label as the ``pg:searchKey`` literal the build writes;
- :func:`fold_words`: the words of a label or a query, for the label search index;
- :func:`match_key` / :func:`unit_key`: the gold-scoring rules of ``docs/gold-format.md``;
- :func:`unit_words_key`: units that measure the same thing (``% GRDP`` ~ ``% GDP``), for the audit.

Keys are for comparison only — never shown.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

Tokens = tuple[str, ...]
BREAK = "|"  # the token sentence punctuation becomes: no name is matched across it


def fold(text: str) -> str:
    """Vietnamese text without diacritics, lowercase (đ → d), for keys and slugs."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", stripped).lower()


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    folded = fold(char)
    if len(folded) != 1:
        lowered = char.lower()
        return lowered if len(lowered) == 1 else char
    return "i" if folded == "y" else folded


def fold_keep_length(text: str) -> str:
    """Lowercase, diacritics off, đ → d, y → i (tỉ/tỷ, kĩ/kỹ); one character for one character."""
    return "".join(_fold_char(c) for c in text)


# Abbreviations of administrative language, expanded in every key (text and labels alike).
_EXPANSIONS: dict[Tokens, Tokens] = {
    ("ubnd",): ("ui", "ban", "nhan", "dan"),
    ("hdnd",): ("hoi", "dong", "nhan", "dan"),
    ("bcd",): ("ban", "chi", "dao"),
    ("mttq",): ("mat", "tran", "to", "quoc"),
    ("khcn",): ("khoa", "hoc", "cong", "nghe"),
    ("kh", "cn"): ("khoa", "hoc", "cong", "nghe"),
    ("tt", "tt"): ("thong", "tin", "truien", "thong"),
    ("tttt",): ("thong", "tin", "truien", "thong"),
    ("gd", "dt"): ("giao", "duc", "dao", "tao"),
    ("gddt",): ("giao", "duc", "dao", "tao"),
    ("dmst",): ("doi", "moi", "sang", "tao"),
    ("cds",): ("chuien", "doi", "so"),
    ("tp",): ("thanh", "pho"),
    ("hcm",): ("ho", "chi", "minh"),
    ("tw",): ("trung", "uong"),
    ("dbqh",): ("dai", "bieu", "quoc", "hoi"),
}
_DROPPED = {"va", "&"}
_TOKEN = re.compile(r"[a-z0-9]+|&|[;:!?\n]|\.(?=\s|$)")
_ABBREV_IN_PARENS = re.compile(r"(?<=\w) \([a-z&]{2,10}\)(?= \w)")


@dataclass(frozen=True)
class Token:
    key: str
    start: int
    end: int


def tokens(text: str) -> list[Token]:
    """Folded word tokens with their offsets in ``text``; abbreviations expanded, ``và`` dropped.

    Sentence punctuation becomes a :data:`BREAK` token, so no name is matched across it.
    """
    folded = _ABBREV_IN_PARENS.sub(lambda m: " " * len(m.group()), fold_keep_length(text))
    raw = [
        Token(BREAK if m.group() in ".;:!?\n" else m.group(), m.start(), m.end())
        for m in _TOKEN.finditer(folded)
    ]
    result: list[Token] = []
    index = 0
    while index < len(raw):
        for width in (3, 2, 1):
            window = raw[index : index + width]
            words = tuple(t.key for t in window if t.key != "&")
            if (
                len(window) == width
                and words in _EXPANSIONS
                and (width == 1 or window[1].key == "&")
            ):
                result.extend(Token(k, window[0].start, window[-1].end) for k in _EXPANSIONS[words])
                index += width
                break
        else:
            if raw[index].key not in _DROPPED:
                result.append(raw[index])
            index += 1
    return result


@lru_cache(maxsize=65536)
def name_key(text: str) -> Tokens:
    """The key of a name: its folded tokens as a tuple."""
    return tuple(t.key for t in tokens(text) if t.key != BREAK)


def label_key(label: str) -> str:
    """A label folded with its runs of whitespace made one space: the ``pg:searchKey`` literal."""
    return " ".join(fold(label).split())


_ALNUM_WORD = re.compile(r"[a-z0-9]+")


def fold_words(text: str) -> list[str]:
    """The folded ASCII words of a label or a query (punctuation dropped)."""
    return _ALNUM_WORD.findall(fold(text))


_WORD = re.compile(r"\w+", re.UNICODE)


def match_key(text: str) -> str:
    """Folded words joined by spaces: no case, diacritics, tone placement, tỉ/tỷ or punctuation."""
    words = _WORD.findall(fold(text).replace("_", " "))
    return " ".join(w.replace("y", "i") for w in words)


def unit_key(unit: str | None) -> str:
    """Units compared without case, diacritics, spaces or ``tỉ``/``tỷ`` spelling."""
    if not unit:
        return ""
    folded = fold(unit).replace("y", "i").replace("phan tram", "%")
    return re.sub(r"[^a-z0-9%/]", "", folded)


UNIT_EQUIVALENTS = {"grdp": "gdp"}  # a province's share of its GRDP answers a share of GDP


def unit_words_key(unit: str) -> str:
    """A normalised unit as folded words, equivalent words made one (``% GRDP`` → ``% gdp``)."""
    words = fold(unit).replace("%", " % ").split()
    return " ".join(UNIT_EQUIVALENTS.get(word, word) for word in words)
