"""The lecture scene: narrated beats, checkpoints read back from the screen, and layout lint.

A chapter scene subclasses :class:`LectureScene`, sets ``chapter_id`` and tells its story in
beats::

    class Gradients(LectureScene):
        chapter_id = "6.3"

        def construct(self) -> None:
            self.open_chapter("One sentence on what this lecture shows.")
            with self.beat("Narration for this beat, one to three sentences."):
                self.play(...)
                self.checkpoint("x_20", path.position_of_dot()[0], expected=0.0576, tol=1e-6)
            self.close_chapter("The takeaway.", "What it sets up next.")

Speech drives the timing. Before a scene runs, its narration is synthesised sentence by
sentence (:mod:`mathviz.voice`); a beat lasts at least as long as its speech plus a short
tail, and its animations play under the voice. A scene ties an animation to the sentence
that describes it::

            with self.beat("The dot walks downhill. Each step shrinks x by a fifth.") as b:
                self.play(path.create(), run_time=b.sentence(0))   # the first sentence
                b.say(1, path.walk())                               # exactly under the second

Silent lectures (``--voice none``) time each sentence by reading speed instead. At the end of
every beat the scene records the beat's and its sentences' times (captions and the audio
track are built from these), and lints the layout: no text or formula may leave the frame's
safe area, and no two may overlap; and the narration: no symbol the voice would misread.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Any, ClassVar

import numpy as np
from manim import (
    DL,
    UR,
    DecimalNumber,
    Mobject,
    Scene,
    SingleStringMathTex,
    Text,
    MarkupText,
    ThreeDScene,
    config,
)

from mathviz import theme
from mathviz.checkpoints import (
    BeatRecord,
    CheckpointResult,
    SceneReport,
    SpokenSentence,
    as_value,
    within,
)
from mathviz.course import CHAPTERS, get_chapter
from mathviz.voice import text as narration_text
from mathviz.voice.engine import Narrator, active_narrator

#: words read per second at a calm lecture pace; a beat lasts at least as long as its text
READING_WORDS_PER_SECOND = 2.6
#: pause after the narration's reading time before the next beat starts
BEAT_TAIL_SECONDS = 0.6
#: silence between two sentences of one beat
SENTENCE_GAP_SECONDS = 0.3
#: silence at a beat's start before the voice begins
SPEECH_LEAD_SECONDS = 0.15
#: the shortest animation ``Beat.say`` plays, when its sentence is already over
MIN_SAY_SECONDS = 0.3
#: a chapter video's allowed length at lecture pace (seconds)
LECTURE_LENGTH_RANGE = (45.0, 150.0)

_TEXT_TYPES = (Text, MarkupText, SingleStringMathTex, DecimalNumber)


def reading_seconds(narration: str) -> float:
    """Seconds a viewer needs to read ``narration`` as a caption."""
    return len(narration.split()) / READING_WORDS_PER_SECOND + BEAT_TAIL_SECONDS


class Beat:
    """The beat being played: when each of its sentences is spoken, on the scene clock.

    ``sentence(i)`` is how long sentence ``i`` occupies the voice (to the next sentence's
    start, or to the end of the speech for the last one): pass it as an animation's
    ``run_time``. ``say(i, *animations)`` waits for sentence ``i`` to start if needed and
    plays the animations exactly until it ends.
    """

    def __init__(self, scene: "LectureMixin", index: int, start: float,
                 sentences: list[SpokenSentence]) -> None:
        self.scene, self.index, self.start = scene, index, start
        self.sentences = sentences

    @property
    def speech_end(self) -> float:
        """When the beat's last sentence ends (scene clock, s)."""
        return self.sentences[-1].end if self.sentences else self.start

    def _slot(self, i: int) -> tuple[float, float]:
        if not -len(self.sentences) <= i < len(self.sentences):
            raise IndexError(f"beat {self.index} has {len(self.sentences)} sentence(s), "
                             f"not a sentence {i}")
        i %= len(self.sentences)
        end = self.sentences[i + 1].start if i + 1 < len(self.sentences) else self.sentences[i].end
        return self.sentences[i].start, end

    def sentence(self, i: int) -> float:
        """Seconds sentence ``i`` occupies the voice (its run time for an animation)."""
        start, end = self._slot(i)
        return end - start

    def say(self, i: int, *animations: Any, **kwargs: Any) -> None:
        """Play ``animations`` under sentence ``i``: from its start (waiting if early) to its end."""
        start, end = self._slot(i)
        now = self.scene.clock
        if start - now > 1e-6:
            self.scene.wait(start - now)  # type: ignore[attr-defined]
            now = start
        self.scene.play(*animations, run_time=max(MIN_SAY_SECONDS, end - now), **kwargs)


