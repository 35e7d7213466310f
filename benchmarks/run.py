"""Measure mathviz against plain Manim, side by side in one run, and write RESULTS.md.

Run from a checkout (after ``bash scripts/setup.sh test``)::

    .venv/bin/python benchmarks/run.py                 # everything (~30–40 min on 2 cores)
    .venv/bin/python benchmarks/run.py --only noop,check

Sections (``--only`` takes a comma list):

``encoder``  x264 presets/crf/tune/subme on a lossless excerpt of a lecture (1080p60 and 4K60):
             encode time, file size, SSIM against the lossless frames; picks the fastest
             setting with SSIM ≥ 0.98 and size ≤ 110 % of Manim's default (medium, crf 23).
``readout``  a live number's update, Manim's DecimalNumber vs mathviz's LiveDecimal, against
             the time to draw one 1080p lecture frame.
``chapter``  one chapter through ``mathviz render`` vs plain ``manim render -qh`` of the same
             scene file (1080p60): one warm-up run each, then 3 alternated pairs; medians and
             ranges of wall and CPU time and of the ratio, SSIM against manim's video, and
             the end-to-end frame rate against an ffmpeg-only encode of the same frames.
``encode``   one chapter in one worker at 1080p60 and at preview: this design's writing path
             (x264 on its own thread, only changed rows converted) vs the previous design
             (a git worktree of ``ENCODE_BASELINE``), 3 alternated pairs each.
``stills``   one chapter in one worker at 1080p60: segments of one picture encoded by x264
             once and repeated by hand-written skipped pictures, and changed rows converted
             in finer blocks, vs the design before (``STILLS_BASELINE``), 3 alternated pairs.
``profile``  where one 1080p60 chapter render's time goes (py-spy samples of every thread,
             in categories: drawing, updaters, checks, conversion and x264, waiting …).
``parallel`` ``mathviz render all -j 2`` vs ``-j 1`` at preview, from cold caches.
``cut``      one chapter at 854×480 whole vs cut at beats over 2 workers (the rule that
             small frames are not cut lifted).
``cluster``  one chapter at 1920×1080 whole vs cut at beats over 2 workers; a level at preview with
             ``-j 1``, ``-j 2`` and ``--cluster`` (a ``dask scheduler`` and 2 ``dask worker``
             processes); the makespan projected on 4/16/64 workers from per-scene times.
``noop``     no-op rebuild of every rendered chapter vs Manim's cached re-render of the same
             scenes.
``check``    ``mathviz check all -j 2`` from empty caches against the previous design (a git
             worktree of ``CHECK_BASELINE``), alternated; then warm and unchanged.
``voice``    the narration: Piper's synthesis real-time factor on this machine, the whole
             course's speech from a cold and from a warm voice cache, and what the voice adds
             to rendering one chapter (``--voice default`` vs ``--voice none``, alternated).
``track``    a rebuild of one chapter whose segments are all cached, its mastered voice track
             reused vs mastered again, alternated.
``install``  what ``scripts/setup.sh`` spends installing the project into a new virtualenv:
             pip alone vs uv, alternated, from empty download caches and from filled ones.

Peak memory per worker comes from the builds' ``--report`` files. Only public tools are used
(manim, ffmpeg, ffprobe, pip, uv); every figure is printed and written with its goal.
"""

from __future__ import annotations

import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
MATHVIZ = str(BIN / "mathviz")
MANIM = str(BIN / "manim")
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
STORE = ROOT / "benchmarks" / "results.json"
CHAPTER = "6.3"
CHAPTER_FILE = ROOT / "scenes" / "ch6_3_gradients.py"
CHAPTER_SCENE = "Gradients"
CLUSTER_LEVEL = "0"  # the level the cluster section builds (MATHVIZ_BENCH_LEVEL overrides)
CHAPTER_PAIRS = 3  # alternated mathviz/manim pairs after one warm-up run of each
EXCERPT = (30.0, 20.0)  # start, length (s) of the lecture excerpt the encoder is tuned on
EXCERPT_4K = 8.0  # seconds of the same excerpt rendered at 4K
#: (preset, crf, tune, subme): x264's own subme for the preset where None
CANDIDATES = [
    ("medium", "23", None, None),  # Manim's default: the baseline
    ("ultrafast", "23", None, None),
    ("superfast", "23", None, None),
    ("veryfast", "23", None, None),
    ("veryfast", "23", None, "1"),  # veryfast's subme is 2
    ("veryfast", "21", None, None),
    ("veryfast", "23", "animation", None),
    ("faster", "23", None, None),
    ("fast", "23", None, None),
    ("superfast", "20", None, None),
    ("veryfast", "20", "animation", None),
]


# --- helpers ---------------------------------------------------------------------------------
def run(cmd: list[str], *, env: dict | None = None, cwd: Path | None = None) -> float:
    """Run ``cmd``; return its wall time. Raise with its stderr tail if it fails."""
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    return seconds


def env_with(**extra: str) -> dict:
    env = os.environ.copy()
    env.update(extra)
    return env


