"""``mathviz``: list, check, render and diagnose the course's lecture videos."""

from __future__ import annotations

import dataclasses
import errno
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from mathviz import course, doctor, state
from mathviz.checkpoints import fmt, pacing
from mathviz.errors import (
    EXIT_BUSY,
    EXIT_FAILED,
    EXIT_MISSING_TOOL,
    EXIT_USAGE,
    Failed,
    Interrupted,
    MathvizError,
    MissingTool,
)
from mathviz.render import profiles
from mathviz.render.segments import write_atomic
from mathviz.voice.engine import VoiceSettings

if TYPE_CHECKING:
    from mathviz.render.build import BuildSummary

__all__ = [
    "main",
    "EXIT_USAGE",
    "EXIT_FAILED",
    "EXIT_MISSING_TOOL",
    "EXIT_BUSY",
]


class UsageProblem(click.ClickException):
    """A usage error told in one line (``Error: …``, exit 2), without the usage synopsis:
    for a bad value the user can fix where it is named (a path, a profile, an id)."""

    exit_code = EXIT_USAGE


def _complete_ids(
    _ctx: click.Context, _param: click.Parameter, incomplete: str
) -> list[click.shell_completion.CompletionItem]:
    """Shell completion for IDS: chapters with scenes, levels, ``all``."""
    from click.shell_completion import CompletionItem

    items = [CompletionItem(c.id, help=c.title) for c in course.CHAPTERS if c.has_scenes]
    items += [CompletionItem(str(lv.number), help=lv.title) for lv in course.LEVELS]
    items.append(CompletionItem("all", help="every chapter that has scenes"))
    return [item for item in items if item.value.startswith(incomplete)]


def _complete_profiles(_ctx: click.Context, _param: click.Parameter, incomplete: str) -> list[str]:
    """Shell completion for --profile: the profiles in the render configuration."""
    return [name for name in profiles.available() if name.startswith(incomplete)]


def _chapters(tokens: tuple[str, ...], *, only_with_scenes: bool) -> list[course.Chapter]:
    """The chapters IDS select, or a usage error (unknown id, or nothing with scenes)."""
    try:
        chosen = course.resolve(tokens, only_with_scenes=only_with_scenes)
    except course.UnknownChapterError as exc:
        raise UsageProblem(str(exc)) from None
    if not chosen:
        with_scenes = sorted(
            {str(c.level.number) for c in course.CHAPTERS if c.has_scenes}, key=int
        )
        raise UsageProblem(
            f"{' '.join(tokens)} selects no chapter with scenes; levels "
            f"with scenes: {', '.join(with_scenes)}"
        )
    return chosen


def _path_problem(path: Path, *, folder: bool) -> str | None:
    """Why nothing can be written at ``path`` (a folder, or a file when ``folder`` is false),
    or ``None``. Writes nothing: looks at the nearest existing ancestor."""
    if path.exists():
        if folder and not path.is_dir():
            return "is a file, not a folder"
        if not folder and path.is_dir():
            return "is a folder, not a file"
    parent = path if folder else path.parent
    if not folder and not parent.is_dir():
        return (
            f"its folder {parent} is a file"
            if parent.exists()
            else f"its folder {parent} does not exist"
        )
    existing = parent
    while not existing.exists():
        existing = existing.parent
    if not existing.is_dir():
        return f"{existing} is a file, so no folder can be made under it"
    try:
        if os.statvfs(existing).f_flag & os.ST_RDONLY:
            return f"{existing} is on a read-only filesystem"
    except OSError:
        pass
    if not os.access(existing, os.W_OK | os.X_OK):
        return f"{existing} is not writable"
    return None


def _output_option(path: Path, option: str, *, folder: bool = True) -> Path:
    """Validate a path option the command writes to, before any work: exit 2 naming the
    option, the path and the problem. An output folder is created (and written to once, to be
    sure); a file is only checked."""
    problem = _path_problem(path, folder=folder)
    where = path.parent if not folder else path
    if problem is None:
        try:
            if folder:
                path.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryFile(dir=where, prefix=".mathviz-probe-"):
                pass
        except OSError as exc:
            problem = (
                f"cannot be written ({exc.strerror or exc})"
                if exc.errno != errno.ENOENT
                else "cannot be created here (a system folder?)"
            )
    if problem is not None:
        raise UsageProblem(f"{option} {path}: {problem}")
    return path


