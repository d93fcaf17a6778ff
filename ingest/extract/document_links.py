"""Links between documents named in a text: implements ("thực hiện X"), supplements, issued
within ("ban hành kèm theo Nghị quyết này"), and anaphors ("Kế hoạch này")."""

from __future__ import annotations

import re

from ingest.extract.document_identity import number_head, year_of
from ingest.extract.document_lists import CARRIED_CONTENTS, list_heads
from ingest.extract.document_mentions import Mention
from ingest.extract.letterhead import (
    LETTERHEAD_NUMBER,
    LETTERHEAD_WINDOW,
    PLACE_DATE,
    letterhead_title,
)
from ingest.extract.sentences import Span, sentence_at
from ingest.extract.table_documents import action_programme_key
from ingest.resolve import Catalogue

_IMPLEMENTS_BEFORE = re.compile(
    r"(?:thực hiện|triển khai|cụ thể hóa|cụ thể hoá|thi hành|quán triệt)\s+(?:và\s+\w+\s+)?$",
    re.IGNORECASE,
)
_CUE = r"(?:thực hiện|triển khai|cụ thể hóa|cụ thể hoá|thi hành|quán triệt)"
_IMPLEMENTS_CONTENTS = re.compile(_CUE + CARRIED_CONTENTS + "$", re.IGNORECASE)
_CONTENTS_WINDOW = 160
# Reporting on or reviewing the carrying out of a document is not carrying it out: "Công văn số
# 86549/UBND-NCKS báo cáo thực hiện Chiến lược …", "báo cáo tình hình, kết quả thực hiện Quyết
# định số 348/QĐ-TTg", "Hội nghị sơ kết tình hình triển khai thực hiện Nghị quyết số 57-NQ/TW".
_REVIEWED = re.compile(
    r"\b(?:báo cáo|sơ kết|tổng kết|đánh giá|kiểm tra|giám sát)"
    r"(?:[\s,]+(?:về|việc|chung|tình hình|kết quả|tiến độ|tổ chức|và)){0,4}"
    r"\s+(?:(?:tổ chức|triển khai)\s+)?$",
    re.IGNORECASE,
)
# A field of work tied to carrying out a document is not carrying it out: "Kế hoạch số 231/KH-UBND
# về hoàn thiện các văn bản phục vụ phát triển khoa học, công nghệ gắn với triển khai thi hành
# Luật Thủ đô" (batch Q's 2000/QĐ-UBND in the same words), "… gắn với triển khai Đề án 06".
_TIED_TO = re.compile(
    r"\bgắn (?:liền )?với\s+(?:việc\s+)?(?:(?:triển khai|tổ chức)\s+)?(?:thực hiện\s+)?$",
    re.IGNORECASE,
)
# "Mục tiêu tổng quát của Đề án nhằm …; thực hiện hoàn thành các chỉ tiêu … tại Nghị quyết số
# 433-NQ/TU": a paragraph on a document's aims says what that document carries out.
_AIMS_OF = re.compile(
    r"[-+*•\s]*Mục (?:tiêu|đích)(?:\s+(?:tổng quát|chung|cụ thể))?\s+của\s+", re.IGNORECASE
)


# "(Bổ sung Chương trình hành động số 32 của Tỉnh uỷ thực hiện Nghị quyết số 57)" right after a
# document: it supplements (or amends) the document named in the parenthesis.
_SUPPLEMENTS = re.compile(r"\s*\(\s*(?P<how>bổ sung|sửa đổi(?:,? bổ sung)?)\s+", re.IGNORECASE)


_LEGAL_BASIS = re.compile(r"căn cứ", re.IGNORECASE)


_ISSUED_WITH = re.compile(r"[^\n;]{3,80}?\s(?:được\s+)?ban hành kèm theo\s+", re.IGNORECASE)
_ISSUED_WITH_THIS = re.compile(
    r"(?:ban hành\s+)?kèm theo\s+(?:Nghị quyết|Quyết định|Chỉ thị|Kết luận)\s+này\s+$",
    re.IGNORECASE,
)


