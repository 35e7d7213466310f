"""A pinned copy of reveal.js for the slide decks, fetched once from the npm registry.

manim-slides' deck template loads reveal.js from a CDN, which a classroom without internet
(and this project's CI) cannot reach. The decks load it from a folder beside them instead:
the files the template uses, taken from the reveal.js package on the npm registry, checked
against the package's pinned SHA-512 and kept in the build cache, so it is downloaded once.
``MATHVIZ_REVEALJS`` may point at the package's ``.tgz`` (or an unpacked package folder) to
work with no network at all.
"""

from __future__ import annotations

from pathlib import Path

from mathviz.publish import copy_if_changed
from mathviz.publish.npm import NpmPackage, PackageUnavailable

__all__ = [
    "VERSION",
    "PACKAGE",
    "FILES",
    "RevealJSUnavailable",
    "cached",
    "install",
]

#: the version manim-slides 5.7's template is written for
VERSION = "6.0.1"
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
PACKAGE = NpmPackage(
    name="reveal.js",
    version=VERSION,
    integrity="sha512-9eacArNIgqO2HGWOK+93gJNn+gvdGDVbSq+i2u3Ja9kjiHps0XNLpgYTZTYjKRH91uXy3clGim"
    "eGiw4umHG/tg==",
    files=FILES,
    override_env="MATHVIZ_REVEALJS",
    needed_for="the slide decks",
)

#: reveal.js could not be fetched or did not match its pinned checksum
RevealJSUnavailable = PackageUnavailable


def cached() -> Path:
    """The cached package folder (``<cache>/reveal.js/<version>``), fetching it if missing."""
    return PACKAGE.cached()


def install(dest: Path) -> Path:
    """Copy the files a deck needs into ``dest`` (a folder), unless already there."""
    source = cached()
    for name in FILES:
        copy_if_changed(source / name, dest / name)
    return dest
