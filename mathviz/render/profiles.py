"""Render profiles: TOML files in ``render_config/`` (copy one to make your own)."""

from __future__ import annotations

import importlib.resources
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from mathviz.course import PROJECT_ROOT
from mathviz.voice.engine import LECTURE_LENGTH_SCALE, VoiceSettings

__all__ = [
    "PROFILE_DIR",
    "FORMATS",
    "DEFAULT_PROFILE",
    "ENCODER_KEYS",
    "X264_PRESETS",
    "X264_TUNES",
    "VP9_DEADLINES",
    "ProfileError",
    "Profile",
    "frame_problem",
    "available",
    "load",
    "encoder_problem",
]


def _profile_dir() -> Path:
    """The render profiles: ``render_config/`` in a checkout, installed as the package data
    of ``mathviz.render_config`` (read through importlib.resources)."""
    try:
        return Path(str(importlib.resources.files("mathviz.render_config")))
    except ModuleNotFoundError:
        return PROJECT_ROOT / "render_config"


PROFILE_DIR = _profile_dir()
FORMATS = ("mp4", "webm", "gif", "png")
DEFAULT_PROFILE = "lecture"
#: codec options a profile may set (x264: preset/crf/tune/threads/subme; vp9: crf, deadline,
#: cpu-used, b, row-mt)
ENCODER_KEYS = frozenset(
    {"preset", "crf", "tune", "threads", "subme", "deadline", "cpu-used", "b", "row-mt"}
)
#: profile keys named otherwise in libavcodec: x264's ``subme`` (subpixel motion estimation
#: and mode decision, 0-11) is the codec context's ``subq``, which libx264 passes on
_AVCODEC_NAMES = {"subme": "subq"}
X264_PRESETS = (
    "ultrafast",
    "superfast",
    "veryfast",
    "faster",
    "fast",
    "medium",
    "slow",
    "slower",
    "veryslow",
    "placebo",
)
X264_TUNES = (
    "film",
    "animation",
    "grain",
    "stillimage",
    "fastdecode",
    "zerolatency",
    "psnr",
    "ssim",
)
VP9_DEADLINES = ("good", "best", "realtime")


class ProfileError(ValueError):
    """A profile that does not exist or does not validate."""


@dataclass(frozen=True)
class Profile:
    """Frame size, frame rate and default format of a render."""

    name: str
    width: int
    height: int
    fps: int
    format: str = "mp4"
    description: str = ""
    #: x264 options for mp4 output (``preset``, ``crf``, ``tune``), as strings
    encoder: tuple[tuple[str, str], ...] = ()
    #: libvpx-vp9 options for webm output
    encoder_webm: tuple[tuple[str, str], ...] = ()
    #: who narrates (``[voice]``: ``model`` = default | none | path.onnx, ``length_scale``,
    #: ``lexicon`` = an extra lexicon TOML); ``--voice`` overrides the model
    voice: VoiceSettings = VoiceSettings()

    def __post_init__(self) -> None:
        problem = frame_problem(self.width, self.height, self.fps, self.format)
        if problem:
            raise ProfileError(f"profile {self.name!r}: {problem}")

    @property
    def aspect(self) -> float:
        return self.width / self.height

    def encoder_options(self, container: str) -> dict[str, str]:
        """Codec options for a segment in ``container`` (``mp4`` or ``webm``), as libavcodec
        names them."""
        options = self.encoder_webm if container == "webm" else self.encoder
        return {_AVCODEC_NAMES.get(key, key): value for key, value in options}

    def settings_key(self, container: str) -> str:
        """Everything about this profile that changes a rendered segment's bytes."""
        options = ",".join(f"{k}={v}" for k, v in sorted(self.encoder_options(container).items()))
        return f"{self.width}x{self.height}@{self.fps};{container};{options}"


def frame_problem(width: object, height: object, fps: object, fmt: object) -> str | None:
    """What is wrong with a profile's frame size, rate or format, or ``None``."""
    for key, value in (("width", width), ("height", height), ("fps", fps)):
        if isinstance(value, bool) or not isinstance(value, int):
            return f"{key} must be a whole number, not {value!r}"
    assert isinstance(width, int)
    assert isinstance(height, int)
    assert isinstance(fps, int)
    if width <= 0 or height <= 0 or width % 2 or height % 2:
        return f"width and height must be positive and even (yuv420p video), not {width}x{height}"
    if not 1 <= fps <= 240:
        return f"fps must be within 1..240, not {fps}"
    if fmt not in FORMATS:
        return f"format must be one of {', '.join(FORMATS)}, not {fmt!r}"
    return None


def available() -> list[str]:
    """Names of the profiles in ``render_config/``."""
    return sorted(p.stem for p in PROFILE_DIR.glob("*.toml"))


