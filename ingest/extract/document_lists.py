"""Lists of documents a text carries out, and its legal basis.

An official text says what it carries out in its title ("KẾ HOẠCH / THỰC HIỆN NGHỊ QUYẾT SỐ
71/NQ-CP … VÀ KẾ HOẠCH SỐ 07-KH/TU …"), in the lines before its first section ("Thực hiện Nghị
quyết số 57-NQ/TW …; Nghị quyết số 71/NQ-CP …; Kế hoạch số 07-KH/TU …") and in its purpose
("Cụ thể hóa … tại Nghị quyết số 57-NQ/TW, Nghị quyết số 71/NQ-CP và Kế hoạch hành động số
238-KH/TU"). Every document at the top of such a list is carried out; a document named inside
another's description ("… của Chính phủ ban hành Chương trình hành động thực hiện Nghị quyết
57-NQ/TW") is that other's business. "Căn cứ …" lines name the legal basis (ELI ``based_on``),
which is not an implements link; so are bare bulleted documents in the opening ("- Nghị quyết số
57-NQ/TW …;" under the title, the "Căn cứ" heading left implied).
"""

from __future__ import annotations

import re

from ingest.extract.document_mentions import Mention
from ingest.extract.sentences import Span, sentence_blocks, sentences
from ingest.extract.structure import DocumentTree

# What the gap between two namings says of the second: carried out or issued by the first (one
# level down), alongside it (same level), the list restarting (";"), or an alias of the first.
_DOWN = re.compile(
    r"(?:thực hiện|triển khai|cụ thể hóa|cụ thể hoá|thi hành|quán triệt|về|ban hành|cập nhật"
    r"|bổ sung|sửa đổi|phê duyệt|tại|theo)\s*$",
    re.IGNORECASE,
)
_RESTART = re.compile(r";\s*(?:và\s+)?$", re.IGNORECASE)
_ALONGSIDE = re.compile(r"(?:,|\svà|,\s*và|\scùng)\s*$", re.IGNORECASE)
_ALIAS = re.compile(r"\(\s*(?:sau đây\s+)?(?:gọi|viết)?\s*(?:tắt\s+)?(?:là\s+)?$", re.IGNORECASE)
_LIST_END = re.compile(r"như sau|:\s|\n")

_CARRY_OUT_LINE = re.compile(
    r"[-+*•\s]*(?:\d{1,2}[.)]\s*|[a-zđ][.)]\s*)?(?:Để\s+)?(?:tiếp tục\s+)?(?:quán triệt,?\s*)?"
    r"(?:tổ chức\s+)?(?:triển khai\s+)?(?:tổ chức\s+)?(?:thực hiện|triển khai|cụ thể hóa|cụ thể hoá"
    r"|quán triệt)\b",
    re.IGNORECASE,
)
# What is carried out may be named by its contents before the document: "thực hiện hoàn thành
# các chỉ tiêu, nhiệm vụ được giao tại Nghị quyết số …", "triển khai thực hiện có hiệu quả ý
# kiến chỉ đạo của Bộ GD&ĐT tại Công văn số …", "Thực hiện chỉ đạo của Ban Thường vụ Tỉnh ủy
# tại Văn bản số …": the document after "tại/trong/theo" is carried out.
_CONTENT = r"(?:mục tiêu|chỉ tiêu|nhiệm vụ|giải pháp|nội dung|yêu cầu)"
CARRIED_CONTENTS = (
    r"\s*(?:(?:hoàn thành|có hiệu quả|nghiêm túc|tốt)\s+)?(?:(?:các|những)\s+)?"
    r"(?:(?:ý kiến\s+)?chỉ đạo|"
    + _CONTENT
    + r"(?:\s*,\s*(?:và\s+)?"
    + _CONTENT
    + r"|\s+và\s+"
    + _CONTENT
    + r")*)"
    r"(?:\s+(?:đã\s+)?(?:được giao|đề ra|nêu))?(?:\s+của\s+[^,;.\n()]{2,60}?)?"
    r"\s+(?:tại|trong|theo)\s+(?:(?:văn bản|công văn)\s+(?:số\s+)?)?"  # a letter: its number
)
_CONTENTS_GAP = re.compile(CARRIED_CONTENTS, re.IGNORECASE)
_OBJECT_NOUN = re.compile(r"\s*(kết luận|nghị quyết|chỉ thị|kế hoạch|chương trình|quyết định)\b")
_PURPOSE_HEADING = re.compile(r"mục đích", re.IGNORECASE)
# The purpose's object: a document after "tại/trong/của" ("… giải pháp của Nghị quyết …") or
# right after the cue ("Triển khai thực hiện có hiệu quả Nghị quyết số 03/NQ-CP …").
_PURPOSE_OBJECT = re.compile(
    r"\s(?:tại|trong|của)\s+$|(?:thực hiện|triển khai|cụ thể hóa|cụ thể hoá|quán triệt)"
    r"(?:\s+(?:có hiệu quả|nghiêm túc|kịp thời|đầy đủ|tốt))?\s+$",
    re.IGNORECASE,
)
_LEGAL_BASIS_LINE = re.compile(r"[-+*•\s]*Căn cứ\b", re.IGNORECASE)
_BULLET = re.compile(r"[-+•]\s+")
_TITLE_CUE = re.compile(r"(?:thực hiện|triển khai)\s", re.IGNORECASE)
_SECTIONS = ("part", "article", "roman", "number", "number2", "number3", "letter")


