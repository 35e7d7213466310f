"""3.3 Multivariable Functions: a surface z = f(x, y), sliced into level sets, dropped to a map.

The course's first 3-D lecture. The bowl f(x, y) = 2x² + y² rises out of the floor while the
camera turns slowly around it. A probe (a stem from the floor up to the surface) visits three
inputs and its height is read out. A translucent plane rises to height 3; where it cuts the
bowl the level curve grows with it, the probe walks once around that curve with its height
fixed at 3, and the curve drops to the floor. Levels 1, 2 and 4 follow; then the camera turns
to look straight down and the floor is a contour map, labelled, which the probe crosses.
"""

from __future__ import annotations

import contextlib
from typing import Any

import numpy as np
import sympy as sp
from manim import (
    DEGREES,
    DOWN,
    LEFT,
    RIGHT,
    UL,
    Create,
    FadeIn,
    FadeOut,
    Indicate,
    Mobject,
    ThreeDAxes,
    VGroup,
    VMobject,
    Write,
)

from mathviz import theme
from mathviz.maths.descent import QuadraticBowl
from mathviz.maths.surfaces import bowl_level_set, level_set_error, semi_axes
from mathviz.primitives.readout import Readout
from mathviz.primitives.surface import (
    FloorMap,
    HeightSurface,
    Probe,
    SlicingPlane,
    level_color,
    ring_points,
)
from mathviz.readings import derived, printed
from mathviz.scene import LectureThreeDScene

BOWL = QuadraticBowl(a=2.0, b=1.0)
X_RANGE, Y_RANGE = (-1.6, 1.6), (-2.2, 2.2)
#: the slices, in the order they are cut, and every level drawn on the map
FIRST_LEVEL, LATER_LEVELS = 3.0, (1.0, 2.0, 4.0)
LEVELS = (1.0, 2.0, 3.0, 4.0)
#: the inputs the probe visits: A lies on the level curve f = 3
MARKS = {"A": (1.0, 1.0), "B": (-1.0, 2.0), "C": (0.5, -1.0)}
#: the top-left corner of the readouts (frame coordinates)
PANEL_AT = np.array([5.0, 3.45, 0.0])
#: camera: a view from above and in front, turning slowly, then straight down
PHI, THETA, RATE = 64 * DEGREES, -125 * DEGREES, 0.022
#: scene units per unit of x and y
UNIT = 1.38

X, Y = sp.symbols("x y")
F_EXPR = 2 * X**2 + Y**2
#: f compiled from the formula: the truth the drawing is checked against
sympy_f = sp.lambdify((X, Y), F_EXPR, "math")


def bowl_f(x: float, y: float) -> float:
    """The drawn height: the course's bowl model."""
    return float(BOWL(np.array([x, y])))


