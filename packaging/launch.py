"""The frozen programs' entry point (PyInstaller needs a script, not a module path): both
``opcc-responses`` (window) and ``opcc-responses-cli`` (console) run ``python -m app``."""

import app.__main__  # noqa: F401 - running it is the point: it starts the program and exits
