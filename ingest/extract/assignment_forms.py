"""The words the assignment reader tests around a body's mention: a directive before it ("giao",
"đề nghị"), a verb of administrative work after it, a connective opening a sentence that goes on
with the task before, a label ("Sở Tài chính: …"), a holder who acts for the body."""

from __future__ import annotations

import re

from ingest.extract.leads import list_intro
from ingest.extract.structure import DocumentTree
from ingest.extract.task_facts import CLAUSE_VERB
from ingest.resolve import AgencyMention

# "giao X", "yêu cầu X", "đòi hỏi X phải …", and members told for their committee ("yêu cầu
# thành viên Ban chỉ đạo …")
DIRECTIVE_BEFORE = re.compile(
    r"(?:(?<![\w])(?<!được )giao(?:\s+nhiệm vụ)?(?:\s+cho)?|đề nghị|yêu cầu|chỉ đạo|phân công|"
    r"đòi hỏi|Giao(?:\s+cho)?|^\s*(?:Yêu cầu|Đề nghị))\s+(?:(?:các\s+|từng\s+)?thành viên\s+)?$"
)
# "Xét đề nghị của Bộ …", "theo chỉ đạo của …": a noun, no one is told anything
DIRECTIVE_WORD = re.compile(
    r"(?<![\w])(?:giao|đề nghị|yêu cầu|chỉ đạo|phân công)(?![\w])(?!\s+của(?![\w]))",
    re.IGNORECASE,
)


# A modal before a task's verb: "cần", "cần phải", "sẽ", "cũng cần" ("Ngoài ra, Ngân hàng Nhà nước
# cũng cần tiếp tục …")
_MODAL = re.compile(r"(?:cũng\s+)?(?:cần(?:\s+phải)?|sẽ)\s+")
# The leader's opinion a Government Office notice conveys: what follows it directs.
OPINION_OPENER = re.compile(
    r"(?:có ý kiến(?:\s+chỉ đạo)?|kết luận(?:\s+chỉ đạo)?)\s+(?:như sau|sau đây)\s*:"
)


def plain_verb(text: str, position: int, end: int) -> bool:
    """Whether a verb of administrative work opens the text at ``position``."""
    return bool(TASK_OPENING.match(text, position, end) or CLAUSE_VERB.match(text, position, end))


def modal_end(text: str, position: int) -> int:
    """Past a modal word ("cần", "sẽ") before a task's verb."""
    modal = _MODAL.match(text, position)
    return modal.end() if modal else position


def directs(text: str, start: int, end: int, mentions: list[AgencyMention]) -> bool:
    """Whether a directive word stands in [start, end) outside a body's name (the "chỉ đạo" of
    "Ban Chỉ đạo … tổ chức Hội nghị" directs no one)."""
    return any(
        not any(m.start <= word.start() < m.end for m in mentions)
        for word in DIRECTIVE_WORD.finditer(text, start, end)
    )


# "Trên cơ sở kết quả rà soát của các bộ, ngành, Bộ Công an chủ trì …": grounds before the lead
# of a role, whose task the next paragraph may go on with
GROUNDS = re.compile(r"(?:Trên cơ sở|Căn cứ)\s+(?!đó\b)[^;.:]*,\s*")
CAPTION = re.compile(r"(?:^|\s|\()Ảnh(?:\s+minh\s+h(?:oạ|ọa|oa))?\s*:|Ảnh minh h(?:oạ|ọa)\s*$")
# How a sentence going on with the task before may open: a connective, a condition ("Trường hợp
# cần thiết, đề xuất …") or a recurring time ("Vào tháng 11 hàng năm, lập phiếu điều tra …")
CONNECTIVE = re.compile(
    r"(?:Đồng thời|Bên cạnh đó|Ngoài ra|(?:Trong )?[Tt]rường hợp cần thiết|Khi cần thiết|"
    r"(?:Vào )?(?:tháng \d{1,2} )?[Hh][ằà]ng năm|Định kỳ h[ằà]ng (?:năm|quý|tháng))\s*,\s*"
)
# "Văn phòng Tỉnh ủy, Sở KH&CN phối hợp nghiên cứu …", "Bộ Tài chính, Bộ KH&CN phối hợp với các
# cơ quan liên quan xem xét …" (with a collective only: "A phối hợp với B" makes B the lead)
JOINT = re.compile(r"\s+phối hợp\s+(?!chặt)(?!với\s+(?!các\s|những\s))")
# How a subject-less task opens: a verb of administrative work (or a role).
TASK_OPENING = re.compile(
    r"(?:khẩn trương\s+|tiếp tục\s+|chủ động\s+)?(?:rà soát|chủ trì|phối hợp|xây dựng|tham mưu|"
    r"triển khai|hoàn thiện|tổ chức|đẩy mạnh|báo cáo|nghiên cứu|hướng dẫn|thực hiện|đôn đốc|"
    r"kiểm tra|theo dõi|bảo đảm|đảm bảo|nâng cao|ban hành|trình|tăng cường|phát triển|"
    r"tập trung|cập nhật|đề xuất|quán triệt|hoàn thành|sửa đổi|bố trí|cung cấp|tổng hợp|"
    r"đánh giá|lãnh đạo|chỉ đạo|tuyên truyền|cụ thể hóa|cụ thể hoá|thẩm định|hỗ trợ|ưu tiên|"
    r"áp dụng|tiếp thu|khẩn trương|tiếp tục|chủ động|dẫn dắt|làm rõ|tham khảo|"
    r"lập(?!\s+tức))(?![\w])",
    re.IGNORECASE,
)


MORE_OF_NAME = re.compile(r"\s+(?:các|cấp|và)\s")  # "Ủy ban nhân dân các huyện": a collective
LABEL = re.compile(r"\s*:\s*(?=\S)")
# A position holder who acts on a task ("Bộ trưởng Bộ Tài chính chỉ đạo rà soát …") rather than
# tells a body to ("Chủ tịch UBND tỉnh chỉ đạo Sở X …", which names its own lead).
HOLDER_ACTS = re.compile(
    r"\s+(?:trực tiếp\s+|tập trung\s+)?chỉ đạo(?:\s+(?:quyết liệt|sát sao|việc))?\s+"
    r"(?!các\s|những\s|toàn\s|cấp\s)(?=[a-zđà-ỹ])"
)


def intro_directs(
    tree: DocumentTree, text: str, offset: int, mentions: list[AgencyMention]
) -> bool:
    """Whether the list item at ``offset`` is one of a directive's items: the paragraph that
    introduces its list directs and announces it ("Chủ tịch UBND tỉnh yêu cầu các cơ quan … tập
    trung vào một số nhiệm vụ trọng tâm, cụ thể như sau:")."""
    intro = list_intro(tree, offset)
    if intro is None or not text[intro.start : intro.heading_end].rstrip().endswith(":"):
        return False
    return directs(text, intro.start, intro.heading_end, mentions)
