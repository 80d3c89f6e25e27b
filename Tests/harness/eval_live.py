#!/usr/bin/env python3
"""`make eval-live` (= `eval.py --live`): vid2auto offline and `--live`, side by side.

For every recording (samples/recordings, or --samples DIR/recordings):
  * offline: exactly what `make eval` does (playwright-python, selenium-python, timeline);
  * live: the sample app is served (samples/server.py, state reset), then
    `vid2auto RECORDING --live --start-url URL --target timeline -o live.json` runs with the
    recording's secrets in the environment variables the offline script names, and
    `vid2auto render live.json --target T` writes both Python scripts, which are replayed exactly
    as offline ones are. The live timeline is scored with the same rules (scoring.py).
  * every live-mode locator must have resolved to exactly one element when chosen
    (`grounding.matchCount == 1` wherever `grounding.locator` is set): counted and asserted.
Prints both tables and totals, writes a JSON summary and the live section of docs/accuracy.md.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import subprocess
import sys
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import replay  # noqa: E402
import scoring  # noqa: E402

_spec = importlib.util.spec_from_file_location("screenwright_eval", os.path.join(HERE, "eval.py"))
ev = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(ev)

REPO = replay.REPO
DOC = os.path.join(REPO, "docs", "accuracy.md")
BEGIN, END = "<!-- vid2auto-live:begin -->", "<!-- vid2auto-live:end -->"
LIVE_NOTE = re.compile(r"live: (\d+) verified, (\d+) corrected, (\d+) dropped, (\d+) offline in ([0-9.]+) s")


def live_start_url(truth, port):
    u = urllib.parse.urlsplit(truth.get("startURL") or truth.get("origin") or "")
    netloc = f"127.0.0.1:{port}"
    return urllib.parse.urlunsplit((u.scheme or "http", netloc, u.path or "/", u.query, u.fragment))


def run(cmd, env=None, timeout=600):
    full = dict(os.environ)
    full.update(env or {})
    t0 = time.monotonic()
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=REPO, env=full)
    except subprocess.TimeoutExpired:
        return None, f"timed out after {timeout:g} s", round(time.monotonic() - t0, 2)
    secs = round(time.monotonic() - t0, 2)
    if p.returncode != 0:
        return p, (ev.first_line(p.stderr) or "(no message)") + f" (exit {p.returncode})", secs
    return p, None, secs


def locator_check(tl):
    """(locators chosen, locators that did not resolve to exactly one element)."""
    chosen = bad = 0
    for a in tl.get("actions") or []:
        g = a.get("grounding") or {}
        if g.get("locator"):
            chosen += 1
            if g.get("matchCount") != 1:
                bad += 1
    return chosen, bad


def eval_offline(truth, args, servers):
    """Offline as `make eval` scores it, with one analysis: the timeline, then both scripts
    rendered from it (`vid2auto render`), replayed."""
    scen = truth["scenario"]
    out_dir = os.path.join(args.out_dir, scen)
    os.makedirs(out_dir, exist_ok=True)
    row = {"scenario": scen, "app": ev.row_app(truth), "replay": {}, "timeline": None}
    tl_path, err = ev.generate(args.bin, truth, "timeline", out_dir, args.gen_timeout)
    row["timeline"] = ev.score_timeline_file(tl_path, err, truth)
    if err:
        row["replay"] = {t: {"status": "unavailable", "reason": err} for t in ev.PY_TARGETS}
    else:
        row["replay"] = render_and_replay(tl_path, truth, args, servers, out_dir)
    return row


def render_and_replay(tl_path, truth, args, servers, out_dir):
    """Both Python scripts rendered from one timeline (`vid2auto render`) and replayed."""
    out = {}
    for target in ev.PY_TARGETS:
        path = os.path.join(out_dir, ev.GEN_SUFFIX[target])
        _, rerr, _ = run([args.bin, "render", tl_path, "--target", target, "-o", path])
        if rerr:
            out[target] = {"status": "unavailable", "reason": rerr}
            continue
        try:
            res = replay.replay(path, truth, servers, timeout=args.timeout, workdir=out_dir)
        except Exception as e:  # the harness itself failed: report, never invent
            res = {"status": "fail", "reason": f"harness error: {type(e).__name__}: {e}"}
        res["script"] = os.path.relpath(path, REPO)
        out[target] = res
    return out


def score_live_timeline(tl_path, truth, port):
    """Scores a live timeline against the truth: its addresses are on the port the app was
    served on (what --start-url said), so they are moved back to the truth's origin first."""
    want = replay.origin_port(truth)
    with open(tl_path, encoding="utf-8") as f:
        text = f.read()
    if port != want:
        text = text.replace(f"127.0.0.1:{port}", f"127.0.0.1:{want}").replace(f"localhost:{port}", f"127.0.0.1:{want}")
    scored = tl_path[:-len(".json")] + ".scored.json"
    with open(scored, "w", encoding="utf-8") as f:
        f.write(text)
    return ev.score_timeline_file(scored, None, truth)