def probe(path: Path) -> dict:
    out = subprocess.run(
        [
            "ffprobe",
            "-v",
            "error",
            "-select_streams",
            "v:0",
            "-count_packets",
            "-show_entries",
            "stream=nb_read_packets,width,height,r_frame_rate",
            "-show_entries",
            "format=duration",
            "-of",
            "json",
            str(path),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    data = json.loads(out.stdout)
    stream = data["streams"][0]
    return {
        "frames": int(stream["nb_read_packets"]),
        "width": stream["width"],
        "height": stream["height"],
        "duration": float(data["format"]["duration"]),
    }


def ffmpeg_ssim(inputs: list[str], graph: str) -> float:
    """The mean SSIM ffmpeg's ``graph`` (an ssim filter) reports over ``inputs``."""
    out = subprocess.run(
        ["ffmpeg", "-v", "info", *inputs, "-lavfi", graph, "-f", "null", "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    match = re.search(r"All:([0-9.]+)", out.stderr)
    if not match:
        raise RuntimeError(f"no SSIM in ffmpeg output:\n{out.stderr[-800:]}")
    return float(match.group(1))


def ssim(candidate: Path, raw: Path, size: str, fps: int) -> float:
    """SSIM of an encoded candidate against raw yuv420p frames of ``size`` at ``fps``."""
    raw_input = ["-f", "rawvideo", "-pix_fmt", "yuv420p", "-s", size, "-r", str(fps)]
    return ffmpeg_ssim(["-i", str(candidate), *raw_input, "-i", str(raw)], "ssim")


def play_range(start: float, end: float) -> tuple[int, int]:
    """Indices of the chapter's plays covering ``start``–``end`` seconds of its video."""
    code = (
        "import json, sys\n"
        "from mathviz.course import get_chapter\n"
        "from mathviz.render import runner\n"
        "from mathviz.scene import LectureMixin\n"
        "clocks = []\n"
        "LectureMixin.progress_listener = clocks.append\n"
        f"runner.check_chapter(get_chapter({CHAPTER!r}))\n"
        "print(json.dumps(clocks))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    clocks = json.loads(out.stdout.strip().splitlines()[-1])
    first = next(i for i, c in enumerate(clocks) if c > start)
    last = next((i for i, c in enumerate(clocks) if c >= end), len(clocks) - 1)
    return first, last


def machine() -> list[str]:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        mem = f"{kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, AttributeError):
        pass
    ffmpeg = subprocess.run(["ffmpeg", "-version"], capture_output=True, text=True).stdout
    manim = subprocess.run(
        [sys.executable, "-c", "import importlib.metadata as m;print(m.version('manim'))"],
        capture_output=True,
        text=True,
    )
    return [
        f"- CPU: {cpu}, {os.cpu_count()} logical cores; {mem}; no GPU",
        f"- OS: {platform.platform()}",
        f"- Python {platform.python_version()}, manim {manim.stdout.strip()}, "
        f"{ffmpeg.splitlines()[0] if ffmpeg else 'ffmpeg ?'}",
        f"- run: {time.strftime('%Y-%m-%d %H:%M')}",
    ]


@dataclass
class Figure:
    name: str
    value: str
    goal: str
    met: bool | None
    note: str = ""


@dataclass
class Report:
    """Figures and notes of the sections run now; earlier sections are kept from STORE."""

    figures: list[Figure] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)
    done: dict = field(default_factory=dict)
    current: str = ""

    def begin(self, section: str) -> None:
        self.current = section
        self.done[section] = {"when": time.strftime("%Y-%m-%d %H:%M"), "figures": [], "text": []}

    def add(self, *args, **kwargs) -> None:
        fig = Figure(*args, **kwargs)
        self.done[self.current]["figures"].append(vars(fig))
        mark = {True: "met", False: "NOT met", None: ""}[fig.met]
        print(f"{fig.name}: {fig.value}   (goal {fig.goal}) {mark} {fig.note}", flush=True)

    def text(self, lines: list[str]) -> None:
        self.done[self.current]["text"] += lines

    def write(self, path: Path) -> None:
        stored = json.loads(STORE.read_text()) if STORE.is_file() else {}
        stored.update(self.done)
        STORE.write_text(json.dumps(stored, indent=1, ensure_ascii=False) + "\n")
        lines = [
            "# Benchmark results",
            "",
            "Written by `benchmarks/run.py` (figures kept in `results.json`). Within a "
            "section every figure was measured in the same run, side by side, on this "
            "machine:",
            "",
            *machine(),
            "",
            "| section (run at) | figure | measured | goal | met |",
            "|---|---|---|---|---|",
        ]
        for name in SECTIONS:
            for f in stored.get(name, {}).get("figures", []):
                met = {True: "yes", False: "**no**", None: "–"}[f["met"]]
                value = f"{f['value']} ({f['note']})" if f["note"] else f["value"]
                lines.append(
                    f"| {name} ({stored[name]['when']}) | {f['name']} | {value} | "
                    f"{f['goal']} | {met} |"
                )
        lines.append("")
        for name in SECTIONS:
            lines += stored.get(name, {}).get("text", [])
        lines += [
            "## Notes",
            "",
            "- The chapter figures are medians of alternated runs, with their ranges; the "
            "other figures are one run (or the best of two where it says so): differences of "
            "a few percent between neighbouring encoder candidates are within run-to-run "
            "noise on this machine.",
            '- "met" for the parallel speed-up means at least 1.5× on 2 cores; for the readout, '
            "under a fifth of one frame's drawing time; for memory, two workers within 80 % "
            "of RAM.",
            "- The plain-Manim side of the chapter figures renders the very same scene file "
            "with Manim's own command line, camera, file writer and default encoder "
            "settings, timed by the same cached speech; the mathviz side includes "
            "checkpoints, captions and the sidecar. The readout section compares Manim's "
            "DecimalNumber with LiveDecimal on their own.",
            "",
        ]
        path.write_text("\n".join(lines) + "\n")
        print(f"wrote {path}")


# --- sections --------------------------------------------------------------------------------
def lossless_profile(folder: Path, width: int, height: int) -> Path:
    path = folder / f"lossless{width}.toml"
    path.write_text(
        f'width = {width}\nheight = {height}\nfps = 60\nformat = "mp4"\n'
        '[encoder]\npreset = "ultrafast"\ncrf = 0\n'
    )
    return path


def encoder_section(report: Report, work: Path) -> None:
    rows = [
        "## Encoder settings",
        "",
        f"Excerpt: {EXCERPT[1]:.0f} s of chapter {CHAPTER} from {EXCERPT[0]:.0f} s, rendered "
        "losslessly (x264 crf 0), decoded once to raw yuv420p; each candidate encodes the "
        "raw frames with ffmpeg (wall time, the faster of two runs), SSIM is measured against "
        "the raw frames.",
        "",
    ]
    for label, width, height, cache_name in (
        ("1080p60", 1920, 1080, "c1080"),
        ("4K60", 3840, 2160, "c4k"),
    ):
        out = work / f"lossless-{label}"
        profile = lossless_profile(work, width, height)
        cache = work / cache_name
        if label == "4K60":
            # render only the excerpt's animations at 4K: plain manim, lossless via manim.cfg
            src = work / "lossless-4k-src"
            src.mkdir(exist_ok=True)
            (src / "manim.cfg").write_text(
                "[CLI]\n[video_encoder.options]\ncrf = 0\npreset = ultrafast\n"
            )
            first, last = play_range(EXCERPT[0], EXCERPT[0] + EXCERPT_4K)
            run(
                [
                    MANIM,
                    "render",
                    "-r",
                    f"{width},{height}",
                    "--fps",
                    "60",
                    "--disable_caching",
                    "-n",
                    f"{first},{last}",
                    "--media_dir",
                    str(src / "media"),
                    str(CHAPTER_FILE),
                    CHAPTER_SCENE,
                ],
                cwd=src,
                env=env_with(MATHVIZ_CACHE_DIR=str(cache)),
            )
            video = next((src / "media").rglob(f"{CHAPTER_SCENE}.mp4"))
        else:
            run(
                [
                    MATHVIZ,
                    "render",
                    CHAPTER,
                    "--profile",
                    str(profile),
                    "--out",
                    str(out),
                    "--force",
                    "-q",
                    "-j",
                    "1",
                ],
                env=env_with(MATHVIZ_CACHE_DIR=str(cache)),
            )
            video = next(out.rglob("*.mp4"))
        raw = work / f"excerpt-{label}.yuv"
        start, length = EXCERPT if label != "4K60" else (0.0, EXCERPT_4K)
        run(
            [
                "ffmpeg",
                "-v",
                "error",
                "-y",
                "-ss",
                str(start),
                "-t",
                str(length),
                "-i",
                str(video),
                "-f",
                "rawvideo",
                "-pix_fmt",
                "yuv420p",
                str(raw),
            ]
        )
        size = f"{width}x{height}"
        frames = raw.stat().st_size // (width * height * 3 // 2)
        results = []
        for preset, crf, tune, subme in CANDIDATES:
            target = work / f"cand-{label}-{preset}-{crf}-{tune}-{subme}.mp4"
            cmd = [
                "ffmpeg",
                "-v",
                "error",
                "-y",
                "-f",
                "rawvideo",
                "-pix_fmt",
                "yuv420p",
                "-s",
                size,
                "-r",
                "60",
                "-i",
                str(raw),
                "-c:v",
                "libx264",
                "-preset",
                preset,
                "-crf",
                crf,
                "-pix_fmt",
                "yuv420p",
            ]
            if tune:
                cmd += ["-tune", tune]
            if subme:
                cmd += ["-subq", subme]  # libavcodec's name for x264's subme
            # the faster of two runs: one run's wall time swings by ±10 % on this machine
            seconds = min(run(cmd + [str(target)]) for _ in range(2))
            results.append(
                {
                    "preset": preset,
                    "crf": crf,
                    "tune": tune or "–",
                    "subme": subme or "–",
                    "seconds": seconds,
                    "fps": frames / seconds,
                    "bytes": target.stat().st_size,
                    "ssim": ssim(target, raw, size, 60),
                }
            )
            target.unlink()
        base = results[0]
        ok = [r for r in results if r["ssim"] >= 0.98 and r["bytes"] <= 1.10 * base["bytes"]]
        best = min(ok, key=lambda r: r["seconds"]) if ok else base
        rows += [
            f"### {label} ({frames} frames)",
            "",
            "| preset | crf | tune | subme | encode s | fps | size vs medium/23 | SSIM | eligible |",
            "|---|---|---|---|---|---|---|---|---|",
        ]
        for r in results:
            eligible = "yes" if r in ok else "no"
            chosen = " **chosen**" if r is best else ""
            rows.append(
                f"| {r['preset']} | {r['crf']} | {r['tune']} | {r['subme']} | {r['seconds']:.1f} | "
                f"{r['fps']:.0f} | {r['bytes'] / base['bytes']:.0%} | {r['ssim']:.4f} | "
                f"{eligible}{chosen} |"
            )
        rows.append("")
        report.add(
            f"encoder {label}: chosen setting",
            f"{best['preset']}, crf {best['crf']}, tune {best['tune']}, subme {best['subme']}",
            "fastest with SSIM ≥ 0.98 and size ≤ 110 %",
            bool(ok),
            note=f"{base['seconds'] / best['seconds']:.2f}× faster than medium, "
            f"SSIM {best['ssim']:.4f}, size {best['bytes'] / base['bytes']:.0%}",
        )
        raw.unlink()
    report.text(rows)


def timed(
    cmd: list[str], *, env: dict | None = None, cwd: Path | None = None
) -> tuple[float, float]:
    """Run ``cmd``; its wall time and the CPU time (user + system) of it and its children."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = run(cmd, env=env, cwd=cwd)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu


def spread(values: list[float], fmt: str = "{:.1f}") -> str:
    """``median (min–max)`` of ``values``."""
    return (
        f"{fmt.format(statistics.median(values))} "
        f"({fmt.format(min(values))}–{fmt.format(max(values))})"
    )


def video_ssim(candidate: Path, reference: Path) -> float:
    """Mean SSIM of two videos of the same size, frame by frame."""
    return ffmpeg_ssim(["-i", str(candidate), "-i", str(reference)], "[0:v][1:v]ssim")


#: ``python -c VOICED_MANIM <chapter> <manim arguments>``: Manim's CLI (``manim.__main__``)
#: with the chapter's narrator active (a lecture scene outside mathviz is otherwise timed by
#: reading speed): every beat lasts as long as its cached speech, as in ``mathviz render``
VOICED_MANIM = (
    "import sys\n"
    "from manim.__main__ import main\n"
    "from mathviz.course import get_chapter\n"
    "from mathviz.render import profiles\n"
    "from mathviz.render.narration import chapter_narrator\n"
    "from mathviz.voice.engine import speaking\n"
    "narrator = chapter_narrator(get_chapter(sys.argv.pop(1)), profiles.load('lecture').voice)\n"
    "with speaking(narrator):\n"
    "    main()\n"
)


def chapter_section(report: Report, work: Path) -> None:
    """mathviz render vs plain manim render of the same scene at 1080p60, alternated.

    Both keep their TeX caches between runs (warmed by one uncounted run each) and re-render
    every frame each time: mathviz with ``--force``, manim with ``--disable_caching``.
    """
    plain_dir, ours_out = work / "plain", work / "ours"
    plain_dir.mkdir()
    # manim's own command line, run with the lecture's narrator active so that its beats last
    # as long as the spoken sentences, exactly as in mathviz's render (same frames to compare)
    plain_cmd = [sys.executable, "-c", VOICED_MANIM, CHAPTER, "render", "-qh",
                 "--disable_caching", "--media_dir", str(plain_dir / "media"),
                 str(CHAPTER_FILE), CHAPTER_SCENE]  # fmt: skip
    plain_env = env_with(MATHVIZ_CACHE_DIR=str(work / "plain-cache"))
    report_file = work / "chapter-report.json"
    ours_cmd = [MATHVIZ, "render", CHAPTER, "--profile", "lecture", "--build", str(ours_out),
                "-q", "--force", "--report", str(report_file)]  # fmt: skip
    ours_env = env_with(MATHVIZ_CACHE_DIR=str(work / "ours-cache"))
    # the same render in one worker: the scene is not cut into parts
    single_cmd = [
        *(str(work / "single-report.json") if c == str(report_file) else c for c in ours_cmd),
        "-j",
        "1",
    ]
    timed(ours_cmd, env=ours_env)  # warm-up: TeX, text and speech caches, both sides
    timed(plain_cmd, env=plain_env, cwd=plain_dir)
    ours: list[tuple[float, float]] = []
    single: list[tuple[float, float]] = []
    plain: list[tuple[float, float]] = []
    for _ in range(CHAPTER_PAIRS):  # A C B A C B ...: drift on the machine hits all alike
        ours.append(timed(ours_cmd, env=ours_env))
        single.append(timed(single_cmd, env=ours_env))
        plain.append(timed(plain_cmd, env=plain_env, cwd=plain_dir))
    ratios = [a[0] / b[0] for a, b in zip(ours, plain, strict=True)]
    single_ratios = [a[0] / b[0] for a, b in zip(single, plain, strict=True)]
    split_ratios = [a[0] / b[0] for a, b in zip(ours, single, strict=True)]
    cut_workers = json.loads(report_file.read_text())["workers"]
    cpu_ratios = [a[1] / b[1] for a, b in zip(ours, plain, strict=True)]
    ours_video = next(ours_out.rglob("*.mp4"))
    plain_video = next((plain_dir / "media").rglob(f"{CHAPTER_SCENE}.mp4"))
    facts, plain_facts = probe(ours_video), probe(plain_video)
    similarity = video_ssim(ours_video, plain_video)
    median_ratio = statistics.median(ratios)
    report.add(
        f"chapter {CHAPTER} at 1080p60: mathviz / plain manim wall time (median of "
        f"{CHAPTER_PAIRS} alternated pairs)",
        f"{median_ratio:.2f} (range {min(ratios):.2f}–{max(ratios):.2f})",
        "≤ 0.50 at SSIM ≥ 0.98",
        median_ratio <= 0.50 and similarity >= 0.98,
        note=f"wall {spread([w for w, _ in ours])} s vs {spread([w for w, _ in plain])} s; "
        f"{facts['frames']} vs {plain_facts['frames']} frames",
    )
    report.add(
        "same chapter in one worker (-j 1, the scene not cut): mathviz / plain manim wall time",
        f"{statistics.median(single_ratios):.2f} "
        f"(range {min(single_ratios):.2f}–{max(single_ratios):.2f})",
        "–",
        None,
        note=f"wall {spread([w for w, _ in single])} s, CPU {spread([c for _, c in single])} s",
    )
    report.add(
        "the scene cut at beats over the default workers / one worker (wall time)",
        f"{statistics.median(split_ratios):.2f} "
        f"(range {min(split_ratios):.2f}–{max(split_ratios):.2f})",
        "< 1",
        statistics.median(split_ratios) < 1,
        note=f"A ran on {cut_workers} worker(s); CPU "
        f"{spread([c for _, c in ours])} s cut vs {spread([c for _, c in single])} s whole",
    )
    report.add(
        "same chapter: mathviz / plain manim CPU time (user + system, all processes)",
        f"{statistics.median(cpu_ratios):.2f} (range {min(cpu_ratios):.2f}–{max(cpu_ratios):.2f})",
        "–",
        None,
        note=f"{spread([c for _, c in ours])} s vs {spread([c for _, c in plain])} s",
    )
    report.add(
        "SSIM of mathviz's video against manim's own output (frame by frame)",
        f"{similarity:.4f}",
        "≥ 0.98",
        similarity >= 0.98,
    )
    # encode limit: ffmpeg alone encoding the same frames with the profile's settings
    from mathviz.render import profiles  # noqa: PLC0415 - the venv's package

    options = profiles.load("lecture").encoder_options("mp4")
    decode = run(["ffmpeg", "-v", "error", "-i", str(ours_video), "-f", "null", "-"])
    both = run(
        ["ffmpeg", "-v", "error", "-y", "-i", str(ours_video), "-c:v", "libx264"]
        + [a for k, v in sorted(options.items()) for a in (f"-{k}", v)]
        + ["-pix_fmt", "yuv420p", "-f", "mp4", str(work / "reencode.mp4")]
    )
    encode_only = max(both - decode, 1e-6)
    limit_fps = facts["frames"] / encode_only
    ours_fps = facts["frames"] / statistics.median([w for w, _ in ours])
    report.add(
        "end-to-end fps / ffmpeg-only encode fps (same frames, same settings)",
        f"{ours_fps / limit_fps:.0%}",
        "as close to 100 % as drawing allows",
        None,
        note=f"{ours_fps:.1f} fps vs {limit_fps:.1f} fps encode-only",
    )
    peak = max(
        s["peak_rss_mb"]
        for c in json.loads(report_file.read_text())["chapters"]
        for s in c["segments"]
    )
    report.add(
        "peak memory of a worker (chapter render at 1080p60)",
        f"{peak:.0f} MiB",
        "fits 2 workers in RAM",
        peak * 2 < 0.8 * os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") / 2**20,
    )

    def shown(cmd: list[str], env_note: str) -> str:
        def word(c: str) -> str:
            if c == VOICED_MANIM:
                return "VOICED_MANIM"
            if c in (MANIM, MATHVIZ, sys.executable):
                return Path(c).name
            if c.startswith(str(work)):
                return "…"
            return str(Path(c).relative_to(ROOT)) if c.startswith(str(ROOT)) else c

        return f"`{env_note}{' '.join(word(c) for c in cmd)}`"

    report.text(
        [
            "## One chapter, side by side",
            "",
            f"After one uncounted run of each (warm TeX, text and speech caches on both "
            f"sides), {CHAPTER_PAIRS} pairs were run alternately, mathviz first:",
            "",
            f"- A: {shown(ours_cmd, 'MATHVIZ_CACHE_DIR=… ')} (the worker pool's default "
            f"size, every segment re-rendered; LiveDecimal readouts; the profile's encoder "
            f"{options}; captions and sidecar included)",
            f"- C: {shown(single_cmd, 'MATHVIZ_CACHE_DIR=… ')}: A in one worker, so the "
            f"scene is not cut into parts",
            f"- B: {shown(plain_cmd, '')}: Manim's own command line and renderer (its camera, "
            f"its file writer, its default x264 medium/23) on the same scene file, readouts "
            f"included (LiveDecimal is the scene's own code), run by `VOICED_MANIM` in "
            f"`benchmarks/run.py` with the chapter's narrator active, so that its beats last "
            f"as long as the cached speech, as in A: the same lecture, frame for frame (plain "
            f"`manim -qh` would time the beats by reading speed and draw a different one)",
            "",
            "| run | A wall s | A CPU s | C wall s | C CPU s | manim wall s | manim CPU s "
            "| A / manim |",
            "|---|---|---|---|---|---|---|---|",
            *(
                f"| {i + 1} | {a[0]:.1f} | {a[1]:.1f} | {c[0]:.1f} | {c[1]:.1f} | {b[0]:.1f} "
                f"| {b[1]:.1f} | {r:.2f} |"
                for i, (a, c, b, r) in enumerate(zip(ours, single, plain, ratios, strict=True))
            ),
            "",
            f"Frames: {facts['frames']} (mathviz) and {plain_facts['frames']} (manim); "
            f"SSIM {similarity:.4f}.",
            "",
            "A renders the chapter's one scene on both workers: cut at a beat boundary, each "
            "part stepping through the plays before its own without drawing them, joined by "
            "stream copy (`mathviz/render/split.py`). One worker already keeps about 1.6 cores "
            "busy (beside the drawing, one thread converts frames and another runs x264), so "
            "on 2 cores the cut can at best bring the wall time down to half the CPU time.",
            "",
        ]
    )


#: ``mathviz`` with scenes cut across workers whatever the frame size (the rule lifted)
CUT_AT_ANY_SIZE = (
    "import sys\n"
    "from mathviz.render import split\n"
    "split.MIN_CUT_PIXELS = 0\n"
    "from mathviz.cli import main\n"
    "sys.argv[0] = 'mathviz'\n"
    "main()\n"
)


def cut_section(report: Report, work: Path) -> None:
    """Why small frames are not cut (``split.MIN_CUT_PIXELS``): chapter 6.3 at preview
    (854×480) whole on 1 worker vs cut at beats over 2 with the rule lifted, alternated
    after a warm-up of each."""
    cache = env_with(MATHVIZ_CACHE_DIR=str(work / "cut-cache"))
    args = ["render", CHAPTER, "--profile", "preview", "--build", str(work / "cut-out"),
            "-q", "--force"]  # fmt: skip
    whole_cmd = [MATHVIZ, *args, "-j", "1"]
    cut_cmd = [sys.executable, "-c", CUT_AT_ANY_SIZE, *args, "-j", "2"]
    run(whole_cmd, env=cache)
    run(cut_cmd, env=cache)
    whole, cut = [], []
    for _ in range(3):
        whole.append(run(whole_cmd, env=cache))
        cut.append(run(cut_cmd, env=cache))
    ratios = [b / a for a, b in zip(whole, cut, strict=True)]
    report.add(
        f"chapter {CHAPTER} at 854×480: cut at beats over 2 workers / whole on 1",
        spread(ratios, "{:.2f}"),
        "< 1 to be worth cutting",
        statistics.median(ratios) < 1,
        note=f"wall {spread(whole)} s vs {spread(cut)} s, 3 alternated pairs",
    )


def parallel_section(report: Report, work: Path) -> None:
    times = {}
    peaks = {}
    for jobs in (1, 2):
        out = work / f"par{jobs}"
        rep = work / f"par{jobs}.json"
        times[jobs] = run(
            [
                MATHVIZ,
                "render",
                "all",
                "--profile",
                "preview",
                "--out",
                str(out),
                "-q",
                "-j",
                str(jobs),
                "--report",
                str(rep),
            ],
            env=env_with(MATHVIZ_CACHE_DIR=str(work / f"par{jobs}-cache")),
        )
        data = json.loads(rep.read_text())
        peaks[jobs] = max(s["peak_rss_mb"] for c in data["chapters"] for s in c["segments"])
    count = len(list((work / "par2").rglob("*.mp4")))
    report.add(
        "render all at preview: -j 2 speed-up over -j 1",
        f"{times[1] / times[2]:.2f}×",
        "close to 2× on 2 cores",
        times[1] / times[2] >= 1.5,
        note=f"{times[1]:.1f} s vs {times[2]:.1f} s for {count} chapters",
    )
    report.add("peak memory per worker (preview build, -j 2)", f"{peaks[2]:.0f} MiB", "–", None)


def list_schedule(seconds: list[float], workers: int) -> float:
    """Makespan of ``seconds`` (independent jobs) on ``workers`` identical workers, each job
    given to the first free worker, longest first (LPT, as the build orders its jobs)."""
    import heapq

    free = [0.0] * workers
    for job in sorted(seconds, reverse=True):
        heapq.heappush(free, heapq.heappop(free) + job)
    return max(free)


def _start_dask_cluster(
    folder: Path, workers: int, env: dict[str, str]
) -> tuple[str, list[subprocess.Popen]]:
    """A ``dask scheduler`` and one ``dask worker`` with ``workers`` processes of one thread,
    as an author starts them (in ``env``: the same cache folder as the local builds); their
    address and processes."""
    folder.mkdir(parents=True, exist_ok=True)
    address_file = folder / "scheduler.json"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "cwd": folder, "env": env}
    dask = [sys.executable, "-m", "dask"]
    scheduler = subprocess.Popen(
        [*dask, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
         "--scheduler-file", str(address_file)], **quiet,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while not address_file.is_file() and time.monotonic() < deadline:
        time.sleep(0.1)
    address = json.loads(address_file.read_text())["address"]
    worker = subprocess.Popen(
        [*dask, "worker", address, "--nthreads", "1", "--nworkers", str(workers),
         "--no-dashboard"], **quiet,
    )  # fmt: skip
    from distributed import Client

    with Client(address, timeout=60) as client:
        client.wait_for_workers(workers, timeout=120)
    return address, [worker, scheduler]


def cluster_section(report: Report, work: Path) -> None:
    """One chapter at 1920×1080 whole on 1 worker vs cut at beats over 2; a level at preview on ``-j 1``,
    ``-j 2`` and a Dask cluster of 2 worker processes; the course's makespan projected.

    Every run re-renders every frame (``--force``) with warm TeX and voice caches (one
    uncounted run first; the cluster's workers share the local builds' cache folder, as on a
    shared file system, and are warmed by an uncounted run of their own). The projection lays the measured per-scene times of the ``-j 1``
    build on 4, 16 and 64 workers, longest first, beside the ideal (total / workers, but no
    less than the longest scene). ``MATHVIZ_BENCH_LEVEL=all`` projects the whole course
    (about an hour on 2 cores).
    """
    cache = env_with(MATHVIZ_CACHE_DIR=str(work / "cluster-cache"))
    ids = os.environ.get("MATHVIZ_BENCH_LEVEL", CLUSTER_LEVEL)

    def render(target: str, *options: str, report_file: Path | None = None) -> float:
        cmd = [MATHVIZ, "render", target, "--profile", "preview", "--build",
               str(work / "cluster-out"), "-q", "--force", *options]  # fmt: skip
        # a later --profile (the chapter's slides runs) wins over the preview one
        if report_file is not None:
            cmd += ["--report", str(report_file)]
        return run(cmd, env=cache)

    # scenes are cut only at 1920×1080 and up (mathviz/render/split.py): the slides profile
    slides = ["--profile", "slides"]
    render(CHAPTER, "-j", "2", *slides)  # warm-up: TeX and speech
    whole, cut = [], []
    for _ in range(2):
        whole.append(render(CHAPTER, "-j", "1", *slides))
        cut.append(render(CHAPTER, "-j", "2", *slides))
    ratios = [b / a for a, b in zip(whole, cut, strict=True)]
    report.add(
        f"chapter {CHAPTER} at 1920×1080, 30 fps: cut at beats over 2 workers / whole on 1",
        spread(ratios, "{:.2f}"),
        "≤ 0.60",
        statistics.median(ratios) <= 0.60,
        note=f"wall {spread(whole)} s vs {spread(cut)} s, 2 alternated pairs",
    )

    render(ids, "-j", "2")  # warm-up for the level
    one_report = work / "cluster-j1.json"
    times = {"-j 1": render(ids, "-j", "1", report_file=one_report)}
    times["-j 2"] = render(ids, "-j", "2")
    address, processes = _start_dask_cluster(work / "dask", 2, cache)
    try:
        render(ids, "--cluster", address)  # warm-up: the workers import manim once
        times["Dask, 2 workers"] = render(ids, "--cluster", address)
    finally:
        for process in processes:
            process.kill()
            process.wait(timeout=30)
    base = times["-j 1"]
    what = "the course" if ids == "all" else f"level {ids}"
    for name, wall in times.items():
        report.add(
            f"{what} at preview: {name}",
            f"{wall:.1f} s",
            "–" if name == "-j 1" else "close to half of -j 1",
            None if name == "-j 1" else wall / base <= 0.6,
            note="" if name == "-j 1" else f"{wall / base:.2f} of -j 1",
        )
    data = json.loads(one_report.read_text())
    seconds = [seg["seconds"] for c in data["chapters"] for seg in c["segments"]]
    longest, total = max(seconds), sum(seconds)
    rows = [
        f"### Makespan of {what} on more workers (projected)",
        "",
        f"From the {len(seconds)} scenes' render times of the `-j 1` build above "
        f"({total:.0f} s in all, the longest {longest:.0f} s), laid on identical workers, "
        "longest first; the ideal is the total shared evenly, but no less than the longest "
        "scene. Cutting scenes at beats (`mathviz/render/split.py`) lowers that floor.",
        "",
        *_makespan_table(seconds, "projected", 1.0, "s"),
        "",
    ]
    if ids != "all":
        rows += _course_projection(data)
    report.text([*rows, ""])


def _course_projection(level_report: dict) -> list[str]:
    """The whole course's makespan estimated from the level's measured render rate (seconds
    of rendering per second of video, at preview) and every scene's length from its last
    check (``mathviz check all`` first, reusing what still holds)."""
    from mathviz.state import state_dir

    run([MATHVIZ, "check", "all"])
    rendered = sum(s["seconds"] for c in level_report["chapters"] for s in c["segments"])
    video = sum(c["duration"] or 0.0 for c in level_report["chapters"])
    rate = rendered / video
    lengths = [
        float(scene["duration"])
        for path in sorted(state_dir().glob("*.reports.json"))
        for scene in json.loads(path.read_text())["reports"]
    ]
    estimated = [rate * length for length in lengths]
    total, longest = sum(estimated), max(estimated)
    rows = [
        "### Makespan of the whole course on more workers (estimated)",
        "",
        f"The level above rendered at {rate:.2f} s per second of video; at that rate the "
        f"course's {len(lengths)} scenes ({sum(lengths) / 60:.0f} min of video, lengths from "
        f"their last check) take {total / 60:.0f} min on one worker, the longest "
        f"{longest:.0f} s. Laid on identical workers, longest first:",
        "",
        *_makespan_table(estimated, "estimated", 60.0, "min"),
    ]
    return rows


def _makespan_table(seconds: list[float], kind: str, scale: float, unit: str) -> list[str]:
    """Rows of a markdown table: the makespan of ``seconds`` on 1–64 workers (LPT) beside
    the ideal (the total shared evenly, but no less than the longest job)."""
    rows = [f"| workers | {kind} makespan | ideal | {kind} / ideal |", "|---|---|---|---|"]
    for workers in (1, 2, 4, 16, 64):
        made = list_schedule(seconds, workers)
        ideal = max(sum(seconds) / workers, max(seconds))
        rows.append(
            f"| {workers} | {made / scale:.1f} {unit} | {ideal / scale:.1f} {unit} | "
            f"{made / ideal:.2f} |"
        )
    return rows


def noop_section(report: Report, work: Path) -> None:
    out = work / "noop"
    cache = env_with(MATHVIZ_CACHE_DIR=str(work / "noop-cache"))
    run([MATHVIZ, "render", "all", "--profile", "preview", "--out", str(out), "-q"], env=cache)
    ours = run(
        [MATHVIZ, "render", "all", "--profile", "preview", "--out", str(out), "-q"], env=cache
    )
    # Manim: each scene rendered once to fill its cache, then the cached re-render is timed
    plain_total = 0.0
    scenes = []
    for module in sorted((ROOT / "scenes").glob("ch*.py")):
        names = re.search(r"^SCENES = \[(.*)\]", module.read_text(), re.M)
        listed = [n.strip() for n in names.group(1).split(",") if n.strip()] if names else []
        scenes.extend((module, name) for name in listed)
    media = work / "manim-noop"
    media.mkdir()
    for module, name in scenes:
        args = [MANIM, "render", "-ql", "--media_dir", str(media / "media"), str(module), name]
        run(args, cwd=media, env=env_with(MATHVIZ_CACHE_DIR=str(work / "noop-plain-cache")))
        plain_total += run(
            args, cwd=media, env=env_with(MATHVIZ_CACHE_DIR=str(work / "noop-plain-cache"))
        )
    report.add(
        "no-op rebuild of the course (all rendered chapters)",
        f"{ours:.2f} s",
        "< 1 s",
        ours < 1.0,
        note=f"{len(scenes)} scenes",
    )
    report.add(
        "no-op rebuild / Manim's cached re-render of the same scenes",
        f"{ours / plain_total:.3f}",
        "≪ 1",
        ours < plain_total / 5,
        note=f"{ours:.2f} s vs {plain_total:.1f} s",
    )


#: alternated pairs of the track section
TRACK_PAIRS = 3


def track_section(report: Report, work: Path) -> None:
    """Rebuilding a chapter whose segments are all cached (a new build folder: joining,
    voice track, captions, sidecar): its mastered voice track reused vs mastered again (the
    track cache emptied before each B run: what every rebuild did before tracks were kept)."""
    cache_dir = work / "track-cache"
    cache = env_with(MATHVIZ_CACHE_DIR=str(cache_dir))

    def rebuild(name: str) -> float:
        out = work / f"track-{name}"
        shutil.rmtree(out, ignore_errors=True)
        cmd = [MATHVIZ, "render", CHAPTER, "--profile", "preview", "-q", "--out", str(out)]
        return run(cmd, env=cache)

    rebuild("warm-up")  # renders the segments and the speech once
    times: dict[str, list[float]] = {"kept": [], "mastered": []}
    for _ in range(TRACK_PAIRS):
        times["kept"].append(rebuild("kept"))
        shutil.rmtree(cache_dir / "voice-tracks", ignore_errors=True)
        times["mastered"].append(rebuild("mastered"))
    ratios = [k / m for k, m in zip(times["kept"], times["mastered"], strict=True)]
    report.add(
        f"rebuild of {CHAPTER} at preview, every segment cached: voice track kept / mastered again",
        spread(ratios, "{:.2f}"),
        "< 1",
        statistics.median(ratios) < 1,
        note=f"wall {spread(times['kept'])} s vs {spread(times['mastered'])} s, "
        f"{TRACK_PAIRS} alternated pairs",
    )


#: alternated pip/uv pairs of the install section, each from empty download caches
INSTALL_PAIRS = 2


def install_section(report: Report, work: Path) -> None:
    """What ``scripts/setup.sh`` spends installing the project into a new virtualenv: pip
    alone (the fallback) vs pip installing uv and uv the rest, alternated, each from empty
    download caches (a clean machine) and once more with its cache filled (a re-install)."""

    def install(tool: str, cache: Path) -> float:
        venv = work / "install-venv"
        shutil.rmtree(venv, ignore_errors=True)
        python = str(venv / "bin" / "python")
        env = env_with(PIP_CACHE_DIR=str(cache / "pip"), UV_CACHE_DIR=str(cache / "uv"))
        start = time.perf_counter()
        run([sys.executable, "-m", "venv", str(venv)], env=env)
        if tool == "pip":
            run([python, "-m", "pip", "install", "-q", "--upgrade", "pip"], env=env)
            run([python, "-m", "pip", "install", "-q", "-e", ".[test,dev]"], env=env, cwd=ROOT)
        else:
            run([python, "-m", "pip", "install", "-q", "uv"], env=env)
            uv = [str(venv / "bin" / "uv"), "pip", "install", "-q", "--compile-bytecode"]
            run([*uv, "--python", python, "-e", ".[test,dev]"], env=env, cwd=ROOT)
        seconds = time.perf_counter() - start
        shutil.rmtree(venv, ignore_errors=True)
        return seconds

    cold: dict[str, list[float]] = {"pip": [], "uv": []}
    warm: dict[str, float] = {}
    for pair in range(INSTALL_PAIRS):
        for tool in cold:
            cache = work / f"install-cache-{tool}-{pair}"
            cold[tool].append(install(tool, cache))
            if pair == 0:
                warm[tool] = install(tool, cache)
            shutil.rmtree(cache, ignore_errors=True)
    ratios = [u / p for p, u in zip(cold["pip"], cold["uv"], strict=True)]
    report.add(
        "installing the project into a new virtualenv, empty caches: uv / pip wall time",
        spread(ratios, "{:.2f}"),
        "< 1",
        statistics.median(ratios) < 1,
        note=f"{spread(cold['uv'])} s vs {spread(cold['pip'])} s, {INSTALL_PAIRS} alternated "
        "pairs; compiled to bytecode in both",
    )
    report.add(
        "the same with each tool's download cache filled: uv / pip",
        f"{warm['uv'] / warm['pip']:.2f}",
        "–",
        None,
        note=f"{warm['uv']:.1f} s vs {warm['pip']:.1f} s, one run each",
    )


#: the design ``check`` is compared with: the last commit before this session's changes to the
#: check (the chapters' scenes are the same in both)
CHECK_BASELINE = "c262233"


def baseline_mathviz(work: Path, commit: str) -> tuple[list[str], dict[str, str]]:
    """A command running mathviz as of ``commit`` (a git worktree, same virtualenv) and the
    environment variables that point it at that commit's own chapters."""
    tree = work / f"mathviz-{commit}"
    if not tree.exists():
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), commit],
            check=True,
            capture_output=True,
        )
    launcher = (
        f"import sys; sys.path.insert(0, {str(tree)!r}); from mathviz.cli import main; main()"
    )
    return [sys.executable, "-c", launcher], {"MATHVIZ_SCENES_DIR": str(tree / "scenes")}


#: the ledgers as committed: a benchmark's check reads them, never writes them
FROZEN = {"MATHVIZ_SPEECH_LEDGER": "frozen"}


#: the design before the writing path changed: manim's one encoder thread converting whole
#: frames, x264 splitting each frame into slices over threads of its own
ENCODE_BASELINE = "29e05ed"
ENCODE_PAIRS = 3


def _against_baseline(
    work: Path, baseline: str, profile: str, pairs: int
) -> dict[str, list[tuple[float, float]]]:
    """Wall and CPU times of ``mathviz render CHAPTER -j 1 --force`` with ``profile``, this
    checkout ("new") against a git worktree of ``baseline`` ("old"), alternated after one
    warm-up run of each; each side's video is left in ``work/<side>-<baseline>``."""
    old_cmd, old_env = baseline_mathviz(work, baseline)
    sides: dict[str, tuple[list[str], dict[str, str]]] = {
        "new": ([MATHVIZ], {}),
        "old": (old_cmd, old_env),
    }

    def render(name: str) -> tuple[float, float]:
        cmd, extra = sides[name]
        env = env_with(MATHVIZ_CACHE_DIR=str(work / f"{name}-{baseline}-cache"), **extra)
        out = work / f"{name}-{baseline}"
        return timed(
            [*cmd, "render", CHAPTER, "--profile", profile, "--build", str(out),
             "-q", "--force", "-j", "1"], env=env,
        )  # fmt: skip

    try:
        times: dict[str, list[tuple[float, float]]] = {"new": [], "old": []}
        render("new"), render("old")  # warm-up: TeX, text, speech
        for _ in range(pairs):
            times["new"].append(render("new"))
            times["old"].append(render("old"))
        return times
    finally:
        tree = work / f"mathviz-{baseline}"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)],
            check=False,
            capture_output=True,
        )


