"""Checks of the built distribution (``scripts/package.py`` runs them).

``smoke``: the frozen programs run from the bundle (``--version``, the samples into a temporary
database, an export to PDF, Word and HTML, the window opened offscreen and closed), the bundle's
size, and its start-up against the unfrozen program's, measured in the same run.
``inspect_installers``: the MSI's tables (``msiinfo``, from msitools) and the NSIS installer.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import tempfile
import time
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

SIZE_LIMIT_MB = 200
STARTUP_LIMIT = 1.5  # the frozen window's start-up against the unfrozen one's, at most
ROUNDS = 5
# What is timed: the program's start-up, the window opened on the samples and closed (with the
# About box's licence list, which --smoke-test reads), held to STARTUP_LIMIT; and, for
# information, a command that reads the database (about 0.1 s either way, so a few
# milliseconds of noise move its ratio by a tenth).
STARTUP = "window opened and closed"
STARTUP_FIGURES = {STARTUP: ["--smoke-test"], "list": ["list"]}
UPGRADE_CODE = "{160732B7-315A-4D7D-860B-8EF6D8267196}"  # packaging/opcc-responses.wxs


class Product(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def version(self) -> str: ...


class CheckFailed(SystemExit):
    def __init__(self, what: str) -> None:
        super().__init__(f"Packaging check failed: {what}")


def require(condition: object, what: str) -> None:
    if not condition:
        raise CheckFailed(what)


def program(bundle: Path, name: str) -> Path:
    return bundle / (f"{name}.exe" if os.name == "nt" else name)


def quiet_environment(home: Path) -> dict[str, str]:
    """Offscreen Qt, and every per-user folder (data, logs, settings) inside ``home``."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "LOCALAPPDATA", "APPDATA"):
        env[name] = str(home / name.lower())
    env.pop("OPCC_RESPONSES_DB", None)
    return env


def output(command: Sequence[str | Path], env: dict[str, str]) -> str:
    """What ``command`` prints; it must end with 0 and say nothing on stderr but warnings."""
    done = subprocess.run([str(part) for part in command], capture_output=True, text=True,
                          env=env, timeout=300, check=False)  # fmt: skip
    shown = " ".join(Path(str(command[0])).name if i == 0 else str(part)
                     for i, part in enumerate(command))  # fmt: skip
    problems = [line for line in done.stderr.splitlines()
                if line.strip() and not line.startswith("Warning: ")
                and "propagateSizeHints" not in line]  # fmt: skip
    require(done.returncode == 0 and not problems,
            f"{shown} ended with {done.returncode}: {done.stderr.strip()[-2000:]}")  # fmt: skip
    return done.stdout


def files_in(folder: Path) -> list[Path]:
    """Every file of ``folder``; a symbolic link (a Linux bundle has some) is not one."""
    return [path for path in folder.rglob("*") if path.is_file() and not path.is_symlink()]


def folder_megabytes(folder: Path) -> float:
    return sum(path.stat().st_size for path in files_in(folder)) / 1_000_000


def smoke(bundle: Path, python: Path, info: Product) -> None:
    require(program(bundle, "opcc-responses").is_file(), f"no bundle in {bundle}")
    size = folder_megabytes(bundle)
    print(f"   bundle: {size:.0f} MB in {len(files_in(bundle))} files")
    require(size < SIZE_LIMIT_MB, f"the bundle is {size:.0f} MB, over {SIZE_LIMIT_MB} MB")
    cli, gui = program(bundle, "opcc-responses-cli"), program(bundle, "opcc-responses")
    with tempfile.TemporaryDirectory(prefix="opcc-smoke-") as temporary:
        tmp = Path(temporary)
        env = quiet_environment(tmp / "home")
        db = tmp / "smoke.sqlite3"
        version = output([cli, "--version"], env).strip()
        require(version == f"opcc-responses {info.version}", f"--version said {version!r}")
        said = output([cli, "--db", db, "samples"], env).strip()
        require(said == "Sample inspections: 2 added.", f"samples said {said!r}")
        listed = json.loads(output([cli, "--db", db, "list", "--json"], env))
        require(len(listed) == 2, f"list --json gave {listed!r}")
        first = min(row["id"] for row in listed)
        outputs = {kind: tmp / f"response.{kind}" for kind in ("pdf", "docx", "html")}
        output([cli, "--db", db, "export", str(first),
                *(part for kind, path in outputs.items() for part in (f"--{kind}", path))],
               env)  # fmt: skip
        require(outputs["pdf"].read_bytes().startswith(b"%PDF-"), "the PDF is not a PDF")
        require(zipfile.is_zipfile(outputs["docx"]), "the Word file is not a Word file")
        require("<html" in outputs["html"].read_text(encoding="utf-8"), "the HTML is empty")
        print(f"   --version, samples, list, export {first} (PDF, Word, HTML): done")
        said = output([cli, "--db", db, "--smoke-test"], env).strip()
        opened = f"{info.name} {info.version}: the window opened on {db} (2 inspections)"
        require(said.startswith(f"{opened} and closed; About lists ")
                and said.endswith(", each with its licence."), f"--smoke-test said {said!r}")
        output([gui, "--db", db, "--smoke-test"], env)  # the windowed program: no console
        print("   the window opened offscreen and closed (both programs); "
              + said.split("; ", 1)[1])  # fmt: skip
        figures = {what: startup_seconds(cli, python, ["--db", str(db), *args], env)
                   for what, args in STARTUP_FIGURES.items()}  # fmt: skip
    for what, (frozen, unfrozen) in figures.items():
        ratio = frozen / unfrozen
        limit = f"limit {STARTUP_LIMIT}" if what == STARTUP else "for information"
        print(f"   {what} (whole process, median of {ROUNDS}, same run): frozen "
              f"{frozen:.2f} s, unfrozen {unfrozen:.2f} s, ratio {ratio:.2f} ({limit})")
    frozen, unfrozen = figures[STARTUP]
    require(frozen / unfrozen < STARTUP_LIMIT,
            f"the frozen start-up is {frozen / unfrozen:.2f}× the unfrozen one")  # fmt: skip