def rescore(path, args):
    """Re-scores a saved run (--json of an earlier run) and rewrites its docs section."""
    with open(path, encoding="utf-8") as f:
        saved = json.load(f)
    truths = {t["scenario"]: t for t in ev.load_truths(args.samples)}
    offline, live = saved["offline"]["scenarios"], saved["live"]["scenarios"]
    evaluated = load_offline_eval(args.offline_eval) if args.offline_eval else None
    if evaluated is not None:
        offline = [offline_row_from_eval(evaluated, truths[o["scenario"]], o) for o in offline]
        saved["offline"]["scenarios"] = offline
        saved["offlineEval"] = {"commit": evaluated["commit"]}
    for o, r in zip(offline, live):
        t = truths[r["scenario"]]
        tl = os.path.join(args.out_dir, r["scenario"], "live", "timeline.json")
        port = int(((r["replay"].get("playwright-python") or {}).get("port")) or replay.origin_port(t))
        if os.path.isfile(tl):
            r["timeline"] = score_live_timeline(tl, t, port)
        for row in (o, r):
            row["_truthCount"] = len(t.get("actions") or [])
            row["_truthFills"] = sum(1 for a in t.get("actions") or [] if a.get("kind") == "fill")
            row["_hasAddressBar"] = scoring.has_address_bar(t)
    tot_off, tot_live = ev.totals(offline, args.target_list), ev.totals(live, args.target_list)
    for row in offline + live:
        for k in [k for k in row if k.startswith("_")]:
            del row[k]
    for line in ev.totals_lines(tot_live):
        print("live", line)
    meta = {"commit": saved.get("commit"), "samples": saved.get("samples"), "seconds": saved.get("seconds"),
            "offlineEval": saved.get("offlineEval")}
    if not args.no_docs:
        write_doc(doc_section(offline, live, tot_off, tot_live, meta))
    saved["live"]["totals"] = tot_live
    saved["offline"]["totals"] = tot_off
    with open(path, "w", encoding="utf-8") as f:
        json.dump(saved, f, indent=2)
        f.write("\n")
    return 0


def saved_offline(truth, args):
    """`--from-timelines DIR`: the offline row of a timeline saved earlier (DIR/SCENARIO.json, e.g.
    `vid2auto batch … --target timeline -o DIR`), scored but not replayed; its Playwright script is
    rendered for the secret variables' names only."""
    scen = truth["scenario"]
    out_dir = os.path.join(args.out_dir, scen)
    os.makedirs(out_dir, exist_ok=True)
    tl_path = os.path.join(args.from_timelines, scen + ".json")
    row = {"scenario": scen, "app": ev.row_app(truth), "replay": {}, "timeline": None, "savedTimeline": tl_path}
    err = None if os.path.isfile(tl_path) else f"unavailable: no saved timeline {tl_path}"
    row["timeline"] = ev.score_timeline_file(tl_path, err, truth)
    for t in ev.PY_TARGETS:
        row["replay"][t] = {"status": "unavailable", "reason": err or "not replayed (--from-timelines)"}
    if not err:
        path = os.path.join(out_dir, ev.GEN_SUFFIX["playwright-python"])
        _, rerr, _ = run([args.bin, "render", tl_path, "--target", "playwright-python", "-o", path])
        if not rerr:
            row["replay"]["playwright-python"]["script"] = os.path.relpath(path, REPO)
    return row