def _ratios(times: dict[str, list[tuple[float, float]]]) -> tuple[list[float], list[float]]:
    """Per pair, new / old wall time and new / old CPU time."""
    pairs = list(zip(times["new"], times["old"], strict=True))
    return [a[0] / b[0] for a, b in pairs], [a[1] / b[1] for a, b in pairs]


def encode_section(report: Report, work: Path) -> None:
    """One chapter in one worker (``-j 1``) at 1080p60 and at preview: this design's writing
    path (x264 on a thread of its own, only the changed rows converted, from 1080p up) against
    the previous design (``ENCODE_BASELINE``), alternated after one warm-up run of each."""
    for profile in ("lecture", "preview"):
        times = _against_baseline(work / profile, ENCODE_BASELINE, profile, ENCODE_PAIRS)
        walls, cpus = _ratios(times)
        size = "1080p60" if profile == "lecture" else "preview (854×480, 30 fps)"
        report.add(
            f"chapter {CHAPTER} at {size}, -j 1: this writing path / the previous design "
            "(wall time)",
            spread(walls, "{:.2f}"),
            "< 1" if profile == "lecture" else "–",
            statistics.median(walls) < 1 if profile == "lecture" else None,
            note=f"CPU {spread(cpus, '{:.2f}')}; wall {spread([w for w, _ in times['new']])}"
            f" s vs {spread([w for w, _ in times['old']])} s, {ENCODE_PAIRS} alternated "
            f"pairs (previous design: commit {ENCODE_BASELINE})",
        )


