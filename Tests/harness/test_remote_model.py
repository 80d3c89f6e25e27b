"""End-to-end tests of the remote vision-model backend against a local OpenAI-compatible endpoint.

A small chat-completions server in this process stands in for Kimi K2.5 or any other remote model:
the built `vid2auto` sends it real key frames (PNG data URLs), the model asks for OCR of a region
(answered by the agent's own Tesseract) and then reports a click carrying the text it was told.
The failure tests check the one-line errors and exit code 69 when the endpoint is unusable.
Needs the release binary (`make build`); skips without it.
"""
import base64
import json
import os
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
BIN = os.path.join(REPO, ".build", "release", "vid2auto")
CLIP = os.path.join(REPO, "samples", "recordings", "todo-quick-add.mp4")
KEY = "sk-test-NEVER-PRINT-42"

pytestmark = pytest.mark.skipif(not os.path.exists(BIN), reason="release vid2auto not built (make build)")


class FakeModel:
    """An OpenAI-compatible /v1/chat/completions endpoint with a scripted answer."""

    def __init__(self, status=200, error_body=None):
        self.requests = []
        self.ocr_answers = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))))
                outer.requests.append({"path": self.path, "auth": self.headers.get("Authorization"), "body": body})
                if status != 200:
                    out = json.dumps(error_body or {}).encode()
                else:
                    messages = body["messages"]
                    if len(messages) == 2:
                        reply = {"observations": [], "read": [{"x": 0, "y": 0, "width": 400, "height": 60, "time": 1.0}]}
                    else:
                        answer = messages[-1]["content"]
                        outer.ocr_answers.append(answer)
                        text = answer.split("\n", 1)[1].split(": ", 1)[1].strip() or "empty"
                        reply = {"observations": [{"kind": "click", "time": 2.0, "role": "button", "text": text,
                                                   "box": {"x": 100, "y": 100, "width": 80, "height": 30}}]}
                    # Prose and a code fence around the JSON, as chat models like to answer.
                    content = "Here is what happened:\n```json\n" + json.dumps(reply) + "\n```"
                    out = json.dumps({"choices": [{"message": {"role": "assistant", "content": content}}]}).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(out)))
                self.end_headers()
                self.wfile.write(out)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1/chat/completions"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def run(url, target="timeline", key=KEY, clip=CLIP):
    env = dict(os.environ, VID2AUTO_MODEL_URL=url, VID2AUTO_MODEL_NAME="fake-k2.5", VID2AUTO_MODEL_KEY=key)
    return subprocess.run([BIN, clip, "--target", target], env=env, capture_output=True, text=True, timeout=300)


def test_remote_model_sees_frames_asks_for_ocr_and_its_observations_become_the_timeline():
    model = FakeModel()
    try:
        p = run(model.url)
    finally:
        model.close()
    assert p.returncode == 0, p.stderr
    assert model.requests, "the endpoint was never called"
    for r in model.requests:
        assert r["path"] == "/v1/chat/completions"
        assert r["auth"] == "Bearer " + KEY
        assert r["body"]["model"] == "fake-k2.5"
    first = model.requests[0]["body"]["messages"][1]["content"]
    images = [c["image_url"]["url"] for c in first if c.get("type") == "image_url"]
    assert images, "no key frames sent"
    for url in images:
        assert url.startswith("data:image/png;base64,")
        png = base64.b64decode(url.split(",", 1)[1])
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        width = int.from_bytes(png[16:20], "big")
        assert 0 < width <= 960
    # The OCR round trip: the model's click carries the text the agent read for it.
    assert model.ocr_answers
    timeline = json.loads(p.stdout)
    clicks = [a for a in timeline["actions"] if a["kind"] == "click"]
    assert clicks, timeline["actions"]
    said = model.ocr_answers[0].split("\n", 1)[1].split(": ", 1)[1].strip() or "empty"
    assert clicks[0]["target"]["text"] == said
    assert clicks[0]["target"]["role"] == "button"
    # Boxes come back in video pixels (sent frames were scaled to at most 960 wide).
    assert clicks[0]["target"]["box"]["width"] > 80
    assert KEY not in p.stdout and KEY not in p.stderr


def test_unreachable_endpoint_is_one_line_naming_the_file_and_exit_69():
    p = run("http://127.0.0.1:9/v1/chat/completions", target="playwright-python")
    assert p.returncode == 69
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1, p.stderr
    assert "todo-quick-add.mp4" in lines[0] and "cannot reach the model endpoint" in lines[0]
    assert p.stdout == ""
    assert KEY not in p.stderr


def test_refused_key_reports_the_endpoints_message():
    model = FakeModel(status=401, error_body={"error": {"message": "Incorrect API key provided", "type": "auth"}})
    try:
        p = run(model.url)
    finally:
        model.close()
    assert p.returncode == 69
    assert "HTTP 401: Incorrect API key provided" in p.stderr
    assert KEY not in p.stderr and p.stdout == ""
