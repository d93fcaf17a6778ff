"""The indicator a figure measures, as a whole noun phrase — never a fragment of a clause.

Vietnamese states a target two ways: the measure before the figure ("Tỉ lệ doanh nghiệp có
hoạt động đổi mới sáng tạo đạt trên 40%", "Kinh tế số chiếm 10% GRDP") or the measured thing
after it, behind a verb ("Bố trí ít nhất 3% tổng chi ngân sách …", "Bảo đảm 100% cuộc họp …
trực tuyến", "đào tạo 2.500 kỹ sư"). Words before the figure that are only a verb, an adverbial
("Đến năm 2030,") or a subject with its verb ("Thủ tướng giao Bộ Tài chính bảo đảm") are not the
indicator: the phrase after the figure is, read as "tỉ lệ …" for a share or "… được <verb>" for
a count. ``is_noun_phrase`` is the test every label a candidate indicator gets must pass.
"""

from __future__ import annotations

import re

# Words that head a measure: when one stands before the figure, the indicator starts there
# (the first one: "nhân lực lao động kinh tế số trong lực lượng lao động" counts the workforce).
_MEASURE_HEAD = re.compile(
    r"\b(?:tỷ lệ|tỉ lệ|tỷ trọng|tỉ trọng|quy mô|chỉ số|số lượng|tốc độ|giá trị|kim ngạch|"
    r"năng suất|thu nhập|kinh phí|kinh tế số|đóng góp|tổng (?:chi|thu|vốn|kinh phí|sản phẩm|số)|"
    r"tăng trưởng|thu ngân sách|thu nội địa|GRDP|GDP|(?:nguồn\s+)?nhân lực"
    r"|số (?!hóa|hoá)(?=[^\W\d_]))",  # "số hóa 100% …" is the verb digitise, no count
    re.IGNORECASE,
)
# Verbs (and their adverbs) that introduce what a plan does with a quantity; the indicator is
# what follows them.
_LEAD_VERB = re.compile(
    r"(?:^|\s)(?:bố trí|bảo đảm|đảm bảo|duy trì|triển khai|trang bị|đưa|phấn đấu|hướng tới|"
    r"hướng đến|xây dựng|đầu tư(?: xây dựng)?|hình thành|đào tạo(?:,? bồi dưỡng)?(?: ngắn hạn)?|"
    r"bồi dưỡng(?: ngắn hạn)?|thu hút(?: thêm)?|nhân rộng|tiến hành|phục vụ|hỗ trợ|yêu cầu|"
    r"đặt ra|đề ra|xác định|giao|nâng(?: tỷ lệ| tỉ lệ)?(?: lên)?|phủ|tăng|số hóa|số hoá|tiếp nhận)"
    r"(?:\s+(?:đủ|cho|tại|đến|tới|ít nhất|tối thiểu|thêm|có))*\s*$",
    re.IGNORECASE,
)
_LEADING_ADVERBIAL = re.compile(
    r"^(?:(?:trong đó|theo đó|đồng thời|bên cạnh đó|ngoài ra|cụ thể|phấn đấu|mục tiêu|cơ bản|"
    r"(?:đến|tới)\s+\d{4}|"
    r"(?:bắt đầu )?(?:từ|đến|tới|trong|vào|sau)?\s*(?:năm(?: học)?|giai đoạn)\s+\d{4}"
    r"(?:\s*[-–]\s*\d{4})?|(?:việt nam|tỉnh|thành phố|cả nước)(?:\s+[A-ZĐ]\w*)*"
    r"\s+(?:có|thuộc|nằm trong|vào))\s*[,:]?\s*)+",
    re.IGNORECASE,
)
_TRAILING = re.compile(
    r"(?:\s+|^)(?:phải|sẽ|đạt|chiếm|là|ở mức|lên|có|duy trì|và|khoảng|trên|hơn|từ|"
    r"tối thiểu|ít nhất|được|bảo đảm|đảm bảo|phủ|với tỷ lệ|với tỉ lệ|đạt mức|"
    r"đạt (?:trung bình|bình quân)|"
    r"(?:(?:đến|tới|vào)\s+)?năm \d{4})\s*$",
    re.IGNORECASE,
)
_BAD_START = {
    "của", "và", "cho", "tại", "với", "trong", "để", "từ", "đến", "tới", "có", "các", "những",
    "bố", "bảo", "đảm", "triển", "trang", "đưa", "phấn", "theo", "đồng", "nhằm", "là",
    "được", "đạt", "trên", "hơn", "khoảng", "tối", "ít", "thêm", "đề", "đặt",
}  # fmt: skip
_BAD_END = {
    "và", "của", "cho", "tại", "với", "các", "những", "phải", "đạt", "là", "được", "có", "từ",
    "trong", "để", "đến", "tới", "bộ", "hoặc", "hay", "như", "về", "theo",
}  # fmt: skip
# What ends the phrase after a figure: a clause boundary, another figure, a comparison tail,
# the next measure ("trên 82% số xã đạt chuẩn nông thôn mới, tỷ lệ xã … nâng cao chiếm …",
# "3 huyện/thành phố đạt chuẩn nông thôn mới, tổng số trường học đạt chuẩn quốc gia 375 trường")
_AFTER_END = re.compile(
    # "80% hồ sơ trực tuyến, với ít nhất 20% toàn trình": a comma, "với" and the next figure
    r"[;:!?()\n]|\.(?!\d{3})|,\s*(?:với\s+)?(?=\d|trên|dưới|tối thiểu|ít nhất|khoảng|hơn"
    r"|(?:tỷ|tỉ) (?:lệ|trọng)\b|tổng số\b|số lượng\b)"
    r"|(?<!tuổi)\s+trở lên|\s+(?:so với|vào năm|"
    r"đến năm|năm \d|trong (?:năm|giai đoạn|tổng)|trong đó|giai đoạn|và tăng|và \d|cho \d|tại \d|"
    r"và tiếp tục|ngay (?:trong|từ|sau|khi)\b|với (?=(?:giá trị|tỷ lệ|tỉ lệ|mức|số lượng|tổng)\b)|"
    r"và (?:đào tạo|bồi dưỡng|xây dựng|trang bị|hình thành|triển khai|đầu tư|thu hút|phục vụ)|"
    r",?\s*và\s+(?=(?:trên|dưới|tối thiểu|ít nhất|khoảng|hơn)\s))|…",
    re.IGNORECASE,
)
_MAX_WORDS = 18
# "thương mại điện tử chiếm trên 15% tổng mức bán lẻ": a share of a whole named after the figure
_SHARE_OF = re.compile(
    r"\bchiếm(?:\s+(?:tối thiểu|ít nhất|trên|hơn|khoảng|dưới|từ))*\s*$", re.IGNORECASE
)
_COVERS = re.compile(r"(.+?)\s+(phủ(?: sóng)?(?: (?:đến|tới))?)", re.IGNORECASE)
# "cung cấp X cho (tối thiểu) N% Y": a share of a group provided with something
_PROVIDED_FOR = re.compile(
    r"(?:^|[,;:]\s*|\s)(cung cấp|cấp|trang bị)\s+([^,;:]+?)\s+cho\s*"
    r"(?:tối thiểu|ít nhất|trên|khoảng|hơn)?\s*$",
    re.IGNORECASE,
)
_WHOLE = re.compile(r"tổng\s+(?!chi\b|thu\b)[^\W\d_]", re.IGNORECASE)
# "(trừ văn bản mật)", "cuộc họp 3 cấp (tỉnh - huyện - xã) được thực hiện trực tuyến": words in
# brackets (no figure, no year) inside a noun phrase are an aside, the phrase goes on after them
_ASIDE = re.compile(r"(?<=[^\W\d_])\s*\([^()\d]{1,40}\)")
# "tỉnh tiến hành giáo dục STEM tại 35 trường": what is done where the counted things are
_ACT_AT = re.compile(
    r"\b((?:triển khai|tiến hành|thực hiện|áp dụng|thí điểm|hoàn thành)\s+[^,;()]{1,40}?)"
    r"\s+(?:tại|ở)$",
    re.IGNORECASE,
)
_MONEY = re.compile(r"\b(?:đồng|USD)$", re.IGNORECASE)
_BARE_HEAD = re.compile(
    r"(?:tỷ lệ|tỉ lệ|tỷ trọng|tỉ trọng|chỉ số|mức|số|số lượng|tốc độ|giá trị|tổng|đóng góp)",
    re.IGNORECASE,
)


