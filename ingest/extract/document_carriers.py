"""Unnumbered programmes and plans named by what they carry out, with and without their issuer.

A text may name one document twice: "Chương trình hành động thực hiện Nghị quyết 57-NQ/TW …" (in
its title line) and "Chương trình hành động của Ban Thường vụ Tỉnh ủy thực hiện Nghị quyết số
57-NQ/TW" (in its body). With no number to join them, the two namings would make two documents;
the naming without an issuer is the one with it where exactly one such naming (of a body that is
not national: the Government's programmes are keyed apart) carries out the same document.
"""

from __future__ import annotations

import re

from ingest.extract.document_identity import head_of_type
from ingest.extract.document_mentions import Mention

_CARRIER_TYPES = ("ActionProgramme", "Programme", "Plan")
_CUE = r"\s+(?:thực hiện|triển khai)\s+"
_OF_BODY = r"\s+của\s+[^\W\d][^,;.:\n()]{1,80}?"


def _carried(text: str, mention: Mention, mentions: list[Mention], of_body: bool) -> str | None:
    """The key of the numbered document ``mention``'s naming carries out, right after its head
    noun ("<head> thực hiện …") or after its issuer ("<head> của <body> thực hiện …")."""
    head = head_of_type(mention.doc_type)
    naming = re.match(re.escape(head), text[mention.start : mention.end], re.IGNORECASE)
    if naming is None:
        return None
    gap = re.compile((_OF_BODY if of_body else "") + _CUE + r"$", re.IGNORECASE)
    for inner in mentions:
        if (
            inner.number
            and inner.key
            and mention.start < inner.start < mention.end
            and gap.match(text, mention.start + naming.end(), inner.start)
        ):
            return inner.key
    return None


def fold_unnamed_carriers(text: str, mentions: list[Mention]) -> None:
    """Give an issuer-less naming ("Chương trình hành động thực hiện Nghị quyết 57-NQ/TW …") the
    key and title of the one naming with a non-national issuer that carries out the same."""
    unnumbered = [
        m
        for m in mentions
        if m.key and not m.number and not m.anaphor and m.doc_type in _CARRIER_TYPES and m.title
    ]
    for mention in unnumbered:
        carried = _carried(text, mention, mentions, of_body=False)
        if carried is None:
            continue
        named = {
            other.key: other
            for other in unnumbered
            if other.doc_type == mention.doc_type
            and other.key != mention.key
            and not (other.issuer is not None and other.issuer.level == "national")
            and _carried(text, other, mentions, of_body=True) == carried
        }
        if len(named) == 1:
            (body_named,) = named.values()
            mention.key, mention.title = body_named.key, body_named.title
