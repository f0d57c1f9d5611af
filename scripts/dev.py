"""Set up the development environment and run the application or the tests.

    python scripts/dev.py run     # set up, then open the application
    python scripts/dev.py test    # set up, then run every check and test
    python scripts/dev.py bench   # set up, then run the benchmarks

Needs only Python 3.11 or newer. The virtual environment lives in ``.venv`` beside this
project and is reinstalled only when ``pyproject.toml`` changes.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
STAMP = VENV / ".installed-from"


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def ensure_environment() -> Path:
    if sys.version_info < (3, 11):  # noqa: UP036 - this script may be run by an older Python
        sys.exit("Python 3.11 or newer is needed; this is " + sys.version.split()[0] + ".")
    python = venv_python()
    if not python.exists():
        print("Creating the virtual environment in .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not STAMP.exists() or STAMP.read_text(encoding="utf-8").strip() != wanted:
        print("Installing the application and its tools …", flush=True)
        pip = [str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
        subprocess.run([*pip, "--upgrade", "pip"], check=True)
        subprocess.run([*pip, "-e", f"{ROOT}[dev]"], check=True)
        STAMP.write_text(wanted, encoding="utf-8")
    return python


def run(command: list[str]) -> int:
    return subprocess.run(command, cwd=ROOT).returncode


def main(argv: list[str]) -> int:
    action = argv[0] if argv else "run"
    rest = argv[1:]
    if action not in {"run", "test", "bench"}:
        print(__doc__)
        return 2
    python = str(ensure_environment())
    if action == "run":
        return run([python, "-m", "app", *rest])
    if action == "bench":
        return run([python, "-m", "tests.benchmarks", *rest])
    scripts = Path(python).parent
    checks = [
        [str(scripts / "lint-imports")],
        [python, "-m", "ruff", "check", "src", "tests", "scripts"],
        [python, "-m", "pytest", *rest],
    ]
    for check in checks:
        print("$", " ".join(Path(check[0]).name if i == 0 else a for i, a in enumerate(check)))
        code = run(check)
        if code != 0:
            return code
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
