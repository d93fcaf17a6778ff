"""Who leads a task: the agencies listed together before a role ("Bộ KH&CN, Bộ TT&TT chủ
trì"), those told together after "giao", and the lead a section heading names for its items."""

from __future__ import annotations

import re

from ingest.extract.sentences import Span
from ingest.extract.structure import DocumentTree, Node
from ingest.model import AgencyRef
from ingest.resolve import AgencyMention, Catalogue, resolve_agency

# "X chủ trì", "X có trách nhiệm", "X cũng được giao nhiệm vụ", "X có nhiệm vụ", "X phải xây dựng",
# "X được Ủy ban nhân dân tỉnh giao chủ trì" (passive, the giver between), "X là cơ quan được giao
# chủ trì"
ROLE_AFTER = re.compile(
    r"\s*,?\s*(?:cũng\s+)?(?:là cơ quan được giao(?:\s+nhiệm vụ)?(?:\s+(?:chủ trì|đầu mối))?|"
    r"là cơ quan (?:đầu mối|chủ trì|thường trực)"
    r"(?:,?\s*(?:chủ trì|đầu mối))?|chủ trì|có trách nhiệm|chịu trách nhiệm|có nhiệm vụ|"
    r"phải(?=\s+(?!có\b|là\b|được\b|đạt\b)[a-zđà-ỹ])|"
    r"được(?:\s+[^\s,;.:]+){0,6}?\s+(?:giao|yêu cầu)(?:\s+nhiệm vụ)?(?:\s+chủ trì)?)(?![\w])"
    r"\s*,?\s*"
)
CO_LEAD_GLUE = re.compile(r"\s*(?:,|và)\s*")
# "Bộ Tài chính cùng Bộ Khoa học và Công nghệ được yêu cầu đề xuất …": bodies joined by "cùng"
# before a role share it
_JOINT_GLUE = re.compile(r"\s*(?:,|và|cùng(?:\s+với)?)\s*")
# "theo nhiệm vụ, quyền hạn được giao", "căn cứ chức năng, nhiệm vụ": the mandate a body acts
# under, between the bodies charged and their task's verb
MANDATE = re.compile(
    r"\s*,?\s*(?:căn cứ|theo)\s+(?:chức năng,?\s*nhiệm vụ|chức năng và nhiệm vụ|nhiệm vụ,?\s*"
    r"quyền hạn|nhiệm vụ và quyền hạn)(?:,\s*(?:quyền hạn|thẩm quyền))?(?:\s+(?:được\s+"
    r"(?:phân công|giao)|của mình))?\s*,?\s*(?=[a-zđà-ỹ])"
)
HOLDER = re.compile(
    r"(?:Lãnh đạo|Chủ tịch|Giám đốc|Bộ trưởng|Trưởng ban|Thủ trưởng|Bí thư)\s+(?=[A-ZĐỦ])"
)
HEADING_REST = re.compile(r"\s*(?:\([^)]{0,40}\))?\s*[*_]*\s*:?\s*[*_]*\s*")


def co_leads(
    text: str, sentence: Span, mentions: list[AgencyMention], index: int, used_until: int
) -> list[AgencyMention]:
    """The agencies listed before a lead and sharing its role ("Bộ KH&CN, Bộ TT&TT chủ trì", "Bộ
    A cùng Bộ B được yêu cầu …"), when the list opens its clause."""
    group = [mentions[index]]
    j = index - 1
    while (
        j >= 0
        and mentions[j].start >= used_until
        and _JOINT_GLUE.fullmatch(text, mentions[j].end, group[0].start)
    ):
        group.insert(0, mentions[j])
        j -= 1
    if len(group) > 1 and opens_clause(text, sentence, group[0].start):
        return group
    return group[-1:]


# ", UBND các huyện, thị xã, thành phố" closing a list of bodies told together
_LOCAL_COMMITTEES = re.compile(
    r"\s*(?:,|và)\s*(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+các\s+(?:huyện|quận|xã|phường)"
    r"(?:\s*,\s*(?:thị xã|thành phố|quận|huyện|xã|phường|thị trấn)(?:\s+[A-ZĐ][\w]*){0,3})*"
    r"\s+(?=[a-zđà-ỹ])"
)


