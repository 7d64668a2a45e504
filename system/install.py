"""Installs the system parts the project needs when they are missing (system/packages.txt), through the
system's package manager: apt-get on Debian and Ubuntu (with sudo when not root); elsewhere it prints the
command to run (macOS: Homebrew) and stops. Also checks the Python version.

    python3 system/install.py main|test [--dry-run]

`--dry-run` prints what would be installed and changes nothing. Standard library only: it runs before
the virtual environment exists.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

PACKAGES = Path(__file__).resolve().parent / "packages.txt"
PYTHONS = ((3, 11),)          # the versions every pinned package is tested with (requirements.txt)
MIN_JAVA = 17
OCR_LANGUAGES = {"rus", "bel", "eng"}   # Tesseract's language data the OCR of scans needs


@dataclass(frozen=True)
class Part:
    command: str
    needed_by: str            # main | test
    debian: tuple[str, ...]
    homebrew: str


def parts(path: Path = PACKAGES) -> list[Part]:
    """The table, validated once: a malformed line is an error naming it."""
    found = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        fields = line.split()
        if len(fields) < 4 or fields[1] not in ("main", "test"):
            raise ValueError(f"{path.name}:{number}: expected 'command main|test debian-package homebrew', got {line!r}")
        found.append(Part(fields[0], fields[1], tuple(fields[2].split(",")), " ".join(fields[3:])))
    return found


def java_major(java: str) -> int | None:
    """The major version `java -version` reports ("17.0.9" -> 17, "1.8.0_392" -> 8), None if it cannot say."""
    try:
        result = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    match = re.search(r'version "(\d+)(?:\.(\d+))?', result.stderr + result.stdout)
    if not match:
        return None
    major = int(match.group(1))
    return int(match.group(2) or 0) if major == 1 else major


def missing(target: str, table: list[Part]) -> list[Part]:
    """The parts `target` needs that do not answer here (a Java older than 17 counts as missing)."""
    wanted = [p for p in table if p.needed_by == "main" or target == "test"]
    out = []
    for part in wanted:
        names = ("chromium", "chromium-browser") if part.command == "chromium" else (part.command,)
        found = next((shutil.which(n) for n in names if shutil.which(n)), None)
        if found is None or (part.command == "java" and (java_major(found) or 0) < MIN_JAVA) or (
                part.command == "tesseract" and not OCR_LANGUAGES <= tesseract_languages(found)):
            out.append(part)
    return out


def tesseract_languages(tesseract: str) -> set[str]:
    """The language data Tesseract has here (`tesseract --list-langs`)."""
    try:
        result = subprocess.run([tesseract, "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return set()
    return {line.strip() for line in (result.stdout + result.stderr).splitlines()[1:] if line.strip()}


def install_commands(todo: list[Part], root: bool) -> list[list[str]]:
    """apt-get commands for the missing parts (sudo when not root)."""
    if not todo:
        return []
    sudo = [] if root else ["sudo"]
    packages = [name for part in todo for name in part.debian]
    return [sudo + ["apt-get", "update", "-qq"],
            sudo + ["env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-qq", *packages]]


def python_problem(version: tuple[int, int] = sys.version_info[:2]) -> str | None:
    if version in PYTHONS:
        return None
    wanted = " or ".join(f"{major}.{minor}" for major, minor in PYTHONS)
    return (f"Python {version[0]}.{version[1]} found; the pinned packages are tested with Python {wanted}. "
            f"Debian/Ubuntu: apt-get install python{wanted} python{wanted}-venv, then run make with "
            f"PYTHON=python{wanted} (e.g. make main PYTHON=python{wanted}); macOS: brew install python@{wanted}.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("target", choices=["main", "test"])
    parser.add_argument("--dry-run", action="store_true", help="print what would be installed; change nothing")
    args = parser.parse_args(argv)
    problem = python_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    todo = missing(args.target, parts())
    if not todo:
        return 0
    what = ", ".join(part.command for part in todo)
    if shutil.which("apt-get") is None:
        brew = " ".join(part.homebrew for part in todo)
        print(f"missing: {what}. This system has no apt-get: install them with your package manager "
              f"(macOS: brew install {brew}), then run make again.", file=sys.stderr)
        return 2
    commands = install_commands(todo, root=os.geteuid() == 0)
    print(f"installing the missing {what}: " + " && ".join(" ".join(c) for c in commands))
    if args.dry_run:
        return 0
    for command in commands:
        if subprocess.run(command).returncode != 0:
            print(f"could not install {what}: {' '.join(command)} failed", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
