"""Pages of a list and the links between them: the same filters, another page or order."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from fastapi import Request

from graph_api.exports import download_url

PER_PAGE = 50
MAX_PER_PAGE = 500


@dataclass(frozen=True)
class Paging:
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def start(self) -> int:
        return (self.page - 1) * self.per_page

    @property
    def first(self) -> int:
        return min(self.total, self.start + 1)

    @property
    def last(self) -> int:
        return min(self.total, self.start + self.per_page)


def with_params(request: Request, **changes: str | int | None) -> str:
    """This page's address with some parameters changed (None: removed)."""
    params = [(k, v) for k, v in request.query_params.multi_items() if k not in changes and v != ""]
    params += [(k, str(v)) for k, v in changes.items() if v is not None]
    query = urlencode(params)
    return request.url.path + (f"?{query}" if query else "")


def list_links(request: Request, paging: Paging) -> dict[str, str | None]:
    """Previous / next page, and the downloads of every row the filters select."""
    params = request.query_params.multi_items()
    return {
        "previous": with_params(request, page=paging.page - 1) if paging.page > 1 else None,
        "next": with_params(request, page=paging.page + 1) if paging.page < paging.pages else None,
        "csv": download_url(request.url.path, params, "csv"),
        "xlsx": download_url(request.url.path, params, "xlsx"),
    }


def sort_link(request: Request, column: str, current: str, descending: bool) -> str:
    """The header link sorting by ``column`` (a second click reverses the order)."""
    order = "desc" if column == current and not descending else None
    return with_params(request, sort=column, order=order, page=None)
