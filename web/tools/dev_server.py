#!/usr/bin/python3
"""The project's dev server: serves a built site on loopback, like a static host, plus one thing
a static host does not do: pages named slow* under sample-site/ answer after a delay, so the
crawler demo has a slow page to show. Directories without a trailing slash redirect (301)."""
import argparse
import functools
import http.server
import sys
import time
from urllib.parse import urlsplit


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".js": "text/javascript", ".txt": "text/plain; charset=utf-8"}
    slow_seconds = 2.0

    def end_headers(self):
        self.send_header("Cache-Control", "no-cache")
        # The crawler demo may be pointed at this server from a page on another port.
        self.send_header("Access-Control-Allow-Origin", "*")
        super().end_headers()

    def do_GET(self):
        path = urlsplit(self.path).path
        if path.startswith("/sample-site/") and path.rsplit("/", 1)[-1].startswith("slow"):
            time.sleep(self.slow_seconds)
        super().do_GET()

    def log_message(self, fmt, *args):
        if self.server.verbose:
            super().log_message(fmt, *args)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--dir", required=True, help="folder to serve")
    ap.add_argument("--port", type=int, default=8000, help="0 picks a free port")
    ap.add_argument("--slow", type=float, default=2.0, help="seconds the slow sample page takes")
    ap.add_argument("--quiet", action="store_true", help="do not log requests")
    args = ap.parse_args()
    Handler.slow_seconds = args.slow
    handler = functools.partial(Handler, directory=args.dir)
    try:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    except OSError as e:
        sys.exit(f"dev_server: cannot listen on 127.0.0.1:{args.port}: {e.strerror}. "
                 f"Is another server running there? Pick another port with --port.")
    server.verbose = not args.quiet
    server.daemon_threads = True
    print(f"Serving http://127.0.0.1:{server.server_address[1]}/  (Ctrl-C stops)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
