"""Running ffmpeg and ffprobe: one place that decides whether a run failed.

ffmpeg exits 0 even when it could not finish writing its output (a full disk: "Error writing
trailer … No space left on device"), so a run fails on a non-zero exit *or* on such a message.
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence

__all__ = ["FFmpegError", "run"]

#: messages ffmpeg prints, exiting 0, when the output it wrote is incomplete
WRITE_FAILURES = (
    "Error writing trailer",
    "Error closing file",
    "No space left on device",
    "Error submitting a packet to the muxer",
)


class FFmpegError(RuntimeError):
    """ffmpeg or ffprobe failed; the message ends with the tail of its stderr."""


def run(args: Sequence[str], what: str) -> subprocess.CompletedProcess[bytes]:
    """Run ``args`` (an ffmpeg or ffprobe command line); raise :class:`FFmpegError` saying
    ``what`` failed, with the end of its stderr, on a non-zero exit or an incomplete write."""
    result = subprocess.run(list(args), capture_output=True)
    stderr = result.stderr.decode("utf-8", "replace")
    incomplete = next((m for m in WRITE_FAILURES if m in stderr), None)
    if result.returncode or incomplete:
        lines = [line for line in stderr.strip().splitlines() if line.strip()]
        tail = "\n".join(lines[-6:])[-1500:]
        status = f"exit {result.returncode}" if result.returncode else "output incomplete"
        raise FFmpegError(f"{what} failed ({status}): {tail}")
    return result
