"""The type ratchet: strict mypy over the whole package may not get worse, file by file.

The pure layers must be clean (plain ``mypy``, configured in pyproject.toml). The rest of
``mathviz/`` and ``scenes/`` is checked as strictly, and each file's error count is held to
its count in ``scripts/type_ratchet.json``: a file with more errors fails the run, naming
them; a file with fewer prints how to lock the gain in (``--update``). Every file is clean
now, so the baseline is empty and any error fails.

Usage: ``.venv/bin/python scripts/type_ratchet.py [--update]``
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASELINE = ROOT / "scripts" / "type_ratchet.json"
ERROR = re.compile(r"^(?P<path>[^:]+\.py):\d+: error: ")


def current() -> tuple[Counter[str], list[str]]:
    """Errors per file of strict mypy over mathviz/ and scenes/, and the error lines."""
    run = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-error-summary", "mathviz", "scenes"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    lines = [line for line in run.stdout.splitlines() if ERROR.match(line)]
    if run.returncode not in (0, 1) or (run.returncode == 1 and not lines):
        sys.exit(f"mypy could not run:\n{run.stdout}{run.stderr}")
    counts = Counter(ERROR.match(line)["path"] for line in lines)  # type: ignore[index]
    return counts, lines


def main(argv: list[str]) -> int:
    counts, lines = current()
    if "--update" in argv:
        BASELINE.write_text(json.dumps(dict(sorted(counts.items())), indent=1) + "\n")
        print(f"type ratchet: {sum(counts.values())} errors in {len(counts)} files recorded")
        return 0
    allowed = json.loads(BASELINE.read_text())
    worse = {path: n for path, n in counts.items() if n > allowed.get(path, 0)}
    better = sum(max(0, allowed.get(path, 0) - counts.get(path, 0)) for path in allowed)
    if worse:
        for path, n in sorted(worse.items()):
            print(f"{path}: {n} type errors, {allowed.get(path, 0)} allowed")
            for line in lines:
                if line.startswith(f"{path}:"):
                    print(f"  {line}")
        print("type ratchet: fix the new errors above (strict mypy, configured in pyproject.toml)")
        return 1
    note = f"; {better} fewer than recorded: lock them in with --update" if better else ""
    print(f"type ratchet: {sum(counts.values())} errors, none new{note}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
