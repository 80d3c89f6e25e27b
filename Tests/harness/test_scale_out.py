"""Batches beyond one machine (issue 17): the Kubernetes manifests, the container recipe, and
`vid2auto batch --shard auto` run as an Indexed Job would run it.

- deploy/*.yaml validate against Kubernetes' own schemas, offline (kubernetes-validate ships them).
- deploy/Containerfile installs a Debian package for every library the built binaries link.
- N local processes with JOB_COMPLETION_INDEX 0..N-1 share one output folder: every recording is
  written exactly once, one process killed after its first output and restarted finishes its shard
  without redoing anyone's work, and `batch merge` reports every recording.

The processes analyse 3-second cuts of the sample recordings with `--target timeline --agents 1`,
so the whole file runs in seconds. Needs the release binary (`make build`) for the process tests.
"""
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import time

import pytest
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
BIN_DIR = os.environ.get("SCREENWRIGHT_BIN_DIR", os.path.join(REPO, ".build", "release"))
BIN = os.path.join(BIN_DIR, "vid2auto")
DEPLOY = os.path.join(REPO, "deploy")
SAMPLES = os.path.join(REPO, "samples", "recordings")

needs_binary = pytest.mark.skipif(not os.path.exists(BIN), reason="release vid2auto not built (make build)")


def load_docs(name):
    with open(os.path.join(DEPLOY, name)) as f:
        return [d for d in yaml.safe_load_all(f) if d]


# --- the manifests ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["job.yaml", "merge.yaml"])
def test_manifests_validate_against_kubernetes_schemas_offline(name, monkeypatch):
    import kubernetes_validate

    def no_network(*args, **kwargs):
        raise AssertionError("kubernetes-validate tried the network")
    monkeypatch.setattr(socket.socket, "connect", no_network)
    docs = load_docs(name)
    assert docs
    # 1.29: the oldest release where backoffLimitPerIndex is on by default; and the newest schemas.
    for version in ["1.29.0", kubernetes_validate.latest_version()]:
        for doc in docs:
            kubernetes_validate.validate(doc, version, strict=True)   # raises ValidationError


def test_the_indexed_job_shards_resumes_and_is_sized_as_documented():
    docs = {d["kind"]: d for d in load_docs("job.yaml")}
    job, claim = docs["Job"], docs["PersistentVolumeClaim"]
    spec = job["spec"]
    assert spec["completionMode"] == "Indexed"
    assert spec["backoffLimitPerIndex"] >= 1 and spec["parallelism"] <= spec["completions"]
    pod = spec["template"]["spec"]
    assert pod["restartPolicy"] == "Never"
    (container,) = pod["containers"]
    env = {e["name"]: e["value"] for e in container["env"]}
    # Kubernetes sets JOB_COMPLETION_INDEX only: the count must be given, and equal completions.
    assert int(env["JOB_COMPLETIONS"]) == spec["completions"]
    args = container["args"]
    assert args[:1] == ["batch"] and "--skip-up-to-date" in args
    assert args[args.index("--shard") + 1] == "auto"
    agents = int(args[args.index("--agents") + 1])
    res = container["resources"]
    assert int(res["requests"]["cpu"]) == agents == 2   # the performance figures are for 2 cores

    def mib(q):
        return int(q[:-2]) * (1024 if q.endswith("Gi") else 1)
    # docs/performance.md: 280 MB peak RSS with 2 agents (target 400 MB).
    assert 280 <= mib(res["requests"]["memory"]) <= mib(res["limits"]["memory"])
    assert mib(res["limits"]["memory"]) >= 400
    mounts = {m["name"]: m["mountPath"] for m in container["volumeMounts"]}
    volumes = {v["name"]: v for v in pod["volumes"]}
    assert volumes["data"]["persistentVolumeClaim"]["claimName"] == claim["metadata"]["name"]
    assert "ReadWriteMany" in claim["spec"]["accessModes"]
    assert all(a.startswith(mounts["data"]) for a in [args[1], args[args.index("--out") + 1]])
    merge = load_docs("merge.yaml")[0]["spec"]["template"]["spec"]
    assert merge["containers"][0]["args"][:2] == ["batch", "merge"]
    assert merge["containers"][0]["image"] == container["image"]


def containerfile_packages():
    text = open(os.path.join(DEPLOY, "Containerfile")).read().replace("\\\n", " ")
    m = re.search(r"apt-get install ([^&]*)", text)
    return {w for w in m.group(1).split() if not w.startswith("-")}


