"""First-seen scores: what vid2auto did on a recording the first time it was measured, before anyone
tuned the analyser on it — the honest estimate of how it does on a stranger's recording.

They live beside the truths in `<samples>/recordings/first-seen.json`:

    {"about": "...",
     "scenarios": {"NAME": {"app": ..., "measured": {"binary": ..., "commit": ..., "date": ..., "source": ...},
                            "replay": {"playwright-python": {"status": "pass"|"fail"|"unavailable", "reason": ...}, ...},
                            "timeline": {"status": "scored", "predicted": n, "matched": n, "truth": n,
                                         "truthFills": n, "exactFills": n, "startURL": true|false|null},
                            "truthCount": n, "truthFills": n, "hasAddressBar": bool}}}

`eval.py --record-first-seen` adds an entry for every evaluated recording that has none yet (it
never rewrites one); every eval run reports first-seen beside current figures per app, per ratchet
group and in total (`comparison`, `comparison_lines`, `comparison_markdown`).
"""
from __future__ import annotations

import datetime
import json
import os

FILE_NAME = "first-seen.json"
ABOUT = ("First-seen scores of each recording: vid2auto's result the first time it was measured, before "
         "anyone tuned the analyser on it. Written by `Tests/harness/eval.py --record-first-seen`, which only "
         "adds entries for recordings that have none; never edit or overwrite an entry.")
TARGETS = ("playwright-python", "selenium-python")


SCENARIO_PREFIX = "scenario:"


def claimed_scenarios(scopes: dict) -> set:
    """Recordings a ratchet scope names one by one (`"scenario:NAME"` among its apps): such a
    recording is totalled in that scope only, never in a scope that would take it by its app — so a
    batch of new recordings measured first-seen gets a floor of its own and leaves the floors of the
    recordings before it (the old corpus, each app group) as they were."""
    return {a[len(SCENARIO_PREFIX):] for apps in scopes.values() for a in (apps or [])
            if a.startswith(SCENARIO_PREFIX)}


def in_scope(row: dict, apps, claimed: set) -> bool:
    """Whether an evaluated row counts in a scope whose members are `apps` (None = every recording):
    named by its scenario, or of one of the apps and not claimed by name elsewhere."""
    if apps is None:
        return True
    if SCENARIO_PREFIX + str(row.get("scenario")) in apps:
        return True
    return row.get("app") in apps and row.get("scenario") not in claimed


def path_for(samples_dir: str) -> str:
    return os.path.join(samples_dir, "recordings", FILE_NAME)


def load(path: str) -> dict:
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except FileNotFoundError:
        return {"about": ABOUT, "scenarios": {}}
    except ValueError as e:
        raise SystemExit(f"eval: {path}: not valid JSON ({e})")
    if not isinstance(data, dict) or not isinstance(data.get("scenarios"), dict):
        raise SystemExit(f"eval: {path}: no \"scenarios\" object")
    return data


def save(path: str, data: dict) -> None:
    data = {"about": data.get("about") or ABOUT,
            "scenarios": {k: data["scenarios"][k] for k in sorted(data["scenarios"])}}
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1, ensure_ascii=False)
        f.write("\n")
    os.replace(tmp, path)


def entry_from_row(row: dict, meta: dict) -> dict | None:
    """The stored form of one evaluated row (it still has its _truthCount/_truthFills/_hasAddressBar);
    None when the row lacks a target (a first-seen entry needs both replays and the timeline)."""
    if row.get("timeline") is None or any(t not in row.get("replay", {}) for t in TARGETS):
        return None
    tl = row["timeline"]
    keep = ("status", "reason", "predicted", "matched", "truth", "truthFills", "exactFills", "startURL",
            "missed", "extra", "wrongFillValues")
    return {
        "app": row.get("app"),
        "measured": dict(meta),
        "replay": {t: {k: v for k, v in row["replay"][t].items() if k in ("status", "reason")} for t in TARGETS},
        "timeline": {k: tl[k] for k in keep if k in tl},
        "truthCount": row["_truthCount"], "truthFills": row["_truthFills"], "hasAddressBar": row["_hasAddressBar"],
    }


