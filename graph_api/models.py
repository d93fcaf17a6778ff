"""Response models of the REST answers (what OpenAPI documents and schemathesis checks)."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, Field

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso_date_only(value: Any) -> Any:
    """A date parameter is written YYYY-MM-DD; pydantic alone would read ``0`` as 1970-01-01."""
    if isinstance(value, date) or (isinstance(value, str) and _ISO_DATE.match(value)):
        return value
    raise ValueError(f"expected a date written YYYY-MM-DD, got {value!r}")


IsoDate = Annotated[date, BeforeValidator(_iso_date_only)]


class Suggestion(BaseModel):
    """An entity the client may have meant ("did you mean"), from the search index."""

    iri: str
    label: str
    kind: str = Field(description="agency, task, document, place …")


class ErrorBody(BaseModel):
    """The one body of every error answer in JSON, whatever the route or status."""

    error: str = Field(description="the kind of error")
    code: str = Field(description="a stable code for scripts, e.g. not-found or query-timeout")
    message: str = Field(description="what is wrong, for people")
    suggestions: list[Suggestion] = Field(
        default_factory=list,
        description="for an unknown or ambiguous entity: the closest ones (else empty)",
    )


class Ref(BaseModel):
    """A linked entity: its IRI, its slug-based page, and a label when the graph has one."""

    iri: str
    label: str | None = None


class Evidence(BaseModel):
    quote: str
    source: str | None = None


class Task(BaseModel):
    iri: str
    description: str | None = None
    number: str | None = None
    deadline: str | None = Field(None, description="xsd:date, gYearMonth or gYear as written")
    deadline_text: str | None = None
    ongoing: bool | None = None
    document: Ref | None = None
    leads: list[Ref] = []
    coordinators: list[Ref] = []
    themes: list[str] = []
    evidence: Evidence | None = None


class TaskList(BaseModel):
    count: int
    limit: int
    offset: int
    tasks: list[Task]


class Agency(BaseModel):
    iri: str
    label: str | None = None
    label_en: str | None = None
    alt_labels: list[str] = []
    level: str | None = None
    jurisdiction: str | None = None
    parent: str | None = None
    succeeded_by: str | None = None
    lead_count: int = 0
    coordinator_count: int = 0


class AgencyList(BaseModel):
    count: int
    limit: int
    offset: int
    agencies: list[Agency]


class AgencyDetail(Agency):
    tasks: list[Task] = []


class DocumentLink(BaseModel):
    iri: str
    identifier: str | None = None
    title: str | None = None
    type: str | None = None
    via: str = Field(description="the document this one is linked through")


class Document(BaseModel):
    iri: str
    identifier: str | None = None
    title: str | None = None
    types: list[str] = []
    issued: str | None = None
    issued_by: Ref | None = None
    status: str | None = None
    territorial_scope: str | None = None
    is_part_of: str | None = None
    implements: list[DocumentLink] = Field(description="ancestors up to the national resolution")
    implemented_by: list[DocumentLink] = Field(description="descendants: plans, projects …")
    tasks: list[Task] = Field(description="tasks assigned by it or by what implements it")


class SearchHit(BaseModel):
    iri: str
    label: str
    matched: str = Field(description="the label or alternative label that matched")
    kind: str = Field(description="entity kind from the IRI: agency, document, place …")
    score: float


class SearchResults(BaseModel):
    query: str
    count: int
    hits: list[SearchHit]


class ClassCount(BaseModel):
    class_iri: str
    count: int


class SourceCount(BaseModel):
    graph: str
    title: str | None = None
    file_name: str | None = None
    triples: int


class Stats(BaseModel):
    version: str
    release: str | None = None
    build_seconds: float | None = None
    total_quads: int | None = None
    classes: list[ClassCount]
    sources: list[SourceCount]