#: the design before a still segment's frames were repeated by hand-written pictures (x264
#: encoding every frame) and changed rows were converted in blocks of 60
STILLS_BASELINE = "b94437e"


def stills_section(report: Report, work: Path) -> None:
    """One chapter in one worker (``-j 1``) at 1080p60: a segment of one picture encoded once
    and repeated (``mathviz/render/h264_repeat.py``), with the finer row blocks, against
    ``STILLS_BASELINE``; CPU and wall time, the video's size and SSIM, frame counts."""
    times = _against_baseline(work, STILLS_BASELINE, "lecture", ENCODE_PAIRS)
    walls, cpus = _ratios(times)
    videos = {
        side: next((work / f"{side}-{STILLS_BASELINE}").glob(f"lecture/*/{CHAPTER}-*.mp4"))
        for side in ("new", "old")
    }
    frames = {side: probe(video)["frames"] for side, video in videos.items()}
    sizes = {side: video.stat().st_size for side, video in videos.items()}
    report.add(
        f"chapter {CHAPTER} at 1080p60, -j 1: still segments repeated / every frame through "
        "x264 (CPU time)",
        spread(cpus, "{:.2f}"),
        "< 1",
        statistics.median(cpus) < 1,
        note=f"wall {spread(walls, '{:.2f}')}: {spread([w for w, _ in times['new']])} s vs "
        f"{spread([w for w, _ in times['old']])} s; CPU {spread([c for _, c in times['new']])}"
        f" s vs {spread([c for _, c in times['old']])} s; {ENCODE_PAIRS} alternated pairs "
        f"(previous design: commit {STILLS_BASELINE})",
    )
    report.add(
        f"chapter {CHAPTER} at 1080p60: the video with still segments repeated / as before",
        f"size {sizes['new'] / sizes['old']:.2f}, SSIM {video_ssim(videos['new'], videos['old']):.4f}",
        "same frames, SSIM ≥ 0.98",
        frames["new"] == frames["old"],
        note=f"{frames['new']} vs {frames['old']} frames; {sizes['new']} vs {sizes['old']} bytes",
    )


