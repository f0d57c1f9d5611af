"""Run every benchmark module (``bench_*.py``) and print each figure beside its target.

Each module has ``run() -> list[tuple[name, seconds, target]]`` (or ``(name, value, target,
unit)`` for a figure that is not a time); ``target`` says what the figure is compared with (a
fixed budget, or a reference measured in the same run).
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys

import tests.benchmarks as package


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    only = sys.argv[1:]
    width = 78
    print(f"{'benchmark':<{width}} {'figure':>12}  target")
    for module_info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if not module_info.name.startswith("bench_"):
            continue
        if only and not any(word in module_info.name for word in only):
            continue
        module = importlib.import_module(f"{package.__name__}.{module_info.name}")
        for name, value, target, *unit in module.run():
            # A figure is in seconds (printed in ms) unless a fourth element names its unit.
            figure = f"{value:>9.1f} {unit[0]}" if unit else f"{value * 1000:>9.1f} ms"
            print(f"{name:<{width}} {figure}  {target}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
