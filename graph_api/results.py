"""SPARQL results documents (JSON, XML, CSV, TSV) written from at most ``max_rows`` solutions.

pyoxigraph serialises a whole result set; the endpoint caps rows, so it reads solutions up to the
cap and writes the documents here, term by term as the SPARQL 1.1 Results specs say.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from ontology.vocabulary import XSD

XSD_STRING = XSD + "string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
RESULTS_NS = "http://www.w3.org/2005/sparql-results#"

Row = Sequence[object | None]


def json_term(term) -> dict:
    """One RDF term in SPARQL 1.1 Query Results JSON."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        encoded = {"type": "literal", "value": term.value}
        if term.language:
            encoded["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            encoded["datatype"] = term.datatype.value
        return encoded
    if isinstance(term, ox.Triple):
        return {
            "type": "triple",
            "value": {
                "subject": json_term(term.subject),
                "predicate": json_term(term.predicate),
                "object": json_term(term.object),
            },
        }
    raise TypeError(f"not an RDF term: {term!r}")


def solutions_json(variables: list[str], rows: Iterable[Row]) -> bytes:
    bindings = [
        {name: json_term(term) for name, term in zip(variables, row, strict=True) if term}
        for row in rows
    ]
    document = {"head": {"vars": variables}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def boolean_json(value: bool) -> bytes:
    return json.dumps({"head": {}, "boolean": value}).encode("utf-8")


def _xml_term(term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != XSD_STRING:
            datatype = quoteattr(term.datatype.value)
            return f"<literal datatype={datatype}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    if isinstance(term, ox.Triple):
        parts = (
            f"<{role}>{_xml_term(getattr(term, role))}</{role}>"
            for role in ("subject", "predicate", "object")
        )
        return f"<triple>{''.join(parts)}</triple>"
    raise TypeError(f"not an RDF term: {term!r}")


def solutions_xml(variables: list[str], rows: Iterable[Row]) -> bytes:
    out = io.StringIO()
    out.write(f'<?xml version="1.0"?>\n<sparql xmlns="{RESULTS_NS}"><head>')
    out.writelines(f"<variable name={quoteattr(name)}/>" for name in variables)
    out.write("</head><results>")
    for row in rows:
        out.write("<result>")
        for name, term in zip(variables, row, strict=True):
            if term is not None:
                out.write(f"<binding name={quoteattr(name)}>{_xml_term(term)}</binding>")
        out.write("</result>")
    out.write("</results></sparql>\n")
    return out.getvalue().encode("utf-8")


def boolean_xml(value: bool) -> bytes:
    answer = "true" if value else "false"
    return (
        f'<?xml version="1.0"?>\n<sparql xmlns="{RESULTS_NS}"><head/>'
        f"<boolean>{answer}</boolean></sparql>\n"
    ).encode()


def _csv_cell(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.NamedNode | ox.Literal):
        return term.value
    return str(term)


def solutions_csv(variables: list[str], rows: Iterable[Row]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(variables)
    writer.writerows([_csv_cell(term) for term in row] for row in rows)
    return out.getvalue().encode("utf-8")


def solutions_tsv(variables: list[str], rows: Iterable[Row]) -> bytes:
    lines = ["\t".join(f"?{name}" for name in variables)]
    lines += ["\t".join("" if term is None else str(term) for term in row) for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


SOLUTION_WRITERS = {
    "json": solutions_json,
    "xml": solutions_xml,
    "csv": solutions_csv,
    "tsv": solutions_tsv,
}
BOOLEAN_WRITERS = {"json": boolean_json, "xml": boolean_xml}
