"""Names of bodies in running text found by their shape: a head noun and a capitalised name.

``Sở Xây dựng``, ``Trung tâm ICISE``, ``Hiệp hội … quốc gia``, ``Ban Chỉ đạo về … tỉnh X``: spans
of names the curated catalogue may not hold, each then resolved as a name of its own.
"""

from __future__ import annotations

import re

_HEADS = (
    "Ủy ban nhân dân|Uỷ ban nhân dân|Hội đồng nhân dân|Ủy ban|Uỷ ban|Hội đồng|Ban Chỉ "
    "đạo|Ban|Bộ|Sở|"
    "Trung tâm|Viện|Trường Đại học|Trường|Đại học|Học viện|Tổng Công ty|Tổng công ty|Công ty|"
    "Tập đoàn|Hiệp hội|Tổ giúp việc|Tổ công tác|Văn phòng|Tổng cục|Cục|Quỹ|Liên hiệp|Ngân hàng|"
    "Đài|Thông tấn xã|Báo|Kho bạc|Thanh tra|Công an|Bộ Chỉ huy|Đoàn|Hội|Đảng ủy|Đảng uỷ"
)
NAME_HEAD = re.compile(rf"(?<![\w])(?:{_HEADS})(?![\w])")
_WORD = re.compile(r"[\w&\-.]+")
_INITIALISM = re.compile(r"[A-ZĐ]{1,6}(?:[&\-][A-ZĐ]{1,6})+|[A-ZĐ]{2,8}")
STOP_WORDS = {
    "tỉnh",
    "thành",
    "huyện",
    "xã",
    "là",
    "có",
    "đã",
    "sẽ",
    "được",
    "chủ",
    "phối",
    "cùng",
    "với",
    "về",
    "trên",
    "tại",
    "của",
    "cho",
    "để",
    "và",
    "các",
    "những",
    "trong",
    "theo",
    "đề",
    "tham",
    "thực",
    "tổ",
    "triển",
    "xây",
    "hoàn",
    "nghiên",
    "giao",
    "đẩy",
    "phát",
    "này",
    "đó",
    "khác",
    "ngành",
    "liên",
    "quan",
    "cần",
    "phải",
    "đang",
    "thì",
    "mà",
    "nhằm",
    "từ",
    "đến",
}


def _is_capitalised(word: str) -> bool:
    return bool(word) and (word[0].isupper() or word[0].isdigit())


FAMILY_NAMES = {  # the common Vietnamese family names: a capitalised word after one opens a name
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Đinh",
    "Đoàn",
    "Trương",
    "Lâm",
    "Mai",
    "Tô",
    "Châu",
    "Lương",
}
_COMMITTEE_HEAD = re.compile(r"Ban Chỉ đạo|Hội đồng|Ủy ban|Uỷ ban|Tổ công tác|Tổ giúp việc")
_COMMITTEE_TAIL = re.compile(
    r"\s+(?:\([A-ZĐ&]{2,10}\)\s+)?về\s+[^.;:!?\n()]{3,160}?(?:(?:trên địa bàn\s+)?(?:tỉnh|thành"
    r" phố)"
    r"(?:\s+[A-ZĐ][\w]*){0,3}|quốc gia|Trung ương)(?![\w])"
)
# "Ban Chỉ đạo Phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh Phú Thọ",
# "Ban Chỉ đạo chuyển đổi số tỉnh": a provincial steering committee named by its field, no "về".
_STEERING_FIELDS = (
    r"phát triển|khoa học|công nghệ|đổi mới sáng tạo|chuyển đổi số|chính quyền số|kinh tế số|"
    r"xã hội số|Đề án 06|thực hiện Nghị quyết (?:số )?57(?:-NQ/TW)?"
)
STEERING_TAIL = re.compile(
    rf"(?i:(?:\s*,?\s+(?:và\s+)?(?:{_STEERING_FIELDS}))+)\s+(?:tỉnh|thành phố)"
    r"(?:\s+(?!Đảng\b)[A-ZĐÂ][\w]*){0,3}(?![\w])"
)
# "Ban Chỉ đạo của Bộ Tài chính thực hiện Chương trình hành động về … và Đề án 06": a ministry's
# own steering committee, named up to "Đề án 06" or "quốc gia".
MINISTRY_STEERING_TAIL = re.compile(
    r"\s+của\s+(?:Bộ|Ngân hàng Nhà nước)\s+[A-ZĐ](?:[^.;:()\n]{3,200}?Đề án 06|"
    r"[^.;:()\n]{3,200}?quốc gia)(?![\w])"
)
_LOWER_NAME_TAIL = re.compile(r"(?:\s+[a-zđ\w]+){1,5}?\s+(?:quốc gia|Việt Nam|cấp tỉnh)(?![\w])")
# "Viện Khoa học kỹ thuật Nông lâm nghiệp miền núi phía Bắc": a regional institute's name runs,
# in lower and upper case, to the region that ends it.
REGION = (
    r"miền núi phía Bắc|miền (?:Bắc|Trung|Nam)|Tây Nguyên|(?:Nam|Bắc|Trung) Bộ|"
    r"[Đđ]ồng bằng sông (?:Cửu Long|Hồng)"
)
_REGIONAL_TAIL = re.compile(rf"(?:\s+[\w&-]+){{1,8}}?\s+(?:{REGION})(?![\w])")
_REGIONAL_HEADS = {"Viện", "Trung tâm", "Trường", "Trường Đại học", "Học viện", "Đại học"}
_LOWER_NAME_HEADS = {"Hiệp hội", "Hội đồng", "Trung tâm", "Viện", "Quỹ", "Hội"}