def _glued(text: str, mentions: list[AgencyMention], index: int) -> tuple[list[AgencyMention], int]:
    """The mentions from ``mentions[index]`` on joined by list glue (", ", " và "), and where
    the last ends."""
    group = [mentions[index]]
    position = mentions[index].end
    for nxt in mentions[index + 1 :]:
        if not CO_LEAD_GLUE.fullmatch(text, position, nxt.start):
            break
        group.append(nxt)
        position = nxt.end
    return group, position


def listed_together(
    text: str, sentence: Span, mentions: list[AgencyMention], index: int
) -> tuple[list[AgencyMention], int] | None:
    """The bodies listed from ``mentions[index]`` on ("Sở A, Sở B, Báo X, UBND các huyện, thành
    phố Y"), and where the word after the list starts; None when no word follows it."""
    group, position = _glued(text, mentions, index)
    tail = _LOCAL_COMMITTEES.match(text, position, sentence.end)
    if tail:
        return group, tail.end()
    if text[position : position + 1] != " ":
        return None
    return group, position + 1


def directed_list(
    text: str, sentence: Span, mentions: list[AgencyMention], index: int
) -> tuple[list[AgencyMention], int]:
    """The agencies told together ("giao Sở A, Sở B chủ trì …"), and where their list ends."""
    group, position = _glued(text, mentions, index)
    joined = len(group) > 1 and "và" in text[group[-2].end : group[-1].start]
    tail = _LOCAL_COMMITTEES.match(text, position, sentence.end) if len(group) > 1 else None
    if tail:
        # "giao Sở Tài chính, Sở Kế hoạch và Đầu tư, UBND các huyện, thị xã, thành phố ưu tiên
        # bố trí …": the named departments lead together, the local committees with them
        return group, tail.end()
    mandate = MANDATE.match(text, position, sentence.end) if len(group) > 1 else None
    if mandate:
        # "giao Bộ Quốc phòng, Bộ Công an theo nhiệm vụ, quyền hạn được giao xây dựng …"
        return group, mandate.end()
    if len(group) > 1 and not ROLE_AFTER.match(text, position, sentence.end) and not joined:
        # "giao Sở A, Sở B …" without a role: unclear; "Giao cho Sở A và Sở B hướng dẫn …"
        # names both
        return group[:1], mentions[index].end
    return group, position


def heading_lead(
    tree: DocumentTree | None, text: str, sentence: Span, all_mentions: list[AgencyMention]
) -> AgencyMention | None:
    """The lead a section heading names for the items under it ("3. Ban Tuyên giáo Tỉnh ủy:",
    "b) Lãnh đạo Ban Kinh tế:"), innermost heading first."""
    if tree is None:
        return None
    for node in reversed(tree.sections_at(sentence.start)):
        if node.start <= sentence.start < node.heading_end:
            continue
        start = node.start + len(node.marker)
        start += len(text[start : node.heading_end]) - len(text[start : node.heading_end].lstrip())
        holder = HOLDER.match(text, start, node.heading_end)
        start = holder.end() if holder else start
        mention = next((m for m in all_mentions if m.start == start), None)
        if mention and HEADING_REST.fullmatch(text, mention.end, node.heading_end):
            return mention
    return None


# "Để bảo đảm nguồn lực thực thi, Bộ A cùng Bộ B …": a purpose clause before the subject
_CLAUSE_OPENER = re.compile(
    r"(?:Đồng thời|đồng thời|Bên cạnh đó|Ngoài ra|Theo đó|trên cơ sở đó|Để [^,;.:]{3,80},)"
    r"\s*,?\s*$"
)


# "Về Hạ tầng số: Sở X triển khai …", "Đối với chuyển đổi số: …": the topic an item is about,
# before the body it charges
_TOPIC_LABEL = re.compile(r"\s*(?:Về|Đối với|Trong lĩnh vực)\s+[^:;.,]{1,60}:\s*")


def opens_clause(text: str, sentence: Span, start: int) -> bool:
    """Whether an agency stands at the start of its sentence or of a ";"-clause (after a topic
    label "Về …:" opening the sentence, if any)."""
    head = text[sentence.start : start]
    topic = _TOPIC_LABEL.match(head)
    head = head[topic.end() :] if topic else head
    head = _CLAUSE_OPENER.sub("", head)
    return not head.strip() or head.rstrip().endswith(";")


