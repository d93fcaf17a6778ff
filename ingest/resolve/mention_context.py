"""What the words around an agency name say about it: a name wrapped over two lines is one name,
"các Sở: Khoa học và Công nghệ, Tài chính, Nội vụ" names three departments, and a name in a photo
credit ("Ảnh: BTC") or inside a law's title ("Luật Tổ chức Chính phủ") names no body at work.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ingest.model import AgencyRef
from ingest.resolve.catalogue import Catalogue
from ingest.resolve.mentions import AgencyMention, curated_mentions, ref_of

# A line a transcription wrapped inside a name: "Sở Khoa học và Công\nnghệ", "Văn phòng Ủy\nban".
_WRAPPED = re.compile(r"(?<=[^\s.;:!?|*#])\n(?=[a-zđà-ỹ])")


def unwrap_lines(text: str) -> str:
    """``text`` with each wrapped line break (the next line opens in lower case, the line ends
    with no stop) turned into a space: same length, so offsets hold."""
    return _WRAPPED.sub(" ", text)


# "(Ảnh: BTC)", "Ảnh minh họa: Sở TT&TT", "Tin, ảnh: …": a credit, not a body at work.
_CREDIT_BEFORE = re.compile(
    r"(?:Ảnh|ảnh|Tin|Bài)(?:\s+minh\s+h(?:oạ|ọa|oa))?(?:\s*(?:,|và)\s*(?:ảnh|bài|tin))?\s*:\s*$"
)
# "Luật Tổ chức Chính phủ", "Luật Tổ chức Chính quyền địa phương": a law's title, not its body.
_LAW_TITLE_BEFORE = re.compile(r"Luật\s+(?:[Tt]ổ chức\s+)?$")


# "các cơ quan Đảng, Nhà nước, Mặt trận Tổ quốc Việt Nam, các tổ chức chính trị - xã hội": the
# parts of the political system, not the Front's committee.
_SYSTEM_BEFORE = re.compile(
    r"cơ quan (?:của\s+)?Đảng\s*,\s*(?:(?:Nhà nước|nhà nước|chính quyền)\s*,\s*)?$"
)
# "hệ thống thông tin báo cáo Chính phủ", "Cổng Dịch vụ công quốc gia": a system's name, whose
# owner is not at work in the sentence
# ("hệ thống điện toán đám mây của Chính phủ": a system of the body's, named by its owner)
_SYSTEM_NAME_BEFORE = re.compile(
    r"(?:[Hh]ệ thống(?: thông tin)?(?: báo cáo)?|[Cc]ổng thông tin điện tử|[Cc]ổng [Dd]ịch vụ công)"
    r"\s+$|(?:[Hh]ệ thống|[Nn]ền tảng|[Cc]ơ sở dữ liệu)(?:\s+[^\s,.;:()]+){0,5}\s+của\s+$"
)
# "Phó Thủ tướng Chính phủ Trần Lưu Quang": the Government named in a deputy's title
_DEPUTY_TITLE_BEFORE = re.compile(r"Phó Thủ tướng\s+$")
# "UBND các huyện, thị xã", "Ủy ban nhân dân cấp xã", "UBND các tỉnh, thành phố": every such
# committee, not the one of the text's province.
_EVERY_LOCAL_AFTER = re.compile(
    r"\s+(?:các|cấp)\s+(?:tỉnh|huyện|xã|quận|thị xã|phường|thị trấn)(?![\w])"
)


def named_at_work(text: str, mention: AgencyMention) -> bool:
    """Whether a mention names one body at work, not a photo's credit, words of a law's title or
    a system's name, a part of the political system or every local committee of a level."""
    if mention.ref.collective:
        return True
    if text[mention.start : mention.start + 3].lower() == "số ":
        return False  # "CHUYỂN ĐỔI SỐ Y TẾ": "số" folds like "Sở" but opens no department's name
    before = text[max(0, mention.start - 40) : mention.start]
    return not (
        _CREDIT_BEFORE.search(before)
        or _LAW_TITLE_BEFORE.search(before)
        or _SYSTEM_BEFORE.search(before)
        or _SYSTEM_NAME_BEFORE.search(before)
        or _DEPUTY_TITLE_BEFORE.search(before)
        or _EVERY_LOCAL_AFTER.match(text, mention.end)
    )


