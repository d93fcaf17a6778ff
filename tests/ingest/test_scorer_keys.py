"""The scorer keys an agency name that resolves to a curated body by that body's IRI, on both
sides, so two spellings of one body match and two bodies with similar names do not."""

from __future__ import annotations

from ingest.agency_keys import catalogue_agency_key
from ingest.evaluate import evaluate_one
from ingest.pairing import folded_agency_key
from ingest.resolve import Catalogue


def _assignment_scores(gold_lead: str, predicted_lead: str, key) -> tuple[int, int, int]:
    task = "trình Thủ tướng Chính phủ dự thảo sửa đổi quyết định về Ủy ban quốc gia"
    gold = {"assignments": [{"task": task, "lead": gold_lead}]}
    predicted = {"assignments": [{"task": task, "lead": predicted_lead}]}
    scores, _, _ = evaluate_one("s", gold, predicted, key)
    score = scores["assignments"]
    return score.tp, score.fp, score.fn


def test_two_spellings_of_one_ministry_share_a_key(catalogue: Catalogue) -> None:
    # batch R's VPCP notice writes "Bộ TT&TT"; its gold names the ministry in full.
    key = catalogue_agency_key(catalogue, None)
    assert key("Bộ TT&TT", None) == key("Bộ Thông tin và Truyền thông", None)
    assert key("Bộ KH&CN", None) == key("Bộ Khoa học và Công nghệ", None)
    assert "/agency/" in key("Bộ KH&CN", None)  # the curated body's IRI
    assert _assignment_scores("Bộ Thông tin và Truyền thông", "Bộ TT&TT", key) == (1, 0, 0)
    # the folded-text key of before counted that pair as a miss and a false hit
    assert _assignment_scores("Bộ Thông tin và Truyền thông", "Bộ TT&TT", folded_agency_key) == (
        0,
        1,
        1,
    )


def test_a_department_resolves_in_its_source_province(catalogue: Catalogue) -> None:
    key = catalogue_agency_key(catalogue, "an-giang")
    assert key("Sở KH&CN", None) == key("Sở Khoa học và Công nghệ tỉnh An Giang", None)
    assert key("Sở KH&CN", "An Giang") == key("Sở KH&CN", None)
    # the same words in another province's text are another body
    assert catalogue_agency_key(catalogue, "dong-nai")("Sở KH&CN", None) != key("Sở KH&CN", None)


def test_different_bodies_with_similar_names_do_not_match(catalogue: Catalogue) -> None:
    key = catalogue_agency_key(catalogue, "an-giang")
    assert key("Sở Khoa học và Công nghệ", None) != key("Bộ Khoa học và Công nghệ", None)
    assert key("Sở Thông tin và Truyền thông", None) != key("Bộ Thông tin và Truyền thông", None)
    assert _assignment_scores("Sở KH&CN", "Bộ KH&CN", key) == (0, 1, 1)


def test_an_unresolved_name_keeps_the_text_key(catalogue: Catalogue) -> None:
    key = catalogue_agency_key(catalogue, None)
    name = "Tổ công tác giúp việc liên ngành số 7"
    assert key(name, None) == folded_agency_key(name, None)
    assert key("", None) == folded_agency_key("", None)
    assert _assignment_scores(name, name, key) == (1, 0, 0)
