"""Serving a published site over HTTP, as a static host would: ``mathviz serve SITE``.

Opened from ``file://`` the site works except for captions: Chromium refuses to load a
``<track>`` file from ``file://``. Served from ``http://127.0.0.1``, everything works,
including seeking in videos (single byte-range requests are answered with 206).
"""

from __future__ import annotations

import functools
import re
import threading
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

__all__ = ["RangeRequestHandler", "StaticServer", "serve"]


class RangeRequestHandler(SimpleHTTPRequestHandler):
    """``SimpleHTTPRequestHandler`` plus single ``Range: bytes=a-b`` requests (206), as static
    hosts answer them; browsers need it to seek in a video. Quiet: no access log."""

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass

    def end_headers(self) -> None:
        self.send_header("Accept-Ranges", "bytes")
        super().end_headers()

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        try:
            if not self._send_range():
                super().do_GET()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the browser dropped a media request it no longer needs

    def _send_range(self) -> bool:
        spec = self.headers.get("Range", "")
        match = re.fullmatch(r"\s*bytes=(\d*)-(\d*)\s*", spec)
        path = Path(self.translate_path(self.path))
        if not match or not (match[1] or match[2]) or not path.is_file():
            return False
        size = path.stat().st_size
        if match[1]:
            start = int(match[1])
            end = min(int(match[2]), size - 1) if match[2] else size - 1
        else:  # a suffix: the last N bytes
            start, end = max(0, size - int(match[2])), size - 1
        if start >= size or start > end:
            self.send_response(416)
            self.send_header("Content-Range", f"bytes */{size}")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return True
        self.send_response(206)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
        self.send_header("Content-Length", str(end - start + 1))
        self.end_headers()
        with path.open("rb") as stream:
            stream.seek(start)
            remaining = end - start + 1
            while remaining > 0:
                chunk = stream.read(min(1 << 16, remaining))
                if not chunk:
                    break
                self.wfile.write(chunk)
                remaining -= len(chunk)
        return True


@dataclass
class StaticServer:
    """A site folder served on ``http://127.0.0.1:<port>/`` from a daemon thread."""

    httpd: ThreadingHTTPServer
    thread: threading.Thread

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        name = host.decode() if isinstance(host, bytes) else host
        return f"http://{name}:{port}/"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


def serve(folder: Path, port: int = 0, host: str = "127.0.0.1") -> StaticServer:
    """Serve ``folder`` on ``host:port`` (0: a free port) from a daemon thread until
    ``close()``."""
    handler = functools.partial(RangeRequestHandler, directory=str(folder))
    httpd = ThreadingHTTPServer((host, port), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, name="site-server", daemon=True)
    thread.start()
    return StaticServer(httpd, thread)
