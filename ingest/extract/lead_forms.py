"""Leads named other than by "giao X chủ trì": the heads of bodies charged together ("Bộ trưởng,
chủ nhiệm Văn phòng Chính phủ và bộ trưởng Bộ TT&TT khẩn trương …"), the bodies a request is
addressed to ("Đối với Tổng cục Đường bộ Việt Nam, …, Bộ GTVT yêu cầu: …") and a duty moved from
one body to another ("chuyển nhiệm vụ … từ A sang B đảm nhiệm": B leads it).

Each form opens its sentence (or names its duty in it) and gives the leads, where the task
starts and, for a moved duty, where it ends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.extract.leads import CO_LEAD_GLUE, MANDATE, ROLE_AFTER
from ingest.extract.sentences import Span
from ingest.resolve import AgencyMention


@dataclass(frozen=True)
class LeadClause:
    """Leads named at the opening of a sentence, the task's start and (if known) its end."""

    leads: list[AgencyMention]
    task_start: int
    task_end: int | None = None


_HOLDER_WORD = (
    r"(?:[Bb]ộ trưởng|[Cc]hủ nhiệm|[Cc]hủ tịch|[Gg]iám đốc|[Tt]hủ trưởng|[Tt]rưởng ban|"
    r"[Cc]hánh [Vv]ăn phòng|[Tt]ổng [Gg]iám đốc)"
)
# "Bộ trưởng, chủ nhiệm " before a body: the heads who stand for it.
_HOLDERS = re.compile(rf"{_HOLDER_WORD}(?:\s*,\s*{_HOLDER_WORD})*\s+")
_HOLDER_GLUE = re.compile(rf"\s*(?:,|và)\s*(?:{_HOLDER_WORD}(?:\s*,\s*{_HOLDER_WORD})*\s+)?")
_ACTS = re.compile(
    r"\s+(?=(?:khẩn trương|tiếp tục|chủ động|rà soát|xây dựng|tham mưu|triển khai|hoàn thiện|"
    r"tổ chức|bàn giao|tiếp nhận|nghiên cứu|hướng dẫn|thực hiện|ban hành|trình|phối hợp|"
    r"hoàn thành|bố trí|cân đối)(?![\w]))"
)


def joint_holders(text: str, sentence: Span, mentions: list[AgencyMention]) -> LeadClause | None:
    """Heads of two or more bodies opening a sentence and charged together: "Bộ trưởng Bộ A, Bộ
    trưởng Bộ B chủ trì …", "Bộ trưởng các Bộ: A, B, C …", "Bộ trưởng, chủ nhiệm Văn phòng
    Chính phủ và bộ trưởng Bộ TT&TT khẩn trương bàn giao …"."""
    holders = _HOLDERS.match(text, sentence.start, sentence.end)
    if holders is None:
        return None
    first = next((i for i, m in enumerate(mentions) if m.start == holders.end()), None)
    if first is None:
        return None
    return _joint_clause(text, sentence, mentions[first:], _HOLDER_GLUE, _ACTS)


# "Điều 2. Các đồng chí Lãnh đạo Bộ Y tế tập trung lãnh đạo, chỉ đạo …": a body's leaders
_LEADERS = re.compile(
    r"(?:Điều\s+\d+\.\s*)?(?:[Cc]ác\s+)?(?:đồng chí\s+)?(?:Lãnh đạo|lãnh đạo|Ban lãnh đạo)\s+"
)
_LEADERS_DIRECT = re.compile(
    r"\s+(?=(?:tập trung\s+|trực tiếp\s+|khẩn trương\s+)?(?:lãnh đạo|chỉ đạo)(?![\w]))"
)


def body_leaders(text: str, sentence: Span, mentions: list[AgencyMention]) -> LeadClause | None:
    """A body's leaders opening a sentence and directing its work ("Các đồng chí Lãnh đạo Bộ Y tế
    tập trung lãnh đạo, chỉ đạo các cơ quan, đơn vị … tổ chức thực hiện …"): the body leads."""
    leaders = _LEADERS.match(text, sentence.start, sentence.end)
    if leaders is None:
        return None
    body = next((m for m in mentions if m.start == leaders.end()), None)
    if body is None or body.ref.collective:
        return None
    directs = _LEADERS_DIRECT.match(text, body.end, sentence.end)
    return LeadClause([body], directs.end()) if directs else None


