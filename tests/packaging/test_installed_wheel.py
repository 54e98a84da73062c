"""The built wheel, installed offline in a new virtualenv, works from outside the repository.

One virtualenv for the module: the wheel with its `cli` extra and pytest (anyio comes with httpx), and
nothing of this checkout on `sys.path`. Then, from a temporary folder: `twine check` on what PyPI would
receive, `korusticket demo`, and a user's test file using the plugin's fixtures.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.packaging.clean_venv import Distribution, build, clean_environment, install

USER_TESTS = """
import sys

import pytest

from korusticket import Customer, Item, ops

CUSTOMER: Customer = {"firstname": "Ada", "lastname": "Lovelace", "email": "ada@example.com"}


def test_loading_the_plugin_imported_nothing_of_the_sdk(sdk_modules_at_startup):
    assert "_korusticket_pytest_plugin" in sys.modules  # the plugin is loaded...
    assert sdk_modules_at_startup == []  # ...and the SDK was not, until this file imported it


def test_booking_with_the_fixtures(korusticket_client, korusticket_sandbox):
    offers = korusticket_client.paginate(ops.list_offers, catalog_id=korusticket_sandbox.catalog_id)
    offer = next(o for o in offers if o.tickets and len(o.tickets) == 1)
    held = korusticket_client.reserve(Item(offer, quantity=1))
    result = korusticket_client.order(held, customer=CUSTOMER, external_reference="WHEEL-1")
    assert result.ok
    assert len(korusticket_sandbox.state.orders) == 1


@pytest.mark.anyio
async def test_the_async_fixture_under_anyio(korusticket_async_client, korusticket_sandbox):
    page = await korusticket_async_client.call(ops.list_offers, catalog_id=korusticket_sandbox.catalog_id)
    assert page.total_items
"""

# pytest imports a conftest.py after loading its plugins and before any test file.
USER_CONFTEST = """
import sys

import pytest

SDK = ("korusticket", "korusticket_client")
SDK_MODULES_AT_STARTUP = sorted(name for name in sys.modules if name.partition(".")[0] in SDK)


@pytest.fixture
def sdk_modules_at_startup():
    return SDK_MODULES_AT_STARTUP
"""


@pytest.fixture(scope="module")
def distribution(tmp_path_factory: pytest.TempPathFactory) -> Distribution:
    return build(tmp_path_factory.mktemp("dist"))


@pytest.fixture(scope="module")
def python(distribution: Distribution, tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Whatever pytest the local index holds: the plugin must work with a user's pytest, not only with ours.
    return install(distribution.wheel, tmp_path_factory.mktemp("venv") / "env", "korusticket[cli]", "pytest")


def run(python: Path, *arguments: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - the virtualenv's own interpreter and scripts
        [str(python), *arguments], cwd=cwd, env=clean_environment(), capture_output=True, text=True, timeout=300
    )


def test_twine_accepts_the_wheel_and_the_sdist(distribution: Distribution) -> None:
    command = [sys.executable, "-m", "twine", "check", "--strict", str(distribution.wheel), str(distribution.sdist)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603 - our interpreter
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("PASSED") == 2


def test_the_installed_package_is_the_wheel_not_the_checkout(python: Path, tmp_path: Path) -> None:
    modules = ("korusticket", "korusticket_client", "_korusticket_pytest_plugin")
    code = f"import {', '.join(modules)}; print({', '.join(f'{name}.__file__' for name in modules)})"
    result = run(python, "-c", code, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    for path in result.stdout.split():
        assert Path(path).is_relative_to(python.parent.parent), path
        assert not Path(path).is_relative_to(ROOT), path


def test_the_demo_runs(python: Path, tmp_path: Path) -> None:
    result = run(python.parent / "korusticket", "demo", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "order" in result.stdout.lower()


def test_the_pytest_fixtures_work_in_a_users_project(python: Path, tmp_path: Path) -> None:
    (tmp_path / "test_user.py").write_text(USER_TESTS, encoding="utf-8")
    (tmp_path / "conftest.py").write_text(USER_CONFTEST, encoding="utf-8")
    result = run(python, "-m", "pytest", "-p", "no:cacheprovider", "-q", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 passed" in result.stdout, result.stdout
