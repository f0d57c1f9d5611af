"""``python -m app``: the same entry point as the installed scripts."""

import gc
import sys

# Start-up builds many long-lived objects (SQLAlchemy, reportlab): collecting garbage while
# importing them only costs time, and freezing them keeps later collections from walking them
# again (about a quarter of a short command's run time otherwise).
gc.disable()
from app.cli import main  # noqa: E402

gc.freeze()
gc.enable()
sys.exit(main())
