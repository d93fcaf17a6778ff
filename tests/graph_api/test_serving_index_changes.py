"""What :class:`graph_api.serving_index_reuse.Changes` sees of two releases' ``graph.nq``: the
document list is kept when a document's statements changed only in which graphs hold them."""

from __future__ import annotations

import pytest

from graph_api.serving_index_reuse import Changes

DOC = "<https://w3id.org/policygraph/id/document/57-ntw-2024>"
TASK = "<https://w3id.org/policygraph/id/task/x>"
TITLE = "<http://purl.org/dc/terms/title>"
SUBCLASS = "<http://www.w3.org/2000/01/rdf-schema#subClassOf>"
PG = "https://w3id.org/policygraph/ontology#"
G = "<https://w3id.org/policygraph/id/source/{}>"
BEFORE = f'{DOC} {TITLE} "Nghị quyết 57"@vi {G.format("a")} .'


@pytest.mark.parametrize(
    ("after", "changed"),
    [
        ([BEFORE], False),
        ([BEFORE, f'{DOC} {TITLE} "Nghị quyết 57"@vi {G.format("b")} .'], False),  # a copy
        ([BEFORE, f'{TASK} {TITLE} "x" {G.format("b")} .'], False),  # not a document
        ([BEFORE, f"{DOC} <{PG}evidence> {TASK} {G.format('b')} ."], False),  # not listed
        ([f'{DOC} {TITLE} "Nghị quyết số 57"@vi {G.format("a")} .'], True),  # another title
        ([BEFORE, f'{DOC} {TITLE} "Nghị quyết 57"@vi {G.format("curated-docs")} .'], True),
        ([BEFORE, f"<{PG}Plan> {SUBCLASS} <{PG}PolicyDocument> {G.format('ontology')} ."], True),
    ],
)
def test_the_document_list_is_kept_unless_a_document_statement_changed(tmp_path, after, changed):
    old, new = tmp_path / "old.nq", tmp_path / "new.nq"
    old.write_text(BEFORE + "\n", encoding="utf-8")
    new.write_text("\n".join(after) + "\n", encoding="utf-8")
    assert Changes(old, new).documents is changed
