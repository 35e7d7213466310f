"""Cutting one scene into parts at beat boundaries, so several workers render it at once
(no manim import here).

A part draws the plays ``[first, upto)`` of its scene. Everything before ``first`` is
*stepped*: every frame's time is advanced, animations interpolated and updaters run exactly
as when drawing, but nothing is drawn or encoded, so the part starts drawing from the very
state a single render reaches there (:mod:`mathviz.render.play_range`). Manim writes every
play as its own movie anyway; the parts' movies are joined by stream copy into the segment,
frame for frame the movie one worker would have written.

Where to cut comes from what is known of the scene's plays: its latest rendered report, or
its last check (:func:`known_plays`). The cuts balance an estimate of each part's work
(:func:`part_costs`): drawing and encoding its own plays, plus stepping through the plays
before them.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from mathviz.checkpoints import PlayRecord
from mathviz.course import Chapter
from mathviz.ffmpeg import FFmpegError
from mathviz.render.assemble import concat
from mathviz.render.profiles import Profile
from mathviz.render.segments import (
    TMP_MARK,
    SegmentJob,
    SegmentResult,
    segment_dir,
    store_failed,
    store_segment,
)

__all__ = [
    "STILL_COST",
    "STEP_COST",
    "MIN_PART_SECONDS",
    "MIN_CUT_PIXELS",
    "beat_cuts",
    "part_costs",
    "best_cuts",
    "known_plays",
    "split_jobs",
    "join_parts",
    "discard_parts",
]

#: a second of a held (still) play costs this much of a second of a moving one to render:
#: drawn once and converted once. Measured while x264 still encoded every frame of a held
#: play (about a third of a moving frame's work at 1080p60); now x264 encodes it once and
#: the rest are repeated pictures, so it costs less, but a lower figure (0.05) moves no cut
#: of 6.3 and is not measured, so this one stays
STILL_COST = 0.3
#: a second of a moving play costs this much of its rendering to step without drawing
#: (animations and updaters run, nothing is drawn, converted or encoded)
STEP_COST = 0.25
#: a part shorter than this (seconds of moving video) is not worth a worker of its own
MIN_PART_SECONDS = 4.0
#: scenes are cut only for profiles whose frames have at least this many pixels. Stepping
#: a play costs about what drawing it costs when frames are small, and one worker's encoder
#: already keeps a second core busy: chapter 6.3 at 854×480 took 0.98 (0.89–1.02) of its
#: whole render's wall time when cut over 2 workers, no real gain; at 1920×1080 0.82–0.89
#: (``benchmarks/RESULTS.md``, sections cut, chapter and cluster)
MIN_CUT_PIXELS = 1920 * 1080


def beat_cuts(plays: Sequence[PlayRecord]) -> list[int]:
    """Indices of the plays that begin a new beat (or leave one): where a scene may be cut.
    Index 0 is never a cut."""
    return [i for i in range(1, len(plays)) if plays[i].beat != plays[i - 1].beat]


def _render_cost(play: PlayRecord) -> float:
    seconds = max(play.end - play.start, 0.0)
    return seconds if play.moving else STILL_COST * seconds


def _step_cost(play: PlayRecord) -> float:
    return STEP_COST * max(play.end - play.start, 0.0) if play.moving else 0.0


def part_costs(plays: Sequence[PlayRecord], cuts: Sequence[int]) -> list[float]:
    """Estimated work of each part when the scene is cut before the plays ``cuts``: its own
    plays drawn, every play before them stepped."""
    bounds = [0, *cuts, len(plays)]
    return [
        sum(_step_cost(p) for p in plays[:first]) + sum(_render_cost(p) for p in plays[first:upto])
        for first, upto in zip(bounds, bounds[1:], strict=False)
    ]


def best_cuts(plays: Sequence[PlayRecord], parts: int) -> list[int]:
    """The ``parts - 1`` beat boundaries that make the costliest part cheapest (fewer when
    the scene has fewer beats); dynamic programming over the boundaries."""
    candidates = beat_cuts(plays)
    parts = min(parts, len(candidates) + 1)
    if parts <= 1:
        return []
    step = [0.0]
    render = [0.0]
    for play in plays:
        step.append(step[-1] + _step_cost(play))
        render.append(render[-1] + _render_cost(play))

    def cost(first: int, upto: int) -> float:
        return step[first] + render[upto] - render[first]

    points = [0, *candidates]
    end = len(plays)
    # best[k][i]: the least possible costliest part when the first k parts cover plays
    # [0, points[i]) and the next part starts at points[i]
    best = [[math.inf] * len(points) for _ in range(parts)]
    back = [[-1] * len(points) for _ in range(parts)]
    best[0][0] = 0.0
    for k in range(1, parts):
        for i in range(1, len(points)):
            for j in range(i):
                if best[k - 1][j] == math.inf:
                    continue
                worst = max(best[k - 1][j], cost(points[j], points[i]))
                if worst < best[k][i]:
                    best[k][i], back[k][i] = worst, j
    last = parts - 1
    finish = min(
        range(len(points)),
        key=lambda i: (max(best[last][i], cost(points[i], end)), i),
    )
    cuts, k, i = [], last, finish
    while k > 0:
        cuts.append(points[i])
        i, k = back[k][i], k - 1
    return sorted(cuts)


def known_plays(chapter: Chapter, profile: Profile, scene: str) -> list[PlayRecord]:
    """The scene's plays as last seen: from its latest rendered report in this profile (any
    fingerprint), else from the chapter's last check; empty when it was never run. Only a
    plan: a cut that no longer falls where expected still joins frame for frame."""
    folder = segment_dir() / profile.name / chapter.output_stem
    reports = sorted(folder.glob(f"{scene}.*.json"), key=lambda p: p.stat().st_mtime)
    for path in reversed(reports):
        if TMP_MARK in path.name:
            continue
        plays = _plays_in(path, None)
        if plays:
            return plays
    from mathviz.state import state_dir

    return _plays_in(state_dir() / f"{chapter.id}.reports.json", scene)


def _plays_in(path: Path, scene: str | None) -> list[PlayRecord]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if scene is not None:
            data = next(r for r in data["reports"] if r.get("scene") == scene)
        return [PlayRecord(float(a), float(b), bool(m), beat) for a, b, m, beat in data["plays"]]
    except (OSError, ValueError, KeyError, TypeError, StopIteration):
        return []


def split_jobs(
    jobs: Sequence[SegmentJob],
    workers: int,
    plays_of: dict[str, list[PlayRecord]],
    owner: int | None = None,
) -> list[SegmentJob]:
    """The jobs to run on ``workers`` workers: as they are when there are enough of them to
    keep every worker busy; else the costliest are cut into parts (one more part at a time
    to the job whose costliest part is the most expensive) until every worker has one. Only
    jobs whose frames have :data:`MIN_CUT_PIXELS` or more are cut.

    Parameters
    ----------
    plays_of
        Each job's known plays by label (:func:`known_plays`); a job without any is not cut.
    owner
        The build's process id, written into the parts' temporary movie names (so a build
        killed outright leaves nothing another build mistakes for its own).
    """
    cuts: dict[str, list[int]] = {job.label: [] for job in jobs}  # a job's parts: cuts + 1
    cuttable = [j for j in jobs if j.profile.width * j.profile.height >= MIN_CUT_PIXELS]

    def worst(job: SegmentJob) -> float:
        plays = plays_of.get(job.label) or []
        return max(part_costs(plays, cuts[job.label])) if plays else 0.0

    while sum(len(c) + 1 for c in cuts.values()) < workers:
        for job in sorted(cuttable, key=worst, reverse=True):
            plays = plays_of.get(job.label) or []
            trial = best_cuts(plays, len(cuts[job.label]) + 2)
            if len(trial) > len(cuts[job.label]) and _long_enough(plays, trial):
                cuts[job.label] = trial
                break
        else:
            break
    pid = owner if owner is not None else os.getpid()
    out: list[SegmentJob] = []
    for job in jobs:
        bounds = cuts[job.label]
        if not bounds:
            out.append(job)
            continue
        plays = plays_of[job.label]
        firsts, uptos = [0, *bounds], [*bounds, None]
        n = len(firsts)
        for k, (first, upto) in enumerate(zip(firsts, uptos, strict=True), start=1):
            start = plays[first].start
            end = plays[upto - 1].end if upto is not None else plays[-1].end
            out.append(
                replace(
                    job,
                    plays=(first, upto),
                    part=(k, n),
                    part_video=job.video.with_name(f"{job.video.name}{TMP_MARK}{pid}-part{k}"),
                    log=job.log.with_name(f"{job.log.stem}.part{k}{job.log.suffix}"),
                    expected_duration=max(end - start, 0.0),
                )
            )
    return out


def _long_enough(plays: Sequence[PlayRecord], cuts: Sequence[int]) -> bool:
    bounds = [0, *cuts, len(plays)]
    return all(
        sum(p.end - p.start for p in plays[a:b] if p.moving) >= MIN_PART_SECONDS
        for a, b in zip(bounds, bounds[1:], strict=False)
    )


def join_parts(whole: SegmentJob, results: Sequence[SegmentResult]) -> SegmentResult:
    """The result of the scene ``whole`` from the results of all its parts: their movies
    joined by stream copy into the segment cache, with the last part's report (it stepped
    through every earlier play, so it holds every checkpoint). A failure is the last part's
    when it failed (the scene's own verdict), else the first failing part's. The parts'
    movies are removed either way."""
    ordered = sorted(results, key=lambda r: r.job.part[0] if r.job.part else 0)
    last = ordered[-1]
    combined = SegmentResult(
        whole,
        False,
        report=last.report,
        seconds=sum(r.seconds for r in ordered),
        frames=sum(r.frames for r in ordered),
        peak_rss_mb=max(r.peak_rss_mb for r in ordered),
    )
    combined.extra["parts"] = [
        {"plays": list(r.job.plays or ()), "seconds": r.seconds, "frames": r.frames}
        for r in ordered
    ]
    drawn = [r for r in ordered if r.frames and r.job.part_video is not None]
    videos = [r.job.part_video for r in drawn if r.job.part_video is not None]
    lengths = [r.frames / whole.profile.fps for r in drawn]
    joined = whole.video.with_name(
        f"{whole.video.name}{TMP_MARK}{os.getpid()}-joined.{whole.container}"
    )
    try:
        failed = [r for r in ordered if not r.ok]
        if failed:
            # the last part's failure is the scene's verdict; a part that was never started
            # (--fail-fast) says nothing about the scene
            real = [r for r in failed if r.failure != "cancelled"] or failed
            chosen = last if last in real else real[0]
            combined.job = replace(whole, log=chosen.job.log)  # the log that tells
            combined.failure, combined.message = chosen.failure, chosen.message
            combined.details = chosen.details
            kept = chosen is last and last.failure == "checkpoints" and len(failed) == 1
            if kept and whole.keep_failed and last.report is not None:
                concat(videos, joined, lengths)  # every part drew: the scene is there to review
                store_failed(whole, joined, last.report)
            return combined
        assert last.report is not None
        frames = round(last.report.duration * whole.profile.fps)
        if combined.frames != frames:
            combined.failure = "scene"
            combined.message = (
                f"the parts drew {combined.frames} frames but the scene lasts {frames}; "
                f"render it with -j 1 and report this"
            )
            return combined
        concat(videos, joined, lengths)
        store_segment(whole, joined, last.report)
        combined.ok = True
    except (OSError, FFmpegError) as exc:
        combined.failure = "scene"
        combined.message = f"joining the parts of {whole.label} failed: {exc}"
    finally:
        discard_parts([r.job for r in ordered])
        joined.unlink(missing_ok=True)
        joined.with_suffix(".txt").unlink(missing_ok=True)
    return combined


def discard_parts(jobs: Sequence[SegmentJob]) -> None:
    """Delete the parts' temporary movies (an interrupted build, or parts joined)."""
    for job in jobs:
        if job.part_video is not None:
            job.part_video.unlink(missing_ok=True)
