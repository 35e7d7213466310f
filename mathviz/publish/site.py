"""``mathviz publish``: render what is missing, then write a static course site.

The site works from ``file://`` and any static host: every link is relative, and nothing is
linked that was not written. Layout::

    index.html              levels, learning-path map, every chapter with status
    chapters/<stem>.html    video with WebVTT captions, transcript, verified values, clips
    lectures/<level>.html   a level's published chapters as one video (when it has two or more)
    media/<stem>.mp4|.vtt|.srt|.png
    media/<stem>-clips/     one clip per beat, and deck.html (reveal.js: each beat a slide)
    media/level-<NN-level>.mp4|.vtt|.srt|.chapters.txt
    reveal.js/              the decks' copy of reveal.js (no CDN: the site works offline)
    course.json             machine-readable index (ids, titles, levels, files, checkpoints)
    style.css
    favicon.svg             the site's icon
    .mathviz-site           marks the folder as a mathviz site (publishing elsewhere refuses)
"""

from __future__ import annotations

import json
import shutil
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from mathviz.checkpoints import BeatRecord
from mathviz.course import CHAPTERS, LEVELS, Chapter, get_chapter
from mathviz.publish import copy_if_changed, learning_path, lectures, revealjs, slides
from mathviz.render.assemble import output_path, poster_frame, poster_time, read_sidecar
from mathviz.render.build import BuildReporter, BuildSummary, build
from mathviz.render.cluster import Cluster
from mathviz.render.profiles import Profile

__all__ = [
    "MARKER",
    "SCHEMA",
    "SiteRefused",
    "ChapterEntry",
    "check_site_folder",
    "PublishResult",
    "publish",
]

MARKER = ".mathviz-site"
SCHEMA = 1


class SiteRefused(RuntimeError):
    """The output folder holds something that is not a mathviz site."""


@dataclass
class ChapterEntry:
    """What the site says about one chapter."""

    id: str
    title: str
    level: int
    level_title: str
    status: str  # published | failing | planned | not built
    page: str | None = None
    duration: float | None = None
    files: dict[str, str] = field(default_factory=dict)
    checkpoints: list[dict[str, Any]] = field(default_factory=list)
    transcript: list[dict[str, Any]] = field(default_factory=list)
    message: str = ""
    #: one per beat: number, file (site-relative), start, end, narration
    clips: list[dict[str, Any]] = field(default_factory=list)


def check_site_folder(site: Path) -> None:
    """Refuse a non-empty folder that is not a mathviz site."""
    if site.exists() and not site.is_dir():
        raise SiteRefused(f"{site} is a file, not a folder")
    if site.is_dir() and any(site.iterdir()) and not (site / MARKER).is_file():
        raise SiteRefused(
            f"{site} is not empty and is not a mathviz site (no {MARKER}); "
            "publish into an empty or new folder"
        )


def _entry_for_output(chapter: Chapter, video: Path, site: Path) -> ChapterEntry:
    sidecar = read_sidecar(video)
    stem = chapter.output_stem
    media = site / "media"
    files = {}
    for kind, ext in (("video", video.suffix), ("captions_vtt", ".vtt"), ("captions_srt", ".srt")):
        copy_if_changed(video.with_suffix(ext), media / f"{stem}{ext}")
        files[kind] = f"media/{stem}{ext}"
    poster = media / f"{stem}.png"
    if not poster.is_file() or poster.stat().st_mtime < video.stat().st_mtime:
        beats = [BeatRecord.from_json(b) for b in sidecar["beats"]]
        poster_frame(video, poster, poster_time(beats, sidecar["duration"]))
    files["poster"] = f"media/{stem}.png"
    return ChapterEntry(
        id=chapter.id,
        title=chapter.title,
        level=chapter.level.number,
        level_title=chapter.level.title,
        status="published",
        page=f"chapters/{stem}.html",
        duration=float(sidecar["duration"]),
        files=files,
        checkpoints=[c for c in sidecar["checkpoints"] if not c["name"].startswith("layout@")],
        transcript=[
            {"start": b["start"], "end": b["end"], "text": b["narration"]} for b in sidecar["beats"]
        ],
    )


def _previous_entries(site: Path) -> dict[str, ChapterEntry]:
    index = site / "course.json"
    if not index.is_file():
        return {}
    kept = {}
    try:
        previous = json.loads(index.read_text(encoding="utf-8")).get("chapters", [])
    except (OSError, ValueError, AttributeError):  # damaged: the site is written afresh
        return {}
    for data in previous:
        try:
            entry = ChapterEntry(**data)
        except TypeError:
            continue
        files = [*entry.files.values(), *(c["file"] for c in entry.clips)]
        published = entry.status == "published" and entry.page is not None
        if published and all((site / f).is_file() for f in files):
            kept[entry.id] = entry
    return kept


@dataclass
class PublishResult:
    site: Path
    entries: list[ChapterEntry]
    summary: BuildSummary
    lectures: list[dict[str, Any]] = field(default_factory=list)
    #: what could not be added (e.g. a deck without reveal.js), each naming the fix
    warnings: list[str] = field(default_factory=list)

    @property
    def failing(self) -> list[ChapterEntry]:
        return [e for e in self.entries if e.status == "failing"]


