"""The agencies' successions (who took over from whom, when), read once per release.

``audit_successions.rq`` takes about 1.4 s on the real build; the task and agency pages need it
on every view, so the app keeps its answer next to the release it was read from (as it keeps the
search index) and reads it again after a rebuild.
"""

from __future__ import annotations

import asyncio

from fastapi import Request

from graph_api.audit.ownership import Step, successions
from graph_api.routes.common import select


async def succession_steps(request: Request) -> dict[str, list[Step]]:
    """agency → its successions, earliest first, for the store's current release."""
    state = request.app.state
    if not hasattr(state, "successions_lock"):
        state.successions_lock = asyncio.Lock()
    release = getattr(state.store, "release", None)
    async with state.successions_lock:
        if getattr(state, "successions", None) is None or state.successions_release != release:
            state.successions = successions(await select(request, "audit_successions"))
            state.successions_release = release
    return state.successions
