"""``python -m app``: the same entry point as the installed scripts."""

import sys

from app.cli import main

sys.exit(main())