def _add_clips(
    entry: ChapterEntry,
    chapter: Chapter,
    profile: Profile,
    site: Path,
    build_root: Path,
    warnings: list[str],
) -> None:
    """Cut (or reuse) the chapter's clips, copy them into the site and write its deck."""
    folder = site / "media" / f"{chapter.output_stem}-clips"
    try:
        clip_set, _ = slides.cut_clips(chapter, profile, "mp4", build_root)
    except RuntimeError as exc:  # ffmpeg failed: publish the lecture, without clips
        shutil.rmtree(folder, ignore_errors=True)
        warnings.append(f"{chapter.id}: no clips: {exc}")
        return
    for path in clip_set.paths():
        copy_if_changed(path, folder / path.name)
    keep = {c.file for c in clip_set.clips} | {"deck.html"}
    for stale in folder.iterdir():
        if stale.name not in keep:
            stale.unlink()
    entry.clips = [
        {
            "number": c.number,
            "file": f"media/{folder.name}/{c.file}",
            "start": c.start,
            "end": c.end,
            "narration": c.narration,
        }
        for c in clip_set.clips
    ]
    in_site = slides.ClipSet(
        clip_set.chapter,
        clip_set.title,
        clip_set.fmt,
        folder,
        clip_set.clips,
        clip_set.width,
        clip_set.height,
        clip_set.fps,
    )
    try:
        revealjs.install(site / "reveal.js")
    except revealjs.RevealJSUnavailable as exc:
        (folder / "deck.html").unlink(missing_ok=True)
        warnings.append(f"{chapter.id}: no slide deck: {exc}")
        return
    slides.write_deck(in_site, folder / "deck.html", "../../reveal.js")
    entry.files["deck"] = f"media/{folder.name}/deck.html"


def _level_lectures(
    entries: list[ChapterEntry], profile: Profile, site: Path, build_root: Path
) -> list[dict[str, Any]]:
    """Join each level's published chapters (two or more) into one lecture in the site."""
    made: list[dict[str, Any]] = []
    media = site / "media"
    for level in LEVELS:
        ids = {
            e.id
            for e in entries
            if e.level == level.number
            and e.status == "published"
            and output_path(get_chapter(e.id), profile, "mp4", build_root).is_file()
        }
        if len(ids) < 2:
            continue
        lecture = lectures.level_lecture(
            level, profile, build_root, chapter_ids=ids, out_folder=media
        )
        stem = lecture.video.stem
        by_id = {e.id: e for e in entries}
        first = by_id[lecture.chapters[0][1].split(" ", 1)[0]]
        made.append(
            {
                "level": level.number,
                "title": level.title,
                "page": f"lectures/{stem}.html",
                "duration": lecture.duration,
                "poster": first.files.get("poster"),
                "files": {
                    "video": f"media/{lecture.video.name}",
                    "captions_vtt": f"media/{lecture.captions_vtt.name}",
                    "captions_srt": f"media/{lecture.captions_srt.name}",
                    "chapter_list": f"media/{lecture.chapter_list.name}",
                },
                "chapters": [
                    {"start": start, "title": title, "page": by_id[title.split(" ", 1)[0]].page}
                    for start, title in lecture.chapters
                ],
            }
        )
    wanted = {Path(f).name for m in made for f in m["files"].values()}
    for stale in media.glob("level-*"):
        if stale.name not in wanted:
            stale.unlink()
    pages = {Path(m["page"]).name for m in made}
    for stale in (site / "lectures").glob("*.html"):
        if stale.name not in pages:
            stale.unlink()
    return made


def publish(
    chapters: list[Chapter],
    profile: Profile,
    site: Path,
    build_root: Path,
    reporter: BuildReporter,
    *,
    jobs: int | None = None,
    clips: bool = True,
    cluster: str | Cluster | None = None,
) -> PublishResult:
    """Render what is missing for ``chapters`` and (re)write the site in ``site``.

    A level with two or more published chapters also gets a level lecture; with ``clips``,
    each published chapter gets one clip per beat and a reveal.js deck. ``cluster``: the
    address of a Dask scheduler to render on (:mod:`mathviz.render.cluster`).
    """
    check_site_folder(site)
    summary = build(chapters, profile, "mp4", build_root, reporter, jobs=jobs, cluster=cluster)
    warnings: list[str] = list(summary.warnings)
    site.mkdir(parents=True, exist_ok=True)
    (site / MARKER).write_text(json.dumps({"generator": "mathviz", "schema": SCHEMA}))
    entries = _previous_entries(site)
    for outcome in summary.outcomes:
        chapter = outcome.chapter
        if outcome.status == "failed":
            entries[chapter.id] = ChapterEntry(
                chapter.id,
                chapter.title,
                chapter.level.number,
                chapter.level.title,
                "failing",
                message=outcome.message,
                checkpoints=[c.as_json() for c in outcome.checkpoints if not c.ok],
            )
            (site / "chapters" / f"{chapter.output_stem}.html").unlink(missing_ok=True)
            shutil.rmtree(site / "media" / f"{chapter.output_stem}-clips", ignore_errors=True)
            continue
        video = output_path(chapter, profile, "mp4", build_root)
        entry = _entry_for_output(chapter, video, site)
        if clips:
            _add_clips(entry, chapter, profile, site, build_root, warnings)
        entries[chapter.id] = entry
    ordered = []
    for chapter in CHAPTERS:
        known = entries.get(chapter.id)
        if known is None:
            known = ChapterEntry(
                chapter.id,
                chapter.title,
                chapter.level.number,
                chapter.level.title,
                "not built" if chapter.has_scenes else "planned",
            )
        ordered.append(known)
    level_lectures = _level_lectures(ordered, profile, site, build_root)
    _write(site, ordered, level_lectures)
    _remove_unpublished(site, ordered)
    return PublishResult(site, ordered, summary, level_lectures, warnings)


