"""Pins: a release some process has open outlives pruning; once let go, the next build prunes it."""

from __future__ import annotations

import os
import shutil
import threading
import time

from ingest.build import build
from ontology import releases
from tests.ingest.common import small_data


def test_a_pinned_release_survives_pruning_until_it_is_let_go(tmp_path):
    data = small_data(tmp_path / "data")
    build_dir = data / "build"

    def rebuild() -> str:
        return build(data / "curated", data / "sources", build_dir, validate=False).release

    first = rebuild()
    release, pin = releases.pin_current(build_dir)
    assert release.name == first
    second, third = rebuild(), rebuild()
    on_disk = {p.name for p in (build_dir / "releases").iterdir()}
    assert on_disk >= {first, second, third}  # the first: pinned; the second: the one before
    pin.release()
    fourth = rebuild()
    assert {p.name for p in (build_dir / "releases").iterdir()} == {third, fourth}


def test_a_reader_waiting_on_a_release_being_deleted_is_told_it_is_gone(tmp_path):
    old = tmp_path / "releases" / "old"
    old.mkdir(parents=True)
    claimed = releases._claim(old)  # a pruner holds the release exclusively
    assert claimed is not None
    outcome: list[BaseException | releases.Pin] = []

    def open_release() -> None:
        try:
            outcome.append(releases.pin(old))  # waits for the pruner's lock
        except FileNotFoundError as error:
            outcome.append(error)

    reader = threading.Thread(target=open_release)
    reader.start()
    time.sleep(0.2)  # (either way — waiting on the lock or arriving late — it must fail)
    old.rename(tmp_path / "releases" / ".trash-old")
    shutil.rmtree(tmp_path / "releases" / ".trash-old")
    os.close(claimed)
    reader.join(10)
    assert len(outcome) == 1 and isinstance(outcome[0], FileNotFoundError)