@contextmanager
def _building() -> Iterator[None]:
    """Turn what can stop a build into a message and an exit code: another build holding the
    folder (4), an interrupt (130 for SIGINT, 143 for SIGTERM: finished scenes are kept) or
    a filesystem error such as a full disk (1)."""
    from mathviz.render import build

    try:
        yield
    except KeyboardInterrupt as exc:
        stopped = exc if isinstance(exc, build.BuildInterrupted) else build.BuildInterrupted()
        raise Interrupted(
            f"interrupted ({stopped.args[0]}): finished scenes are kept; run "
            f"the same command to resume",
            stopped.signum,
        ) from None
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        raise Failed(
            f"{exc.strerror or exc}{where}; free space or fix the folder's "
            f"permissions, then run the same command to resume"
        ) from None


def scene_names(chapter: course.Chapter) -> list[str]:
    """Names in the chapter module's ``SCENES`` list, read without importing it."""
    from mathviz.render import fingerprint

    return fingerprint.scene_names(chapter.module_path) if chapter.has_scenes else []


def _profile(
    name: str, voice: str | None = None, lexicon: Path | None = None, *, speaks: bool = True
) -> profiles.Profile:
    """The named (or TOML-path) profile, or a usage error listing the available ones; with
    ``--voice``/``--lexicon`` applied to its voice (see :func:`_voice`)."""
    try:
        profile = profiles.load(name)
    except profiles.ProfileError as exc:
        raise UsageProblem(f"--profile: {exc}") from None
    if not speaks:
        return profile
    return dataclasses.replace(profile, voice=_voice(profile.voice, voice, lexicon))


def _voice(settings: VoiceSettings, voice: str | None, lexicon: Path | None) -> VoiceSettings:
    """``settings`` with ``--voice`` replacing the model and ``--lexicon`` adding entries.

    A voice that cannot speak (engine or model missing, broken model) exits 3 naming the fix;
    a lexicon with a syntax error is a usage error naming its line.
    """
    from mathviz.voice.engine import VoiceError
    from mathviz.voice.text import LexiconError

    if voice is not None:
        settings = dataclasses.replace(
            settings,
            voice=voice
            if voice in ("default", "none")
            else str(Path(voice).expanduser().resolve()),
        )
    if lexicon is not None:
        settings = dataclasses.replace(settings, lexicon=str(lexicon.resolve()))
    try:
        settings.narrator(narration_cache())
    except LexiconError as exc:
        raise click.BadParameter(str(exc), param_hint="--lexicon") from None
    except VoiceError as exc:
        raise MissingTool(str(exc)) from None
    return settings


def narration_cache() -> Path:
    from mathviz.render.narration import voice_cache_dir

    return voice_cache_dir()


def ids_argument(command: Callable[..., None]) -> Callable[..., None]:
    """IDS: chapter ids, levels or ``all``, completed by the shell."""
    return click.argument("ids", nargs=-1, required=True, shell_complete=_complete_ids)(command)


