"""Releases under a build directory: which one is current, who uses which, and what may be deleted.

A process that opens a release *pins* it: it holds a shared ``flock`` on the release's ``.pin``
file for as long as it reads the store. Pruning deletes a release only after taking the
exclusive lock on that file without waiting, so a release some live process has open (a server,
a query worker, a running build's staging folder) is never deleted. The kernel drops a lock when
its process dies, so a killed process leaves no stale pin behind.

Changes to the folder layout (a new staging folder, the swap of ``current``, pruning, cleaning a
killed build's leftovers) are made under the build directory's ``.lock``, held for a moment each
time, so two builds never delete what the other is about to use.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

PIN_NAME = ".pin"
LOCK_NAME = ".lock"
RELEASES = "releases"
STAGING_PREFIX = ".staging-"
TRASH_PREFIX = ".trash-"
TMP_LINK_PREFIX = ".current-"
OPEN_ATTEMPTS = 20  # ``current`` moved on while we pinned it: try the new one


class Pin:
    """A shared lock on a release's ``.pin`` file; the release stays on disk until released."""

    def __init__(self, folder: Path, fd: int | None) -> None:
        self.folder = folder
        self._fd = fd

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)  # closing the only descriptor drops the flock

    def __enter__(self) -> Pin:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def _open_pin_file(folder: Path) -> int | None:
    """The ``.pin`` descriptor (created if missing); None on a read-only build directory."""
    path = folder / PIN_NAME
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except OSError as error:
        if error.errno not in (errno.EROFS, errno.EACCES, errno.EPERM):
            raise
    try:
        return os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    except FileNotFoundError:
        if folder.is_dir():
            return None  # read-only folder of an older build: nobody can delete it either
        raise


def pin(folder: Path) -> Pin:
    """Pin ``folder`` (a release or staging folder); FileNotFoundError if it was just deleted."""
    folder = Path(folder)
    fd = _open_pin_file(folder)
    if fd is None:
        return Pin(folder, None)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH)
        # A pruner may have claimed and moved the folder while we waited for the lock.
        if os.stat(folder / PIN_NAME).st_ino != os.fstat(fd).st_ino:
            raise FileNotFoundError(f"release {folder} was deleted while being opened")
    except BaseException:
        os.close(fd)
        raise
    return Pin(folder, fd)


def current_release(build_dir: Path) -> Path:
    """The folder ``current`` points at (raises if nothing was built yet)."""
    release = (Path(build_dir) / "current").resolve()
    if not (release / "store").is_dir():
        raise FileNotFoundError(f"no built store under {build_dir}: run `policygraph build` first")
    return release


def current_marker(build_dir: Path) -> str:
    """What ``current`` points at now: one ``readlink``, cheap enough to check on every request."""
    try:
        return os.readlink(Path(build_dir) / "current")
    except OSError:
        return ""


def pin_current(build_dir: Path) -> tuple[Path, Pin]:
    """The current release, pinned; retried when a build swaps and prunes meanwhile."""
    for _ in range(OPEN_ATTEMPTS):
        release = current_release(build_dir)
        try:
            return release, pin(release)
        except FileNotFoundError:
            continue
    raise FileNotFoundError(f"{build_dir}/current kept changing while it was being opened")


def pin_store_folder(store_dir: Path) -> Pin | None:
    """Pin the release holding ``store_dir`` when it is one (``releases/<id>/store``)."""
    release = Path(store_dir).resolve().parent
    if release.parent.name != RELEASES:
        return None
    return pin(release)


@contextlib.contextmanager
def build_lock(build_dir: Path) -> Iterator[None]:
    """The build directory's layout lock, held while folders are created, swapped or deleted."""
    fd = os.open(Path(build_dir) / LOCK_NAME, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _claim(folder: Path) -> int | None:
    """The exclusive lock on ``folder``'s pin, or None when a live process holds a pin on it."""
    try:
        fd = os.open(folder / PIN_NAME, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    return fd


def _delete_claimed(folder: Path) -> bool:
    """Delete ``folder`` unless it is pinned: claim it, move it aside, remove it."""
    fd = _claim(folder)
    if fd is None:
        return False
    try:
        trash = folder
        if not folder.name.startswith(TRASH_PREFIX):
            trash = folder.with_name(TRASH_PREFIX + folder.name.lstrip("."))
            os.rename(folder, trash)  # a reader waiting on the pin now finds it gone
        shutil.rmtree(trash, ignore_errors=True)
    finally:
        os.close(fd)
    return True


def new_staging(build_dir: Path, release_id: str) -> tuple[Path, Pin]:
    """A pinned staging folder for a build (call under :func:`build_lock`)."""
    staging = Path(build_dir) / RELEASES / f"{STAGING_PREFIX}{release_id}"
    staging.mkdir(parents=True)
    return staging, pin(staging)


def clean_leftovers(build_dir: Path) -> list[str]:
    """Delete what killed builds left: unpinned staging and trash folders, temporary links.

    Call under :func:`build_lock`: a running build pins its staging folder, and makes its
    temporary ``.current-*`` link only under that lock, so neither is taken from it.
    """
    build_dir = Path(build_dir)
    cleaned: list[str] = []
    releases = build_dir / RELEASES
    if releases.is_dir():
        for folder in sorted(releases.iterdir()):
            leftover = folder.name.startswith((STAGING_PREFIX, TRASH_PREFIX))
            if leftover and folder.is_dir() and _delete_claimed(folder):
                cleaned.append(folder.name)
    for link in sorted(build_dir.glob(TMP_LINK_PREFIX + "*")):
        link.unlink(missing_ok=True)
        cleaned.append(link.name)
    return cleaned


def prune_releases(build_dir: Path, keep: int) -> tuple[list[str], list[str]]:
    """Delete all but the newest ``keep`` releases, never the current one nor a pinned one.

    Call under :func:`build_lock`. Returns the names deleted and the names kept for a pin.
    """
    releases = Path(build_dir) / RELEASES
    current = (Path(build_dir) / "current").resolve()
    finished = sorted(p for p in releases.iterdir() if not p.name.startswith(".") and p.is_dir())
    deleted: list[str] = []
    pinned: list[str] = []
    for old in finished[: max(len(finished) - keep, 0)]:
        if old.resolve() == current:
            continue
        (deleted if _delete_claimed(old) else pinned).append(old.name)
    return deleted, pinned


def current_store_path(build_dir: Path) -> Path:
    """The store directory of the current release (raises if nothing was built yet)."""
    return current_release(build_dir) / "store"
