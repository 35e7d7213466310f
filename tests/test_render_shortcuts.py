"""The render worker's shortcuts change nothing on screen: its camera draws Manim's pixels,
and a still frame converted once encodes to the same frames as one converted per frame."""

from __future__ import annotations

import collections
import gc
import sys
import weakref
from fractions import Fraction
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
from drafts import BT709, color_tags, decoded_md5, decodes
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Axes,
    Circle,
    Create,
    Dot,
    MathTex,
    Polygon,
    Scene,
    Square,
    Text,
    ThreeDScene,
    VMobject,
    tempconfig,
)
from manim._config.video_encoder import VideoEncoderSpec
from manim.camera.camera import Camera
from manim.renderer.cairo_renderer import CairoRenderer
from manim.scene.scene_file_writer import SceneFileWriter

from mathviz.render.camera import FrameHandingRenderer, PathCachingCamera, camera_for
from mathviz.render.worker import BAND_ROWS, BandConverter, bt709_frame, encode_bt709
from mathviz.scene import LectureScene, LectureThreeDScene


def _picture() -> list[VMobject]:
    axes = Axes(x_range=[-3, 3, 1], y_range=[-2, 2, 1], x_length=8, y_length=5).add_coordinates()
    curve = axes.plot(lambda x: 0.3 * x**2 - 1, color="#e0a030")
    ring = Circle(radius=1.2, color="#60a0e0").set_fill("#60a0e0", opacity=0.3)
    holed = Polygon(LEFT, UP, RIGHT, DOWN).set_fill("#a060e0", opacity=0.5)
    empty = VMobject()  # no points: Manim leaves the context's path as it is
    return [
        axes,
        curve,
        ring,
        holed,
        empty,
        Dot(axes.c2p(1, 1)),
        MathTex(r"\nabla f = (2x, 2y)").to_corner(UP + LEFT),
        Text("step 3").to_corner(DOWN + RIGHT),
    ]


def _frames(camera_class: type[Camera], steps: int = 6) -> list[np.ndarray]:
    """Draw a picture in which some shapes move, recolour or change shape between frames."""
    with tempconfig({"pixel_width": 480, "pixel_height": 270}):
        camera = camera_class()
        mobjects = _picture()
        axes, curve, ring, holed, _, dot, formula, _ = mobjects
        frames = []
        for k in range(steps):
            camera.reset()
            camera.capture_mobjects(mobjects)
            frames.append(camera.pixel_array.copy())
            dot.move_to(axes.c2p(1 - 0.4 * k, 1))  # moves
            ring.set_color("#e06060" if k % 2 else "#60a0e0")  # recoloured, same points
            if k == 2:
                curve.become(axes.plot(lambda x: 0.5 * x - 0.5, color="#e0a030"))  # new shape
            if k == 3:
                holed.points[2] += 0.25  # edited in place
            if k == 4:
                formula.shift(0.1 * RIGHT)
        return frames, camera


def test_caching_camera_draws_manims_pixels_frame_for_frame() -> None:
    plain, _ = _frames(Camera)
    cached, camera = _frames(PathCachingCamera)
    assert len(plain) == len(cached)
    for k, (a, b) in enumerate(zip(plain, cached, strict=True)):
        assert np.array_equal(a, b), f"frame {k} differs in {np.count_nonzero(a != b)} bytes"
    # the frames changed (the comparison is not between blank pictures) ...
    assert not np.array_equal(plain[0], plain[-1])
    # ... and unchanged shapes really were reused, moved ones rebuilt
    assert camera.reused_paths > 4 * camera.built_paths / len(cached)
    assert camera.built_paths > len(cached)


