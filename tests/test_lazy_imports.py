"""`import korusticket` loads the errors and the log switch only: the client, the booking workflows and the
generated models load when a name needing them is first used (PEP 562 `__getattr__`), and every public name
still resolves to the object it always was."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import korusticket
from korusticket._lazy import lazy_module


def modules_after(code: str) -> list[str]:
    """The `korusticket*` modules loaded in a fresh interpreter after running `code`."""
    listing = "print(json.dumps(sorted(m for m in sys.modules if m.startswith('korusticket'))))"
    probe = f"{code}\nimport json, sys\n{listing}"
    result = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True)  # noqa: S603
    loaded: list[str] = json.loads(result.stdout.splitlines()[-1])
    return loaded


def test_import_korusticket_loads_no_generated_model_nor_client() -> None:
    loaded = modules_after("import korusticket")
    assert "korusticket" in loaded
    assert not [name for name in loaded if name.startswith("korusticket_client")]
    assert "korusticket.client" not in loaded
    assert "korusticket.booking" not in loaded


def test_the_probe_sees_the_models_once_a_name_needs_them() -> None:
    # The same probe on code that needs the models (a call parses its answer into them): the check above can fail.
    loaded = modules_after(
        "from korusticket.testing import Sandbox\n"
        "from korusticket_client.api.ticketing_catalog import list_catalogs\n"
        "with Sandbox().client() as kt:\n"
        "    kt.call(list_catalogs)"
    )
    assert "korusticket_client.models" in loaded
    assert "korusticket.client" in loaded


def test_every_public_name_resolves() -> None:
    for name in korusticket.__all__:
        assert getattr(korusticket, name) is not None, name
    assert set(korusticket.__all__) <= set(dir(korusticket))
    from korusticket.client import KorusTicket
    from korusticket.ops import list_offers

    assert korusticket.KorusTicket is KorusTicket
    assert korusticket.ops.list_offers is list_offers


def test_star_import_and_unknown_names() -> None:
    namespace: dict[str, object] = {}
    exec("from korusticket import *", namespace)  # noqa: S102 - the statement under test
    assert set(korusticket.__all__) <= set(namespace)
    with pytest.raises(AttributeError, match="NoSuchName"):
        korusticket.NoSuchName  # type: ignore[attr-defined]  # noqa: B018


def test_the_generated_models_load_one_by_one() -> None:
    """`korusticket_client.models` loads a model's module when the model is first asked for (PEP 562)."""
    assert not [name for name in modules_after("import korusticket_client.models") if ".models." in name]
    loaded = modules_after("from korusticket_client.models import TicketingOffer")
    assert "korusticket_client.models.ticketing_offer" in loaded
    assert "korusticket_client.models.offer_embedded_price" in loaded  # what its from_dict builds
    assert "korusticket_client.models.booking_order" not in loaded


def test_every_generated_model_resolves() -> None:
    import korusticket_client.models as models
    from korusticket_client.models.booking_order import BookingOrder

    namespace: dict[str, object] = {}
    exec("from korusticket_client.models import *", namespace)  # noqa: S102 - the statement under test
    assert set(models.__all__) <= set(namespace)
    assert set(models.__all__) <= set(dir(models))
    assert models.BookingOrder is BookingOrder is namespace["BookingOrder"]
    for name in models.__all__:  # the object its own module defines (a class, or a Literal of enum values)
        assert getattr(models, name) is vars(importlib.import_module(models._MODULES[name], models.__name__))[name]
    with pytest.raises(AttributeError, match="NoSuchModel"):
        models.NoSuchModel  # noqa: B018


def executed_after(code: str, names: list[str]) -> dict[str, bool]:
    """For each module of `names`, whether it has run in a fresh interpreter after `code` (what
    `korusticket._lazy.lazy_module` hands out is not in `sys.modules` until it is used)."""
    probe = f"{code}\nimport json, sys\nprint(json.dumps({{n: n in sys.modules for n in {names!r}}}))"
    result = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True)  # noqa: S603
    executed: dict[str, bool] = json.loads(result.stdout.splitlines()[-1])
    return executed


WORKFLOWS = [f"korusticket.booking.{name}" for name in ("book", "browse", "fulfilment", "order", "reserve")]


def test_the_client_loads_no_workflow_nor_the_typed_overloads_until_they_are_used() -> None:
    names = [*WORKFLOWS, "korusticket._generated.typed"]
    assert executed_after("from korusticket import KorusTicket", names) == dict.fromkeys(names, False)
    booked = executed_after(
        "from korusticket.testing import Sandbox\n"
        "from tests.booking.test_exactly_once import CUSTOMER, scenario\n"
        "sandbox = Sandbox()\n"
        "with sandbox.client() as kt:\n"
        "    kt.book(scenario(sandbox, 1), customer=CUSTOMER, external_reference='LAZY', confirm_payment=bool)",
        names,
    )
    used = {f"korusticket.booking.{name}" for name in ("book", "order", "reserve")}  # what kt.book runs
    assert booked == {name: name in used for name in names}


DEFERRED = ["asyncio", "tenacity", "concurrent.futures", "attrs", "korusticket_client", "korusticket_client.models"]


def test_the_client_import_defers_the_event_loop_the_retry_library_and_the_models() -> None:
    """What only some calls need (an async client, a retry that is due, a body given as a dict) is not paid by
    every process that imports the client (make bench: start-up)."""
    assert executed_after("import httpx\nfrom korusticket import KorusTicket", DEFERRED) == dict.fromkeys(
        DEFERRED, False
    )


def test_threads_first_reading_a_deferred_module_all_see_it_fully_executed(tmp_path: Path) -> None:
    """A module that takes a while to run, read by eight threads at once: each gets the attribute defined at its
    end (`importlib.util.LazyLoader` on Python 3.11 shows the other threads the module half-executed)."""
    (tmp_path / "slow_module_for_lazy_test.py").write_text("import time\ntime.sleep(0.3)\nDONE = 'done'\n")
    sys.path.insert(0, str(tmp_path))
    try:
        module = lazy_module("slow_module_for_lazy_test")
        assert "slow_module_for_lazy_test" not in sys.modules
        start = threading.Barrier(8)

        def read() -> object:
            start.wait()
            return module.DONE

        with ThreadPoolExecutor(8) as pool:
            seen = [future.result() for future in [pool.submit(read) for _ in range(8)]]
        assert seen == ["done"] * 8
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("slow_module_for_lazy_test", None)


def test_a_deferred_module_that_does_not_exist_fails_on_first_use() -> None:
    module = lazy_module("no_such_module_here")
    with pytest.raises(ImportError, match="no_such_module_here"):
        module.anything  # noqa: B018
