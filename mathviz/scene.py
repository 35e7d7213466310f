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
import dataclasses
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any, ClassVar, TypeVar, cast

import numpy as np
from manim import (
    Animation,
    DecimalNumber,
    FadeOut,
    Mobject,
    NumberLine,
    Scene,
    SingleStringMathTex,
    ThreeDScene,
    Transform,
)

from mathviz import theme
from mathviz.checkpoints import (
    BeatRecord,
    CheckpointResult,
    PlayRecord,
    SceneReport,
    SpokenSentence,
    as_value,
    within,
)
from mathviz.course import CHAPTERS, get_chapter
from mathviz.layout import LayoutWalk, describe, layout_problems, visible_texts
from mathviz.readings import Printed, PrintedArray, source_of
from mathviz.voice import text as narration_text
from mathviz.voice.engine import Narrator, active_narrator

__all__ = [
    "READING_WORDS_PER_SECOND",
    "BEAT_TAIL_SECONDS",
    "SENTENCE_GAP_SECONDS",
    "SPEECH_LEAD_SECONDS",
    "MIN_SAY_SECONDS",
    "LECTURE_LENGTH_RANGE",
    "MOTION_SAMPLES",
    "MAX_RELATIVE_TOL",
    "reading_seconds",
    "Beat",
    "shown_numbers",
    "Invariant",
    "LectureMixin",
    "LectureScene",
    "LectureThreeDScene",
]

#: any mobject: a method that returns the one it was given keeps its type
M = TypeVar("M", bound=Mobject)

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
#: moments sampled inside every animation: invariants, frozen objects and layout are checked
#: at each ``k / MOTION_SAMPLES`` of its run time (a fade-out in place with no invariant and
#: no updater, where no moment can be judged, steps straight to its end)
MOTION_SAMPLES = 8
#: a checkpoint's tolerance may not exceed this share of a non-zero expected value
MAX_RELATIVE_TOL = 0.1


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

    def __init__(
        self, scene: LectureMixin, index: int, start: float, sentences: list[SpokenSentence]
    ) -> None:
        self.scene, self.index, self.start = scene, index, start
        self.sentences = sentences

    @property
    def speech_end(self) -> float:
        """When the beat's last sentence ends (scene clock, s)."""
        return self.sentences[-1].end if self.sentences else self.start

    def _slot(self, i: int) -> tuple[float, float]:
        if not -len(self.sentences) <= i < len(self.sentences):
            raise IndexError(
                f"beat {self.index} has {len(self.sentences)} sentence(s), not a sentence {i}"
            )
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


def _appearance(mobjects: Any) -> dict[int, tuple[Mobject, bytes, bool]]:
    """What each drawn mobject looks like: its points and colours as bytes to compare, and
    whether it can be seen at all."""
    out: dict[int, tuple[Mobject, bytes, bool]] = {}
    for mob in mobjects:
        points = getattr(mob, "points", None)
        if points is None or len(points) == 0:
            continue
        parts = [points.tobytes()]
        alpha = 0.0
        for attr in ("fill_rgbas", "stroke_rgbas"):
            value = getattr(mob, attr, None)
            if value is not None:
                value = np.asarray(value)
                parts.append(value.tobytes())
                if value.size:
                    alpha = max(alpha, float(value[..., -1].max()))
        extent = float(np.ptp(points[:, :2], axis=0).max())
        out[id(mob)] = (mob, b"".join(parts), alpha > 0.05 and extent > 1e-3)
    return out


def _animated_family(animation: Any) -> list[Mobject]:
    """Every mobject an animation (or a group's parts) moves, with their families."""
    found = list(animation.mobject.get_family())
    for part in getattr(animation, "animations", ()):
        found.extend(_animated_family(part))
    return found