# "Đối với Tổng cục Đường bộ Việt Nam, các Cục quản lý chuyên ngành, Bộ GTVT yêu cầu:"
_ADDRESSED = re.compile(r"(?:Đối với|Riêng đối với|Riêng)\s+")
_REQUEST = re.compile(r"\s*(?:yêu cầu|đề nghị|giao)\s*:\s*")
# "Thủ trưởng các cơ quan, đơn vị gương mẫu …": the heads of the bodies addressed.
_ADDRESSED_HEADS = re.compile(
    r"(?:Thủ trưởng|Lãnh đạo|Người đứng đầu)\s+(?:các\s+)?(?:cơ quan|đơn vị)"
    r"(?:\s*,\s*(?:cơ quan|đơn vị))*\s+"
)


def addressed_request(
    text: str, sentence: Span, mentions: list[AgencyMention]
) -> LeadClause | None:
    """The named bodies a request is addressed to, when the sentence opens "Đối với X, …, <body>
    yêu cầu:": they lead what follows the colon (and the items after it, carried)."""
    opening = _ADDRESSED.match(text, sentence.start, sentence.end)
    if opening is None:
        return None
    colon = text.find(":", opening.end(), sentence.end)
    if colon < 0:
        return None
    request = None
    for found in _REQUEST.finditer(text, opening.end(), sentence.end):
        if found.end() > colon:
            request = found
            break
    if request is None or request.start() > colon:
        return None
    inside = [m for m in mentions if opening.end() <= m.start and m.end <= request.start()]
    speaker = next((m for m in inside if m.end == request.start()), None)
    leads = [m for m in inside if m is not speaker and not m.ref.collective]
    if not leads or leads[0].start != opening.end():
        return None
    start = request.end()
    heads = _ADDRESSED_HEADS.match(text, start, sentence.end)
    return LeadClause(leads, heads.end() if heads else start)


_MOVED = re.compile(r"(?<![\w])chuyển\s+(?=(?:nhiệm vụ|chức năng|công tác)\s)", re.IGNORECASE)
_FROM = re.compile(r"\s+từ\s+$")
_TO = re.compile(r"\s+sang\s+")


def moved_duty(text: str, sentence: Span, mentions: list[AgencyMention]) -> LeadClause | None:
    """A duty moved from one body to another ("chuyển nhiệm vụ thường trực … từ Văn phòng Chính
    phủ sang Bộ TT&TT đảm nhiệm"): the receiving body leads the duty as named."""
    moved = _MOVED.search(text, sentence.start, sentence.end)
    if moved is None:
        return None
    for index, giver in enumerate(mentions[:-1]):
        if giver.start <= moved.end():
            continue
        before = _FROM.search(text, moved.end(), giver.start)
        receiver = mentions[index + 1]
        if before and _TO.fullmatch(text, giver.end, receiver.start):
            return LeadClause([receiver], moved.end(), before.start())
    return None


# "2. Các Bộ: …" — a numbered item opening with the ministries it charges
_ITEM_MARK = re.compile(r"(?:\d{1,2}[.)]|[a-zđ]\)|[-+•])?\s*")
_MANDATE = re.compile(
    r"\s*,?\s*(?:(?:căn cứ|theo)\s+(?:chức năng,\s*nhiệm vụ|chức năng và nhiệm vụ)"
    r"(?:,\s*thẩm quyền)?(?:\s+(?:được\s+(?:phân công|giao)|của mình))?\s*,?)?\s*"
)


def listed_ministries(
    text: str, sentence: Span, mentions: list[AgencyMention]
) -> LeadClause | None:
    """Ministries listed after "Các Bộ:" opening a sentence and charged together ("2. Các Bộ:
    Thông tin và Truyền thông, …, Y tế theo chức năng, nhiệm vụ được phân công, nghiên cứu, đề
    xuất …"): each leads the task that follows the list."""
    mark = _ITEM_MARK.match(text, sentence.start, sentence.end)
    start = mark.end() if mark else sentence.start
    first = next((i for i, m in enumerate(mentions) if m.start == start), None)
    if first is None or not re.match(r"[Cc]ác\s+[Bb]ộ\s*:", text[start : mentions[first].end]):
        return None
    return _joint_clause(text, sentence, mentions[first:], CO_LEAD_GLUE, _MANDATE)


def _joint_clause(
    text: str, sentence: Span, mentions: list[AgencyMention], glue: re.Pattern, verb: re.Pattern
) -> LeadClause | None:
    """Two or more bodies, from ``mentions[0]`` on, joined by ``glue``, and the task after them:
    after a role ("chủ trì …") or, failing that, after ``verb``; None for one body or a
    collective."""
    group = [mentions[0]]
    for nxt in mentions[1:]:
        if not glue.fullmatch(text, group[-1].end, nxt.start):
            break
        group.append(nxt)
    if len(group) < 2 or any(m.ref.collective for m in group):
        return None
    role = ROLE_AFTER.match(text, group[-1].end, sentence.end)
    if role:
        return LeadClause(group, role.end())
    found = verb.match(text, group[-1].end, sentence.end)
    return LeadClause(group, found.end()) if found else None