def describe(mob: Mobject) -> str:
    """Short human name of an on-screen object, for layout reports."""
    if mob.name and mob.name != type(mob).__name__:
        return mob.name
    if isinstance(mob, (Text, MarkupText)):
        content = mob.original_text if hasattr(mob, "original_text") else mob.text
        return f'text "{content[:40]}"'
    if isinstance(mob, DecimalNumber):
        return f"number {mob.get_value():.4g}"
    if isinstance(mob, SingleStringMathTex):
        return f'formula "{mob.get_tex_string()[:40]}"'
    return type(mob).__name__


def visible_texts(mobjects: list[Mobject]) -> list[Mobject]:
    """Every text-like object in the scene that a viewer can see (outermost only)."""
    found: list[Mobject] = []
    seen: set[int] = set()

    def visit(mob: Mobject) -> None:
        if id(mob) in seen:
            return
        seen.add(id(mob))
        if isinstance(mob, _TEXT_TYPES):
            if _is_visible(mob):
                found.append(mob)
            return
        for sub in mob.submobjects:
            visit(sub)

    for mob in mobjects:
        visit(mob)
    return found


def _is_visible(mob: Mobject) -> bool:
    family = [m for m in mob.get_family() if len(getattr(m, "points", ())) > 0]
    if not family:
        return False
    opacity = max(
        max(float(np.max(m.get_fill_opacities(), initial=0.0)), float(np.max(m.get_stroke_opacities(), initial=0.0)))
        for m in family
    )
    return opacity > 0.05 and mob.width > 1e-3


def layout_problems(mobjects: list[Mobject], margin: float = theme.SAFE_MARGIN) -> list[tuple[str, float]]:
    """Layout defects among the visible texts: ``(description, size of the defect)``.

    A text leaving the safe area reports how far it sticks out; two overlapping texts report
    the area of their bounding boxes' intersection.
    """
    texts = visible_texts(mobjects)
    half_w = config.frame_width / 2 - margin
    half_h = config.frame_height / 2 - margin
    problems: list[tuple[str, float]] = []
    boxes = []
    for mob in texts:
        lo, hi = mob.get_corner(DL)[:2], mob.get_corner(UR)[:2]
        boxes.append((lo, hi))
        out = max(-half_w - lo[0], -half_h - lo[1], hi[0] - half_w, hi[1] - half_h)
        if out > 1e-3:
            problems.append((f"offscreen: {describe(mob)}", float(out)))
    for i in range(len(texts)):
        for j in range(i + 1, len(texts)):
            (alo, ahi), (blo, bhi) = boxes[i], boxes[j]
            w = min(ahi[0], bhi[0]) - max(alo[0], blo[0])
            h = min(ahi[1], bhi[1]) - max(alo[1], blo[1])
            if w > 0.02 and h > 0.02:
                problems.append((f"overlap: {describe(texts[i])} ~ {describe(texts[j])}", float(w * h)))
    return problems


