"""Short agency names for crowded views: the abbreviations Vietnamese documents themselves use.

"Sở Khoa học và Công nghệ tỉnh Bình Dương" is drawn as "Sở KH&CN · Bình Dương": the place is
moved to the end (so two departments of the same name tell apart) and the long ministry words
take the short forms of official usage (Bộ KH&CN, UBND, TT&TT…).
"""

from __future__ import annotations

import re
import unicodedata

from ontology.vocabulary import ID_BASE

# The dependency view's root when none is asked for (light here: the API's routes name it
# without importing networkx).
DEFAULT_ROOT = ID_BASE + "document/57-ntw-2024"

# Longest first: "Khoa học và Công nghệ" before "Khoa học".
ABBREVIATIONS = (
    ("Lao động - Thương binh và Xã hội", "LĐ-TB&XH"),
    ("Lao động – Thương binh và Xã hội", "LĐ-TB&XH"),
    ("Nông nghiệp và Phát triển nông thôn", "NN&PTNT"),
    ("Văn hóa, Thể thao và Du lịch", "VH-TT&DL"),
    ("Nông nghiệp và Môi trường", "NN&MT"),
    ("Khoa học và Công nghệ", "KH&CN"),
    ("Thông tin và Truyền thông", "TT&TT"),
    ("Tài nguyên và Môi trường", "TN&MT"),
    ("Giáo dục và Đào tạo", "GD&ĐT"),
    ("Tuyên giáo và Dân vận", "TG&DV"),
    ("Kế hoạch và Đầu tư", "KH&ĐT"),
    ("Giao thông vận tải", "GTVT"),
    ("Ủy ban nhân dân", "UBND"),
    ("Uỷ ban nhân dân", "UBND"),
    ("Hội đồng nhân dân", "HĐND"),
    ("Trung ương", "TW"),
)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def short_agency_name(label: str, place: str | None = None, *, limit: int = 32) -> str:
    """A short, distinguishing label: abbreviations applied, the place moved to the end."""
    name = " ".join(nfc(label).split())
    suffix = ""
    if place and place != "Việt Nam":
        place = nfc(place)
        without = re.sub(rf"\s*(?:\b(?:tỉnh|thành phố)\s+)?{re.escape(place)}$", "", name)
        if without and without != name:
            name = without
        suffix = f" · {place}"
    for long, short in ABBREVIATIONS:
        name = name.replace(long, short)
    if len(name) > limit:
        cut = name[:limit].rsplit(" ", 1)[0] or name[:limit]
        name = cut.rstrip(",") + "…"
    return name + suffix


def fold_key(text: str) -> str:
    """A sort key that ignores case and diacritics (Bình Định after Bắc Ninh, before Cà Mau)."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
