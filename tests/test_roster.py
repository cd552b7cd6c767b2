"""Reading rosters: encodings, header aliases, date forms, bad cells, XLSX, unusable inputs."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from checkups.roster import COLUMNS, RosterError, read_roster

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
HEADER = "employee_id,name,hire_date,monthly_wage\n"


def read(text: str, encoding: str = "utf-8", **kw):
    return read_roster(text.encode(encoding), **kw)


class TestEncodings:
    @pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
    def test_chinese_headers_in_every_supported_encoding(self, encoding: str) -> None:
        """Chinese headers and names read the same from UTF-8 (± BOM), GB18030, GBK and UTF-16."""
        roster = read("工号,姓名,入职日期,月工资\nE1,张三,2025-01-15,6000\n", encoding)
        assert roster.columns["employee_id"] == ["E1"]
        assert roster.columns["name"] == ["张三"]
        assert roster.columns["monthly_wage"] == [Decimal("6000")]

    def test_undecodable_bytes(self) -> None:
        """Bytes that are neither UTF-8 nor GB18030 are refused with the reason."""
        with pytest.raises(RosterError, match="UTF-8 or GB18030"):
            read_roster(b"employee_id,hire_date\n\x81\x30\xff\xff,2025-01-01\n")

    def test_sample_in_both_forms_reads_the_same(self) -> None:
        """The shipped sample and its Chinese-header GB18030 copy give the same columns."""
        a = read_roster(SAMPLES / "roster.csv")
        b = read_roster(SAMPLES / "roster-zh-gb18030.csv")
        assert a.columns == b.columns and a.line == b.line


class TestHeaders:
    def test_aliases_and_unknown_columns(self) -> None:
        """Chinese aliases map to canonical names; unknown columns are ignored and listed."""
        roster = read("工号,部门,入职日期,合同期限（月）,试用期(月)\nE1,销售,2025-01-01,36,2\n")
        assert roster.present == {"employee_id", "hire_date", "contract_term_months", "probation_months"}
        assert roster.ignored == ("部门",)

    def test_every_chinese_header_is_understood(self) -> None:
        """The Chinese name of every column (as the template shows it) is recognised."""
        header = ",".join(c.zh for c in COLUMNS.values())
        roster = read(header + "\nE1,张三,2025-01-01" + "," * (len(COLUMNS) - 3) + "\n")
        assert roster.present == set(COLUMNS)

    def test_title_rows_above_the_header(self) -> None:
        """A title line above the header is skipped and line numbers stay those of the sheet."""
        roster = read("某某公司员工名册,,\n\nemployee_id,hire_date,monthly_wage\nE1,2025-01-01,-5\nE2,2025-01-01,5000\n")
        assert roster.line == [5]
        assert [(e.row, e.column) for e in roster.errors] == [(4, "monthly_wage")]

    @pytest.mark.parametrize(
        ("text", "missing"),
        [("name,hire_date\n张三,2025-01-01\n", "employee_id"), ("工号,姓名\nE1,张三\n", "hire_date")],
    )
    def test_required_columns(self, text: str, missing: str) -> None:
        """A roster without an employee_id or hire_date column is unusable, and says which."""
        with pytest.raises(RosterError, match=missing):
            read(text)


class TestCells:
    def test_date_forms(self) -> None:
        """2025-03-01, 2025/3/1 and 2025年3月1日 are the same day."""
        roster = read("employee_id,hire_date\nA,2025-03-01\nB,2025/3/1\nC,2025年3月1日\n")
        assert len(set(roster.columns["hire_date"])) == 1
        assert roster.columns["hire_date"][0] == dt.date(2025, 3, 1).toordinal()

    def test_bad_cells_are_reported_with_line_column_and_expectation(self) -> None:
        """Each bad cell is reported with its spreadsheet line, its column and what was expected."""
        roster = read(
            HEADER
            + "E1,a,2025-02-30,5000\n"  # line 2: impossible date
            + "E2,b,2025-01-01,-1\n"  # line 3: negative
            + ",c,2025-01-01,5000\n"  # line 4: no id
            + "E4,d,,5000\n"  # line 5: no hire date
            + "E5,e,2025-01-01,五千\n"  # line 6: not a number
            + "E6,f,2025-01-01,5000\n"
        )
        got = [(e.row, e.column) for e in roster.errors]
        assert got == [(2, "hire_date"), (3, "monthly_wage"), (4, "employee_id"), (5, "hire_date"), (6, "monthly_wage")]
        assert "2025-02-30" in roster.errors[0].message and "2025-03-01" in roster.errors[0].message
        assert roster.errors[1].message == "'monthly_wage' must be an amount in yuan from 0 to 10^12 (got '-1')"
        assert roster.rows == 6 and roster.audited == 1 and roster.line == [7]

    def test_row_errors_across_cells(self) -> None:
        """A leaving date before the hire date, a hire after the audit date and a repeated id are errors."""
        roster = read(
            "employee_id,hire_date,end_date\nE1,2025-03-01,2025-02-01\nE2,2026-01-01,\nE3,2025-01-01,\nE3,2025-02-01,\n",
            as_of=dt.date(2025, 6, 30),
        )
        assert [(e.row, e.column) for e in roster.errors] == [(2, "end_date"), (3, "hire_date"), (5, "employee_id")]
        assert "line 4" in roster.errors[-1].message

    def test_nothing_is_lost(self) -> None:
        """rows == audited + rejected rows, and blank lines are not rows."""
        roster = read(HEADER + "E1,a,2025-01-01,1\n\nE2,b,bad,1\n,,,\nE3,c,2025-01-01,1\n")
        rejected = {e.row for e in roster.errors}
        assert roster.rows == roster.audited + len(rejected) == 3
        assert roster.line == [2, 6]

    def test_quoted_cells_and_ragged_rows(self) -> None:
        """Quoted cells with commas or line breaks and rows with missing trailing cells read correctly."""
        roster = read(HEADER + 'E1,"Li, Lei",2025-01-01,"6,000"\nE2,"多行\n姓名",2025-01-02\n')
        assert roster.columns["monthly_wage"] == [Decimal("6000"), None]
        assert roster.columns["name"][1] == "多行\n姓名"
        assert roster.line == [2, 3]

    def test_tab_and_semicolon_separated(self) -> None:
        """Tab- and semicolon-separated rosters are read like comma-separated ones."""
        for sep in ("\t", ";"):
            roster = read(f"employee_id{sep}hire_date\nE1{sep}2025-01-01\n")
            assert roster.columns["employee_id"] == ["E1"]

    def test_crlf_line_ends(self) -> None:
        """A roster with CRLF line ends reads every row, numbered by its line."""
        roster = read("employee_id,hire_date\r\nE1,2025-01-01\r\nE2,2025-01-02\r\n")
        assert roster.columns["employee_id"] == ["E1", "E2"] and roster.line == [2, 3]


class TestXlsx:
    def test_xlsx_with_real_dates_and_numbers(self, tmp_path: Path) -> None:
        """An .xlsx roster with date cells and numeric cells reads like the CSV."""
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(["工号", "姓名", "入职日期", "月工资"])
        sheet.append(["E1", "张三", dt.datetime(2025, 1, 15), 6000])
        sheet.append(["E2", "李四", "2025/2/1", 5500.5])
        path = tmp_path / "roster.xlsx"
        book.save(path)
        roster = read_roster(path)
        assert roster.columns["hire_date"] == [dt.date(2025, 1, 15).toordinal(), dt.date(2025, 2, 1).toordinal()]
        assert roster.columns["monthly_wage"] == [Decimal("6000"), Decimal("5500.5")]

    def test_damaged_xlsx(self) -> None:
        """Bytes that start like an .xlsx but are not one raise RosterError saying the file cannot be opened."""
        with pytest.raises(RosterError, match="cannot be opened"):
            read_roster(b"PK\x03\x04not really a zip")


class TestUnusable:
    def test_missing_file(self, tmp_path: Path) -> None:
        """A missing roster file raises RosterError saying there is no such file."""
        with pytest.raises(RosterError, match="no such file"):
            read_roster(tmp_path / "nope.csv")

    def test_empty_file(self, tmp_path: Path) -> None:
        """An empty roster file raises RosterError saying it is empty."""
        (tmp_path / "empty.csv").write_bytes(b"")
        with pytest.raises(RosterError, match="empty"):
            read_roster(tmp_path / "empty.csv")

    def test_binary_file(self) -> None:
        """Arbitrary binary bytes raise RosterError instead of being read as a roster."""
        with pytest.raises(RosterError):
            read_roster(bytes(range(256)) * 4)

    def test_old_xls(self) -> None:
        """An old binary .xls file raises RosterError naming the .xls format."""
        with pytest.raises(RosterError, match=r"\.xls"):
            read_roster(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)

    def test_not_a_table(self) -> None:
        """A letter instead of a table raises RosterError that mentions the employee_id column."""
        with pytest.raises(RosterError, match="employee_id"):
            read("Dear HR,\nplease find the roster attached.\n")


def one_cell(column: str, value: str, **extra: str):
    """A roster of one employee with ``column`` set to ``value`` (and other cells given)."""
    cells = {"employee_id": "E1", "hire_date": "2020-01-01", **extra, column: value}
    return read(",".join(cells) + "\n" + ",".join(cells.values()) + "\n", as_of=dt.date(2025, 6, 30))


class TestBounds:
    @pytest.mark.parametrize(
        ("column", "raw", "value"),
        [
            ("contract_term_months", "0", Decimal(0)),
            ("contract_term_months", "1200", Decimal(1200)),
            ("contract_term_months", "36.0", Decimal(36)),
            ("probation_months", "6", Decimal(6)),
            ("monthly_wage", "1000000000000", Decimal("1000000000000.00")),
            ("monthly_wage", "999999999999.995", Decimal("1000000000000.00")),  # rounds up to the bound itself
            ("monthly_wage", "5000.005", Decimal("5000.01")),  # half up to the fen
            ("monthly_wage", "5000.004", Decimal("5000.00")),
            ("monthly_wage", "1e-999999", Decimal("0.00")),
            ("hourly_wage", "23.7", Decimal("23.70")),
            ("weekly_hours", "168", Decimal(168)),
            ("weekly_hours", "37.555", Decimal("37.56")),  # two decimals, half up
            ("weekly_hours", "1e-999999", Decimal("0.00")),
            ("overtime_hours_month", "744", Decimal(744)),
        ],
    )
    def test_accepted_numbers(self, column: str, raw: str, value: Decimal) -> None:
        """Numbers within their bounds are read; money is rounded half up to the fen."""
        roster = one_cell(column, raw)
        assert roster.errors == [] and roster.columns[column] == [value]

    @pytest.mark.parametrize(
        ("column", "raw", "expected"),
        [
            ("contract_term_months", "0.5", "a whole number of months from 0 to 1200"),
            ("contract_term_months", "1201", "a whole number of months from 0 to 1200"),
            ("contract_term_months", "999999999", "a whole number of months from 0 to 1200"),
            ("probation_months", "1.5", "a whole number of months from 0 to 1200"),
            ("monthly_wage", "1000000000000.01", "an amount in yuan from 0 to 10^12"),
            ("monthly_wage", "1e999999", "an amount in yuan from 0 to 10^12"),
            ("monthly_wage", "NaN", "an amount in yuan from 0 to 10^12"),
            ("monthly_wage", "Infinity", "an amount in yuan from 0 to 10^12"),
            ("monthly_wage", "-0.01", "an amount in yuan from 0 to 10^12"),
            ("weekly_hours", "168.5", "a number of hours from 0 to 168 (the hours of a week)"),
            ("overtime_hours_month", "745", "a number of hours from 0 to 744 (the hours of 31 days)"),
        ],
    )
    def test_refused_numbers(self, column: str, raw: str, expected: str) -> None:
        """A number out of bounds, not finite or a fraction of a month is a row error, never truncated."""
        roster = one_cell(column, raw)
        assert roster.audited == 0 and roster.rows == 1
        [error] = roster.errors
        assert (error.row, error.column, error.expected, error.got) == (2, column, expected, raw)
        assert error.message == f"{column!r} must be {expected} (got {raw!r})"

    @pytest.mark.parametrize(
        ("column", "raw", "ok"),
        [
            ("birth_date", "1900-01-01", True),
            ("birth_date", "1899-12-31", False),
            ("end_date", "2100-12-31", True),
            ("end_date", "2101-01-01", False),
            ("contract_signed_date", "9999-01-01", False),
            ("contract_signed_date", "0001/1/1", False),
            ("social_insurance_date", "2100年12月31日", True),
        ],
    )
    def test_date_range(self, column: str, raw: str, ok: bool) -> None:
        """Dates from 1900-01-01 to 2100-12-31 are read; others are row errors naming the range."""
        roster = one_cell(column, raw)
        if ok:
            assert roster.errors == [] and roster.audited == 1
        else:
            assert [(e.column, e.expected, e.got) for e in roster.errors] == [
                (column, "a date from 1900-01-01 to 2100-12-31", raw)
            ]

    @pytest.mark.parametrize(
        ("cells", "column", "expected"),
        [
            ({"hire_date": "2025-07-01"}, "hire_date", "on or before the audit date 2025-06-30"),
            ({"end_date": "2019-12-31"}, "end_date", "on or after hire_date 2020-01-01"),
            ({"birth_date": "2020-01-01"}, "birth_date", "before hire_date 2020-01-01"),
        ],
    )
    def test_dates_consistent_with_each_other_and_the_audit_date(self, cells, column, expected) -> None:
        """A hire after the audit date, a leaving before the hire or a birth on or after it is a row error."""
        column_value = cells[column]
        roster = one_cell(column, column_value)
        assert [(e.column, e.expected, e.got) for e in roster.errors] == [(column, expected, column_value)]

    @pytest.mark.parametrize(
        ("column", "value"),
        [
            ("hire_date", "2025-06-30"),
            ("end_date", "2020-01-01"),
            ("birth_date", "2019-12-31"),
            ("contract_signed_date", "2026-01-01"),
        ],
    )
    def test_consistent_dates_on_the_boundary(self, column: str, value: str) -> None:
        """Hired on the audit date, leaving on the hire date, born the day before: all accepted."""
        assert one_cell(column, value).errors == []

    def test_huge_cell_is_echoed_clipped(self) -> None:
        """A 5 MB cell (above the csv module's default field limit) is a row error echoing 40 characters and its length."""
        roster = one_cell("monthly_wage", '"' + "9" * 5_242_880 + '"', name="x")
        [error] = roster.errors
        assert error.got == "9" * 40 + "…(5242880 characters)"
        assert len(error.message) < 150

    def test_long_unknown_header_is_clipped(self) -> None:
        """An unknown column's header is listed cut to 40 characters plus its length."""
        roster = read("employee_id,hire_date," + "h" * 1000 + "\nE1,2020-01-01,x\n")
        assert roster.ignored == ("h" * 40 + "…(1000 characters)",)


class TestNoSilentLoss:
    def test_unbalanced_quote_is_a_row_error_and_later_rows_are_audited(self) -> None:
        """Four employees, one unbalanced quote on line 2: three audited, line 2 rejected naming the column."""
        roster = read(HEADER + 'E1,"Li,2020-01-01,5000\nE2,b,2020-01-01,5000\nE3,c,2020-01-01,5000\nE4,d,2020-01-01,5000\n')
        assert roster.rows == 4 and roster.audited == 3 and roster.line == [3, 4, 5]
        [error] = roster.errors
        assert (error.row, error.column, error.got) == (2, "name", '"Li,2020-01-01,5000')
        assert "quote" in error.expected

    def test_quote_that_closes_rows_later(self) -> None:
        """A stray quote closed by a quoted cell further down swallows nothing: every row is counted."""
        roster = read(HEADER + 'E1,"Li,2020-01-01,5000\nE2,b,2020-01-01,5000\nE3,"Wang",2020-01-01,"6,000"\n')
        assert roster.rows == 3 and roster.line == [3, 4] and [e.row for e in roster.errors] == [2]
        assert roster.columns["monthly_wage"] == [Decimal(5000), Decimal(6000)]

    def test_quote_open_at_the_end_of_the_file(self) -> None:
        """A quote opened in the last row and never closed is a row error of that row."""
        roster = read(HEADER + 'E1,a,2020-01-01,5000\nE2,"b,2020-01-01,5000\n')
        assert roster.line == [2] and [(e.row, e.column) for e in roster.errors] == [(3, "name")]

    def test_unbalanced_quote_above_the_header(self) -> None:
        """A quote opened in a title row does not swallow the header."""
        roster = read('"Roster of 2025\nemployee_id,hire_date\nE1,2020-01-01\n')
        assert roster.line == [3] and roster.errors == []

    def test_multi_line_cells_stay_one_row(self) -> None:
        """A quoted cell with a line break but no delimiter after it is one cell, as a spreadsheet shows it."""
        roster = read(HEADER + 'E1,"Li\nLei",2020-01-01,5000\nE2,b,2020-01-01,5000\n')
        assert roster.errors == [] and roster.line == [2, 3] and roster.columns["name"][0] == "Li\nLei"

    def test_multi_line_cell_with_delimiters_stays_one_row(self) -> None:
        """A properly closed quoted cell holding line breaks and commas (an address) is one cell, not a broken row."""
        roster = read(HEADER + 'E1,"Room 1\nTianhe, Guangzhou",2020-01-01,5000\nE2,b,2020-01-01,5000\n')
        assert roster.errors == [] and roster.line == [2, 3] and roster.columns["name"][0] == "Room 1\nTianhe, Guangzhou"

    @pytest.mark.parametrize("quote", ["", '"'])
    def test_rows_of_spaces_are_blank_rows(self, quote: str) -> None:
        """A row of only spaces and delimiters is a blank row, as a spreadsheet shows it, with or without quotes in the file."""
        roster = read(HEADER + f"{quote}E1{quote},a,2020-01-01,1\n , ,\t, \nE2,b,2020-01-01,1\n")
        assert roster.rows == 2 and roster.line == [2, 4]

    @pytest.mark.parametrize("body", ["", "\n\n", ",,,\n,,,\n"])
    def test_header_only_roster(self, body: str) -> None:
        """A roster with a header and no data rows is refused as having no data rows."""
        with pytest.raises(RosterError, match="no data rows"):
            read(HEADER + body)


def workbook(path: Path, sheets: dict[str, list[list]]) -> Path:
    """An .xlsx file with the given sheets (name → rows), in order."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


ROSTER_ROWS = [["工号", "入职日期"], ["E1", dt.datetime(2025, 1, 15)], ["E2", "2025/2/1"]]


class TestSheets:
    def test_roster_sheet_after_a_notes_sheet(self, tmp_path: Path) -> None:
        """When the first sheet is not the roster, the first sheet with the roster header is read and named."""
        path = workbook(tmp_path / "r.xlsx", {"说明": [["填写说明"], ["见第二页"]], "名册": ROSTER_ROWS})
        roster = read_roster(path)
        assert roster.columns["employee_id"] == ["E1", "E2"] and (roster.sheet, roster.sheets) == ("名册", 2)

    def test_named_sheet(self, tmp_path: Path) -> None:
        """sheet= reads that sheet even if an earlier one holds a roster too."""
        path = workbook(tmp_path / "r.xlsx", {"old": [["工号", "入职日期"], ["X9", "2020-01-01"]], "new": ROSTER_ROWS})
        assert read_roster(path, sheet="new").columns["employee_id"] == ["E1", "E2"]
        assert read_roster(path).columns["employee_id"] == ["X9"]

    def test_unknown_sheet(self, tmp_path: Path) -> None:
        """A sheet name the workbook does not have is refused, listing its sheets."""
        path = workbook(tmp_path / "r.xlsx", {"名册": ROSTER_ROWS})
        with pytest.raises(RosterError, match="no sheet 'x'; its sheets: '名册'"):
            read_roster(path, sheet="x")

    def test_single_sheet_is_not_named(self, tmp_path: Path) -> None:
        """A workbook of one sheet needs no word on which sheet was read."""
        path = workbook(tmp_path / "r.xlsx", {"Sheet1": ROSTER_ROWS})
        assert read_roster(path).sheet is None
