"""Pinned packages from the npm registry, fetched once and checked against their checksum.

The decks need reveal.js and the browser tests need axe-core: plain files from a package's
tarball, never a build step, so no Node.js is involved. A package is downloaded once from
the registry, checked against the registry's ``dist.integrity`` (SHA-512) pinned here, and
kept in the build cache. An environment variable may point at the ``.tgz`` (or an unpacked
package folder) to work with no network at all.
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
from dataclasses import dataclass
from pathlib import Path

from mathviz.render.segments import cache_dir

__all__ = ["NpmPackage", "PackageUnavailable"]


class PackageUnavailable(RuntimeError):
    """An npm package could not be fetched or did not match its pinned checksum."""


@dataclass(frozen=True)
class NpmPackage:
    """One pinned npm package and the files of it that mathviz uses.

    Parameters
    ----------
    name, version
        The package on the registry.
    integrity
        The registry's ``dist.integrity`` of the tarball (``sha512-…``).
    files
        The paths inside the package (below ``package/``) to keep.
    override_env
        The environment variable that may name a local ``.tgz`` or package folder.
    needed_for
        What needs it, for error messages ("the slide decks").
    registry
        The registry's address.
    """

    name: str
    version: str
    integrity: str
    files: tuple[str, ...]
    override_env: str
    needed_for: str
    registry: str = "https://registry.npmjs.org"

    @property
    def tarball(self) -> str:
        """The tarball's address on the npm registry."""
        return f"{self.registry}/{self.name}/-/{self.name}-{self.version}.tgz"

    def check(self, data: bytes) -> None:
        """Raise :class:`PackageUnavailable` unless ``data`` matches the pinned checksum."""
        algorithm, _, expected = self.integrity.partition("-")
        digest = base64.b64encode(hashlib.new(algorithm, data).digest()).decode()
        if digest != expected:
            raise PackageUnavailable(
                f"{self.name} {self.version}: the tarball does not match its pinned "
                f"checksum ({self.integrity[:20]}…)"
            )

    def _download(self) -> bytes:
        override = os.environ.get(self.override_env)
        if override and Path(override).is_file():
            data = Path(override).read_bytes()
            self.check(data)
            return data
        try:
            with urllib.request.urlopen(self.tarball, timeout=60) as response:
                data = bytes(response.read())
        except (urllib.error.URLError, OSError) as exc:
            raise PackageUnavailable(
                f"could not download {self.name} {self.version} from {self.tarball} ({exc}). "
                f"{self.needed_for[0].upper()}{self.needed_for[1:]} need it once (it is then "
                f"kept in the build cache): connect to the npm registry, or set "
                f"{self.override_env} to the downloaded {self.name}-{self.version}.tgz"
            ) from None
        self.check(data)
        return data

    def cached(self) -> Path:
        """The package folder (``<cache>/<name>/<version>``), fetched if missing."""
        folder = cache_dir() / self.name / self.version
        if all((folder / f).is_file() for f in self.files):
            return folder
        override = os.environ.get(self.override_env)
        if override and Path(override).is_dir():
            source = Path(override)
            missing = [f for f in self.files if not (source / f).is_file()]
            if missing:
                raise PackageUnavailable(
                    f"{self.override_env}={override} lacks {', '.join(missing)}"
                )
            return source
        data = self._download()
        folder.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".{self.version}.partial-", dir=folder.parent))
        try:
            with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
                for name in self.files:
                    source_file = archive.extractfile(archive.getmember(f"package/{name}"))
                    if source_file is None:
                        raise PackageUnavailable(
                            f"{self.name} {self.version}: {name} is not a file"
                        )
                    target = work / name
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(source_file.read())
            if folder.exists():
                shutil.rmtree(folder)
            work.replace(folder)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        return folder
