"""End-to-end tests of `vid2auto --live` against the sample apps in a real headless Chromium.

The built binary analyses a committed recording, grounds every step in the sample app served by
samples/server.py, and the scripts rendered from the grounded timeline are replayed with Debian's
Chromium (the app's final state must equal the truth's). The failure tests check the one-line
errors: chromedriver missing, the app unreachable, a flag misused. Needs the release binary.
"""
import json
import os
import socket
import subprocess
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import replay  # noqa: E402
import scoring  # noqa: E402

REPO = replay.REPO
BIN = os.path.join(REPO, ".build", "release", "vid2auto")
RECORDINGS = os.path.join(REPO, "samples", "recordings")

pytestmark = [
    pytest.mark.skipif(not os.path.exists(BIN), reason="release vid2auto not built (make build)"),
    pytest.mark.skipif(replay.browsers_missing() is not None, reason=f"chromium: {replay.browsers_missing()}"),
]


def truth(name):
    with open(os.path.join(RECORDINGS, name + ".truth.json"), encoding="utf-8") as f:
        t = json.load(f)
    t["_video"] = os.path.join(RECORDINGS, t.get("video") or name + ".mp4")
    return t


def secrets_for(t):
    """The recording's secrets under the names the offline script declares."""
    p = subprocess.run([BIN, t["_video"], "--target", "playwright-python"], capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr
    return scoring.secret_env(p.stdout, t)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def servers():
    with replay.SampleServers(os.path.join(REPO, "samples")) as s:
        yield s


def run_live(t, servers, tmp_path, env=None):
    port = servers.get(replay.origin_port(t))
    replay.SampleServers.request(port, "POST", "/__reset")
    start = t["startURL"].replace(f":{replay.origin_port(t)}/", f":{port}/", 1)
    out = tmp_path / "live.json"
    p = subprocess.run([BIN, t["_video"], "--live", "--start-url", start, "--target", "timeline", "-o", str(out),
                        "--report", str(tmp_path / "review.html")],
                       capture_output=True, text=True, timeout=300, env={**os.environ, **(env or {})})
    assert p.returncode == 0, p.stderr
    assert f"driving http://127.0.0.1:{port}" in p.stderr   # the origin it drives is said first
    return json.loads(out.read_text()), p.stderr


@pytest.mark.parametrize("name", ["ledger-login-enter"])
def test_live_grounds_every_step_and_its_scripts_replay(name, servers, tmp_path):
    t = truth(name)
    env = secrets_for(t)
    tl, _ = run_live(t, servers, tmp_path, env)
    actions = tl["actions"]
    assert actions, "no actions"
    statuses = [a.get("grounding", {}).get("status") for a in actions]
    assert "offline" not in statuses, statuses
    for a in actions:
        g = a["grounding"]
        if g.get("locator"):
            assert g["matchCount"] == 1, a            # every live locator was unique when chosen
        if a["kind"] != "goto":
            assert 0.5 < g.get("similarity", 0) <= 1, a
    # No secret in the grounded timeline, and the secret fill is still one.
    text = json.dumps(tl)
    for value in env.values():
        assert value not in text
    assert any(a["kind"] == "fill" and a["secret"] for a in actions)
    # The review report shows the live browser beside the video for every grounded step.
    page = (tmp_path / "review.html").read_text()
    assert len(page) <= 2 * 1024 * 1024
    grounded = sum(1 for a in actions if a["kind"] != "goto")
    assert page.count("live browser") >= grounded, (page.count("live browser"), grounded)
    assert "verified" in page
    # The scripts rendered from the grounded timeline replay.
    tl_path = tmp_path / "live.json"
    for target, suffix in (("playwright-python", "gen_pw.py"), ("selenium-python", "gen_se.py")):
        script = tmp_path / suffix
        p = subprocess.run([BIN, "render", str(tl_path), "--target", target, "-o", str(script)],
                           capture_output=True, text=True, timeout=60)
        assert p.returncode == 0, p.stderr
        code = script.read_text()
        assert ".or_(" not in code and "Good morning" not in code
        res = replay.replay(str(script), t, servers, timeout=90, workdir=str(tmp_path))
        assert res["status"] == "pass", (target, res["reason"], res.get("stderrTail"))


def one_line_error(p, *words):
    lines = [l for l in p.stderr.splitlines() if l.strip() and not l.startswith("vid2auto: live: driving")]
    assert len(lines) == 1, p.stderr
    for w in words:
        assert w in lines[0], lines[0]


def test_missing_chromedriver_is_one_line_naming_the_package(tmp_path):
    clip = os.path.join(RECORDINGS, "todo-quick-add.mp4")
    env = {**os.environ, "SCREENWRIGHT_CHROMEDRIVER": str(tmp_path / "no-chromedriver")}
    p = subprocess.run([BIN, clip, "--live", "--start-url", f"http://127.0.0.1:{free_port()}/todo/", "--target", "timeline"],
                       capture_output=True, text=True, timeout=300, env=env)
    assert p.returncode == 69
    one_line_error(p, "chromium-driver")


def test_an_unreachable_app_is_one_line_asking_for_start_url(tmp_path):
    clip = os.path.join(RECORDINGS, "todo-quick-add.mp4")
    p = subprocess.run([BIN, clip, "--live", "--start-url", f"http://127.0.0.1:{free_port()}/todo/", "--target", "timeline"],
                       capture_output=True, text=True, timeout=300)
    assert p.returncode == 69
    one_line_error(p, "--start-url", "cannot load")


def test_start_url_needs_live():
    clip = os.path.join(RECORDINGS, "todo-quick-add.mp4")
    p = subprocess.run([BIN, clip, "--start-url", "http://127.0.0.1:1/"], capture_output=True, text=True, timeout=60)
    assert p.returncode == 64
    assert "--start-url needs --live" in p.stderr


def test_render_refuses_what_is_not_a_timeline(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"actions": 3}')
    p = subprocess.run([BIN, "render", str(bad)], capture_output=True, text=True, timeout=60)
    assert p.returncode == 65
    one_line_error(p, str(bad), "not an action timeline")
    p = subprocess.run([BIN, "render", str(tmp_path / "missing.json")], capture_output=True, text=True, timeout=60)
    assert p.returncode == 66
