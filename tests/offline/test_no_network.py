"""No network, proven (issue 12). The window is driven through the register, typing and its
autosave, an import, the Document tab's PDF, HTML and Word files, printing to a PDF, a backup
and a restore; the command line through every command. An audit hook records every network
event Python raises (``socket.connect``, ``socket.getaddrinfo``, ``socket.bind``,
``urllib.Request``…), and ``strace -f -e trace=network`` sees what the C libraries under Qt do.

The one internet socket allowed is the local print service's (CUPS, 127.0.0.1 or ::1 port
631), which Qt's print support asks about printers: it never leaves the computer. A name
lookup (port 53) is never allowed, not even to a resolver on this computer.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WINDOW_STEPS = [
    "automatic backup", "register filtered", "response autosaved", "import previewed",
    "import saved", "document rendered", "saved as PDF", "saved as HTML", "saved as DOCX",
    "printed to PDF", "backed up", "restored", "report link shown",
]  # fmt: skip
_ADDRESS = re.compile(
    r"sa_family=(?P<family>AF_INET6?),\s*sin6?_port=htons\((?P<port>\d+)\).*?"
    r"inet_(?:addr|pton)\((?:AF_INET6?,\s*)?\"(?P<host>[^\"]+)\""
)
LOOPBACK = {"127.0.0.1", "::1"}
PRINT_SERVICE = 631


def _drive(mode: str, folder: Path, *, under: list[str] | None = None) -> dict[str, list[str]]:
    done = subprocess.run(
        [*(under or []), sys.executable, "-m", "tests.offline.drive", mode, str(folder)],
        cwd=ROOT, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    report: dict[str, list[str]] = json.loads(done.stdout.strip().splitlines()[-1])
    return report


def internet_sockets(trace: str) -> list[str]:
    """The lines of an ``strace -e trace=network`` log that reach beyond this computer, or
    look a name up; the local print service is allowed (see the module docstring)."""
    found = []
    for line in trace.splitlines():
        match = _ADDRESS.search(line)
        if match is None:
            continue
        port, host = int(match.group("port")), match.group("host")
        local_printing = host in LOOPBACK and port == PRINT_SERVICE
        if port == 53 or not local_printing:
            found.append(line.strip())
    return found


def test_the_audit_hook_sees_the_network_when_it_is_used(tmp_path: Path) -> None:
    events = _drive("probe", tmp_path)["events"]
    assert any(event.startswith("socket.getaddrinfo") for event in events)
    assert any(event.startswith("urllib.Request") for event in events)
    assert any(event.startswith("socket.connect") for event in events)


def test_every_command_makes_no_network_call(tmp_path: Path) -> None:
    report = _drive("cli", tmp_path)
    assert report["events"] == []
    assert len(report["steps"]) == 14


STRACE = shutil.which("strace")
UNDER_STRACE = STRACE is not None and sys.version_info >= (3, 12)
"""strace slows the journey threefold: it runs on the Python the bundle ships (what the C
libraries do does not depend on the Python); .ci/run installs strace."""


def test_the_window_makes_no_network_call_and_opens_no_internet_socket(tmp_path: Path) -> None:
    trace = tmp_path / "network.strace"
    under = [STRACE, "-f", "-qq", "-e", "trace=network", "-o", str(trace)] if (
        UNDER_STRACE and STRACE
    ) else None  # fmt: skip
    report = _drive("window", tmp_path / "window", under=under)
    assert [step.rsplit(" ", 1)[0] for step in report["steps"]] == WINDOW_STEPS
    assert report["events"] == []
    if under is None:
        pytest.skip("strace is not installed here, or this is Python 3.11: the audit hook only")
    log = trace.read_text("utf-8")
    assert "connect(" in log or "socket(" in log  # strace did watch
    assert internet_sockets(log) == []


def test_the_strace_reading_finds_internet_sockets() -> None:
    log = "\n".join([
        '1 connect(13, {sa_family=AF_INET, sin_port=htons(631), sin_addr=inet_addr("127.0.0.1")}'
        ", 16) = -1 EINPROGRESS",
        '1 connect(5, {sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr("20.1.2.3")}'
        ", 16) = 0",
        '1 sendto(7, "x", 1, 0, {sa_family=AF_INET, sin_port=htons(53), '
        'sin_addr=inet_addr("127.0.0.53")}, 16) = 1',
        '1 connect(9, {sa_family=AF_INET6, sin6_port=htons(80), sin6_flowinfo=htonl(0), '
        'inet_pton(AF_INET6, "2001:db8::1", &sin6_addr), sin6_scope_id=0}, 28) = 0',
        '1 connect(3, {sa_family=AF_UNIX, sun_path="/run/dbus/system_bus_socket"}, 110) = 0',
    ])  # fmt: skip
    assert [line.split("(")[0][2:] for line in internet_sockets(log)] == [
        "connect", "sendto", "connect",
    ]  # fmt: skip
