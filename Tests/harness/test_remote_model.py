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
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

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


def run(url, target="timeline", key=KEY, clip=CLIP, extra=("--model-all", "--no-cache")):
    env = dict(os.environ, VID2AUTO_MODEL_URL=url, VID2AUTO_MODEL_NAME="fake-k2.5", VID2AUTO_MODEL_KEY=key)
    return subprocess.run([BIN, clip, "--target", target, *extra], env=env, capture_output=True, text=True, timeout=300)


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
    said = {a.split("\n", 1)[1].split(": ", 1)[1].strip() or "empty" for a in model.ocr_answers}
    assert clicks[0]["target"]["text"] in said
    assert clicks[0]["model"] == "remote:fake-k2.5"
    assert clicks[0]["target"]["role"] == "button"
    # Boxes come back in video pixels (sent frames were scaled to at most 960 wide).
    assert clicks[0]["target"]["box"]["width"] > 80
    assert KEY not in p.stdout and KEY not in p.stderr


def test_unreachable_endpoint_falls_back_to_the_embedded_model_with_one_line():
    p = run("http://127.0.0.1:9/v1/chat/completions", target="playwright-python")
    assert p.returncode == 0, p.stderr
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1, p.stderr
    assert "todo-quick-add.mp4" in lines[0] and "cannot reach it" in lines[0] and "127.0.0.1:9" in lines[0]
    assert "page.goto" in p.stdout or "goto(" in p.stdout   # the embedded model's script is still written
    assert KEY not in p.stderr and KEY not in p.stdout


def test_refused_key_reports_the_endpoints_message():
    model = FakeModel(status=401, error_body={"error": {"message": "Incorrect API key provided", "type": "auth"}})
    try:
        p = run(model.url)
    finally:
        model.close()
    assert p.returncode == 69
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1, p.stderr
    assert "HTTP 401: Incorrect API key provided" in lines[0] and model.url in lines[0]
    assert KEY not in p.stderr and p.stdout == ""


# --- With the shared stub (model_stub.py): routing, flags, cache, rate limits, secrets -------------

from model_stub import ModelStub  # noqa: E402


def vid2auto(args, env_extra=None, timeout=300):
    env = {k: v for k, v in os.environ.items() if not k.startswith("VID2AUTO_MODEL")}
    env.update({"VID2AUTO_MODEL_KEY": KEY, **(env_extra or {})})
    return subprocess.run([BIN, CLIP, "--target", "timeline", *args], env=env, capture_output=True, text=True, timeout=timeout)


def test_hybrid_routing_sends_only_the_doubtful_segments_and_says_which_model_made_each_action(tmp_path):
    stub = ModelStub()
    try:
        p = vid2auto(["--model", "stub-k2.5", "--api-base", stub.base], {"VID2AUTO_MODEL_CACHE": str(tmp_path)})
    finally:
        stub.close()
    assert p.returncode == 0, p.stderr
    tl = json.loads(p.stdout)
    usage = tl["swarm"]["model"]
    assert usage["routing"] == "hybrid" and usage["name"] == "remote:stub-k2.5"
    routed = [s for s in usage["segments"] if s.get("reason")]
    kept = [s for s in usage["segments"] if not s.get("reason")]
    assert routed and kept, usage["segments"]            # some segments go out, some do not
    assert len(stub.requests) == len(routed)              # exactly the doubtful ones
    for r in stub.requests:
        assert "correct it" in json.dumps(r["body"])       # with the embedded observations as a hint
    assert usage["requests"] == len(routed) and usage["promptTokens"] == 1000 * len(routed)
    assert all(a.get("model") in ("embedded-cv", "remote:stub-k2.5") for a in tl["actions"] if a["kind"] != "goto")
    assert len(usage["segments"]) == len(usage["cuts"]) + 1
    assert "every quiet moment" in tl["swarm"]["planning"]


def test_flags_win_over_the_environment_and_cost_is_counted(tmp_path):
    stub = ModelStub()
    try:
        p = vid2auto(["--model", "stub-k2.5", "--api-base", stub.base, "--model-all", "--price-input", "0.6",
                      "--price-output", "2.5", "--max-requests", "3"],
                     {"VID2AUTO_MODEL_URL": "http://127.0.0.1:9/v1", "VID2AUTO_MODEL_NAME": "env-model",
                      "VID2AUTO_MODEL_CACHE": str(tmp_path)})
    finally:
        stub.close()
    assert p.returncode == 0, p.stderr
    assert stub.requests and all(r["body"]["model"] == "stub-k2.5" for r in stub.requests)
    assert all(r["auth"] == "Bearer " + KEY for r in stub.requests)
    usage = json.loads(p.stdout)["swarm"]["model"]
    expected = sum(s["promptTokens"] * 0.6 + s["completionTokens"] * 2.5 for s in usage["segments"]) / 1e6
    assert usage["cost"] > 0 and abs(usage["cost"] - expected) < 1e-5
    assert stub.max_in_flight <= 3


