"""What a build shows: a live display (rich) while it runs, a summary table at the end, or
plain lines in quiet mode (CI, logs)."""

from __future__ import annotations

import time
from pathlib import Path

import click
from rich.console import Console
from rich.live import Live
from rich.progress import (
    BarColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from mathviz.course import PROJECT_ROOT
from mathviz.render.build import BuildSummary, ChapterOutcome, ChapterPlan
from mathviz.render.segments import SegmentJob, SegmentResult

__all__ = [
    "UNKNOWN_SEGMENT_SECONDS",
    "TAIL_LINES",
    "QuietReporter",
    "LiveReporter",
]

#: seconds of video assumed for a segment never rendered before (for the overall bar)
UNKNOWN_SEGMENT_SECONDS = 90.0
TAIL_LINES = 6


def _rel(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        try:
            return str(path.relative_to(PROJECT_ROOT))
        except ValueError:
            return str(path)


def _tail(text: str, lines: int = TAIL_LINES) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


class QuietReporter:
    """One line per chapter on stderr, output paths on stdout (``paths=False``: not at all,
    for a command whose own output goes to stdout); failures with their tails."""

    def __init__(self, *, paths: bool = True) -> None:
        self.failures: list[SegmentResult] = []
        self.paths = paths

    def planned(self, plans: list[ChapterPlan], workers: int) -> None:
        _echo_warnings(plans)
        pending = sum(len(p.jobs) for p in plans)
        click.echo(
            f"{len(plans)} chapter(s): {pending} segment(s) to render"
            + (f" on {workers} worker(s)" if pending else ""),
            err=True,
        )

    def segment_started(self, job: SegmentJob) -> None:
        pass

    def segment_progress(self, label: str, clock: float) -> None:
        pass

    def segment_finished(self, result: SegmentResult) -> None:
        if not result.ok:
            self.failures.append(result)

    def chapter_finished(self, outcome: ChapterOutcome) -> None:
        c = outcome.chapter
        if outcome.status == "failed":
            click.echo(f"failed     {c.id} {c.title}: {outcome.message}", err=True)
            return
        if outcome.status == "unchanged":
            click.echo(f"unchanged  {c.id} {c.title}", err=True)
        else:
            out = outcome.output
            assert out is not None  # a rendered chapter has its output
            click.echo(f"rendered   {c.id} {c.title} ({out.duration:.1f} s)", err=True)
        path = outcome.output.video if outcome.output else None
        if path is not None and self.paths:
            click.echo(_rel(path))

    def finished(self, summary: BuildSummary) -> None:
        counts = {
            s: sum(o.status == s for o in summary.outcomes)
            for s in ("rendered", "unchanged", "failed")
        }
        click.echo(
            f"{counts['rendered']} rendered, {counts['unchanged']} unchanged, "
            f"{counts['failed']} failed in {summary.seconds:.1f} s",
            err=True,
        )
        for result in self.failures:
            _echo_failure(result)


def _echo_warnings(plans: list[ChapterPlan]) -> None:
    for plan in plans:
        for warning in plan.warnings:
            click.echo(f"warning: {plan.chapter.id}: {warning}", err=True)


def _echo_failure(result: SegmentResult) -> None:
    click.echo(f"\n{result.job.label}: {result.failure}: {result.message}", err=True)
    if result.details:
        click.echo(_tail(result.details), err=True)
    if result.job.log.is_file():
        click.echo(f"log: {_rel(result.job.log)}", err=True)


class LiveReporter(QuietReporter):
    """A live display: one line per running segment and an overall bar with ETA."""

    def __init__(self, console: Console | None = None) -> None:
        super().__init__()
        self.console = console or Console(stderr=True)
        self.progress = Progress(
            TextColumn("{task.description:<40}"),
            BarColumn(bar_width=30),
            TextColumn("{task.fields[info]:>18}"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=self.console,
            transient=False,
        )
        self.tasks: dict[str, TaskID] = {}
        self.jobs: dict[str, SegmentJob] = {}
        self.started_at: dict[str, float] = {}
        self.overall: TaskID | None = None
        self.live: Live | None = None
        self.rows: list[ChapterOutcome] = []

    def planned(self, plans: list[ChapterPlan], workers: int) -> None:
        _echo_warnings(plans)
        jobs = [j for p in plans for j in p.jobs]
        self.jobs = {j.label: j for j in jobs}
        total = sum(j.expected_duration or UNKNOWN_SEGMENT_SECONDS for j in jobs)
        if jobs:
            self.overall = self.progress.add_task(
                f"[bold]{len(jobs)} segment(s) on {workers} worker(s)",
                total=total,
                info="video seconds",
            )
            self.progress.start()

    def segment_started(self, job: SegmentJob) -> None:
        total = job.expected_duration or UNKNOWN_SEGMENT_SECONDS
        self.started_at[job.label] = time.perf_counter()
        self.tasks[job.label] = self.progress.add_task(f"  {job.label}", total=total, info="")

    def segment_progress(self, label: str, clock: float) -> None:
        task = self.tasks.get(label)
        if task is None:
            return
        before = self.progress.tasks[self.tasks_index(task)].completed
        self.progress.update(task, completed=clock, info=f"{clock:6.1f} s of video")
        if self.overall is not None:
            self.progress.advance(self.overall, max(0.0, clock - before))

    def tasks_index(self, task: TaskID) -> int:
        return next(i for i, t in enumerate(self.progress.tasks) if t.id == task)

    def segment_finished(self, result: SegmentResult) -> None:
        super().segment_finished(result)
        # a scene cut into parts ran as one task per part ("6.3 Gradients [1/2]")
        mine = [
            label
            for label in self.tasks
            if label == result.job.label or label.startswith(f"{result.job.label} [")
        ]
        for label in mine:
            task = self.tasks.pop(label)
            done = self.progress.tasks[self.tasks_index(task)]
            if self.overall is not None:
                assert done.total is not None  # every segment's task is added with its total
                self.progress.advance(self.overall, max(0.0, done.total - done.completed))
            self.progress.remove_task(task)
        if not mine and self.overall is not None:
            self.progress.advance(
                self.overall, result.job.expected_duration or UNKNOWN_SEGMENT_SECONDS
            )

    def chapter_finished(self, outcome: ChapterOutcome) -> None:
        self.rows.append(outcome)
        if outcome.output is not None:
            click.echo(_rel(outcome.output.video))

    def close(self) -> None:
        """Stop the live display and show the cursor again (also after an interrupt)."""
        self.progress.stop()
        self.console.show_cursor(True)

    def finished(self, summary: BuildSummary) -> None:
        self.close()
        table = Table(
            title=f"build: {summary.seconds:.1f} s, {summary.workers} worker(s)",
            title_justify="left",
        )
        for column in (
            "chapter",
            "result",
            "segments",
            "video",
            "render time",
            "frames",
            "frames/s",
        ):
            table.add_column(column, justify="left" if column in ("chapter", "result") else "right")
        for o in summary.outcomes:
            rendered = [r for r in o.segments if r.ok]
            seconds = sum(r.seconds for r in o.segments)
            frames = sum(r.frames for r in rendered)
            style = {"failed": "red", "unchanged": "dim", "rendered": "green"}[o.status]
            segs = (
                f"{len(rendered)} new, {o.cached_segments} cached"
                if o.status != "unchanged"
                else "-"
            )
            table.add_row(
                f"{o.chapter.id} {o.chapter.title}",
                f"[{style}]{o.status}",
                segs,
                f"{o.output.duration:.1f} s" if o.output else "",
                f"{seconds:.1f} s" if seconds else "",
                str(frames or ""),
                f"{frames / seconds:.1f}" if frames and seconds else "",
            )
        self.console.print(table)
        for result in self.failures:
            self.console.print(
                f"\n[red]{result.job.label}[/]: {result.failure}: {result.message}",
                highlight=False,
                markup=True,
            )
            if result.details:
                self.console.print(_tail(result.details), highlight=False, markup=False)
            if result.job.log.is_file():
                self.console.print(f"log: {_rel(result.job.log)}", highlight=False)
