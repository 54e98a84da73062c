"""Everything that travels with a request, or back with its response, besides the HTTP message itself.

httpx carries per-request values in `request.extensions` and `response.extensions`. Each value is defined here,
once, with who writes it and who reads it.
"""

from __future__ import annotations

import contextvars
import math
from typing import Any

__all__ = [
    "DEADLINE",
    "DECODED",
    "KEEP_JSON",
    "MAX_RETRIES",
    "OPERATION",
    "PARSED",
    "READING",
    "SAFE_TO_REPEAT",
    "deadline_of",
]

# ------------------------------------------------------------------------------------------- request.extensions

OPERATION = "korusticket.operation"
"""The facade's `Operation` for the request. Written by `client._Shared._request`; read by `_http.check_response`
(to parse the body into the operation's model without looking the operation up by path)."""

KEEP_JSON = "korusticket.keep_json"
"""That the decoded JSON of the success must stay on the response beside its model (`Page.json`, for the export).
Written by `client._Shared._request` for `_paginate(keep_json=True)`; read by `_http._parse_success`."""

MAX_RETRIES = "korusticket.max_retries"
"""This call's own retry count (`max_retries=` of a call). Written by `_raw.CallOptions.apply`; read by
`retries.policy_for`."""

SAFE_TO_REPEAT = "korusticket.safe_to_repeat"
"""A POST that may be sent again like a GET (the token request: a second token harms nothing). Written by
`auth.ClientCredentialsAuth`; read by `retries.retry_as`."""

DEADLINE = "korusticket.deadline"
"""`time.monotonic()` by which the whole call must be done, retries and body included. Written by
`_http.KorusHTTPClient.send` (from the call's timeout); read by `retries.RetryTransport` (no attempt, and no wait,
past it) and by `_http` while it reads the body."""

# ------------------------------------------------------------------------------------------ response.extensions

DECODED = "korusticket.json"
"""The decoded JSON body of a success that has no model to build, or whose request asked for it (`KEEP_JSON`).
Written by `_http.check_response`; read by `_http.decoded_body` (decode once). Otherwise the tree is let go as soon
as the model is built: held on to the end of the call, it cost a 50-offer page 3-5% more, and the memory."""

PARSED = "korusticket.parsed"
"""The success body parsed into the operation's model. Written by `_http.check_response`; taken off the response by
`client._Shared._parsed` (httpx responses sit in a reference cycle until the garbage collector runs: a model left
on them would linger too)."""


def deadline_of(request: Any) -> float:
    """The `DEADLINE` of an `httpx.Request`: `time.monotonic()` by which its call must be done (inf: no limit)."""
    deadline = request.extensions.get(DEADLINE)
    return float(deadline) if isinstance(deadline, int | float) else math.inf


# ------------------------------------------------------------------------------------------------ the context

READING: contextvars.ContextVar[Any] = contextvars.ContextVar("korusticket.reading", default=None)
"""The `httpx.Request` whose answer this thread is sending or reading, for a sync client's socket reads to end at its
`DEADLINE`. Set by `_http.KorusHTTPClient.send` and `auth.ClientCredentialsAuth._send`; read by
`transports.DeadlineBackend`."""