def link_issued_within(text: str, mentions: list[Mention]) -> None:
    """The document a source is (its letterhead "Số: …") issues the document its title names
    after "Ban hành" ("NGHỊ QUYẾT / Ban hành Chương trình hành động … thực hiện …"), and the one
    "Ban hành kèm theo Nghị quyết này": that one is part of it, and it carries out what that
    one carries out."""
    number_line = LETTERHEAD_NUMBER.search(text, 0, LETTERHEAD_WINDOW)
    if not number_line:
        return
    written = number_line.group(1).replace(" ", "")
    main = next((m for m in mentions if m.number and m.number in written and m.key), None)
    if main is None:
        return
    date_line = PLACE_DATE.search(text, number_line.end(), number_line.end() + 400)
    _, words, title_start, title_end = letterhead_title(
        text, date_line.end() if date_line else number_line.end()
    )
    issued: list[Mention] = []
    if re.match(r"ban hành\s", words, re.IGNORECASE):
        issued += [m for m in mentions if title_start <= m.start < title_end and m.key][:1]
    for mention in mentions:
        if mention.key and _ISSUED_WITH_THIS.search(
            text[max(0, mention.start - 60) : mention.start]
        ):
            issued.append(mention)
    for document in issued:
        if document is main or document.key == main.key:
            continue
        if document.part_of is None:
            document.part_of = main
        for carried in document.implements:
            if carried.key not in [m.key for m in main.implements] and carried.key != main.key:
                main.implements.append(carried)


def link_issued_with(text: str, mentions: list[Mention]) -> None:
    """ "Kế hoạch hành động ban hành kèm theo Quyết định số 8602/QĐ-QĐ/TU …": an unnumbered
    document issued with a numbered decision or resolution is part of it."""
    hosts = [m for m in mentions if m.number and m.key and m.doc_type in ("Decision", "Resolution")]
    for mention in mentions:
        if mention.number or mention.anaphor or not mention.key or mention.part_of is not None:
            continue
        for host in hosts:
            if mention.start < host.start < mention.end + 5 and _ISSUED_WITH.fullmatch(
                text, mention.start, host.start
            ):
                mention.part_of = host
                break


def link_supplements(text: str, mentions: list[Mention]) -> None:
    """ "<document> (Bổ sung <X> … thực hiện <Y>)": the document supplements X — is part of it —
    and, like X, carries out Y; "(Sửa đổi X …)" amends X and carries out Y as well."""
    real = [m for m in mentions if m.key and not m.anaphor]
    for document in real:
        opening = _SUPPLEMENTS.match(text, document.end)
        if not opening:
            continue
        close = text.find(")", opening.end())
        if close < 0:
            continue
        inside = [m for m in real if opening.end() <= m.start < close]
        if not inside or inside[0].start != opening.end():
            continue
        supplemented = inside[0]
        if opening.group("how").lower() == "bổ sung" and document.part_of is None:
            document.part_of = supplemented
        for carried in supplemented.implements:
            if carried.key not in [m.key for m in document.implements]:
                document.implements.append(carried)


def key_programmes_of_national_bodies(mentions: list[Mention], catalogue: Catalogue) -> None:
    """ "Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW": one programme
    per body and resolution, keyed as the table reader keys it (``ctrhd-cp-57-2025``, the year
    being that of the resolution that issues it) so that every text names the same node."""
    programmes = [
        m
        for m in mentions
        if m.carries_out
        and m.doc_type == "ActionProgramme"
        and m.issuer is not None
        and m.issuer.level == "national"
    ]
    years: dict[tuple[str, str], int | None] = {}
    for mention in programmes:
        host = mention.part_of or mention.updated_by  # the year of the act issuing or updating it
        if host is not None and host.number:
            ident = (mention.issuer.key if mention.issuer else "", number_head(mention))
            years[ident] = years.get(ident) or year_of(host, mentions, catalogue)
    renamed: dict[str, set[str]] = {}
    for mention in programmes:
        ident = (mention.issuer.key if mention.issuer else "", number_head(mention))
        new_key = action_programme_key(mention.issuer, mention.carries_out or "", years.get(ident))
        renamed.setdefault(mention.key, set()).add(new_key)
        mention.key = new_key
    for mention in mentions:  # other namings that shared a programme's key ("Chương trình …")
        targets = renamed.get(mention.key)
        if targets and len(targets) == 1 and not mention.carries_out:
            mention.key = next(iter(targets))


def resolve_anaphors(mentions: list[Mention]) -> None:
    """A bare "Chương trình" names the last document of its type mentioned before it."""
    for index, mention in enumerate(mentions):
        if mention.anaphor:
            earlier = [m for m in mentions[:index] if m.key and m.doc_type == mention.doc_type]
            mention.key = earlier[-1].key if earlier else ""


