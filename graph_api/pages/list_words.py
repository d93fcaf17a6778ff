"""The words of the list pages (``/tasks``, ``/agencies``, ``/documents``) and of the download
links, in Vietnamese and English: ``lw("filters", "en")``."""

from __future__ import annotations

from types import SimpleNamespace

WORDS: dict[str, tuple[str, str]] = {  # key: (Vietnamese, English)
    "tasks_title": ("Nhiệm vụ", "Tasks"),
    "agencies_title": ("Cơ quan", "Agencies"),
    "documents_title": ("Văn bản", "Documents"),
    "q": ("Nội dung có chứa", "Wording contains"),
    "q_agency": ("Tên có chứa", "Name contains"),
    "q_document": ("Số hiệu hoặc tên có chứa", "Number or title contains"),
    "document": ("Văn bản (số hiệu hoặc tên)", "Document (number or title)"),
    "deep": ("kể cả văn bản triển khai", "with the documents implementing it"),
    "agency": ("Cơ quan (chủ trì hoặc phối hợp)", "Agency (lead or coordinating)"),
    "province": ("Tỉnh/thành", "Province"),
    "theme": ("Chủ đề", "Theme"),
    "any": ("— tất cả —", "— any —"),
    "deadline_from": ("Thời hạn từ", "Deadline from"),
    "deadline_to": ("đến", "to"),
    "period_hint": ("năm, YYYY-MM hoặc YYYY-MM-DD", "a year, YYYY-MM or YYYY-MM-DD"),
    "overdue_on": ("Quá hạn vào ngày", "Overdue on"),
    "level": ("Cấp", "Level"),
    "national": ("Trung ương", "National"),
    "provincial": ("Địa phương", "Provincial"),
    "with_tasks": ("chỉ cơ quan có nhiệm vụ", "only agencies with tasks"),
    "type": ("Loại văn bản", "Type"),
    "issuer": ("Cơ quan ban hành", "Issued by"),
    "apply": ("Lọc", "Filter"),
    "clear": ("Bỏ lọc", "Clear"),
    "filtered_by": ("Đang lọc theo", "Filtered by"),
    "count": ("{count} kết quả", "{count} results"),
    "showing": ("hiển thị {first}–{last}", "showing {first}–{last}"),
    "none_found": (
        "Không tìm thấy kết quả nào phù hợp với bộ lọc.",
        "Nothing matches the filters.",
    ),
    "previous": ("← Trang trước", "← Previous"),
    "next": ("Trang sau →", "Next →"),
    "page": ("Trang {page}/{pages}", "Page {page} of {pages}"),
    "download": ("Tải bảng", "Download the table"),
    "download_note": (
        "(mọi kết quả theo bộ lọc, tối đa {rows} dòng)",
        "(every row the filters select, at most {rows})",
    ),
    "sort_by": ("Sắp xếp theo", "Sort by"),
    "lead_count": ("Số nhiệm vụ chủ trì", "Tasks led"),
    "coordinator_count": ("Số nhiệm vụ phối hợp", "Tasks coordinated"),
    "name": ("Tên", "Name"),
    "number": ("Số hiệu", "Number"),
    "title": ("Tên văn bản", "Title"),
    "issued": ("Ngày ban hành", "Issued on"),
    "scope": ("Phạm vi", "Scope"),
}


def lw(key: str, lang: str, **values: object) -> str:
    text = WORDS[key][1 if lang == "en" else 0]
    return text.format(**values) if values else text


def words_for(lang: str) -> SimpleNamespace:
    """Every word in ``lang``, for a template: ``lw.count``."""
    return SimpleNamespace(**{key: pair[1 if lang == "en" else 0] for key, pair in WORDS.items()})