def check_section(report: Report, work: Path) -> None:
    from mathviz.render.narration import voice_cache_dir

    old_cmd, old_env = baseline_mathviz(work, CHECK_BASELINE)
    try:
        _check_figures(report, work, old_cmd, old_env, voice_cache_dir())
    finally:
        tree = work / f"mathviz-{CHECK_BASELINE}"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)],
            capture_output=True,
        )


def _check_figures(
    report: Report, work: Path, old_cmd: list[str], old_env: dict[str, str], speech: Path
) -> None:
    # each checks its own checkout's chapters (the same scenes; this one also has their formula
    # ledgers), from empty TeX, text and result caches; synthesised speech is not what this
    # measures, so the voice cache is copied in
    times: dict[str, list[float]] = {"old": [], "new": []}
    for round_ in range(2):  # alternated: old, new, old, new
        for name, cmd, scenes in (("old", old_cmd, old_env), ("new", [MATHVIZ], FROZEN)):
            cache = work / f"chk-{name}-{round_}"
            if speech.is_dir():
                shutil.copytree(speech, cache / "voice")
            env = env_with(MATHVIZ_CACHE_DIR=str(cache), **scenes)
            times[name].append(run([*cmd, "check", "all", "-j", "2"], env=env))
    old, new = min(times["old"]), min(times["new"])
    report.add(
        "mathviz check all -j 2, empty caches: this design / the previous one",
        f"{new / old:.2f} ({new:.1f} s vs {old:.1f} s, best of 2 each, alternated)",
        "< 20 s",
        new < 20.0,
        note=f"previous design: commit {CHECK_BASELINE}",
    )
    _check_projection(report, work / "chk-new-1" / "checks")
    cache = env_with(MATHVIZ_CACHE_DIR=str(work / "chk-new-0"), **FROZEN)
    fresh = run([MATHVIZ, "check", "all", "-j", "2", "--fresh"], env=cache)
    report.add(
        "mathviz check all -j 2 --fresh (warm TeX and text caches)", f"{fresh:.1f} s", "–", None
    )
    # the parsed-SVG store (mathviz/render/svgstore.py): kept / emptied before the run, which
    # fills it again; 2 alternated pairs
    from mathviz.render.svgstore import FORMAT

    store = work / "chk-new-0" / f"svg-{FORMAT}"
    kept: list[float] = []
    emptied: list[float] = []
    for _ in range(2):
        kept.append(run([MATHVIZ, "check", "all", "-j", "2", "--fresh"], env=cache))
        shutil.rmtree(store, ignore_errors=True)
        emptied.append(run([MATHVIZ, "check", "all", "-j", "2", "--fresh"], env=cache))
    ratios = [k / e for k, e in zip(kept, emptied, strict=True)]
    report.add(
        "check all -j 2 --fresh: parsed SVGs kept / store emptied (wall time)",
        f"{statistics.median(ratios):.2f} (range {min(ratios):.2f}–{max(ratios):.2f}) "
        f"({spread(kept)} s vs {spread(emptied)} s, 2 alternated pairs)",
        "< 1",
        statistics.median(ratios) < 1,
    )
    warm = run([MATHVIZ, "check", "all"], env=cache)
    report.add(
        "mathviz check all, nothing changed (results reused)", f"{warm:.2f} s", "< 1 s", warm < 1.0
    )
    _check_floor(report, cache)


