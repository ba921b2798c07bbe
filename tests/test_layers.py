"""The layering in DESIGN.md stays true: `lint-imports` checks .importlinter."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import REPO

LINT_IMPORTS = str(Path(sys.executable).parent / "lint-imports")


def lint(source_root: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(source_root)}
    return subprocess.run(
        [LINT_IMPORTS, "--config", str(REPO / ".importlinter"), "--no-cache"],
        capture_output=True, text=True, cwd=source_root, env=env, timeout=300,
    )


def test_layer_contracts_are_kept():
    result = lint(REPO / "src")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "broken" not in result.stdout.lower().replace("0 broken", "")


def test_a_forbidden_import_is_caught(tmp_path):
    shutil.copytree(REPO / "src" / "marsad", tmp_path / "marsad", ignore=shutil.ignore_patterns("__pycache__"))
    normalize = tmp_path / "marsad" / "text" / "normalize.py"
    normalize.write_text(normalize.read_text(encoding="utf-8") + "\nfrom marsad import model  # noqa\n", encoding="utf-8")
    result = lint(tmp_path)
    assert result.returncode != 0
    assert "text/ imports nothing of marsad BROKEN" in result.stdout