@pytest.mark.skipif(shutil.which("dpkg") is None or shutil.which("readelf") is None, reason="needs dpkg and readelf")
def test_the_containerfile_installs_every_library_the_binaries_link():
    packages = containerfile_packages()
    assert {"tesseract-ocr-eng", "libtesseract5", "libavformat59", "libpng16-16"} <= packages
    # The base image's own libraries.
    base = {"libc6", "libgcc-s1"}
    binaries = [os.path.join(BIN_DIR, b) for b in ("vid2auto", "mockup2code") if os.path.exists(os.path.join(BIN_DIR, b))]
    if not binaries:
        pytest.skip("no release binaries (make build)")
    for binary in binaries:
        needed = re.findall(r"Shared library: \[(.+?)\]", subprocess.run(["readelf", "-d", binary], capture_output=True,
                                                                           text=True, check=True).stdout)
        resolved = dict(re.findall(r"^\s*(\S+) => (\S+)", subprocess.run(["ldd", binary], capture_output=True, text=True).stdout,
                                   re.M))
        for lib in needed:
            path = resolved.get(lib)
            if path is None or "/swift/" in path or lib.startswith("ld-linux"):
                continue   # the Swift runtime: linked in statically for the image (--static-swift-stdlib)
            owner = None
            for candidate in (path, "/usr" + path if not path.startswith("/usr") else path):
                r = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
                if r.returncode == 0:
                    owner = r.stdout.split(":")[0].strip()
                    break
            assert owner, f"{lib} ({path}) belongs to no Debian package"
            assert owner in packages | base, f"{os.path.basename(binary)} links {lib} from {owner}, not installed by deploy/Containerfile"


# --- N processes as an Indexed Job runs them ---------------------------------------------------

CLIPS = ["ledger-login-enter", "shop-cart-window", "signup-register", "todo-add-items", "todo-quick-add", "shop-search-checkout"]
N = 3


def run_env(index, count_in_env=True):
    env = dict(os.environ, JOB_COMPLETION_INDEX=str(index), OMP_THREAD_LIMIT="1")
    env.pop("JOB_COMPLETIONS", None)
    if count_in_env:
        env["JOB_COMPLETIONS"] = str(N)
    return env


def batch_args(inp, out, count_in_env=True):
    args = [BIN, "batch", inp, "--out", out, "--shard", "auto", "--skip-up-to-date", "--target", "timeline", "--agents", "1"]
    return args if count_in_env else args + ["--shards", str(N)]


def snapshot(path):
    st = os.stat(path)
    return (st.st_ino, st.st_mtime_ns, st.st_size)