def _refresh_followers(animations: tuple[Any, ...]) -> None:
    """Run the updaters of everything about to be animated once, now.

    A readout that follows its geometry (an updater) but is not in the scene yet has not been
    updated since it was built; an animation bringing it in (a fade, a panel growing) copies
    it as it is and suspends its updaters while it plays, so the viewer would see a stale
    value until the animation ends.
    """
    for animation in animations:
        if not isinstance(animation, Animation):
            continue
        for mob in _animated_family(animation):
            if mob.updaters and not mob.updating_suspended:
                mob.update(0, recursive=False)


def _printed_half_units(shown: Any) -> list[float] | None:
    """Each element's display tolerance when ``shown`` is a printed value, else ``None``."""
    if isinstance(shown, PrintedArray) and shown.half_units is not None:
        return [float(u) for u in np.ravel(shown.half_units)]
    if isinstance(shown, Printed):
        return [shown.half_unit]
    if isinstance(shown, (list, tuple)) and shown and all(isinstance(v, Printed) for v in shown):
        return [v.half_unit for v in shown]
    return None


def _within_each(shown: Any, expected: Any, tols: list[float]) -> bool:
    """Element-wise ``|shown - expected| <= tol`` with one tolerance per element."""
    shown_l = shown if isinstance(shown, list) else [shown]
    expected_l = expected if isinstance(expected, list) else [expected]
    if isinstance(shown, list) != isinstance(expected, list) or len(shown_l) != len(expected_l):
        return False
    if len(tols) == 1:
        tols = tols * len(shown_l)
    return all(
        within(a, b, t * (1 + 1e-9) + 1e-12)
        for a, b, t in zip(shown_l, expected_l, tols, strict=True)
    )


_DECIMAL_IN_TEXT = re.compile(r"\d\.\d")


def shown_numbers(mobjects: list[Mobject]) -> list[Mobject]:
    """Visible numbers a viewer reads as values: every :class:`DecimalNumber`, and texts or
    formulas holding a decimal number. Axis tick labels are part of their axes and skipped."""
    found: list[Mobject] = []
    for mob in visible_texts(mobjects, skip=(NumberLine,)):
        if isinstance(mob, DecimalNumber):
            found.append(mob)
            continue
        text = (
            getattr(mob, "original_text", None)
            or getattr(mob, "text", None)
            or (mob.get_tex_string() if isinstance(mob, SingleStringMathTex) else "")
        )
        if _DECIMAL_IN_TEXT.search(str(text)):
            found.append(mob)
    return found


#: an invariant as data (see :meth:`LectureMixin.invariant`): its name, the reading of
#: ``(shown, expected)`` at the current moment, and its tolerance
Invariant = tuple[str, Callable[[], tuple[Any, Any]], float | None]