_OPENER = re.compile(r"(?:Đồng thời|Bên cạnh đó|Ngoài ra|Theo đó)\s*,\s*")


def mandated_bodies(text: str, sentence: Span, mentions: list[AgencyMention]) -> LeadClause | None:
    """Bodies opening a sentence and acting under their mandate ("Đồng thời, Bộ Công an, Bộ Xây
    dựng, Bộ Khoa học và Công nghệ theo nhiệm vụ, quyền hạn được giao xây dựng kế hoạch …"): the
    mandate phrase says the task is theirs to carry out; each leads it."""
    opener = _OPENER.match(text, sentence.start, sentence.end)
    start = opener.end() if opener else sentence.start
    first = next((i for i, m in enumerate(mentions) if m.start == start), None)
    if first is None:
        return None
    group = [mentions[first]]
    for nxt in mentions[first + 1 :]:
        if not CO_LEAD_GLUE.fullmatch(text, group[-1].end, nxt.start):
            break
        group.append(nxt)
    if any(m.ref.collective for m in group):
        return None
    mandate = MANDATE.match(text, group[-1].end, sentence.end)
    return LeadClause(group, mandate.end()) if mandate else None


# A collegial body whose standing duties a founding decision lists: a steering committee, a
# working group, a council.
_COMMITTEE = re.compile(r"(?:Ban [Cc]hỉ đạo|Tổ công tác|Tổ giúp việc|Hội đồng)(?![\w])")
_DUTY_NOUN = r"(?:chức năng|nhiệm vụ)(?:\s*(?:,|và)\s*(?:chức năng|nhiệm vụ|quyền hạn))*"
# "Ban chỉ đạo xây dựng chính quyền điện tử sẽ có chức năng, nhiệm vụ nghiên cứu …": the name may
# run on in lower case past what the catalogue matched
_HAS_DUTIES = re.compile(
    rf"[^,;:.()]{{0,80}}?\s+(?:sẽ\s+)?có\s+(?:các\s+)?{_DUTY_NOUN}\s+(?:là\s+|sau\s*:\s*)?"
)
# "Chức năng, nhiệm vụ của Ban Chỉ đạo là …", "Chức năng của Ban Chỉ đạo: …"
_DUTIES_OF = re.compile(
    r"(?:[^.;:]{0,40}?,\s*)?[Cc]hức năng(?:\s*(?:,|và)\s*(?:nhiệm vụ|quyền hạn))*\s+của\s+"
)
_DUTIES_ARE = re.compile(r"[^,;:.()]{0,80}?(?:\s+là\s+|\s*:\s*)(?=\S)")
# The subject-less sentences that go on listing the committee's duties ("Giúp UBND tỉnh …",
# "Đồng thời, giúp …", "Điều phối, đôn đốc, kiểm tra …", "Cho ý kiến về …")
DUTY_GOES_ON = re.compile(
    r"(?:(?:Đồng thời|Ngoài ra|Bên cạnh đó|Cùng với đó)\s*,?\s*)?(?=(?:giúp|điều phối|cho ý kiến|"
    r"nghiên cứu|đề xuất|tham mưu|chỉ đạo|đôn đốc|kiểm tra|theo dõi)(?![\w]))",
    re.IGNORECASE,
)
# "Cùng với đó, tích hợp, đồng bộ … dữ liệu": a linking phrase then a lower-case verb goes on too
DUTY_LINKED = re.compile(r"(?:Đồng thời|Ngoài ra|Bên cạnh đó|Cùng với đó)\s*,\s*(?=[^\W\d_])")


def is_committee(name: str) -> bool:
    """Whether a body's name is a steering committee's, working group's or council's."""
    return bool(_COMMITTEE.match(name))


def committee_duties(text: str, sentence: Span, mentions: list[AgencyMention]) -> LeadClause | None:
    """A committee's standing duties, which a founding decision gives it as its tasks ("Ban chỉ
    đạo … sẽ có chức năng, nhiệm vụ nghiên cứu, đề xuất …", "Chức năng, nhiệm vụ của Ban Chỉ đạo
    là nghiên cứu …", "Chức năng của Ban Chỉ đạo: nghiên cứu …"): the committee leads them."""
    for mention in mentions:
        if mention.ref.collective or not _COMMITTEE.match(text, mention.start, mention.end):
            continue
        of = _DUTIES_OF.fullmatch(text, sentence.start, mention.start)
        if of is not None:
            found = _DUTIES_ARE.match(text, mention.end, sentence.end)
        else:
            found = _HAS_DUTIES.match(text, mention.end, sentence.end)
        if found is not None:
            return LeadClause([mention], found.end())
    return None