def test_a_rerun_is_answered_from_the_cache_with_zero_requests_and_the_key_is_nowhere(tmp_path):
    cache = tmp_path / "cache"
    out = tmp_path / "timeline.json"
    stub = ModelStub()
    try:
        first = vid2auto(["--model", "stub", "--api-base", stub.base, "--model-all", "-o", str(out)],
                         {"VID2AUTO_MODEL_CACHE": str(cache)})
        n = len(stub.requests)
        second = vid2auto(["--model", "stub", "--api-base", stub.base, "--model-all"], {"VID2AUTO_MODEL_CACHE": str(cache)})
        assert len(stub.requests) == n, "the re-run made requests"
    finally:
        stub.close()
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert n > 0
    usage = json.loads(second.stdout)["swarm"]["model"]
    assert usage["requests"] == 0 and usage["cacheHits"] == n and usage["cost"] == 0
    strip = lambda tl: [(a["kind"], a.get("value"), (a.get("target") or {}).get("name")) for a in tl["actions"]]
    assert strip(json.loads(second.stdout)) == strip(json.loads(out.read_text()))
    # The key: never in stdout, stderr, the timeline or the cache.
    files = list(cache.rglob("*.json"))
    assert len(files) == n
    for text in [first.stdout, first.stderr, second.stdout, second.stderr, out.read_text()] + [f.read_text() for f in files]:
        assert KEY not in text


def test_429s_on_a_fifth_of_the_calls_lose_nothing(tmp_path):
    stub = ModelStub(rate_limit=0.3, seed=4, retry_after=0.1)
    try:
        p = vid2auto(["--model", "stub", "--api-base", stub.base, "--model-all", "--no-cache", "--agents", "16",
                      "--max-requests", "16"])
    finally:
        stub.close()
    assert p.returncode == 0, p.stderr
    usage = json.loads(p.stdout)["swarm"]["model"]
    assert stub.limited > 0 and usage["rateLimited"] == stub.limited
    assert usage["fallbacks"] == 0 and usage["segmentsRouted"] == len(usage["segments"])


@pytest.mark.parametrize("mode", ["truncated", "wrong-schema"])
def test_malformed_answers_get_one_repair_round_then_fall_back(mode):
    stub = ModelStub(mode=mode)
    try:
        p = vid2auto(["--model", "stub", "--api-base", stub.base, "--model-all", "--no-cache"])
    finally:
        stub.close()
    assert p.returncode == 0, p.stderr
    tl = json.loads(p.stdout)
    usage = tl["swarm"]["model"]
    assert usage["fallbacks"] == usage["segmentsRouted"] > 0
    assert len(stub.requests) == 2 * usage["segmentsRouted"]          # the question and one repair round
    assert any("repair round" in d["message"] for d in tl["diagnostics"])
    assert [a for a in tl["actions"] if a["kind"] == "check"], "the embedded model's actions stand"


def test_bad_model_flags_are_usage_errors():
    p = vid2auto(["--model-all"])
    assert p.returncode == 64 and "need a model" in p.stderr
    p = vid2auto(["--model", "m", "--api-base", "ftp://x"])
    assert p.returncode == 64 and "--api-base" in p.stderr
    p = vid2auto(["--model", "m", "--api-base", "http://127.0.0.1:9/v1", "--fine-hints"])
    assert p.returncode == 64 and "--fine-hints only applies with --model-all" in p.stderr
    p = vid2auto(["--min-segments", "4"])
    assert p.returncode == 64 and "--min-segments needs a model" in p.stderr
    p = vid2auto(["--model", "m", "--api-base", "http://127.0.0.1:9/v1", "--min-segments", "1001"])
    assert p.returncode == 64 and "--min-segments must be between 0 and 1000" in p.stderr


def test_fine_hints_take_each_calls_hint_from_its_own_segment_at_any_agent_count():
    """--model-all --fine-hints: the embedded hints come from the remote plan's segments (one short
    job each), at 1 agent as at many, so both give the same actions."""
    runs = {}
    for agents in ("1", "16"):
        stub = ModelStub(seed=5)
        try:
            p = vid2auto(["--model", "stub", "--api-base", stub.base, "--model-all", "--fine-hints", "--no-cache",
                          "--agents", agents, "--max-requests", "16"])
        finally:
            stub.close()
        assert p.returncode == 0, p.stderr
        runs[agents] = json.loads(p.stdout)
    for tl in runs.values():
        sw = tl["swarm"]
        assert sw["planning"].startswith("embedded hints: %d segments" % sw["segments"])
        assert sw["segments"] == len(sw["model"]["segments"]) and sw["model"]["fallbacks"] == 0
    assert [(a["kind"], a.get("value")) for a in runs["1"]["actions"]] == [(a["kind"], a.get("value")) for a in runs["16"]["actions"]]
