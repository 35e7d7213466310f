"""H.264 pictures that repeat the picture before them: a still stretch encoded once.

x264 spends about the same CPU time on a frame whatever it shows (≈ 8 ms at 1080p on this
machine, a held frame as much as a moving one), so a lecture's waits cost the encoder as much
as its animations. A P picture whose macroblocks are all skipped, with motion vector zero
(every neighbour of a skipped macroblock is skipped or outside the picture) and deblocking
off, decodes to an exact copy of the picture it refers to. Written by hand after x264's one
IDR picture of a still segment, it costs a few microseconds instead of x264's milliseconds,
and the decoded frames are the IDR's, byte for byte (``tests/test_h264_repeat.py``).

Only the syntax H.264 (ITU-T H.264, 7.3) needs for such a picture is written: a slice
header read against the stream's own sequence and picture parameter sets, then the slice
data — ``mb_skip_run`` under CAVLC, or the arithmetic-coded skip and end-of-slice flags
under CABAC (9.3.4). Streams this module cannot follow (interlaced, slice groups, separate
colour planes, picture order count type 1) get no repeats: :func:`repeat_pictures` returns
None and the caller encodes the frames as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

__all__ = ["ParameterSets", "repeat_pictures", "nal_units"]

#: NAL unit types (Table 7-1): coded slice of a non-IDR picture, of an IDR picture, SPS, PPS
_SLICE, _IDR, _SPS, _PPS = 1, 5, 7, 8
#: nal_ref_idc of the repeats: reference pictures, so each repeat refers to the one before
#: and the picture order count's wrap-around is followed from one to the next (8.2.1.1)
_REFERENCE = 2
#: slice_type 5: P, and every slice of the picture is P (Table 7-6)
_P_ALL = 5
#: the quantiser the repeats declare: they code no residual, only CABAC's start reads it
_REPEAT_QP = 26
#: profiles whose SPS carries chroma format, bit depths and scaling lists (7.3.2.1.1)
_HIGH_PROFILES = frozenset((100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135))
_START_CODE = b"\x00\x00\x00\x01"

# Table 9-44, rangeTabLPS by pStateIdx (rows) and qCodIRangeIdx (columns)
_RANGE_LPS = (
    (128, 176, 208, 240), (128, 167, 197, 227), (128, 158, 187, 216), (123, 150, 178, 205),
    (116, 142, 169, 195), (111, 135, 160, 185), (105, 128, 152, 175), (100, 122, 144, 166),
    (95, 116, 137, 158), (90, 110, 130, 150), (85, 104, 123, 142), (81, 99, 117, 135),
    (77, 94, 111, 128), (73, 89, 105, 122), (69, 85, 100, 116), (66, 80, 95, 110),
    (62, 76, 90, 104), (59, 72, 86, 99), (56, 69, 81, 94), (53, 65, 77, 89),
    (51, 62, 73, 85), (48, 59, 69, 80), (46, 56, 66, 76), (43, 53, 63, 72),
    (41, 50, 59, 69), (39, 48, 56, 65), (37, 45, 54, 62), (35, 43, 51, 59),
    (33, 41, 48, 56), (32, 39, 46, 53), (30, 37, 43, 50), (29, 35, 41, 48),
    (27, 33, 39, 45), (26, 31, 37, 43), (24, 30, 35, 41), (23, 28, 33, 39),
    (22, 27, 32, 37), (21, 26, 30, 35), (20, 24, 29, 33), (19, 23, 27, 31),
    (18, 22, 26, 30), (17, 21, 25, 28), (16, 20, 23, 27), (15, 19, 22, 25),
    (14, 18, 21, 24), (14, 17, 20, 23), (13, 16, 19, 22), (12, 15, 18, 21),
    (12, 14, 17, 20), (11, 14, 16, 19), (11, 13, 15, 18), (10, 12, 15, 17),
    (10, 12, 14, 16), (9, 11, 13, 15), (9, 11, 12, 14), (8, 10, 12, 14),
    (8, 9, 11, 13), (7, 9, 11, 12), (7, 9, 10, 12), (7, 8, 10, 11),
    (6, 8, 9, 11), (6, 7, 9, 10), (6, 7, 8, 9), (2, 2, 2, 2),
)  # fmt: skip
# Table 9-45, transIdxLPS by pStateIdx (transIdxMPS is pStateIdx + 1, at most 62)
_NEXT_AFTER_LPS = (
    0, 0, 1, 2, 2, 4, 4, 5, 6, 7, 8, 9, 9, 11, 11, 12, 13, 13, 15, 15, 16, 16, 18, 18, 19,
    19, 21, 21, 22, 22, 23, 24, 24, 25, 26, 26, 27, 27, 28, 29, 29, 30, 30, 30, 31, 32, 32,
    33, 33, 33, 34, 34, 35, 35, 35, 36, 36, 36, 37, 37, 37, 38, 38, 63,
)  # fmt: skip
#: Table 9-13, (m, n) of ctxIdx 11 at cabac_init_idc 0: mb_skip_flag in a P slice when
#: neither neighbour is a coded macroblock (ctxIdxInc 0, 9.3.3.1.1.1)
_SKIP_FLAG_CONTEXT = (23, 33)


class _Bits:
    """A bit string read MSB first from an RBSP (a NAL unit's payload without emulation
    prevention bytes): fixed-width and Exp-Golomb codes (7.2, 9.1)."""

    __slots__ = ("_at", "_size", "_value")

    def __init__(self, rbsp: bytes) -> None:
        self._value = int.from_bytes(rbsp, "big")
        self._size = 8 * len(rbsp)
        self._at = 0

    def u(self, width: int) -> int:
        if width == 0:
            return 0
        if self._at + width > self._size:
            raise ValueError("the parameter set ends early")
        self._at += width
        return (self._value >> (self._size - self._at)) & ((1 << width) - 1)

    def ue(self) -> int:
        zeros = 0
        while self.u(1) == 0:
            zeros += 1
            if zeros > 31:
                raise ValueError("an Exp-Golomb code longer than 32 bits")
        return (1 << zeros) - 1 + self.u(zeros)

    def se(self) -> int:
        code = self.ue()
        return (code + 1) // 2 if code % 2 else -(code // 2)


class _BitWriter:
    """Bits appended MSB first, as a string of '0' and '1' (a slice is a few hundred bits)."""

    __slots__ = ("bits",)

    def __init__(self) -> None:
        self.bits: list[str] = []

    def u(self, width: int, value: int) -> None:
        if width:
            self.bits.append(format(value, f"0{width}b"))

    def ue(self, value: int) -> None:
        code = format(value + 1, "b")
        self.bits.append("0" * (len(code) - 1) + code)

    def se(self, value: int) -> None:
        self.ue(2 * value - 1 if value > 0 else -2 * value)

    def __len__(self) -> int:
        return sum(map(len, self.bits))


def _rbsp(nal: bytes) -> bytes:
    """A NAL unit's payload (after its one-byte header) without emulation prevention bytes."""
    out = bytearray()
    zeros = 0
    for byte in nal[1:]:
        if zeros >= 2 and byte == 3:
            zeros = 0
            continue
        out.append(byte)
        zeros = zeros + 1 if byte == 0 else 0
    return bytes(out)


