#!/usr/bin/env bash
# mathviz set-up: install what is missing, then act.
#
#   bash scripts/setup.sh demo   # system packages + .venv + mathviz, then render chapter 6.3
#   bash scripts/setup.sh test   # system packages + .venv + mathviz, then run the tests
#   bash scripts/setup.sh        # install only
#
# Needs Debian/Ubuntu with Python >= 3.11, and root or sudo for the system packages.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

APT_PACKAGES=(
  build-essential pkg-config python3-dev python3-venv
  libcairo2-dev libpango1.0-dev          # pycairo / manimpango
  ffmpeg                                 # encoding, concat, ffprobe
  texlive-latex-base texlive-latex-recommended texlive-latex-extra
  texlive-fonts-recommended dvisvgm      # MathTex (standalone class)
  fonts-dejavu-core fontconfig           # the course's fonts
)
# Only for the tests: the course site and the slide decks are tested in a real browser
# (Debian's Chromium driven through its matching ChromeDriver; no browser download), and
# their HTML by the Nu checker, which runs on Java.
TEST_APT_PACKAGES=(chromium chromium-driver default-jre-headless)

say() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

python_bin() {
  for candidate in "${PYTHON:-}" python3.13 python3.12 python3.11 python3; do
    [ -n "$candidate" ] || continue
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      command -v "$candidate"; return 0
    fi
  done
  return 1
}

install_system_packages() {
  local missing=() wanted=("${APT_PACKAGES[@]}")
  [ "${1:-}" = test ] && wanted+=("${TEST_APT_PACKAGES[@]}")
  for pkg in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -eq 0 ]; then say "system packages: all present"; return; fi
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { say "need root or sudo to install: ${missing[*]}"; exit 1; }
    sudo="sudo"
  fi
  say "installing system packages: ${missing[*]}"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
}

install_python_env() {
  local py; py=$(python_bin) || { say "Python >= 3.11 not found (set PYTHON=/path/to/python3.11)"; exit 1; }
  if [ ! -x .venv/bin/python ]; then
    say "creating .venv with $py"
    "$py" -m venv .venv
  fi
  # Re-install only when the project's requirements changed.
  local stamp=.venv/.mathviz-installed
  local want; want=$(sha256sum pyproject.toml | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    say "installing mathviz and its Python dependencies into .venv"
    # uv (from PyPI) downloads and installs in parallel: about half pip's time from an empty
    # cache (benchmarks/RESULTS.md, section install); pip is the fallback. Compiled at install:
    # where PYTHONDONTWRITEBYTECODE is set, as on this project's CI machines, nothing imported
    # later would ever be cached
    if .venv/bin/python -m pip install -q uv; then
      .venv/bin/uv pip install -q --compile-bytecode --python .venv/bin/python -e '.[test,dev]'
    else
      say "uv could not be installed: installing with pip instead"
      .venv/bin/python -m pip install -q --upgrade pip
      .venv/bin/python -m pip install -q -e '.[test,dev]'
    fi
    echo "$want" > "$stamp"
  else
    say "python environment: up to date"
  fi
  # The checkout's own modules (installed editable, so not compiled by the install), compiled
  # now: where PYTHONDONTWRITEBYTECODE is set, every process would compile them again (only
  # what changed since the last run is compiled)
  .venv/bin/python -m compileall -q mathviz scenes tests > /dev/null
}

install_system_packages "${1:-install}"
install_python_env

case "${1:-install}" in
  demo)
    say "rendering chapter 6.3 (Gradients) at preview quality"
    .venv/bin/mathviz render 6.3 --profile preview
    ;;
  test)
    say "lint: ruff check (the rules are in pyproject.toml)"
    if ! .venv/bin/ruff check --quiet .; then
      say "ruff found the problems above: fix them (many with '.venv/bin/ruff check --fix .')"
      exit 1
    fi
    if ! .venv/bin/ruff format --check --quiet .; then
      say "files above are not formatted: run '.venv/bin/ruff format .'"
      exit 1
    fi
    say "types: mypy, strict for the pure layers (files and flags in pyproject.toml)"
    if ! .venv/bin/mypy; then
      say "mypy found the type errors above: fix them (strict: annotate, narrow, no bare Any)"
      exit 1
    fi
    # the ratchet (strict mypy over the whole package, ~20 s of one core) runs beside the
    # tests and is judged after them: it fails the run all the same, without holding it up
    say "types: the type ratchet runs beside the tests (its verdict follows them)"
    ratchet_log=$(mktemp)
    .venv/bin/python scripts/type_ratchet.py > "$ratchet_log" 2>&1 &
    ratchet_pid=$!
    trap 'kill "$ratchet_pid" 2>/dev/null || true; rm -f "$ratchet_log"' EXIT
    say "running the tests"
    set +e
    # one worker per core; a module's tests stay together (they share its fixtures), the
    # slowest modules first (tests/conftest.py orders them; xdist keeps that order); the
    # slowest tests are listed at the end
    .venv/bin/python -m pytest -q -n auto --dist loadfile --no-loadscope-reorder \
      --durations=25 "${@:2}"
    status=$?
    wait "$ratchet_pid"
    ratchet_status=$?
    set -e
    cat "$ratchet_log"
    if [ $ratchet_status -ne 0 ]; then
      say "the type ratchet failed: fix the new type errors above"
      exit 1
    fi
    # pytest's 5 means "no tests collected": that is a failure for this project.
    [ $status -eq 5 ] && say "no tests were collected" && exit 1
    exit $status
    ;;
  install) say "done: try .venv/bin/mathviz list" ;;
  *) say "usage: bash scripts/setup.sh [demo|test|install]"; exit 2 ;;
esac