class LectureMixin:
    """Beats, narration, checkpoints and layout lint for any Manim scene class."""

    chapter_id: ClassVar[str] = ""
    #: set False for a scene that legitimately stacks texts (never in course chapters)
    lint_layout: ClassVar[bool] = True
    #: called with the scene clock (s) after every play/wait: a build's worker sets it on the
    #: instance it renders (to report progress); ``None`` on any other scene
    progress_listener: Callable[[float], None] | None = None

    # attributes provided by manim.Scene
    renderer: Any
    mobjects: list[Mobject]
    animations: list[Animation] | None

    def setup(self) -> None:  # noqa: D102 - manim hook
        super().setup()  # type: ignore[misc]
        self.camera.background_color = theme.BACKGROUND  # type: ignore[attr-defined]
        self.chapter = get_chapter(self.chapter_id)
        self.report = SceneReport(chapter=self.chapter_id, scene=type(self).__name__)
        self._beat_index: int | None = None
        narrator = active_narrator()
        #: who speaks the beats (``None``: silent, timed by reading speed)
        self.narrator: Narrator | None = narrator if narrator and narrator.speaks else None
        self._invariants: dict[str, dict[str, Any]] = {}
        self._layout_seen: set[str] = set()
        self._layout_walk = LayoutWalk()
        self._verified_numbers: set[int] = set()
        self._declared_numbers: dict[int, str] = {}
        self._play_count = 0
        #: the play only fades things out where they stand: no lint in motion (a fade can
        #: reveal no collision that was not there, and linted, when it began)
        self._clearing = False

    def play(self, *args: Any, **kwargs: Any) -> None:  # noqa: D102 - manim API
        start = self.clock
        _refresh_followers(args)
        super().play(*args, **kwargs)  # type: ignore[misc]
        animations = getattr(self, "animations", None) or []
        still = len(animations) == 1 and getattr(animations[0], "is_static_wait", False)
        self.report.plays.append(PlayRecord(start, self.clock, not still, self._beat_index))
        self._play_count += 1
        if self.progress_listener is not None:
            self.progress_listener(self.clock)

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
            raise ValueError(f"{self._where(len(self.report.beats))}: every beat carries narration")
        index = len(self.report.beats)
        self._beat_index = index
        start = self.clock
        current = Beat(self, index, start, self._place_sentences(narration, start, index))
        try:
            yield current
            speech_over = (
                current.speech_end + BEAT_TAIL_SECONDS
                if self.narrator
                else start + reading_seconds(narration)
            )
            remaining = max(speech_over - self.clock, 0.0) + hold
            if remaining > 1e-6:
                self.wait(remaining)  # type: ignore[attr-defined]
        finally:
            self._beat_index = None
        self.report.beats.append(
            BeatRecord(index, narration, start, self.clock, tuple(current.sentences))
        )
        self._lint_narration(index, narration)
        for key in list(self._invariants):
            self._evaluate_invariant(key, f"the end of beat {index}")
        if self.lint_layout:
            self._lint(index)
        self._list_unverified(index)

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
            placed.append(
                SpokenSentence(
                    sentence,
                    clock,
                    clock + speech.duration,
                    f"{self.narrator.voice.identity}/{speech.key}",
                )
            )
            clock += speech.duration + SENTENCE_GAP_SECONDS
        return placed

    def _lint(self, index: int | None, moment: str = "") -> None:
        """Lint the layout now; each defect is reported once per scene, at the first moment
        (a beat end or a sampled moment inside a play) it is seen."""
        tag = f"layout@beat{index}" if index is not None else "layout"
        moving: frozenset[int] = frozenset()
        if moment:
            assert self.animations is not None  # a moment is inside a play
            moving = frozenset(id(m) for a in self.animations for m in _animated_family(a))
        for description, size in layout_problems(
            self.mobjects, moving=moving, walk=self._layout_walk
        ):
            if description in self._layout_seen:
                continue
            self._layout_seen.add(description)
            name = f"{tag}: {description}" + (f" (at {moment})" if moment else "")
            self._record(name, size, 0.0, 0.0, index)

    def _lint_narration(self, index: int, narration: str) -> None:
        lexicon = self.narrator.lexicon if self.narrator else narration_text.load_lexicon()
        for problem in narration_text.lint_narration(narration, lexicon):
            self._record(f"narration@beat{index}: {problem}", 1.0, 0.0, 0.0, index)

    # --- checkpoints --------------------------------------------------------------------
    def checkpoint(self, name: str, shown: Any, *, expected: Any, tol: float | None = None) -> bool:
        """Record a value read back from the screen against its independently reached truth.

        Parameters
        ----------
        name
            Stable name tests refer to (``"x_20"``, ``"det"``, ``"posterior"``).
        shown
            A reading (:mod:`mathviz.readings`): what an on-screen object shows, read back
            from it — geometry through its axes or plane, an area, a count of drawn objects,
            or the digits typeset (:func:`~mathviz.readings.printed`). A plain number, the
            input or the expected value itself is refused.
        expected
            The same quantity computed by a different route than the drawing.
        tol
            Absolute tolerance, element-wise for vectors; at most 10 % of a non-zero
            expected value. Printed numbers take their tolerance from the display (half a
            unit in the last shown place) and must not set one.
        """
        if any(c.name == name for c in self.report.checkpoints):
            raise ValueError(f"checkpoint {name!r} recorded twice in {type(self).__name__}")
        ok, result = self._judge(name, shown, expected, tol)
        self.report.checkpoints.append(result)
        return ok

    def _judge(
        self, name: str, shown: Any, expected: Any, tol: float | None, moment: str = ""
    ) -> tuple[bool, CheckpointResult]:
        """Compare a reading with its truth under the engine's rules; never raises on data."""
        source = source_of(shown)
        refusal = ""
        if source is None:
            refusal = (
                f"the shown value ({type(shown).__name__}) was not read from the screen: "
                f"pass a reading (a primitive's *_shown method, printed(...), coords(...))"
            )
        elif shown is expected:
            refusal = "the shown value is the expected object itself"
        try:
            shown_v, expected_v = as_value(shown), as_value(expected)
        except (TypeError, ValueError) as exc:
            shown_v, expected_v, refusal = 0.0, 0.0, refusal or f"not a number: {exc}"
        printed_units = _printed_half_units(shown)
        if printed_units is not None and not refusal:
            if tol is not None:
                refusal = (
                    f"tol {tol:g} set on a printed value: its tolerance is half a unit "
                    f"in the last shown place ({max(printed_units):g})"
                )
            tol_used = max(printed_units)
            ok = _within_each(shown_v, expected_v, printed_units)
        else:
            tol_used = 1e-9 if tol is None else float(tol)
            ok = within(shown_v, expected_v, tol_used)
            scale = max(
                (abs(v) for v in (expected_v if isinstance(expected_v, list) else [expected_v])),
                default=0.0,
            )
            if not refusal and scale > 0 and tol_used > MAX_RELATIVE_TOL * scale:
                refusal = (
                    f"tol {tol_used:g} exceeds {MAX_RELATIVE_TOL:.0%} of the expected "
                    f"value ({scale:.4g}); only a printed value's display may be looser"
                )
        if refusal:
            ok = False
            source = f"refused: {refusal}"
        if moment:
            source = f"{source} {moment}"
        beat = self._beat_index
        if printed_units is not None and ok:
            parts = shown if isinstance(shown, (list, tuple)) else [shown]
            for part in parts:
                self._verified_numbers.update(getattr(part, "mobject_ids", ()))
        return ok, CheckpointResult(
            self.chapter_id,
            type(self).__name__,
            name,
            shown_v,
            expected_v,
            float(tol_used),
            ok,
            beat,
            source or "",
        )

    def _record(self, name: str, shown: Any, expected: Any, tol: float, beat: int | None) -> bool:
        """Record an engine finding (layout, narration, motion): not a reading."""
        shown_v, expected_v = as_value(shown), as_value(expected)
        ok = within(shown_v, expected_v, tol)
        self.report.checkpoints.append(
            CheckpointResult(
                self.chapter_id,
                type(self).__name__,
                name,
                shown_v,
                expected_v,
                float(tol),
                ok,
                beat,
                "engine",
            )
        )
        return ok

    # --- numbers shown without a checkpoint ---------------------------------------------
    def declare_shown(self, mob: M, why: str) -> M:
        """Declare a number on screen that needs no checkpoint (a typed constant from the
        brief, a label of given data); ``why`` is kept in the report. Returns ``mob``."""
        for part in mob.get_family():
            self._declared_numbers[id(part)] = why
        return mob

    def _list_unverified(self, index: int) -> None:
        listed = {entry.split(" @", 1)[0] for entry in self.report.unverified}
        for mob in shown_numbers(self.mobjects):
            if id(mob) in self._verified_numbers or id(mob) in self._declared_numbers:
                continue
            if any(id(sub) in self._verified_numbers for sub in mob.submobjects):
                continue
            name = describe(mob)
            if name not in listed:
                listed.add(name)
                self.report.unverified.append(f"{name} @beat{index}")

    # --- invariants in motion -------------------------------------------------------------
    @contextlib.contextmanager
    def hold(self, checks: Iterable[Invariant]) -> Iterator[None]:
        """Hold every one of ``checks`` (each as :meth:`invariant`) while the body plays."""
        with contextlib.ExitStack() as stack:
            for name, read, tol in checks:
                stack.enter_context(self.invariant(name, read, tol=tol))
            yield

    @contextlib.contextmanager
    def invariant(
        self, name: str, read: Callable[[], tuple[Any, Any]], *, tol: float | None = None
    ) -> Iterator[None]:
        """State that ``shown == expected`` holds throughout the body, not only at its end.

        ``read()`` returns ``(shown, expected)`` at the current moment: a reading and the
        truth it must match (which may itself be read from another on-screen object, e.g. a
        readout against its geometry). It is evaluated on entry, at every sampled moment of
        every animation inside the body (``MOTION_SAMPLES`` per play), at every beat end and
        on exit. The first failing moment is recorded as checkpoint ``invariant:NAME``;
        otherwise one passing result is.
        """
        key = f"invariant:{name}"
        if any(c.name == key for c in self.report.checkpoints) or key in self._invariants:
            raise ValueError(f"invariant {name!r} stated twice in {type(self).__name__}")
        state: dict[str, Any] = {
            "read": read,
            "tol": tol,
            "failed": None,
            "last": None,
            "samples": 0,
        }
        self._invariants[key] = state
        self._evaluate_invariant(key, "on entry")
        try:
            yield
            self._evaluate_invariant(key, "on exit")
        finally:
            del self._invariants[key]
        if state["failed"] is not None:
            self.report.checkpoints.append(state["failed"])
        else:
            last = state["last"]
            source = last.source.split(" at ", 1)[0]
            self.report.checkpoints.append(
                dataclasses.replace(last, source=f"{source}; held at {state['samples']} moments")
            )

    def _evaluate_invariant(self, key: str, moment: str) -> None:
        state = self._invariants[key]
        if state["failed"] is not None:
            return
        shown, expected = state["read"]()
        state["samples"] += 1
        where = f"at {moment}, t={self.clock:.2f}s"
        ok, result = self._judge(key, shown, expected, state["tol"], where)
        if ok:
            state["last"] = result
        else:
            state["failed"] = result

    def _motion_moment(self, t: float, final: bool) -> None:
        """Checks at one sampled moment inside a play (``t`` seconds into it)."""
        when = f"{t:.2f}s into play {self._play_count}"
        for key in list(self._invariants):
            self._evaluate_invariant(key, when)
        if self.lint_layout and not final and not self._clearing:
            self._lint(self._beat_index, moment=when)

    def play_internal(self, skip_rendering: bool = False) -> None:  # noqa: D102 - manim hook
        # Manim's loop (manim.scene.Scene.play_internal), with the motion checks at
        # ``MOTION_SAMPLES`` moments of the run time; a check run (frames skipped) steps the
        # animations to exactly those moments instead of jumping to the end.
        assert self.animations is not None
        self.duration = self.get_run_time(self.animations)  # type: ignore[attr-defined]
        self.time_progression = self._get_animation_time_progression(  # type: ignore[attr-defined]
            self.animations, self.duration
        )
        samples = [self.duration * k / MOTION_SAMPLES for k in range(1, MOTION_SAMPLES + 1)]
        static = _appearance(self.static_mobjects)  # type: ignore[attr-defined]
        owners = self._owners() if static else {}
        skipping = bool(self.renderer.skip_animations)
        playing: list[Animation] = getattr(self, "animations", None) or []
        self._clearing = all(_fades_in_place(a) for a in playing)
        if skipping and self._unobserved():
            samples = samples[-1:]  # only opacities change, and nothing reads them mid-play
        times = samples if skipping else self.time_progression
        pending = list(samples)
        for t in times:
            self.update_to_time(t)  # type: ignore[attr-defined]
            if not skipping and not skip_rendering and not self.skip_animation_preview:  # type: ignore[attr-defined]
                self.renderer.render(self, t, self.moving_mobjects)  # type: ignore[attr-defined]
            while pending and t >= pending[0] - 1e-9:
                moment = pending.pop(0)
                self._motion_moment(moment, final=not pending)
                self._morphed_number_check(moment)
            if self.stop_condition is not None and self.stop_condition():  # type: ignore[attr-defined]
                break
        self._frozen_check(static, owners)
        for animation in self.animations:
            animation.finish()
            animation.clean_up_from_scene(cast(Scene, self))  # the mixin is always in a Scene
        if not self.renderer.skip_animations:
            self.update_mobjects(0)  # type: ignore[attr-defined]
        self.renderer.static_image = None
        self.time_progression.close()

    def _unobserved(self) -> bool:
        """Whether no moment inside this play can be judged: it only fades things out where
        they stand (no layout lint in motion), no invariant holds, and no updater runs, so
        nothing but opacities changes (no number a fade carries can change value either)."""
        if not self._clearing or self._invariants or self.updaters:  # type: ignore[attr-defined]
            return False
        return not any(
            m.updaters
            for m in self.get_mobject_family_members()  # type: ignore[attr-defined]
        )

    def _frozen_check(
        self, before: dict[int, tuple[Mobject, bytes, bool]], owners: dict[int, Mobject]
    ) -> None:
        """A mobject Manim treats as static in this play (drawn once, into the background)
        must not change during it: the viewer would see its old state until the next play."""
        after = _appearance(m for m, _, _ in before.values())
        reported: set[int] = set()
        for key, (mob, look, seen) in before.items():
            now = after.get(key)
            if now is None or now[1] == look or not (seen or now[2]):
                continue
            owner = owners.get(key, mob)
            if id(owner) in reported:
                continue
            reported.add(id(owner))
            self._record(
                f"frozen@beat{self._beat_index}: {describe(owner)} changed during "
                f"play {self._play_count} but is not part of its animations, so "
                f"it is not redrawn",
                1.0,
                0.0,
                0.0,
                self._beat_index,
            )

    def _morphed_number_check(self, t: float) -> None:
        """A Transform (a fade, a transform, ``.animate``) redraws its mobject from copies made
        as it begins: a number it carries that changes value meanwhile (an updater, a follow,
        a count) still shows its old glyphs, whatever its digits say. Checked for every
        Transform running ``t`` seconds into the play; reported once per play."""
        if getattr(self, "_frozen_number_play", None) == self._play_count:
            return
        playing: list[Animation] = getattr(self, "animations", None) or []
        for animation in playing:
            for part in _running_transforms(animation, t):
                start = getattr(part, "starting_mobject", None)
                if start is None:
                    continue
                now = [m for m in part.mobject.get_family() if isinstance(m, DecimalNumber)]
                then = [m for m in start.get_family() if isinstance(m, DecimalNumber)]
                for mob, before in zip(now, then, strict=False):
                    shown, meant = _digits(before), _digits(mob)
                    if shown != meant:
                        self._record(
                            f"frozen@beat{self._beat_index}: {describe(cast(Mobject, mob))} changed from "
                            f"{shown} to {meant} during play {self._play_count} while a fade "
                            f"or transform carries it, so the screen still shows {shown}; "
                            f"let the number settle first, or fade it in before what it "
                            f"reads moves",
                            1.0,
                            0.0,
                            0.0,
                            self._beat_index,
                        )
                        self._frozen_number_play = self._play_count
                        return

    def _owners(self) -> dict[int, Mobject]:
        """For every drawn part: the text it belongs to, else the top-level object holding it."""
        owners: dict[int, Mobject] = {}
        for top in self.mobjects:
            for part in top.get_family():
                owners[id(part)] = top
        for text in visible_texts(self.mobjects):
            for part in text.get_family():
                owners[id(part)] = text
        return owners

    # --- cards --------------------------------------------------------------------------
    def open_chapter(self, narration: str) -> None:
        """Title card beat: chapter id, title and level, with the opening narration."""
        card = theme.title_card(self.chapter.id, self.chapter.title, self.chapter.level.title)
        self.declare_shown(card, "the chapter's id and title")
        with self.beat(narration):
            self.play(theme.show_card(card))
        self.play(theme.hide(card), run_time=0.6)

    def close_chapter(self, takeaway: str, narration: str) -> None:
        """End card beat: clears the stage, shows the takeaway and the next chapter."""
        if self.mobjects:
            self.play(theme.hide(*self.mobjects), run_time=0.6)
        following = [c for c in CHAPTERS if c.sort_key() > self.chapter.sort_key()]
        next_title = f"{following[0].id} {following[0].title}" if following else None
        card = theme.end_card(takeaway, next_title)
        self.declare_shown(card, "the takeaway and the next chapter's id")
        with self.beat(narration, hold=0.5):
            self.play(theme.show_card(card))

    def tear_down(self) -> None:  # noqa: D102 - manim hook
        self.report.duration = self.clock
        super().tear_down()  # type: ignore[misc]


