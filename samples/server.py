#!/usr/bin/env python3
"""Serve the sample web apps and remember the state each one reports.

    python3 samples/server.py [--port 8765] [--root samples/apps]

Routes
  GET  /NAME/...          static files from the apps directory (index.html for directories)
  POST /__state           body {"app": NAME, "state": {...}, "seq": n, "t": ms}; keeps the newest
                          state per app (a post whose client timestamp ``t`` is older than the one
                          kept is ignored, so a late request from a page that is being left cannot
                          overwrite the state of the page that replaced it)
  GET  /__state?app=NAME  the latest state of NAME as JSON, or {} if none
  GET  /__state           every app's latest state: {"NAME": {...}, ...}
  POST /__reset           forget all state
  GET  /__health          "ok"

The eval harness imports it: ``server, thread = serve(port, root)``; ``server.shutdown()`` stops it.
"""
from __future__ import annotations

import argparse
import json
import mimetypes
import os
import posixpath
import socket
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DEFAULT_PORT = 8765
DEFAULT_ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "apps")


class StateStore:
    """The latest reported state per app, thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._states: dict[str, dict] = {}
        self._stamps: dict[str, tuple] = {}

    def put(self, app: str, state, stamp: tuple) -> bool:
        with self._lock:
            old = self._stamps.get(app)
            if old is not None and stamp < old:
                return False
            self._states[app] = state
            self._stamps[app] = stamp
            return True

    def get(self, app: str):
        with self._lock:
            return self._states.get(app, {})

    def all(self) -> dict:
        with self._lock:
            return dict(self._states)

    def reset(self) -> None:
        with self._lock:
            self._states.clear()
            self._stamps.clear()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address, handler, root: str, store: StateStore):
        self.root = os.path.abspath(root)
        self.store = store
        super().__init__(address, handler)

    def get_request(self):
        sock, addr = super().get_request()
        # Without this, small keep-alive responses stall ~40 ms on delayed ACKs.
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return sock, addr


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "ScreenwrightSamples/1"
    disable_nagle_algorithm = True

    def log_message(self, format, *args):  # quiet
        pass

    # -- helpers -------------------------------------------------------------------------------
    def _send(self, code: int, body: bytes, ctype: str, extra: dict | None = None) -> None:
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("Access-Control-Allow-Origin", "*")
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, code: int, obj) -> None:
        self._send(code, json.dumps(obj).encode(), "application/json")

    def _body(self) -> bytes:
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n) if n > 0 else b""

    # -- routes --------------------------------------------------------------------------------
    def do_OPTIONS(self):
        self._send(204, b"", "text/plain", {
            "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
            "Access-Control-Allow-Headers": "Content-Type"})

    def do_POST(self):
        path = urllib.parse.urlsplit(self.path).path
        body = self._body()
        if path == "/__state":
            try:
                msg = json.loads(body or b"{}")
                app = str(msg["app"])
                state = msg.get("state", {})
            except (ValueError, KeyError, TypeError):
                return self._json(400, {"error": "expected {\"app\": NAME, \"state\": {...}}"})
            t = msg.get("t")
            seq = msg.get("seq")
            stamp = (float(t) if isinstance(t, (int, float)) else float("inf"),
                     float(seq) if isinstance(seq, (int, float)) else 0.0)
            kept = self.server.store.put(app, state, stamp)
            return self._json(200, {"ok": True, "kept": kept})
        if path == "/__reset":
            self.server.store.reset()
            return self._json(200, {"ok": True})
        return self._json(404, {"error": "not found"})

    def do_HEAD(self):
        self.do_GET()

    def do_GET(self):
        parts = urllib.parse.urlsplit(self.path)
        path = parts.path
        if path == "/__state":
            q = urllib.parse.parse_qs(parts.query)
            if "app" in q:
                return self._json(200, self.server.store.get(q["app"][0]))
            return self._json(200, self.server.store.all())
        if path == "/__health":
            return self._send(200, b"ok", "text/plain")
        return self._static(path)

    def _static(self, path: str) -> None:
        rel = posixpath.normpath(urllib.parse.unquote(path)).lstrip("/")
        if rel in (".", ""):
            rel = ""
        full = os.path.abspath(os.path.join(self.server.root, rel))
        if not (full == self.server.root or full.startswith(self.server.root + os.sep)):
            return self._send(403, b"forbidden", "text/plain")
        if os.path.isdir(full):
            if not path.endswith("/"):
                return self._send(301, b"", "text/plain", {"Location": path + "/"})
            index = os.path.join(full, "index.html")
            if os.path.isfile(index):
                full = index
            else:
                return self._listing(full, path)
        if not os.path.isfile(full):
            return self._send(404, b"<h1>404 Not Found</h1>", "text/html; charset=utf-8")
        ctype = mimetypes.guess_type(full)[0] or "application/octet-stream"
        if ctype.startswith("text/") or ctype in ("application/javascript", "application/json"):
            ctype += "; charset=utf-8"
        with open(full, "rb") as f:
            self._send(200, f.read(), ctype)

    def _listing(self, full: str, path: str) -> None:
        names = sorted(n for n in os.listdir(full) if not n.startswith((".", "_")))
        items = "".join(f'<li><a href="{n}/">{n}</a></li>' for n in names
                        if os.path.isdir(os.path.join(full, n)))
        html = (f"<!doctype html><meta charset=utf-8><title>Sample apps</title>"
                f"<h1>Sample apps</h1><ul>{items}</ul>").encode()
        self._send(200, html, "text/html; charset=utf-8")


def serve(port: int = DEFAULT_PORT, root: str = DEFAULT_ROOT, host: str = "127.0.0.1"):
    """Start the server on a background thread; returns ``(server, thread)``.

    ``server.store`` is the StateStore (``server.store.get(app)``); ``server.shutdown()`` stops it.
    Pass ``port=0`` for a free port (read it back from ``server.server_address[1]``).
    """
    mimetypes.add_type("application/javascript", ".js")
    mimetypes.add_type("text/css", ".css")
    mimetypes.add_type("image/svg+xml", ".svg")
    server = _Server((host, port), _Handler, root, StateStore())
    thread = threading.Thread(target=server.serve_forever, name="samples-server", daemon=True)
    thread.start()
    return server, thread


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--port", type=int, default=DEFAULT_PORT)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--root", default=DEFAULT_ROOT)
    args = ap.parse_args(argv)
    server, thread = serve(args.port, args.root, args.host)
    print(f"serving {server.root} at http://{args.host}:{server.server_address[1]}/", flush=True)
    try:
        thread.join()
    except KeyboardInterrupt:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