def is_noun_phrase(label: str) -> bool:
    """A label that can stand alone as what a target measures (not "Bố trí", "tại trường")."""
    words = label.split()
    if not words or len(words) > 30:
        return False
    if label.count("(") != label.count(")") or label.startswith(")"):
        return False
    first, last = words[0].lower().strip(",;"), words[-1].lower().strip(",;")
    if first in _BAD_START or last in _BAD_END:
        return False
    if label.lower().startswith(("thủ tướng", "chủ tịch", "bộ trưởng")):
        return False  # a person giving an order: "Thủ tướng giao Bộ Tài chính bảo đảm"
    if _BARE_HEAD.fullmatch(label.strip()):
        return False  # "tỷ lệ" alone names no indicator
    return bool(re.search(r"[^\W\d_]{2}", label))


def coverer(text: str, start: int, at: int) -> str:
    """What covers the first item of a coverage list the figure at ``at`` continues ("hạ tầng
    mạng băng rộng cáp quang phủ 100% khu vực dân cư …, và trên 60% hộ gia đình"), or ""."""
    clause = _LEADING_ADVERBIAL.sub("", text[start:at].strip(" ,-"))
    found = re.match(r"(.+?)\s+phủ(?: sóng)?(?: (?:đến|tới))?\s+(?:trên |hơn |khoảng )?\d", clause)
    if not found or not re.search(r"(?:,|\bvà)\s*(?:trên|hơn|khoảng)?\s*$", clause):
        return ""
    return found.group(1) if is_noun_phrase(found.group(1)) else ""


