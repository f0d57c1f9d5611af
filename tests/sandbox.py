"""Run Python on a small disk of its own: a tmpfs mounted in a private mount namespace
(``unshare -rm``), so that a test can fill the disk or make it read-only, as no test could
otherwise arrange without being root, and as root ignores file permissions."""

from __future__ import annotations

import functools
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


@functools.cache
def unavailable() -> str | None:
    """Why the sandbox cannot be made here, or None."""
    if not sys.platform.startswith("linux") or shutil.which("unshare") is None:
        return "needs Linux and unshare (util-linux)"
    done = subprocess.run(["unshare", "-rm", "true"], capture_output=True, check=False)
    return None if done.returncode == 0 else "user namespaces are not allowed here"


def needs_sandbox() -> pytest.MarkDecorator:
    return pytest.mark.skipif(unavailable() is not None, reason=str(unavailable()))


def run_on_small_disk(
    disk: Path, steps: list[list[str]], *, size_kb: int = 2048, read_only_after: int | None = None
) -> list[subprocess.CompletedProcess[str]]:
    """Mount a ``size_kb`` tmpfs on the folder ``disk``, then run each step (a Python
    argument list: ``["-m", "app", …]`` or ``["-c", code, …]``) with this Python; the disk
    becomes read-only after step number ``read_only_after``. Returns each step's outcome."""
    disk.mkdir(parents=True, exist_ok=True)
    outputs = disk.parent / f"{disk.name}-steps"
    outputs.mkdir(exist_ok=True)
    lines = [f"mount -t tmpfs -o size={size_kb}k tmpfs {shlex.quote(str(disk))} || exit 90"]
    for number, step in enumerate(steps):
        out, err, code = (outputs / f"{number}.{end}" for end in ("out", "err", "code"))
        command = shlex.join([sys.executable, *step])
        lines.append(f"{command} >{shlex.quote(str(out))} 2>{shlex.quote(str(err))}; "
                     f"echo $? >{shlex.quote(str(code))}")  # fmt: skip
        if read_only_after == number:
            lines.append(f"mount -o remount,ro {shlex.quote(str(disk))} || exit 91")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    subprocess.run(["unshare", "-rm", "sh", "-c", "\n".join(lines)], check=True, env=env,
                   timeout=300)  # fmt: skip
    return [_outcome(outputs, number, step) for number, step in enumerate(steps)]


def _outcome(outputs: Path, number: int, step: list[str]) -> subprocess.CompletedProcess[str]:
    def read(end: str) -> str:
        return (outputs / f"{number}.{end}").read_text("utf-8")

    return subprocess.CompletedProcess(step, int(read("code")), read("out"), read("err"))


FILL = (
    "import sys\n"
    "try:\n"
    "    with open(sys.argv[1], 'wb') as stream:\n"
    "        while True:\n"
    "            stream.write(b'x' * 4096)\n"
    "            stream.flush()\n"
    "except OSError:\n"  # closing may fail too: what the failed flush left is written again
    "    pass\n"
)
"""A step's code that fills the disk with the file named by its argument."""
