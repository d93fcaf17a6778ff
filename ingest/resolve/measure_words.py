"""What a stated measure says beyond its words in common with a label: who is counted, at which
tier, at which level, what for. Each rule gives the penalty an indicator's labels earn when they
disagree with the phrase; :func:`ingest.resolve.indicators.resolve_indicator` subtracts it.

Trigram and word overlap take "tỉ lệ hồ sơ công việc cấp tỉnh" for "tỉ lệ hồ sơ thủ tục hành
chính … trực tuyến" and "tỉ lệ có kỹ năng số chuyên sâu" for basic digital skills; these rules
name the forms that make two alike phrases different measures.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ontology.text_keys import name_key

# "tỉ lệ hộ gia đình có hạ tầng mạng băng rộng cáp quang": the share counts households, so an
# indicator that counts something else (the area a network covers) is not it, however alike;
# nor are documents exchanged online ("tỉ lệ văn bản điện tử …") tasks monitored online, work
# records ("hồ sơ công việc") the dossiers of administrative procedures, the population buying
# online ("dân số tham gia mua sắm trực tuyến") dossiers, units accepting card payments
# ("đơn vị cung cấp dịch vụ điện, nước …") procedures offered online, digital data in each sector
# ("tỷ lệ dữ liệu số trong từng ngành, lĩnh vực") the digital economy's share of it, civil
# servants with a digital identity ("100% công chức được gắn định danh số …") work records, state
# bodies linked to the special-use network ("100% cơ quan Nhà nước … được kết nối …") homes
# (the phrase may open with its figure, as a quote does, or with the group itself: "30% dân số
# tham gia mua sắm …", "dân số tham gia mua sắm trực tuyến")
_COUNTED = re.compile(
    r"^(?:(?:tỉ|tỷ) lệ\s+|(?:[^\W\d]+\s+)?\d[\d.,]*\s*%\s*(?:số\s+|các\s+)?"
    # "hạ tầng mạng băng rộng cáp quang phủ (80%) hộ gia đình": a network covering a group
    r"|[^\d%]*?\bphủ\s+(?:\d[\d.,]*\s*%\s*)?(?:số\s+|các\s+)?)?"
    r"(hộ gia đình|doanh nghiệp|người dân|dân số|học sinh|sinh viên|xã(?!\s+hội)|trường|"
    r"nhân lực|văn bản|nhiệm vụ|cuộc họp|hồ sơ công việc|cán bộ|công chức|cơ quan|đơn vị|cá nhân|"
    r"dữ liệu)\b",
    re.IGNORECASE,
)
# one group of people counted under two names ("dân số trưởng thành" = "người dân trưởng thành")
_SAME_COUNTED = {"nguoi dan": ("nguoi dan", "dan so"), "dan so": ("nguoi dan", "dan so")}


def _key_text(text: str) -> str:
    return f" {' '.join(name_key(text))} "


def counted_penalty(text: str, labels: Sequence[str]) -> float:
    """0.2 when the phrase counts a group ("tỉ lệ hộ gia đình …") no label of the indicator
    counts: a share of households is no coverage of residential areas."""
    head = _COUNTED.match(text)
    if not head:
        return 0.0
    counted = _key_text(head.group(1)).strip()
    names = _SAME_COUNTED.get(counted, (counted,))
    keys = [_key_text(label) for label in labels]
    return 0.0 if any(f" {name} " in key for name in names for key in keys) else 0.2


# "thủ tục hành chính đủ điều kiện được cung cấp trực tuyến …": a share of procedures; "hồ sơ
# thủ tục hành chính được tiếp nhận, giải quyết trực tuyến" counts the dossiers filed under them
_PROCEDURES = re.compile(
    r"^(?:(?:tỉ|tỷ) lệ\s+|\d[\d.,]*\s*%\s*)?(?:các\s+|số\s+)?thủ tục hành chính\b", re.IGNORECASE
)
_DOSSIERS_OF = re.compile(r"\bhồ sơ\s+(?:các\s+)?thủ tục hành chính\b", re.IGNORECASE)


def dossier_penalty(text: str, labels: Sequence[str]) -> float:
    """0.3 when the phrase counts procedures and the labels count only the dossiers filed under
    procedures: offering procedures online is no share of dossiers handled online."""
    if not _PROCEDURES.match(text):
        return 0.0
    naming = [label for label in labels if "thủ tục" in label.lower()]
    return 0.3 if naming and all(_DOSSIERS_OF.search(label) for label in naming) else 0.0


# words that say nothing of the measure ("… có …", "… trong tổng số …", "… của các …")
_FUNCTION_WORDS = set(name_key("có được của các và trong tổng số trên những một"))


def predicate_penalty(text: str, labels: Sequence[str]) -> float:
    """0.3 when the phrase counts the group a label counts but says little of what the label
    says of it: "tỉ lệ doanh nghiệp đang hoạt động ứng dụng khoa học, công nghệ" shares the
    firms with "tỉ lệ doanh nghiệp có hoạt động đổi mới sáng tạo", not the innovating."""
    head = _COUNTED.match(text)
    if not head:
        return 0.0
    counted = _key_text(head.group(1)).strip()
    said = set(name_key(text))
    coverages = []
    for label in labels:
        key = _key_text(label)
        at = key.find(f" {counted} ")
        if at < 0:
            continue
        rest = set(key[at + len(counted) + 2 :].split()) - set(counted.split()) - _FUNCTION_WORDS
        if rest:
            coverages.append(len(rest & said) / len(rest))
    return 0.3 if coverages and max(coverages) < 0.4 else 0.0


# "90% hồ sơ công việc cấp tỉnh, 80% … cấp huyện và 60% … cấp xã": the tiers below the province
# measure the districts' and communes' own records, which no curated indicator counts (the
# national measure counts the state administration, which the province's own tier stands for)
_LOWER_TIER = re.compile(r"\bcấp\s+(?:huyện|xã)\b", re.IGNORECASE)
_ALL_TIERS = re.compile(r"\bcấp\s+tỉnh\b|\bcác cấp\b|\bba cấp\b", re.IGNORECASE)


def tier_penalty(text: str, labels: Sequence[str]) -> float:
    """1 (never resolved) when the phrase is a share at the district or commune tier only and no
    label names a tier: a sub-measure of the plan, not the province's measure."""
    if not _LOWER_TIER.search(text) or _ALL_TIERS.search(text):
        return 0.0
    return 0.0 if any(_LOWER_TIER.search(label) for label in labels) else 1.0