def test_a_shape_whose_points_change_gets_a_new_path() -> None:
    with tempconfig({"pixel_width": 320, "pixel_height": 180}):
        camera = PathCachingCamera()
        square = Square(side_length=2).set_fill("#ffffff", opacity=1)
        camera.capture_mobjects([square])
        first = camera.pixel_array.copy()
        square.shift(3 * RIGHT)
        camera.reset()
        camera.capture_mobjects([square])
        reference = Camera()
        reference.capture_mobjects([square])
        assert not np.array_equal(first, camera.pixel_array)
        assert np.array_equal(reference.pixel_array, camera.pixel_array)


def test_frames_handed_over_uncopied_are_never_drawn_into_again() -> None:
    """Every frame kept as the camera handed it over still shows, after all the frames
    that came later, what Manim's camera drew for it; frames let go are drawn into again."""
    plain, _ = _frames(Camera)
    with tempconfig({"pixel_width": 480, "pixel_height": 270}):
        camera = PathCachingCamera()
        mobjects = _picture()
        dot = mobjects[5]
        kept, recent = [], []
        for k in range(len(plain)):
            camera.reset()
            camera.capture_mobjects(mobjects[:5])
            camera.capture_mobjects(mobjects[5:])  # on top of the frame so far
            if k % 2 == 0:
                kept.append(camera.pixel_array)  # held by "the writer" to the end
            recent = [*recent[-1:], camera.pixel_array]  # held for two frames, then let go
            dot.move_to(mobjects[0].c2p(1 - 0.4 * k, 1))
            mobjects[2].set_color("#e06060" if k % 2 else "#60a0e0")
            if k == 2:
                mobjects[1].become(mobjects[0].plot(lambda x: 0.5 * x - 0.5, color="#e0a030"))
            if k == 3:
                mobjects[3].points[2] += 0.25
            if k == 4:
                mobjects[6].shift(0.1 * RIGHT)
        for k, frame in zip(range(0, len(plain), 2), kept, strict=True):
            assert np.array_equal(frame, plain[k]), f"kept frame {k} was drawn into again"
        assert np.array_equal(recent[-1], plain[-1])
        assert len({id(f) for f in kept}) == len(kept)
        # the arrays: one per frame kept, two let go in turn, the one being drawn
        assert len(camera._buffers) <= len(kept) + 3


def test_a_frame_held_by_one_reference_is_never_drawn_into() -> None:
    """One holder is enough to keep a frame: drawn on top of (no reset), or met again as a
    spare array after a reset, a frame held once stays as it was handed over; frames nobody
    holds are drawn into again, so the arrays do not pile up."""
    with tempconfig({"pixel_width": 160, "pixel_height": 90}):
        camera = PathCachingCamera()
        square = Square(side_length=2).set_fill("#ffffff", opacity=1)
        camera.reset()
        camera.capture_mobjects([square])
        handed = [camera.pixel_array]  # its one holder
        drawn = handed[0].copy()
        camera.capture_mobjects([Circle().set_fill("#e06060", opacity=1)])  # on top of it
        assert np.array_equal(handed[0], drawn)
        assert not np.array_equal(camera.pixel_array, drawn)
        frames, pictures = [], []
        for k in range(4):
            camera.reset()
            camera.capture_mobjects([square.copy().shift(0.4 * k * RIGHT)])
            frames.append(camera.pixel_array)  # one holder each: the list
            pictures.append(camera.pixel_array.copy())
        assert all(np.array_equal(f, p) for f, p in zip(frames, pictures, strict=True))
        count = len(camera._buffers)
        del frames, handed
        for _ in range(20):
            camera.reset()
            camera.capture_mobjects([square])
        assert len(camera._buffers) == count


