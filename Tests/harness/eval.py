#!/usr/bin/env python3
"""`make eval`: score vid2auto against the committed recordings.

For every samples/recordings/SCENARIO.truth.json:
  * each recording is analysed once: `vid2auto RECORDING --target timeline -o FILE`; the scripts
    are rendered from that timeline (`vid2auto render FILE --target T`, byte-identical to
    `vid2auto RECORDING --target T`, which Tests/harness/test_eval_harness.py checks).
  * playwright-python, selenium-python: the rendered script is replayed
    against samples/server.py (state reset first) with Debian's Chromium, secrets from the truth in
    the environment variables the script declares (`# secret: NAME`), and compare
    `GET /__state?app=APP` with the truth's finalState. pass / fail: reason / unavailable: reason
    (unavailable = vid2auto missing, failed or does not support the target; it counts as a failure).
  * timeline: `vid2auto RECORDING --target timeline -o FILE`, scored against the truth actions
    (rules in scoring.py): precision, recall, exact fill values, start URL.
Prints a scenario x target table and totals, writes a JSON summary (--json) and the vid2auto
section of docs/accuracy.md, and checks the totals against Tests/harness/ratchet.json.

Scopes: the recordings are totalled per app and per scope. ratchet.json's top-level figures are the
floor of the original corpus (its "apps": signup, todo, shop, ledger); each entry of its "groups"
(e.g. "new-apps": settings, admin, with the figures first seen on them) is a separate floor for its
own apps' totals. Adding recordings of a new app therefore never lowers the old corpus's figures,
and the new apps cannot fall below what vid2auto did on them the first time.

`--reference` replays the hand-written scripts in Tests/harness/reference/ (SCENARIO.playwright.py,
SCENARIO.selenium.py, SCENARIO.timeline.json) through the same path instead of running vid2auto;
it exits 1 if any of them fails.
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import first_seen  # noqa: E402
import replay  # noqa: E402
import scoring  # noqa: E402

REPO = replay.REPO
PY_TARGETS = ("playwright-python", "selenium-python")
ALL_TARGETS = PY_TARGETS + ("timeline",)
REF_SUFFIX = {"playwright-python": ".playwright.py", "selenium-python": ".selenium.py",
              "timeline": ".timeline.json"}
# Never name a generated script after a module it imports: Python puts the script's own folder
# first on sys.path, so a file called playwright.py would shadow the playwright package.
GEN_SUFFIX = {"playwright-python": "generated_playwright.py", "selenium-python": "generated_selenium.py",
              "timeline": "timeline.json"}
RATCHET = os.path.join(HERE, "ratchet.json")
REFERENCE_DIR = os.path.join(HERE, "reference")
DOC = os.path.join(REPO, "docs", "accuracy.md")
BEGIN, END = "<!-- vid2auto:begin -->", "<!-- vid2auto:end -->"
EPS = 1e-9


# ------------------------------------------------------------------ inputs

def load_truths(samples_dir, only=None):
    truths = []
    for path in sorted(glob.glob(os.path.join(samples_dir, "recordings", "*.truth.json"))):
        with open(path, encoding="utf-8") as f:
            t = json.load(f)
        t.setdefault("scenario", os.path.basename(path)[: -len(".truth.json")])
        t["_truthPath"] = path
        video = t.get("video") or (t["scenario"] + ".mp4")
        t["_video"] = video if os.path.isabs(video) else os.path.join(os.path.dirname(path), video)
        if only and t["scenario"] not in only:
            continue
        truths.append(t)
    if only:
        missing = sorted(set(only) - {t["scenario"] for t in truths})
        if missing:
            raise SystemExit(f"eval: unknown scenario(s): {', '.join(missing)}")
    return truths


def first_line(text):
    for line in (text or "").splitlines():
        if line.strip():
            s = line.strip().replace(REPO + os.sep, "")
            return s if len(s) <= 200 else s[:199] + "…"
    return ""


def generate(binary, truth, target, out_dir, timeout):
    """Run vid2auto. Returns (path, None) or (None, 'unavailable: ...')."""
    if not (os.path.isfile(binary) and os.access(binary, os.X_OK)):
        return None, f"unavailable: vid2auto not found at {os.path.relpath(binary, REPO)} (run make build)"
    if not os.path.isfile(truth["_video"]):
        return None, f"unavailable: recording missing: {os.path.relpath(truth['_video'], REPO)}"
    return _run(binary, [truth["_video"], "--target", target], target, out_dir, timeout, "vid2auto")


def render(binary, timeline, target, out_dir, timeout):
    """`vid2auto render TIMELINE --target T`. Returns (path, None) or (None, 'unavailable: ...')."""
    return _run(binary, ["render", timeline, "--target", target], target, out_dir, timeout, "vid2auto render")


def _run(binary, args, target, out_dir, timeout, what):
    """Run `binary ARGS -o OUT` (OUT the target's file in out_dir, removed first)."""
    out = os.path.join(out_dir, GEN_SUFFIX[target])
    if os.path.exists(out):
        os.remove(out)
    try:
        p = subprocess.run([binary, *args, "-o", out], capture_output=True, text=True, timeout=timeout, cwd=REPO)
    except subprocess.TimeoutExpired:
        return None, f"unavailable: {what} timed out after {timeout:g} s"
    except OSError as e:
        return None, f"unavailable: {e}"
    if p.returncode != 0:
        why = first_line(p.stderr) or first_line(p.stdout) or "(no message)"
        return None, f"unavailable: {why} (exit {p.returncode})"
    if not os.path.isfile(out) or os.path.getsize(out) == 0:
        return None, f"unavailable: {what} exited 0 but wrote no output"
    return out, None


def generate_all(binary, truth, targets, out_dir, timeout):
    """Analyse the recording once (timeline) and render every other target from that timeline.
    Returns {target: (path, err, seconds)}; the analysis's time is the timeline's."""
    t0 = time.monotonic()
    tl, err = generate(binary, truth, "timeline", out_dir, timeout)
    out = {"timeline": (tl, err, round(time.monotonic() - t0, 2))}
    for target in targets:
        if target == "timeline":
            continue
        t0 = time.monotonic()
        path, rerr = (None, err) if err else render(binary, tl, target, out_dir, timeout)
        out[target] = (path, rerr, round(time.monotonic() - t0, 2))
    return out


# ------------------------------------------------------------------ one scenario

def row_app(truth):
    """The app a recording is totalled under: its app, or "APP@BROWSER" when it was captured in
    another browser than Chromium (so the Firefox recordings of an app are a scope of their own and
    never move the floors of the Chromium corpus)."""
    browser = truth.get("browser") or "chromium"
    return truth.get("app") if browser == "chromium" else f"{truth.get('app')}@{browser}"


def eval_scenario(truth, targets, args, servers):
    scen = truth["scenario"]
    out_dir = os.path.join(args.out_dir, scen)
    os.makedirs(out_dir, exist_ok=True)
    row = {"scenario": scen, "app": row_app(truth), "replay": {}, "timeline": None}
    generated = None if args.reference else generate_all(args.bin, truth, targets, out_dir, args.gen_timeout)
    if generated is not None and "timeline" not in targets:
        row["analyseSeconds"] = generated["timeline"][2]
    for target in targets:
        if args.reference:
            gen_seconds = 0.0
            path = os.path.join(args.reference_dir, scen + REF_SUFFIX[target])
            err = None if os.path.isfile(path) else "unavailable: no reference " + os.path.basename(path)
            if err:
                path = None
        else:
            path, err, gen_seconds = generated[target]
        if target == "timeline":
            row["timeline"] = score_timeline_file(path, err, truth)
            row["timeline"]["generateSeconds"] = gen_seconds
            continue
        if err:
            row["replay"][target] = {"status": "unavailable", "reason": err[len("unavailable: "):],
                                     "generateSeconds": gen_seconds}
            continue
        if replay.browsers_missing():
            res = {"status": "unavailable", "reason": "chromium " + replay.browsers_missing()}
        else:
            try:
                res = replay.replay(path, truth, servers, timeout=args.timeout, workdir=out_dir)
            except Exception as e:  # the harness itself failed: report, never invent
                res = {"status": "fail", "reason": f"harness error: {type(e).__name__}: {e}"}
        res["generateSeconds"] = gen_seconds
        res["script"] = os.path.relpath(path, REPO)
        row["replay"][target] = res
    return row


def score_timeline_file(path, err, truth):
    if err:
        return {"status": "unavailable", "reason": err[len("unavailable: "):]}
    try:
        with open(path, encoding="utf-8") as f:
            tl = json.load(f)
        if not isinstance(tl, dict):
            raise ValueError("top level is not an object")
    except (OSError, ValueError) as e:
        return {"status": "unavailable", "reason": f"invalid timeline JSON: {e}"}
    s = scoring.score_timeline(tl, truth)
    s["status"] = "scored"
    s["file"] = os.path.relpath(path, REPO)
    return s


# ------------------------------------------------------------------ totals

def totals(rows, targets):
    n = len(rows)
    tot = {"scenarios": n, "replayPassed": {}, "replayPassRate": {}}
    for t in targets:
        if t == "timeline":
            continue
        passed = sum(1 for r in rows if r["replay"].get(t, {}).get("status") == "pass")
        tot["replayPassed"][t] = passed
        tot["replayPassRate"][t] = round(passed / n, 4) if n else 0.0
    if "timeline" in targets:
        pred = matched = truth_n = fills = exact = url_ok = url_n = unavailable = 0
        for r in rows:
            tl = r["timeline"] or {}
            if tl.get("status") != "scored":
                unavailable += 1
                truth_n += r["_truthCount"]
                fills += r["_truthFills"]
                if r["_hasAddressBar"]:
                    url_n += 1
                continue
            pred += tl["predicted"]
            matched += tl["matched"]
            truth_n += tl["truth"]
            fills += tl["truthFills"]
            exact += tl["exactFills"]
            if tl["startURL"] is not None:
                url_n += 1
                url_ok += 1 if tl["startURL"] else 0
        tot["timeline"] = {
            "predicted": pred, "matched": matched, "truth": truth_n, "unavailable": unavailable,
            "precision": round(matched / pred, 4) if pred else 0.0,
            "recall": round(matched / truth_n, 4) if truth_n else 0.0,
            "truthFills": fills, "exactFills": exact,
            "exactFillFraction": round(exact / fills, 4) if fills else 0.0,
            "startURLCorrect": url_ok, "startURLScenarios": url_n,
        }
    return tot


def ratchet_figures(tot, prefix=""):
    figs = {}
    for t, v in tot.get("replayPassRate", {}).items():
        figs[f"{prefix}replayPassRate.{t}"] = v
    tl = tot.get("timeline")
    if tl:
        figs[f"{prefix}timeline.precision"] = tl["precision"]
        figs[f"{prefix}timeline.recall"] = tl["recall"]
        figs[f"{prefix}timeline.exactFills"] = tl["exactFillFraction"]
    return figs


def _read_ratchet():
    try:
        with open(RATCHET, encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError:
        return {}


def _flatten(r, prefix=""):
    flat = {}
    for t, v in (r.get("replayPassRate") or {}).items():
        flat[f"{prefix}replayPassRate.{t}"] = float(v)
    for k, v in (r.get("timeline") or {}).items():
        flat[f"{prefix}timeline.{k}"] = float(v)
    return flat


def load_ratchet():
    """Flat floors: 'replayPassRate.T' / 'timeline.X' for the corpus (top level), and
    'GROUP/replayPassRate.T' / 'GROUP/timeline.X' for each group."""
    r = _read_ratchet()
    flat = _flatten(r)
    for g, body in (r.get("groups") or {}).items():
        flat.update(_flatten(body, g + "/"))
    return flat


def ratchet_scopes():
    """{'': corpus apps or None (= every recording), GROUP: its apps} from ratchet.json."""
    r = _read_ratchet()
    scopes = {"": r.get("apps")}
    for g, body in (r.get("groups") or {}).items():
        scopes[g] = body.get("apps") or []
    return scopes


def save_ratchet(flat):
    """Write the floors back, keeping each scope's apps and notes."""
    old = _read_ratchet()
    out = {k: v for k, v in old.items() if k not in ("replayPassRate", "timeline", "groups")}
    out.update({"replayPassRate": {}, "timeline": {}})
    groups = {g: {k: v for k, v in body.items() if k not in ("replayPassRate", "timeline")}
              for g, body in (old.get("groups") or {}).items()}
    for k, v in sorted(flat.items()):
        scope, _, key = k.rpartition("/")
        group, name = key.split(".", 1)
        if scope:
            groups.setdefault(scope, {}).setdefault(group, {})[name] = round(v, 4)
        else:
            out[group][name] = round(v, 4)
    if groups:
        out["groups"] = groups
    with open(RATCHET, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=2, ensure_ascii=False)
        f.write("\n")


def scope_rows(rows, apps, claimed=frozenset()):
    """The rows a scope totals: its apps' rows (None = every row) and the recordings it names
    (`scenario:NAME`); a row named by another scope (`claimed`) is not taken by its app."""
    return [r for r in rows if first_seen.in_scope(r, apps, claimed)]


def scoped_totals(rows, targets, scopes):
    """Totals per ratchet scope ('' = the corpus) and per app."""
    claimed = first_seen.claimed_scenarios(scopes)
    by_scope = {name: totals(scope_rows(rows, apps, claimed), targets) for name, apps in scopes.items()}
    by_app = {app: totals([r for r in rows if r.get("app") == app], targets)
              for app in sorted({r.get("app") for r in rows if r.get("app")})}
    return by_scope, by_app


def scope_title(name, apps):
    label = "corpus" if name == "" else name
    if apps and all(a.startswith(first_seen.SCENARIO_PREFIX) for a in apps):
        return f"{label} ({len(apps)} recordings by name)"
    return f"{label} ({', '.join(apps)})" if apps else label


# ------------------------------------------------------------------ output

def replay_cell(res):
    if res is None:
        return "-", ""
    if res["status"] == "pass":
        return "pass", f"{res.get('seconds', 0):.1f} s"
    return res["status"], res.get("reason", "")


def timeline_cell(tl):
    if tl is None:
        return "-", ""
    if tl.get("status") != "scored":
        return "unavailable", tl.get("reason", "")
    s = f"P {tl['precision']:.2f} R {tl['recall']:.2f} ({tl['matched']}/{tl['predicted']} pred, {tl['truth']} truth)"
    if tl["truthFills"]:
        s += f"; fills exact {tl['exactFills']}/{tl['truthFills']}"
    if tl["startURL"] is not None:
        s += "; startURL " + ("ok" if tl["startURL"] else "wrong")
    return "scored", s


def table_rows(rows, targets):
    out = []
    for r in rows:
        for t in targets:
            if t == "timeline":
                status, detail = timeline_cell(r["timeline"])
            else:
                status, detail = replay_cell(r["replay"].get(t))
            out.append((r["scenario"], t, status, detail))
    return out


def totals_lines(tot):
    lines = []
    for t, v in tot.get("replayPassRate", {}).items():
        lines.append(f"replay {t}: {tot['replayPassed'][t]}/{tot['scenarios']} pass ({v:.0%})")
    tl = tot.get("timeline")
    if tl:
        lines.append(f"timeline: precision {tl['precision']:.3f} ({tl['matched']}/{tl['predicted']}), "
                     f"recall {tl['recall']:.3f} ({tl['matched']}/{tl['truth']}), "
                     f"exact fills {tl['exactFillFraction']:.3f} ({tl['exactFills']}/{tl['truthFills']}), "
                     f"start URL {tl['startURLCorrect']}/{tl['startURLScenarios']}"
                     + (f", unavailable {tl['unavailable']}" if tl["unavailable"] else ""))
    return lines


def print_table(rows, targets, tot):
    trs = table_rows(rows, targets)
    w0 = max([8] + [len(r[0]) for r in trs])
    w1 = max(len(t) for t in targets)
    print(f"{'scenario':<{w0}}  {'target':<{w1}}  {'result':<11}  detail")
    for scen, t, status, detail in trs:
        print(f"{scen:<{w0}}  {t:<{w1}}  {status:<11}  {detail}")
    print()
    for line in totals_lines(tot):
        print(line)


def md_escape(s):
    return str(s).replace("|", "\\|").replace("\n", " ")


def print_scoped(by_scope, by_app, scopes):
    if len(by_app) <= 1:
        return
    print()
    for name, st in by_scope.items():
        if st["scenarios"]:
            print(f"{scope_title(name, scopes[name])}, {st['scenarios']} recordings:")
            for line in totals_lines(st):
                print("  " + line)
    print("by app:")
    for app, st in by_app.items():
        print(f"  {app} ({st['scenarios']}): " + "; ".join(totals_lines(st)))


def render_doc_section(rows, targets, tot, meta, scoped=None, comp=None):
    L = [BEGIN, "## vid2auto (written by `make eval`; do not edit by hand)", ""]
    L.append(f"Commit `{meta.get('commit') or 'uncommitted'}`, {tot['scenarios']} recordings, "
             f"binary `{meta['bin']}`. Replay: the generated script run against `samples/server.py`, "
             "pass = the app's final state equals the truth's. Timeline: P/R of actions matched to the "
             "truth. Rules: `Tests/harness/scoring.py`; the old corpus's totals and each group's may not "
             "fall below `Tests/harness/ratchet.json`.")
    L.append("")
    L.append("| scenario | " + " | ".join(targets) + " |")
    L.append("|---" * (len(targets) + 1) + "|")
    for r in rows:
        cells = []
        for t in targets:
            status, detail = timeline_cell(r["timeline"]) if t == "timeline" else replay_cell(r["replay"].get(t))
            if status == "scored":
                cells.append(detail)
            elif status == "pass":
                cells.append("pass")
            else:
                cells.append(f"{status}: {detail}" if detail else status)
        L.append(f"| {md_escape(r['scenario'])} | " + " | ".join(md_escape(c) for c in cells) + " |")
    L.append("")
    L.append("Totals:")
    L.append("")
    for line in totals_lines(tot):
        L.append(f"- {line}")
    if scoped and len(scoped[1]) > 1:
        by_scope, by_app, scopes = scoped
        for name, st in by_scope.items():
            if st["scenarios"]:
                L.append("")
                L.append(f"{scope_title(name, scopes[name])}, {st['scenarios']} recordings"
                         + (" (the ratchet's top-level floor):" if name == "" else
                            f" (floor: ratchet.json groups.{name}):"))
                L.append("")
                for line in totals_lines(st):
                    L.append(f"- {line}")
        L.append("")
        L.append("By app:")
        L.append("")
        for app, st in by_app.items():
            L.append(f"- {app} ({st['scenarios']}): " + "; ".join(totals_lines(st)))
    if comp:
        L.append("")
        L.append("First seen (stored in `samples/recordings/first-seen.json`: each recording's result the first "
                 "time it was measured, before any tuning on it; – = none stored) and now, over the same recordings. "
                 "P / R = timeline precision / recall, exact values = typed values read exactly, start URL = "
                 "recordings with an address bar whose start URL is right:")
        L.append("")
        L.extend(first_seen.comparison_markdown(comp))
    L.append(END)
    return "\n".join(L) + "\n"


def write_doc(section, path=DOC):
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except FileNotFoundError:
        text = "# Accuracy\n\n"
    if BEGIN in text and END in text and text.index(BEGIN) < text.index(END):
        a = text.index(BEGIN)
        b = text.index(END) + len(END)
        if text[b:b + 1] == "\n":
            b += 1
        text = text[:a] + section + text[b:]
    else:
        if not text.endswith("\n"):
            text += "\n"
        text += "\n" + section
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def file_sha256(path):
    import hashlib
    try:
        with open(path, "rb") as f:
            return hashlib.sha256(f.read()).hexdigest()[:16]
    except OSError:
        return None


def git_commit():
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                              text=True, timeout=10).stdout.strip() or None
    except Exception:
        return None


# ------------------------------------------------------------------ main

def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=os.path.join(REPO, ".build", "release", "vid2auto"))
    ap.add_argument("--samples", default=os.path.join(REPO, "samples"), help="samples directory")
    ap.add_argument("--scenarios", default="", help="comma-separated scenario names (default all)")
    ap.add_argument("--targets", default=",".join(ALL_TARGETS),
                    help="comma-separated: playwright-python,selenium-python,timeline")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per replayed script")
    ap.add_argument("--gen-timeout", type=float, default=600.0, help="seconds per vid2auto run")
    ap.add_argument("--json", default=os.path.join(REPO, ".eval-out", "eval.json"))
    ap.add_argument("--out-dir", default=None, help="generated files (default: beside --json)")
    ap.add_argument("--check-ratchet", dest="check_ratchet", action="store_true", default=None,
                    help="exit 1 if a total falls below ratchet.json (default: on for full vid2auto runs)")
    ap.add_argument("--no-check-ratchet", dest="check_ratchet", action="store_false")
    ap.add_argument("--update-ratchet", action="store_true", help="raise ratchet.json to today's totals")
    ap.add_argument("--no-docs", action="store_true", help="do not rewrite docs/accuracy.md")
    ap.add_argument("--reference", action="store_true", help="run Tests/harness/reference/ instead of vid2auto")
    ap.add_argument("--reference-dir", default=REFERENCE_DIR)
    ap.add_argument("--first-seen", default=None,
                    help="first-seen scores file (default: SAMPLES/recordings/first-seen.json)")
    ap.add_argument("--record-first-seen", action="store_true",
                    help="store this run's result as the first-seen score of every recording that has none "
                         "(needs all three targets; never rewrites an entry)")
    args = ap.parse_args(argv)
    args.bin = os.path.abspath(args.bin)
    args.samples = os.path.abspath(args.samples)
    args.json = os.path.abspath(args.json)
    args.out_dir = os.path.abspath(args.out_dir or os.path.dirname(args.json))
    targets = [t.strip() for t in args.targets.split(",") if t.strip()]
    bad = [t for t in targets if t not in ALL_TARGETS]
    if bad:
        ap.error(f"unknown target(s) {bad}; choose from {', '.join(ALL_TARGETS)}")
    args.target_list = [t for t in ALL_TARGETS if t in targets]
    args.scenario_list = [s.strip() for s in args.scenarios.split(",") if s.strip()]
    args.full = not args.scenario_list and args.target_list == list(ALL_TARGETS)
    # docs/accuracy.md and the ratchet describe the committed corpus only
    args.corpus = os.path.realpath(args.samples) == os.path.realpath(os.path.join(REPO, "samples"))
    args.full = args.full and args.corpus
    if args.update_ratchet and (args.reference or not args.full):
        ap.error("--update-ratchet needs a full vid2auto run (no --reference, --scenarios or --targets)")
    if args.check_ratchet is None:
        args.check_ratchet = args.full and not args.reference
    args.first_seen = os.path.abspath(args.first_seen or first_seen.path_for(args.samples))
    if args.record_first_seen and (args.reference or args.target_list != list(ALL_TARGETS)):
        ap.error("--record-first-seen needs a vid2auto run with all targets (no --reference or --targets)")
    return args


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    truths = load_truths(args.samples, args.scenario_list or None)
    if args.reference:
        have = {os.path.basename(p).split(".")[0] for p in glob.glob(os.path.join(args.reference_dir, "*.*"))}
        skipped = [t["scenario"] for t in truths if t["scenario"] not in have]
        truths = [t for t in truths if t["scenario"] in have]
        if skipped:
            print(f"(no reference files for: {', '.join(skipped)})")
    if not truths:
        print("eval: no scenarios (samples/recordings/*.truth.json)", file=sys.stderr)
        return 2
    t_start = time.monotonic()
    # the commit the run started at: a long run outlives later commits, and the binary was built
    # before it started (the binary's own hash is recorded beside it)
    commit_at_start = git_commit()
    rows = []
    with replay.SampleServers(args.samples) as servers:
        for truth in truths:
            row = eval_scenario(truth, args.target_list, args, servers)
            row["_truthCount"] = len(truth.get("actions") or [])
            row["_truthFills"] = sum(1 for a in truth.get("actions") or [] if a.get("kind") == "fill")
            row["_hasAddressBar"] = scoring.has_address_bar(truth)
            rows.append(row)
    tot = totals(rows, args.target_list)
    scopes = ratchet_scopes()
    by_scope, by_app = scoped_totals(rows, args.target_list, scopes)
    comp = None
    if not args.reference:
        if args.record_first_seen:
            added = first_seen.record(args.first_seen, rows, {
                "binary": os.path.relpath(args.bin, REPO), "binarySha256": file_sha256(args.bin),
                "commit": commit_at_start})
            print(f"first seen: stored {len(added)} new entr{'y' if len(added) == 1 else 'ies'} in "
                  f"{os.path.relpath(args.first_seen, REPO)}" + (f" ({', '.join(added)})" if added else ""))
        if args.target_list == list(ALL_TARGETS):
            comp = first_seen.comparison(rows, first_seen.load(args.first_seen), totals, args.target_list, scopes)
    for r in rows:
        for k in [k for k in r if k.startswith("_")]:
            del r[k]
    wall = round(time.monotonic() - t_start, 1)
    print_table(rows, args.target_list, tot)
    print_scoped(by_scope, by_app, scopes)
    if comp:
        print("first seen -> now:")
        for line in first_seen.comparison_lines(comp):
            print("  " + line)
    print(f"({wall} s)")

    meta = {"mode": "reference" if args.reference else "vid2auto", "bin": os.path.relpath(args.bin, REPO),
            "commit": commit_at_start, "binarySha256": None if args.reference else file_sha256(args.bin),
            "seconds": wall, "targets": args.target_list}
    if git_commit() != commit_at_start:
        print(f"(HEAD moved during the run: {commit_at_start} -> {git_commit()}; recorded {commit_at_start})")
    summary = dict(meta, totals=tot, scenarios=rows,
                   scopeTotals={(k or "corpus"): v for k, v in by_scope.items()}, appTotals=by_app)
    if comp:
        summary["firstSeen"] = [{"scope": label, "now": now, "firstSeen": first, "firstSeenRecordings": n}
                                for label, now, first, n in comp]
    status = 0
    figs = {}
    for name, st in by_scope.items():
        if st["scenarios"]:
            figs.update(ratchet_figures(st, name + "/" if name else ""))
    if args.check_ratchet:
        floor = load_ratchet()
        below = {k: (v, floor[k]) for k, v in figs.items() if k in floor and v + EPS < floor[k]}
        summary["ratchet"] = {"checked": True, "floor": floor, "below": {k: {"now": a, "floor": b} for k, (a, b) in below.items()}}
        if below:
            status = 1
            for k, (now, fl) in below.items():
                print(f"RATCHET: {k} fell to {now:.4f} (best so far {fl:.4f})", file=sys.stderr)
        else:
            print("ratchet: ok (no figure below Tests/harness/ratchet.json)")
    if args.update_ratchet:
        floor = load_ratchet()
        for k, v in figs.items():
            floor[k] = max(floor.get(k, 0.0), v)
        save_ratchet(floor)
        print("ratchet: updated Tests/harness/ratchet.json")
    if args.reference:
        failed = [f"{r['scenario']}/{t}" for r in rows for t, res in r["replay"].items()
                  if res["status"] != "pass" and not res.get("reason", "").startswith("no reference")]
        failed += [f"{r['scenario']}/timeline" for r in rows
                   if r["timeline"] and r["timeline"].get("status") == "scored"
                   and (r["timeline"]["precision"] < 1 or r["timeline"]["recall"] < 1)]
        if failed:
            print("reference failures: " + ", ".join(failed), file=sys.stderr)
            status = 1
    elif args.full and not args.no_docs:
        write_doc(render_doc_section(rows, args.target_list, tot, meta, (by_scope, by_app, scopes), comp))
        print(f"wrote {os.path.relpath(DOC, REPO)} (vid2auto section)")
    os.makedirs(os.path.dirname(args.json), exist_ok=True)
    with open(args.json, "w", encoding="utf-8") as f:
        json.dump(summary, f, indent=2)
        f.write("\n")
    print(f"wrote {os.path.relpath(args.json, os.getcwd()) if args.json.startswith(os.getcwd()) else args.json}")
    return status


if __name__ == "__main__":
    sys.exit(main())
