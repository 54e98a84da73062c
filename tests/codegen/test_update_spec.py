"""`make update-spec` on a scripted 1.0.39 bump (tests/codegen/bump_1_0_39.py), in a temporary copy of the repo.

The copy is a git checkout of what `make update-spec` reads and writes, and uses this worktree's virtualenv
(VENV=, and INSTALLED= a stamp so make does not reinstall). After the bump: the report's breaking flags, the
new operation's name, the sandbox's 501 for it, the version, the changelog entry and the listed new files.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from codegen.specfile import dump_spec, load_spec
from tests.codegen.bump_1_0_39 import bumped
from tests.conftest import ROOT

COPIED = (
    ".gitignore",
    "Makefile",
    "openapi.yaml",
    "generator-config.yaml",
    "pyproject.toml",
    "hand_written",
    "korusticket_client",
)
VENV = Path(sys.executable).parent.parent
GIT = ["git", "-c", "user.name=test", "-c", "user.email=test@example.invalid", "-c", "init.defaultBranch=main"]

SANDBOX_CHECK = """
import json, httpx
from korusticket.client import DEMO_URL
from korusticket.testing import Sandbox
sandbox = Sandbox(seed=0)
with httpx.Client(transport=sandbox.transport(), base_url=DEMO_URL) as http:
    response = http.post(
        "/v1/booking/orders/0194abdc-3a71-72b0-a9b9-89d4be0cd73e/cancel",
        json={"reason": "test"},
        headers={"Authorization": "Bearer " + sandbox.issue_token(), "Content-Type": "application/ld+json"},
    )
print(json.dumps({"status": response.status_code, "body": response.json()}))
"""


ROUTE_PREFIX_CHECK = """
import json, httpx
from korusticket import ArgumentTypeError, KorusTicket, KorusTicketError, ops
from korusticket.client import DEMO_URL
from korusticket.testing import Sandbox
sandbox = Sandbox(seed=0)
sent = []
class Recording(httpx.BaseTransport):
    def handle_request(self, request):
        sent.append((request.url.path, request.headers.get("X-Tenant")))
        return sandbox.transport().handle_request(request)
kt = KorusTicket(base_url=DEMO_URL, token=sandbox.issue_token(), transport=Recording(), environ={})
try:
    kt.call(ops.get_ticketing_catalog, id=sandbox.catalog_id)
except ArgumentTypeError as error:
    missing = str(error)
try:
    kt.call(ops.get_ticketing_catalog, id=sandbox.catalog_id, x_tenant="acme")
except KorusTicketError as error:
    answered = getattr(error, "status_code", None)
print(json.dumps({"missing": missing, "status": answered, "sent": sent, "catalog": sandbox.catalog_id}))
"""


BOOKING_CHECK = """
import json
from korusticket import Item, MissingBodyFieldError, iri
from korusticket.testing import Sandbox
sandbox = Sandbox(seed=0)
offer = next(o for o in sandbox.state.data.offers.values()
             if o.catalog_id == sandbox.catalog_id and all(t.date_access for t in o.tickets) and o.capacity)
customer = {"firstname": "Ada", "lastname": "Lovelace", "email": "ada@example.com"}
with sandbox.client() as kt:
    held = kt.reserve(Item(iri.offer(offer.catalog_id, offer.id)))
    try:
        kt.order(held, customer=customer, external_reference="BUMP-1")
        refused = None
    except MissingBodyFieldError as error:
        refused = {"field": error.field, "message": str(error)}
    placed = kt.order(held, customer=customer, external_reference="BUMP-1", extra_body={"channel": "web"})
sent = [h for h in sandbox.state.handled if h.operation == "create_orders"]
print(json.dumps({"refused": refused, "orders": len(placed.orders), "sent": len(sent)}))
"""


def run(command: list[str], cwd: Path, **env: str) -> str:
    done = subprocess.run(  # noqa: S603 - fixed commands on our own copy
        command, cwd=cwd, capture_output=True, text=True, check=False, env={"PATH": "/usr/bin:/bin", **env}
    )
    assert done.returncode == 0, f"{' '.join(command)}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def bump(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The copy after `make update-spec NEW_SPEC=openapi-1.0.39.yaml`, and what make printed."""
    repo = tmp_path_factory.mktemp("repo")
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, repo / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(source, repo / name)
    run([*GIT, "init", "-q"], repo)
    run([*GIT, "add", "-A"], repo)
    run([*GIT, "commit", "-q", "-m", "1.0.38"], repo)
    new_spec = repo / "openapi-1.0.39.yaml"
    dump_spec(bumped(load_spec(ROOT / "openapi.yaml")), new_spec)
    stamp = repo / "installed.stamp"
    stamp.touch()
    output = run(
        ["make", "--no-print-directory", "update-spec", f"NEW_SPEC={new_spec}", f"VENV={VENV}", f"INSTALLED={stamp}"],
        repo,
    )
    return repo, output


