"""``python -m palarchiwum``: the clerks' command line (``bash scripts/archiwum``)."""

import sys

from palarchiwum.clerk.command_line import main

sys.exit(main())
