"""A pinned copy of reveal.js for the slide decks, fetched once from the npm registry.

manim-slides' deck template loads reveal.js from a CDN, which a classroom without internet
(and this project's CI) cannot reach. The decks load it from a folder beside them instead:
the files the template uses, taken from the reveal.js package on the npm registry, checked
against the package's pinned SHA-512 and kept in the build cache, so it is downloaded once.
``MATHVIZ_REVEALJS`` may point at the package's ``.tgz`` (or an unpacked package folder) to
work with no network at all.
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import shutil
import tarfile
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

from mathviz.publish import copy_if_changed
from mathviz.render.segments import cache_dir

__all__ = [
    "VERSION",
    "TARBALL",
    "INTEGRITY",
    "FILES",
    "RevealJSUnavailable",
    "cached",
    "install",
]

#: the version manim-slides 5.7's template is written for
VERSION = "6.0.1"
TARBALL = f"https://registry.npmjs.org/reveal.js/-/reveal.js-{VERSION}.tgz"
#: the npm registry's ``dist.integrity`` of that tarball
INTEGRITY = (
    "sha512-9eacArNIgqO2HGWOK+93gJNn+gvdGDVbSq+i2u3Ja9kjiHps0XNLpgYTZTYjKRH91uXy3clGim"
    "eGiw4umHG/tg=="
)
#: what the deck template loads (``<cdn>/dist/…``) and the licence that must travel with it
FILES = (
    "LICENSE",
    "dist/reveal.css",
    "dist/reveal.js",
    "dist/theme/black.css",
    "dist/plugin/notes.js",
    "dist/plugin/markdown.js",
    "dist/plugin/highlight/zenburn.css",
)


class RevealJSUnavailable(RuntimeError):
    """reveal.js could not be fetched or did not match its pinned checksum."""


def _check(data: bytes) -> None:
    algorithm, _, expected = INTEGRITY.partition("-")
    digest = base64.b64encode(hashlib.new(algorithm, data).digest()).decode()
    if digest != expected:
        raise RevealJSUnavailable(
            f"reveal.js {VERSION}: the tarball does not match its pinned "
            f"checksum ({INTEGRITY[:20]}…)"
        )


def _tarball() -> bytes:
    override = os.environ.get("MATHVIZ_REVEALJS")
    if override and Path(override).is_file():
        data = Path(override).read_bytes()
        _check(data)
        return data
    try:
        with urllib.request.urlopen(TARBALL, timeout=60) as response:
            data = response.read()
    except (urllib.error.URLError, OSError) as exc:
        raise RevealJSUnavailable(
            f"could not download reveal.js {VERSION} from {TARBALL} ({exc}). The decks need it "
            "once (it is then kept in the build cache): connect to the npm registry, or set "
            "MATHVIZ_REVEALJS to the downloaded reveal.js-"
            f"{VERSION}.tgz"
        ) from None
    _check(data)
    return data


def cached() -> Path:
    """The cached package folder (``<cache>/revealjs/<version>``), fetching it if missing."""
    folder = cache_dir() / "revealjs" / VERSION
    if all((folder / f).is_file() for f in FILES):
        return folder
    override = os.environ.get("MATHVIZ_REVEALJS")
    if override and Path(override).is_dir():
        source = Path(override)
        missing = [f for f in FILES if not (source / f).is_file()]
        if missing:
            raise RevealJSUnavailable(f"MATHVIZ_REVEALJS={override} lacks {', '.join(missing)}")
        return source
    data = _tarball()
    folder.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{VERSION}.partial-", dir=folder.parent))
    try:
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
            for name in FILES:
                member = archive.getmember(f"package/{name}")
                target = work / name
                target.parent.mkdir(parents=True, exist_ok=True)
                source = archive.extractfile(member)
                if source is None:
                    raise RevealJSUnavailable(f"reveal.js {VERSION}: {name} is not a file")
                target.write_bytes(source.read())
        if folder.exists():
            shutil.rmtree(folder)
        work.replace(folder)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return folder


def install(dest: Path) -> Path:
    """Copy the files a deck needs into ``dest`` (a folder), unless already there."""
    source = cached()
    for name in FILES:
        copy_if_changed(source / name, dest / name)
    return dest
