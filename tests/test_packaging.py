"""The wheel ships `korusticket` and `korusticket_client` under their import names, and nothing else."""

from __future__ import annotations

import zipfile
from pathlib import Path

from hatchling.builders.wheel import WheelBuilder

from tests.conftest import ROOT


def test_wheel_contents(tmp_path: Path) -> None:
    (wheel,) = WheelBuilder(str(ROOT)).build(directory=str(tmp_path), versions=["standard"])
    names = zipfile.ZipFile(wheel).namelist()
    packages = {name.split("/", 1)[0] for name in names if not name.startswith("korusticket-")}
    assert packages == {"korusticket", "korusticket_client"}
    for required in (
        "korusticket/__init__.py",
        "korusticket/py.typed",
        "korusticket_client/py.typed",
        "korusticket_client/client.py",
        "korusticket_client/api/ticketing_offer/list_offers.py",
        "korusticket_client/models/booking_order.py",
    ):
        assert required in names
    metadata = next(name for name in names if name.endswith(".dist-info/METADATA"))
    text = zipfile.ZipFile(wheel).read(metadata).decode()
    requires = sorted(
        line.split(":", 1)[1].split(";")[0].strip()
        for line in text.splitlines()
        if line.startswith("Requires-Dist:") and "extra ==" not in line
    )
    assert requires == ["attrs>=22.2.0", "filelock>=3.13", "httpx<0.29,>=0.23.1", "orjson>=3.9", "tenacity>=8.3"]
