"""Where the command line's client comes from: the sandbox, or the API with credentials from the environment
or the config file that `korusticket configure` writes (mode 0600, in the user's config directory)."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from korusticket.client import DEMO_URL, PRODUCTION_URL
from korusticket.errors import ConfigurationError

__all__ = ["CONFIG_KEYS", "Target", "check_env", "config_path", "read_config", "resolve_target", "write_config"]

CONFIG_KEYS = ("env", "base_url", "token_url", "client_id", "client_secret", "language", "catalog")
"""What the config file may hold. `catalog` is the default catalog of commands that take `--catalog`."""
ENVIRONMENTS = {"demo": DEMO_URL, "production": PRODUCTION_URL}


def config_path(environ: Mapping[str, str]) -> Path:
    """`KORUSTICKET_CONFIG`, else `$XDG_CONFIG_HOME/korusticket/config.json` (`~/.config/...`)."""
    if environ.get("KORUSTICKET_CONFIG"):
        return Path(environ["KORUSTICKET_CONFIG"])
    base = environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "korusticket" / "config.json"


def check_env(env: str) -> str:
    """`--env`: one of the vendor's environments."""
    if env not in ENVIRONMENTS:
        raise ConfigurationError(f"--env: expected {' or '.join(ENVIRONMENTS)}, got {env!r}")
    return env


def read_config(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ConfigurationError(f"{path}: not a readable korusticket config file ({error})") from None
    if not isinstance(data, dict) or not all(isinstance(value, str) for value in data.values()):
        raise ConfigurationError(f"{path}: expected a JSON object of strings")
    unknown = sorted(set(data) - set(CONFIG_KEYS))
    if unknown:
        raise ConfigurationError(f"{path}: unknown setting {unknown[0]!r}; known: {', '.join(CONFIG_KEYS)}")
    return data


def write_config(path: Path, settings: Mapping[str, str]) -> None:
    """Write the file readable by its owner only; it may hold the client secret."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    temporary = path.with_suffix(".tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
        json.dump(dict(settings), stream, indent=2, sort_keys=True)
        stream.write("\n")
    os.chmod(temporary, 0o600)  # an existing file keeps its old mode through os.open
    temporary.replace(path)


@dataclass(frozen=True)
class Target:
    """The API the commands talk to."""

    kind: Literal["sandbox", "api"]
    options: dict[str, Any]
    """Client settings (`base_url`, credentials, `language`) for the API; empty for the sandbox."""
    catalog: str | None
    why: str
    """Said on stderr when the sandbox is chosen without being asked for."""


def resolve_target(
    *,
    sandbox: bool,
    env: str | None,
    base_url: str | None,
    language: str | None,
    environ: Mapping[str, str],
) -> Target:
    """`--sandbox`, else `--base-url`/`--env`, else the environment and config file; the sandbox when
    no credentials are configured anywhere."""
    settings = read_config(config_path(environ))
    catalog = environ.get("KORUSTICKET_CATALOG") or settings.get("catalog")
    if sandbox:
        if env or base_url:
            raise ConfigurationError("--sandbox: give either --sandbox or --env/--base-url, not both")
        return Target("sandbox", {}, catalog, "")
    if env is not None:
        check_env(env)
    token = environ.get("KORUSTICKET_TOKEN")
    client_id = environ.get("KORUSTICKET_CLIENT_ID") or settings.get("client_id")
    client_secret = environ.get("KORUSTICKET_CLIENT_SECRET") or settings.get("client_secret")
    chosen_env = env or settings.get("env")
    url = base_url or environ.get("KORUSTICKET_BASE_URL") or settings.get("base_url")
    if not url:
        url = ENVIRONMENTS.get(chosen_env or "demo", DEMO_URL)
    if not token and not (client_id and client_secret):
        if env or base_url:
            raise ConfigurationError(
                "no credentials for the API: set KORUSTICKET_TOKEN, or KORUSTICKET_CLIENT_ID and "
                "KORUSTICKET_CLIENT_SECRET, or run `korusticket configure`; or use --sandbox"
            )
        return Target("sandbox", {}, catalog, "no credentials configured: using the built-in sandbox (--sandbox)")
    options: dict[str, Any] = {"base_url": url, "environ": environ}
    if token:
        options["token"] = token
    else:
        options["client_id"], options["client_secret"] = client_id, client_secret
        token_url = environ.get("KORUSTICKET_TOKEN_URL") or settings.get("token_url")
        if token_url:
            options["token_url"] = token_url
    chosen_language = language or settings.get("language")
    if chosen_language:
        options["language"] = chosen_language
    return Target("api", options, catalog, "")