def shares_of(text: str, start: int, at: int) -> bool:
    """Whether the words from ``start`` to the figure at ``at`` end in "chiếm (trên …)"."""
    return bool(_SHARE_OF.search(text, start, at))


def _clean_before(before: str) -> str:
    """The measure named before a figure, or "" when the words there are no noun phrase."""
    phrase = _LEADING_ADVERBIAL.sub("", before.strip(" ,-")).strip(" ,")
    head = _MEASURE_HEAD.search(phrase)
    if head:
        phrase = phrase[head.start() :]
    else:
        verb = _LEAD_VERB.search(phrase)
        # "công nghiệp - xây dựng chiếm 51%": a word joined by a dash to the one before is part
        # of a compound sector's name, no verb
        if verb and not re.search(r"\S\s*[-–]\s*$", phrase[: verb.start() + 1]):
            return ""  # the words before end in a verb: the indicator follows the figure
    for _ in range(3):
        phrase = _TRAILING.sub("", phrase).strip(" ,")
    return phrase if is_noun_phrase(phrase) else ""


def after_phrase(text: str, start: int) -> str:
    """The noun phrase right after a figure (and its unit), up to the clause's end."""
    window = text[start : start + 200]
    if window.lstrip(" ")[:1] in {",", ";", ".", ")"}:
        return ""  # "45% (năm 2025), tốc độ đổi mới …": what follows is the next item
    # "50% hồ sơ, công việc tại đơn vị (trừ văn bản mật) được xử lý …": an aside in brackets
    # (words, no figure) does not end the phrase
    masked = _ASIDE.sub(lambda aside: " " * len(aside.group()), window)
    end = _AFTER_END.search(masked)
    phrase = window[: end.start() if end else len(window)].strip(" ,")
    words = phrase.split()[:_MAX_WORDS]
    while words and words[-1].lower().strip(",") in _BAD_END:
        words.pop()
    while words and words[0].lower() in {"của", "các", "số"}:
        words.pop(0)
    return " ".join(words).strip(" ,")


