"""Security headers on every response: a Content-Security-Policy, nosniff, referrer and framing.

The pages keep small inline scripts (the views are self-contained files; Swagger UI and ReDoc
start from one). Rather than ``'unsafe-inline'``, each HTML page's CSP lists the SHA-256 of the
inline scripts that page holds, computed as it is sent: an injected script, whose hash is not
listed, does not run. Other responses (JSON, RDF, CSV) get a policy that allows nothing at all.
"""

from __future__ import annotations

import base64
import hashlib
import re
from typing import Any

# An inline script: a <script> element without a src attribute, and its text.
INLINE_SCRIPT = re.compile(
    rb"<script(?![^>]*\bsrc\s*=)[^>]*>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL
)
PAGE_POLICY = (
    "default-src 'self'; script-src 'self'{hashes}; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
DATA_POLICY = "default-src 'none'; frame-ancestors 'none'"
FIXED_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


def page_policy(html: bytes) -> str:
    """The CSP of one HTML page: only its own inline scripts (by hash) and same-origin files."""
    digests = sorted(
        {
            base64.b64encode(hashlib.sha256(script).digest()).decode()
            for script in INLINE_SCRIPT.findall(html)
        }
    )
    return PAGE_POLICY.format(hashes="".join(f" 'sha256-{digest}'" for digest in digests))


class SecurityHeaders:
    """ASGI middleware adding the headers above; an HTML body is held until complete (to hash
    its scripts), every other body passes through as it comes."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start: dict | None = None
        held: list[bytes] = []

        async def send_with_headers(message: dict) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                message = {**message, "headers": list(message.get("headers", []))}
                headers = message["headers"]
                if _is_html(headers):
                    start = message  # sent with the body, once its scripts are known
                    return
                message["headers"] = [*headers, *_security(DATA_POLICY)]
                await send(message)
            elif start is not None and message["type"] == "http.response.body":
                held.append(message.get("body", b""))
                if message.get("more_body", False):
                    return
                body = b"".join(held)
                start["headers"] = [*start["headers"], *_security(page_policy(body))]
                await send(start)
                await send({"type": "http.response.body", "body": body})
            else:
                await send(message)

        await self.app(scope, receive, send_with_headers)


def _is_html(headers: list[tuple[bytes, bytes]]) -> bool:
    return any(k.lower() == b"content-type" and b"text/html" in v.lower() for k, v in headers)


def _security(policy: str) -> list[tuple[bytes, bytes]]:
    return [(b"content-security-policy", policy.encode()), *FIXED_HEADERS]