_MINISTRY_BOARD = re.compile(r"Ban [Cc]hỉ đạo Bộ(?= [A-ZĐ])")
_PARTY_CADRES = re.compile(
    r" cán sự (?:[đĐ]ảng )?(?:Bộ|Chính phủ|Ngân hàng|Thanh tra|Văn phòng)"
)  # "Ban cán sự đảng Bộ Y tế", also written "Ban cán sự Bộ Y tế"


def pattern_names(text: str) -> list[tuple[int, int]]:
    """Spans of "head noun + name" bodies (Sở Xây dựng, Trung tâm ICISE, Hiệp hội … quốc gia)."""
    spans = []
    for head in NAME_HEAD.finditer(text):
        if head.start() and (text[head.start() - 1].isalnum()):
            continue
        committee = (
            _COMMITTEE_TAIL.match(text, head.end())
            if _COMMITTEE_HEAD.fullmatch(head.group())
            else None
        )
        if committee is None and head.group() == "Ban Chỉ đạo":
            committee = STEERING_TAIL.match(text, head.end()) or MINISTRY_STEERING_TAIL.match(
                text, head.end()
            )
        if committee:
            spans.append((head.start(), committee.end()))
            continue
        board = _MINISTRY_BOARD.match(text, head.start())
        if board:
            # "Ban chỉ đạo Bộ Nông nghiệp và Môi trường": a ministry's steering committee
            spans.append((head.start(), _capitalised_end(text, board.end())))
            continue
        party = _PARTY_CADRES.match(text, head.end()) if head.group() == "Ban" else None
        if party:
            # "Ban cán sự đảng Bộ Y tế": the Party cadres' board of a ministry or body
            spans.append((head.start(), _capitalised_end(text, party.end())))
            continue
        if head.group() in ("Tổ giúp việc", "Liên hiệp", "Đảng ủy", "Đảng uỷ"):
            # "Tổ giúp việc Ban Chỉ đạo …", "Liên hiệp các Hội Khoa học và Kỹ thuật …", "Đảng uỷ
            # Bộ Tư pháp" (a body's Party committee)
            gap = 5 if text.startswith(" các ", head.end()) and head.group() == "Liên hiệp" else 1
            following = NAME_HEAD.match(text, head.end() + gap)
            if following:
                spans.append((head.start(), _capitalised_end(text, following.end())))
                continue
        regional = (
            _REGIONAL_TAIL.match(text, head.end()) if head.group() in _REGIONAL_HEADS else None
        )
        words = regional.group().split() if regional else []
        if regional and _is_capitalised(words[0]) and not set(words) & (STOP_WORDS - {"và"}):
            spans.append((head.start(), regional.end()))
            continue
        end = _capitalised_end(text, head.end())
        if end > head.end():
            spans.append((head.start(), end))
        elif head.group() in _LOWER_NAME_HEADS:
            lower = _LOWER_NAME_TAIL.match(text, head.end())
            if lower and not set(lower.group().split()) & STOP_WORDS:
                spans.append((head.start(), lower.end()))
    return spans


# "Cục Công nghệ thông tin", "Trung tâm Công nghệ thông tin": the field ends the name in lower case
_LOWER_FIELD = re.compile(r" thông tin(?![\w])")
# "Kho bạc Nhà nước khu vực XIX", "… khu vực 2": a body's numbered regional branch
_NUMBERED_REGION = re.compile(r" khu vực (?:[IVXL]{1,6}|\d{1,2})(?![\w])")


def _capitalised_end(text: str, position: int) -> int:
    """Where a name of capitalised words (with their lowercase second syllables) ends."""
    words = 0
    previous_capital = True
    while True:
        gap = text[position : position + 1]
        match = _WORD.match(text, position + 1) if gap == " " else None
        if gap == "\n" and words and re.match(r"\n(?:[a-zđà-ỹ]|&)", text[position:]):
            match = _WORD.match(text, position + 1)  # "Sở Khoa\nhọc & Công nghệ": a wrapped line
        if not match:
            # "Bộ Văn hóa, Thể thao và Du lịch": a comma inside a name before "X y và Z".
            if (
                words
                and re.match(r", [A-ZĐ][\w]* [\w]+ và [A-ZĐ]", text[position:])
                and not NAME_HEAD.match(text, position + 2)
            ):
                position += 1
                continue
            return position
        word = match.group().rstrip(".-")
        if not word or (word == "điện" and text.startswith(" tử", match.end())):
            return position  # "Báo Công Thương điện tử": "điện tử" is no part of the name
        field = _LOWER_FIELD.match(text, position) if words else None
        if field and text[position - 9 : position] == "Công nghệ":
            return field.end()  # "Cục Công nghệ thông tin": a field named in lower case
        region = _NUMBERED_REGION.match(text, position) if words else None
        if region:
            return region.end()  # "Kho bạc Nhà nước khu vực XIX": a regional branch
        if _is_capitalised(word) and not NAME_HEAD.fullmatch(word):
            if word in FAMILY_NAMES and words >= 1:
                return position
            # an initialism ("Sở TT-TT ký kết …") takes no lower-case syllable after it
            previous_capital = not _INITIALISM.fullmatch(word)
        elif (
            word in ("và", "&")
            and words
            and re.match(r" [A-ZĐ]", text[match.end() :])
            and not NAME_HEAD.match(text, match.end() + 1)
        ) or (previous_capital and words and word.islower() and word not in STOP_WORDS):
            previous_capital = False
        else:
            return position
        words += 1
        position = match.start() + len(word)
