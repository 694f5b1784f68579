"""The installed entry points, run as a user would (subprocess)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import termkit


def _termkit() -> str:
    exe = Path(sys.executable).parent / "termkit"
    found = str(exe) if exe.exists() else shutil.which("termkit")
    assert found, "the termkit console script is not installed"
    return found


def test_console_script_version() -> None:
    out = subprocess.run([_termkit(), "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == f"termkit, version {termkit.__version__}"


def test_python_dash_m() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "termkit", "--help"], capture_output=True, text=True, check=True
    )
    assert "Commands:" in out.stdout


def test_error_is_one_line_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "g.yaml"
    bad.write_bytes(b"a:\n  note: \xff\xfe broken\n")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    out = subprocess.run([_termkit(), "fmt", str(bad)], capture_output=True, text=True, env=env)
    assert out.returncode == 1
    assert out.stderr.count("\n") == 1
    assert out.stderr.startswith(f"termkit: error: {bad}:2:9: invalid UTF-8 at byte offset 11")
    assert "Traceback" not in out.stderr


def test_library_never_imports_click() -> None:
    code = (
        "import importlib, pkgutil, sys, termkit\n"
        "for m in pkgutil.walk_packages(termkit.__path__, 'termkit.'):\n"
        "    if m.name.startswith('termkit.cli') or m.name == 'termkit.__main__':\n"
        "        continue\n"
        "    importlib.import_module(m.name)\n"
        "print('click' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