def load_offline_eval(path):
    """The offline rows of a `make eval` run (its --json), by scenario, with the run's commit."""
    try:
        with open(path, encoding="utf-8") as f:
            saved = json.load(f)
        rows = {r["scenario"]: r for r in saved["scenarios"]}
    except (OSError, ValueError, KeyError, TypeError) as e:
        sys.exit(f"eval-live: {path}: not a `make eval` JSON ({e})")
    return {"commit": saved.get("commit"), "rows": rows}


def offline_row_from_eval(evaluated, truth, saved_row):
    """`--offline-eval`: the offline row as `make eval` measured it (replays included); a scenario
    that eval did not run keeps the saved timeline's row (scored, not replayed)."""
    row = evaluated["rows"].get(truth["scenario"])
    if row is None:
        return saved_row
    return {"scenario": row["scenario"], "app": row.get("app", saved_row["app"]),
            "replay": {t: row["replay"].get(t) or {"status": "unavailable", "reason": "not in the eval run"}
                       for t in ev.PY_TARGETS},
            "timeline": row.get("timeline")}


def eval_live(truth, args, servers, offline_row):
    scen = truth["scenario"]
    out_dir = os.path.join(args.out_dir, scen, "live")
    os.makedirs(out_dir, exist_ok=True)
    row = {"scenario": scen, "app": ev.row_app(truth), "replay": {}, "timeline": None}
    # The secrets go into the variables the offline script names (the live stage reads the same).
    env = {}
    pw = (offline_row["replay"].get("playwright-python") or {}).get("script")
    if pw and os.path.isfile(os.path.join(REPO, pw)):
        with open(os.path.join(REPO, pw), encoding="utf-8") as f:
            env = scoring.secret_env(f.read(), truth)
    if offline_row.get("savedTimeline"):
        # Live-stage development: the saved offline timeline is grounded, not analysed again.
        if not os.path.isfile(offline_row["savedTimeline"]):
            err = f"no saved timeline {offline_row['savedTimeline']}"
            row["timeline"] = {"status": "unavailable", "reason": err}
            row["replay"] = {t: {"status": "unavailable", "reason": err} for t in ev.PY_TARGETS}
            return row
        env["VID2AUTO_LIVE_FROM_TIMELINE"] = offline_row["savedTimeline"]
    port = servers.get(replay.origin_port(truth))
    replay.SampleServers.request(port, "POST", "/__reset")
    tl_path = os.path.join(out_dir, "timeline.json")
    if os.path.exists(tl_path):
        os.remove(tl_path)
    p, err, secs = run([args.bin, truth["_video"], "--live", "--start-url", live_start_url(truth, port),
                        "--target", "timeline", "-o", tl_path], env, args.gen_timeout)
    if p is not None and p.stderr:
        with open(os.path.join(out_dir, "live.stderr"), "w", encoding="utf-8") as f:
            f.write(p.stderr)  # the live stage's own lines (VID2AUTO_DEBUG=1 adds each step's)
    row["liveSeconds"] = secs
    row["duration"] = truth.get("duration")
    if err:
        row["timeline"] = {"status": "unavailable", "reason": err}
        for t in ev.PY_TARGETS:
            row["replay"][t] = {"status": "unavailable", "reason": err}
        return row
    row["timeline"] = score_live_timeline(tl_path, truth, port)
    with open(tl_path, encoding="utf-8") as f:
        tl = json.load(f)
    row["locators"], row["badLocators"] = locator_check(tl)
    for d in tl.get("diagnostics") or []:
        m = LIVE_NOTE.search(d.get("message", ""))
        if m:
            row["grounding"] = dict(zip(("verified", "corrected", "dropped", "offline"), map(int, m.groups()[:4])))
            row["groundSeconds"] = float(m.group(5))
    row["replay"] = render_and_replay(tl_path, truth, args, servers, out_dir)
    return row