# "20% có kỹ năng số chuyên sâu" beside "kỹ năng số cơ bản": a level of skill or of learning
_LEVEL = re.compile(r"\b(cơ bản|chuyên sâu|nâng cao)\b", re.IGNORECASE)


def level_penalty(text: str, labels: Sequence[str]) -> float:
    """0.4 when the phrase names a level (basic, in-depth, advanced) the indicator's labels do
    not, while they name another: basic skills are no in-depth skills."""
    said = {m.group(1).lower() for m in _LEVEL.finditer(text)}
    if not said:
        return 0.0
    named = {m.group(1).lower() for label in labels for m in _LEVEL.finditer(label)}
    return 0.4 if named and not said & named else 0.0


# "được tập huấn, phổ cập kỹ năng số", "doanh nghiệp được đào tạo về …": a share of people or
# firms trained counts the training given, not the skill or activity it is about
_TRAINED = re.compile(r"\bđược\s+(?:đào tạo|tập huấn|bồi dưỡng)\b", re.IGNORECASE)
# "doanh nghiệp nhỏ và vừa được tiếp cận dùng thử các nền tảng": a trial is not use
_TRIAL = re.compile(r"\bdùng thử\b", re.IGNORECASE)
# "dịch vụ công trực tuyến thuộc thẩm quyền giải quyết của Bộ Nội vụ": a share within one
# ministry's remit measures that ministry, not the country
_REMIT = re.compile(r"\bthuộc\s+(?:thẩm quyền|phạm vi)[^,;]{0,30}?\bcủa\s+Bộ\s+[A-ZĐ]")
# "tỷ lệ người dân, doanh nghiệp đánh giá hài lòng khi sử dụng dịch vụ công trực tuyến": how
# satisfied the users are, not how many use the services
_SATISFIED = re.compile(r"\bhài lòng\b", re.IGNORECASE)


def qualifier_penalty(text: str, labels: Sequence[str]) -> float:
    """0.4 for each qualifier the phrase states and no label does: trained, on trial, within
    one ministry's remit, satisfied."""
    penalty = 0.0
    for form in (_TRAINED, _TRIAL, _REMIT, _SATISFIED):
        if form.search(text) and not any(form.search(label) for label in labels):
            penalty += 0.4
    return penalty


# "3% tổng chi ngân sách … cho chuyển đổi số" against "… cho phát triển khoa học, công nghệ, đổi
# mới sáng tạo, chuyển đổi số": a share spent on one purpose of a label's list of purposes
_PURPOSE = re.compile(r"\bcho\s+(?:phát triển\s+)?([^;.()]+)", re.IGNORECASE)
_ITEM_SPLIT = re.compile(r",\s*|\s+và\s+")


def purpose_penalty(text: str, labels: Sequence[str]) -> float:
    """0.4 when every label that spends on a list of three or more purposes has at most one of
    them in the phrase's purpose ("cho chuyển đổi số" is not the share for science, technology,
    innovation and digital transformation together)."""
    said = _PURPOSE.search(text)
    if not said:
        return 0.0
    words = set(name_key(said.group(1)))
    lists = []
    for label in labels:
        purpose = _PURPOSE.search(label)
        items = [name_key(i) for i in _ITEM_SPLIT.split(purpose.group(1))] if purpose else []
        items = [i for i in items if i]
        if len(items) >= 3:
            lists.append(sum(len(set(i) & words) / len(i) >= 0.6 for i in items))
    return 0.4 if lists and max(lists) <= 1 else 0.0


