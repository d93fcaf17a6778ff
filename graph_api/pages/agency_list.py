"""The list of agencies (``/agencies``): names, level, province and how many tasks each leads and
coordinates, filtered in SPARQL (``agency_list.rq``), sorted and paged here."""

from __future__ import annotations

from typing import Any

from fastapi import Request

from graph_api.exports import Column
from graph_api.pages.facts import entity_names
from graph_api.pages.labels import nfc
from graph_api.pages.lookup import resolve
from graph_api.routes.common import select
from graph_api.store_terms import IRI
from ontology.errors import QueryError
from ontology.namespaces import PG
from ontology.text_keys import fold, label_key

SORTS = ("lead", "coordinated", "name", "province")
LEVELS = ("national", "provincial")
COLUMNS = (
    Column("name", "Tên cơ quan", "Agency"),
    Column("level", "Cấp", "Level"),
    Column("province", "Tỉnh/thành", "Province"),
    Column("lead", "Số nhiệm vụ chủ trì", "Tasks led"),
    Column("coordinated", "Số nhiệm vụ phối hợp", "Tasks coordinated"),
    Column("iri", "Địa chỉ (IRI)", "IRI"),
)
LEVEL_WORDS = {"national": ("Trung ương", "National"), "provincial": ("Địa phương", "Provincial")}


async def matching_agencies(
    request: Request, q: str, province: str, level: str, with_tasks: bool, lang: str
) -> tuple[list[dict[str, Any]], list[IRI]]:
    """Every agency matching the filters, as rows (unsorted), and the places ``province`` names."""
    if level and level not in LEVELS:
        raise QueryError(f"level={level!r}: one of {', '.join(LEVELS)}")
    places = await resolve(request, "province", province, "place")
    text = label_key(nfc(q)) if q.strip() else None
    found: dict[str, dict[str, Any]] = {}
    for place in places or [None]:
        bindings = {
            "province": place,
            "level": IRI(str(PG) + level) if level else None,
            "text": text,
        }
        for row in await select(request, "agency_list", bindings):
            found.setdefault(row["agency"], row)
    rows = [
        {
            "iri": row["agency"],
            "name": nfc(_name(row, lang)),
            "level_key": str(row.get("level") or "").rsplit("#", 1)[-1],
            "province_iri": row.get("jurisdiction"),
            "lead": int(row.get("leadCount") or 0),
            "coordinated": int(row.get("coordinatorCount") or 0),
        }
        for row in found.values()
    ]
    if with_tasks:
        rows = [row for row in rows if row["lead"] or row["coordinated"]]
    return rows, list(places)


def _name(row: dict[str, Any], lang: str) -> str:
    first, second = ("labelEn", "labelVi") if lang == "en" else ("labelVi", "labelEn")
    return row.get(first) or row.get(second) or row["agency"].rsplit("/", 1)[-1]


async def with_place_names(
    request: Request, rows: list[dict[str, Any]], lang: str
) -> list[dict[str, Any]]:
    """``rows`` with their province's name and their level in words."""
    places = sorted({row["province_iri"] for row in rows if row["province_iri"]})
    names: dict[str, str] = {}
    for start in range(0, len(places), 250):
        names.update(await entity_names(request, places[start : start + 250], lang))
    index = 1 if lang == "en" else 0
    return [
        {
            **row,
            "province": names.get(row["province_iri"] or "", ""),
            "level": LEVEL_WORDS.get(row["level_key"], ("", ""))[index],
        }
        for row in rows
    ]


def sort_rows(rows: list[dict[str, Any]], sort: str, descending: bool) -> list[dict[str, Any]]:
    """By name or province in folded alphabetical order, by a count largest first (the other
    count breaking ties); ``descending`` reverses each."""
    if sort not in SORTS:
        raise QueryError(f"sort={sort!r}: one of {', '.join(SORTS)}")
    by_name = sorted(rows, key=lambda row: (fold(row["name"]), row["iri"]))
    if sort == "name":
        return list(reversed(by_name)) if descending else by_name
    if sort == "province":
        keyed = sorted(by_name, key=lambda row: fold(row.get("province") or "\uffff"))
        return list(reversed(keyed)) if descending else keyed
    other = "coordinated" if sort == "lead" else "lead"
    ranked = sorted(by_name, key=lambda row: (-row[sort], -row[other]))
    return list(reversed(ranked)) if descending else ranked