def startup_seconds(cli: Path, python: Path, args: list[str], env: dict[str, str],
                    rounds: int = ROUNDS) -> tuple[float, float]:  # fmt: skip
    """Medians of the whole process running ``args``: the frozen program and ``python -m
    app``, turn and turn about (after one untimed run of each). The checkout's modules are
    compiled first, as an installed copy's are, so that neither side measures the compiler."""
    source = Path(__file__).resolve().parents[1] / "src"
    subprocess.run([str(python), "-m", "compileall", "-q", str(source)], check=True, env=env)
    commands = ([str(cli), *args], [str(python), "-m", "app", *args])
    times: list[list[float]] = [[], []]
    for round_number in range(rounds + 1):
        for which, command in enumerate(commands):
            start = time.perf_counter()
            subprocess.run(command, env=env, capture_output=True, check=True, timeout=300)
            if round_number:
                times[which].append(time.perf_counter() - start)
    return statistics.median(times[0]), statistics.median(times[1])


def msi_table(msi: Path, table: str) -> list[dict[str, str]]:
    """The rows of one table of ``msi``, by column name (``msiinfo export``)."""
    msiinfo = shutil.which("msiinfo") or "msiinfo"
    with tempfile.TemporaryDirectory() as streams:  # it writes binary columns to files there
        text = subprocess.run([msiinfo, "export", str(Path(msi).resolve()), table], cwd=streams,
                              capture_output=True, text=True, check=True).stdout  # fmt: skip
    lines = text.splitlines()
    columns = lines[0].split("\t")
    return [dict(zip(columns, line.split("\t"), strict=False)) for line in lines[3:] if line]


def inspect_installers(nsis: Path, msi: Path, folder: Path, info: Product) -> None:
    require(nsis.is_file() and nsis.read_bytes()[:2] == b"MZ", f"{nsis.name} is missing")
    print(f"   {nsis.name}: {nsis.stat().st_size / 1_000_000:.0f} MB (compiled with no warnings)")
    require(msi.is_file(), f"{msi.name} is missing")
    if not shutil.which("msiinfo"):
        print(f"   {msi.name}: built; msiinfo (msitools) is not here to look inside it")
        return
    for problem in msi_problems(msi, folder, info):
        raise CheckFailed(f"{msi.name}: {problem}")
    print(f"   {msi.name}: {msi.stat().st_size / 1_000_000:.0f} MB; Program Files, Start-menu "
          "shortcut, major upgrade, name and version: as built")  # fmt: skip


def msi_problems(msi: Path, folder: Path, info: Product) -> list[str]:
    """What is wrong with the MSI's tables, or nothing."""
    problems = []
    properties = {row["Property"]: row["Value"] for row in msi_table(msi, "Property")}
    for name, wanted in (("ProductName", info.name), ("ProductVersion", info.version),
                         ("UpgradeCode", UPGRADE_CODE), ("ALLUSERS", "1")):  # fmt: skip
        if properties.get(name) != wanted:
            problems.append(f"Property {name} is {properties.get(name)!r}, not {wanted!r}")
    directories = {row["Directory"]: row for row in msi_table(msi, "Directory")}
    install = directories.get("INSTALLDIR", {})
    if install.get("Directory_Parent") != "ProgramFiles64Folder" or not install.get(
        "DefaultDir", ""
    ).endswith(info.name):
        problems.append(f"INSTALLDIR is not Program Files\\{info.name}: {install!r}")
    shortcuts = msi_table(msi, "Shortcut")
    if not any(s["Directory_"] == "ProgramMenuFolder" and s["Name"].endswith(info.name)
               and s["Target"] == "[INSTALLDIR]opcc-responses.exe" for s in shortcuts):
        problems.append(f"no Start-menu shortcut to opcc-responses.exe: {shortcuts!r}")
    upgrades = msi_table(msi, "Upgrade")
    if not any(u["UpgradeCode"] == UPGRADE_CODE and u["VersionMax"] == info.version
               and u["ActionProperty"] == "WIX_UPGRADE_DETECTED" for u in upgrades):
        problems.append(f"no major upgrade of earlier versions: {upgrades!r}")
    if not any(u["ActionProperty"] == "WIX_DOWNGRADE_DETECTED" for u in upgrades):
        problems.append("a newer version installed is not detected")
    files = {row["FileName"].split("|")[-1] for row in msi_table(msi, "File")}
    on_disk = files_in(folder)
    if len(msi_table(msi, "File")) != len(on_disk) or not {
        "opcc-responses.exe", "opcc-responses-cli.exe"} <= files:  # fmt: skip
        problems.append(f"{len(files)} files, not the bundle's {len(on_disk)}")
    if not any(row["Name"] == "AppIcon.ico" for row in msi_table(msi, "Icon")):
        problems.append("no icon in Settings → Apps")
    return problems