def count_penalty(unit: str | None, default_unit: str | None, labels: Sequence[str]) -> float:
    """0.4 when a count's noun ("1 Trung tâm STEM-Lab", "10 dịch vụ đô thị thông minh") opens
    with a word neither the indicator's unit nor its labels use: a centre is no STEM-Lab room, a
    smart-city service no smart city."""
    if not unit or not default_unit or unit.strip() == "thứ bậc":
        return 0.0
    if any(sign in text for text in (unit, default_unit) for sign in ("%", "/")):
        return 0.0  # shares and rates (money per head in "triệu đồng" or "USD/người") aside
    words = name_key(unit)
    if not words:
        return 0.0
    known = {w for text in (default_unit, *labels) for w in name_key(text)}
    return 0.0 if words[0] in known else 0.4


def provinces_penalty(unit: str | None, default_unit: str | None, provincial: bool | None) -> float:
    """0.4 when a province's own count ("hình thành 01 đô thị thông minh") meets an indicator
    that counts provinces ("Số thành phố, tỉnh hoàn thành …", unit "thành phố, tỉnh"): a
    province sets no target on how many provinces do something, only the country does."""
    if provincial is not True or not unit or not default_unit or "%" in default_unit:
        return 0.0
    counts_provinces = "tinh" in name_key(default_unit)
    return 0.4 if counts_provinces and "tinh" not in name_key(unit) else 0.0


# "thủ tục hành chính đủ điều kiện được cung cấp trực tuyến mức độ 3 và 4": the service levels a
# share counts; levels 3 and 4 together are not the fully online (level 4) share
_SERVICE_LEVEL = re.compile(r"\bmức độ\s+(\d)(?:\s*(?:và|,|-)\s*(\d))?", re.IGNORECASE)


def _levels(text: str) -> set[str]:
    return {level for m in _SERVICE_LEVEL.finditer(text) for level in m.groups() if level}


def service_level_penalty(text: str, labels: Sequence[str]) -> float:
    """0.4 when the phrase names a service level no label names while some label names levels:
    "mức độ 3 và 4" is not "mức độ 4" (full online) alone."""
    said = _levels(text)
    named = {level for label in labels for level in _levels(label)}
    return 0.4 if said and named and said - named else 0.0


# "5G", "4G", "1Gb/s": a network generation or speed a measure is defined by
_CODE = re.compile(r"\b\d+\s*(?:G|Gb/s)\b")


def code_penalty(text: str, labels: Sequence[str]) -> float:
    """0.4 when every label names a network generation or speed the phrase does not: "dân số
    được phủ sóng bởi mạng di động" is mobile coverage, not 5G coverage."""
    said = {m.group().replace(" ", "") for m in _CODE.finditer(text)}
    named = [{m.group().replace(" ", "") for m in _CODE.finditer(label)} for label in labels]
    if not named or not all(named):
        return 0.0
    return 0.0 if any(codes & said for codes in named) else 0.4


# "thu nội địa bình quân hằng năm tăng 9 - 10%": domestic revenue is one part of the budget
# revenue a label measures whole ("thu ngân sách nhà nước trên địa bàn"), not the whole
# "tốc độ tăng trưởng bình quân của kinh tế tư nhân": one sector's growth is no growth of the
# whole product (GRDP), nor one sector's share the digital economy's
_PART = re.compile(
    r"\bthu\s+(?:ngân sách\s+)?(?:nội địa|từ\s+(?:xuất|nhập|dầu|đất))"
    r"|\b(?:kinh tế|khu vực)\s+(?:tư nhân|nhà nước|tập thể|có vốn đầu tư nước ngoài)",
    re.IGNORECASE,
)


def part_penalty(text: str, labels: Sequence[str]) -> float:
    """0.4 when the phrase names a part of a whole ("thu nội địa") that no label names."""
    if not _PART.search(text):
        return 0.0
    return 0.0 if any(_PART.search(label) for label in labels) else 0.4


def penalty(text: str, labels: Sequence[str]) -> float:
    """The sum of the rules above for one indicator's labels."""
    return (
        counted_penalty(text, labels)
        + predicate_penalty(text, labels)
        + tier_penalty(text, labels)
        + level_penalty(text, labels)
        + qualifier_penalty(text, labels)
        + purpose_penalty(text, labels)
        + code_penalty(text, labels)
        + part_penalty(text, labels)
        + service_level_penalty(text, labels)
        + dossier_penalty(text, labels)
    )


# "133 triệu đồng/năm", "3.000 USD/người", "… đồng/người/năm": money a head earns or produces in
# a year, however the text writes the denominator (GRDP per head is written all three ways)
_MONEY_PER_HEAD = re.compile(
    r"(?:(?:nghìn|ngàn|triệu|tỷ|tỉ)\s+)?(?:đồng|usd|vnđ|vnd)\s*/\s*(?:người(?:\s*/\s*năm)?|năm)"
)


def money_per_head(unit: str | None) -> bool:
    """Whether a unit is money per head or per year (one kind of rate for GRDP or income per
    head: "triệu đồng/năm" and "USD/người" measure the same thing)."""
    return bool(unit and _MONEY_PER_HEAD.fullmatch(unit.strip().lower()))
