"""Run the command-line interface: ``python -m checkups --help``."""

import sys

from .cli import main

sys.exit(main())