def list_heads(
    text: str, first: Mention, mentions: list[Mention], end: int, *, restart: bool
) -> list[Mention]:
    """The documents at the level of ``first`` in the list it opens, up to ``end``: the ones
    joined to it by ",", "và" (and ";" where ``restart``), not those named inside them."""
    ordered = sorted(
        (m for m in mentions if m.key and not m.anaphor and first.start <= m.start < end),
        key=lambda m: (m.start, -m.end),
    )
    heads = [first]
    depth = {id(first): 1}
    previous = first
    for mention in ordered:
        if mention is first:
            continue
        if mention.start < previous.end:  # named inside the previous naming's title
            depth[id(mention)] = depth[id(previous)] + 1
            previous = mention if mention.end > previous.end else previous
            continue
        gap = text[previous.end : mention.start]
        if _LIST_END.search(gap):
            break
        if _RESTART.search(gap):
            if not restart:
                break
            level = 1
        elif _DOWN.search(gap):
            level = depth[id(previous)] + 1
        elif _ALONGSIDE.search(gap):
            level = depth[id(previous)]
            if mention.number and not previous.number and level > 1:
                # "Quyết định 942 phê duyệt Chiến lược … và Nghị quyết số 111": the act's sibling
                level -= 1
        elif _ALIAS.search(gap):
            # "A … (sau đây gọi tắt là A) và B": the alias closes A's naming, and the list goes
            # on at A's level; an alias of a document named before the list closes the list
            named = [m for m in ordered if m.key == mention.key and id(m) in depth]
            if not named:
                break
            depth[id(mention)] = depth[id(named[0])]
            previous = mention
            continue
        else:
            break
        depth[id(mention)] = level
        previous = mention
        if level == 1 and mention.key not in [h.key for h in heads]:
            heads.append(mention)
    return heads


def _bracketed_object(text: str, mentions: list[Mention], start: int, end: int) -> list[Mention]:
    """ "Triển khai kết luận của … (Thông báo Kết luận số 07-TB/CQTTBCĐ …)": the document in
    brackets that the object noun after the cue names."""
    noun = _OBJECT_NOUN.match(text, start, end)
    if noun is None:
        return []
    for mention in mentions:
        if not (start <= mention.start < end) or not mention.key or mention.anaphor:
            continue
        before = text[start : mention.start]
        bracketed = before.rfind("(") > before.rfind(")")
        if bracketed and noun.group(1).lower() in text[mention.start : mention.end].lower():
            return [mention]
    return []


