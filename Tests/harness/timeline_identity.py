#!/usr/bin/env python3
"""Accuracy guard for speed work: the `--target timeline` output of every recording of
samples/recordings and samples/heldout/recordings must stay byte-identical apart from timings.

  python3 Tests/harness/timeline_identity.py --save DIR    # before a change
  python3 Tests/harness/timeline_identity.py --check DIR   # after it: exit 1 on any difference
  (--check also reads a `vid2auto batch … --target timeline -o DIR` folder: NAME.json there)

Ignored: the "swarm" section (wall time, spans, which agent took what) and any key named
"wallSeconds" or ending in "Seconds"/"_s" found elsewhere; the source path is compared by its file
name. Everything else is compared exactly.
"""
import argparse, glob, json, os, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.environ.get("SCREENWRIGHT_BIN_DIR", os.path.join(ROOT, ".build", "release"))
TIMING_KEYS = {"swarm", "wallSeconds"}


def recordings(heldout=True):
    dirs = [os.path.join(ROOT, "samples", "recordings")]
    if heldout:
        dirs.append(os.path.join(ROOT, "samples", "heldout", "recordings"))
    found = []
    for d in dirs:
        found += sorted(glob.glob(os.path.join(d, "*.mp4")) + glob.glob(os.path.join(d, "*.webm")))
    return found


def strip(x):
    if isinstance(x, dict):
        return {k: strip(v) for k, v in x.items()
                if k not in TIMING_KEYS and not k.endswith("Seconds") and not k.endswith("_s")}
    if isinstance(x, list):
        return [strip(v) for v in x]
    return x


def normalise(timeline):
    """`strip`, and the recording's path as its file name (a batch writes it as given, relative;
    this script passes it absolute)."""
    out = strip(timeline)
    src = out.get("source") if isinstance(out, dict) else None
    if isinstance(src, dict) and isinstance(src.get("path"), str):
        src["path"] = os.path.basename(src["path"])
    return out


def analyse(rec, extra):
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    r = subprocess.run([os.path.join(BIN, "vid2auto"), rec, "--target", "timeline"] + extra,
                       capture_output=True, text=True, env=env)
    if r.returncode != 0:
        sys.exit(f"{rec}: vid2auto failed ({r.returncode}): {r.stderr.strip()}")
    return json.loads(r.stdout)


def reference(folder, name):
    """The saved timeline of recording `name`, normalised as --save writes it: `NAME.mp4.json`
    from --save, or `NAME.json` as `vid2auto batch … --target timeline -o DIR` names it (there
    with its timings still in: they are stripped here). None when neither exists."""
    for path in (os.path.join(folder, name + ".json"), os.path.join(folder, os.path.splitext(name)[0] + ".json")):
        if os.path.isfile(path):
            with open(path, encoding="utf-8") as f:
                return json.dumps(normalise(json.load(f)), indent=1, sort_keys=True) + "\n"
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--save", metavar="DIR")
    g.add_argument("--check", metavar="DIR")
    ap.add_argument("--only", default="", help="substring filter on recording names")
    ap.add_argument("--agents", type=int, default=0, help="pass --agents N (0: default)")
    ap.add_argument("--no-heldout", action="store_true", help="only samples/recordings (default: also samples/heldout/recordings)")
    args = ap.parse_args()
    extra = ["--agents", str(args.agents)] if args.agents else []
    bad = 0
    for rec in recordings(heldout=not args.no_heldout):
        name = os.path.basename(rec)
        if args.only and args.only not in name:
            continue
        out = normalise(analyse(rec, extra))
        text = json.dumps(out, indent=1, sort_keys=True) + "\n"
        if args.save:
            os.makedirs(args.save, exist_ok=True)
            open(os.path.join(args.save, name + ".json"), "w").write(text)
            print(f"saved {name}", flush=True)
        else:
            ref = reference(args.check, name)
            if ref is None:
                sys.exit(f"{args.check}: no saved timeline for {name} ({name}.json from --save, or "
                         f"{os.path.splitext(name)[0]}.json from `vid2auto batch … --target timeline`)")
            same = ref == text
            bad += not same
            print(f"{'same' if same else 'DIFFERENT'} {name}", flush=True)
            if not same:
                import difflib
                sys.stdout.writelines(list(difflib.unified_diff(ref.splitlines(True), text.splitlines(True),
                                                                "before", "after", n=1))[:40])
    if args.check:
        print(f"identity: {'OK' if not bad else f'{bad} recording(s) differ'}")
        sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
