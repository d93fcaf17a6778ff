"""Where a build's current release lives, so that the builder and the server agree without
importing each other: ``<build_dir>/current`` links to ``releases/<stamp>/``, whose ``store/``
is the embedded store.
"""

from __future__ import annotations

from pathlib import Path


def current_store_path(build_dir: Path) -> Path:
    """The store directory of the current release (raises if nothing was built yet)."""
    path = (build_dir / "current").resolve() / "store"
    if not path.is_dir():
        raise FileNotFoundError(f"no built store under {build_dir}: run `policygraph build` first")
    return path
