"""Set up the development environment and run the application or the tests.

    python3 scripts/dev.py run            # set up, then open the application
    python3 scripts/dev.py test           # set up, then run every check and test
    python3 scripts/dev.py app ARGS...    # the command line: python -m app ARGS... in the venv
    python3 scripts/dev.py bench          # set up, then run the benchmarks
    python3 scripts/dev.py soak [N]       # the model-based window journeys, N examples (200)
    python3 scripts/dev.py lock [--upgrade | --upgrade-package NAME]   # refresh the lock

Needs only a Python 3.11 or newer to start. The virtual environment ``.venv`` is made with the
Python the Windows bundle ships (3.13 or 3.12, found on PATH, in pyenv's versions folder or
through the Windows ``py`` launcher) and filled from ``requirements/lock.txt``; it is made
afresh when the lock changes. ``test`` runs pytest again on Python 3.11 in ``.venv-py311`` when
one is found (``--only-shipped`` skips that; ``--require-pythons`` fails when either Python is
missing instead of carrying on with what there is).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements" / "lock.txt"
VENV = ROOT / ".venv"
VENV_OLDEST = ROOT / ".venv-py311"
SHIPPED = ((3, 13), (3, 12))  # the Windows bundle's Python, newest first
OLDEST = (3, 11)  # still supported: the suite runs there too
EXTRAS = ("dev", "server", "bundle")
LOCK_COMMAND = "python3 scripts/dev.py lock"
DIGEST_PREFIX = "# pyproject.toml dependencies sha256: "


class Python(NamedTuple):
    path: str
    version: tuple[int, int]

    @property
    def name(self) -> str:
        return "Python {}.{}".format(*self.version)


def probe(command: list[str]) -> Python | None:
    """The interpreter ``command`` starts, or None when it does not start."""
    script = "import sys; print(sys.executable); print(*sys.version_info[:2])"
    try:
        done = subprocess.run([*command, "-c", script], capture_output=True, text=True,
                              timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    lines = done.stdout.split("\n")
    if done.returncode != 0 or len(lines) < 2 or not lines[0]:
        return None
    major, minor = lines[1].split()
    return Python(lines[0], (int(major), int(minor)))


def pyenv_pythons(version: tuple[int, int], roots: list[Path]) -> Iterator[Path]:
    """The interpreters of ``version`` in pyenv's (or pyenv-win's) versions folders, newest
    patch release first."""
    pattern = re.compile(r"{}\.{}\.(\d+)$".format(*version))
    for versions in roots:
        found = []
        if versions.is_dir():
            for folder in versions.iterdir():
                match = pattern.match(folder.name)
                if match:
                    found.append((int(match.group(1)), folder))
        for _patch, folder in sorted(found, reverse=True):
            for binary in ("bin/python{}.{}".format(*version), "python.exe"):
                if (folder / binary).is_file():
                    yield folder / binary
                    break


def pyenv_roots() -> list[Path]:
    home = Path.home()
    roots = [Path(os.environ["PYENV_ROOT"])] if os.environ.get("PYENV_ROOT") else []
    roots += [home / ".pyenv", home / ".pyenv" / "pyenv-win"]
    return [root / "versions" for root in roots]


def candidates(version: tuple[int, int]) -> Iterator[list[str]]:
    on_path = shutil.which("python{}.{}".format(*version))
    if on_path:
        yield [on_path]
    for binary in pyenv_pythons(version, pyenv_roots()):
        yield [str(binary)]
    if shutil.which("py"):
        yield ["py", "-{}.{}".format(*version)]


def running_python() -> Python:
    return Python(sys.executable, (sys.version_info[0], sys.version_info[1]))


def find_python(version: tuple[int, int]) -> Python | None:
    if running_python().version == version:
        return running_python()
    for command in candidates(version):
        found = probe(command)
        if found is not None and found.version == version:
            return found
    return None


def shipped_python(required: bool) -> Python:
    """The Python that started this script when it is one the bundle ships, or else the
    newest such Python found."""
    running = running_python()
    if running.version in SHIPPED:
        return running
    for version in SHIPPED:
        found = find_python(version)
        if found is not None:
            return found
    wanted = " or ".join("Python {}.{}".format(*v) for v in SHIPPED)
    if required:
        sys.exit(f"Neither {wanted} was found (on PATH, in ~/.pyenv/versions or through the "
                 "py launcher); the Windows bundle ships one of them.")
    print(f"Note: neither {wanted} (what the Windows bundle ships) was found; using this "
          f"{running.name} instead.", flush=True)
    return running


def dependency_digest(pyproject: str) -> str:
    """A digest of what the lock is made from: the dependencies in ``pyproject`` (the text of
    pyproject.toml), not its tool settings."""
    import tomllib

    config = tomllib.loads(pyproject)
    project = config["project"]
    made_from = {
        "requires-python": project.get("requires-python"),
        "dependencies": project.get("dependencies", []),
        "extras": {name: project.get("optional-dependencies", {}).get(name) for name in EXTRAS},
        "build-system": config.get("build-system", {}).get("requires", []),
    }
    return hashlib.sha256(json.dumps(made_from, sort_keys=True).encode()).hexdigest()


def lock_is_current() -> str | None:
    """None when the lock is made from pyproject.toml's dependencies as they are, or what
    is wrong with it."""
    if not LOCK.is_file():
        return f"{LOCK.relative_to(ROOT)} is missing."
    wanted = DIGEST_PREFIX + dependency_digest((ROOT / "pyproject.toml").read_text("utf-8"))
    if wanted not in LOCK.read_text("utf-8").splitlines():
        return (f"pyproject.toml's dependencies have changed since {LOCK.relative_to(ROOT)} "
                "was made.")
    return None


def venv_python(folder: Path) -> Path:
    if os.name == "nt":
        return folder / "Scripts" / "python.exe"
    return folder / "bin" / "python"


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def pins_digest(lock: str) -> str:
    """A digest of what ``lock`` (the lock file's text) installs: its comments left out."""
    pins = [line.strip() for line in lock.splitlines() if not line.lstrip().startswith("#")]
    return hashlib.sha256("\n".join(pins).encode()).hexdigest()


def ensure_environment(folder: Path, python: Python, check_lock: bool = True) -> Path:
    """``folder``'s virtual environment, made with ``python`` and filled from the lock."""
    problem = lock_is_current() if check_lock else None
    if problem:
        sys.exit(f"{problem} Run: {LOCK_COMMAND}")
    target = venv_python(folder)
    stamp_file = folder / ".installed-from"
    stamp = {"python": ".".join(map(str, python.version)),
             "lock": pins_digest(LOCK.read_text("utf-8"))}
    try:
        installed = json.loads(stamp_file.read_text("utf-8"))
    except (OSError, ValueError):
        installed = {}
    if folder.exists() and {k: installed.get(k) for k in stamp} != stamp:
        print(f"Making {folder.name} afresh ({python.name}, {LOCK.relative_to(ROOT)}) …",
              flush=True)
        shutil.rmtree(folder)
        installed = {}
    pip = [str(target), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    if not target.exists():
        print(f"Creating the virtual environment in {folder.name} with {python.name} …",
              flush=True)
        if subprocess.run([python.path, "-m", "venv", str(folder)], check=False).returncode:
            sys.exit(f"Could not create {folder.name} with {python.path} (on Debian, install "
                     "the python3-venv package for it).")
        print("Installing the locked dependencies …", flush=True)
        subprocess.run([*pip, "--require-hashes", "--no-deps", "-r", str(LOCK)], check=True)
    pyproject = file_digest(ROOT / "pyproject.toml")
    if installed.get("pyproject") != pyproject:
        print("Installing the application …", flush=True)
        subprocess.run([*pip, "--no-deps", "--no-build-isolation", "-e", str(ROOT)], check=True)
    stamp_file.write_text(json.dumps({**stamp, "pyproject": pyproject}), encoding="utf-8")
    return target


def run(command: list[str]) -> int:
    print("$", " ".join([Path(command[0]).name, *command[1:]]), flush=True)
    return subprocess.run(command, cwd=ROOT, check=False).returncode


def test(rest: list[str]) -> int:
    only_shipped = "--only-shipped" in rest
    required = "--require-pythons" in rest
    pytest_args = [a for a in rest if a not in {"--only-shipped", "--require-pythons"}]
    shipped = shipped_python(required)
    python = str(ensure_environment(VENV, shipped))
    print(f"== {shipped.name}: checks and tests", flush=True)
    checks = [
        [str(Path(python).parent / "lint-imports")],
        [python, "-m", "ruff", "check", "src", "tests", "scripts"],
        [python, "-m", "mypy", "src", "tests"],  # strict, as pyproject.toml sets it
        [python, "-m", "pytest", *pytest_args],
    ]
    for check in checks:
        code = run(check)
        if code != 0:
            return code
    if only_shipped or shipped.version == OLDEST:
        return 0
    oldest = find_python(OLDEST)
    name = "Python {}.{}".format(*OLDEST)
    if oldest is None:
        if required:
            print(f"{name} was not found, and it is still supported.", file=sys.stderr)
            return 1
        print(f"Note: {name} was not found; the tests ran on {shipped.name} only.")
        return 0
    print(f"== {name}: tests (still supported)", flush=True)
    return run([str(ensure_environment(VENV_OLDEST, oldest)), "-m", "pytest", *pytest_args])


def lock(rest: list[str]) -> int:
    """Refresh requirements/lock.txt with uv (from the venv, or PATH when there is no lock)."""
    if LOCK.is_file():
        uv = str(venv_python(VENV).parent / "uv")
        ensure_environment(VENV, shipped_python(False), check_lock=False)
    else:
        uv = shutil.which("uv") or sys.exit("There is no lock and no uv: pip install uv")
    import tomllib

    pyproject = (ROOT / "pyproject.toml").read_text("utf-8")
    build = "\n".join(tomllib.loads(pyproject)["build-system"]["requires"]) + "\n"
    LOCK.parent.mkdir(exist_ok=True)
    command = [
        uv, "pip", "compile", "pyproject.toml", "-", *(f"--extra={e}" for e in EXTRAS),
        "--universal", "--python-version={}.{}".format(*OLDEST), "--generate-hashes",
        f"--custom-compile-command={LOCK_COMMAND}", "--quiet",
        f"--output-file={LOCK.relative_to(ROOT)}", *rest,
    ]
    print("$ uv", " ".join(command[1:]), flush=True)
    if subprocess.run(command, cwd=ROOT, input=build, text=True, check=False).returncode:
        return 1
    lines = [line for line in LOCK.read_text("utf-8").splitlines()
             if not line.startswith(DIGEST_PREFIX)]
    header = next(i for i, line in enumerate(lines) if not line.startswith("#"))
    lines.insert(header, DIGEST_PREFIX + dependency_digest(pyproject))
    LOCK.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")
    print(f"Wrote {LOCK.relative_to(ROOT)}.")
    return 0


def soak(python: str, rest: list[str]) -> int:
    """The model-based journeys through the window for minutes, with fresh random choices
    (the test suite runs a short, fixed set of them)."""
    examples = rest[0] if rest and rest[0].isdigit() else "200"
    env = dict(os.environ, SOAK_EXAMPLES=examples)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    test = "tests/ui/journeys/test_model_based.py"
    return subprocess.run([python, "-m", "pytest", "-x", "-q", test], cwd=ROOT, env=env).returncode


def main(argv: list[str]) -> int:
    if sys.version_info < (3, 11):  # noqa: UP036 - this script may be run by an older Python
        sys.exit("Python 3.11 or newer is needed; this is " + sys.version.split()[0] + ".")
    action = argv[0] if argv else "run"
    rest = argv[1:]
    if action == "test":
        return test(rest)
    if action == "lock":
        return lock(rest)
    if action not in {"run", "app", "bench", "soak"}:
        print(__doc__)
        return 2
    python = str(ensure_environment(VENV, shipped_python(False)))
    if action == "bench":
        return run([python, "-m", "tests.benchmarks", *rest])
    if action == "soak":
        return soak(python, rest)
    if action == "run":
        import qt_libraries

        missing = qt_libraries.missing_platform_libraries(Path(python).parent.parent)
        if missing:
            print(qt_libraries.advice(missing), file=sys.stderr)
            return 1
    # The caller's folder, so that relative paths (--db x.sqlite3) mean what they say.
    return subprocess.run([python, "-m", "app", *rest], check=False).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
