"""The wheel: built, installed (not editable) into a fresh virtual environment, and run from
another folder, it lists, checks and renders a chapter, writing nothing into site-packages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from drafts import decodes

ROOT = Path(__file__).resolve().parents[1]

pytestmark = [
    pytest.mark.render,
    pytest.mark.network,
]  # the dependencies come from the package index


def test_an_installed_wheel_lists_checks_and_renders_from_anywhere(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = wheels.glob("mathviz-*.whl")
    # setuptools' scratch space is its own folder, not the course's build/ (setup.cfg)
    assert (ROOT / ".setuptools-build" / "lib" / "mathviz").is_dir()
    venv = tmp_path / "venv"
    python = str(venv / "bin" / "python")
    # the set-up installs with uv where it can, so uv's download cache holds the dependencies
    # (pip's may be empty). With uv the venv needs no pip of its own, and uv compiles the
    # install on every core, sooner than the commands below would compile what they import,
    # one module at a time (64 s → 59 s for this test, one run each)
    uv = Path(sys.executable).with_name("uv")
    if uv.is_file():
        subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
        install = [str(uv), "pip", "install", "-q", "--compile-bytecode", "--python", python]
    else:
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        install = [python, "-m", "pip", "install", "-q", "--no-compile"]
    subprocess.run([*install, str(wheel)], check=True, capture_output=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MATHVIZ_", "PYTHON"))}
    env["XDG_CACHE_HOME"] = str(tmp_path / "user-cache")
    work = tmp_path / "elsewhere"
    work.mkdir()

    def mathviz(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(venv / "bin" / "mathviz"), *args],
            cwd=work,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
        )

    assert mathviz("--version").stdout.startswith("mathviz ")
    listing = mathviz("list", "6")
    assert listing.returncode == 0 and "6.3   Gradients" in listing.stdout
    check = mathviz("check", "6.3", "--json")
    assert check.returncode == 0, check.stderr
    assert all(c["ok"] for c in json.loads(check.stdout)["checkpoints"])
    # the wheel carries the speech ledgers: the check timed every beat without speaking
    voice_cache = tmp_path / "user-cache" / "mathviz" / "cache" / "voice"
    assert not list(voice_cache.rglob("*.wav"))
    render = mathviz("render", "6.3", "--profile", "preview", "-q")
    assert render.returncode == 0, render.stderr
    video = work / "build" / "preview" / "06-calculus" / "6.3-gradients.mp4"
    assert decodes(video)
    assert (tmp_path / "user-cache" / "mathviz" / "cache" / "segments").is_dir()
    site_packages = next((venv / "lib").glob("python3.*/site-packages"))
    assert not (site_packages / "build").exists() and not (site_packages / "scenes").exists()
    assert not list((site_packages / "mathviz").rglob("*.mp4"))
    ledger = site_packages / "mathviz" / "scenes" / "speech" / "ch6_3_gradients.json"
    assert ledger.read_bytes() == (ROOT / "scenes" / "speech" / ledger.name).read_bytes()
    # and the formula ledgers, read to typeset a chapter's formulas in one batch
    formulas = site_packages / "mathviz" / "scenes" / "formulas" / "ch6_3_gradients.json"
    assert formulas.read_bytes() == (ROOT / "scenes" / "formulas" / formulas.name).read_bytes()
    assert list(voice_cache.rglob("*.wav"))  # the render spoke, and wrote nothing beside
    profiles = sorted(p.name for p in (site_packages / "mathviz" / "render_config").glob("*"))
    assert "lecture.toml" in profiles and "preview.toml" in profiles
