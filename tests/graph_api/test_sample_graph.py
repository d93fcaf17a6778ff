"""The hand-made sample graph quotes the corpus exactly: every quote is the text at its offsets."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from conftest import SAMPLE_GRAPH

SOURCES = Path(__file__).resolve().parents[2] / "data" / "sources"
OA = "http://www.w3.org/ns/oa#"
QUOTES = f"""
SELECT ?exact ?start ?end ?file WHERE {{
  ?e <{OA}exact> ?exact ; <{OA}start> ?start ; <{OA}end> ?end ;
     <https://w3id.org/policygraph/ontology#inSource> ?source .
  ?source <https://w3id.org/policygraph/ontology#fileName> ?file .
}}"""


def test_every_sample_quote_is_the_corpus_text_at_its_offsets():
    store = ox.Store()
    store.load(path=str(SAMPLE_GRAPH), format=ox.RdfFormat.TRIG)
    rows = list(store.query(QUOTES, use_default_graph_as_union=True))
    assert len(rows) == 6
    for row in rows:
        name = row["file"].value
        text = (SOURCES / name).read_text(encoding="utf-8")
        start, end = int(row["start"].value), int(row["end"].value)
        assert text[start:end] == row["exact"].value, name