def test_a_frame_is_never_drawn_into_while_a_profiler_keeps_the_stack_it_sampled() -> None:
    """Dask's workers sample the stack of every running task every 10 ms and hold the frame
    objects while they process them: a call that returns meanwhile leaves its locals alive in
    its frame. When that call had been given a new array (Manim's ``get_cairo_context``), the
    array's baseline counted that reference as the camera's own, and a frame handed over with
    one holder was drawn over by the next (the cluster test saw frame 2 of a segment show
    frame 3). Here a profile hook keeps the frames of the last calls made, a while each."""
    kept_frames: collections.deque[object] = collections.deque(maxlen=16)

    def keep(frame: object, event: str, arg: object) -> None:
        if event == "call":
            kept_frames.append(frame)

    with tempconfig({"pixel_width": 160, "pixel_height": 90}):
        camera = PathCachingCamera()
        square = Square(side_length=2).set_fill("#ffffff", opacity=1)
        frames, pictures = [], []
        sys.setprofile(keep)
        try:
            for k in range(4):
                camera.reset()
                camera.capture_mobjects([square.copy().shift(0.4 * k * RIGHT)])
                frames.append(camera.pixel_array)  # one holder each: the list
                pictures.append(camera.pixel_array.copy())
        finally:
            sys.setprofile(None)
        assert all(np.array_equal(f, p) for f, p in zip(frames, pictures, strict=True))
        assert len({id(f) for f in frames}) == len(frames)
        kept_frames.clear()
        count = len(camera._buffers)
        del frames
        for _ in range(10):
            camera.reset()
            camera.capture_mobjects([square])
        assert len(camera._buffers) == count


class _Recorded(Scene):
    """A play over a static background, then a frozen wait: Manim's static image and held
    frame both come from ``get_frame``."""

    def construct(self) -> None:
        self.add(Square(side_length=3).set_fill("#3060a0", opacity=1))
        dot = Dot(LEFT * 2)
        self.play(Create(Circle(radius=1, color="#e0a030")), dot.animate.shift(4 * RIGHT))
        self.wait(0.2)
        self.play(dot.animate.shift(2 * UP), run_time=0.3)


def _recording(base: type) -> type:
    class Recording(base):  # type: ignore[misc, valid-type]
        def __init__(self, **kwargs: object) -> None:
            super().__init__(**kwargs)
            self.frames: list[tuple[np.ndarray, np.ndarray, int]] = []

        def add_frame(self, frame: np.ndarray, num_frames: int = 1) -> None:
            self.frames.append((frame, frame.copy(), num_frames))  # as given, and as it was
            super().add_frame(frame, num_frames)

    return Recording


def test_a_scene_rendered_with_frames_handed_over_gives_manims_frames(tmp_path: Path) -> None:
    config = {
        "pixel_width": 320,
        "pixel_height": 180,
        "frame_rate": 15,
        "write_to_movie": False,
        "disable_caching": True,
        "media_dir": str(tmp_path),
    }
    with tempconfig(config):
        manims = _recording(CairoRenderer)(camera_class=Camera)
        _Recorded(renderer=manims).render()
    with tempconfig(config):
        ours = _recording(FrameHandingRenderer)(camera_class=PathCachingCamera)
        _Recorded(renderer=ours, camera_class=PathCachingCamera).render()
    assert len(ours.frames) == len(manims.frames) > 10
    assert any(n > 1 for _, _, n in ours.frames)  # the frozen wait: one frame, held
    for k, ((given, as_given, n), (_, expected, m)) in enumerate(
        zip(ours.frames, manims.frames, strict=True)
    ):
        assert n == m
        assert np.array_equal(as_given, expected), f"frame {k} differs from Manim's"
        assert np.array_equal(given, expected), f"frame {k} was drawn into after it was given"
    assert not np.array_equal(ours.frames[0][1], ours.frames[-1][1])
    # handed over as drawn, not copied
    buffers = [b for b, _ in ours.camera._buffers]
    assert all(any(given is b for b in buffers) for given, _, _ in ours.frames)


@pytest.mark.parametrize(
    ("scene_class", "expected"),
    [(LectureScene, PathCachingCamera), (LectureThreeDScene, None), (ThreeDScene, None)],
)
def test_only_plain_2d_scenes_get_the_caching_camera(scene_class: type, expected: object) -> None:
    assert camera_for(scene_class) is expected