def profile_option(
    default: str, help_text: str
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """``--profile``: a profile's name (completed by the shell) or a TOML file."""
    return click.option(
        "--profile",
        "profile_name",
        shell_complete=_complete_profiles,
        default=default,
        show_default=True,
        help=help_text,
    )


def build_option(
    help_text: str, *, name: str = "build_root", older: str | None = None
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """``--build``: the build folder, the same option in every command (``older``: a former
    name it is still accepted under)."""
    names = ["--build", *([older] if older else []), name]
    return click.option(
        *names,
        type=click.Path(path_type=Path),
        default=Path("build"),
        show_default=True,
        help=help_text,
    )


def jobs_option(help_text: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """``-j/--jobs``: worker processes (default: the number of CPU cores)."""
    return click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help=help_text)


def cluster_option(command: Callable[..., None]) -> Callable[..., None]:
    """``--cluster ADDRESS`` (or ``$MATHVIZ_DASK_SCHEDULER``): render on a Dask cluster."""
    return click.option(
        "--cluster",
        metavar="ADDRESS",
        envvar="MATHVIZ_DASK_SCHEDULER",
        default=None,
        help="Run the scenes on the Dask cluster whose scheduler is at ADDRESS (e.g. "
        "tcp://10.0.0.5:8786; default: $MATHVIZ_DASK_SCHEDULER, else local worker processes). "
        "Every worker needs this same mathviz installed; see the README.",
    )(command)


def _connect(address: str | None) -> Any:
    """The Dask cluster at ``address`` (``None``: none), connected before anything is
    written, and closed with the command."""
    if not address:
        return None
    from mathviz.render import cluster

    connection = cluster.connect(address)
    click.get_current_context().call_on_close(connection.close)
    return connection


def open_option(command: Callable[..., None]) -> Callable[..., None]:
    """``-p/--open``, as manim's ``-p``: show the result when the command is done."""
    return click.option(
        "-p",
        "--open",
        "open_result",
        is_flag=True,
        help="Open the result when done (the first video, site, deck or "
        "storyboard), with the desktop's default program.",
    )(command)


def _open(path: Path | None) -> None:
    """Open ``path`` with the default program; say so when there is none (a server)."""
    if path is None:
        return
    if click.launch(str(path)) != 0:
        click.echo(f"warning: could not open {path} (no default program here)", err=True)


def voice_options(command: Callable[..., None]) -> Callable[..., None]:
    """``--voice`` and ``--lexicon``, shared by the commands that speak."""
    command = click.option(
        "--lexicon",
        type=click.Path(path_type=Path, exists=True, dir_okay=False),
        default=None,
        help='An extra pronunciation lexicon (TOML: "written" = "spoken").',
    )(command)
    return click.option(
        "--voice",
        "voice",
        default=None,
        metavar="default|none|PATH.onnx",
        help="Who narrates: the bundled voice (default), none (silent, timed by reading "
        "speed) or a Piper model file. Default: the profile's [voice].",
    )(command)


def _require_scenes(chapters: list[course.Chapter]) -> None:
    planned = [c for c in chapters if not c.has_scenes]
    if planned:
        with_scenes = [c.id for c in course.CHAPTERS if c.has_scenes]
        names = ", ".join(f"{c.id} ({c.title})" for c in planned)
        raise UsageProblem(
            f"planned chapter(s) without scenes yet: {names}. "
            f"Chapters with scenes: {', '.join(with_scenes)}"
        )


def _build_quietly(
    chapters: list[course.Chapter],
    profile: profiles.Profile,
    build_root: Path,
    jobs: int | None,
    *,
    paths: bool = True,
    keep_failed: bool = False,
    cluster: Any = None,
) -> BuildSummary:
    """Build the chapters' mp4s (cached) with one line per chapter, for the commands that
    work on rendered chapters; exits with the usual codes when a tool is missing or another
    build holds the folder. Records each outcome."""
    from mathviz.render import build, progress

    doctor.require("ffmpeg", "ffprobe", "latex", "standalone.cls", "dvisvgm")
    with _building():
        summary = build.build(
            chapters,
            profile,
            "mp4",
            build_root,
            progress.QuietReporter(paths=paths),
            jobs=jobs,
            keep_failed=keep_failed,
            cluster=cluster,
        )
    for outcome in summary.outcomes:
        state.record_outcome(outcome)
    return summary


def _version_message() -> str:
    """``mathviz 0.1.0 (manim 0.22.0, Python 3.11.7)``: what a bug report needs."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        manim = version("manim")
    except PackageNotFoundError:
        manim = "not installed"
    return f"%(prog)s %(version)s (manim {manim}, Python {sys.version.split()[0]})"


class MathvizGroup(click.Group):
    """The command group: maps every :class:`~mathviz.errors.MathvizError` to its message and
    exit code, in one place."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except MathvizError as exc:
            message = str(exc)
            if message:
                click.echo(f"{exc.label}: {message}" if exc.label else message, err=True)
            ctx.exit(exc.exit_code)


@click.group(cls=MathvizGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="mathviz", message=_version_message())
def main() -> None:
    """Verified, narrated lecture videos for Mathematics for Machine Learning."""


@main.command("list")
@click.argument("level", required=False, type=int)
@build_option(
    "Build folder to look for rendered videos in (--out: the same, older name).",
    name="out_root",
    older="--out",
)
def list_chapters(level: int | None, out_root: Path) -> None:
    """List chapters (optionally of one LEVEL): id, title, scenes, status."""
    if level is not None and not 0 <= level < len(course.LEVELS):
        raise click.UsageError(f"level must be 0..{len(course.LEVELS) - 1}")
    current = None
    for chapter in course.CHAPTERS:
        if level is not None and chapter.level.number != level:
            continue
        if chapter.level != current:
            current = chapter.level
            click.echo(click.style(f"Level {current.number}: {current.title}", bold=True))
        scenes = ", ".join(scene_names(chapter)) or "-"
        figure = state.checked_pacing(chapter)
        still = (
            f"still {figure['still_share']:.0%}, longest {figure['longest_still']:.0f} s"
            if figure
            else ""
        )
        click.echo(
            f"  {chapter.id:<6}{chapter.title:<30}{scenes:<34}"
            f"{state.status(chapter, out_root):<11}{still}".rstrip()
        )


@main.command()
@ids_argument
@click.option("--json", "as_json", is_flag=True, help="Print results as a JSON list.")
@click.option(
    "--voice",
    "voice",
    is_flag=False,
    flag_value="default",
    default=None,
    metavar="[default|none|PATH.onnx]",
    help="Also check the speech: align every beat's audio against its script "
    "(offline, pocketsphinx) and report words the voice does not say within "
    "the beat. Beats are always timed by the voice (default: the bundled one; "
    "'none': by reading speed).",
)
@click.option(
    "--lexicon",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    default=None,
    help="An extra pronunciation lexicon (TOML).",
)
@click.option(
    "--fresh", is_flag=True, help="Run every scene, even a chapter whose last results still hold."
)
@jobs_option("Worker processes checking chapters in parallel.  [default: number of CPU cores]")
@cluster_option
def check(
    ids: tuple[str, ...],
    as_json: bool,
    voice: str | None,
    lexicon: Path | None,
    fresh: bool,
    jobs: int | None,
    cluster: str | None,
) -> None:
    """Run chapters' scenes without drawing frames and evaluate every checkpoint.

    IDS are chapter ids (6.3), levels (6: its chapters that have scenes) or 'all'.
    Narration is linted too: a symbol the voice would misread without a lexicon entry fails.
    A chapter whose scenes, imported modules, voice and checking code are unchanged since
    its last check reuses those results (--fresh runs it anyway).
    """
    from mathviz.render import narration, runner

    chapters = _chapters(ids, only_with_scenes=True)
    _require_scenes(chapters)
    settings = _voice(VoiceSettings(), voice, lexicon)
    narrator = settings.narrator(narration_cache())
    results = []
    summaries: list[dict[str, Any]] = []
    errors: list[str] = []
    connection = _connect(cluster)
    for outcome in runner.check_chapters(
        chapters,
        settings,
        reuse=not fresh,
        jobs=jobs or os.cpu_count() or 1,
        cluster=connection,
    ):
        chapter, reports, reused = outcome.chapter, outcome.reports, outcome.reused
        if outcome.missing:
            raise MissingTool(outcome.missing)
        if reports is None:
            errors.append(outcome.error)
            click.echo(f"error: {outcome.error}\n{outcome.details}", err=True)
            continue
        chapter_results = [c for r in reports for c in r.checkpoints]
        if voice is not None and narrator.speaks:
            chapter_results += narration.alignment_results(reports, narrator)
        figure = pacing(reports)
        state.record_check(chapter, chapter_results, figure)
        results += chapter_results
        summaries.append(
            {
                "chapter": chapter.id,
                "reused": reused,
                "pacing": figure.as_json(),
                "unverified": [u for r in reports for u in r.unverified],
            }
        )
    if as_json:
        click.echo(
            json.dumps(
                {"checkpoints": [r.as_json() for r in results], "chapters": summaries}, indent=2
            )
        )
    else:
        header = (
            f"{'chapter':<8}{'scene':<26}{'name':<34}{'shown':>24}{'expected':>24}{'tol':>9}  ok"
        )
        click.echo(header)
        for r in results:
            mark = "ok" if r.ok else click.style("FAIL", fg="red")
            click.echo(
                f"{r.chapter:<8}{r.scene:<26}{r.name:<34}{fmt(r.shown):>24}"
                f"{fmt(r.expected):>24}{r.tol:>9.1e}  {mark}"
            )
            if not r.ok and r.source.startswith("refused"):
                click.echo(f"{'':<8}{r.source}")
        for summary in summaries:
            figure = summary["pacing"]
            reuse_note = " (unchanged: last results reused)" if summary["reused"] else ""
            click.echo(
                f"{summary['chapter']}{reuse_note}: still {figure['still_share']:.0%} of "
                f"{figure['duration']:.0f} s, longest still {figure['longest_still']:.1f} s"
                f" at {figure['longest_still_at']:.1f} s"
            )
            if summary["unverified"]:
                click.echo(
                    f"{summary['chapter']}: {len(summary['unverified'])} number(s) shown "
                    f"without a checkpoint: " + ", ".join(summary["unverified"])
                )
        failed = sum(not r.ok for r in results)
        click.echo(f"{len(results) - failed} passed, {failed} failed")
    if errors or any(not r.ok for r in results):
        raise Failed()


@main.command()
@ids_argument
@profile_option(
    profiles.DEFAULT_PROFILE, "Render profile: a name from render_config/ or a path to a TOML file."
)
@click.option(
    "--format",
    "fmt_name",
    type=click.Choice(profiles.FORMATS),
    default=None,
    help="Output format (png: a poster frame). Default: the profile's.",
)
@build_option(
    "Build folder, as for the other commands (--out: the same, older name).",
    name="out_root",
    older="--out",
)
@jobs_option("Worker processes rendering in parallel.  [default: number of CPU cores]")
@click.option("--force", is_flag=True, help="Re-render even what is unchanged or cached.")
@click.option("--fail-fast", is_flag=True, help="Start no new scene after the first failure.")
@click.option(
    "--no-split",
    is_flag=True,
    help="Render every scene whole in one worker. By default, when workers outnumber the "
    "scenes to render and frames are 1920×1080 or larger, the longest scenes are cut at beat "
    "boundaries and rendered side by side (frame-exact).",
)
@click.option(
    "--wait",
    is_flag=True,
    help="If another build is writing into --build, wait for it instead of refusing.",
)
@click.option(
    "-q",
    "--quiet",
    is_flag=True,
    help="No live display: a line per chapter (the default when not on a terminal).",
)
@click.option(
    "--report",
    "report_path",
    type=click.Path(path_type=Path),
    default=None,
    help="Also write the build's summary (per scene: time, frames, memory) as JSON.",
)
@cluster_option
@voice_options
@open_option
def render(
    ids: tuple[str, ...],
    profile_name: str,
    fmt_name: str | None,
    out_root: Path,
    jobs: int | None,
    force: bool,
    fail_fast: bool,
    no_split: bool,
    wait: bool,
    quiet: bool,
    report_path: Path | None,
    cluster: str | None,
    voice: str | None,
    lexicon: Path | None,
    open_result: bool,
) -> None:
    """Render chapters to video with captions; print each output path.

    IDS are chapter ids (6.3), levels (6) or 'all'. What is unchanged since its last render
    is skipped without starting manim; changed scenes render in parallel worker processes.
    A chapter whose checkpoints fail is not rendered; the others still are.
    """
    from mathviz.render import build, progress

    chapters = _chapters(ids, only_with_scenes=True)
    _require_scenes(chapters)
    profile = _profile(profile_name, voice, lexicon)
    output_format = fmt_name or profile.format
    connection = _connect(cluster)
    if report_path is not None:
        _output_option(report_path, "--report", folder=False)
    _output_option(out_root, "--build")
    doctor.require("ffmpeg", "ffprobe", "latex", "standalone.cls", "dvisvgm")
    live = not quiet and sys.stderr.isatty()
    reporter = progress.LiveReporter() if live else progress.QuietReporter()
    with _building():
        summary = build.build(
            chapters,
            profile,
            output_format,
            out_root,
            reporter,
            jobs=jobs,
            force=force,
            fail_fast=fail_fast,
            wait=wait,
            split=not no_split,
            cluster=connection,
        )
    for warning in summary.warnings:
        click.echo(f"warning: {warning}", err=True)
    for outcome in summary.outcomes:
        state.record_outcome(outcome)
    if report_path is not None:
        write_atomic(report_path, json.dumps(summary.as_json(), indent=2))
    if open_result:
        from mathviz.render.assemble import output_path

        _open(
            next((o.output.video for o in summary.outcomes if o.output), None)
            or next(
                (
                    output_path(o.chapter, profile, output_format, out_root)
                    for o in summary.outcomes
                    if o.status == "unchanged"
                ),
                None,
            )
        )
    if any(r.failure == "missing-tool" for o in summary.failed for r in o.segments):
        raise MissingTool("")  # the tool and its fix were listed with the failure
    if summary.failed:
        raise Failed()


@main.command()
@ids_argument
@profile_option(profiles.DEFAULT_PROFILE, "Render profile of the published videos.")
@click.option(
    "--out",
    "site",
    type=click.Path(path_type=Path),
    default=Path("site"),
    show_default=True,
    help="The site folder (empty, new, or an earlier site).",
)
@build_option("Build folder: rendered videos are reused from here.")
@jobs_option("Worker processes for what must be rendered.")
@click.option(
    "--clips/--no-clips",
    default=True,
    show_default=True,
    help="Cut each chapter into one clip per beat, with a reveal.js slide deck.",
)
@cluster_option
@voice_options
@open_option
def publish(
    ids: tuple[str, ...],
    profile_name: str,
    site: Path,
    build_root: Path,
    jobs: int | None,
    clips: bool,
    cluster: str | None,
    voice: str | None,
    lexicon: Path | None,
    open_result: bool,
) -> None:
    """Render what is missing and write the static course site into --out.

    The site has an index by level with the learning-path map, a page per chapter (video with
    captions, transcript, verified values, downloads, clips and a slide deck), a lecture per
    level with two or more published chapters, and course.json. A chapter whose checkpoints
    fail is not published: it shows as failing and the exit code is 1.
    """
    from mathviz.publish import site as site_module
    from mathviz.render import progress

    chapters = _chapters(ids, only_with_scenes=True)
    _require_scenes(chapters)
    profile = _profile(profile_name, voice, lexicon)
    connection = _connect(cluster)
    try:
        site_module.check_site_folder(site)
        _output_option(build_root, "--build")
        _output_option(site, "--out")
        doctor.require("ffmpeg", "ffprobe", "latex", "standalone.cls", "dvisvgm")
    except site_module.SiteRefused as exc:
        raise UsageProblem(f"--out {site}: {exc}") from None
    with _building():
        result = site_module.publish(
            chapters,
            profile,
            site,
            build_root,
            progress.QuietReporter(),
            jobs=jobs,
            clips=clips,
            cluster=connection,
        )
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    published = sum(e.status == "published" for e in result.entries)
    click.echo(
        f"site: {site / 'index.html'} ({published} lecture(s) published"
        + (f", {len(result.lectures)} level lecture(s))" if result.lectures else ")")
    )
    for entry in result.failing:
        click.echo(f"not published: {entry.id} {entry.title}: {entry.message}", err=True)
    if open_result:
        _open(site / "index.html")
    if result.failing:
        raise Failed()


@main.command()
@click.argument("level", type=int)
@profile_option(profiles.DEFAULT_PROFILE, "Profile of the rendered chapters to join.")
@build_option("Build folder holding the rendered chapters.")
def lecture(level: int, profile_name: str, build_root: Path) -> None:
    """Join a LEVEL's rendered chapters into one video without re-encoding.

    Writes level-<NN-level>.mp4 with chapter markers, merged .vtt/.srt captions and a
    YouTube-style .chapters.txt beside the chapters' videos; prints the video's path.
    """
    from mathviz.publish import lectures

    if not 0 <= level < len(course.LEVELS):
        raise click.UsageError(f"level must be 0..{len(course.LEVELS) - 1}")
    from mathviz.render.assemble import DamagedOutput

    profile = _profile(profile_name, speaks=False)
    _output_option(build_root, "--build")
    doctor.require("ffmpeg", "ffprobe")
    try:
        result = lectures.level_lecture(course.LEVELS[level], profile, build_root)
    except (lectures.NothingToJoin, DamagedOutput) as exc:
        raise Failed(str(exc)) from None
    click.echo(str(result.video))
    click.echo(
        f"  {len(result.chapters)} chapter(s), {result.duration:.1f} s; captions and "
        f"{result.chapter_list.name} beside it",
        err=True,
    )


@main.command()
@ids_argument
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("mp4", "webm", "gif")),
    default="mp4",
    show_default=True,
    help="Clip format.",
)
@profile_option("slides", "Render profile the clips are cut from (rendered first if missing).")
@build_option("Build folder: rendered videos are reused from here.")
@click.option(
    "--deck/--no-deck",
    default=True,
    show_default=True,
    help="Also write deck.html: a reveal.js deck, one slide per clip.",
)
@click.option("--pptx", is_flag=True, help="Also write deck.pptx (PowerPoint, videos embedded).")
@jobs_option("Worker processes for what must be rendered.")
@click.option("--force", is_flag=True, help="Cut the clips again even if they are up to date.")
@cluster_option
@voice_options
@open_option
def clips(
    ids: tuple[str, ...],
    fmt: str,
    profile_name: str,
    build_root: Path,
    deck: bool,
    pptx: bool,
    jobs: int | None,
    force: bool,
    cluster: str | None,
    voice: str | None,
    lexicon: Path | None,
    open_result: bool,
) -> None:
    """Cut chapters into one clip per beat, numbered in order, plus a slide deck.

    Renders what is missing with --profile (default 'slides': 1920×1080, 30 fps), then writes
    <build>/<profile>/<NN-level>/<id>-<slug>-clips/ with <id>-<slug>-01.<format> …, a
    clips.<format>.json manifest (times, frames, narration) and deck.html (reveal.js, each
    beat a slide, the narration as speaker notes). Prints each deck's (or folder's) path.
    """
    from mathviz.publish import slides

    chapters = _chapters(ids, only_with_scenes=True)
    _require_scenes(chapters)
    profile = _profile(profile_name, voice, lexicon)
    connection = _connect(cluster)
    _output_option(build_root, "--build")
    summary = _build_quietly(chapters, profile, build_root, jobs, cluster=connection)
    made = slides.make_clips(
        summary.outcomes, profile, fmt, build_root, deck=deck, pptx=pptx, force=force
    )
    for entry in made:
        chapter = entry.chapter
        if entry.error or entry.clip_set is None:
            click.echo(f"no clips: {chapter.id} {chapter.title}: {entry.error}", err=True)
            continue
        click.echo(str(entry.main))
        click.echo(
            f"  {len(entry.clip_set.clips)} clip(s) ({fmt}, "
            f"{'cut' if entry.written else 'unchanged'}) in {entry.clip_set.folder}"
            + (f"; {', '.join(p.name for p in entry.decks)}" if entry.decks else ""),
            err=True,
        )
    if open_result:
        _open(next((e.main for e in made if e.main is not None), None))
    if any(e.error for e in made):
        raise Failed()