def doc_section(offline, live, tot_off, tot_live, meta):
    targets = list(ev.ALL_TARGETS)
    L = [BEGIN, "## vid2auto offline and `--live` (written by `make eval-live`; do not edit by hand)", ""]
    if meta.get("offlineEval"):
        L.append(f"Commit `{meta.get('commit') or 'uncommitted'}`, {len(live)} recordings of `{meta['samples']}`. "
                 f"Offline: `make eval` of commit `{meta['offlineEval'].get('commit') or 'uncommitted'}` "
                 "(`eval_live.py --from-timelines DIR --offline-eval .eval-out/eval.json`). Live: the offline "
                 "timelines that binary saved (`vid2auto batch … --target timeline -o DIR`), grounded by "
                 "`vid2auto --live --start-url …` in a headless Chromium against the served sample app; the scripts "
                 "are rendered from the grounded timeline and replayed like offline ones. Live cost = the grounding "
                 "of the saved timeline / the recording's duration (the offline analysis adds its own cost: "
                 "docs/performance.md).")
    else:
        L.append(f"Commit `{meta.get('commit') or 'uncommitted'}`, {len(live)} recordings of `{meta['samples']}`. "
                 "Live: the sample app served, `vid2auto --live --start-url …` grounds the timeline in a headless "
                 "Chromium, the scripts are rendered from the grounded timeline and replayed like offline ones. "
                 "Live cost = the whole `--live` run (offline analysis included) / the recording's duration.")
    L.append("")
    L.append("| scenario | offline " + " | offline ".join(targets) + " | live " + " | live ".join(targets)
             + " | grounding (verified/corrected/dropped/offline) | live cost |")
    L.append("|---" * (2 * len(targets) + 3) + "|")
    for o, r in zip(offline, live):
        cells = []
        for row in (o, r):
            for t in targets:
                status, detail = ev.timeline_cell(row["timeline"]) if t == "timeline" else ev.replay_cell(row["replay"].get(t))
                if t == "timeline" and status == "scored":
                    tl = row["timeline"]
                    cells.append(f"P {tl['precision']:.2f} R {tl['recall']:.2f}")
                else:
                    cells.append("pass" if status == "pass" else (f"{status}: {detail}" if detail else status))
        g = r.get("grounding")
        cells.append("/".join(str(g[k]) for k in ("verified", "corrected", "dropped", "offline")) if g else "-")
        cost = (r.get("liveSeconds") or 0) / r["duration"] if r.get("duration") else None
        cells.append(f"{cost:.2f}×" if cost else "-")
        L.append(f"| {ev.md_escape(r['scenario'])} | " + " | ".join(ev.md_escape(c) for c in cells) + " |")
    L.append("")
    L.append("Totals offline:")
    L.append("")
    L += [f"- {x}" for x in ev.totals_lines(tot_off)]
    L.append("")
    L.append("Totals live:")
    L.append("")
    L += [f"- {x}" for x in ev.totals_lines(tot_live)]
    chosen = sum(r.get("locators", 0) for r in live)
    bad = sum(r.get("badLocators", 0) for r in live)
    L.append(f"- live locators: {chosen} chosen, {bad} not resolving to exactly one element when chosen")
    costs = [r["liveSeconds"] / r["duration"] for r in live if r.get("liveSeconds") and r.get("duration")]
    if costs:
        L.append(f"- live cost: mean {sum(costs) / len(costs):.2f}× the recording's duration, max {max(costs):.2f}×")
    L.append(END)
    return "\n".join(L) + "\n"