def _first_after(mentions: list[Mention], start: int, end: int) -> Mention | None:
    found = [m for m in mentions if m.key and not m.anaphor and start <= m.start < end]
    return min(found, key=lambda m: (m.start, -m.end)) if found else None


def _add(document: Mention, carried: list[Mention], field: str = "implements") -> None:
    links: list[Mention] = getattr(document, field)
    for other in carried:
        if other.key != document.key and other.key not in [m.key for m in links]:
            links.append(other)


def link_coordinated(text: str, mentions: list[Mention], sentence_end: int) -> None:
    """ "X thực hiện A, B và C": X carries out B and C too (A was linked by the sentence rule).
    A line break inside the sentence is a transcription's wrap, not the end of the list."""
    text = text.replace("\n", " ")
    for document in [m for m in mentions if m.key and not m.anaphor]:
        for carried in list(document.implements):
            start = next(
                (m for m in mentions if m.key == carried.key and m.start > document.start), None
            )
            if start is None:
                continue
            _add(document, list_heads(text, start, mentions, sentence_end, restart=False)[1:])


# "… về thực hiện Nghị quyết số 11-NQ/TW": what a pair named before carries out, said once
_ABOUT_CARRYING_OUT = re.compile(r"\bvề\s+(?:việc\s+)?(?:thực hiện|triển khai)\s+$", re.IGNORECASE)


def link_shared_about(text: str, mentions: list[Mention], sentence_end: int) -> None:
    """ "X thực hiện A … và B … về thực hiện C": C is what A and B both carry out, the "về thực
    hiện" closing the pair (the second took it by the sentence rule). Where X itself is "về thực
    hiện A", the two "về" clauses are parallel and C stays B's."""
    for document in [m for m in mentions if m.key and not m.anaphor]:
        carried_keys = {c.key for c in document.implements}
        carried = [m for m in mentions if m.key in carried_keys and m.start > document.start]
        if len(carried) < 2:
            continue
        if _ABOUT_CARRYING_OUT.search(text, max(0, carried[0].start - 30), carried[0].start):
            continue  # "X … về thực hiện A và B … về thực hiện C": parallel clauses, C is B's
        last = carried[-1]
        shared = [
            c
            for c in last.implements
            if any(
                m.key == c.key
                and last.end <= m.start < sentence_end
                and _ABOUT_CARRYING_OUT.search(text, max(0, m.start - 30), m.start)
                for m in mentions
            )
        ]
        for sibling in carried[:-1]:
            between = text[sibling.end : last.start]
            if " và " in between and ";" not in between:
                _add(sibling, [c for c in shared if c.key != sibling.key])


def link_opening(
    text: str, tree: DocumentTree | None, mentions: list[Mention], own: Mention
) -> None:
    """The own document carries out the documents its title, its "Thực hiện …" lines before the
    first section and its purpose lines list; its "Căn cứ …" lines are its legal basis."""
    opening_end = opening_end_of(tree, text)
    lines = _opening_blocks(text, opening_end)
    text = _unwrapped(text, lines)
    for start, end in lines:
        if start >= opening_end:
            break
        line = text[start:end]
        if tree is not None and any(n.kind == "title" for n in tree.path_at(start)):
            cue = _TITLE_CUE.search(line)
            cue_end = start + cue.end() if cue else None
        elif _LEGAL_BASIS_LINE.match(line):
            first = _first_after(mentions, start, end)
            if first is not None and first.start - start < 40:
                _add(own, list_heads(text, first, mentions, end, restart=True), "based_on")
            continue
        elif bullet := _BULLET.match(line):  # "- Nghị quyết số 57-NQ/TW …;" under the title
            first = _first_after(mentions, start, end)
            if first is not None and first.start == start + bullet.end():
                _add(own, list_heads(text, first, mentions, end, restart=True), "based_on")
            continue
        else:
            cue = _CARRY_OUT_LINE.match(line)
            cue_end = start + cue.end() if cue else None
            if cue is None:
                cue_end, end = _sentence_cue(text, start, end)
        if cue_end is None:
            continue
        first = _first_after(mentions, cue_end, end)
        named = first is not None and (
            first.start - cue_end < 40 or _CONTENTS_GAP.fullmatch(text, cue_end, first.start)
        )
        if first is not None and named and first.key != own.key:
            _add(own, list_heads(text, first, mentions, end, restart=True))
        elif first is not None:
            _add(own, _bracketed_object(text, mentions, cue_end, end))
    for start, end in _purpose_lines(tree, text, lines):
        if not _CARRY_OUT_LINE.match(text, start, end):
            continue
        first = _first_after(mentions, start, end)
        if first is None or not _PURPOSE_OBJECT.search(
            text[max(start, first.start - 40) : first.start]
        ):
            continue
        # "Triển khai … Nghị quyết số 03/NQ-CP … (sau đây gọi tắt là …); Chương trình số
        # 86-Ctr/TU …": a document opening the clause after ";" is the list's next item
        _add(own, list_heads(text, first, mentions, end, restart=True))


