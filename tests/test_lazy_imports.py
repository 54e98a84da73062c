"""`import korusticket` loads the errors and the log switch only: the client, the booking workflows and the
generated models load when a name needing them is first used (PEP 562 `__getattr__`), and every public name
still resolves to the object it always was."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import korusticket


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
    # The same probe on a name that needs the models: the check above can fail.
    loaded = modules_after("from korusticket import KorusTicket")
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