class LectureMixin:
    """Beats, narration, checkpoints and layout lint for any Manim scene class."""

    chapter_id: ClassVar[str] = ""
    #: set False for a scene that legitimately stacks texts (never in course chapters)
    lint_layout: ClassVar[bool] = True
    #: called with the scene clock (s) after every play/wait; the build's workers set it
    progress_listener: ClassVar[Callable[[float], None] | None] = None

    # attributes provided by manim.Scene
    renderer: Any
    mobjects: list[Mobject]

    def setup(self) -> None:  # noqa: D102 - manim hook
        super().setup()  # type: ignore[misc]
        self.camera.background_color = theme.BACKGROUND  # type: ignore[attr-defined]
        self.chapter = get_chapter(self.chapter_id)
        self.report = SceneReport(chapter=self.chapter_id, scene=type(self).__name__)
        self._beat_index: int | None = None
        narrator = active_narrator()
        #: who speaks the beats (``None``: silent, timed by reading speed)
        self.narrator: Narrator | None = narrator if narrator and narrator.speaks else None

    def play(self, *args: Any, **kwargs: Any) -> None:  # noqa: D102 - manim API
        super().play(*args, **kwargs)  # type: ignore[misc]
        listener = type(self).progress_listener
        if listener is not None:
            listener(self.clock)

    # --- clock --------------------------------------------------------------------------
    @property
    def clock(self) -> float:
        """Seconds of video played so far in this scene (also when animations are skipped)."""
        return float(self.renderer.time)

    # --- beats --------------------------------------------------------------------------
    @contextlib.contextmanager
    def beat(self, narration: str, *, hold: float = 0.0) -> Iterator[Beat]:
        """One narrated beat: the voice speaks ``narration`` while the body's animations play.

        The beat lasts until both its animations and its speech (plus a short tail) are
        over, then ``hold`` seconds more; then the layout and the narration are linted.

        Parameters
        ----------
        narration
            One to three sentences; spoken, and shown as captions.
        hold
            Extra seconds to hold the final picture after the speech.
        """
        if self._beat_index is not None:
            raise RuntimeError("beats do not nest")
        narration = " ".join(narration.split())
        if not narration:
            raise ValueError(f"{self._where(len(self.report.beats))}: every beat carries "
                             f"narration")
        index = len(self.report.beats)
        self._beat_index = index
        start = self.clock
        current = Beat(self, index, start, self._place_sentences(narration, start, index))
        try:
            yield current
            speech_over = current.speech_end + BEAT_TAIL_SECONDS if self.narrator else \
                start + reading_seconds(narration)
            remaining = max(speech_over - self.clock, 0.0) + hold
            if remaining > 1e-6:
                self.wait(remaining)  # type: ignore[attr-defined]
        finally:
            self._beat_index = None
        self.report.beats.append(BeatRecord(index, narration, start, self.clock,
                                            tuple(current.sentences)))
        self._lint_narration(index, narration)
        if self.lint_layout:
            self._lint(index)

    def _where(self, index: int) -> str:
        return f"chapter {self.chapter_id} {type(self).__name__} beat {index}"

    def _place_sentences(self, narration: str, start: float, index: int) -> list[SpokenSentence]:
        """Each sentence's time on the clock: spoken back to back from the beat's start
        (silent lectures: each sentence as long as it takes to read)."""
        placed: list[SpokenSentence] = []
        clock = start + (SPEECH_LEAD_SECONDS if self.narrator else 0.0)
        for sentence in narration_text.sentences(narration):
            if self.narrator is None:
                length = len(sentence.split()) / READING_WORDS_PER_SECOND
                placed.append(SpokenSentence(sentence, clock, clock + length))
                clock += length
                continue
            speech = self.narrator.speech(sentence, where=self._where(index))
            placed.append(SpokenSentence(sentence, clock, clock + speech.duration,
                                         f"{self.narrator.voice.identity}/{speech.key}"))
            clock += speech.duration + SENTENCE_GAP_SECONDS
        return placed

    def _lint(self, index: int) -> None:
        for description, size in layout_problems(self.mobjects):
            self._record(f"layout@beat{index}: {description}", size, 0.0, 0.0, index)

    def _lint_narration(self, index: int, narration: str) -> None:
        lexicon = self.narrator.lexicon if self.narrator else narration_text.load_lexicon()
        for problem in narration_text.lint_narration(narration, lexicon):
            self._record(f"narration@beat{index}: {problem}", 1.0, 0.0, 0.0, index)

    # --- checkpoints --------------------------------------------------------------------
    def checkpoint(self, name: str, shown: Any, *, expected: Any, tol: float = 1e-9) -> bool:
        """Record a value read back from the screen against its independently reached truth.

        Parameters
        ----------
        name
            Stable name tests refer to (``"x_20"``, ``"det"``, ``"posterior"``).
        shown
            What the on-screen object shows, read back from it (through its axes or plane).
        expected
            The same quantity computed by a different route than the drawing.
        tol
            Absolute tolerance, element-wise for vectors.
        """
        if any(c.name == name for c in self.report.checkpoints):
            raise ValueError(f"checkpoint {name!r} recorded twice in {type(self).__name__}")
        return self._record(name, shown, expected, tol, self._beat_index)

    def _record(self, name: str, shown: Any, expected: Any, tol: float, beat: int | None) -> bool:
        shown_v, expected_v = as_value(shown), as_value(expected)
        ok = within(shown_v, expected_v, tol)
        self.report.checkpoints.append(
            CheckpointResult(self.chapter_id, type(self).__name__, name, shown_v, expected_v,
                             float(tol), ok, beat)
        )
        return ok

    # --- cards --------------------------------------------------------------------------
    def open_chapter(self, narration: str) -> None:
        """Title card beat: chapter id, title and level, with the opening narration."""
        card = theme.title_card(self.chapter.id, self.chapter.title, self.chapter.level.title)
        with self.beat(narration):
            self.play(theme.show_card(card))  # type: ignore[attr-defined]
        self.play(theme.hide(card), run_time=0.6)  # type: ignore[attr-defined]

    def close_chapter(self, takeaway: str, narration: str) -> None:
        """End card beat: clears the stage, shows the takeaway and the next chapter."""
        if self.mobjects:
            self.play(theme.hide(*self.mobjects), run_time=0.6)  # type: ignore[attr-defined]
        following = [c for c in CHAPTERS if c.sort_key() > self.chapter.sort_key()]
        next_title = f"{following[0].id} {following[0].title}" if following else None
        card = theme.end_card(takeaway, next_title)
        with self.beat(narration, hold=0.5):
            self.play(theme.show_card(card))  # type: ignore[attr-defined]

    def tear_down(self) -> None:  # noqa: D102 - manim hook
        self.report.duration = self.clock
        super().tear_down()  # type: ignore[misc]


class LectureScene(LectureMixin, Scene):
    """A 2-D lecture scene."""


class LectureThreeDScene(LectureMixin, ThreeDScene):
    """A 3-D lecture scene (surfaces); layout lint applies to fixed-in-frame texts."""
