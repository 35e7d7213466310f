"""Errors a command reports as one message and an exit code, mapped once in the CLI.

Library code raises these (or subclasses: a missing tool, a busy build folder); ``mathviz``'s
command group prints ``error: <message>`` and exits with the error's code, so no command
handles exit codes itself and no such error ends in a traceback.
"""

from __future__ import annotations

__all__ = [
    "EXIT_BUSY",
    "EXIT_FAILED",
    "EXIT_MISSING_TOOL",
    "EXIT_USAGE",
    "Busy",
    "Failed",
    "Interrupted",
    "MathvizError",
    "MissingTool",
]

#: the command ran and something failed (a checkpoint, a scene, a chapter)
EXIT_FAILED = 1
#: bad ids, options, paths or profile values (Click's own usage errors use it too)
EXIT_USAGE = 2
#: a tool or the voice is missing: ``mathviz doctor`` names the fix
EXIT_MISSING_TOOL = 3
#: another build holds the output folder
EXIT_BUSY = 4


class MathvizError(Exception):
    """An error told in one message (``error: …``) with :attr:`exit_code`."""

    exit_code: int = EXIT_FAILED
    #: printed before the message (empty: the message stands alone)
    label: str = "error"


class Failed(MathvizError):
    """The command did its work and something failed; what failed was already said (the
    message may be empty)."""


class MissingTool(MathvizError):
    """A tool or the voice a command needs is missing; the message names the fix."""

    exit_code = EXIT_MISSING_TOOL


class Busy(MathvizError):
    """Another build is writing into the output folder."""

    exit_code = EXIT_BUSY


class Interrupted(MathvizError):
    """Stopped by a signal: exit 128 + its number (130 for SIGINT, 143 for SIGTERM)."""

    label = ""

    def __init__(self, message: str, signum: int) -> None:
        super().__init__(message)
        self.exit_code = 128 + signum