def _still_frames() -> list[np.ndarray]:
    rng = np.random.default_rng(7)
    frames = []
    for k in range(3):
        pixels = np.zeros((180, 320, 4), np.uint8)
        pixels[..., 3] = 255
        pixels[20 + 10 * k : 120, 40:200, :3] = rng.integers(0, 256, 3, dtype=np.uint8)
        pixels[130:170, 30 * k : 30 * k + 90, :3] = rng.integers(
            0, 256, (40, 90, 3), dtype=np.uint8
        )
        frames.append(pixels)
    return frames


def _bt709_encoder(target: Path, options: tuple[tuple[str, str], ...] = (("crf", "23"),)) -> object:
    """A segment encoder made the way the worker's manim makes one (BT.709 installed)."""
    encode_bt709()
    spec = VideoEncoderSpec("mp4", "libx264", "yuv420p", 320, 180, Fraction(30), options)
    return SceneFileWriter._create_segment_encoder(SimpleNamespace(video_encoder=spec), target)


def _encode(
    target: Path,
    held: list[tuple[np.ndarray, int]],
    *,
    one_call: bool,
    options: tuple[tuple[str, str], ...] = (("crf", "23"),),
) -> Path:
    encoder = _bt709_encoder(target, options)
    for pixels, repeat in held:
        if one_call:
            encoder.write_frame(pixels, repeat=repeat)
        else:  # the plain path: every frame converted on its own
            for _ in range(repeat):
                encoder.write_frame(pixels.copy())
    encoder.finish()
    return target


def test_a_held_frame_converted_once_encodes_to_the_same_frames(tmp_path: Path) -> None:
    a, b, c = _still_frames()
    held = [(a, 1), (b, 7), (c, 3), (a, 2)]
    # one x264 thread: with its slice threads, x264 does not always write the same stream
    # for the same frames (seen at this size)
    one = (("crf", "23"), ("threads", "1"))
    once = decoded_md5(_encode(tmp_path / "once.mp4", held, one_call=True, options=one))
    each = decoded_md5(_encode(tmp_path / "each.mp4", held, one_call=False, options=one))
    assert len(once) == 13
    assert once == each
    assert len(set(once)) >= 3  # three pictures (x264 refines a held one frame by frame)
    assert color_tags(tmp_path / "once.mp4") == BT709


def _one_thread(target: Path, held: list[tuple[np.ndarray, int]]) -> Path:
    """The reference: each frame converted, then encoded at once, both on this thread (as
    manim's own encoder does), with the settings of :func:`_bt709_encoder`."""
    import av
    from av.video.reformatter import VideoReformatter

    with av.open(str(target), "w", format="mp4") as container:
        stream = container.add_stream("libx264", rate=Fraction(30), options={"crf": "23"})
        stream.pix_fmt, stream.width, stream.height = "yuv420p", 320, 180
        context = stream.codec_context
        context.colorspace = context.color_primaries = context.color_trc = 1
        context.color_range = 1
        context.thread_count = 1  # as the worker's x264 (tested on its own below)
        pts = 0
        for pixels, repeat in held:
            frame = bt709_frame(VideoReformatter(), pixels.copy(), "yuv420p")
            frame.time_base = Fraction(1, 30)
            for _ in range(repeat):
                frame.pts = pts
                pts += 1
                container.mux(stream.encode(frame))
        container.mux(stream.encode())
    return target


def _packets(video: Path) -> list[bytes]:
    import av

    with av.open(str(video)) as container:
        return [bytes(p) for p in container.demux(video=0) if p.size]


@pytest.fixture
def own_thread_at_any_size(monkeypatch: pytest.MonkeyPatch) -> None:
    """x264 on its own thread for these small test frames too (1080p up to 4K in a render)."""
    from mathviz.render import worker

    monkeypatch.setattr(worker, "OWN_X264_THREAD_PIXELS", (0, 10**9))


