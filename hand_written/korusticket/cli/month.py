"""`korusticket calendar PRODUCT --month YYYY-MM`: a month as a calendar, a week per row from Monday, each day
with its price and places, shaded by how full it is; `--json` gives the days as JSON Lines."""

from __future__ import annotations

import calendar as month_calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated

import typer

from korusticket.cli import arguments
from korusticket.cli.browse import parse_day, product_iri
from korusticket.cli.context import CATALOG, JSON, running, state_of

if TYPE_CHECKING:  # rich and the booking workflows load when the command runs, not for `--help`
    from rich.console import Group
    from rich.text import Text

    from korusticket.booking import CalendarDay

__all__ = ["SHADES", "SOLD_OUT", "DayCell", "calendar", "month_table", "parse_month", "shade", "weeks"]

SHADES = ("on grey11", "on dark_green", "on green4", "on dark_goldenrod", "on dark_orange3", "on red3")
"""Backgrounds from the emptiest day of the month (places as many as the most on any day) to nearly full."""
SOLD_OUT = "bold white on red"
UNLIMITED = "on grey11"


@dataclass(frozen=True)
class DayCell:
    """One day of the grid: the cheapest offer of the day, or none."""

    day: date
    price: Decimal | None
    available: int | None
    """Places left; None for unlimited (or no offer)."""
    offers: int


def parse_month(value: str) -> date:
    """`--month YYYY-MM` as the first day of that month."""
    if not re.fullmatch(r"\d{4}-\d{2}", value):
        raise ValueError(f"--month: expected YYYY-MM, got {value!r}")
    return parse_day(f"{value}-01", "--month")


def weeks(first: date, days: Sequence[CalendarDay]) -> list[list[DayCell | None]]:
    """The month of `first` as weeks of seven cells, Monday first; None outside the month."""
    by_day: dict[date, list[CalendarDay]] = {}
    for found_day in days:
        by_day.setdefault(found_day.day, []).append(found_day)
    grid = month_calendar.Calendar(firstweekday=month_calendar.MONDAY).monthdatescalendar(first.year, first.month)
    rows: list[list[DayCell | None]] = []
    for week in grid:
        row: list[DayCell | None] = []
        for day in week:
            if day.month != first.month:
                row.append(None)
                continue
            found = by_day.get(day, [])
            cheapest = min(found, key=lambda d: (d.price is None, d.price or 0), default=None)
            row.append(
                DayCell(
                    day,
                    cheapest.price if cheapest else None,
                    cheapest.available if cheapest else None,
                    len(found),
                )
            )
        rows.append(row)
    return rows


def shade(available: int | None, most: int) -> str:
    """The background of a day with `available` places when the month's emptiest day has `most`.

    The API gives places left, not capacity, so "full" is measured against the month's best day.
    """
    if available is None:
        return UNLIMITED
    if available <= 0:
        return SOLD_OUT
    fullness = 1 - available / most if most > 0 else 0.0
    return SHADES[min(int(fullness * len(SHADES)), len(SHADES) - 1)]


def _cell(cell: DayCell | None, most: int) -> Text:
    from rich.text import Text

    if cell is None:
        return Text("")
    if not cell.offers:
        return Text(f"{cell.day.day:>2}\n-\n", style="dim")
    if cell.available is None:
        places = "unlimited"
    elif cell.available <= 0:
        places = "sold out"
    else:
        places = f"{cell.available} left"
    more = f" +{cell.offers - 1}" if cell.offers > 1 else ""
    price = "-" if cell.price is None else str(cell.price)
    return Text(f"{cell.day.day:>2}{more}\n{price}\n{places}", style=shade(cell.available, most))


def month_table(first: date, days: Sequence[CalendarDay]) -> Group:
    """The calendar of `first`'s month, and a line saying what the shades mean."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    grid = weeks(first, days)
    most = max((c.available for row in grid for c in row if c and c.available is not None), default=0)
    table = Table(title=f"{first:%B %Y}", title_justify="left", show_lines=True)
    for name in month_calendar.day_abbr:  # Monday first, as `weeks` lays them out
        table.add_column(name, min_width=9, no_wrap=True)
    for row in grid:
        table.add_row(*(_cell(cell, most) for cell in row))
    legend = Text("shade: ")
    legend.append(" emptiest ", style=SHADES[0])
    for style in SHADES[1:]:
        legend.append("  ", style=style)
    legend.append(" fullest ", style=SHADES[-1])
    legend.append(" ")
    legend.append(" sold out ", style=SOLD_OUT)
    legend.append(f"  (against the day with the most places: {most})")
    return Group(table, legend)


def calendar(
    ctx: typer.Context,
    product: Annotated[str, typer.Argument(callback=arguments.resource("product"), help="Product id or IRI.")],
    month: Annotated[str, typer.Option("--month", help="YYYY-MM.")],
    catalog: CATALOG = None,
    as_json: JSON = False,
) -> None:
    """Price and places per day of a month, as a calendar."""
    with running(ctx, as_json) as (kt, out):
        first = parse_month(month)
        last = first.replace(day=month_calendar.monthrange(first.year, first.month)[1])
        catalog_id = state_of(ctx).catalog(catalog)
        days = kt.calendar(catalog_id, first, last, product=product_iri(product, catalog_id))
        if out.as_json:
            out.rows("", days, [])
            return
        out.console.print(month_table(first, days))