def _running_transforms(animation: Animation, t: float) -> list[Transform]:
    """The Transforms inside ``animation`` that are part-way through ``t`` seconds into it
    (a group's members by their own start and end times)."""
    run = float(animation.run_time)
    if run <= 0:
        return []
    alpha = min(max(t / run, 0.0), 1.0)
    timings = getattr(animation, "anims_with_timings", None)
    if timings is not None:
        end_time = float(getattr(animation, "max_end_time", run))
        time = float(animation.rate_func(alpha)) * end_time
        running: list[Transform] = []
        for sub, start, end in timings:
            if end > start and start < time < end:
                running += _running_transforms(sub, (time - start) / (end - start) * sub.run_time)
        return running
    return [animation] if isinstance(animation, Transform) and 0.0 < alpha < 1.0 else []


def _fades_in_place(animation: Animation) -> bool:
    """A FadeOut that neither shifts nor scales what it fades."""
    return (
        isinstance(animation, FadeOut)
        and not np.any(animation.shift_vector)
        and animation.scale_factor == 1
    )


def _digits(number: Any) -> str:
    """The characters a number's glyphs stand for (what it is meant to show)."""
    return "".join(str(getattr(sub, "tex_string", "?")) for sub in number.submobjects)


class LectureScene(LectureMixin, Scene):
    """A 2-D lecture scene."""