def _remove_unpublished(site: Path, entries: list[ChapterEntry]) -> None:
    """Delete the pages and media of chapters the site no longer publishes (an earlier
    publish's, since failed or gone), so nothing on disk is unlinked from the index."""
    published = {get_chapter(e.id).output_stem for e in entries if e.status == "published"}
    for page in (site / "chapters").glob("*.html"):
        if page.stem not in published:
            page.unlink()
    stems = {c.output_stem for c in CHAPTERS}
    media = site / "media"
    if not media.is_dir():
        return
    for path in media.iterdir():
        stem = path.name.removesuffix("-clips") if path.is_dir() else path.stem
        if stem in stems and stem not in published:
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()


def _write(site: Path, entries: list[ChapterEntry], level_lectures: list[dict[str, Any]]) -> None:
    env = Environment(
        loader=PackageLoader("mathviz.publish", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["clock"] = lambda s: f"{int(s) // 60}:{int(s) % 60:02d}"
    env.filters["value"] = _format_value
    published = [e for e in entries if e.status == "published"]
    levels = [
        {
            "number": level.number,
            "title": level.title,
            "chapters": [e for e in entries if e.level == level.number],
            "lecture": next((m for m in level_lectures if m["level"] == level.number), None),
        }
        for level in LEVELS
    ]
    map_data = _map(entries)
    (site / "style.css").write_text(env.get_template("style.css").render(), encoding="utf-8")
    (site / "favicon.svg").write_text(env.get_template("favicon.svg").render(), encoding="utf-8")
    (site / "index.html").write_text(
        env.get_template("index.html").render(
            levels=levels, map=map_data, root=".", published=len(published), total=len(entries)
        ),
        encoding="utf-8",
    )
    pages = site / "chapters"
    pages.mkdir(exist_ok=True)
    for i, entry in enumerate(published):
        prev_entry = published[i - 1] if i > 0 else None
        next_entry = published[i + 1] if i + 1 < len(published) else None
        html = env.get_template("chapter.html").render(
            chapter=entry, prev=prev_entry, next=next_entry, root=".."
        )
        assert entry.page is not None  # a published entry has its page
        (site / entry.page).write_text(html, encoding="utf-8")
    if level_lectures:
        (site / "lectures").mkdir(exist_ok=True)
    for lecture in level_lectures:
        html = env.get_template("lecture.html").render(lecture=lecture, root="..")
        (site / lecture["page"]).write_text(html, encoding="utf-8")
    payload = {
        "schema": SCHEMA,
        "title": "Mathematics for Machine Learning",
        "chapters": [asdict(e) for e in entries],
        "lectures": level_lectures,
    }
    (site / "course.json").write_text(
        json.dumps(payload, indent=2, ensure_ascii=False), encoding="utf-8"
    )


def _format_value(value: object) -> str:
    if isinstance(value, list):
        return "(" + ", ".join(_format_value(v) for v in value) + ")"
    if isinstance(value, float):
        return f"{value:.6g}"
    return str(value)


def _map(entries: list[ChapterEntry]) -> dict[str, Any]:
    """Nodes and routed edges of the learning-path map, in SVG units."""
    counts = {lv.number: 0 for lv in LEVELS}
    done = {lv.number: 0 for lv in LEVELS}
    for e in entries:
        counts[e.level] += 1
        done[e.level] += e.status == "published"
    nodes = []
    for lv in LEVELS:
        x, y, w, h = learning_path.box(lv.number)
        nodes.append(
            {
                "number": lv.number,
                "title": lv.title,
                "x": x,
                "y": y,
                "w": w,
                "h": h,
                "published": done[lv.number],
                "count": counts[lv.number],
            }
        )
    paths = [
        {"d": "M " + " L ".join(f"{x:g} {y:g}" for x, y in points)}
        for _, _, points in learning_path.map_routes()
    ]
    width, height = learning_path.map_size()
    return {"nodes": nodes, "edges": paths, "width": width, "height": height}
