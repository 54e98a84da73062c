"""A probe, not part of `make bench`: where kt.call's time goes beyond orjson + `from_dict`, by page size.

The offers page of `bench_parse`, cut to 0, 1, 10 and 50 members. For each size, in rounds in one process:

- `orjson + from_dict` on the bytes (the "generated" baseline of `bench_parse`);
- `kt.call` through the same `httpx.MockTransport`;
- `httpx + orjson`: a bare `httpx.Client.get` on that transport and the decoder, no model and no checks;
- `orjson` alone on the bytes.

Shown per size: the median of each round's `kt.call - (orjson + from_dict)` and `httpx + orjson - orjson`, in
microseconds. If the SDK's cost were a fixed amount per call, the first column would not grow with the page;
the second says how much of any growth a bare httpx client shows as well (the page is decoded after other work
rather than in a tight loop on the same bytes, with colder caches).

    PYTHONPATH=. .venv/bin/python -m benchmarks.probe_page
"""

from __future__ import annotations

from typing import Any

import httpx
import orjson

from benchmarks.bench_parse import captured_pages
from benchmarks.common import API, TOKEN, Spread, differences, interleaved, rounds, table, timing
from korusticket import KorusTicket

ROUNDS = rounds(40, 8)
CALLS = 20
SIZES = (0, 1, 10, 50)


def main() -> None:
    body, model, operation, arguments = captured_pages()["offers"]
    page = orjson.loads(body)
    request = operation._get_kwargs(**arguments)
    runs = {}
    closing: list[Any] = []
    for size in SIZES:
        cut = orjson.dumps({**page, "member": page["member"][:size], "totalItems": size})

        def serve(_: httpx.Request, cut: bytes = cut) -> httpx.Response:
            return httpx.Response(200, content=cut, headers={"content-type": "application/ld+json"})

        kt = KorusTicket(base_url=API, token=TOKEN, transport=httpx.MockTransport(serve), max_retries=0, environ={})
        raw = httpx.Client(base_url=API, transport=httpx.MockTransport(serve))
        closing += [kt, raw]
        runs[f"generated {size}"] = timing(lambda cut=cut: model.from_dict(orjson.loads(cut)), CALLS)
        runs[f"kt.call {size}"] = timing(lambda kt=kt: kt.call(operation, **arguments), CALLS)
        runs[f"httpx {size}"] = timing(
            lambda raw=raw: orjson.loads(raw.get(request["url"], params=request.get("params")).content), CALLS
        )
        runs[f"orjson {size}"] = timing(lambda cut=cut: orjson.loads(cut), CALLS)
    for run in runs.values():
        run()
    try:
        samples = interleaved(runs, ROUNDS)
    finally:
        for client in closing:
            client.close()
    rows = []
    for size in SIZES:
        rows.append(
            [
                f"{size} offers",
                Spread.of(samples[f"generated {size}"]).show(1e6, digits=1),
                Spread.of(differences(samples, f"kt.call {size}", f"generated {size}")).show(1e6, digits=1),
                Spread.of(differences(samples, f"httpx {size}", f"orjson {size}")).show(1e6, digits=1),
            ]
        )
    header = ["page", "orjson + from_dict (us)", "kt.call - that (us)", "httpx + orjson - orjson (us)"]
    print(f"{ROUNDS} rounds, each candidate's time the mean of {CALLS} calls; median (min-max) of the rounds.\n")
    print("\n".join(table(header, rows)))


if __name__ == "__main__":
    main()
