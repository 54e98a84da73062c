"""The wheel ships `korusticket`, `korusticket_client` and the pytest plugin module, with complete metadata."""

from __future__ import annotations

import email.parser
import zipfile
from pathlib import Path

from hatchling.builders.wheel import WheelBuilder

from tests.conftest import ROOT


def test_wheel_contents(tmp_path: Path) -> None:
    (wheel,) = WheelBuilder(str(ROOT)).build(directory=str(tmp_path), versions=["standard"])
    names = zipfile.ZipFile(wheel).namelist()
    packages = {name.split("/", 1)[0] for name in names if not name.startswith("korusticket-")}
    # The pytest plugin is a top-level module so that pytest can load it without importing the SDK.
    assert packages == {"korusticket", "korusticket_client", "_korusticket_pytest_plugin.py"}
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
    expected = ["attrs>=22.2.0", "filelock>=3.13", "httpx<0.29,>=0.23.1", "orjson>=3.9", "sniffio>=1.1"]
    expected.append("tenacity>=8.3")
    assert requires == expected


def test_wheel_metadata(tmp_path: Path) -> None:
    (wheel,) = WheelBuilder(str(ROOT)).build(directory=str(tmp_path), versions=["standard"])
    archive = zipfile.ZipFile(wheel)
    dist_info = next(name for name in archive.namelist() if name.endswith(".dist-info/METADATA")).rsplit("/", 1)[0]
    metadata = email.parser.Parser().parsestr(archive.read(f"{dist_info}/METADATA").decode())
    assert metadata["License-Expression"] == "Apache-2.0"
    assert archive.read(f"{dist_info}/licenses/LICENSE") == (ROOT / "LICENSE").read_bytes()
    assert "Apache License" in (ROOT / "LICENSE").read_text(encoding="utf-8").splitlines()[1]
    assert metadata["Author"]
    urls = dict(entry.split(", ", 1) for entry in metadata.get_all("Project-URL", []))
    assert urls
    assert all(url.startswith("https://") for url in urls.values()), urls
    classifiers = metadata.get_all("Classifier", [])
    assert any(c.startswith("Development Status :: ") for c in classifiers)
    assert "Programming Language :: Python :: 3.11" in classifiers
    assert "Typing :: Typed" in classifiers
    assert metadata["Requires-Python"] == ">=3.11"
    # Development tools are a dependency group, not an extra every user's resolver sees.
    assert sorted(metadata.get_all("Provides-Extra", [])) == ["cli", "postgres", "serve"]
    assert not [line for line in metadata.get_all("Requires-Dist", []) if "==" in line.split(";")[0]]
    # The page PyPI shows is the README, written for users: no make targets, no tests/ or benchmarks/.
    assert metadata["Description-Content-Type"] == "text/markdown"
    description = metadata.get_payload()
    assert description.startswith("# korusticket")
    for development_word in ("make test", "make generate", "benchmarks/", "tests/"):
        assert development_word not in description, development_word