@main.command()
@ids_argument
@click.option(
    "--mid",
    is_flag=True,
    help="Also a frame in the middle of every animation that moves for 0.5 s or more.",
)
@profile_option("preview", "Render profile the frames are taken from (rendered first if missing).")
@build_option("Build folder: rendered videos are reused from here.")
@click.option(
    "--out",
    "out_root",
    type=click.Path(path_type=Path),
    default=None,
    help="Where the storyboards go, one folder per chapter.  [default: <build>/storyboard]",
)
@jobs_option("Worker processes for what must be rendered.")
@voice_options
@open_option
def storyboard(
    ids: tuple[str, ...],
    mid: bool,
    profile_name: str,
    build_root: Path,
    out_root: Path | None,
    jobs: int | None,
    voice: str | None,
    lexicon: Path | None,
    open_result: bool,
) -> None:
    """Write a contact sheet per chapter, to review before publishing.

    Renders what is missing (as 'mathviz render' does), then writes <out>/<id>/storyboard.png
    and storyboard.html (frames in frames/): the frame at the end of every beat (with --mid
    also in the middle of animations), each with its beat, time and narration; a beat whose
    checkpoints failed is framed in red with their names. A chapter whose checkpoints fail
    still gets its storyboard, and the exit code is 1. Prints the paths written.
    """
    from mathviz.publish import storyboard as boards

    chapters = _chapters(ids, only_with_scenes=True)
    _require_scenes(chapters)
    profile = _profile(profile_name, voice, lexicon)
    out_root = out_root if out_root is not None else build_root / "storyboard"
    _output_option(build_root, "--build")
    _output_option(out_root, "--out")
    summary = _build_quietly(chapters, profile, build_root, jobs, paths=False, keep_failed=True)
    failed = False
    pages: list[Path] = []
    for outcome in summary.outcomes:
        chapter = outcome.chapter
        name = f"{chapter.id} {chapter.title}"
        try:
            sources = boards.chapter_sources(
                chapter, profile, build_root, failed=outcome.status == "failed"
            )
            result = boards.write_storyboard(chapter, profile, sources, out_root, mid=mid)
        except (boards.StoryboardError, OSError) as exc:
            reason = outcome.message if outcome.status == "failed" else str(exc)
            click.echo(f"error: no storyboard for {name}: {reason}", err=True)
            failed = True
            continue
        click.echo(str(result.sheet))
        click.echo(str(result.page))
        pages.append(result.page)
        mids = sum(f.kind == "mid" for f in result.frames)
        click.echo(
            f"  {len(result.frames) - mids} beat end(s)"
            + (f", {mids} mid-animation frame(s)" if mid else "")
            + (f", {result.failed} failed checkpoint(s) marked" if result.failed else "")
            + f"; frames in {result.page.parent / 'frames'}",
            err=True,
        )
        for warning in result.warnings:
            click.echo(f"warning: {name}: {warning}", err=True)
        if outcome.status == "failed":
            click.echo(f"error: {name}: {outcome.message}", err=True)
            failed = True
    if open_result:
        _open(pages[0] if pages else None)
    if failed:
        raise Failed()


