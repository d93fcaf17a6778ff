"""A source's metadata: declared in a sidecar file or front matter, else guessed from the text.

Declared values win; a key declared as null is left empty (a curator decided it is unknown).
Every guessed field is named in ``SourceMeta.guessed`` and explained in ``SourceMeta.notes``.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

from ingest.model import SourceMeta
from ingest.text.dates import find_dates
from ontology.slugs import fold

SIDECAR_SUFFIX = ".meta.json"
FIELDS = ("title", "date", "publisher", "address")
_HEAD_CHARS = 3000  # guesses look only at the top of a text (and at its credit lines)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_FRONT_MATTER_LINE = re.compile(r"^\s*([A-Za-z_]+)\s*:\s*(.*?)\s*$")
_ISO_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_LEADING_DATE_LINE = re.compile(
    r"\A\s*(?:(?:thứ\s+\w+|chủ nhật)\s*,\s*)?(\d{1,2}/\d{1,2}/\d{4})\b", re.IGNORECASE
)
_LEADING_DATE_WORD = re.compile(r"\A\s*date\s*:?\s+(\d{4}-\d{1,2}(?:-\d{1,2})?)\b", re.IGNORECASE)
_LETTERHEAD_DATE = re.compile(
    r"(?:^|[|*_])[^\S\n]*[*_]*[^\W\d][^\n,|*]{0,40},\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}",
    re.IGNORECASE | re.MULTILINE,
)
_CREDIT_AT_LINE_START = re.compile(r"^\s*\(([^\W\d][^()\n]{1,59})\)\s*[-–—]", re.MULTILINE)
_DOMAIN_CREDIT = re.compile(r"\(((?:[\w-]+\.)+(?:vn|com|net|org|gov))\)", re.IGNORECASE)
_THEO_PUBLISHER = re.compile(
    r"\bTheo\s+((?:Cổng thông tin|Cổng TTĐT|Báo|Tạp chí|Đài|Thông tấn xã|TTXVN|Trang thông tin|"
    r"Trang tin)[^,.;:\n]{0,80})"
)
# Letterhead lines, matched on folded text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do".
_STATE_MOTTO = re.compile(r"cong hoa xa hoi chu nghia viet nam")
_LETTERHEAD_LINE = re.compile(r"cong hoa xa hoi|doc lap\W+tu do|^\s*so\s*:|^\s*date\b|^[-\s|:\\]*$")
# A line that is only the type of an official text: "NGHỊ QUYẾT", "KẾ HOẠCH" (matched folded).
_DOCUMENT_TYPE_LINE = re.compile(
    r"^(nghi quyet|ke hoach|chuong trinh( hanh dong)?|quyet dinh|chi thi|ket luan|bao cao|de an|"
    r"thong bao|huong dan|cong van)$",
    re.IGNORECASE,
)
_MARKDOWN_DECORATION = re.compile(r"^[#>\s|*_]+|[\s|*_]+$")
_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.MULTILINE)
_MAX_TITLE = 300


def sidecar_path(source: Path) -> Path:
    """``000_x.txt`` → ``000_x.meta.json`` next to it."""
    return source.with_name(source.stem + SIDECAR_SUFFIX)


def read_declared(source: Path, text: str) -> tuple[dict[str, Any], list[str]]:
    """Declared metadata (front matter, overridden by the sidecar) and notes on problems found."""
    declared: dict[str, Any] = {}
    problems: list[str] = []
    front = _FRONT_MATTER.match(text)
    if front:
        for line in front.group(1).splitlines():
            found = _FRONT_MATTER_LINE.match(line)
            if found and found.group(1).lower() in FIELDS:
                value = found.group(2).strip().strip("\"'")
                declared[found.group(1).lower()] = value or None
    sidecar = sidecar_path(source)
    if sidecar.is_file():
        try:
            loaded = json.loads(sidecar.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            problems.append(
                f"metadata file {sidecar.name} unreadable ({error}); fields were guessed"
            )
        else:
            if isinstance(loaded, dict):
                declared.update(loaded)
            else:
                problems.append(f"metadata file {sidecar.name} is not a JSON object; ignored")
    return declared, problems


def build_meta(
    text: str,
    declared: dict[str, Any],
    problems: list[str],
    hints: dict[str, str] | None = None,
    hints_from: str = "",
) -> SourceMeta:
    """Merge declared metadata, the file's own hints and guesses from the text into a SourceMeta."""
    notes = [*problems, *(str(note) for note in declared.get("notes") or [])]
    guessed: list[str] = []
    values: dict[str, Any] = {}
    for field_name in FIELDS:
        if field_name in declared:
            values[field_name] = declared[field_name]
            continue
        value, origin = _guess(field_name, text, hints or {}, hints_from)
        if value is not None:
            values[field_name] = value
            guessed.append(field_name)
            notes.append(f"{field_name} {value} guessed from {origin}")
    issued = None
    if values.get("date") is not None:
        issued, precision_note = _date_value(str(values["date"]))
        if issued is None:
            notes.append(f"date {values['date']!r} not understood; left empty")
        elif precision_note:
            notes.append(precision_note)
    return SourceMeta(
        title=_text_or_none(values.get("title")),
        date=issued,
        publisher=_text_or_none(values.get("publisher")),
        address=_text_or_none(values.get("address")),
        language=str(declared.get("language") or "vi"),
        guessed=tuple(guessed),
        notes=tuple(notes),
    )