def _check_projection(report: Report, checks: Path) -> None:
    """``check all`` on more workers, projected from each chapter's check time in a cold
    run (as a worker measured it), laid longest first as ``check --cluster`` lays them."""
    seconds = [
        float(json.loads(path.read_text())["seconds"])
        for path in sorted(checks.glob("*.reports.json"))
    ]
    report.text(
        [
            "### check all on more workers (projected)",
            "",
            f"Each chapter's check time inside a worker of the last cold run above "
            f"({len(seconds)} chapters, {sum(seconds):.0f} s in all, the longest "
            f"{max(seconds):.1f} s), laid on identical workers, longest first; the workers' "
            "start-up and the TeX prefetch before them are left out:",
            "",
            *_makespan_table(seconds, "projected", 1.0, "s"),
            "",
        ]
    )


#: the chapters the course had when the target of a cold ``check all`` in < 20 s on 2 cores was
#: set (the first 22 scene files in git history); the floor is reported for them as well
FIRST_CHAPTERS = (
    "4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "4.7", "5.1", "5.2", "6.1", "6.2",
    "6.3", "6.4", "6.5", "7.2", "9.1", "9.2", "9.3", "9.4", "12.1", "12.2", "12.3",
)  # fmt: skip

#: one process checks every chapter with ``MOTION_SAMPLES`` moments per play (argv[1]) and
#: prints the CPU seconds each chapter took; TeX and text come from the warm caches of the
#: runs above
CHECK_FLOOR_CODE = r"""
import json, sys, time
import mathviz.scene
from mathviz.course import CHAPTERS
from mathviz.render.runner import check_chapter

mathviz.scene.MOTION_SAMPLES = int(sys.argv[1])
cpu = {}
checkpoints = 0
for chapter in CHAPTERS:
    if not chapter.has_scenes:
        continue
    start = time.process_time()
    checkpoints += sum(len(r.checkpoints) for r in check_chapter(chapter))
    cpu[chapter.id] = time.process_time() - start
print(json.dumps({"cpu": cpu, "checkpoints": checkpoints}))
"""


