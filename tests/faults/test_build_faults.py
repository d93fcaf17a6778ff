"""A build killed, refused a write, or out of disk leaves the previous store serving."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import time
from pathlib import Path

import pytest

from graph_api.store import OxigraphStore
from ontology.releases import current_store_path
from tests.faults.conftest import policygraph

COUNT_TASKS = "SELECT (COUNT(*) AS ?n) WHERE { ?t a <https://w3id.org/policygraph/ontology#Task> }"


def release_of(data_dir: Path) -> Path:
    return (data_dir / "build" / "current").resolve()


def task_count(data_dir: Path) -> int:
    store = OxigraphStore(current_store_path(data_dir / "build"))
    try:
        return store.select(COUNT_TASKS)[0]["n"]
    finally:
        store.close()


def wait_for(condition, limit: float) -> bool:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return False


def staging_has(data_dir: Path, name: str | None):
    def check() -> bool:
        for staging in (data_dir / "build" / "releases").glob(".staging-*"):
            if name is None or (staging / name).exists():
                return True
        return False

    return check


KILL_POINTS = (None, "graph.nq", "store")  # collecting sources, dumps written, writing the store


def test_sigkill_mid_build_keeps_previous_store_and_next_build_succeeds(data_dir):
    before_release, before_tasks = release_of(data_dir), task_count(data_dir)
    for point in KILL_POINTS:
        build = policygraph(data_dir, "build", "--no-validate", "--quiet")
        reached = wait_for(staging_has(data_dir, point), limit=120)
        os.killpg(build.pid, signal.SIGKILL)
        build.wait()
        assert reached, f"the build never reached {point or 'its staging directory'}"
        assert build.returncode == -signal.SIGKILL
        assert release_of(data_dir) == before_release, point
        assert task_count(data_dir) == before_tasks, point
    again = policygraph(data_dir, "build", "--no-validate", "--quiet")
    _, err = again.communicate(timeout=300)
    assert again.returncode == 0, err.decode()
    assert release_of(data_dir) != before_release
    assert task_count(data_dir) == before_tasks  # same sources, same graph


def _ignore_sigxfsz_and_cap(limit_bytes: int):
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the cap fails with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, limit_bytes))

    return apply


def test_file_size_cap_fails_the_build_clearly_and_keeps_the_old_store(data_dir):
    before_release, before_tasks = release_of(data_dir), task_count(data_dir)
    build = policygraph(
        data_dir, "build", "--no-validate", "--quiet", preexec_fn=_ignore_sigxfsz_and_cap(500_000)
    )
    _, err = build.communicate(timeout=300)
    message = err.decode()
    assert build.returncode != 0
    assert "File too large" in message or "EFBIG" in message or "No space" in message, message
    assert release_of(data_dir) == before_release
    assert task_count(data_dir) == before_tasks
    assert not list((data_dir / "build" / "releases").glob(".staging-*"))


def _can_mount() -> bool:
    return (
        os.geteuid() == 0
        and subprocess.run(["which", "mount"], capture_output=True).returncode == 0
    )


@pytest.mark.skipif(not _can_mount(), reason="mounting a tmpfs needs root")
def test_full_disk_fails_the_build_clearly_and_keeps_the_old_store(data_dir, tmp_path):
    mount_point = tmp_path / "small-disk"
    mount_point.mkdir()
    used = sum(p.stat().st_size for p in (data_dir / "build").rglob("*") if p.is_file())
    size_kb = used // 1024 + 2048  # the old release fits; a second one does not
    subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(mount_point)], check=True
    )
    try:
        subprocess.run(
            ["cp", "-a", str(data_dir / "build"), str(mount_point / "build")], check=True
        )
        (data_dir / "build").rename(data_dir / "build-old")
        (data_dir / "build").symlink_to(mount_point / "build")
        before_release, before_tasks = release_of(data_dir), task_count(data_dir)
        build = policygraph(data_dir, "build", "--no-validate", "--quiet")
        _, err = build.communicate(timeout=300)
        message = err.decode()
        assert build.returncode != 0
        assert "No space left on device" in message, message
        assert release_of(data_dir) == before_release
        assert task_count(data_dir) == before_tasks
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def test_read_only_build_directory_fails_clearly_and_keeps_the_old_store(data_dir):
    build_dir = data_dir / "build"
    before_release, before_tasks = release_of(data_dir), task_count(data_dir)
    as_root = os.geteuid() == 0
    if as_root:  # root ignores file modes: make the directory a read-only bind mount instead
        subprocess.run(["mount", "--bind", str(build_dir), str(build_dir)], check=True)
        subprocess.run(["mount", "-o", "remount,ro,bind", str(build_dir)], check=True)
    else:
        for path in [build_dir, build_dir / "releases"]:
            path.chmod(0o555)
    try:
        build = policygraph(data_dir, "build", "--no-validate", "--quiet")
        _, err = build.communicate(timeout=300)
        message = err.decode()
        assert build.returncode != 0
        assert "Read-only file system" in message or "Permission denied" in message, message
        assert str(build_dir) in message, message
        assert release_of(data_dir) == before_release
        assert task_count(data_dir) == before_tasks
    finally:
        if as_root:
            subprocess.run(["umount", "-l", str(build_dir)], check=False)
        else:
            for path in [build_dir, build_dir / "releases"]:
                path.chmod(0o755)