@needs_binary
def test_indexed_processes_share_one_folder_and_a_killed_one_resumes(tmp_path):
    inp, out = tmp_path / "in", tmp_path / "out"
    (inp / "team").mkdir(parents=True)
    names = [("team/" if i % 2 else "") + clip + ".mp4" for i, clip in enumerate(CLIPS)]
    # Batch.discover's order: stems sorted within the folder; shard K takes items K-1, K-1+N, ...
    order = sorted(n[:-4] for n in names)
    shard_of = {stem: i % N for i, stem in enumerate(order)}
    mine = lambda k: [s for s in order if shard_of[s] == k]   # noqa: E731
    victim = 0
    first, second = mine(victim)
    # Short cuts of the sample corpus (stream copy: keyframes kept). The killed shard's second
    # recording is longer, so the kill lands while it is being analysed.
    for clip, rel in zip(CLIPS, names):
        seconds = "8" if rel[:-4] == second else "3"
        subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", os.path.join(SAMPLES, clip + ".mp4"), "-t", seconds, "-c", "copy",
                        str(inp / rel)], check=True)

    procs = {k: subprocess.Popen(batch_args(str(inp), str(out), count_in_env=k != 2), env=run_env(k, count_in_env=k != 2),
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for k in range(N)}
    # Kill the victim (SIGKILL, as the OOM killer or a lost node would) once its first output is
    # there and recorded (the manifest is rewritten right after each recording).
    first_out = out / (first + ".json")
    victim_manifest = out / f"batch-manifest-{victim + 1}of{N}.json"
    deadline = time.time() + 120
    while not victim_manifest.exists():
        assert procs[victim].poll() is None, procs[victim].communicate()[1]
        assert time.time() < deadline, "no output from the shard to kill"
        time.sleep(0.01)
    procs[victim].send_signal(signal.SIGKILL)
    procs[victim].wait()
    assert first_out.exists()
    assert not (out / (second + ".json")).exists(), "the victim finished its shard before the kill"
    first_written = snapshot(first_out)
    results = {k: p.communicate(timeout=300) for k, p in procs.items() if k != victim}
    for k, (_, err) in results.items():
        assert procs[k].returncode == 0, err
        assert f"shard {k + 1}/{N} from JOB_COMPLETION_INDEX={k}" in err, err

    # What a dead pod leaves: its manifest as of its last finished recording.
    partial = json.loads(victim_manifest.read_text())
    assert partial["complete"] is False
    assert [(o["input"], o["status"]) for o in partial["outcomes"]] == [(str(inp / (first + ".mp4")), "written")]
    # A merge now names the recording nobody finished, and exits 66 (README).
    early = subprocess.run([BIN, "batch", "merge", str(out)], capture_output=True, text=True, timeout=60)
    assert early.returncode == 66, early.stderr
    assert f"{inp / (second + '.mp4')}: missing (shard {victim + 1}/{N} did not finish it)" in early.stderr
    assert f"shard {victim + 1}/{N}: stopped before its end" in early.stderr

    others = {}
    for k in range(N):
        if k == victim:
            continue
        for stem in mine(k):
            others[stem] = snapshot(out / (stem + ".json"))
        others[f"manifest {k}"] = snapshot(out / f"batch-manifest-{k + 1}of{N}.json")

    # The pod comes back for the same index.
    again = subprocess.run(batch_args(str(inp), str(out)), env=run_env(victim), capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert "1 written, 1 up to date, 0 failed" in again.stderr, again.stderr
    assert snapshot(first_out) == first_written, "the restarted shard redid its finished recording"
    for key, before in others.items():
        path = out / (f"batch-manifest-{int(key.split()[1]) + 1}of{N}.json" if key.startswith("manifest") else key + ".json")
        assert snapshot(path) == before, f"{key} was touched by the restarted shard"

    # Every recording written exactly once: in exactly one shard's manifest, as `written` there
    # (the victim's first as `up-to-date` after the restart, its file untouched since the kill).
    manifests = [json.loads((out / f"batch-manifest-{k + 1}of{N}.json").read_text()) for k in range(N)]
    seen = {}
    for k, m in enumerate(manifests):
        assert m["complete"] is True and m["shard"] == f"{k + 1}/{N}"
        assert len(m["recordings"]) == len(CLIPS)
        for o in m["outcomes"]:
            assert o["input"] not in seen, f"{o['input']} in two manifests"
            seen[o["input"]] = o["status"]
    expected = {str(inp / (s + ".mp4")): "written" for s in order}
    expected[str(inp / (first + ".mp4"))] = "up-to-date"
    assert seen == expected
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json") if not p.name.startswith("batch-manifest")) \
        == sorted(s + ".json" for s in order)
    assert not [p for p in out.rglob(".*.tmp")], "temporary files left behind"

    merged = subprocess.run([BIN, "batch", "merge", str(out), "--report"], capture_output=True, text=True, timeout=60)
    assert merged.returncode == 0, merged.stderr
    assert f"merge: {len(CLIPS)} recordings from {N} manifests: {len(CLIPS) - 1} written, 1 up to date, 0 failed, 0 missing" \
        in merged.stderr, merged.stderr
    whole = json.loads((out / "batch-manifest.json").read_text())
    assert whole["complete"] is True and whole.get("shard") is None
    assert [o["input"] for o in whole["outcomes"]] == [str(inp / (s + ".mp4")) for s in order]
    page = (out / "index.html").read_text()
    for s in order:
        assert f'href="./{s}.json"' in page


@needs_binary
@pytest.mark.parametrize("env, extra, message", [
    ({}, [], "JOB_COMPLETION_INDEX is not set"),
    ({"JOB_COMPLETION_INDEX": "0"}, [], "the number of shards is unknown"),
    ({"JOB_COMPLETION_INDEX": "3", "JOB_COMPLETIONS": "3"}, [], "JOB_COMPLETION_INDEX=3 is outside 0…2"),
    ({"JOB_COMPLETION_INDEX": "1", "JOB_COMPLETIONS": "3"}, ["--shards", "4"], "--shards 4 but JOB_COMPLETIONS=3"),
    ({"JOB_COMPLETION_INDEX": "-1", "JOB_COMPLETIONS": "3"}, [], "is not a whole number"),
])
def test_shard_auto_without_a_consistent_index_and_count_is_one_line_and_exit_64(tmp_path, env, extra, message):
    full = {k: v for k, v in os.environ.items() if k not in ("JOB_COMPLETION_INDEX", "JOB_COMPLETIONS")}
    full.update(env, OMP_THREAD_LIMIT="1")
    r = subprocess.run([BIN, "batch", SAMPLES, "--out", str(tmp_path / "out"), "--shard", "auto", *extra],
                       env=full, capture_output=True, text=True, timeout=60)
    assert r.returncode == 64
    assert r.stderr.count("\n") == 1 and r.stderr.startswith("vid2auto: --shard auto: ") and message in r.stderr, r.stderr
    assert not (tmp_path / "out").exists()


@needs_binary
def test_merge_of_a_folder_without_manifests_is_exit_66(tmp_path):
    r = subprocess.run([BIN, "batch", "merge", str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert r.returncode == 66 and "no batch manifest" in r.stderr, r.stderr
