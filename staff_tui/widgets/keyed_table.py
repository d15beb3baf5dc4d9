"""A DataTable whose rows are updated in place, by key.

``sync(rows)`` removes rows that went, adds rows that came, changes only the
cells that changed and puts the rows in the given order, keeping the cursor
on the same row (by key): a change at another terminal never makes the
clerk lose their place, and nothing flickers.
"""

from __future__ import annotations

from textual.widgets import DataTable
from textual.widgets.data_table import RowDoesNotExist

from shared_ui.plain import cells as plain_cells


class KeyedTable(DataTable):
    DEFAULT_CSS = """
    KeyedTable { height: 1fr; }
    """

    def __init__(self, *, id: str | None = None, classes: str = "") -> None:
        super().__init__(id=id, classes=classes, cursor_type="row", zebra_stripes=False)
        self._order: list[str] = []
        self._cells: dict[str, tuple] = {}
        self._column_keys: list = []

    def set_columns(self, columns: list[tuple[str, str, int | None]]) -> None:
        """(key, label, width) triples; replaces all columns and rows."""
        self.clear(columns=True)
        self._order, self._cells = [], {}
        self._column_keys = [self.add_column(label, key=key, width=width) for key, label, width in columns]

    @property
    def current_key(self) -> str | None:
        if not self._order or self.row_count == 0:
            return None
        try:
            row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        except Exception:
            return None
        return row_key.value

    def sync(self, rows: list[tuple[str, tuple]]) -> None:
        # Names, items and notes are people's text: DataTable would read "[/]" in them as markup.
        rows = [(key, plain_cells(row)) for key, row in rows]
        keep = self.current_key
        keep_index = self.cursor_row
        wanted = [key for key, _ in rows]
        wanted_set = set(wanted)
        for key in [k for k in self._order if k not in wanted_set]:
            try:
                self.remove_row(key)
            except RowDoesNotExist:
                pass
            self._cells.pop(key, None)
        present = set(self._cells)
        for key, cells in rows:
            if key in present:
                old = self._cells[key]
                if old != cells:
                    for column, (before, after) in zip(self._column_keys, zip(old, cells, strict=True), strict=True):
                        if before != after:
                            self.update_cell(key, column, after)
            else:
                self.add_row(*cells, key=key)
            self._cells[key] = cells
        current = [k for k in self._order if k in wanted_set] + [k for k in wanted if k not in present]
        if current != wanted:
            position = {key: index for index, key in enumerate(wanted)}
            self._sort_rows(position)
        self._order = wanted
        if keep is not None and keep in wanted_set:
            index = self.get_row_index(keep)
            if index != self.cursor_row:
                self.move_cursor(row=index, animate=False, scroll=False)
        elif wanted:
            self.move_cursor(row=min(max(keep_index, 0), len(wanted) - 1), animate=False, scroll=False)
        # Column widths settle after the new cells are measured; rows rendered
        # before that (the cursor row) must not be kept with the old widths.
        self.call_after_refresh(self._settled)

    def _settled(self) -> None:
        self._update_count += 1
        self.refresh()

    def _sort_rows(self, position: dict[str, int]) -> None:
        # DataTable keeps its row order in _row_locations (as its own sort() does);
        # sort() itself only sees cell values, and these rows are ordered by key.
        ordered = sorted(self.rows.keys(), key=lambda row_key: position.get(row_key.value, 1 << 30))
        self._row_locations = type(self._row_locations)({key: index for index, key in enumerate(ordered)})
        self._update_count += 1
        self.refresh()