class LectureThreeDScene(LectureMixin, ThreeDScene):
    """A 3-D lecture scene (surfaces); layout lint applies to fixed-in-frame texts."""

    def _lint(self, index: int | None, moment: str = "") -> None:
        """Lint the picture the camera shows: 3-D objects through its projection (as drawn),
        fixed-in-frame texts and readouts where they are pinned. The lint measures points, so
        each drawn part's points are swapped for their projection while it runs."""
        camera: Any = self.camera
        camera.reset_rotation_matrix()
        # the camera's own trackers (angles, focal distance, frame centre) join the scene
        # while it moves; they hold numbers, not points of the picture
        controls = {id(m) for m in (*camera.get_value_trackers(), camera._frame_center)}
        swapped: dict[int, tuple[Mobject, np.ndarray]] = {}
        plain: list[Mobject] = []  # projected as they are drawn: all in one numpy pass
        try:
            for top in self.mobjects:
                for mob in top.get_family():
                    if id(mob) in swapped or len(mob.points) == 0:
                        continue
                    swapped[id(mob)] = (mob, mob.points)
                    if id(mob) in controls:
                        continue  # emptied last: the projection reads the frame centre
                    if (
                        mob in camera.fixed_in_frame_mobjects
                        or mob in camera.fixed_orientation_mobjects
                        or not np.isfinite(mob.points).all()
                    ):
                        mob.points = np.array(camera.transform_points_pre_display(mob, mob.points))
                    else:
                        plain.append(mob)
            if plain:
                # the camera's projection maps each point on its own: projecting every
                # part's points at once is the same as projecting them part by part
                projected = camera.project_points(np.concatenate([m.points for m in plain]))
                ends = np.cumsum([len(m.points) for m in plain])[:-1]
                for mob, points in zip(plain, np.split(projected, ends), strict=True):
                    mob.points = points
            for key, (mob, _) in swapped.items():
                if key in controls:
                    mob.points = np.zeros((0, 3))
            super()._lint(index, moment)
        finally:
            for mob, points in swapped.values():
                mob.points = points
