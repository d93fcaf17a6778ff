"""The synthetic graph generator: deterministic, the size asked, valid, shaped like a build."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pyoxigraph as ox
import pytest

from bench.synth import generate, write_file
from cli.main import main as cli_main
from ingest.validate import validate_dataset

ROOT = Path(__file__).resolve().parents[2]
CURATED = ROOT / "data" / "curated"
PG = "https://w3id.org/policygraph/ontology#"
ID = "https://w3id.org/policygraph/id/"


# Large enough for several provinces with plans and projects beside the curated data.
SMALL_SCALE = 40_000


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("synth") / "small.nq"
    write_file(path, SMALL_SCALE, seed=7, curated_dir=CURATED)
    return path


@pytest.fixture(scope="module")
def small_store(small) -> ox.Store:
    store = ox.Store()
    store.bulk_load(path=str(small), format=ox.RdfFormat.N_QUADS)
    return store


def ask(store: ox.Store, where: str) -> bool:
    query = f"PREFIX pg: <{PG}> PREFIX oa: <http://www.w3.org/ns/oa#> ASK {{ {where} }}"
    return bool(store.query(query, use_default_graph_as_union=True))


def count(store: ox.Store, where: str) -> int:
    query = f"PREFIX pg: <{PG}> SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}"
    row = next(iter(store.query(query, use_default_graph_as_union=True)))
    return int(row["n"].value)


def test_same_seed_same_bytes_other_seed_other_graph(small):
    again = io.StringIO()
    generate(again, SMALL_SCALE, seed=7, curated_dir=CURATED)
    other = io.StringIO()
    generate(other, SMALL_SCALE, seed=8, curated_dir=CURATED)
    digest = hashlib.sha256(small.read_bytes()).hexdigest()
    assert hashlib.sha256(again.getvalue().encode()).hexdigest() == digest
    assert hashlib.sha256(other.getvalue().encode()).hexdigest() != digest


# Above the fixed floor: the curated closure and the national texts alone are ~11k quads (the
# curated scheme grows with the corpus), so a 10k request cannot be met within 10%.
@pytest.mark.parametrize("scale", [20_000, 40_000])
def test_quad_count_within_ten_percent_and_no_duplicates(scale):
    out = io.StringIO()
    written = generate(out, scale, seed=1, curated_dir=CURATED)
    lines = out.getvalue().splitlines()
    assert written == len(lines)
    assert abs(len(lines) - scale) <= scale * 0.10
    store = ox.Store()
    store.bulk_load(out.getvalue().encode(), format=ox.RdfFormat.N_QUADS)
    assert len(store) == len(lines)  # every line a distinct quad


def test_small_graph_conforms_to_the_shapes(small):
    from rdflib import Dataset

    dataset = Dataset()
    dataset.parse(small, format="nquads")
    result = validate_dataset(dataset)
    assert result.summary()["violations"] == 0, result.summary()


def test_every_task_and_target_has_evidence_in_its_own_source(small_store):
    assert count(small_store, "?t a pg:Task") > 50
    assert count(small_store, "?t a pg:Target") > 30
    assert not ask(
        small_store,
        "{ ?t a pg:Task } UNION { ?t a pg:Target } "
        "FILTER NOT EXISTS { ?t pg:evidence/oa:exact ?quote }",
    )
    # the evidence's source is the named graph the task lives in
    assert not ask(
        small_store, "GRAPH ?g { ?t a pg:Task ; pg:evidence ?e } ?e pg:inSource ?s FILTER(?s != ?g)"
    )


def test_provincial_documents_reach_resolution_57(small_store):
    res57 = f"<{ID}document/57-ntw-2024>"
    provincial = count(small_store, "?d pg:territorialScope ?p . ?p a pg:Province")
    assert provincial >= 2
    reaching = count(
        small_store,
        f"?d pg:territorialScope ?p . ?p a pg:Province . ?d pg:implementsTransitive {res57}",
    )
    assert reaching == provincial
    # every project (a province's second and later documents) hangs under a plan that reaches 57
    assert not ask(
        small_store, f"?d a pg:Project FILTER NOT EXISTS {{ ?d pg:implements+ {res57} }}"
    )


def test_provincial_tasks_have_province_and_local_owner(small_store):
    assert not ask(
        small_store,
        "?t pg:assignedBy/pg:territorialScope ?p . ?p a pg:Province "
        "FILTER NOT EXISTS { ?t pg:inProvince ?p }",
    )
    assert not ask(
        small_store,
        "?t pg:inProvince ?p ; pg:leadAgency ?a FILTER NOT EXISTS { ?a pg:jurisdiction ?p }",
    )


def test_merger_events_and_successors_for_the_provinces_used(small_store):
    assert ask(small_store, "?a pg:succeededBy ?b ; pg:jurisdiction ?p . ?t pg:inProvince ?p")
    assert ask(small_store, "?e a <http://www.w3.org/ns/org#ChangeEvent>")


def test_cli_writes_the_file(tmp_path):
    target = tmp_path / "cli.nq"
    code = cli_main(
        [
            "--data-dir",
            str(ROOT / "data"),
            "synth",
            "--scale",
            "20000",
            "--seed",
            "3",
            "-o",
            str(target),
        ]
    )
    assert code == 0
    assert 18_000 <= len(target.read_text(encoding="utf-8").splitlines()) <= 22_000
