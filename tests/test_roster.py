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
        for sep in ("\t", ";"):
            roster = read(f"employee_id{sep}hire_date\nE1{sep}2025-01-01\n")
            assert roster.columns["employee_id"] == ["E1"]

    def test_crlf_line_ends(self) -> None:
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
        with pytest.raises(RosterError, match="cannot be opened"):
            read_roster(b"PK\x03\x04not really a zip")


class TestUnusable:
    def test_missing_file(self, tmp_path: Path) -> None:
        with pytest.raises(RosterError, match="no such file"):
            read_roster(tmp_path / "nope.csv")

    def test_empty_file(self, tmp_path: Path) -> None:
        (tmp_path / "empty.csv").write_bytes(b"")
        with pytest.raises(RosterError, match="empty"):
            read_roster(tmp_path / "empty.csv")

    def test_binary_file(self) -> None:
        with pytest.raises(RosterError):
            read_roster(bytes(range(256)) * 4)

    def test_old_xls(self) -> None:
        with pytest.raises(RosterError, match=r"\.xls"):
            read_roster(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)

    def test_not_a_table(self) -> None:
        with pytest.raises(RosterError, match="employee_id"):
            read("Dear HR,\nplease find the roster attached.\n")