class MultivariableFunctions(LectureThreeDScene):
    chapter_id = "3.3"

    def construct(self) -> None:
        self.open_chapter("Two inputs in, one height out: a function becomes a landscape.")
        self.axes = ThreeDAxes(
            x_range=(-2, 2, 1),
            y_range=(-2.4, 2.4, 1),
            z_range=(0, 10, 2),
            x_length=4 * UNIT,
            y_length=4.8 * UNIT,
            z_length=3.45,
            axis_config={"color": theme.MUTED, "stroke_width": 2},
        )
        self.set_camera_orientation(
            phi=PHI, theta=THETA, frame_center=tuple(self.axes.c2p(0, 0, 4.6))
        )
        self.surface_beat()
        self.probe_beats()
        self.slice_beats()
        self.map_beats()
        self.close_chapter(
            "A level set is every input with the same output.",
            "Every loss you train is a surface like this, over many more inputs. "
            "Next, vectors: inputs with any number of coordinates.",
        )

    # --- helpers ---------------------------------------------------------------------------
    def in_frame(self, *mobs: Mobject) -> None:
        """Pin texts and readouts to the frame (registered now, added when first animated);
        a live number re-registers the glyphs it typesets at every change."""
        self.camera.add_fixed_in_frame_mobjects(*mobs)
        for mob in mobs:
            for part in mob.get_family():
                if isinstance(part, Readout):
                    part.number.add_updater(self.camera.add_fixed_in_frame_mobjects)

    # --- the surface -------------------------------------------------------------------------
    def surface_beat(self) -> None:
        axes = self.axes
        formula = theme.tex(r"f(x, y) = 2x^2 + y^2", size=44).to_corner(UL, buff=0.5)
        self.in_frame(formula)
        self.formula = formula
        self.landscape = HeightSurface(axes, bowl_f, X_RANGE, Y_RANGE)
        with self.beat(
            "Here is f of x and y equals two x squared plus y squared. Each input is a "
            "point on the floor, and the surface stands at height f above it."
        ) as beat:
            beat.say(0, Create(axes), Write(formula))
            self.begin_ambient_camera_rotation(rate=RATE)
            beat.say(1, self.landscape.rise())
            heights = self.landscape.height_range_shown()
            corner = max(abs(sympy_f(x, y)) for x in X_RANGE for y in Y_RANGE)
            self.checkpoint("surface_height_range", heights, expected=[0.0, corner], tol=1e-6)

    # --- the probe -----------------------------------------------------------------------------
    def probe_beats(self) -> None:
        axes = self.axes
        probe = Probe(axes, bowl_f, MARKS["A"])
        self.probe = probe
        x_read, y_read = Readout("x", 0.0, decimals=1), Readout("y", 0.0, decimals=1)
        z_read = Readout("f", 0.0, decimals=1)
        panel = VGroup(x_read, y_read, z_read).arrange(DOWN, aligned_edge=LEFT, buff=0.28)
        panel.move_to(PANEL_AT, aligned_edge=UL)
        at = probe.position_shown
        x_read.follow(lambda: at()[0])
        y_read.follow(lambda: at()[1])
        z_read.follow(lambda: at()[2])
        self.in_frame(panel)
        self.readouts = panel
        self.z_read = z_read
        rows = VGroup()
        self.marked_rows = rows
        with contextlib.ExitStack() as held:
            held.enter_context(
                self.invariant(
                    "f readout equals the probe's height", lambda: (z_read.value, at()[2])
                )
            )
            held.enter_context(
                self.invariant(
                    "f readout is f at the probe's input",
                    lambda: (z_read.value, sympy_f(*probe.floor_shown())),
                )
            )
            held.enter_context(
                self.invariant("x readout equals the probe's x", lambda: (x_read.value, at()[0]))
            )
            held.enter_context(
                self.invariant("y readout equals the probe's y", lambda: (y_read.value, at()[1]))
            )
            with self.beat(
                "Pick the input one, one. A stem rises from the floor to the surface "
                "and meets it at height three: two times one, plus one."
            ) as beat:
                beat.say(0, FadeIn(probe), FadeIn(panel))
                beat.say(1, Indicate(probe.top, color=theme.ACCENT, scale_factor=1.8))
                self.mark("A", rows)
            with self.beat(
                "Slide the input to minus one, two, and the height climbs to six. Then to "
                "one half, minus one, where it is only one and a half."
            ) as beat:
                self.play(FadeIn(self.pins[-1]), run_time=0.3)
                beat.say(0, probe.glide_to(MARKS["B"]))
                self.mark("B", rows)
                self.play(FadeIn(self.pins[-1]), run_time=0.3)
                beat.say(1, probe.glide_to(MARKS["C"]))
                self.mark("C", rows)

    def mark(self, name: str, rows: VGroup) -> None:
        """Record the probe's height at a marked input: read through the axes, typeset in a
        row of the panel, and left behind as a pin."""
        x, y = MARKS[name]
        shown = self.probe.position_shown()
        truth = sympy_f(x, y)
        self.checkpoint(f"f_at_{name}", shown[2], expected=truth, tol=1e-6)
        self.checkpoint(f"input_{name}", self.probe.floor_shown(), expected=[x, y], tol=1e-6)
        self.checkpoint(f"f_readout_at_{name}", self.z_read.value, expected=truth)
        label = theme.tex(f"f({x:g},\\,{y:g}) =".replace("-", "-"), size=34, color=theme.MUTED)
        value = theme.tex(f"{truth:g}", size=34)
        row = VGroup(label, value).arrange(RIGHT, buff=0.15)
        self.declare_shown(label, f"the marked input {name}, as given")
        if rows:
            row.next_to(rows, DOWN, buff=0.22, aligned_edge=LEFT)
        else:
            row.next_to(self.formula, DOWN, buff=0.6, aligned_edge=LEFT)
        self.in_frame(row)
        rows.add(row)
        self.play(FadeIn(row, shift=0.15 * DOWN), run_time=0.5)
        self.checkpoint(f"row_{name}", printed(value), expected=truth)
        if not hasattr(self, "pins"):
            self.pins: list[VGroup] = []
        self.pins.append(self.probe.pin(theme.MUTED))

    # --- slicing -------------------------------------------------------------------------------
    def slice_beats(self) -> None:
        axes, probe = self.axes, self.probe
        slicer = SlicingPlane(axes, BOWL, X_RANGE, Y_RANGE)
        self.slicer = slicer
        c_read = Readout("c", 0.0, decimals=1, color=level_color(2))
        c_read.next_to(self.marked_rows, DOWN, buff=0.55, aligned_edge=LEFT)
        c_read.follow(slicer.height_shown)
        self.in_frame(c_read)
        self.c_read = c_read
        slicer.set_color_for(level_color(2))
        self.floor = FloorMap()
        self.add(self.floor)

        def on_level() -> Any:
            """Largest |f − h| over the drawn curve's points, h the plane's drawn height."""
            curve, h = slicer.curve_shown(), slicer.height_shown()
            return derived(
                "largest |f(p) − h| over the drawn curve, h the plane's height",
                level_set_error(sympy_f, curve, float(h)),
                curve,
                h,
            )

        with contextlib.ExitStack() as held:
            held.enter_context(
                self.invariant(
                    "c readout equals the plane's height",
                    lambda: (c_read.value, slicer.height_shown()),
                )
            )
            held.enter_context(
                self.invariant(
                    "the drawn curve lies on f = plane height", lambda: (on_level(), 0.0), tol=1e-6
                )
            )
            with self.beat(
                "Now push a flat plane up through the bowl and stop it at height three. "
                "Where the plane cuts the surface, it traces a closed curve."
            ) as beat:
                self.add(slicer)
                beat.say(0, FadeIn(slicer.plane), FadeIn(c_read), FadeOut(VGroup(*self.pins[:2])))
                beat.say(1, slicer.rise_to(FIRST_LEVEL))
                points = slicer.curve_shown()
                self.checkpoint(
                    "slice_height", slicer.height_shown(), expected=FIRST_LEVEL, tol=1e-6
                )
                self.checkpoint("c_readout", c_read.value, expected=FIRST_LEVEL)
                self.checkpoint(
                    "curve_f_error_at_3",
                    derived(
                        "largest |f(p) − 3| over the drawn curve",
                        level_set_error(sympy_f, points, 3.0),
                        points,
                    ),
                    expected=0.0,
                    tol=1e-6,
                )
            ring_path = bowl_level_set(BOWL, FIRST_LEVEL, 193, start=self.angle_of(MARKS["A"]))
            with self.beat(
                "Walk the probe once around that curve: its height never changes. Every "
                "input on it gives the same value, three. That is a level set."
            ) as beat:
                beat.say(0, probe.glide_to(MARKS["A"], run_time=1.2))
                self.play(
                    probe.travel(ring_path, run_time=beat.sentence(0) + beat.sentence(1) - 1.4)
                )
                beat.say(2, Indicate(slicer.curve, color=theme.TEXT, scale_factor=1.05))
            ring, fall = slicer.drop()
            with self.beat(
                "Drop the curve straight down to the floor. There it becomes one contour "
                "line of a map."
            ) as beat:
                self.floor.add(ring)
                beat.say(0, fall, FadeOut(self.pins[2]))
                self.check_ring(ring, FIRST_LEVEL, "3")
            with self.beat(
                "Cut again at heights one, two and four. Each slice leaves its own ring: "
                "small near the bottom of the bowl, wider as the bowl climbs."
            ) as beat:
                slot = (beat.sentence(0) + beat.sentence(1)) / len(LATER_LEVELS)
                for level in LATER_LEVELS:
                    color = level_color(LEVELS.index(level))
                    slicer.set_color_for(color)
                    c_read.set_color(color)
                    self.play(slicer.rise_to(level, run_time=0.55 * slot))
                    ring, fall = slicer.drop(run_time=0.45 * slot)
                    self.floor.add(ring)
                    self.play(fall)
                    self.check_ring(ring, level, f"{level:g}")
        self.checkpoint(
            "rings_on_the_floor",
            self.floor.rings_shown(),
            expected=len(LEVELS),
        )

    def angle_of(self, xy: tuple[float, float]) -> float:
        """Where an input sits around its level ellipse (its parameter angle)."""
        rx, ry = semi_axes(BOWL, sympy_f(*xy))
        return float(np.arctan2(xy[1] / ry, xy[0] / rx))

    def check_ring(self, ring: VMobject, level: float, name: str) -> None:
        """The dropped ring, read back through the axes: on the floor, and on f = level."""
        points = ring_points(self.axes, ring)
        self.checkpoint(
            f"ring_{name}_f_error",
            derived(
                f"largest |f(p) − {name}| over the drawn ring",
                level_set_error(sympy_f, points, level),
                points,
            ),
            expected=0.0,
            tol=1e-6,
        )
        self.checkpoint(
            f"ring_{name}_height",
            derived("largest |z| over the drawn ring", float(np.max(np.abs(points[:, 2]))), points),
            expected=0.0,
            tol=1e-6,
        )

    # --- the map -------------------------------------------------------------------------------
    def map_beats(self) -> None:
        axes, probe, z_read = self.axes, self.probe, self.z_read
        at = probe.position_shown
        labels = VGroup()
        for i, level in enumerate(LEVELS):
            label = theme.tex(f"{level:g}", size=34, color=level_color(i))
            label.move_to(self.label_spot(i))
            labels.add(label)
        names = VGroup(
            theme.tex("x", size=40).next_to(axes.c2p(2, 0, 0), RIGHT, buff=0.25),
            theme.tex("y", size=40).next_to(axes.c2p(0, 2.4, 0), RIGHT, buff=0.3),
        )
        self.in_frame(labels, names)
        start = (X_RANGE[0], 0.0)
        with contextlib.ExitStack() as held:
            held.enter_context(
                self.invariant(
                    "f readout is f at the probe's input on the map",
                    lambda: (z_read.value, sympy_f(*probe.floor_shown())),
                )
            )
            held.enter_context(
                self.invariant(
                    "f readout equals the probe's height on the map",
                    lambda: (z_read.value, at()[2]),
                )
            )
            with self.beat(
                "Now turn the camera to look straight down. The surface fades away, and "
                "the floor is a contour map, the way loss landscapes are drawn."
            ) as beat:
                self.stop_ambient_camera_rotation()  # type: ignore[no-untyped-call]
                self.play(
                    FadeOut(self.landscape),
                    FadeOut(self.slicer),
                    FadeOut(self.c_read),
                    run_time=1.0,
                )
                self.move_camera(
                    phi=0,
                    theta=-90 * DEGREES,
                    focal_distance=400,
                    frame_center=tuple(axes.c2p(0, 0, 0)),
                    added_anims=[probe.glide_to(start)],
                    run_time=beat.sentence(0) + beat.sentence(1) - 2.6,
                )
                self.play(Write(labels), FadeIn(names), run_time=1.4)
                for i, level in enumerate(LEVELS):
                    self.checkpoint(f"label_{level:g}", printed(labels[i]), expected=level)
            with self.beat(
                "Slide the probe in from the left: f falls through four, three, two and "
                "one as it crosses the rings, down to zero at the bottom. Upwards the same "
                "climb is spread out, because along y the function grows half as fast."
            ) as beat:
                beat.say(0, probe.glide_to((0.0, 0.0)))
                self.checkpoint("f_at_bottom", at()[2], expected=sympy_f(0, 0), tol=1e-6)
                self.checkpoint("f_readout_at_bottom", z_read.value, expected=sympy_f(0, 0))
                beat.say(1, probe.glide_to((0.0, 2.0)))
                self.checkpoint("f_readout_on_ring_4", z_read.value, expected=sympy_f(0, 2))
        outer = ring_points(axes, self.floor[-1])
        self.checkpoint(
            "ring_4_half_width",
            derived("largest |x| on the drawn ring 4", float(np.max(np.abs(outer[:, 0]))), outer),
            expected=float(sp.sqrt(sp.Rational(4, 2))),
            tol=1e-6,
        )
        self.checkpoint(
            "ring_4_half_height",
            derived("largest |y| on the drawn ring 4", float(np.max(np.abs(outer[:, 1]))), outer),
            expected=float(sp.sqrt(4)),
            tol=1e-6,
        )

    def label_spot(self, i: int) -> np.ndarray:
        """Where level ``i``'s label goes on the map (the camera looks straight down, so the
        floor is the frame): below the centre, right of the y axis, just outside its ring and
        half way to the next one."""
        x = 0.3
        below = [-float(np.sqrt(level - 2 * x * x)) for level in LEVELS]
        y = below[i] - 0.3 if i == len(LEVELS) - 1 else (below[i] + below[i + 1]) / 2
        return self.axes.c2p(x, y, 0)


SCENES = [MultivariableFunctions]