@pytest.mark.usefixtures("own_thread_at_any_size")
@pytest.mark.parametrize("first_held", [1, 5], ids=["moving", "held-first"])
def test_x264_on_its_own_thread_writes_the_stream_of_one_thread(
    tmp_path: Path, first_held: int
) -> None:
    """Converting on the writing thread while x264 encodes the previous frame on its own
    changes no byte of the stream: the same frames reach x264 in the same order. A first
    picture held back while it repeats reaches x264 as often as it was given."""
    a, b, c = _still_frames()
    held = [(a, first_held), (b, 7), (c, 3), (a, 2), (b, 1)]
    ours = _packets(_encode(tmp_path / "ours.mp4", held, one_call=True))
    reference = _packets(_one_thread(tmp_path / "reference.mp4", held))
    assert len(ours) == 13 + first_held
    assert ours == reference


@pytest.mark.parametrize("own_thread", [False, True], ids=["manims-way", "own-thread"])
def test_a_segment_of_one_picture_is_encoded_once_then_repeated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, own_thread: bool
) -> None:
    """A wait: x264 encodes the picture once, and hand-written pictures repeat it
    (``mathviz/render/h264_repeat.py``), whether the frames came in one call or one by one."""
    from mathviz.render import worker

    if own_thread:
        monkeypatch.setattr(worker, "OWN_X264_THREAD_PIXELS", (0, 10**9))
    a, _, _ = _still_frames()
    once = _encode(tmp_path / "once.mp4", [(a, 4), (a.copy(), 5)], one_call=True)
    each = _encode(tmp_path / "each.mp4", [(a, 9)], one_call=False)
    frames = decoded_md5(once)
    assert len(frames) == 9 and len(set(frames)) == 1
    assert decoded_md5(each) == frames
    packets = _packets(once)
    assert _packets(each) == packets
    assert len(packets) == 9
    assert max(map(len, packets[1:])) < 30  # bytes: 20 × 12 macroblocks, all skipped
    assert decodes(once) and color_tags(once) == BT709


def test_a_still_segment_x264_writes_in_a_form_repeats_cannot_follow_is_encoded_whole(
    tmp_path: Path,
) -> None:
    """Interlaced x264 (outside the syntax the repeats cover) encodes every frame itself."""
    a, _, _ = _still_frames()
    options = (("crf", "23"), ("x264-params", "interlaced=1"))
    video = _encode(tmp_path / "interlaced.mp4", [(a, 6)], one_call=True, options=options)
    assert len(decoded_md5(video)) == 6 and decodes(video)
    assert len(_packets(video)) == 6


def test_a_still_segment_whose_repeats_fail_is_an_error_and_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mathviz.render import h264_repeat

    monkeypatch.setattr(h264_repeat, "repeat_pictures", lambda *_: None)
    a, _, _ = _still_frames()
    target = tmp_path / "still.mp4"
    with pytest.raises(RuntimeError, match=r"still\.mp4.*one still picture"):
        _encode(target, [(a, 6)], one_call=True)
    assert not target.exists()


def _visible(frame: object) -> list[bytes]:
    """The bytes of a frame's planes a picture shows (not the padding that ends each row)."""
    return [
        np.frombuffer(p, np.uint8).reshape(-1, p.line_size)[:, : p.width].tobytes()
        for p in frame.planes  # type: ignore[attr-defined]
    ]


def _whole(pixels: np.ndarray) -> list[bytes]:
    """The planes of ``pixels`` converted whole by a scaler set up for them alone."""
    from av.video.reformatter import VideoReformatter

    return _visible(bt709_frame(VideoReformatter(), pixels.copy(), "yuv420p"))