def _check_floor(report: Report, cache: dict[str, str]) -> None:
    """How much of a cold check no sampling can remove: the whole course checked in one
    process at 8 moments per play, and at its end states only (1 moment: no layout lint in
    motion, each invariant judged once), alternated. Half the second figure is what 2 cores
    need at least, whatever the checks inside a play cost; the same for the first 22
    chapters (:data:`FIRST_CHAPTERS`)."""
    runs: dict[int, list[dict[str, float]]] = {1: [], 8: []}
    for _ in range(2):
        for samples in (8, 1):
            out = subprocess.run(
                [sys.executable, "-c", CHECK_FLOOR_CODE, str(samples)],
                capture_output=True,
                text=True,
                cwd=ROOT,
                env=cache,
            )
            if out.returncode:
                raise RuntimeError(out.stderr[-2000:])
            runs[samples].append(json.loads(out.stdout.strip().splitlines()[-1])["cpu"])

    def best(samples: int, ids: Iterable[str] | None = None) -> float:
        chosen = set(ids) if ids is not None else None
        return min(
            sum(t for c, t in cpu.items() if chosen is None or c in chosen) for cpu in runs[samples]
        )

    missing = set(FIRST_CHAPTERS) - set(runs[8][0])
    if missing:
        raise RuntimeError(f"chapters of FIRST_CHAPTERS without scenes: {sorted(missing)}")
    for label, ids in (
        ("every chapter", None),
        (f"the first {len(FIRST_CHAPTERS)} chapters", FIRST_CHAPTERS),
    ):
        full, floor = best(8, ids), best(1, ids)
        report.add(
            f"check of {label} in one process (CPU s): end states only / 8 moments a play",
            f"{floor / full:.2f} ({floor:.0f} s vs {full:.0f} s, best of 2 each, alternated)",
            "8 moments a play within 40 CPU s (20 s on 2 cores)",
            full < 40.0,
            note=f"on 2 cores a check needs >= {full / 2:.0f} s with the checks in motion, "
            f">= {floor / 2:.0f} s with none",
        )


READOUT_CODE = r"""
import json, tempfile, time
import numpy as np
from manim import DecimalNumber, tempconfig
from manim.camera.camera import Camera
from mathviz.primitives.readout import LiveDecimal
from mathviz.scenes.ch6_3_gradients import Gradients

def per_call(cls):
    d = cls(1.234, num_decimal_places=3, font_size=34)
    values = np.linspace(-50.0, 99.0, 400)
    for v in values[:40]:
        d.set_value(v + 0.5)
    start = time.perf_counter()
    for v in values:
        d.set_value(v)
    return (time.perf_counter() - start) / len(values) * 1000

class Snapshot(Gradients):
    # the picture 45 s into chapter 6.3 (descent on the contour map, readouts on screen)
    picture = None
    def play(self, *args, **kwargs):
        super().play(*args, **kwargs)
        if Snapshot.picture is None and self.clock > 45:
            Snapshot.picture = [m.copy() for m in self.mobjects]

plain, live = per_call(DecimalNumber), per_call(LiveDecimal)
with tempfile.TemporaryDirectory() as media, tempconfig(
        {"pixel_width": 1920, "pixel_height": 1080, "media_dir": media, "format": "none"}):
    Snapshot(skip_animations=True).render()
    cam = Camera()
    cam.capture_mobjects(Snapshot.picture)
    start = time.perf_counter()
    for _ in range(10):
        cam.reset()
        cam.capture_mobjects(Snapshot.picture)
    frame_ms = (time.perf_counter() - start) / 10 * 1000
print(json.dumps({"plain": plain, "live": live, "frame": frame_ms}))
"""


def readout_section(report: Report, work: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-c", READOUT_CODE],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env_with(MATHVIZ_CACHE_DIR=str(work / "ro-cache")),
    )
    if out.returncode:
        raise RuntimeError(out.stderr[-2000:])
    data = json.loads(out.stdout.strip().splitlines()[-1])
    report.add(
        "live number update (six characters): LiveDecimal / DecimalNumber",
        f"{data['live']:.2f} ms vs {data['plain']:.2f} ms",
        "a small fraction of a frame's drawing, same pixels (tests/test_readout.py)",
        data["live"] < 0.2 * data["frame"],
        note=f"{data['plain'] / data['live']:.1f}× cheaper; drawing one 1080p lecture "
        f"frame takes {data['frame']:.1f} ms",
    )


VOICE_CODE = r"""
import json, sys, time
from mathviz.course import CHAPTERS
from mathviz.render.narration import chapter_narrator, chapter_sentences
from mathviz.voice.engine import VoiceSettings

chapters = [c for c in CHAPTERS if c.has_scenes]
start = time.perf_counter()
audio = 0.0
for chapter in chapters:
    narrator = chapter_narrator(chapter, VoiceSettings())
    audio += sum(narrator.speech(s).duration for s in chapter_sentences(chapter))
print(json.dumps({"seconds": time.perf_counter() - start, "audio": audio,
                  "chapters": len(chapters),
                  "sentences": sum(len(chapter_sentences(c)) for c in chapters)}))
"""


