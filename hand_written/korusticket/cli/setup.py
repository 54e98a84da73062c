"""Set up and try out: `configure` saves credentials, `demo` runs a booking journey on the sandbox."""

from __future__ import annotations

import getpass
import os
from typing import Annotated

import typer

from korusticket.cli import arguments
from korusticket.cli.config import CONFIG_KEYS, check_env, config_path, read_config, write_config
from korusticket.cli.context import EXIT_USAGE
from korusticket.cli.output import Output
from korusticket.errors import ConfigurationError

__all__ = ["configure", "demo"]


def configure(
    env: Annotated[str, typer.Option("--env", help="demo or production.")] = "demo",
    client_id: Annotated[str | None, typer.Option("--client-id", callback=arguments.client_id)] = None,
    catalog: Annotated[
        str | None, typer.Option("--catalog", callback=arguments.catalog_id, help="Default catalog id.")
    ] = None,
    token_url: Annotated[str | None, typer.Option("--token-url", callback=arguments.token_url)] = None,
) -> None:
    """Save credentials in your config file (mode 0600).

    The client secret is read from KORUSTICKET_CLIENT_SECRET or asked for, never echoed or printed. A config
    directory other users can write to is refused, as ssh refuses one.
    """
    out = Output(as_json=False)
    path = config_path(dict(os.environ))
    try:
        settings = read_config(path)
        settings["env"] = check_env(env)
        settings["client_id"] = client_id or typer.prompt("Client id", default=settings.get("client_id"))
        secret = os.environ.get("KORUSTICKET_CLIENT_SECRET") or getpass.getpass("Client secret (not shown): ")
        if not secret:
            raise ConfigurationError("client secret: required")
        settings["client_secret"] = secret
        for key, value in (("catalog", catalog), ("token_url", token_url)):
            if value:
                settings[key] = value
        write_config(path, {key: settings[key] for key in CONFIG_KEYS if key in settings})
    except ConfigurationError as error:
        out.error(error)
        raise typer.Exit(EXIT_USAGE) from None
    out.say(f"saved {path} (readable by you only): env {env}, client id {settings['client_id']}")


def demo() -> None:
    """A booking journey on the sandbox (`make demo`)."""
    from korusticket.testing.demo import main as run_demo

    run_demo()
