"""`korusticket export CATALOG --out DIR`: `korusticket.export_catalog` with progress bars on stderr.

Interrupted (Ctrl-C, an error, a full disk), it says so in one line; the same command resumes.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from korusticket.cli import arguments
from korusticket.cli.context import EXIT_INTERRUPTED, running, state_of
from korusticket.cli.output import Output

if TYPE_CHECKING:  # rich and the export load when the command runs, not for `--help`
    from rich.progress import TaskID

    from korusticket.export import ExportProgress

__all__ = ["ProgressBars", "export"]

RESUME = "run the same command to resume"


class ProgressBars:
    """The export's progress as one bar per collection (items, pages, rate, time left) on the error console."""

    def __init__(self, out: Output) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        from korusticket.export import COLLECTIONS

        columns = (
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[pages]} pages"),
            TextColumn("{task.fields[rate]}"),
            TimeRemainingColumn(),
        )
        self.progress = Progress(*columns, console=out.errors, transient=False)
        self.tasks: dict[str, TaskID] = {
            name: self.progress.add_task(name, total=None, pages=0, rate="") for name, _ in COLLECTIONS
        }
        self.last: ExportProgress | None = None

    def __call__(self, step: ExportProgress) -> None:
        self.last = step
        task = self.tasks[step.collection]
        speed = self.progress.tasks[task].speed
        rate = f"{speed:,.0f}/s" if speed else ""
        total = step.items if step.done else step.total_items
        self.progress.update(task, completed=step.items, total=total, pages=step.pages, rate=rate)


def export(
    ctx: typer.Context,
    catalog_id: Annotated[
        str | None, typer.Argument(metavar="CATALOG", callback=arguments.catalog_id, help="Catalog id.")
    ] = None,
    out_dir: Annotated[
        str, typer.Option("--out", callback=arguments.directory, help="Directory of the .jsonl files.")
    ] = "export",
    prefetch: Annotated[int, typer.Option("--prefetch", min=0, max=16, help="Pages fetched ahead.")] = 4,
) -> None:
    """A catalog as JSON Lines files; re-run to resume."""
    from korusticket.errors import ConfigurationError
    from korusticket.export import export_catalog

    with running(ctx) as (kt, out):
        catalog = state_of(ctx).catalog(catalog_id)
        bars = ProgressBars(out)
        try:
            with bars.progress:
                result = export_catalog(kt, catalog, Path(out_dir), prefetch=prefetch, progress=bars)
        except ConfigurationError as error:  # the library names its argument; the command, its option
            raise ConfigurationError(str(error).replace("out_dir: ", "--out: ", 1)) from None
        except KeyboardInterrupt:
            where = f" during {bars.last.collection} (page {bars.last.pages})" if bars.last else ""
            out.say(f"interrupted{where}: what was written is recorded; {RESUME}")
            raise typer.Exit(EXIT_INTERRUPTED) from None
        for name, count in result.counts.items():
            out.say(f"{result.path(name)}: {count} lines")
