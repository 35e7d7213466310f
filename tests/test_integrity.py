"""Checksums of cached files: computed once per file version, and never fooled by an edit."""

from __future__ import annotations

import hashlib
import os

import pytest

from mathviz.render import integrity


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("MATHVIZ_CACHE_DIR", str(tmp_path / "cache"))
    integrity.forget_hashes()
    yield tmp_path
    integrity.forget_hashes()


def test_a_digest_is_the_files_sha256_and_is_remembered_across_processes(cache, monkeypatch):
    path = cache / "segment.mp4"
    data = os.urandom(3 * (1 << 20) + 17)  # more than one read block
    path.write_bytes(data)
    an_hour_ago = path.stat().st_mtime - 3600
    os.utime(path, (an_hour_ago, an_hour_ago))
    digest = integrity.digest_of(path)
    assert digest == integrity.Digest(len(data), hashlib.sha256(data).hexdigest())

    integrity.forget_hashes()  # as a new process would: only hashes.json is left

    def no_hashing(*_args):
        raise AssertionError("hashed again")

    monkeypatch.setattr(integrity.hashlib, "sha256", no_hashing)
    assert integrity.digest_of(path) == digest
    assert integrity.problem_with(path, digest) is None


def test_an_edit_of_the_same_size_is_noticed_even_within_one_timestamp_tick(cache):
    path = cache / "segment.mp4"
    path.write_bytes(b"a" * 4096)
    digest = integrity.digest_of(path)
    written = path.stat()
    with open(path, "r+b") as handle:
        handle.seek(100)
        handle.write(b"b")
    os.utime(path, ns=(written.st_atime_ns, written.st_mtime_ns))  # the same time as before
    assert "does not match the checksum" in integrity.problem_with(path, digest)
    path.write_bytes(b"a" * 100)
    assert "100 bytes, 4096 were written" in integrity.problem_with(path, digest)
    path.unlink()
    assert "cannot be read" in integrity.problem_with(path, digest)


def test_a_damaged_hash_memory_is_ignored(cache):
    path = cache / "segment.mp4"
    path.write_bytes(b"data")
    (cache / "cache").mkdir()
    (cache / "cache" / "hashes.json").write_text("{not json")
    assert integrity.digest_of(path).sha256 == hashlib.sha256(b"data").hexdigest()


def test_records_that_are_not_digests_are_refused():
    for bad in (None, {"size": "1", "sha256": "0" * 64}, {"size": 1, "sha256": "short"}):
        with pytest.raises(ValueError):
            integrity.Digest.from_json(bad)
    assert integrity.canonical_hash({"b": 1, "a": [1.5]}) == integrity.canonical_hash(
        {"a": [1.5], "b": 1}
    )
