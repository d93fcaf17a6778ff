"""Fixtures shared by the ingestion tests."""

from __future__ import annotations

import pytest

from ingest.resolve import Catalogue
from tests.ingest.common import curated_catalogue


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return curated_catalogue()
