"""Replay a browser script against the sample server and compare the app's final state.

One `SampleServers` keeps one in-process `samples/server.py` server per port (started on first
use, reused across scenarios, state reset with `POST /__reset` before every run). A script runs as
`python3 FILE` in its own process group, with PYTHONPATH=Tests/harness/sitecustomize (which
redirects Playwright/Selenium to Debian's Chromium) and its declared secrets in the environment.
"""
from __future__ import annotations

import importlib.util
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import scoring

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
SITECUSTOMIZE_DIR = os.path.join(HERE, "sitecustomize")
CHROMIUM = os.environ.get("SCREENWRIGHT_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("SCREENWRIGHT_CHROMEDRIVER", "/usr/bin/chromedriver")
SETTLE_SECONDS = 0.3  # let in-flight POST /__state requests land after the browser closes


def browsers_missing():
    """Reason string when Debian's Chromium or chromedriver is absent, else None."""
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not os.access(p, os.X_OK)]
    return ("not installed: " + ", ".join(missing)) if missing else None


def load_server_module(samples_dir):
    path = os.path.join(samples_dir, "server.py")
    spec = importlib.util.spec_from_file_location("screenwright_samples_server", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _port_free(port, host="127.0.0.1"):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        try:
            s.bind((host, port))
            return True
        except OSError:
            return False


class SampleServers:
    """In-process sample servers, one per port; use as a context manager."""

    def __init__(self, samples_dir):
        self.samples_dir = samples_dir
        self.root = os.path.join(samples_dir, "apps")
        self._mod = None
        self._servers = {}  # requested port -> (server, actual port)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        for server, _ in self._servers.values():
            try:
                server.shutdown()
                server.server_close()
            except Exception:
                pass
        self._servers.clear()

    def get(self, port):
        """Actual port serving the apps for a truth origin's `port` (another free port if busy)."""
        if port not in self._servers:
            if self._mod is None:
                self._mod = load_server_module(self.samples_dir)
            bind = port if _port_free(port) else 0
            server, _thread = self._mod.serve(bind, self.root)
            self._servers[port] = (server, server.server_address[1])
        return self._servers[port][1]

    @staticmethod
    def request(port, method, path, body=None, timeout=5.0):
        data = json.dumps(body).encode() if body is not None else (b"" if method == "POST" else None)
        req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return json.loads(r.read() or b"null")


def origin_port(truth):
    u = urllib.parse.urlsplit(truth.get("origin") or truth.get("startURL") or "")
    return u.port or (443 if u.scheme == "https" else 80)


def remap_origin(script_text, truth, actual_port):
    """Point a script at the port actually used when the truth's port was busy."""
    want = origin_port(truth)
    if actual_port == want:
        return script_text
    for host in ("127.0.0.1", "localhost"):
        script_text = script_text.replace(f"{host}:{want}", f"127.0.0.1:{actual_port}")
        # the same origin inside a regular expression (an address checked as a prefix), with its
        # dots escaped once or, inside a string literal, with the escape itself escaped
        for esc in ("\\.", "\\\\."):
            h = host.replace(".", esc)
            script_text = script_text.replace(f"{h}:{want}", f"127{esc}0{esc}0{esc}1:{actual_port}")
    return script_text


def _tail_reason(text, limit=200):
    lines = [l.strip() for l in (text or "").splitlines() if l.strip()]
    if not lines:
        return ""
    # the exception line of a traceback is the last one; skip the trailers the frameworks append
    # to their messages (Playwright's "Call log:", chromedriver's "Stacktrace:" of native frames)
    for i, l in enumerate(lines):
        if l.startswith(("Call log:", "Stacktrace:")) and i > 0:
            lines = lines[:i]
            break
    s = lines[-1].replace(REPO + os.sep, "")
    return s if len(s) <= limit else s[: limit - 1] + "…"


def run_script(path, env_extra=None, timeout=60.0, cwd=None):
    """Run `python3 path`; returns dict(returncode|None, stdout, stderr, seconds, timedOut)."""
    env = dict(os.environ)
    env.pop("PYTHONHOME", None)
    env["PYTHONPATH"] = SITECUSTOMIZE_DIR + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONUNBUFFERED"] = "1"
    env.update(env_extra or {})
    t0 = time.monotonic()
    proc = subprocess.Popen([sys.executable, os.path.abspath(path)], cwd=cwd or os.path.dirname(os.path.abspath(path)),
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    timed_out = False
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # the group we created: script, driver, browser
        except ProcessLookupError:
            pass
        out, err = proc.communicate()
    else:
        # a script that exits without closing its browser leaves children in its group
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    return {"returncode": None if timed_out else proc.returncode, "stdout": out, "stderr": err,
            "seconds": round(time.monotonic() - t0, 2), "timedOut": timed_out}


def replay(script_path, truth, servers, timeout=60.0, workdir=None):
    """Replay one script for one truth. Returns {status: pass|fail, reason, seconds, ...}."""
    with open(script_path, encoding="utf-8") as f:
        text = f.read()
    port = servers.get(origin_port(truth))
    run_path = script_path
    remapped = remap_origin(text, truth, port)
    if remapped != text:
        workdir = workdir or os.path.dirname(os.path.abspath(script_path))
        run_path = os.path.join(workdir, "_remapped_" + os.path.basename(script_path))
        with open(run_path, "w", encoding="utf-8") as f:
            f.write(remapped)
    env = scoring.secret_env(text, truth)
    app = truth["app"]
    SampleServers.request(port, "POST", "/__reset")
    res = run_script(run_path, env, timeout=timeout, cwd=workdir)
    time.sleep(SETTLE_SECONDS)
    out = {"seconds": res["seconds"], "secretsSet": sorted(env), "port": port,
           "stderrTail": (res["stderr"] or "")[-2000:]}
    if res["timedOut"]:
        return dict(out, status="fail", reason=f"timed out after {timeout:g} s")
    state = SampleServers.request(port, "GET", "/__state?app=" + urllib.parse.quote(app))
    out["finalState"] = state
    if res["returncode"] != 0:
        why = _tail_reason(res["stderr"]) or _tail_reason(res["stdout"])
        return dict(out, status="fail", reason=f"script exited {res['returncode']}: {why}")
    volatile = scoring.VOLATILE_KEYS | frozenset(truth.get("volatileKeys") or ())
    diff = scoring.compare_state(truth.get("finalState"), state, volatile)
    if diff:
        return dict(out, status="fail", reason="final state differs at " + diff)
    return dict(out, status="pass", reason="")
