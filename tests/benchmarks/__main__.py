"""Run every benchmark module (``bench_*.py``) and print each figure beside its target.

Each module has ``run() -> list[tuple[name, seconds, target]]``; ``target`` says what the figure
is compared with (a fixed budget, or a reference measured in the same run).
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
    width = 58
    print(f"{'benchmark':<{width}} {'figure':>12}  target")
    for module_info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if not module_info.name.startswith("bench_"):
            continue
        if only and not any(word in module_info.name for word in only):
            continue
        module = importlib.import_module(f"{package.__name__}.{module_info.name}")
        for name, seconds, target in module.run():
            print(f"{name:<{width}} {seconds * 1000:>9.1f} ms  {target}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
