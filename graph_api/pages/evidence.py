"""Quotes as people check them: the quoted span highlighted inside its surrounding source lines."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import Request

from graph_api.pages.labels import nfc
from graph_api.routes.common import select
from graph_api.store_terms import IRI

CONTEXT_CHARS = 400  # at most this much text before and after the quote, cut at line ends


@dataclass(frozen=True)
class Quote:
    before: str
    quote: str
    after: str
    source: str | None
    source_title: str | None
    address: str | None


def with_context(text: str, start: int, end: int, quote: str) -> tuple[str, str, str]:
    """``text`` around ``[start, end)``: the lines before and after, up to ``CONTEXT_CHARS``."""
    if text[start:end] != quote:  # offsets of another version of the file: find the quote
        start = text.find(quote)
        if start < 0:
            return "", quote, ""
        end = start + len(quote)
    head = text[max(0, start - CONTEXT_CHARS) : start]
    tail = text[end : end + CONTEXT_CHARS]
    if start - CONTEXT_CHARS > 0 and "\n" in head:
        head = head[head.index("\n") + 1 :]
    if "\n" in tail.rstrip("\n"):
        tail = tail[: tail.rindex("\n")]
    return head, quote, tail


async def load_quotes(request: Request, evidence_rows: list[dict[str, Any]]) -> list[Quote]:
    """Each evidence row (``entity_evidence.rq``) as a quote in its context, once per quote."""
    sources = sorted({IRI(row["source"]) for row in evidence_rows if row.get("source")})
    files: dict[str, str] = {}
    if sources:
        for row in await select(request, "page_source_files", {"source": sources}):
            files[row["source"]] = row["file"]
    sources_dir: Path = request.app.state.settings.sources_dir
    texts: dict[str, str | None] = {}
    quotes: list[Quote] = []
    seen: set[tuple[str, str | None]] = set()
    for row in evidence_rows:
        quote = nfc(row["quote"])
        source = row.get("source")
        if (quote, source) in seen:
            continue
        seen.add((quote, source))
        before = after = ""
        name = files.get(source or "")
        if name and name not in texts:
            path = sources_dir / Path(name).name
            texts[name] = nfc(path.read_text(encoding="utf-8")) if path.is_file() else None
        text = texts.get(name or "")
        if text is not None and row.get("start") is not None and row.get("end") is not None:
            before, quote, after = with_context(text, int(row["start"]), int(row["end"]), quote)
        quotes.append(
            Quote(before, quote, after, source, row.get("sourceTitle"), row.get("address"))
        )
    return quotes