def test_the_report_flags_what_breaks_and_what_does_not(bump: tuple[Path, str]) -> None:
    repo, output = bump
    report = (repo / "build/spec-diff.txt").read_text(encoding="utf-8")
    lines = set(report.splitlines())
    input_schema = "BookingOrder.CreateOrderBulkInput.jsonld-v1.order.create_bulk_write"
    assert f"  BREAKING {input_schema}: field channel added (required)" in lines
    assert (
        "  BookingOrder.jsonld-v1.order.read: field status: enum value refunded added (read as before: response"
        " enums are open)"
    ) in lines
    assert (
        "  GET /v1/booking/orders: query parameter external_reference renamed to externalReference (Python name"
        " external_reference unchanged)"
    ) in lines
    assert "  BREAKING BookingOrder.jsonld-v1.order.read: field totalAmountExclTax: string -> number" in lines
    assert "  BREAKING BookingOrder.jsonld-v1.order.read: field notes removed" in lines
    assert report.startswith("13 change(s), 5 that may break code written against the old version:")
    # The Python names the regenerated client changed, read with griffe.
    assert "  BREAKING models.BookingOrder.notes: removed" in lines
    assert "  BREAKING models.BookingOrder.total_amount_excl_tax: type str | Unset -> float | Unset" in lines
    assert "  api.booking_order.cancel_order: operation added" in lines
    assert (
        "  GET /v2/ticketing/catalogs/{id}: operation get_ticketing_catalog added (api_v2ticketingcatalogs_id_get)"
    ) in lines
    assert "  models.BookingOrderCreateBulkRead: class added" in lines
    assert report in output.replace("\n\n", "\n") or all(line in output for line in report.splitlines())


def test_the_cancel_action_is_generated_as_cancel_order(bump: tuple[Path, str]) -> None:
    repo, output = bump
    assert (repo / "korusticket_client/api/booking_order/cancel_order.py").is_file()
    assert 'name="cancel_order"' in (repo / "hand_written/korusticket/_generated/operations.py").read_text()
    assert "POST /v1/booking/orders/{id}/cancel: operation cancel_order added" in output
    # The new files are listed, not only the changed ones.
    assert "?? korusticket_client/api/booking_order/cancel_order.py" in output
    assert "?? korusticket_client/models/booking_order_create_bulk_read.py" in output


def test_the_sandbox_answers_501_for_the_new_operation(bump: tuple[Path, str]) -> None:
    repo, _ = bump
    answer = json.loads(
        run([str(VENV / "bin/python"), "-c", SANDBOX_CHECK], repo, PYTHONPATH=f"{repo}:{repo / 'hand_written'}")
    )
    assert answer["status"] == 501
    assert answer["body"]["@type"] == "Error"
    assert '"cancel_order"' in answer["body"]["detail"]
    assert "POST /v1/booking/orders/" in answer["body"]["detail"]


def test_an_operation_under_another_route_prefix_takes_its_header_and_is_answered(bump: tuple[Path, str]) -> None:
    """`/v2/...` is routed like `/v1/...` (501: no handler yet, not 404), and its `X-Tenant` header parameter is
    a checked keyword of `kt.call`, sent as the header."""
    repo, _ = bump
    outcome = json.loads(
        run([str(VENV / "bin/python"), "-c", ROUTE_PREFIX_CHECK], repo, PYTHONPATH=f"{repo}:{repo / 'hand_written'}")
    )
    missing = "x_tenant: get_ticketing_catalog() is missing the required argument 'x_tenant'"
    assert outcome["missing"].startswith(missing)
    assert outcome["status"] == 501
    assert outcome["sent"] == [[f"/v2/ticketing/catalogs/{outcome['catalog']}", "acme"]]  # once, with the header


def test_a_newly_required_order_field_is_named_and_passed_with_extra_body(bump: tuple[Path, str]) -> None:
    """The bumped client requires `channel` on the order body: the booking call names it and says how to pass it,
    before sending; `extra_body=` passes it through without an SDK release."""
    repo, _ = bump
    outcome = json.loads(
        run([str(VENV / "bin/python"), "-c", BOOKING_CHECK], repo, PYTHONPATH=f"{repo}:{repo / 'hand_written'}")
    )
    assert outcome["refused"]["field"] == "channel"
    assert "extra_body=" in outcome["refused"]["message"]
    assert (outcome["orders"], outcome["sent"]) == (1, 1)  # the refused call sent nothing


def test_the_version_is_bumped_and_the_changelog_has_the_entry(bump: tuple[Path, str]) -> None:
    repo, output = bump
    assert '__version__ = "1.0.39.1"' in (repo / "hand_written/korusticket/_version.py").read_text()
    changelog = (repo / "CHANGELOG.md").read_text(encoding="utf-8")
    assert changelog.startswith("# Changelog\n")
    unreleased = changelog[changelog.index("## [Unreleased]") :]
    for line in (
        "### Added",
        "- API 1.0.39: `POST /v1/booking/orders/{id}/cancel`: operation cancel_order added"
        " (api_v1bookingorders_idcancel_post).",
        "### Changed",
        "- KorusTicket API 1.0.39 (was 1.0.38): the client is regenerated from it (release 1.0.39.1).",
        "- **Breaking:** API 1.0.39: `BookingOrder.CreateOrderBulkInput.jsonld-v1.order.create_bulk_write`: field"
        " channel added (required).",
        "### Removed",
        "- **Breaking:** API 1.0.39: `BookingOrder.jsonld-v1.order.read`: field notes removed.",
    ):
        assert line in unreleased.splitlines(), line
    assert "Next steps:" in output
    assert "New operation(s) get_ticketing_catalog, cancel_order:" in output