# "các bộ: TC, XD, CT và Ngân hàng Nhà nước": ministries by the initials of their names.
_ABBREVIATED_LIST = re.compile(
    r"(?<![\w])(?:các|Các)\s+(?:bộ|Bộ)\s*[:,]?\s*"
    r"(?P<codes>[A-ZĐ][A-ZĐ&]{1,7}(?:\s*,\s*[A-ZĐ][A-ZĐ&]{1,7})*)(?![\w&])"
)
_CODE = re.compile(r"[A-ZĐ][A-ZĐ&]{1,7}")
_NOT_A_MINISTRY = {"Bộ Chính trị"}  # the Politburo is a "Bộ" but never one of "các bộ"


def ministry_initials(catalogue: Catalogue) -> dict[str, AgencyRef]:
    """Each curated ministry by the initials of its name ("Bộ Tài chính" → "TC", "Bộ Khoa học
    và Công nghệ" → "KHCN" and "KH&CN"); initials two ministries share are left out."""
    cached = catalogue.cache.get("ministry-initials")
    if isinstance(cached, dict):
        return cached
    found: dict[str, list[str]] = {}
    for entry in catalogue.agencies.values():
        label = entry.labels[0] if entry.labels else ""
        if not label.startswith("Bộ ") or label in _NOT_A_MINISTRY or entry.level != "national":
            continue
        parts = [p for p in re.split(r"\s+và\s+|\s*,\s*|\s+-\s+", label[3:]) if p]
        initials = ["".join(w[0].upper() for w in p.split()) for p in parts]
        for code in {"".join(initials), "&".join(initials)}:
            found.setdefault(code, []).append(label)
    result = {
        code: resolve_agency(labels[0], catalogue)
        for code, labels in found.items()
        if len(set(labels)) == 1
    }
    catalogue.cache["ministry-initials"] = result
    return result


def ministry_short_names(catalogue: Catalogue) -> dict[str, AgencyRef]:
    """Each curated ministry by its name without "Bộ" ("Công an", "Văn hóa, Thể thao và Du
    lịch"), as a list "Các Bộ: Công an, Tài chính, Y tế" names them."""
    cached = catalogue.cache.get("ministry-short-names")
    if isinstance(cached, dict):
        return cached
    result = {
        entry.labels[0][3:]: resolve_agency(entry.labels[0], catalogue)
        for entry in catalogue.agencies.values()
        if entry.labels
        and entry.labels[0].startswith("Bộ ")
        and entry.labels[0] not in _NOT_A_MINISTRY
        and entry.level == "national"
    }
    catalogue.cache["ministry-short-names"] = result
    return result


# "Các Bộ: Thông tin và Truyền thông, Văn hóa, Thể thao và Du lịch, Công an, …"
_NAMED_LIST = re.compile(r"(?<![\w])(?:các|Các)\s+(?:bộ|Bộ)\s*:\s*")
_NAME_GLUE = re.compile(r"\s*(?:,|và)\s*")


def named_ministries(text: str, start: int, end: int, catalogue: Catalogue) -> list[AgencyMention]:
    """Ministries named without "Bộ" after "Các Bộ:" in [start, end), the longest curated name
    at each place (names hold commas and "và"); two or more, or none."""
    names = ministry_short_names(catalogue)
    ordered = sorted(names, key=len, reverse=True)
    mentions: list[AgencyMention] = []
    for listed in _NAMED_LIST.finditer(text, start, end):
        found: list[AgencyMention] = []
        position = listed.end()
        while position < end:
            name = next(
                (
                    n
                    for n in ordered
                    if text.startswith(n, position)
                    and not text[position + len(n) : position + len(n) + 1].isalnum()
                ),
                None,
            )
            if name is None:
                break
            begin = listed.start() if not found else position
            found.append(AgencyMention(begin, position + len(name), names[name]))
            glue = _NAME_GLUE.match(text, position + len(name), end)
            if glue is None:
                break
            position = glue.end()
        if len(found) >= 2:
            mentions.extend(found)
    return mentions


def abbreviated_ministries(
    text: str, start: int, end: int, catalogue: Catalogue
) -> list[AgencyMention]:
    """Ministries named by initials after "các bộ:" in [start, end), one mention each (the first
    one covers "các bộ:" so that a directive before it still reads as one), or by their names
    without "Bộ" ("Các Bộ: Công an, Tài chính, …")."""
    initials = ministry_initials(catalogue)
    mentions: list[AgencyMention] = named_ministries(text, start, end, catalogue)
    for listed in _ABBREVIATED_LIST.finditer(text, start, end):
        codes = list(_CODE.finditer(text, listed.start("codes"), listed.end("codes")))
        if not codes or not all(c.group() in initials for c in codes):
            continue
        for index, code in enumerate(codes):
            begin = listed.start() if index == 0 else code.start()
            mentions.append(AgencyMention(begin, code.end(), initials[code.group()]))
    return mentions