_DEPARTMENTS = re.compile(r"(?<![\w])[Cc]ác\s+(?P<kind>[Ss]ở|[Bb]ộ)\s*:\s*")
_LEVELS = {"sở": ("Sở", "provincial"), "bộ": ("Bộ", "national")}
_SEPARATOR = re.compile(r"\s*(?:,|\bvà\b)\s*")
_ITEM_STOP = re.compile(r"[;.\n(]")


def department_lists(text: str, catalogue: Catalogue, province: str | None) -> list[AgencyMention]:
    """Departments listed by the rest of their names after "các Sở:" ("Giám đốc các Sở: Khoa học
    và Công nghệ, Tài chính, Nội vụ"), one mention each, of the text's province, and ministries
    after "các Bộ:" ("Bộ trưởng các Bộ: Tài chính, Xây dựng"); the first covers "các Sở:" so that
    a directive before the list still reads as one."""
    found: list[AgencyMention] = []
    for listed in _DEPARTMENTS.finditer(text):
        stop = _ITEM_STOP.search(text, listed.end())
        limit = stop.start() if stop else len(text)
        position, first = listed.end(), True
        kind = _LEVELS[listed.group("kind").lower()]
        while position < limit:
            item = _longest_department(text, position, limit, catalogue, province, kind)
            if item is None:
                break
            end, ref = item
            found.append(AgencyMention(listed.start() if first else position, end, ref))
            first = False
            glue = _SEPARATOR.match(text, end, limit)
            if not glue:
                break
            position = glue.end()
    return found


def _longest_department(
    text: str,
    start: int,
    limit: int,
    catalogue: Catalogue,
    province: str | None,
    kind: tuple[str, str],
) -> tuple[int, AgencyRef] | None:
    """The longest run of words from ``start`` that, after "Sở " ("Bộ "), is a department's (a
    ministry's) whole name (names hold "và" and commas: "Văn hóa, Thể thao và Du lịch")."""
    word, level = kind
    if not text[start : start + 1].isupper():
        return None
    window = min(limit, start + 60)
    ends = [m.start() for m in re.finditer(r"\s|,", text[start:window])]
    ends = [start + end for end in ends] + [window]
    for end in sorted(set(ends), reverse=True):
        piece = text[start:end].rstrip()
        if not piece:
            continue
        name = f"{word} {piece}"
        mentions = curated_mentions(name, catalogue, province)
        if len(mentions) == 1 and mentions[0].start == 0 and mentions[0].end == len(name):
            ref = mentions[0].ref
            if ref.level == level:
                return start + len(piece), replace(ref, name=name)
    return None


# "Bộ trưởng Thông tin và Truyền thông (TT-TT) Nguyễn Mạnh Hùng": the minister named by the
# ministry's name without "Bộ" stands for the ministry
_MINISTER = re.compile(r"(?<![\w])[Bb]ộ trưởng\s+(?=[A-ZĐ])")


def minister_titles(text: str, catalogue: Catalogue) -> list[AgencyMention]:
    """Ministries named in a minister's title without "Bộ" ("Bộ trưởng Thông tin và Truyền
    thông"), one mention each over the name, under the ministry's curated label."""
    cached = catalogue.cache.get("ministries-without-bo")
    if not isinstance(cached, dict):
        cached = {
            entry.labels[0][3:]: entry
            for entry in catalogue.agencies.values()
            if entry.labels and entry.labels[0].startswith("Bộ ") and entry.level == "national"
        }
        catalogue.cache["ministries-without-bo"] = cached
    names = sorted(cached, key=len, reverse=True)
    found = []
    for title in _MINISTER.finditer(text):
        start = title.end()
        name = next(
            (
                n
                for n in names
                if text.startswith(n, start)
                and not text[start + len(n) : start + len(n) + 1].isalnum()
            ),
            None,
        )
        if name is not None:
            entry = cached[name]
            found.append(AgencyMention(start, start + len(name), ref_of(entry, entry.labels[0])))
    return found
