"""The holding periods the build derives equal the walk over ``audit_successions`` on the same
curated agencies and 2025 changes, on every date a succession takes effect."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, URIRef

from graph_api.audit.ownership import holder_on, successions
from graph_api.named_queries import load_query
from graph_api.store import OxigraphStore
from ingest.curated import load_curated
from ingest.derive import DERIVED_GRAPH, add_derived, holding_periods
from ontology.namespaces import PG

ROOT = Path(__file__).resolve().parents[2]
ID = "https://w3id.org/policygraph/id/agency/"


def curated() -> Dataset:
    dataset = Dataset()
    load_curated(ROOT / "data" / "curated", dataset)
    return dataset


def test_periods_follow_the_chain_of_successions():
    periods = {(str(a), str(h), start, until) for a, h, start, until in holding_periods(curated())}
    assert (
        ID + "so-tttt-binh-duong",
        ID + "so-khcn-binh-duong",
        date(2025, 3, 1),
        date(2025, 7, 1),
    ) in periods
    assert (
        ID + "so-tttt-binh-duong",
        ID + "so-khcn-ho-chi-minh",
        date(2025, 7, 1),
        None,
    ) in periods
    assert (ID + "bo-tttt", ID + "bo-khcn", date(2025, 3, 1), None) in periods
    assert not any(agency == ID + "bo-khcn" for agency, *_ in periods)  # it still exists


def test_periods_equal_the_walk_over_audit_successions_on_every_change_date():
    dataset = curated()
    raw = ox.Store()
    raw.load(dataset.serialize(format="nquads").encode(), format=ox.RdfFormat.N_QUADS)
    by_agency = successions(OxigraphStore.from_store(raw).select(load_query("audit_successions")))
    periods = holding_periods(dataset)
    dates = sorted({s.date for steps in by_agency.values() for s in steps if s.date})
    days = {d + delta for d in dates for delta in (timedelta(0), timedelta(days=-1))}
    agencies = set(by_agency) | {str(a) for a, *_ in periods}
    for day in sorted(days):
        for agency in agencies:
            chain = holder_on(agency, day, by_agency)
            walked = chain[-1].successor if chain else None
            looked_up = [
                str(h)
                for a, h, start, until in periods
                if str(a) == agency and start <= day and (until is None or day < until)
            ]
            assert looked_up == ([walked] if walked else []), (agency, day)


def test_periods_are_written_to_the_derived_graph():
    dataset = curated()
    derived = add_derived(dataset)
    assert derived.identifier == DERIVED_GRAPH
    holders = {
        (str(derived.value(p, PG.holdingOf)), str(derived.value(p, PG.holder)))
        for p in derived.subjects(PG.holder, None)
    }
    assert (ID + "bo-tttt", ID + "bo-khcn") in holders
    assert not list(derived.subjects(PG.holdingOf, URIRef(ID + "bo-khcn")))


def test_a_task_is_national_or_in_a_province_never_both():
    dataset = curated()
    task = "https://w3id.org/policygraph/id/task/"
    extra = f"""
    @prefix pg: <https://w3id.org/policygraph/ontology#> .
    <{task}bd> a pg:Task ; pg:leadAgency <{ID}so-khcn-binh-duong> .
    <{task}n> a pg:Task ; pg:leadAgency <{ID}bo-khcn> .
    """
    dataset.graph(URIRef(task + "source")).parse(data=extra, format="turtle")
    derived = add_derived(dataset)
    assert set(derived.subjects(PG.isNational, None)) == {URIRef(task + "n")}
    assert set(derived.subjects(PG.inProvince, None)) == {URIRef(task + "bd")}
