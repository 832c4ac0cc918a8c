"""Tables as Excel workbooks (openpyxl, streamed: memory stays flat in the number of rows).

What a spreadsheet user expects: a bold header row that stays in view, column widths that fit
the content, filters, and every text shown as written — Japanese, emoji, and text starting
with "=" stored as text, never as a formula. Characters XML cannot hold (control characters)
become U+FFFD. Past Excel's row limit the table goes on in a second sheet.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from quotes.table import temp_beside

MAX_ROWS = 1_048_576 - 1  # Excel's sheet limit, less the header row
MAX_CELL = 32_767  # characters Excel shows in one cell; longer text is cut with a mark
CUT = " […]"
WIDTHS = {"quote": 70, "quote_en": 70, "text": 70, "text_en": 70, "reference": 50, "reason": 80}
NARROW = {"Int64": 9, "Float64": 11}


class XlsxWriter:
    """Rows with `columns` into the .xlsx at `path`, put in place on `commit`."""

    def __init__(self, path: str | Path, columns: Mapping[str, str], sheet: str = "quotes"):
        import openpyxl
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        self._text_cell, self._illegal = WriteOnlyCell, ILLEGAL_CHARACTERS_RE  # per cell: looked up once

        self.path = Path(path)
        self.columns = list(columns)
        self._types = dict(columns)
        self.rows = 0
        self._title = sheet
        fd, self._tmp = temp_beside(self.path)
        os.close(fd)
        self._book = openpyxl.Workbook(write_only=True)
        self._sheets: list[Any] = []
        self._in_sheet = 0
        self._new_sheet()

    def _new_sheet(self) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter

        title = self._title if not self._sheets else f"{self._title} ({len(self._sheets) + 1})"
        sheet = self._book.create_sheet(title[:31])
        sheet.freeze_panes = "A2"
        for n, name in enumerate(self.columns, 1):
            width = WIDTHS.get(name) or NARROW.get(self._types[name]) or max(12, min(len(name) + 4, 24))
            sheet.column_dimensions[get_column_letter(n)].width = width
        header = []
        for name in self.columns:
            cell = WriteOnlyCell(sheet, value=name)
            cell.font = Font(bold=True)
            header.append(cell)
        sheet.append(header)
        self._sheets.append(sheet)
        self._in_sheet = 0

    def write(self, rows: Iterable[Mapping[str, Any]]) -> None:
        sheet = self._sheets[-1]
        for row in rows:
            if self._in_sheet >= MAX_ROWS:
                self._close_filter()
                self._new_sheet()
                sheet = self._sheets[-1]
            sheet.append([self._cell(sheet, row.get(c)) for c in self.columns])
            self._in_sheet += 1
            self.rows += 1

    def _cell(self, sheet: Any, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        text = self._illegal.sub("\ufffd", value)
        if len(text) > MAX_CELL:
            text = text[: MAX_CELL - len(CUT)] + CUT
        cell = self._text_cell(sheet, value=text)
        cell.data_type = "s"  # "=SUM(A1)" is a quote here, not a formula
        return cell

    def _close_filter(self) -> None:
        from openpyxl.utils import get_column_letter

        sheet = self._sheets[-1]
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(self.columns))}{self._in_sheet + 1}"

    def commit(self) -> None:
        self._close_filter()
        try:
            self._book.save(self._tmp)
            os.replace(self._tmp, self.path.resolve())
        except BaseException:
            self._tmp.unlink(missing_ok=True)
            raise

    def abort(self) -> None:
        self._tmp.unlink(missing_ok=True)