_PLAN_VERBS = {"phấn đấu", "hướng tới", "hướng đến", "đặt ra", "đề ra", "xác định"}


def _verb_before(before: str) -> str:
    verb = _LEAD_VERB.search(before.strip(" ,"))
    if not verb:
        return ""
    words = verb.group().split()
    while words and words[-1].lower() in {"đủ", "cho", "tại", "đến", "tới", "ít", "nhất", "tối",
                                          "thiểu", "thêm", "có"}:  # fmt: skip
        words.pop()
    return " ".join(words).lower()


_COMPARATOR_TAIL = re.compile(
    r"(?:\s*(?:tối thiểu|ít nhất|trên|hơn|khoảng|đạt|dưới|từ|có|là)\b)*\s*$", re.IGNORECASE
)


def starts_list_item(clause: str) -> bool:
    """Whether the figure opens a new item of a list ("…, trên 60% hộ gia đình, 100% văn bản
    …"): the words before it then belong to the previous item, not to this one."""
    head = _COMPARATOR_TAIL.sub("", clause)
    head = head.rstrip()
    return head.endswith((",", ";", ":")) or head.lower().endswith(" và") or not head


def indicator_label(
    before: str,
    text: str,
    after_start: int,
    unit: str | None,
    share: bool,
    list_item: bool = False,
    share_of: bool = False,
    covered_by: str = "",
) -> str:
    """The whole noun phrase naming what a figure measures, or "" when none can be read.

    ``before`` is the clause up to the figure; ``after_start`` where the words after the figure
    (and its unit) begin; ``share`` whether the figure is a percentage; ``share_of`` whether
    the verb before it is "chiếm" (``shares_of``), so that a whole after it is named;
    ``covered_by`` what covers the list the figure continues (``coverer``).
    """
    named = _clean_before(before)
    after = after_phrase(text, after_start)
    provided = _PROVIDED_FOR.search(before.strip())
    if share and provided and after and is_noun_phrase(after):
        # "cung cấp danh tính số trên nền tảng di động cho tối thiểu 20% người dân …": the
        # share of those provided with the thing
        return f"tỉ lệ {after} được {provided.group(1).lower()} {provided.group(2)}"
    if share:
        lead = unit.split(" ", 1)[1] if unit and " " in unit else ""
        if lead and lead.upper() not in {"GDP", "GRDP"}:  # "3% tổng chi ngân sách hằng năm cho …"
            label = f"{lead} {after}".strip()
            return named if named and not after else label if is_noun_phrase(label) else named
        subject = _LEADING_ADVERBIAL.sub("", before.strip(" ,-")).strip(" ,")
        covered = _COVERS.fullmatch(subject)
        if not named and covered and after and is_noun_phrase(covered.group(1)):
            # "hạ tầng mạng băng rộng cáp quang phủ 100% khu vực dân cư": coverage by a network
            return f"{covered.group(1)} {covered.group(2)} {after}"
        if named and share_of and _WHOLE.match(after):
            # the whole is one noun phrase: "25% tổng sản phẩm trên địa bàn GRDP, năng suất …"
            return f"{named} trong {after.split(',')[0].strip()}"
        if covered_by and list_item and after and is_noun_phrase(after):
            return f"tỉ lệ {after} có {covered_by}"  # "…, và trên 60% hộ gia đình"
        if named and not (list_item and after and is_noun_phrase(after)):
            return named
        if after and is_noun_phrase(after):
            if re.match(r"(?:tỷ lệ|tỉ lệ|tỷ trọng|tỉ trọng)\b", after, re.IGNORECASE):
                return after
            return f"tỉ lệ {after}"
        return ""
    if named and (_MEASURE_HEAD.match(named) or (unit and ("/" in unit or _MONEY.search(unit)))):
        # "Số cán bộ khoa học và công nghệ …", "Nguồn nhân lực … (người/vạn dân)", "Vốn đầu tư
        # thực hiện trên địa bàn … 176.919 tỷ đồng": a sum of money is named by what it sums
        return named
    noun = re.sub(r"^(?:nghìn|triệu)\s+", "", unit or "")  # "18,5 triệu lượt khách": lượt khách
    head, _, per = noun.partition("/")
    if per and f"/{per}" in after:  # "doanh nghiệp công nghệ số/1.000 dân": the rate once
        noun = head
    counted = f"{noun}{after}" if after.startswith("/") else f"{noun} {after}".strip()
    where = _ACT_AT.search(before.strip())
    if counted == noun.strip() and where:  # "tiến hành giáo dục STEM tại 35 trường"
        return f"{counted} được {where.group(1)}"
    if named and counted == noun.strip() and not _verb_before(before):
        return named  # "kết nạp đảng viên mới đạt từ 1.500 đến 1.600 đảng viên": not the unit alone
    if counted and is_noun_phrase(counted):
        verb = _verb_before(before)
        # "Phấn đấu 08 huyện, thành phố có Trung tâm …": the plan's own verb, nothing done to them
        verb = "" if verb in _PLAN_VERBS else verb
        field_ = re.match(
            r"(?:lĩnh vực|ngành)\s[^;]*?(?=\s+" + re.escape(verb) + ")", before.strip()
        )
        counted = f"{counted} {field_.group()}" if verb and field_ else counted
        return f"{counted} được {verb}" if verb else counted
    return f"{named} {unit or ''}".strip() if named else ""