def write_doc(section):
    global_doc = ev.DOC
    try:
        with open(global_doc, encoding="utf-8") as f:
            text = f.read()
    except FileNotFoundError:
        text = "# Accuracy\n\n"
    if BEGIN in text and END in text:
        a, b = text.index(BEGIN), text.index(END) + len(END)
        if text[b:b + 1] == "\n":
            b += 1
        text = text[:a] + section + text[b:]
    else:
        text = text.rstrip("\n") + "\n\n" + section
    with open(global_doc, "w", encoding="utf-8") as f:
        f.write(text)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=os.path.join(REPO, ".build", "release", "vid2auto"))
    ap.add_argument("--samples", default=os.path.join(REPO, "samples"))
    ap.add_argument("--scenarios", default="")
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("--gen-timeout", type=float, default=600.0)
    ap.add_argument("--json", default=os.path.join(REPO, ".eval-out", "eval-live.json"))
    ap.add_argument("--no-docs", action="store_true")
    ap.add_argument("--rescore", metavar="JSON", help="re-score a saved run's timelines (after a scoring change) and rewrite the docs section")
    ap.add_argument("--from-timelines", metavar="DIR", help="live-stage development: ground the offline timelines saved in DIR "
                    "(DIR/SCENARIO.json) instead of analysing each recording again; offline scripts are not replayed; implies --no-docs "
                    "unless --offline-eval gives the offline rows (also with --rescore, for a run saved before the eval ended)")
    ap.add_argument("--offline-eval", metavar="JSON", help="with --from-timelines: take the offline rows (replays and "
                    "scores) from this `make eval` JSON (.eval-out/eval.json) of the binary that saved the timelines, "
                    "and write the docs section")
    ap.add_argument("--check", action="store_true", help="exit 1 unless every live script replays and every live locator was unique")
    args = ap.parse_args(argv)
    args.bin = os.path.abspath(args.bin)
    args.samples = os.path.abspath(args.samples)
    args.out_dir = os.path.join(os.path.dirname(os.path.abspath(args.json)), "live-run")
    args.reference = False
    if args.offline_eval and not (args.from_timelines or args.rescore):
        ap.error("--offline-eval needs --from-timelines (the timelines that eval's binary saved)")
    evaluated = load_offline_eval(args.offline_eval) if args.offline_eval else None
    if args.from_timelines:
        args.from_timelines = os.path.abspath(args.from_timelines)
        # Without a `make eval` run to take the offline rows from, nothing was replayed offline:
        # the docs section (offline beside live) cannot be written.
        args.no_docs = args.no_docs or evaluated is None
    args.target_list = list(ev.ALL_TARGETS)
    if args.rescore:
        return rescore(args.rescore, args)
    only = [s.strip() for s in args.scenarios.split(",") if s.strip()]
    truths = ev.load_truths(args.samples, only or None)
    if replay.browsers_missing():
        print("eval-live: " + replay.browsers_missing(), file=sys.stderr)
        return 2
    t0 = time.monotonic()
    commit_at_start = ev.git_commit()  # a long run outlives later commits
    offline, live = [], []
    with replay.SampleServers(args.samples) as servers:
        for truth in truths:
            o = saved_offline(truth, args) if args.from_timelines else eval_offline(truth, args, servers)
            r = eval_live(truth, args, servers, o)
            if evaluated is not None:
                o = offline_row_from_eval(evaluated, truth, o)
            for row in (o, r):
                row["_truthCount"] = len(truth.get("actions") or [])
                row["_truthFills"] = sum(1 for a in truth.get("actions") or [] if a.get("kind") == "fill")
                row["_hasAddressBar"] = scoring.has_address_bar(truth)
            offline.append(o)
            live.append(r)
            print(f"{truth['scenario']}: offline " + ", ".join(f"{t} {o['replay'][t]['status']}" for t in ev.PY_TARGETS)
                  + " | live " + ", ".join(f"{t} {r['replay'][t]['status']}" for t in ev.PY_TARGETS)
                  + f" ({r.get('liveSeconds', 0):.1f} s)", flush=True)
    tot_off = ev.totals(offline, args.target_list)
    tot_live = ev.totals(live, args.target_list)
    for row in offline + live:
        for k in [k for k in row if k.startswith("_")]:
            del row[k]
    print()
    print("live:")
    ev.print_table(live, args.target_list, tot_live)
    print()
    print("offline:")
    for line in ev.totals_lines(tot_off):
        print(line)
    bad = sum(r.get("badLocators", 0) for r in live)
    chosen = sum(r.get("locators", 0) for r in live)
    print(f"live locators: {chosen} chosen, {bad} not unique when chosen")
    wall = round(time.monotonic() - t0, 1)
    print(f"({wall} s)")
    meta = {"commit": commit_at_start, "samples": os.path.relpath(args.samples, REPO), "seconds": wall}
    if evaluated is not None:
        meta["offlineEval"] = {"commit": evaluated["commit"]}
    if not args.no_docs:
        write_doc(doc_section(offline, live, tot_off, tot_live, meta))
        print("wrote docs/accuracy.md (live section)")
    os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
    with open(args.json, "w", encoding="utf-8") as f:
        json.dump(dict(meta, offline={"totals": tot_off, "scenarios": offline},
                       live={"totals": tot_live, "scenarios": live}), f, indent=2)
        f.write("\n")
    if args.check:
        failed = [f"{r['scenario']}/{t}" for r in live for t, res in r["replay"].items() if res["status"] != "pass"]
        if failed or bad:
            print("eval-live: not replayed live: " + ", ".join(failed) + (f"; {bad} locators not unique" if bad else ""),
                  file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
