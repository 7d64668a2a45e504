"""The system setup step (system/install.py): with java and mvn unfindable, its dry run prints the
apt-get commands that install them; on this machine the real install is a no-op; a wrong Python or a
system without apt-get gets one clear message."""
from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "system" / "install.py"


def _module():
    spec = importlib.util.spec_from_file_location("system_install", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # (dataclasses look their module up)
    spec.loader.exec_module(module)
    return module


def _path_without(tmp_path: Path, hidden: set[str]) -> str:
    """A PATH where every command but ``hidden`` is found (links in a folder of their own)."""
    folder = tmp_path / "bin"
    folder.mkdir()
    for directory in os.environ["PATH"].split(os.pathsep):
        if not os.path.isdir(directory):
            continue
        for name in os.listdir(directory):
            target = Path(directory) / name
            if name not in hidden and not (folder / name).exists() and os.access(target, os.X_OK):
                (folder / name).symlink_to(target)
    return str(folder)


def test_dry_run_with_java_and_maven_unfindable_prints_their_install(tmp_path):
    env = {**os.environ, "PATH": _path_without(tmp_path, {"java", "mvn", "chromium", "chromium-browser"})}
    result = subprocess.run([sys.executable, str(SCRIPT), "main", "--dry-run"], capture_output=True, text=True,
                            env=env)
    assert result.returncode == 0, result.stderr
    assert "installing the missing java, mvn" in result.stdout
    assert "apt-get install -y -qq openjdk-17-jre-headless maven" in result.stdout
    assert "chromium" not in result.stdout  # make main does not need the browser
    tests = subprocess.run([sys.executable, str(SCRIPT), "test", "--dry-run"], capture_output=True, text=True, env=env)
    assert "openjdk-17-jre-headless maven chromium" in tests.stdout


def test_on_this_machine_nothing_is_missing():
    result = subprocess.run([sys.executable, str(SCRIPT), "test"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout == "", result.stdout + result.stderr


def test_sudo_when_not_root_and_the_table_is_validated(tmp_path):
    install = _module()
    table = install.parts()
    assert {p.command for p in table} == {"java", "mvn", "chromium", "tesseract"}
    assert {"tesseract-ocr-rus", "tesseract-ocr-bel"} <= set(next(p for p in table if p.command == "tesseract").debian)
    commands = install.install_commands([p for p in table if p.command == "mvn"], root=False)
    assert commands[0][:2] == ["sudo", "apt-get"] and commands[1][0] == "sudo" and commands[1][-1] == "maven"
    assert install.install_commands([], root=True) == []
    broken = tmp_path / "packages.txt"
    broken.write_text("java sometimes openjdk\n", encoding="utf-8")
    try:
        install.parts(broken)
    except ValueError as error:
        assert "packages.txt:1" in str(error)
    else:
        raise AssertionError("a malformed line must be refused")


def test_a_wrong_python_and_a_system_without_apt_get_get_one_clear_message(tmp_path):
    install = _module()
    assert install.python_problem((3, 11)) is None
    message = install.python_problem((3, 9))
    assert "Python 3.9 found" in message and "PYTHON=python3.11" in message
    env = {**os.environ, "PATH": _path_without(tmp_path, {"java", "mvn", "apt-get"})}
    result = subprocess.run([sys.executable, str(SCRIPT), "main"], capture_output=True, text=True, env=env)
    assert result.returncode == 2 and "no apt-get" in result.stderr and "brew install openjdk@17 maven" in result.stderr


def test_tesseract_without_the_russian_and_belarusian_data_counts_as_missing(tmp_path):
    install = _module()
    fake = tmp_path / "tesseract"
    fake.write_text("#!/bin/sh\necho 'List of available languages in \"/usr/share\" (2):'\necho eng\necho osd\n")
    fake.chmod(0o755)
    assert install.tesseract_languages(str(fake)) == {"eng", "osd"}
    env_path = os.environ["PATH"]
    try:
        os.environ["PATH"] = f"{tmp_path}{os.pathsep}{env_path}"
        assert "tesseract" in {p.command for p in install.missing("main", install.parts())}
    finally:
        os.environ["PATH"] = env_path