# "kinh tế tư nhân đóng góp khoảng 60-62% GRDP", "… của kinh tế tư nhân đạt 11,5-12%/năm, đóng
# góp khoảng 60-62% GRDP": a contribution to the product, by the subject before it or, in a list,
# by the one the item before measured
_CONTRIBUTES = re.compile(
    r"^(?:(.*?)\s+)?đóng góp(?:\s+(?:khoảng|tối thiểu|ít nhất|trên|hơn|từ|vào|cho))*$",
    re.IGNORECASE,
)


def contribution_label(phrase: str, unit: str | None, previous: str = "") -> str:
    """ "đóng góp của X vào GRDP" for a share of the product a subject contributes, or "" when
    the words before the figure are not "(X) đóng góp" or no subject can be named."""
    found = _CONTRIBUTES.match(phrase.strip(" ,"))
    whole = unit.split(" ", 1)[1] if unit and " " in unit else ""
    if not found or whole.upper() not in {"GDP", "GRDP"}:
        return ""
    subject = _LEADING_ADVERBIAL.sub("", found.group(1) or "").strip(" ,")
    if not subject and " của " in previous:
        subject = previous.rsplit(" của ", 1)[1]
    return f"đóng góp của {subject} vào {whole}" if is_noun_phrase(subject) else ""


# What follows the measure in a path's lead: its verb ("sẽ tăng dần qua các năm", "lần lượt là")
_PATH_VERB = re.compile(
    r"\s+(?:sẽ|được|dự kiến|tăng|giảm|đạt|qua các năm|theo lộ trình|lần lượt|như sau|cụ thể)\b",
    re.IGNORECASE,
)


def path_measure(lead: str) -> str:
    """The measure a year-by-year path is stated on, from the lead before its colon ("Theo dự
    kiến, GRDP bình quân đầu người sẽ tăng dần qua các năm: năm 2026 đạt …; năm 2027 đạt …"),
    or "" when the lead names no measure (a whole noun phrase opening with a measure's head)."""
    match = re.search(r"([^:;]+):\s*$", lead)
    if not match:
        return ""
    clause = match.group(1).rsplit(", ", 1)[-1].strip()
    verb = _PATH_VERB.search(clause)
    measure = clause[: verb.start()] if verb else ""
    measure = _LEADING_ADVERBIAL.sub("", measure).strip(" ,")
    if not _MEASURE_HEAD.match(measure) or not is_noun_phrase(measure):
        return ""
    return measure


