#!/usr/bin/env python3
"""Which recordings' remote plan a build changes: runs two vid2auto builds on every corpus
recording with a remote model (a local stub answering at once, hybrid routing) and compares the
remote plan each reports in its timeline (`swarm.model.cuts`: the number of segments and every
cut's time). Prints one line per recording and, at the end, the recordings whose plan differs —
the ones a swarm bench must measure again after the change.

    python3 Tests/harness/remote_plan_diff.py --before /tmp/main10-bin [--after .build/release]
        [--only NAME,...] [--rows FILE] [--agents N]

`--rows FILE` appends each recording's comparison as a JSON line as it is measured.

`--timing` also compares when each remote request goes out: both builds run streamed (`--agents
100 --model-all`, the stub answering at once) `--timing-runs` times each, interleaved, and the
stub notes when each segment's request arrives (seconds after the process started, the median
over the runs); a recording whose requests arrive more than `--timing-shift` seconds earlier or
later on average, or whose last request does, is listed as altered in timing too.
"""
import argparse, json, os, re, statistics, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
from bench import corpus_recordings  # noqa: E402
from model_stub import ModelStub  # noqa: E402


def remote_plan(vid2auto, rec, stub, agents):
    """(segment count, cut times, cut reasons) of the remote plan `vid2auto` makes for `rec`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("VID2AUTO_MODEL")}
    env.setdefault("OMP_THREAD_LIMIT", "1")
    cmd = [vid2auto, rec, "--target", "timeline", "--model", "plan-stub", "--api-base", stub.base,
           "--no-cache", "--max-requests", "100", "--agents", str(agents)]
    p = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if p.returncode != 0:
        sys.exit(f"remote_plan_diff: {' '.join(cmd)} failed ({p.returncode}): {p.stderr.strip()}")
    model = (json.loads(p.stdout).get("swarm") or {}).get("model") or {}
    cuts = model.get("cuts") or []
    return len(model.get("segments") or []), [c["time"] for c in cuts], [c["reason"] for c in cuts]


def request_times(builds, rec, stub, runs):
    """For each build's vid2auto: per remote segment, the median time (seconds after launch) its
    request reached the stub, over `runs` streamed runs at 100 agents with every segment sent
    (the builds' runs interleaved)."""
    seen = [{} for _ in builds]
    for _ in range(runs):
        for b, vid2auto in enumerate(builds):
            request_run(vid2auto, rec, stub, seen[b])
    return [{k: statistics.median(v) for k, v in sorted(s.items())} for s in seen]


def request_run(vid2auto, rec, stub, seen):
    env = {k: v for k, v in os.environ.items() if not k.startswith("VID2AUTO_MODEL")}
    env.setdefault("OMP_THREAD_LIMIT", "1")
    cmd = [vid2auto, rec, "--target", "timeline", "--model", "plan-stub", "--api-base", stub.base,
           "--model-all", "--no-cache", "--max-requests", "100", "--agents", "100"]
    before = len(stub.arrivals)
    t0 = time.monotonic()
    p = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if p.returncode != 0:
        sys.exit(f"remote_plan_diff: {' '.join(cmd)} failed ({p.returncode}): {p.stderr.strip()}")
    for at, text in stub.arrivals[before:]:
        m = re.match(r"Segment (\d+):", text)
        if m:
            seen.setdefault(int(m.group(1)), []).append(at - t0)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--before", required=True, metavar="DIR", help="the build to compare with (its vid2auto)")
    ap.add_argument("--after", default=os.path.join(ROOT, ".build", "release"), metavar="DIR", help="this build (default .build/release)")
    ap.add_argument("--only", default="", help="only recordings whose name contains this (comma-separated: any of these)")
    ap.add_argument("--agents", type=int, default=1, help="--agents for both runs (the plan does not depend on it; default 1)")
    ap.add_argument("--rows", default="", metavar="FILE", help="also append each comparison to FILE (JSON lines)")
    ap.add_argument("--timing", action="store_true", help="also compare when the requests go out (streamed, 100 agents)")
    ap.add_argument("--timing-runs", type=int, default=3, help="runs of each build for --timing (median kept; default 3)")
    ap.add_argument("--timing-shift", type=float, default=0.05, help="seconds a mean or last request may move (default 0.05)")
    a = ap.parse_args()
    stub = ModelStub(record_arrivals=True)   # answers at once, echoing the hint
    timed = []
    changed = []
    try:
        for rec in corpus_recordings(a.only):
            name = os.path.basename(rec)
            before = remote_plan(os.path.join(a.before, "vid2auto"), rec, stub, a.agents)
            after = remote_plan(os.path.join(a.after, "vid2auto"), rec, stub, a.agents)
            same = before[0] == after[0] and before[1] == after[1]
            added = [r for r in after[2] if r.startswith("parallelism")]
            row = {"recording": name, "segments_before": before[0], "segments_after": after[0], "same": same,
                   "cuts_before": before[1], "cuts_after": after[1], "parallelism_cuts": len(added)}
            if not same:
                changed.append(name)
            if a.timing:
                tb, ta = request_times([os.path.join(a.before, "vid2auto"), os.path.join(a.after, "vid2auto")], rec, stub, a.timing_runs)
                mean_b = statistics.mean(tb.values()) if tb else 0.0
                mean_a = statistics.mean(ta.values()) if ta else 0.0
                last_b, last_a = max(tb.values(), default=0.0), max(ta.values(), default=0.0)
                moved = abs(mean_a - mean_b) > a.timing_shift or abs(last_a - last_b) > a.timing_shift
                row.update({"requests_before": tb, "requests_after": ta, "mean_shift": round(mean_a - mean_b, 3),
                            "last_shift": round(last_a - last_b, 3), "timing_moved": moved})
                if moved and same:
                    timed.append(name)
                print(f"{'':<44} requests: mean {mean_b:.2f} -> {mean_a:.2f} s, last {last_b:.2f} -> {last_a:.2f} s"
                      + ("  MOVED" if moved else ""), flush=True)
            if a.rows:
                with open(a.rows, "a") as f:
                    f.write(json.dumps(row) + "\n")
            print(f"{name:<44} remote segments {before[0]:>2} -> {after[0]:>2}  {'same' if same else 'CHANGED'}"
                  + (f"  ({len(added)} cut(s) for parallelism)" if added else ""), flush=True)
    finally:
        stub.close()
    print(f"remote plan changed on {len(changed)} recording(s): {','.join(changed) if changed else '-'}")
    if a.timing:
        print(f"same plan, requests moved on {len(timed)} recording(s): {','.join(timed) if timed else '-'}")


if __name__ == "__main__":
    main()