def voice_section(report: Report, work: Path) -> None:
    cache = env_with(MATHVIZ_CACHE_DIR=str(work / "voice-cache"))

    def narrate() -> dict:
        out = subprocess.run(
            [sys.executable, "-c", VOICE_CODE], capture_output=True, text=True, cwd=ROOT, env=cache
        )
        if out.returncode:
            raise RuntimeError(out.stderr[-2000:])
        return json.loads(out.stdout.strip().splitlines()[-1])

    cold, warm = narrate(), narrate()
    report.add(
        "Piper synthesis real-time factor (whole course, cold)",
        f"{cold['seconds'] / cold['audio']:.3f}",
        "< 1 (faster than real time)",
        cold["seconds"] < cold["audio"],
        note=f"{cold['audio']:.0f} s of speech ({cold['sentences']} sentences, "
        f"{cold['chapters']} chapters) in {cold['seconds']:.1f} s, one Piper "
        f"process per chapter",
    )
    report.add(
        "course narration: warm cache / cold",
        f"{warm['seconds']:.2f} s vs {cold['seconds']:.1f} s",
        "warm ≪ cold",
        warm["seconds"] < cold["seconds"] / 10,
        note=f"{cold['seconds'] / max(warm['seconds'], 1e-9):.0f}× cheaper when cached",
    )
    times: dict[str, list[float]] = {"default": [], "none": []}
    run(
        [
            MATHVIZ,
            "render",
            CHAPTER,
            "--profile",
            "preview",
            "-q",
            "-j",
            "1",
            "--voice",
            "none",
            "--out",
            str(work / "voice-warmup"),
        ],
        env=cache,
    )  # warms the TeX cache
    for _ in range(2):  # A B A B, warm voice and TeX caches
        for voice in ("default", "none"):
            times[voice].append(
                run(
                    [
                        MATHVIZ,
                        "render",
                        CHAPTER,
                        "--profile",
                        "preview",
                        "--force",
                        "-q",
                        "-j",
                        "1",
                        "--voice",
                        voice,
                        "--out",
                        str(work / f"voice-{voice}"),
                    ],
                    env=cache,
                )
            )
    spoken, silent = (min(times[v]) for v in ("default", "none"))
    lengths = {
        v: probe(next((work / f"voice-{v}").rglob("*.mp4")))["duration"]
        for v in ("default", "none")
    }
    report.add(
        f"render {CHAPTER} at preview: with voice / silent",
        f"{spoken / silent:.2f}",
        "the voice adds little",
        None,
        note=f"{spoken:.1f} s vs {silent:.1f} s, best of 2 each, alternated; the "
        f"lectures last {lengths['default']:.1f} s spoken and "
        f"{lengths['none']:.1f} s silent",
    )


PROFILE_CODE = r"""
import sys, time
from pathlib import Path
from mathviz.course import get_chapter
from mathviz.render import profiles, worker
from mathviz.render.build import plan_build
from mathviz.render.narration import chapter_narrator
chapter, profile = get_chapter(sys.argv[1]), profiles.load("lecture")
plan = plan_build([chapter], profile, "mp4", Path(sys.argv[2]), force=True)[0]
chapter_narrator(chapter, profile.voice)
started = time.perf_counter()
result = worker.render_segment(plan.jobs[0])
assert result.ok, result.message
print(result.frames, time.perf_counter() - started)
"""

#: where a sampled stack's time goes: the first rule whose frame is in the stack, in order
PROFILE_RULES = [
    ("encoder threads: x264 (a thread of its own at 1080p)", "encoder", ("_EncodeThread._run",)),
    ("encoder threads: RGBA→YUV conversion (the writing thread)", "encoder", ("write_frame",)),
    ("encoder threads: other", "encoder", ()),
    (
        "waiting for the encoder (queue full, end of a play)",
        "main",
        ("Condition.wait", "Event.wait", "_wait_for_tstate_lock"),
    ),  # fmt: skip
    ("drawing shapes (Cairo paths, fills, strokes)", "main", ("Camera.capture_mobjects",)),
    (
        "frame copy and background reset",
        "main",
        ("CairoRenderer.get_frame", "Camera.set_frame_to_background", "Camera.reset"),
    ),  # fmt: skip
    (
        "motion checks and layout lint",
        "main",
        (
            "LectureMixin._motion_moment",
            "LectureMixin._frozen_check",
            "LectureMixin._morphed_number_check",
        ),
    ),  # fmt: skip
    ("updaters (readouts, mirrors, redrawn objects)", "main", ("Scene.update_mobjects",)),
    ("animations stepping", "main", ("Scene.update_to_time",)),
    ("animation set-up and clean-up (copies, static frame)", "main", ("CairoRenderer.play",)),
    ("scene construction (TeX, mobjects, narration)", "main", ("construct",)),
    ("start-up and other", "main", ()),
]


def profile_section(report: Report, work: Path) -> None:
    """Where the time of one 1080p60 chapter render goes, sampled by py-spy (50 Hz, every
    Python thread; native code is charged to the Python frame that called it)."""
    spy = shutil.which("py-spy") or str(BIN / "py-spy")
    if not Path(spy).exists():
        raise RuntimeError("py-spy is missing: pip install -e '.[dev]' (or pip install py-spy)")
    raw = work / "profile.txt"
    env = env_with(MATHVIZ_CACHE_DIR=str(work / "profile-cache"))
    script = [sys.executable, "-c", PROFILE_CODE, CHAPTER, str(work / "profile-out")]
    run(script, env=env)  # warm TeX, text and speech caches
    run([spy, "record", "-r", "50", "--threads", "--format", "raw", "-o", str(raw), "--",
         *script], env=env)  # fmt: skip
    shares: dict[str, int] = dict.fromkeys((name for name, _, _ in PROFILE_RULES), 0)
    for line in raw.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        frames = stack.split(";")
        encoding = ("partial-movie-encoder", "x264-")  # converting, and x264 on its own
        thread = "encoder" if any(name in frames[0] for name in encoding) else "main"
        names = {f.split(" (", 1)[0] for f in frames[1:]}
        for name, where, marks in PROFILE_RULES:
            if where == thread and (
                not marks or any(n == m or n.endswith("." + m) for n in names for m in marks)
            ):
                shares[name] += int(count)
                break
    total = sum(shares.values()) or 1
    rows = sorted(shares.items(), key=lambda kv: -kv[1])
    top = rows[0]
    report.add(
        f"chapter {CHAPTER} at 1080p60: largest share of the sampled time",
        f"{top[0]}: {top[1] / total:.0%}",
        "–",
        None,
        note=f"{total} samples at 50 Hz over every thread",
    )
    report.text(
        [
            "## Where a 1080p60 chapter's time goes",
            "",
            f"`py-spy record -r 50 --threads` on one in-process render of {CHAPTER} with the "
            "lecture profile (warm caches), each sample charged to the first matching row. "
            "The encoder converts on one thread and runs x264 on another, beside the main "
            "one, so their shares add up to more than the wall time.",
            "",
            "| where | share of samples |",
            "|---|---|",
            *(f"| {name} | {n / total:.1%} |" for name, n in rows),
            "",
        ]
    )


SECTIONS = {
    "encoder": encoder_section,
    "readout": readout_section,
    "chapter": chapter_section,
    "encode": encode_section,
    "stills": stills_section,
    "profile": profile_section,
    "parallel": parallel_section,
    "cluster": cluster_section,
    "cut": cut_section,
    "noop": noop_section,
    "check": check_section,
    "voice": voice_section,
    "track": track_section,
    "install": install_section,
}


def main(argv: list[str]) -> int:
    only = list(SECTIONS)
    if "--only" in argv:
        only = argv[argv.index("--only") + 1].split(",")
    unknown = set(only) - set(SECTIONS)
    if unknown:
        print(f"unknown section(s): {', '.join(sorted(unknown))}; known: {', '.join(SECTIONS)}")
        return 2
    for tool in ("ffmpeg", "ffprobe"):
        if shutil.which(tool) is None:
            print(f"{tool} is missing: run 'bash scripts/setup.sh test' first")
            return 3
    report = Report()
    work = Path(tempfile.mkdtemp(prefix="mathviz-bench-"))
    try:
        for name in only:
            print(f"== {name}", flush=True)
            report.begin(name)
            SECTIONS[name](report, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report.write(RESULTS)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
