"""Folded keys for matching names: spelling variants that mean the same thing get the same key.

``Sở Khoa học & Công nghệ``, ``SỞ KHOA HỌC VÀ CÔNG NGHỆ`` and ``Sở Khoa học và Công nghệ``
share a key; so do ``Tỉnh uỷ``/``Tỉnh ủy`` (tone placement), ``tỉ``/``tỷ`` and ``kĩ``/``kỹ``
(i/y after a consonant).
Keys are for comparison only — never shown, never used as offsets.
"""

from __future__ import annotations

import re

from ingest.text.normalise import normalise
from ontology.slugs import fold

_NON_WORD = re.compile(r"[\W_]+")
# A syllable of consonants + a lone y (folded): kỹ, tỷ, lý, mỹ, sỹ, quy — spelt with i just as well.
_CONSONANT_Y = re.compile(r"\b([bcdghklmnpqrstvx]+)y\b")


def match_key(text: str) -> str:
    """Lowercase, diacritic-free, punctuation-free key: ``"Sở KH&CN"`` → ``"so kh va cn"``."""
    normalised, _ = normalise(text)
    folded = fold(normalised).replace("&", " va ")
    spaced = _NON_WORD.sub(" ", folded)
    return _CONSONANT_Y.sub(r"\1i", spaced).strip()
