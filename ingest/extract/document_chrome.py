"""A legal-text site's own lists around the text it shows: tabs and panels such as "Văn bản liên
quan", "Lược đồ", "Văn bản gốc", "Văn bản được hướng dẫn", each followed by a list of documents
the site relates to this one. Those lists are the site's, not the text's: no document is named
by the text there, so the namings inside them are dropped.

A tab line holds only such labels (separated by "|", "•", "/" or spaces); a panel is a list
label alone on its line, with the lines right under it that start with a document (a head noun
or a number), or a list label followed by ":" and its list on the same line.
"""

from __future__ import annotations

import re

from ingest.extract.document_identity import HEAD_PATTERN

# Panels that list other documents, and the site's other tabs.
_LIST_LABEL = (
    r"(?:Văn bản (?:liên quan(?: cùng nội dung)?|dẫn chiếu|căn cứ|thay thế|bị thay thế"
    r"|được hướng dẫn|hướng dẫn|quy định chi tiết|sửa đổi,? bổ sung|bị sửa đổi,? bổ sung"
    r"|bị đính chính|đính chính)|Lược đồ|VB liên quan)"
)
_LABEL = rf"(?:{_LIST_LABEL}|Văn bản gốc|Văn bản hợp nhất|Tải về|Thuộc tính|Tiếng Anh|Mục lục)"
_TAB_LINE = re.compile(
    rf"^[ \t#*|•/\-]*{_LABEL}(?:[ \t*|•/\-]+{_LABEL})*[ \t#*|•/:\-]*$", re.MULTILINE | re.I
)
_PANEL_HEADING = re.compile(rf"^[ \t#*|•\-]*{_LIST_LABEL}[ \t#*|:]*$", re.MULTILINE | re.I)
_LABELLED_LIST = re.compile(rf"^[ \t#*|•\-]*{_LIST_LABEL}[ \t*]*:[^\n]*$", re.MULTILINE | re.I)
_LISTED = re.compile(rf"[ \t|*•+\-]*(?:\d+[.)]?\s+)?(?:{HEAD_PATTERN}|\d)", re.IGNORECASE)


def chrome_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the site's tab lines and related-document panels in ``text``."""
    spans = [(m.start(), m.end()) for m in _TAB_LINE.finditer(text)]
    spans += [(m.start(), m.end()) for m in _LABELLED_LIST.finditer(text)]
    for heading in _PANEL_HEADING.finditer(text):
        end = heading.end()
        for line in re.finditer(r"\n([^\n]*)", text[heading.end() :]):
            if not line.group(1).strip():
                continue
            if not _LISTED.match(line.group(1)):
                break
            end = heading.end() + line.end()
        spans.append((heading.start(), end))
    return spans


def outside_chrome(text: str, positions: list[int]) -> list[bool]:
    """For each position, whether it lies outside every panel."""
    spans = chrome_spans(text)
    return [not any(s <= p < e for s, e in spans) for p in positions]
