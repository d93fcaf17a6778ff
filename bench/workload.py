"""The benchmark's workload: the API's named queries with their inputs, and the API paths.

The SPARQL is the API's own (``graph_api/queries/*.rq``), bound the way the API binds it (for
the task and agency lists: the query that picks the page; the API path adds the page's details);
the two ``implementers_*`` queries (``bench/queries``) compare a property path with the
precomputed closure. Inputs are fixed entities every synthetic graph has (the first province in
IRI order).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph_api.binding import bind_values
from graph_api.named_queries import QUERY_DIR
from graph_api.store_terms import IRI
from ontology.namespaces import entity_iri

BENCH_QUERIES = Path(__file__).resolve().parent / "queries"
PROVINCE = "an-giang"
AGENCY = f"so-khcn-{PROVINCE}"
DOCUMENT = "57-ntw-2024"


@dataclass(frozen=True)
class NamedQuery:
    """One query of the workload, with the REST path that runs it through the API."""

    name: str
    file: Path
    bindings: dict[str, Any] = field(default_factory=dict)
    limit: int | None = None
    api_path: str | None = None
    question: str = ""

    def text(self) -> str:
        return bind_values(self.file.read_text(encoding="utf-8"), self.bindings or None)


def _iri(kind: str, slug: str) -> IRI:
    return IRI(str(entity_iri(kind, slug)))


def workload() -> list[NamedQuery]:
    api = QUERY_DIR
    return [
        NamedQuery(
            "owner_tasks",
            api / "task_page_agency.rq",
            {"agency": _iri("agency", AGENCY)},
            100,
            f"/api/tasks?agency={AGENCY}",
            "who owns which task: one agency's tasks",
        ),
        NamedQuery(
            "province_tasks",
            api / "task_page_province.rq",
            {"province": _iri("place", PROVINCE)},
            100,
            f"/api/tasks?province={PROVINCE}",
            "one province's tasks",
        ),
        NamedQuery(
            "agencies_of_province",
            api / "agency_ids_province.rq",
            {"province": _iri("place", PROVINCE)},
            None,
            f"/api/agencies?province={PROVINCE}",
            "a province's agencies with task counts",
        ),
        NamedQuery(
            "dependency_chain",
            api / "document_implemented_by.rq",
            {"document": _iri("document", DOCUMENT)},
            None,
            f"/api/documents/{DOCUMENT}",
            "plan dependencies: everything under 57-NQ/TW (API path also lists its tasks)",
        ),
        NamedQuery(
            "implementers_path",
            BENCH_QUERIES / "implementers_path.rq",
            {"document": _iri("document", DOCUMENT)},
            None,
            None,
            "reverse implements+ by property path",
        ),
        NamedQuery(
            "implementers_transitive",
            BENCH_QUERIES / "implementers_transitive.rq",
            {"document": _iri("document", DOCUMENT)},
            None,
            None,
            "reverse implements from the precomputed closure",
        ),
        NamedQuery(
            "alignment_audit_all",
            api / "audit_targets.rq",
            {},
            None,
            "/api/audit/alignment",
            "alignment audit, all provinces",
        ),
        NamedQuery(
            "alignment_audit_province",
            api / "audit_targets.rq",
            {"scope": [_iri("place", "viet-nam"), _iri("place", PROVINCE)]},
            None,
            f"/api/audit/alignment?province={PROVINCE}",
            "alignment audit, one province (store: its targets and the national ones)",
        ),
    ]


API_ONLY = {
    "search": "/api/search?q=so%20khoa%20hoc%20an%20giang",
    "search_prefix": "/api/search?q=ke%20hoach",
}
SPARQL_SMALL = BENCH_QUERIES / "sparql_small.rq"
