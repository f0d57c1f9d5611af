"""Frozen entry point for the window (PyInstaller needs a script, not a module path)."""

import sys

from app.cli import main

sys.exit(main())