# "- Năm 2022: 94 xã, phường, thị trấn.": an item of a year-by-year path, its year and a figure
YEAR_ITEM = re.compile(r"\s*[-+•*]?\s*năm\s+((?:19|20)\d\d)\s*:\s*\S", re.IGNORECASE)
# "… hoàn thành chuyển đổi số theo từng năm, cụ thể như sau:": how the lead announces the path
_PATH_TAIL = re.compile(
    r"(?:\s*,?\s*(?:theo từng năm|từng năm|hằng năm|hàng năm|qua các năm|theo lộ trình|"
    r"cụ thể|như sau|sau đây))+\s*:\s*$",
    re.IGNORECASE,
)


def year_path_measure(lead: str) -> str:
    """The measure a paragraph ending with a colon announces for the year items under it ("Số
    xã, phường, thị trấn … hoàn thành chuyển đổi số theo từng năm, cụ thể như sau:"), or ""
    when its last sentence is no noun phrase opening with a measure's head."""
    lead = lead.strip()
    if not lead.endswith(":"):
        return ""
    last = re.split(r"(?<=[.!?])\s+", lead)[-1]
    tail = _PATH_TAIL.search(last)
    if not tail:
        return ""
    measure = last[: tail.start()].strip(" ,")
    return measure if _MEASURE_HEAD.match(measure) else ""


# "Một trong những chỉ tiêu nổi bật là tối thiểu 70% giao dịch …": the target word with "là"
# names no measure, the words after the figure do
_PHRASE_START = re.compile(
    r".*(?:[;:.!?(]|như:|mục tiêu|phấn đấu|Đồng thời|đồng thời|\),|\)\s+và\b|\d%,|cụ thể|gồm"
    r"|trong đó|Bên cạnh đó|\sđể(?=\s*$)|(?:chỉ tiêu|mục tiêu)[^.;:\d]{0,40}?\slà(?=\s))\s*",
    re.DOTALL,
)


# The goal word a clause's cut fell on, with the verb that makes it the subject's ("được đặt
# mục tiêu", "phấn đấu"), and the bare verb that may follow it before the figure
_GOAL_CUT = re.compile(
    r"\s*(?:(?:được|sẽ)\s+)?(?:(?:đặt|đề ra)\s+(?:ra\s+)?mục tiêu|phấn đấu)\s*$", re.IGNORECASE
)
_BARE_VERB = re.compile(
    r"\s*(?:(?:nâng|tăng)(?:\s+lên)?|đạt(?:\s+mức)?|lên|là)?\s*"
    r"(?:khoảng|trên|hơn|tối thiểu|ít nhất|từ)?\s*",
    re.IGNORECASE,
)


def indicator_phrase(text: str, start: int, limit: int) -> tuple[str, int]:
    """The noun phrase before a figure, back to a clause boundary."""
    window = text[limit:start]
    cut = _PHRASE_START.match(window)
    while cut and window[cut.end() :].count(")") > window[cut.end() :].count("("):
        # "… tổng hợp (TFP) vào tăng trưởng": the cut fell inside brackets; cut before them
        opening = window.rfind("(", 0, cut.end())
        cut = _PHRASE_START.match(window[:opening]) if opening > 0 else None
    offset = limit + (cut.end() if cut else 0)
    if cut and _GOAL_CUT.search(window, 0, cut.end()) and _BARE_VERB.fullmatch(text, offset, start):
        # "tỷ lệ hài lòng … được đặt mục tiêu nâng lên 99%": the goal word stands between the
        # measure and its figure, so the measure is the subject before it
        subject = _GOAL_CUT.search(window, 0, cut.end())
        before, before_start = indicator_phrase(text, limit + subject.start(), limit)
        last = before.rsplit(",", 1)[-1].strip()  # "Bước sang giai đoạn …, tỷ lệ hài lòng …"
        if _MEASURE_HEAD.match(last):  # a measure, not the place ("Bình Phước phấn đấu 70% …")
            return last, before_start + before.rfind(last)
    phrase = text[offset:start]
    stripped = phrase.lstrip(" ,-")
    offset += len(phrase) - len(stripped)
    phrase = re.sub(
        r"\s*(?:là|đạt|ở mức|chiếm|khoảng|trên|hơn|tối thiểu|ít nhất|từ)\s*$", "", stripped
    )
    return phrase.strip(" ,"), offset
