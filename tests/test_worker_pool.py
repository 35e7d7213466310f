"""The render and check pools: workers forked from a server that imported manim once take
their build's environment and hash seed, and leave as soon as their build is gone."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor

import pytest

from mathviz.render import worker


def _pool(context, alive) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        max_workers=2,
        mp_context=context,
        initializer=worker.init_checker,
        initargs=(alive, dict(os.environ)),
    )


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(") ", 1)[1][0] != "Z"  # a zombie has exited
    except FileNotFoundError:
        return False


def test_a_worker_takes_the_environment_of_the_pool_it_serves_not_the_servers(monkeypatch):
    monkeypatch.setenv("MATHVIZ_POOL_PROBE", "when the server started")
    context = worker.pool_context()  # the server starts (or already runs) here
    monkeypatch.setenv("MATHVIZ_POOL_PROBE", "when the pool started")
    monkeypatch.delenv("MATHVIZ_CACHE_DIR", raising=False)
    alive, keep_alive = worker.lifeline(context)
    with _pool(context, alive) as pool:
        probe = pool.submit(os.getenv, "MATHVIZ_POOL_PROBE").result()
        cache = pool.submit(os.getenv, "MATHVIZ_CACHE_DIR").result()
        seeded = pool.submit(hash, "mathviz").result()
    keep_alive.close()
    alive.close()
    assert probe == "when the pool started"
    assert cache is None
    # every worker hashes as an interpreter started with PYTHONHASHSEED=HASH_SEED does
    fresh = subprocess.run(
        [sys.executable, "-c", "print(hash('mathviz'))"],
        env={**os.environ, "PYTHONHASHSEED": worker.HASH_SEED},
        capture_output=True,
        text=True,
        check=True,
    )
    assert seeded == int(fresh.stdout)


def test_workers_leave_when_their_lifeline_closes_without_a_shutdown():
    context = worker.pool_context()
    alive, keep_alive = worker.lifeline(context)
    pool = _pool(context, alive)
    pids = {pool.submit(os.getpid).result() for _ in range(4)}
    assert pids and all(_alive(pid) for pid in pids)
    keep_alive.close()  # what the kernel does when the build is killed outright
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        assert not [pid for pid in pids if _alive(pid)], "a worker outlived its lifeline"
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
        alive.close()


@pytest.mark.skipif(
    "forkserver" not in __import__("multiprocessing").get_all_start_methods(),
    reason="no fork server on this system: workers are spawned",
)
def test_workers_are_forked_from_a_server_that_imported_manim():
    context = worker.pool_context()
    assert context.get_start_method() == "forkserver"
    alive, keep_alive = worker.lifeline(context)
    with _pool(context, alive) as pool:
        parent = pool.submit(os.getppid).result()
    keep_alive.close()
    alive.close()
    assert parent != os.getpid()  # the server's child, not this process's
    with open(f"/proc/{parent}/cmdline", "rb") as cmdline:
        command = cmdline.read()
    assert b"multiprocessing.forkserver" in command
    assert b"['manim']" in command  # what it imported before forking


def _spin(seconds: float) -> float:
    """Burn ``seconds`` of this process's CPU; the CPU it burnt."""
    import resource

    def used() -> float:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return usage.ru_utime + usage.ru_stime

    start = used()
    while used() - start < seconds:
        sum(range(10_000))
    return used() - start


_COUNTED = """
import os, resource, sys
from concurrent.futures import ProcessPoolExecutor
from mathviz.render import worker
from tests.test_worker_pool import _spin

context = worker.pool_context()
alive, keep_alive = worker.lifeline(context)
with ProcessPoolExecutor(2, mp_context=context, initializer=worker.init_checker,
                         initargs=(alive, dict(os.environ))) as pool:
    burnt = sum(pool.map(_spin, [0.6, 0.6]))
keep_alive.close()
alive.close()
own = resource.getrusage(resource.RUSAGE_SELF)
print(burnt, own.ru_utime + own.ru_stime)
"""


@pytest.mark.skipif(
    "forkserver" not in __import__("multiprocessing").get_all_start_methods(),
    reason="no fork server on this system: workers are spawned",
)
def test_the_cpu_time_of_a_pools_workers_counts_for_the_process_that_started_it():
    """A build's CPU time (``time``, a benchmark's ``RUSAGE_CHILDREN``) includes its workers':
    the fork server they are forked from is stopped and reaped as the build exits."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(
        [sys.executable, "-c", _COUNTED],
        capture_output=True,
        text=True,
        check=True,
        cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
        timeout=120,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    burnt, own = (float(x) for x in done.stdout.split())
    counted = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    assert burnt >= 1.2
    # the workers' spinning, the server's import of manim and the script's own time
    assert counted >= own + burnt, (counted, own, burnt)


def test_a_stopped_fork_server_is_started_again_for_the_next_pool():
    context = worker.pool_context()
    assert worker.stop_fork_server()
    context = worker.pool_context()
    alive, keep_alive = worker.lifeline(context)
    with _pool(context, alive) as pool:
        assert pool.submit(os.getpid).result() != os.getpid()
    keep_alive.close()
    alive.close()
    assert worker.stop_fork_server()  # and a second stop with no server is a no-op
    assert worker.stop_fork_server(timeout=0.0)
