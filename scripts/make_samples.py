"""Write the Chinese-header GB18030 copy of the sample roster (as Excel on a Chinese
Windows saves a CSV): ``samples/roster-zh-gb18030.csv`` from ``samples/roster.csv``.

    python scripts/make_samples.py [--check]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from checkups.roster import COLUMNS

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SOURCE = SAMPLES / "roster.csv"
TARGET = SAMPLES / "roster-zh-gb18030.csv"


def render() -> bytes:
    """The sample with Chinese headers, CRLF line ends, encoded in GB18030."""
    lines = SOURCE.read_text(encoding="utf-8").splitlines()
    header = ",".join(COLUMNS[name].zh for name in lines[0].split(","))
    return ("\r\n".join([header, *lines[1:]]) + "\r\n").encode("gb18030")


def main(argv: list[str]) -> int:
    data = render()
    if "--check" in argv:
        if TARGET.read_bytes() != data:
            print(f"{TARGET.name} is stale: run python scripts/make_samples.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_bytes(data)
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
