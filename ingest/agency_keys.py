"""Scorer keys for agency names through the curated catalogue.

Gold files and the extractor write the same body many ways (``Bộ TT&TT``, ``Bộ Thông tin và
Truyền thông``); comparing folded text counts those as different. A name the project's own
resolver places on a curated agency is keyed by that agency's IRI, on both sides; a name that
resolves to nothing keeps the folded-text key of :func:`ingest.pairing.folded_agency_key`.
"""

from __future__ import annotations

from functools import cache

from ingest.pairing import AgencyKey, folded_agency_key
from ingest.resolve import Catalogue, resolve_agency, resolve_place
from ontology.namespaces import entity_iri


def catalogue_agency_key(catalogue: Catalogue, source_province: str | None) -> AgencyKey:
    """An agency key for one source: ``source_province`` (a place slug) places names such as
    ``UBND tỉnh`` or ``Sở KH&CN`` when the item gives no province of its own."""

    @cache
    def key(name: str, province: str | None) -> str:
        place = (resolve_place(province, catalogue) if province else None) or source_province
        if name.strip():
            ref = resolve_agency(name, catalogue, place)
            if ref.resolved:
                return str(entity_iri("agency", ref.key))
        return folded_agency_key(name, province)

    return key
