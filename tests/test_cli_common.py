"""The command line's shared JSON file reader (checkups/cli_common.py), used by every command that reads JSON."""

from __future__ import annotations

from pathlib import Path

import pytest

from checkups import cli, cli_common, cli_costs, cli_needs
from checkups.errors import CheckupsError


def test_one_reader_serves_every_command_module() -> None:
    """The needs, costs and evaluate commands read JSON through the one shared function, not copies of it."""
    assert cli_needs.read_json is cli_costs.read_json is cli.read_json is cli_common.read_json
    assert not hasattr(cli_needs, "_json_file")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (None, "no such file"),
        ("folder", "is a folder, not a JSON file"),
        (b"{not json", "is not a JSON file"),
        (b"\xff\xfe{", "is not a JSON file"),
    ],
)
def test_each_way_a_file_cannot_be_read_is_a_checkups_error(tmp_path: Path, content, reason: str) -> None:
    """A missing file, a folder, broken JSON or bytes that are not UTF-8 raise a CheckupsError naming the file and field."""
    path = tmp_path / "a.json"
    if content == "folder":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)
    with pytest.raises(CheckupsError, match=reason) as err:
        cli_common.read_json(path, "answers")
    assert err.value.field == "answers" and str(path) in str(err.value)
    assert cli_common.read_json(_good(tmp_path), "answers") == {"size": "1_9"}


def _good(tmp_path: Path) -> Path:
    path = tmp_path / "good.json"
    path.write_text('\ufeff{"size": "1_9"}', encoding="utf-8")
    return path


@pytest.mark.parametrize("command", [["needs"], ["agreement"], ["scorecard"], ["costs", "--fee", "1"], ["evaluate"]])
def test_every_json_command_exits_2_on_a_folder(tmp_path: Path, capsys, command: list[str]) -> None:
    """Each command given a folder for its JSON file exits 2 with one line naming it."""
    folder = tmp_path / "x.json"
    folder.mkdir()
    assert cli.main([*command[:1], str(folder), *command[1:]]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is a folder" in err
