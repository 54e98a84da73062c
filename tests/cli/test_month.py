"""`korusticket calendar`: the month as a calendar (weeks by rows, Monday first, price and places, shaded by how
full each day is); `--json` as before, one day per line."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from rich.console import Console

from korusticket import CalendarDay
from korusticket.testing import Sandbox
from korusticket_client.models import TicketingOffer
from tests.cli.helpers import lines, run


def product_with_sessions(sandbox: Sandbox) -> str:
    offers = lines(run(sandbox, "offers", "--from", "2025-06-07", "--to", "2025-06-07", "--json"))
    show = next(o for o in offers if len(o["tickets"]) == 2)
    product: str = show["product"]["id"]
    return product


def test_json_gives_one_line_per_day_as_before(sandbox: Sandbox) -> None:
    month = lines(run(sandbox, "calendar", product_with_sessions(sandbox), "--month", "2025-06", "--json"))
    assert [day["day"] for day in month][:2] == ["2025-06-01", "2025-06-02"]
    assert all(re.fullmatch(r"\d+\.\d\d", day["price"]) for day in month)
    assert set(month[0]) == {"day", "offer", "price", "available"}


def test_the_month_is_drawn_as_weeks_from_monday(sandbox: Sandbox) -> None:
    product = product_with_sessions(sandbox)
    days = {day["day"]: day for day in lines(run(sandbox, "calendar", product, "--month", "2025-06", "--json"))}
    drawn = run(sandbox, "calendar", product, "--month", "2025-06").stdout
    assert "June 2025" in drawn
    header = next(line for line in drawn.splitlines() if "Mon" in line)
    assert re.findall(r"[A-Z][a-z]{2}", header) == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    rows = [[cell.strip() for cell in line.split("│")[1:-1]] for line in drawn.splitlines() if line.startswith("│")]
    numbers = [row for row in rows if any(row) and all(cell.isdigit() for cell in row if cell)]
    # June 2025 starts on a Sunday and ends on a Monday: six weeks, the 1st alone in the last column.
    assert numbers[0] == ["", "", "", "", "", "", "1"]
    assert numbers[1] == ["2", "3", "4", "5", "6", "7", "8"]
    assert numbers[-1] == ["30", "", "", "", "", "", ""]
    assert len(numbers) == 6
    under_the_first = rows[rows.index(numbers[0]) + 1 : rows.index(numbers[0]) + 3]
    one = days["2025-06-01"]
    places = "unlimited" if one["available"] is None else f"{one['available']} left"
    assert [cells[6] for cells in under_the_first] == [one["price"], places]
    assert "shade:" in drawn


def day(on: date, available: int | None, price: str = "10.00") -> CalendarDay:
    return CalendarDay(on, TicketingOffer(), Decimal(price), available)


def test_days_are_shaded_by_how_full_they_are() -> None:
    from korusticket.cli.month import SHADES, SOLD_OUT, UNLIMITED, month_table, shade, weeks

    assert shade(100, most=100) == SHADES[0]
    assert shade(50, most=100) == SHADES[3]
    assert shade(1, most=100) == SHADES[-1]
    assert shade(0, most=100) == SOLD_OUT
    assert shade(None, most=100) == UNLIMITED
    june = [day(date(2025, 6, 2), 100), day(date(2025, 6, 3), 10), day(date(2025, 6, 4), 0)]
    grid = weeks(date(2025, 6, 1), june)
    assert [cell.day.day if cell else None for cell in grid[0]] == [None] * 6 + [1]
    monday = grid[1][0]
    assert monday is not None
    assert (monday.day, monday.price, monday.available, monday.offers) == (date(2025, 6, 2), Decimal("10.00"), 100, 1)
    sunday = grid[0][6]
    assert sunday is not None
    assert sunday.offers == 0

    console = Console(record=True, width=120, color_system="truecolor", force_terminal=True)
    console.print(month_table(date(2025, 6, 1), june))
    html = console.export_html(inline_styles=True)
    assert "sold out" in html
    assert "10 left" in html
    styles = {text: re.search(rf'<span style="([^"]*)">{text}', html) for text in ("100 left", "10 left", "sold out")}
    found = {text: match.group(1) for text, match in styles.items() if match}
    assert len(found) == 3, html
    assert len(set(found.values())) == 3  # three levels of fullness, three shades


def test_a_bad_month_is_one_line(sandbox: Sandbox) -> None:
    result = run(sandbox, "calendar", product_with_sessions(sandbox), "--month", "June", code=1)
    assert result.stderr.strip().splitlines()[-1] == "error: --month: expected YYYY-MM, got 'June'"
