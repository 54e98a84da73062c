"""Where the command line's client comes from: the sandbox, or the API with credentials from the environment
or the config file that `korusticket configure` writes (mode 0600, in the user's config directory)."""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from korusticket._files import NotASmallFile, read_small_file
from korusticket.errors import ConfigurationError

__all__ = [
    "CONFIG_KEYS",
    "Target",
    "check_env",
    "check_private_directory",
    "config_path",
    "read_config",
    "resolve_target",
    "write_config",
]

CONFIG_LIMIT = 64 * 1024
"""The largest config file read: a few settings take a few hundred bytes."""
CONFIG_KEYS = ("env", "base_url", "token_url", "client_id", "client_secret", "language", "catalog")
"""What the config file may hold. `catalog` is the default catalog of commands that take `--catalog`."""
ENVIRONMENTS = ("demo", "production")
"""`--env` values; their URLs are `korusticket.client`'s (imported when a command runs, not for `--help`)."""


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


def check_private_directory(directory: Path) -> None:
    """Refuse, as ssh does, a directory in which another user could replace the config file.

    The directory and each one above it, up to the home directory (or `/` outside it), must belong to the user
    or root and not be writable by group or others. A sticky directory above it (`/tmp`) is allowed: nobody else
    may rename or remove what is the user's there. Symbolic links are resolved first, so the real path is checked.
    """
    uid = os.geteuid()
    try:
        home: Path | None = Path.home().resolve()
    except (KeyError, RuntimeError, OSError):  # no home directory: check up to the root
        home = None
    current = directory.resolve()
    itself = True
    while True:
        try:
            found = os.stat(current)
        except OSError as error:
            raise ConfigurationError(f"{current}: cannot check the config directory: {error.strerror}") from None
        if found.st_uid not in (uid, 0):
            raise ConfigurationError(
                f"{current}: owned by another user (uid {found.st_uid}), who could replace the config file; "
                "keep it in a directory of your own (KORUSTICKET_CONFIG chooses the file)"
            )
        writable = found.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
        if writable and (itself or not found.st_mode & stat.S_ISVTX):
            mode = stat.S_IMODE(found.st_mode)
            raise ConfigurationError(
                f"{current}: writable by other users (mode {mode:04o}), who could replace the config file; "
                f"run `chmod go-w {current}`, or choose a private directory with KORUSTICKET_CONFIG"
            )
        if current == home or current.parent == current:
            return
        current, itself = current.parent, False


def read_config(path: Path) -> dict[str, str]:
    """The settings of the config file, if there is one; refused when another user could have written it."""
    if not path.exists():
        return {}
    check_private_directory(path.parent)
    try:
        found = os.stat(path)
    except OSError as error:
        raise ConfigurationError(f"{path}: not a readable korusticket config file ({error})") from None
    if not stat.S_ISREG(found.st_mode):  # a FIFO would block the command, a device never end
        raise ConfigurationError(f"{path}: not a regular file, so not a korusticket config file")
    if found.st_uid not in (os.geteuid(), 0) or found.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        raise ConfigurationError(
            f"{path}: writable by or belonging to another user, who could have changed it; "
            f"run `chmod 600 {path}` if it is yours"
        )
    try:
        data = json.loads(read_small_file(path, CONFIG_LIMIT, follow_links=True).decode("utf-8"))
    except NotASmallFile as error:
        raise ConfigurationError(f"{path}: {error}, so not a korusticket config file") from None
    except (OSError, ValueError, RecursionError) as error:
        reason = "nested too deeply" if isinstance(error, RecursionError) else error
        raise ConfigurationError(f"{path}: not a readable korusticket config file ({reason})") from None
    if not isinstance(data, dict) or not all(isinstance(value, str) for value in data.values()):
        raise ConfigurationError(f"{path}: expected a JSON object of strings")
    unknown = sorted(set(data) - set(CONFIG_KEYS))
    if unknown:
        raise ConfigurationError(f"{path}: unknown setting {unknown[0]!r}; known: {', '.join(CONFIG_KEYS)}")
    return data


def write_config(path: Path, settings: Mapping[str, str]) -> None:
    """Write the file readable by its owner only (it may hold the client secret), never through a planted link.

    The new content goes to a temporary file of a random name that this call creates (`O_EXCL`, so an existing
    file or symbolic link is never opened; `O_NOFOLLOW`; mode 0600), synced, then renamed over `path`, in a
    directory that `check_private_directory` accepts.
    """
    directory = path.parent
    try:
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as error:
        raise ConfigurationError(f"{directory}: cannot create the config directory: {error.strerror}") from None
    check_private_directory(directory)
    content = (json.dumps(dict(settings), indent=2, sort_keys=True) + "\n").encode()
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
    temporary = directory / f".{path.name}.{secrets.token_hex(8)}.tmp"
    try:
        descriptor = os.open(temporary, flags, 0o600)
    except OSError as error:
        raise ConfigurationError(f"{temporary}: cannot create the config file: {error.strerror}") from None
    try:
        try:
            os.fchmod(descriptor, 0o600)  # the umask may only have narrowed it; say it anyway
            view = memoryview(content)
            while view:
                view = view[os.write(descriptor, view) :]
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise ConfigurationError(f"{path}: cannot write the config file: {error.strerror}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


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
        from korusticket.client import DEMO_URL, PRODUCTION_URL

        url = PRODUCTION_URL if chosen_env == "production" else DEMO_URL
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
