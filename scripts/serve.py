"""Serve the built site on 127.0.0.1, optionally under a sub-path as GitHub Pages does.

    python scripts/serve.py [--dir site] [--port 8000] [--base /trusteeship-kit/]

Only the loopback address is used; requests outside ``--base`` get 404.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


class _Handler(http.server.SimpleHTTPRequestHandler):
    base = "/"

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.base):
            return str(Path(self.directory) / "__outside_base__")
        return super().translate_path("/" + path[len(self.base) :])

    def log_message(self, format: str, *args) -> None:  # quiet; errors still go to stderr
        if args and str(args[1]).startswith(("4", "5")):
            super().log_message(format, *args)


def make_server(directory: Path, port: int = 0, base: str = "/") -> http.server.ThreadingHTTPServer:
    """A threaded static server for ``directory`` at http://127.0.0.1:port{base}."""
    base = "/" + base.strip("/") + "/" if base.strip("/") else "/"
    handler = functools.partial(type("Handler", (_Handler,), {"base": base}), directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.base = base
    return server


def serve_in_background(directory: Path, base: str = "/") -> tuple[http.server.ThreadingHTTPServer, str]:
    """Start a server in a thread; returns it and its root URL (for tests)."""
    server = make_server(directory, 0, base)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{server.base}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", default=str(ROOT / "site"))
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--base", default="/")
    args = parser.parse_args(argv)
    directory = Path(args.dir)
    if not (directory / "index.html").exists():
        print(f"serve: no built site in {directory}: run bash scripts/build_site.sh", file=sys.stderr)
        return 2
    server = make_server(directory, args.port, args.base)
    print(f"serving {directory} at http://127.0.0.1:{server.server_address[1]}{server.base} (Ctrl-C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