@main.command()
@click.argument(
    "site", type=click.Path(path_type=Path, exists=True, file_okay=False), default=Path("site")
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port on 127.0.0.1 (0: any free port).",
)
@open_option
def serve(site: Path, port: int, open_result: bool) -> None:
    """Serve a published SITE on http://127.0.0.1 until Ctrl-C, as a static host would.

    Opened straight from the disk (file://) the site works except captions: Chromium will
    not load a captions file from file://. Served, everything works, seeking included.
    """
    from mathviz.publish import serve as serving
    from mathviz.publish.site import MARKER

    if not (site / MARKER).is_file():
        raise UsageProblem(f"{site} is not a published mathviz site (no {MARKER})")
    try:
        server = serving.serve(site, port)
    except OSError as exc:
        raise UsageProblem(f"--port {port}: {exc.strerror or exc}") from None
    click.echo(f"serving {site} at {server.url} (Ctrl-C stops)")
    if open_result:
        _open_url(server.url)
    try:
        server.thread.join()
    except KeyboardInterrupt:
        click.echo("stopped", err=True)
    finally:
        server.close()


def _open_url(url: str) -> None:
    if click.launch(url) != 0:
        click.echo(f"warning: could not open {url} (no default browser here)", err=True)


@main.command(name="doctor")
@click.option(
    "--tests",
    is_flag=True,
    help="Also what the test suite needs: chromium, chromedriver, selenium.",
)
def doctor_command(tests: bool) -> None:
    """Check manim's version, Python packages, ffmpeg and its encoders, cairo and pango,
    LaTeX (standalone), dvisvgm, fonts and the voice."""
    checks = doctor.all_checks(tests=tests)
    for c in checks:
        click.echo(c.line())
    missing = [c for c in checks if not c.ok]
    if missing:
        click.echo(f"\n{len(missing)} missing. {doctor.SETUP_HINT}")
        raise Failed()
    click.echo("\nall requirements found")


if __name__ == "__main__":  # pragma: no cover
    main()
