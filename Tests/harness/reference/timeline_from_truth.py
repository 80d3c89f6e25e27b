#!/usr/bin/env python3
"""Build a reference timeline (docs/timeline.md, version 1) from a truth file.

    python3 Tests/harness/reference/timeline_from_truth.py [SCENARIO ...]   (default: todo-add-items)

Writes Tests/harness/reference/SCENARIO.timeline.json: every truth action at the middle of its
[start, end] span, secret fills flagged with no value — what a perfect vid2auto would write.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", ".."))


def timeline_from_truth(truth):
    actions = []
    for a in truth.get("actions") or []:
        src = a.get("target") or {}
        target = {k: src.get(k) for k in ("role", "name", "text", "label", "placeholder", "context")}
        for k in ("box", "point"):
            if a.get(k):
                target[k] = a[k]
        end = a.get("end") if a.get("end") is not None else a["start"]
        actions.append({"kind": a["kind"], "time": round((a["start"] + end) / 2, 3), "endTime": end,
                        "target": target, "value": None if a.get("secret") else a.get("value"),
                        "secret": bool(a.get("secret")), "confidence": 1.0, "evidence": [a["start"], end]})
    screen = truth.get("screen") or {}
    return {"version": 1,
            "source": {"path": "samples/recordings/" + truth.get("video", ""), "width": screen.get("width"),
                       "height": screen.get("height"), "duration": truth.get("duration"),
                       "frameRate": truth.get("frameRate")},
            "viewport": truth.get("viewport"), "startURL": truth.get("startURL"),
            "actions": actions, "diagnostics": []}


def main(names):
    for name in names or ["todo-add-items"]:
        with open(os.path.join(REPO, "samples", "recordings", name + ".truth.json"), encoding="utf-8") as f:
            truth = json.load(f)
        out = os.path.join(HERE, name + ".timeline.json")
        with open(out, "w", encoding="utf-8") as f:
            json.dump(timeline_from_truth(truth), f, indent=2)
            f.write("\n")
        print("wrote", os.path.relpath(out, REPO))


if __name__ == "__main__":
    main(sys.argv[1:])
