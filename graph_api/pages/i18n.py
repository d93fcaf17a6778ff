"""The interface's words in Vietnamese (the default) and English (``?lang=en``).

The graph's own labels come in both languages; these are the words of the interface around them.
"""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import Request

LANGUAGES = ("vi", "en")
NAVIGATION = (  # (path, Vietnamese, English)
    ("/search", "Tìm kiếm", "Search"),
    ("/tasks", "Nhiệm vụ", "Tasks"),
    ("/agencies", "Cơ quan", "Agencies"),
    ("/documents", "Văn bản", "Documents"),
    ("/provinces", "Tỉnh/thành", "Provinces"),
    ("/alignment", "Đối chiếu mục tiêu", "Target alignment"),
    ("/views/dependencies", "Sơ đồ", "Diagrams"),
    ("/sparql", "SPARQL", "SPARQL"),
    ("/docs", "API", "API"),
)
WORDS: dict[str, tuple[str, str]] = {  # key: (Vietnamese, English)
    "tagline": (
        "Chương trình, cơ quan, nhiệm vụ và mục tiêu về khoa học, công nghệ, đổi mới sáng tạo "
        "và chuyển đổi số của Việt Nam (Nghị quyết 57-NQ/TW, 03/NQ-CP, kế hoạch của các tỉnh).",
        "Vietnam's programmes, agencies, tasks and targets for science, technology, innovation "
        "and digital transformation (Resolution 57-NQ/TW, 03/NQ-CP, provincial plans).",
    ),
    "search": ("Tìm kiếm", "Search"),
    "search_placeholder": (
        "nhiệm vụ, cơ quan, văn bản, tỉnh…",
        "task, agency, document, province…",
    ),
    "search_button": ("Tìm", "Search"),
    "no_results": ("Không tìm thấy kết quả nào cho", "Nothing found for"),
    "results_for": ("kết quả cho", "results for"),
    "kind": ("Loại", "Kind"),
    "name": ("Tên", "Name"),
    "questions": ("Câu hỏi thường gặp", "Common questions"),
    "q_task": (
        "Ai đang phụ trách nhiệm vụ 52, Phụ lục II, 03/NQ-CP?",
        "Who holds task 52 of 03/NQ-CP Appendix II today?",
    ),
    "q_agency": (
        "Sở KH&CN Bình Dương được giao những nhiệm vụ nào?",
        "Which tasks does Bình Dương's Department of Science and Technology hold?",
    ),
    "q_document": (
        "Những văn bản nào triển khai Nghị quyết 57-NQ/TW?",
        "Which documents implement Resolution 57-NQ/TW?",
    ),
    "q_alignment": (
        "Mục tiêu của tỉnh so với mục tiêu quốc gia",
        "Provincial targets against national ones",
    ),
    "lead": ("Chủ trì", "Lead"),
    "coordinating": ("Phối hợp", "Coordinating"),
    "assigning": ("Cơ quan giao", "Assigned by"),
    "deadline": ("Thời hạn", "Deadline"),
    "ongoing": ("Thường xuyên", "Ongoing"),
    "expected_output": ("Kết quả dự kiến", "Expected output"),
    "themes": ("Chủ đề", "Themes"),
    "document": ("Văn bản", "Document"),
    "task": ("Nhiệm vụ", "Task"),
    "content": ("Nội dung", "Content"),
    "overdue": ("Quá hạn", "Overdue"),
    "holder_now": ("Đơn vị phụ trách hiện nay", "Who holds it now"),
    "holder_on": ("Đơn vị phụ trách vào ngày", "Who holds it on"),
    "show": ("Xem", "Show"),
    "assigned_to": ("Được giao cho", "Assigned to"),
    "held_by": ("Nay do", "Now held by"),
    "chain": ("Quá trình sắp xếp", "Mergers"),
    "still_exists": ("vẫn giữ nhiệm vụ", "still holds it"),
    "decided_by": ("theo", "under"),
    "source_quote": ("Trích nguyên văn", "Quote from the source"),
    "source": ("Nguồn", "Source"),
    "original": ("bản gốc", "original"),
    "level": ("Cấp", "Level"),
    "province": ("Địa bàn", "Jurisdiction"),
    "parent": ("Trực thuộc", "Part of"),
    "tasks_led": ("Nhiệm vụ chủ trì", "Tasks it leads"),
    "tasks_coordinated": ("Nhiệm vụ phối hợp", "Tasks it coordinates"),
    "tasks_inherited": ("Nhiệm vụ kế thừa qua sắp xếp", "Tasks inherited through mergers"),
    "predecessors": ("Tiền thân", "Predecessors"),
    "successors": ("Đơn vị kế thừa", "Successors"),
    "dissolved": ("Chấm dứt hoạt động", "Dissolved"),
    "none": ("Không có", "None"),
    "number": ("Số hiệu", "Number"),
    "title": ("Tên văn bản", "Title"),
    "type": ("Loại văn bản", "Type"),
    "issuer": ("Cơ quan ban hành", "Issued by"),
    "issued": ("Ngày ban hành", "Issued on"),
    "part_of": ("Thuộc văn bản", "Part of"),
    "scope": ("Phạm vi", "Scope"),
    "status": ("Tình trạng", "Status"),
    "implements": ("Văn bản này triển khai", "This document implements"),
    "implemented_by": ("Văn bản triển khai văn bản này", "Documents implementing it"),
    "tasks_set": ("Nhiệm vụ", "Tasks"),
    "targets_set": ("Chỉ tiêu", "Targets"),
    "indicator": ("Chỉ số", "Indicator"),
    "value": ("Giá trị", "Value"),
    "year": ("Năm", "Year"),
    "facts": ("Thông tin", "Facts"),
    "linked_from": ("Được nhắc đến trong", "Referred to by"),
    "other_names": ("Tên khác", "Other names"),
    "formats": ("Dữ liệu", "Data"),
    "filter": ("Lọc bảng…", "Filter the table…"),
    "sparql_title": ("Truy vấn SPARQL", "SPARQL query"),
    "sparql_intro": (
        "Truy vấn chỉ đọc; đồ thị mặc định là hợp của mọi nguồn. Chọn một truy vấn mẫu để bắt đầu.",
        "Read-only; the default graph is the union of all sources. Start from an example.",
    ),
    "examples": ("Truy vấn mẫu", "Example queries"),
    "truncated": (
        "Kết quả đã bị cắt bớt: máy chủ chỉ trả về tối đa {rows} dòng.",
        "The results were truncated: this server returns at most {rows} rows.",
    ),
    "language": ("English", "Tiếng Việt"),
    "diagram_agency": ("Sơ đồ nhiệm vụ của cơ quan", "Diagram of its tasks"),
    "diagram_down": (
        "Sơ đồ triển khai (xuống nhiệm vụ, chỉ tiêu)",
        "Diagram down to tasks and targets",
    ),
    "diagram_up": ("Sơ đồ văn bản cấp trên", "Diagram up to the documents it serves"),
}
KINDS: dict[str, tuple[str, str]] = {
    "task": ("Nhiệm vụ", "Task"),
    "agency": ("Cơ quan", "Agency"),
    "document": ("Văn bản", "Document"),
    "place": ("Tỉnh/thành, địa bàn", "Place"),
    "indicator": ("Chỉ số", "Indicator"),
    "target": ("Chỉ tiêu", "Target"),
    "theme": ("Chủ đề", "Theme"),
    "source": ("Nguồn", "Source"),
    "event": ("Sự kiện sắp xếp", "Reorganisation"),
    "meeting": ("Phiên họp", "Meeting"),
    "evidence": ("Bằng chứng", "Evidence"),
}


def language(request: Request) -> str:
    """``en`` when the page is asked for with ``?lang=en``, else Vietnamese."""
    return "en" if request.query_params.get("lang") == "en" else "vi"


class Words:
    """The interface's words in one language, for the templates: ``t("lead")``."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.index = LANGUAGES.index(lang)

    def __call__(self, key: str, **values: object) -> str:
        text = WORDS[key][self.index]
        return text.format(**values) if values else text

    def kind(self, kind: str) -> str:
        return KINDS.get(kind, (kind, kind))[self.index]

    def navigation(self) -> list[tuple[str, str]]:
        return [(self.link(path), names[self.index]) for path, *names in NAVIGATION]

    def link(self, path: str) -> str:
        """``path`` in this language: ``?lang=en`` kept on every local link in English."""
        if self.lang == "vi" or not path.startswith("/") or path.startswith(("/docs", "/api")):
            return path
        return f"{path}{'&' if '?' in path else '?'}lang=en"


def toggle_url(request: Request, lang: str) -> str:
    """This page in the other language."""
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"]
    if lang == "vi":
        params.append(("lang", "en"))
    query = urlencode(params)
    return request.url.path + (f"?{query}" if query else "")
