"""What every sandbox document shares: the top-level `@context`, the error bodies, the organization IRI."""

from __future__ import annotations

from typing import Any

ORGANIZATION = "/v1/organizations/0194abdc-3a79-7ec3-b1b9-a1f291de587d"
Json = dict[str, Any]


def root(document: Json, short_name: str) -> Json:
    """A top-level resource: `@context` first, as the API sends it."""
    return {"@context": f"/contexts/{short_name}", **document}


def error(status: int, detail: str, title: str = "An error occurred") -> Json:
    return {
        "@context": "/contexts/Error",
        "@id": f"/errors/{status}",
        "@type": "Error",
        "title": title,
        "detail": detail,
        "status": status,
        "type": f"/errors/{status}",
        "description": detail,
    }


def violations(found: list[tuple[str, str, str]]) -> Json:
    """A 422 body from (property path, message, code) triples."""
    code = found[0][2]
    text = "\n".join(f"{path}: {message}" for path, message, _ in found)
    return {
        "@context": "/contexts/ConstraintViolationList",
        "@id": f"/validation_errors/{code}",
        "@type": "ConstraintViolationList",
        "status": 422,
        "violations": [{"propertyPath": path, "message": message, "code": code} for path, message, code in found],
        "detail": text,
        "description": text,
        "type": f"/validation_errors/{code}",
        "title": "An error occurred",
    }