def _nal(header: int, bits: str) -> bytes:
    """A NAL unit, start code first, of ``header`` and the RBSP ``bits`` (already ending in
    its stop bit; zero-padded to a byte), with emulation prevention bytes (7.4.1)."""
    bits += "0" * (-len(bits) % 8)
    rbsp = int(bits, 2).to_bytes(len(bits) // 8, "big")
    out = bytearray(_START_CODE)
    out.append(header)
    zeros = 0
    for byte in rbsp:
        if zeros >= 2 and byte <= 3:
            out.append(3)
            zeros = 0
        out.append(byte)
        zeros = zeros + 1 if byte == 0 else 0
    return bytes(out)


def nal_units(data: bytes) -> list[bytes]:
    """The NAL units (header byte first, no start code or length) of an Annex B byte stream
    or of an ``avcC`` record (what a codec's extradata holds)."""
    if data[:1] == b"\x01" and len(data) > 6:  # avcC: version 1, then SPS and PPS lists
        units, at = [], 6
        for count_mask in (0x1F, 0xFF):
            count = data[at - 1] & count_mask
            for _ in range(count):
                size = int.from_bytes(data[at : at + 2], "big")
                units.append(data[at + 2 : at + 2 + size])
                at += 2 + size
            at += 1
        return units
    units = []
    for chunk in data.split(b"\x00\x00\x01"):
        chunk = chunk.rstrip(b"\x00")  # a 4-byte start code's first byte, trailing zeros
        if chunk:
            units.append(chunk)
    return units


@dataclass(frozen=True)
class _Sps:
    chroma_array_type: int
    log2_max_frame_num: int
    poc_type: int
    log2_max_poc_lsb: int
    macroblocks: int


@dataclass(frozen=True)
class _Pps:
    sps_id: int
    cabac: bool
    bottom_field_poc: bool
    weighted_pred: bool
    pic_init_qp: int
    deblocking_control: bool
    redundant_pic_cnt: bool


def _skip_scaling_list(bits: _Bits, size: int) -> None:
    last = following = 8
    for _ in range(size):
        if following:
            following = (last + bits.se() + 256) % 256
        last = following or last


def _parse_sps(nal: bytes) -> tuple[int, _Sps] | None:
    """An SPS's id and the fields a slice header depends on; None where repeats cannot be
    written (interlaced pictures, separate colour planes, picture order count type 1)."""
    bits = _Bits(_rbsp(nal))
    profile = bits.u(8)
    bits.u(16)  # constraint flags, reserved bits, level
    sps_id = bits.ue()
    chroma_format = 1
    if profile in _HIGH_PROFILES:
        chroma_format = bits.ue()
        if chroma_format == 3 and bits.u(1):
            return None  # separate colour planes: three slices a picture
        bits.ue()  # bit depths
        bits.ue()
        bits.u(1)  # qpprime_y_zero_transform_bypass_flag
        if bits.u(1):
            for i in range(8 if chroma_format != 3 else 12):
                if bits.u(1):
                    _skip_scaling_list(bits, 16 if i < 6 else 64)
    log2_max_frame_num = bits.ue() + 4
    poc_type = bits.ue()
    log2_max_poc_lsb = bits.ue() + 4 if poc_type == 0 else 0
    if poc_type == 1:
        return None
    bits.ue()  # max_num_ref_frames
    bits.u(1)  # gaps_in_frame_num_value_allowed_flag
    width = bits.ue() + 1
    height = bits.ue() + 1
    if not bits.u(1):  # frame_mbs_only_flag
        return None
    sps = _Sps(chroma_format, log2_max_frame_num, poc_type, log2_max_poc_lsb, width * height)
    return sps_id, sps


def _parse_pps(nal: bytes) -> tuple[int, _Pps] | None:
    """A PPS's id and the fields a slice header depends on; None for slice groups."""
    bits = _Bits(_rbsp(nal))
    pps_id, sps_id = bits.ue(), bits.ue()
    cabac, bottom_field_poc = bool(bits.u(1)), bool(bits.u(1))
    if bits.ue():  # num_slice_groups_minus1
        return None
    bits.ue()  # num_ref_idx_l0_default_active_minus1
    bits.ue()  # num_ref_idx_l1_default_active_minus1
    weighted_pred = bool(bits.u(1))
    bits.u(2)  # weighted_bipred_idc
    pic_init_qp = 26 + bits.se()
    bits.se()  # pic_init_qs_minus26
    bits.se()  # chroma_qp_index_offset
    deblocking_control = bool(bits.u(1))
    bits.u(1)  # constrained_intra_pred_flag
    redundant = bool(bits.u(1))
    pps = _Pps(sps_id, cabac, bottom_field_poc, weighted_pred, pic_init_qp, deblocking_control, redundant)  # fmt: skip
    return pps_id, pps


@dataclass(frozen=True)
class ParameterSets:
    """A stream's sequence and picture parameter sets, by id, as far as repeats need them."""

    sps: dict[int, _Sps]
    pps: dict[int, _Pps]

    @classmethod
    def read(cls, *chunks: bytes) -> ParameterSets:
        """The parameter sets found in ``chunks`` (extradata, packets); unusable ones left out."""
        sps: dict[int, _Sps] = {}
        pps: dict[int, _Pps] = {}
        for chunk in chunks:
            for nal in nal_units(chunk):
                kind = nal[0] & 0x1F
                try:
                    if kind == _SPS and (parsed_sps := _parse_sps(nal)) is not None:
                        sps[parsed_sps[0]] = parsed_sps[1]
                    elif kind == _PPS and (parsed_pps := _parse_pps(nal)) is not None:
                        pps[parsed_pps[0]] = parsed_pps[1]
                except ValueError:
                    continue
        return cls(sps, pps)

    def usable(self) -> bool:
        """Whether a picture parameter set refers to a sequence parameter set read here: the
        stream is one repeats can follow (as far as its parameter sets tell)."""
        return any(pps.sps_id in self.sps for pps in self.pps.values())


def _idr_slice_start(nal: bytes, sets: ParameterSets) -> tuple[int, _Sps, _Pps, int, int] | None:
    """An IDR slice's PPS id, parameter sets, frame_num and pic_order_cnt_lsb."""
    bits = _Bits(_rbsp(nal[:64]))
    bits.ue()  # first_mb_in_slice
    bits.ue()  # slice_type
    pps_id = bits.ue()
    pps = sets.pps.get(pps_id)
    sps = sets.sps.get(pps.sps_id) if pps is not None else None
    if pps is None or sps is None:
        return None
    frame_num = bits.u(sps.log2_max_frame_num)
    bits.ue()  # idr_pic_id
    poc_lsb = bits.u(sps.log2_max_poc_lsb) if sps.poc_type == 0 else 0
    return pps_id, sps, pps, frame_num, poc_lsb


@lru_cache(maxsize=8)
def _cabac_skips(macroblocks: int, qp: int) -> str:
    """The arithmetic-coded slice data of ``macroblocks`` skipped macroblocks (9.3.4): for
    each, mb_skip_flag 1 (ctxIdx 11) and end_of_slice_flag (0, and 1 after the last), then
    the flush, whose last bit is the RBSP stop bit."""
    m, n = _SKIP_FLAG_CONTEXT
    state = max(1, min(126, ((m * max(0, min(51, qp))) >> 4) + n))
    state, mps = (63 - state, 0) if state <= 63 else (state - 64, 1)
    low, span, outstanding, first = 0, 510, 0, True
    out: list[str] = []

    def put(bit: int) -> None:
        nonlocal first, outstanding
        if first:
            first = False
        else:
            out.append("1" if bit else "0")
        if outstanding:
            out.append(("0" if bit else "1") * outstanding)
            outstanding = 0

    def renormalise() -> None:
        nonlocal low, span, outstanding
        while span < 256:
            if low < 256:
                put(0)
            elif low >= 512:
                low -= 512
                put(1)
            else:
                low -= 256
                outstanding += 1
            span <<= 1
            low <<= 1

    for index in range(macroblocks):
        lps = _RANGE_LPS[state][(span >> 6) & 3]
        span -= lps
        if mps == 1:  # the bin is 1: the most probable symbol
            state = min(state + 1, 62)
        else:
            low += span
            span = lps
            if state == 0:
                mps = 1
            state = _NEXT_AFTER_LPS[state]
        renormalise()
        span -= 2  # end_of_slice_flag, a terminating bin (9.3.4.5)
        if index < macroblocks - 1:
            renormalise()
    low += span
    span = 2
    renormalise()
    put((low >> 9) & 1)
    out.append(format(((low >> 7) & 3) | 1, "02b"))
    return "".join(out)


def _repeat_slice(sps: _Sps, pps: _Pps, pps_id: int, frame_num: int, poc_lsb: int) -> bytes:
    """One repeat: a reference P picture of one slice, every macroblock skipped (7.3.3)."""
    bits = _BitWriter()
    bits.ue(0)  # first_mb_in_slice
    bits.ue(_P_ALL)
    bits.ue(pps_id)
    bits.u(sps.log2_max_frame_num, frame_num)
    if sps.poc_type == 0:
        bits.u(sps.log2_max_poc_lsb, poc_lsb)
        if pps.bottom_field_poc:
            bits.se(0)  # delta_pic_order_cnt_bottom
    if pps.redundant_pic_cnt:
        bits.ue(0)
    bits.u(1, 1)  # num_ref_idx_active_override_flag: one reference, the picture before
    bits.ue(0)
    bits.u(1, 0)  # ref_pic_list_modification_flag_l0
    if pps.weighted_pred:  # pred_weight_table: default weights
        bits.ue(0)
        if sps.chroma_array_type:
            bits.ue(0)
        bits.u(1, 0)
        if sps.chroma_array_type:
            bits.u(1, 0)
    bits.u(1, 0)  # dec_ref_pic_marking: adaptive_ref_pic_marking_mode_flag (sliding window)
    if pps.cabac:
        bits.ue(0)  # cabac_init_idc
    bits.se(_REPEAT_QP - pps.pic_init_qp)
    if pps.deblocking_control:
        bits.ue(1)  # disable_deblocking_filter_idc: off (nothing would be filtered anyway)
    if pps.cabac:
        bits.bits.append("1" * (-len(bits) % 8))  # cabac_alignment_one_bit
        bits.bits.append(_cabac_skips(sps.macroblocks, _REPEAT_QP))
    else:
        bits.ue(sps.macroblocks)  # mb_skip_run
        bits.bits.append("1")  # rbsp_stop_one_bit
    return _nal((_REFERENCE << 5) | _SLICE, "".join(bits.bits))


def repeat_pictures(idr_packet: bytes, extradata: bytes, count: int) -> list[bytes] | None:
    """``count`` pictures, in Annex B, each repeating the picture before it, to follow the
    one-picture stream whose only packet is ``idr_packet`` (an IDR picture); None when the
    stream is one these pictures cannot follow."""
    nals = nal_units(idr_packet)
    sets = ParameterSets.read(extradata, idr_packet)
    idr = next((nal for nal in nals if nal and nal[0] & 0x1F == _IDR), None)
    if idr is None:
        return None
    try:
        start = _idr_slice_start(idr, sets)
    except ValueError:
        return None
    if start is None:
        return None
    pps_id, sps, pps, frame_num, poc_lsb = start
    max_frame_num, max_poc_lsb = 1 << sps.log2_max_frame_num, 1 << sps.log2_max_poc_lsb
    return [
        _repeat_slice(
            sps, pps, pps_id, (frame_num + k) % max_frame_num, (poc_lsb + 2 * k) % max_poc_lsb
        )
        for k in range(1, count + 1)
    ]