def record(path: str, rows: list, meta: dict) -> list:
    """Add entries for rows without one. Returns the names added."""
    data = load(path)
    meta = dict(meta, date=meta.get("date") or datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"))
    added = []
    for r in rows:
        if r["scenario"] in data["scenarios"]:
            continue
        e = entry_from_row(r, meta)
        if e is not None:
            data["scenarios"][r["scenario"]] = e
            added.append(r["scenario"])
    if added:
        save(path, data)
    return added


def row_from_entry(name: str, e: dict) -> dict:
    """A row shaped like eval.py's, so its totals() adds first-seen figures the same way."""
    return {"scenario": name, "app": e.get("app"), "replay": e.get("replay") or {}, "timeline": e.get("timeline"),
            "_truthCount": e.get("truthCount", 0), "_truthFills": e.get("truthFills", 0),
            "_hasAddressBar": e.get("hasAddressBar", True)}


def comparison(rows: list, data: dict, totals, targets, scopes: dict) -> list:
    """[(label, now_totals, first_totals or None, n_first)] per app, per ratchet group, for the
    recordings with a first-seen entry, and for everything. `rows` still carry their _ fields."""
    stored = data.get("scenarios") or {}
    first_rows = {r["scenario"]: row_from_entry(r["scenario"], stored[r["scenario"]]) for r in rows if r["scenario"] in stored}

    def pair(label, subset):
        f = [first_rows[r["scenario"]] for r in subset if r["scenario"] in first_rows]
        return (label, totals(subset, targets), totals(f, targets) if f else None, len(f))

    out = []
    for app in sorted({r.get("app") for r in rows if r.get("app")}):
        out.append(pair(app, [r for r in rows if r.get("app") == app]))
    claimed = claimed_scenarios(scopes)
    for name, apps in scopes.items():
        if name and apps:
            subset = [r for r in rows if in_scope(r, apps, claimed)]
            if subset:
                named = [a for a in apps if not a.startswith(SCENARIO_PREFIX)]
                listed = ", ".join(named) if named else f"{len(apps)} recordings by name"
                out.append(pair(f"group {name} ({listed})", subset))
    with_first = [r for r in rows if r["scenario"] in first_rows]
    if with_first and len(with_first) != len(rows):
        out.append(pair("recordings with a first-seen entry", with_first))
    out.append(pair("all recordings", rows))
    return out


def _fig(tot: dict | None, n: int | None = None) -> list:
    if tot is None:
        return ["–"] * 7
    tl = tot.get("timeline") or {}
    cells = [f"{n}" if n is not None else str(tot["scenarios"])]
    if tl:
        cells += [f"{tl['precision']:.2f}", f"{tl['recall']:.2f}",
                  f"{tl['exactFillFraction']:.2f} ({tl['exactFills']}/{tl['truthFills']})" if tl["truthFills"] else "–",
                  f"{tl['startURLCorrect']}/{tl['startURLScenarios']}"]
    else:
        cells += ["–"] * 4
    for t in TARGETS:
        p = tot.get("replayPassed", {}).get(t)
        cells.append(f"{p}/{tot['scenarios']}" if p is not None else "–")
    return cells


HEAD = ["recordings", "P", "R", "exact values", "start URL", "replay PW-Py", "replay Se-Py"]


def comparison_lines(comp: list) -> list:
    lines = []
    for label, now, first, n in comp:
        f = _fig(first, n)
        c = _fig(now)
        lines.append(f"{label}: first seen [{', '.join(f'{h} {v}' for h, v in zip(HEAD, f))}]"
                     f" -> now [{', '.join(f'{h} {v}' for h, v in zip(HEAD, c))}]")
    return lines


def comparison_markdown(comp: list) -> list:
    L = ["| scope | " + " | ".join(f"first seen: {h}" if i == 0 else h for i, h in enumerate(HEAD)) + " | "
         + " | ".join(f"now: {h}" if i == 0 else h for i, h in enumerate(HEAD)) + " |",
         "|---" * (1 + 2 * len(HEAD)) + "|"]
    for label, now, first, n in comp:
        L.append(f"| {label} | " + " | ".join(_fig(first, n)) + " | " + " | ".join(_fig(now)) + " |")
    return L


def recording_table(data: dict, names: list) -> list:
    """Markdown rows, one per recording: its first-seen figures and the truth actions it missed."""
    L = ["| recording | timeline P | R | exact fill values | start URL | replay Playwright-Python | "
         "replay Selenium-Python | missed truth actions |", "|---|---|---|---|---|---|---|---|"]
    for n in names:
        e = data["scenarios"].get(n)
        if e is None:
            L.append(f"| {n} | – | – | – | – | – | – | (no first-seen entry) |")
            continue
        tl = e["timeline"]
        if tl.get("status") == "scored":
            p = f"{tl['matched'] / tl['predicted']:.2f} ({tl['matched']}/{tl['predicted']})" if tl["predicted"] else "0.00 (0/0)"
            r = f"{tl['matched'] / tl['truth']:.2f} ({tl['matched']}/{tl['truth']})" if tl["truth"] else "–"
            ex = f"{tl['exactFills']}/{tl['truthFills']}" if tl["truthFills"] else "–"
            url = {True: "ok", False: "wrong", None: "– (no address bar)"}[tl.get("startURL")]
        else:
            p = r = ex = url = "unavailable: " + str(tl.get("reason", ""))
        rp = [("pass" if e["replay"][t]["status"] == "pass" else
               f"{e['replay'][t]['status']}: {e['replay'][t].get('reason') or ''}".strip()) for t in TARGETS]
        missed = "; ".join(tl.get("missed") or []) or "–"
        cells = [n, p, r, ex, url, *rp, missed]
        L.append("| " + " | ".join(str(c).replace("|", "\\|").replace("\n", " ") for c in cells) + " |")
    return L


def main(argv=None) -> int:
    import argparse
    import sys
    ap = argparse.ArgumentParser(description="Print the stored first-seen scores as Markdown tables.")
    ap.add_argument("--samples", default=os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(
        os.path.abspath(__file__)))), "samples"))
    ap.add_argument("--apps", default="", help="comma-separated apps (default: all)")
    args = ap.parse_args(argv)
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import eval as harness
    data = load(path_for(args.samples))
    apps = [a for a in args.apps.split(",") if a]
    names = sorted(n for n, e in data["scenarios"].items() if not apps or e.get("app") in apps)
    print("\n".join(recording_table(data, names)))
    rows = [row_from_entry(n, data["scenarios"][n]) for n in names]
    print()
    tot = harness.totals(rows, list(harness.ALL_TARGETS))
    print(f"Totals ({len(rows)} recordings): " + "; ".join(harness.totals_lines(tot)))
    for app in sorted({r["app"] for r in rows}):
        st = harness.totals([r for r in rows if r["app"] == app], list(harness.ALL_TARGETS))
        print(f"- {app} ({st['scenarios']}): " + "; ".join(harness.totals_lines(st)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
