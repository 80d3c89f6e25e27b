"""A local OpenAI-compatible chat-completions server standing in for a remote multimodal model.

It answers every segment with valid observations by echoing the hint vid2auto sends (the embedded
model's observations, in the pixels of the frames as sent), so a timeline stays right, and it can
misbehave on purpose: seeded random latency, 429 with Retry-After on a fraction of calls, a fixed
status, slow bodies, truncated or wrong-schema JSON, huge answers. Used by test_remote_model.py and
by `bench.py --only swarm`.

    python3 Tests/harness/model_stub.py --port 8811 --latency 1-3 --seed 7 --rate-limit 0.2
"""
import argparse
import hashlib
import json
import random
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HINT_MARK = "correct it):\n"


def hint_of(body):
    """The embedded observations vid2auto put in the user message, or [] when it sent none."""
    for m in body.get("messages", []):
        content = m.get("content")
        parts = content if isinstance(content, list) else [{"type": "text", "text": content or ""}]
        for p in parts:
            text = p.get("text") or ""
            if HINT_MARK in text:
                try:
                    return json.loads(text.split(HINT_MARK, 1)[1])["observations"]
                except (ValueError, KeyError):
                    return []
    return []


def first_text(body):
    """The text of the last message's first part (the segment's prompt, with the hint)."""
    content = (body.get("messages") or [{}])[-1].get("content")
    if isinstance(content, list):
        return next((p.get("text", "") for p in content if p.get("type") == "text"), "")
    return content or ""


class ModelStub:
    """Serves on 127.0.0.1:port (0 = any free port). Every request is recorded in `requests`."""

    def __init__(self, port=0, latency=(0.0, 0.0), seed=1, rate_limit=0.0, retry_after=0.2, status=200,
                 error_body=None, mode="echo", reply=None, latency_by_content=False, record_arrivals=False):
        self.requests = []
        # (time.monotonic() when the request arrived, its prompt's first text) per request, when asked.
        self.arrivals = []
        self.record_arrivals = record_arrivals
        self.latency = latency
        self.rng = random.Random(seed)
        self.rate_limit = rate_limit
        self.retry_after = retry_after
        self.status = status
        self.error_body = error_body
        self.mode = mode            # echo | truncated | wrong-schema | huge | slow-body | prose
        self.reply = reply          # a fixed observations list (instead of the echo)
        # Latency drawn from the request's own text (seeded), so a segment waits as long whatever
        # order the calls come in: runs at different --agents see the same latencies.
        self.latency_by_content = latency_by_content
        self.seed = seed
        self.lock = threading.Lock()
        self.in_flight = 0
        self.max_in_flight = 0
        self.answered = 0
        self.limited = 0
        self.delays = []            # each request's injected latency (seconds), in arrival order
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def setup(self):
                super().setup()
                self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))) or b"{}")
                arrived = time.monotonic()
                with outer.lock:
                    if outer.record_arrivals:
                        outer.arrivals.append((arrived, first_text(body)))
                    outer.requests.append({"path": self.path, "auth": self.headers.get("Authorization"), "body": body})
                    outer.in_flight += 1
                    outer.max_in_flight = max(outer.max_in_flight, outer.in_flight)
                    delay = outer.rng.uniform(*outer.latency)
                    if outer.latency_by_content:
                        text = first_text(body).encode()
                        h = hashlib.sha256(str(outer.seed).encode() + text).digest()
                        delay = outer.latency[0] + (outer.latency[1] - outer.latency[0]) * int.from_bytes(h[:4], "big") / 2**32
                    limited = outer.rng.random() < outer.rate_limit
                    outer.delays.append(delay)
                try:
                    outer.handle(self, body, delay, limited)
                finally:
                    with outer.lock:
                        outer.in_flight -= 1

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}/v1"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def send(self, h, status, data, headers=None, slow=False):
        h.send_response(status)
        h.send_header("Content-Type", "application/json")
        h.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            h.send_header(k, v)
        h.end_headers()
        if slow:   # a trickle: a byte now and then, never finishing within the client's deadline
            for b in data:
                h.wfile.write(bytes([b]))
                h.wfile.flush()
                time.sleep(0.5)
        else:
            h.wfile.write(data)

    def handle(self, h, body, delay, limited):
        time.sleep(delay)
        if limited:
            with self.lock:
                self.limited += 1
            return self.send(h, 429, json.dumps({"error": {"message": "rate limited"}}).encode(),
                             {"Retry-After": str(self.retry_after)})
        if self.status != 200:
            return self.send(h, self.status, json.dumps(self.error_body or {"error": {"message": "stub error"}}).encode())
        observations = self.reply if self.reply is not None else hint_of(body)
        content = json.dumps({"observations": observations})
        if self.mode == "truncated":
            content = content[: max(1, len(content) // 2)]
        elif self.mode == "wrong-schema":
            content = json.dumps({"actions": observations})
        elif self.mode == "prose":
            content = "Here is what happened:\n```json\n" + content + "\n```"
        elif self.mode == "huge":
            content = json.dumps({"observations": observations, "padding": "x" * (8 << 20)})
        out = json.dumps({"choices": [{"message": {"role": "assistant", "content": content}}],
                          "usage": {"prompt_tokens": 1000, "completion_tokens": 50 + len(content) // 4}}).encode()
        with self.lock:
            self.answered += 1
        self.send(h, 200, out, slow=self.mode == "slow-body")

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--latency", default="0-0", help="seconds, MIN-MAX (uniform, seeded)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rate-limit", type=float, default=0.0, help="fraction of calls answered 429")
    ap.add_argument("--mode", default="echo")
    a = ap.parse_args()
    lo, hi = (float(x) for x in a.latency.split("-"))
    stub = ModelStub(a.port, (lo, hi), a.seed, a.rate_limit, mode=a.mode)
    print(stub.base, flush=True)
    try:
        stub.thread.join()
    except KeyboardInterrupt:
        stub.close()


if __name__ == "__main__":
    main()
