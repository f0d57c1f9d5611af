"""Start-up of the frozen one-folder bundle against the unfrozen program (issue 11).

Whole processes, turn and turn about in the same run (``scripts/package_checks.py``, which the
packaging check runs too): the window opened on the samples and closed (``--smoke-test``), and
``list``. The target is a ratio under 1.5. Needs a bundle: ``python3 scripts/package.py bundle``.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def _script(name: str) -> ModuleType:
    sys.path.insert(0, str(ROOT / "scripts"))
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run() -> list[tuple[str, float, str]]:
    package, checks = _script("package"), _script("package_checks")
    cli = checks.program(package.bundle_dir(), package.PROGRAMS[1])
    if not cli.is_file():
        return [("frozen start-up", 0.0, "no bundle: python3 scripts/package.py bundle")]
    figures = []
    with tempfile.TemporaryDirectory() as folder:
        env = checks.quiet_environment(Path(folder) / "home")
        db = Path(folder) / "bench.sqlite3"
        subprocess.run([str(cli), "--db", str(db), "samples"], env=env, check=True,
                       capture_output=True)  # fmt: skip
        for what, args in checks.STARTUP_FIGURES.items():
            try:
                frozen, unfrozen = checks.startup_seconds(
                    cli, Path(sys.executable), ["--db", str(db), *args], env)
            except subprocess.CalledProcessError:  # a bundle built before a newer schema
                return [("frozen start-up", 0.0, "the bundle in dist/ is older than this "
                         "checkout: python3 scripts/package.py bundle")]
            figures.append((f"frozen start-up, {what}", frozen,
                            f"unfrozen {unfrozen * 1000:.0f} ms in the same run: ratio "
                            f"{frozen / unfrozen:.2f} (target < {checks.STARTUP_LIMIT})"))
    return figures