def load(name_or_path: str) -> Profile:
    """A profile by name (``preview``) or by path to a TOML file."""
    path = Path(name_or_path)
    if path.suffix != ".toml":
        path = PROFILE_DIR / f"{name_or_path}.toml"
    if not path.is_file():
        raise ProfileError(f"unknown profile {name_or_path!r}; available: {', '.join(available())}")
    try:
        data = tomllib.loads(path.read_text())
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"{path}: {exc}") from None
    allowed = {
        "width",
        "height",
        "fps",
        "format",
        "description",
        "encoder",
        "encoder_webm",
        "voice",
    }
    unknown = set(data) - allowed
    if unknown:
        raise ProfileError(f"{path}: unknown keys {', '.join(sorted(unknown))}")
    for table in ("encoder", "encoder_webm"):
        options = data.get(table, {})
        if not isinstance(options, dict):
            raise ProfileError(f"{path}: [{table}] must be a table of codec options")
        bad = sorted(set(options) - ENCODER_KEYS)
        if bad:
            raise ProfileError(
                f"{path}: unknown [{table}] option(s) {', '.join(bad)}; "
                f"allowed: {', '.join(sorted(ENCODER_KEYS))}"
            )
        for key, value in options.items():
            problem = encoder_problem(table, key, value)
            if problem:
                raise ProfileError(f"{path}: [{table}] {key} = {value!r}: {problem}")
        data[table] = tuple(sorted((k, str(v)) for k, v in options.items()))
    problem = frame_problem(
        data.get("width"), data.get("height"), data.get("fps"), data.get("format", "mp4")
    )
    if problem:
        raise ProfileError(f"{path}: {problem}")
    if "voice" in data:
        data["voice"] = _voice_settings(data["voice"], path)
    try:
        return Profile(name=path.stem, **data)
    except TypeError as exc:
        raise ProfileError(f"{path}: {exc}") from None


def _number(value: object) -> float | None:
    """``value`` as a number if it is one (a TOML int or float, not a bool), else ``None``."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def _whole_within(value: object, low: int, high: int) -> bool:
    """Whether ``value`` is a whole number (a TOML int, or a float with no fraction) within
    ``low..high``."""
    number = _number(value)
    return number is not None and number == int(number) and low <= number <= high


def encoder_problem(table: str, key: str, value: object) -> str | None:
    """What is wrong with one codec option of a profile's ``[encoder]`` (x264) or
    ``[encoder_webm]`` (libvpx-vp9) table, or ``None``: checked before anything renders."""
    vp9 = table == "encoder_webm"
    if key == "crf":
        top = 63 if vp9 else 51
        number = _number(value)
        if number is None or not 0 <= number <= top or (vp9 and number != int(number)):
            return f"crf must be a number within 0..{top}"
    elif key == "preset":
        if vp9:
            return "libvpx-vp9 has no presets; use deadline and cpu-used"
        if value not in X264_PRESETS:
            return f"unknown x264 preset; one of {', '.join(X264_PRESETS)}"
    elif key == "tune":
        if vp9 or value not in X264_TUNES:
            return f"unknown x264 tune; one of {', '.join(X264_TUNES)}"
    elif key == "threads":
        if vp9 or not _whole_within(value, 0, 64):
            return "threads is an x264 option: a whole number within 0..64 (0: x264 chooses)"
    elif key == "subme":
        if vp9 or not _whole_within(value, 0, 11):
            return "subme is an x264 option: a whole number within 0..11"
    elif key == "deadline":
        if not vp9 or value not in VP9_DEADLINES:
            return f"deadline is a libvpx-vp9 option: one of {', '.join(VP9_DEADLINES)}"
    elif key == "cpu-used":
        if not vp9 or not _whole_within(value, -8, 8):
            return "cpu-used is a libvpx-vp9 option: a whole number within -8..8"
    elif key == "row-mt":
        if not vp9 or value not in (0, 1, True, False):
            return "row-mt is a libvpx-vp9 option: 0 or 1"
    elif key == "b" and (
        isinstance(value, bool) or not re.fullmatch(r"\d+(\.\d+)?[kKM]?", str(value))
    ):
        return "b is a bitrate such as 0 (constant quality), 800k or 2M"
    return None


def _voice_settings(table: object, path: Path) -> VoiceSettings:
    """The ``[voice]`` table of a profile; relative paths are relative to the profile."""
    if not isinstance(table, dict):
        raise ProfileError(f"{path}: [voice] must be a table (model, length_scale, lexicon)")
    bad = sorted(set(table) - {"model", "length_scale", "lexicon"})
    if bad:
        raise ProfileError(
            f"{path}: unknown [voice] option(s) {', '.join(bad)}; allowed: "
            f"model, length_scale, lexicon"
        )
    model = table.get("model", "default")
    scale = table.get("length_scale", LECTURE_LENGTH_SCALE)
    lexicon = table.get("lexicon", "")
    if not isinstance(model, str) or not isinstance(lexicon, str):
        raise ProfileError(f"{path}: [voice] model and lexicon are strings")
    if isinstance(scale, bool) or not isinstance(scale, (int, float)) or not 0.5 <= scale <= 2.0:
        raise ProfileError(f"{path}: [voice] length_scale must be a number within 0.5..2.0")
    if model not in ("default", "none"):
        model = str((path.parent / model).resolve())
    if lexicon:
        lexicon = str((path.parent / lexicon).resolve())
    return VoiceSettings(model, float(scale), lexicon)
