"""Hand-written H.264 pictures that repeat an x264 IDR picture decode, in ffmpeg's strict
mode, to exactly the IDR's pixels, whatever x264 settings wrote the stream."""

from __future__ import annotations

import subprocess
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
from drafts import decoded_md5

from mathviz.render.h264_repeat import ParameterSets, nal_units, repeat_pictures
from mathviz.render.worker import bt709_frame

WIDTH, HEIGHT = 96, 64


def _picture() -> np.ndarray:
    rng = np.random.default_rng(5)
    pixels = rng.integers(0, 256, (HEIGHT, WIDTH, 4), dtype=np.uint8)
    pixels[..., 3] = 255
    pixels[:20, :40, :3] = (30, 200, 90)
    return pixels


def _stream(target: Path, options: dict[str, str]) -> tuple[object, object]:
    import av

    container = av.open(str(target), "w", format="mp4")
    stream = container.add_stream("libx264", rate=Fraction(60), options=options)
    stream.pix_fmt, stream.width, stream.height = "yuv420p", WIDTH, HEIGHT
    return container, stream


def _idr_then_repeats(
    target: Path, options: dict[str, str], repeats: int
) -> tuple[list[bytes], ParameterSets]:
    """x264's one IDR picture of :func:`_picture`, then ``repeats`` repeating pictures; and
    the stream's parameter sets."""
    import av
    from av.video.reformatter import VideoReformatter

    container, stream = _stream(target, options)
    frame = bt709_frame(VideoReformatter(), _picture(), "yuv420p")
    frame.pts, frame.time_base = 0, Fraction(1, 60)
    packets = [*stream.encode(frame), *stream.encode()]
    assert len(packets) == 1 and packets[0].is_keyframe
    for packet in packets:
        container.mux(packet)
    extradata = bytes(stream.codec_context.extradata)
    pictures = repeat_pictures(bytes(packets[0]), extradata, repeats)
    assert pictures is not None
    for pts, data in enumerate(pictures, start=1):
        packet = av.Packet(data)
        packet.pts = packet.dts = pts
        packet.time_base, packet.stream = Fraction(1, 60), stream
        container.mux(packet)
    container.close()
    return pictures, ParameterSets.read(extradata)


def _strictly_decoded_frames(video: Path) -> int:
    """How many frames ffmpeg decodes with every error check on and any error fatal."""
    subprocess.run(
        [
            "ffmpeg",
            "-v",
            "error",
            "-err_detect",
            "explode",
            "-xerror",
            "-i",
            str(video),
            "-f",
            "null",
            "-",
        ],  # fmt: skip
        check=True,
        capture_output=True,
    )
    out = subprocess.run(
        [
            "ffprobe",
            "-v",
            "error",
            "-count_frames",
            "-select_streams",
            "v",
            "-show_entries",
            "stream=nb_read_frames",
            "-of",
            "csv=p=0",
            str(video),
        ],  # fmt: skip
        check=True,
        capture_output=True,
        text=True,
    )
    return int(out.stdout.strip())


@pytest.mark.parametrize(
    ("options", "cabac", "weighted", "poc_type"),
    [
        ({"preset": "veryfast", "crf": "23", "subq": "1"}, True, True, 0),  # the lecture's
        ({"preset": "ultrafast", "x264-params": "bframes=2"}, False, False, 0),
        ({"preset": "medium", "crf": "23", "x264-params": "keyint=10"}, True, True, 0),
        ({"preset": "veryfast", "crf": "30", "x264-params": "bframes=0:keyint=10"}, True, True, 2),
    ],
    ids=["lecture", "cavlc", "wrapping", "poc-type-2"],
)
def test_repeats_decode_to_the_idr_picture_exactly(
    tmp_path: Path, options: dict[str, str], cabac: bool, weighted: bool, poc_type: int
) -> None:
    lone = tmp_path / "lone.mp4"
    _idr_then_repeats(lone, options, 0)
    video = tmp_path / "held.mp4"
    pictures, sets = _idr_then_repeats(video, options, 99)
    [pps], [sps] = sets.pps.values(), sets.sps.values()  # the syntax each case covers
    assert (pps.cabac, pps.weighted_pred, sps.poc_type) == (cabac, weighted, poc_type)
    assert len(pictures) == 99
    assert _strictly_decoded_frames(video) == 100
    # every frame is the IDR picture as a decoder shows it on its own, byte for byte
    assert decoded_md5(video) == decoded_md5(lone) * 100
    assert max(map(len, pictures)) < 40  # bytes: a 6 × 4 macroblock picture of skips


def test_the_wrapping_case_wraps_frame_num_and_picture_order() -> None:
    """keyint 10 gives x264 4-bit frame numbers and 6-bit picture order counts, so 99
    repeats pass both wrap-arounds (the decode above checks they are followed)."""
    import av

    stream = av.open("/dev/null", "w", format="mp4").add_stream(
        "libx264", rate=60, options={"preset": "medium", "x264-params": "keyint=10"}
    )
    stream.pix_fmt, stream.width, stream.height = "yuv420p", WIDTH, HEIGHT
    stream.codec_context.open()
    [sps] = ParameterSets.read(bytes(stream.codec_context.extradata)).sps.values()
    assert (1 << sps.log2_max_frame_num) < 99 and (1 << sps.log2_max_poc_lsb) < 2 * 99


def test_an_interlaced_stream_gets_no_repeats(tmp_path: Path) -> None:
    container, stream = _stream(tmp_path / "interlaced.mp4", {"x264-params": "interlaced=1"})
    stream.codec_context.open()
    extradata = bytes(stream.codec_context.extradata)
    container.close()
    assert not ParameterSets.read(extradata).usable()
    assert repeat_pictures(extradata, extradata, 3) is None  # no IDR picture, no parameter sets


def test_nal_units_are_read_from_annex_b_and_from_an_avcc_record() -> None:
    sps, pps, sei = b"\x67\x64\x00\x1f\xac", b"\x68\xeb\xe3\xcb", b"\x06\x05\x01\x80"
    annex_b = b"\x00\x00\x00\x01" + sps + b"\x00\x00\x01" + pps + b"\x00\x00\x00\x01" + sei
    assert nal_units(annex_b) == [sps, pps, sei]
    avcc = bytes([1, 0x64, 0, 0x1F, 0xFF, 0xE1, 0, len(sps)]) + sps + bytes([1, 0, len(pps)]) + pps
    assert nal_units(avcc) == [sps, pps]