_ITEM_KINDS = ("ordinal", "dash", "plus", "number", "letter")
# "Bộ KH&CN tập trung triển khai 9 nhiệm vụ trọng tâm:" — a body announcing its list of tasks
_ANNOUNCES_TASKS = re.compile(
    r"\s+(?:[\w&]+\s+){0,5}?(?:nhiệm vụ|giải pháp|nội dung|công việc)(?:\s+[\w\s]{0,30})?:\s*$"
)


def list_item_at(tree: DocumentTree, offset: int) -> Node | None:
    """The innermost list item (ordinal, bullet or number) whose first line holds ``offset``."""
    for node in reversed(tree.path_at(offset)):
        if node.kind in _ITEM_KINDS and node.start <= offset < node.heading_end:
            return node
    return None


def list_intro(tree: DocumentTree | None, offset: int) -> Node | None:
    """The paragraph that introduces the list whose item's first line holds ``offset`` ("… tập
    trung vào một số nhiệm vụ trọng tâm, cụ thể như sau:"), if a paragraph does."""
    if tree is None:
        return None
    item = list_item_at(tree, offset)
    if item is None:
        return None
    path = tree.path_at(item.start)
    parent = path[-2] if len(path) >= 2 else tree.root
    siblings = parent.children
    index = next(i for i, node in enumerate(siblings) if node is item) - 1
    while index >= 0 and siblings[index].kind == item.kind:
        index -= 1
    if index < 0 or siblings[index].kind != "paragraph":
        return None
    return siblings[index]


def list_intro_lead(
    tree: DocumentTree | None, text: str, sentence: Span, all_mentions: list[AgencyMention]
) -> AgencyMention | None:
    """The lead of a list's items named in the paragraph that introduces the list ("Theo đó, Bộ
    KH&CN tập trung triển khai 9 nhiệm vụ trọng tâm:" then "Một là, …", "Hai là, …")."""
    intro = list_intro(tree, sentence.start)
    if intro is None:
        return None
    for mention in all_mentions:
        if intro.start <= mention.start < intro.end and _ANNOUNCES_TASKS.match(
            text[: intro.heading_end], mention.end
        ):
            return mention
    return None


_CONTRAST = re.compile(r",\s*(?:trong khi|còn|đồng thời)\s+")


# "giao A làm chủ đầu tư và B làm quản lý dự án …": a second body, then its own verb
_AND_ANOTHER = re.compile(r"\s+và\s+")
_OWN_VERB = re.compile(
    r"(?:\s*\([A-ZĐ][A-ZĐ&\-]{1,10}\))?\s+(?:làm|chủ trì|thực hiện|triển khai|xây dựng|"
    r"tổ chức|hướng dẫn|nghiên cứu|tham mưu|hỗ trợ|quản lý)\s"
)


def contrast_end(text: str, start: int, end: int, mentions: list[AgencyMention]) -> int | None:
    """Where a task ends at a contrast that opens with another body ("Công an tỉnh đảm bảo …,
    trong khi Sở KH-CN chủ trì …": two tasks), or at "và" before another body with a verb of its
    own ("giao A làm chủ đầu tư và B làm quản lý dự án"), if one does in [start, end)."""
    ends = [
        contrast.start()
        for contrast in _CONTRAST.finditer(text, start, end)
        if any(m.start == contrast.end() for m in mentions)
    ]
    ends += [
        joined.start()
        for joined in _AND_ANOTHER.finditer(text, start, end)
        for m in mentions
        if m.start == joined.end() and _OWN_VERB.match(text, m.end, end)
    ]
    return min(ends) if ends else None


def and_another(text: str, previous_end: int, mention: AgencyMention) -> bool:
    """Whether ``mention`` is the second body a task was cut at ("… và B làm …")."""
    return bool(_AND_ANOTHER.fullmatch(text, previous_end, mention.start)) and bool(
        _OWN_VERB.match(text, mention.end)
    )