def link_implements(text: str, spans: list[Span], mentions: list[Mention]) -> None:
    """M implements N when N follows "thực hiện/triển khai" after M in the same clause."""
    real = [m for m in mentions if m.key]
    flat = text.replace("\n", " ")  # a cue the transcription wrapped: "triển khai thực\nhiện"
    for target in real:
        before = flat[max(0, target.start - 30) : target.start]
        contents = _IMPLEMENTS_CONTENTS.search(
            flat, max(0, target.start - _CONTENTS_WINDOW), target.start
        )
        cue = _IMPLEMENTS_BEFORE.search(before)
        if not cue and not contents:
            continue
        cue_start = contents.start() if contents else target.start - len(before) + cue.start()
        if _REVIEWED.search(flat, max(0, cue_start - 60), cue_start) or _TIED_TO.search(
            flat, max(0, cue_start - 40), cue_start
        ):
            continue
        sentence = sentence_at(spans, target.start)
        if sentence is None:
            continue
        start = _wrapped_start(text, spans, sentence) if contents else sentence.start
        candidates = [m for m in real if start <= m.start < target.start and m.key != target.key]
        if not candidates:
            subject = _aims_subject(text, mentions, target)
            if subject is not None:
                heads = list_heads(text, target, mentions, sentence.end, restart=False)
                subject.implements += [
                    m for m in heads if m.key not in [d.key for d in subject.implements]
                ]
            continue
        for candidate in reversed(candidates):
            gap = text[candidate.start : target.start]
            if ";" in gap[candidate.end - candidate.start :] or _LEGAL_BASIS.search(gap):
                break
            inside = candidate.end >= target.end
            chained = _IMPLEMENTS_BEFORE.search(
                text[max(0, candidate.start - 30) : candidate.start]
            )
            if chained and not inside:
                # "triển khai thực hiện Nghị quyết 03 … thực hiện Nghị quyết 57": 03 implements 57.
                pass
            if target.key not in [m.key for m in candidate.implements]:
                candidate.implements.append(target)
            issuing = _issuing(text, candidate, candidates)
            if issuing and target.key not in [m.key for m in issuing.implements]:
                # "Nghị quyết 03 ban hành Chương trình … thực hiện 57": 03 carries out 57 too
                issuing.implements.append(target)
            if issuing and candidate.part_of is None:
                candidate.part_of = issuing
            break


_WRAP_WIDTH = 60  # a transcription wrapped at a fixed width fills its lines


def _wrapped_start(text: str, spans: list[Span], sentence: Span) -> int:
    """Where ``sentence`` starts once a wrap the sentence splitter took for a break is undone:
    "… Phó Chủ tịch UBND tỉnh … giao" / "Sở GD&ĐT chủ trì … triển khai …" (a full line with no
    stop, after the text's first line, runs on into the next)."""
    index = spans.index(sentence)
    if index < 1:
        return sentence.start
    previous = spans[index - 1]
    line_start = text.rfind("\n", 0, previous.end) + 1
    gap = text[previous.end : sentence.start]
    if (
        gap.count("\n") == 1
        and not gap.strip()
        and text[previous.end - 1] not in ".!?…:;"
        and previous.end - line_start >= _WRAP_WIDTH
        and line_start > 0
    ):
        return previous.start
    return sentence.start


def _aims_subject(text: str, mentions: list[Mention], target: Mention) -> Mention | None:
    """The document whose aims the paragraph of ``target`` states ("Mục tiêu tổng quát của Đề
    án …"), a bare head noun standing for the last document of its type named before."""
    line_start = text.rfind("\n", 0, target.start) + 1
    aims = _AIMS_OF.match(text, line_start, target.start)
    if aims is None:
        return None
    subject = next((m for m in mentions if m.start == aims.end()), None)
    if subject is None or subject is target:
        return None
    if not subject.anaphor:
        return subject if subject.key else None
    earlier = [
        m
        for m in mentions
        if m.key and not m.anaphor and m.doc_type == subject.doc_type and m.end <= subject.start
    ]
    return earlier[-1] if earlier else None


def _issuing(text: str, issued: Mention, candidates: list[Mention]) -> Mention | None:
    """The document that issues ``issued`` ("Nghị quyết số 03/NQ-CP … ban hành <issued>")."""
    if not re.search(r"ban hành\s+$", text[max(0, issued.start - 15) : issued.start]):
        return None
    earlier = [m for m in candidates if m.end <= issued.start and m.key != issued.key]
    if earlier and ";" not in text[earlier[-1].end : issued.start]:
        return earlier[-1]
    return None