def _guess(field_name: str, text: str, hints: dict[str, str], hints_from: str) -> tuple[Any, str]:
    head = text[:_HEAD_CHARS]
    if field_name == "date":
        return _guess_date(head, hints, hints_from)
    if field_name == "publisher":
        return _guess_publisher(head, text, hints, hints_from)
    if field_name == "title":
        if hints.get("title"):
            return hints["title"][:_MAX_TITLE], hints_from
        return _guess_title(head)
    if hints.get(field_name):
        return hints[field_name], hints_from
    return None, ""


def _guess_date(head: str, hints: dict[str, str], hints_from: str) -> tuple[str | None, str]:
    found = _LEADING_DATE_LINE.match(head)
    if found:
        day = find_dates(found.group(1))
        if day and day[0].date:
            return day[0].value, "the leading date line"
    found = _LEADING_DATE_WORD.match(head)
    if found:
        return found.group(1), "the leading 'date' line"
    if hints.get("date"):
        hinted = hints["date"][:10]
        if _date_value(hinted)[0] is not None:
            return hinted, hints_from
    found = _LETTERHEAD_DATE.search(head)
    if found:
        day = find_dates(found.group())
        if day and day[0].date:
            return day[0].value, "the letterhead (place, date)"
    return None, ""


def _guess_publisher(
    head: str, text: str, hints: dict[str, str], hints_from: str
) -> tuple[str | None, str]:
    if hints.get("publisher"):
        return hints["publisher"], hints_from
    found = _CREDIT_AT_LINE_START.search(head[:600]) or _DOMAIN_CREDIT.search(head[:600])
    if found:
        return found.group(1).strip(), f"the credit '({found.group(1).strip()})'"
    found = _THEO_PUBLISHER.search(head) or _THEO_PUBLISHER.search(text[-_HEAD_CHARS:])
    if found:
        return found.group(1).strip(), f"'Theo {found.group(1).strip()}'"
    issuer = _letterhead_issuer(head)
    if issuer:
        return issuer, "the letterhead"
    return None, ""


def _letterhead_issuer(head: str) -> str | None:
    """The issuing body of an official text: the capitalised line left of (or above) the motto."""
    lines = [line for line in head.splitlines()[:12] if line.strip()]
    folded_lines = [fold(line) for line in lines]
    if not any(_STATE_MOTTO.search(f) or re.match(r"^\W*so\s*:", f) for f in folded_lines):
        return None
    for line, folded in zip(lines, folded_lines, strict=True):
        motto = _STATE_MOTTO.search(folded)
        if motto and len(folded) == len(line):  # same length: positions carry over
            before = _MARKDOWN_DECORATION.sub("", line[: motto.start()])
            if before:
                return before
            continue
        candidate = _MARKDOWN_DECORATION.sub("", line)
        if candidate and candidate.isupper() and not _LETTERHEAD_LINE.search(folded):
            return candidate
    return None


def _guess_title(head: str) -> tuple[str | None, str]:
    lines = [_MARKDOWN_DECORATION.sub("", line) for line in head.splitlines()]
    lines = [line for line in lines if line]
    for index, line in enumerate(lines[:25]):
        if _DOCUMENT_TYPE_LINE.match(fold(line)) and index + 1 < len(lines):
            return f"{line} {lines[index + 1]}"[
                :_MAX_TITLE
            ], "the document-type line of the letterhead"
    for heading in _HEADING.finditer(head):
        candidate = _MARKDOWN_DECORATION.sub("", heading.group(1))
        if candidate and not _LETTERHEAD_LINE.search(fold(candidate)):
            return candidate[:_MAX_TITLE], "the first Markdown heading"
    for candidate in lines:
        if (
            not _LETTERHEAD_LINE.search(fold(candidate))
            and not _LEADING_DATE_LINE.match(candidate)
            and not _CREDIT_AT_LINE_START.match(candidate)
        ):
            return candidate[:_MAX_TITLE], "the first line"
    return None, ""


def _date_value(written: str) -> tuple[date | None, str]:
    """``2024-04-20`` → that day; ``2025-02`` → 2025-02-01, noting only the month is known."""
    found = _ISO_PARTIAL.match(written.strip())
    if found:
        year, month, day = (int(part) if part else None for part in found.groups())
        try:
            value = date(year or 1, month or 1, day or 1)
        except ValueError:
            return None, ""
        if day is None:
            precision = "month" if month else "year"
            return value, f"date known to the {precision} only ({written}); stored as {value}"
        return value, ""
    mentions = find_dates(written)
    if mentions and mentions[0].date:
        return mentions[0].date, ""
    return None, ""


def _text_or_none(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None