def _changed_frames(height: int, width: int) -> list[np.ndarray]:
    """A textured frame, then frames that change a few rows of the one before: single rows on
    and next to block edges, the first and last rows, one pixel, nothing, a block and its
    neighbour, half the picture (converted whole), and the colour of a band only."""
    rng = np.random.default_rng(11)
    frames = [rng.integers(0, 256, (height, width, 4), dtype=np.uint8)]
    frames[0][..., 3] = 255
    edges = [BAND_ROWS - 1, BAND_ROWS, BAND_ROWS + 1, 2 * BAND_ROWS - 2, 0, height - 1]
    changes: list[tuple[slice, slice]] = [(slice(r, r + 1), slice(5, width - 5)) for r in edges]
    changes += [
        (slice(height // 2, height // 2 + 1), slice(7, 8)),
        (slice(0, 0), slice(0, 0)),
        (slice(BAND_ROWS // 2, 3 * BAND_ROWS // 2 + 1), slice(0, width // 3)),
        (slice(0, height // 2 + 3), slice(0, width)),
        (slice(height - 40, height - 9), slice(width // 2, width)),
    ]
    for rows, cols in changes:
        pixels = frames[-1].copy()
        block = pixels[rows, cols, :3]
        pixels[rows, cols, :3] = 255 - block
        frames.append(pixels)
    return frames


@pytest.mark.parametrize("size", [(180, 320), (480, 854), (1080, 1920)])
def test_converting_the_changed_rows_gives_the_bytes_of_the_whole_frame(
    size: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each frame of a sequence that changes a few rows at a time, converted by the band
    converter, is byte for byte the frame converted whole; most go by the bands."""
    patched = _counting_bands(monkeypatch)
    converter = BandConverter()
    frames = _changed_frames(*size)
    for pixels in frames:
        got = converter.convert(pixels, "yuv420p")
        assert _visible(got) == _whole(pixels)
        assert (got.colorspace, got.color_range) == (1, 1)  # BT.709, limited, as converted
    # all but the first, the unchanged and the half; at 180p, a change that reaches into a
    # second of the three blocks already covers more than BAND_MAX_SHARE
    assert len(patched) >= (4 if size[0] == 180 else len(frames) - 3)
    assert all(high - low < size[0] for bands in patched for low, high in bands)


def test_band_conversion_keeps_no_frame_it_was_not_given() -> None:
    """A frame of another size, or with an odd number of rows, is converted whole."""
    converter = BandConverter()
    for height, width in ((180, 320), (240, 320), (241, 320), (241, 320)):
        pixels = np.full((height, width, 4), 200, np.uint8)
        pixels[height // 3, :, 0] = 9
        got = converter.convert(pixels, "yuv420p")
        assert _visible(got) == _whole(pixels)
        assert (got.colorspace, got.color_range) == (1, 1)  # BT.709, limited, as converted


def _moving_square() -> list[tuple[np.ndarray, int]]:
    """A square moving over a still picture, held for a frame or a few at each place."""
    background = np.zeros((180, 320, 4), np.uint8)
    background[..., 3] = 255
    background[:, :, 0] = np.linspace(0, 255, 320, dtype=np.uint8)
    background[:, :, 1] = np.linspace(0, 255, 180, dtype=np.uint8)[:, None]
    held = []
    for step, (top, repeat) in enumerate([(80, 1), (82, 2), (84, 1), (2, 3), (150, 1), (150, 1)]):
        pixels = background.copy()
        pixels[top : top + 12, 10 + 20 * step : 30 + 20 * step, :3] = (250, 40, 90)
        held.append((pixels, repeat))
    return held


def _counting_bands(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every band list the converters patch a frame with, from now on."""
    calls: list[object] = []
    real = BandConverter._patched

    def counted(self: BandConverter, *args: object) -> object:
        calls.append(args[-1])
        return real(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(BandConverter, "_patched", counted)
    return calls


def _x264_inputs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[list[bytes], int]]:
    """What every encoder hands x264 from now on: each frame's pictured bytes, and how often."""
    from mathviz.render import worker

    given: list[tuple[list[bytes], int]] = []
    real = worker._encode_held

    def spy(stream: object, container: object, frame: object, first: int, repeat: int) -> None:
        given.append((_visible(frame), repeat))
        real(stream, container, frame, first, repeat)

    monkeypatch.setattr(worker, "_encode_held", spy)
    return given


@pytest.mark.parametrize("own_thread", [True, False])
def test_frames_converted_by_their_bands_reach_x264_as_whole_conversions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, own_thread: bool
) -> None:
    """A square moving over a still picture: the encoder converts only its rows, and x264 is
    given exactly the frames whole conversions give, on its own thread or on the writing
    one. With one x264 thread (as at 1080p) the stream is the same, packet for packet, and
    the one manim's way writes (``_one_thread``); x264's slice threads, which the writing
    thread keeps below 1080p, do not always write the same stream for the same frames."""
    from mathviz.render import worker

    monkeypatch.setattr(worker, "OWN_X264_THREAD_PIXELS", (0, 10**9) if own_thread else (1, 2))
    held = _moving_square()
    calls = _counting_bands(monkeypatch)
    given = _x264_inputs(monkeypatch)
    monkeypatch.setattr(worker, "BAND_PIXELS", (0, 10**9))
    ours = _packets(_encode(tmp_path / "ours.mp4", held, one_call=True))
    by_bands, given[:], patched = list(given), [], len(calls)
    assert patched >= 3 and len(by_bands) == len(held)
    monkeypatch.setattr(worker, "BAND_PIXELS", (10**9, 10**10))  # every frame whole
    whole = _packets(_encode(tmp_path / "whole.mp4", held, one_call=True))
    assert len(calls) == patched
    assert by_bands == given
    assert len(ours) == len(whole) == 9
    if own_thread:
        assert ours == whole == _packets(_one_thread(tmp_path / "reference.mp4", held))


def test_frames_outside_the_measured_sizes_are_converted_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Below 1080p the bands gained nothing measured, and 4K is not measured: every frame
    there is converted whole."""
    from mathviz.render import worker

    monkeypatch.setattr(worker, "BAND_PIXELS", (10**6, 10**9))
    calls = _counting_bands(monkeypatch)
    assert decodes(_encode(tmp_path / "small.mp4", _moving_square(), one_call=True))
    assert calls == []


def _x264_settings(video: Path) -> dict[str, str]:
    """The settings x264 wrote into the stream (its SEI message in the first packet)."""
    (first, *_) = _packets(video)
    text = first[first.index(b"options: ") + 9 :].split(b"\x00", 1)[0].decode()
    return dict(item.split("=", 1) for item in text.split())


@pytest.mark.usefixtures("own_thread_at_any_size")
@pytest.mark.parametrize(
    ("options", "threads"), [((("crf", "23"),), "1"), ((("crf", "23"), ("threads", "2")), "2")]
)
def test_x264_runs_one_thread_unless_the_profile_sets_threads(
    tmp_path: Path, options: tuple[tuple[str, str], ...], threads: str
) -> None:
    a, _, _ = _still_frames()
    encoder = _bt709_encoder(tmp_path / "threads.mp4", options)
    encoder.write_frame(a, repeat=2)
    encoder.finish()
    settings = _x264_settings(tmp_path / "threads.mp4")
    assert settings["threads"] == threads
    assert settings["sliced_threads"] == ("0" if threads == "1" else "1")


@pytest.mark.parametrize("sizes", [(10**6, 10**9), (0, 320 * 180)])
def test_frames_outside_the_measured_sizes_are_encoded_as_manim_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sizes: tuple[int, int]
) -> None:
    """Below 1080p the thread hand-off costs more than it gains, and 4K is not measured:
    x264 keeps its own slice threads and encodes on the writing thread."""
    from mathviz.render import worker

    monkeypatch.setattr(worker, "OWN_X264_THREAD_PIXELS", sizes)
    a, _, _ = _still_frames()
    encoder = _bt709_encoder(tmp_path / "small.mp4")
    encoder.write_frame(a, repeat=2)
    assert encoder.encoding is None
    encoder.finish()
    assert _x264_settings(tmp_path / "small.mp4")["sliced_threads"] == "1"


class _BrokenStream:
    """Stands in for a PyAV stream whose encoder fails on the third frame."""

    def __init__(self) -> None:
        self.encoded: list[int] = []

    def encode(self, frame: object) -> list[object]:
        if len(self.encoded) == 2:
            raise ValueError("x264 refused the frame")
        self.encoded.append(frame.pts)  # type: ignore[attr-defined]
        return []


def test_an_error_on_the_x264_thread_is_raised_to_the_writer_and_nothing_blocks() -> None:
    from mathviz.render import worker

    stream = _BrokenStream()
    encoding = worker._EncodeThread(stream, SimpleNamespace(mux=lambda _: None), "test")
    frame = SimpleNamespace(pts=None)
    for first in range(0, 40, 4):  # far more than the queue holds: the thread drains it
        encoding.put(frame, first, 4)
    error = encoding.close()
    assert isinstance(error, ValueError) and "refused" in str(error)
    assert stream.encoded == [0, 1]
    assert encoding.close() is error  # closing twice is harmless


@pytest.mark.usefixtures("own_thread_at_any_size")
def test_a_segment_whose_x264_thread_fails_is_an_error_naming_it_and_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mathviz.render import worker

    class Failing(worker._EncodeThread):
        def __init__(self, stream: object, container: object, label: str) -> None:
            super().__init__(_BrokenStream(), container, label)

    monkeypatch.setattr(worker, "_EncodeThread", Failing)
    target = tmp_path / "broken.mp4"
    encoder = _bt709_encoder(target)
    a, b, _ = _still_frames()
    encoder.write_frame(a, repeat=2)

    def write_the_rest_and_finish() -> None:
        for _ in range(20):  # the failure reaches the writer on a later frame, or at the end
            encoder.write_frame(b)
        encoder.finish()

    with pytest.raises(RuntimeError, match=r"Failed to encode video segment .*broken\.mp4"):
        write_the_rest_and_finish()
    encoder.abort()  # what manim's encoding job does after an error
    assert not target.exists()


def test_a_finished_encoder_is_freed_at_once(tmp_path: Path) -> None:
    """No reference cycle: a segment's x264 buffers go when its job is done, not whenever the
    garbage collector next runs (a 1080p chapter of 37 plays held 1.5 GB that way)."""
    a, _, _ = _still_frames()
    gc.disable()
    try:
        encoder = _bt709_encoder(tmp_path / "freed.mp4")
        encoder.write_frame(a, repeat=3)
        encoder.finish()
        alive = weakref.ref(encoder)
        del encoder
        assert alive() is None
    finally:
        gc.enable()


@pytest.mark.parametrize("size", [(180, 320), (1080, 1920)])
def test_the_encoders_own_reformatter_gives_the_pixels_of_a_fresh_conversion(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    """One scaler per encoder, on its thread alone, converts exactly as a scaler set up anew
    for every frame (``VideoFrame.reformat``, with its slice threads at 1080p)."""
    import av

    rng = np.random.default_rng(7)
    encoder = _bt709_encoder(tmp_path / "unused.mp4")
    for _ in range(3):
        pixels = rng.integers(0, 256, (*size, 4), dtype=np.uint8)
        pixels[..., 3] = 255
        kept = encoder.converter.convert(pixels, "yuv420p")  # changed everywhere: whole
        fresh = av.VideoFrame.from_numpy_buffer(pixels.copy(), format="rgba").reformat(
            format="yuv420p", dst_colorspace="ITU709", dst_color_range="MPEG"
        )
        assert [bytes(p) for p in kept.planes] == [bytes(p) for p in fresh.planes]
    encoder.abort()