def _sentence_cue(text: str, start: int, end: int) -> tuple[int | None, int]:
    """Where the cue ends in the first sentence inside a line that opens with one, and where
    that sentence ends: "UBND tỉnh đã ban hành Công văn số 86549/UBND-NCKS … . Thực hiện Công
    văn số 6028/BTTT-CBC …; UBND tỉnh có ý kiến như sau: …" (a news text's own letter)."""
    for sentence in sentences(text, Span(start, end))[1:]:
        cue = _CARRY_OUT_LINE.match(text, sentence.start, sentence.end)
        if cue is not None:
            return cue.end(), sentence.end
    return None, end


def _opening_blocks(text: str, opening_end: int) -> list[tuple[int, int]]:
    """The lines of the opening with the lines a transcription wrapped mid-sentence joined, and
    a bare "Thực hiện" line joined to the documents on the next ("Thực hiện" / "Quyết định số
    942/QĐ-TTg …"); the lines after the opening as they are."""
    blocks: list[tuple[int, int]] = []
    for block in sentence_blocks(text):
        if block.start >= opening_end:
            blocks.append((block.start, block.end))
            continue
        if blocks and blocks[-1][0] < opening_end and _bare_cue(text, *blocks[-1]):
            blocks[-1] = (blocks[-1][0], block.end)
        else:
            blocks.append((block.start, block.end))
    return blocks


def _bare_cue(text: str, start: int, end: int) -> bool:
    cue = _CARRY_OUT_LINE.match(text, start, end)
    return cue is not None and not text[cue.end() : end].strip(" ,:")


def _unwrapped(text: str, blocks: list[tuple[int, int]]) -> str:
    """``text`` with the line breaks inside ``blocks`` made spaces (offsets unchanged), so that a
    list the transcription wrapped reads as one line."""
    pieces, last = [], 0
    for start, end in blocks:
        if "\n" in text[start:end]:
            pieces += [text[last:start], text[start:end].replace("\n", " ")]
            last = end
    return "".join([*pieces, text[last:]]) if pieces else text


def opening_end_of(tree: DocumentTree | None, text: str) -> int:
    """Where the text's first numbered section starts (its opening ends there)."""
    if tree is None:
        return 0
    sections = [n.start for n in tree.root.children if n.kind in _SECTIONS]
    return min(sections) if sections else len(text)


def _purpose_lines(
    tree: DocumentTree | None, text: str, lines: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The lines under the text's purpose heading ("I. MỤC ĐÍCH, YÊU CẦU" / "1. Mục đích")."""
    if tree is None:
        return []
    heading = next(
        (
            n
            for n in tree.nodes()
            if n.kind in _SECTIONS and _PURPOSE_HEADING.search(n.heading(text))
        ),
        None,
    )
    if heading is None:
        return []
    return [(s, e) for s, e in lines if heading.heading_end <= s < heading.end]
