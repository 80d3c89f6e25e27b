"""Tests of the vid2auto eval harness: scoring rules, secrets, ratchet, and real replays.

The replay tests run the hand-written reference scripts (Tests/harness/reference/) against the
committed sample apps with Debian's Chromium, and a deliberately wrong script that must fail.
They skip only when /usr/bin/chromium or /usr/bin/chromedriver is absent.
"""
import glob
import json
import os
import re
import shutil
import subprocess
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import eval as harness  # noqa: E402
import first_seen  # noqa: E402
import replay  # noqa: E402
import scoring  # noqa: E402

REPO = replay.REPO
SAMPLES = os.path.join(REPO, "samples")
REF = os.path.join(HERE, "reference")


def T(role=None, name=None, label=None, placeholder=None, text=None):
    return {"role": role, "name": name, "label": label, "placeholder": placeholder, "text": text, "context": None}


def truth_action(kind, start, end, target=None, value=None, secret=False):
    return {"kind": kind, "start": start, "end": end, "target": target, "value": value, "secret": secret}


def pred_action(kind, time, target=None, value=None, secret=False):
    return {"kind": kind, "time": time, "endTime": time + 0.1, "target": target, "value": value,
            "secret": secret, "confidence": 0.9}


TRUTH = {
    "scenario": "unit", "app": "unit", "origin": "http://127.0.0.1:8765",
    "startURL": "http://127.0.0.1:8765/unit/", "viewport": {"x": 0, "y": 87, "width": 1280, "height": 713},
    "actions": [
        truth_action("goto", 0.5, 0.5, None, "http://127.0.0.1:8765/unit/"),
        truth_action("fill", 2.0, 4.0, T("textbox", "Email", "Email", "you@example.com"), "ana@example.org"),
        truth_action("fill", 5.0, 6.0, T("textbox", "Password", "Password"), "hunter2", secret=True),
        truth_action("check", 7.0, 7.1, T("checkbox", "Remember me", "Remember me"), True),
        truth_action("click", 8.0, 8.2, T("button", "Sign in", text="Sign in")),
    ],
}


# ------------------------------------------------------------------ scoring

def test_one_wrong_value_one_missing_one_extra():
    pred = {"startURL": "http://127.0.0.1:8765/unit/", "actions": [
        pred_action("goto", 0.4, None, "http://127.0.0.1:8765/unit"),
        pred_action("fill", 3.5, T("textbox", placeholder="You@Example.com"), "ana@example.com"),  # wrong value
        pred_action("fill", 5.5, T("textbox", label="Password"), None, secret=True),
        # the check of "Remember me" is missing
        pred_action("click", 8.1, T("button", text="Sign  In")),
        pred_action("click", 11.0, T("link", text="Forgot password?")),  # extra
    ]}
    s = scoring.score_timeline(pred, TRUTH)
    assert (s["predicted"], s["truth"], s["matched"]) == (5, 5, 4)
    assert s["precision"] == pytest.approx(4 / 5)
    assert s["recall"] == pytest.approx(4 / 5)
    assert (s["exactFills"], s["truthFills"]) == (1, 2)  # the secret fill is exact, the email is not
    assert s["exactFillFraction"] == pytest.approx(0.5)
    assert s["startURL"] is True
    assert s["missed"] == ["check 'Remember me' = True @7.0s"]
    assert len(s["extra"]) == 1 and "Forgot password?" in s["extra"][0]
    assert len(s["wrongFillValues"]) == 1 and "Email" in s["wrongFillValues"][0]


def test_perfect_prediction_and_empty_prediction():
    pred = {"startURL": TRUTH["startURL"], "actions": [
        pred_action(a["kind"], a["start"], a["target"], None if a["secret"] else a["value"], a["secret"])
        for a in TRUTH["actions"]]}
    s = scoring.score_timeline(pred, TRUTH)
    assert (s["precision"], s["recall"], s["exactFillFraction"], s["startURL"]) == (1.0, 1.0, 1.0, True)
    s = scoring.score_timeline({"actions": []}, TRUTH)
    assert (s["precision"], s["recall"], s["matched"], s["startURL"]) == (0.0, 0.0, 0, False)


def test_time_window_is_start_minus_one_to_end_plus_one():
    truth = truth_action("click", 8.0, 8.2, T("button", "Sign in"))
    assert scoring.can_match(pred_action("click", 7.0, T(name="Sign in")), truth)
    assert scoring.can_match(pred_action("click", 9.2, T(name="Sign in")), truth)
    assert not scoring.can_match(pred_action("click", 6.99, T(name="Sign in")), truth)
    assert not scoring.can_match(pred_action("click", 9.21, T(name="Sign in")), truth)


def test_target_compatibility():
    truth = T("button", "Add to cart", text="Add to cart")
    assert scoring.targets_compatible(T(text="  ADD to\n cart "), truth)          # normalised equality
    assert scoring.targets_compatible(T(text="Add to cart €24.00"), truth)         # prediction contains
    assert scoring.targets_compatible(T(name="cart"), truth)                       # contained in truth
    assert not scoring.targets_compatible(T(text="Checkout"), truth)
    assert not scoring.targets_compatible(T(role="button"), truth)                 # role alone is not enough
    assert not scoring.targets_compatible(None, truth)
    assert scoring.targets_compatible(T(text="anything"), T("button"))             # truth without strings
    # label/placeholder cross-match: predicted placeholder vs truth label
    assert scoring.targets_compatible(T(placeholder="email"), T("textbox", label="Work email"))
    # kind must agree even when targets do
    assert not scoring.can_match(pred_action("click", 1.0, truth), truth_action("fill", 1.0, 1.0, truth, "x"))


def test_fill_field_is_the_one_the_script_locates():
    search = truth_action("fill", 2.0, 3.0, T("textbox", "Search", placeholder="Search gear"), "lantern")
    # the placeholder is right but the label (which the script's get_by_label uses) is a nav link
    wrong = pred_action("fill", 2.5, T("textbox", "Clothing Sale", "Clothing Sale", "Search gear"), "lantern")
    assert scoring.targets_compatible(wrong["target"], search["target"])  # any-string rule alone passes it
    assert scoring.field_locator_text(wrong["target"]) == "clothing sale"
    assert not scoring.can_match(wrong, search)
    assert scoring.can_match(pred_action("fill", 2.5, T("textbox", placeholder="Search gear"), "lantern"), search)
    assert scoring.can_match(pred_action("fill", 2.5, T("textbox", name="Search"), "lantern"), search)
    # no role: the placeholder comes first, as LocatorRanking has it
    assert scoring.field_locator_text(T(None, label="Clothing Sale", placeholder="Search gear")) == "search gear"
    # a truth that names no field accepts any target; a select is held to the same rule
    assert scoring.can_match(wrong, truth_action("fill", 2.0, 3.0, T("textbox"), "lantern"))
    due = truth_action("select", 4.0, 5.0, T("combobox", "Due", "Due"), "In 30 days")
    assert scoring.can_match(pred_action("select", 4.5, T("combobox", "Due", "Due", text="In 14 days"), "In 30 days"), due)
    assert not scoring.can_match(pred_action("select", 4.5, T("combobox", "Memo", "Memo", text="Due"), "In 30 days"), due)


def test_value_only_kinds_ignore_targets():
    goto = truth_action("goto", 0.0, 0.0, None, "http://127.0.0.1:8765/shop/")
    assert scoring.can_match(pred_action("goto", 0.5, None, "127.0.0.1:8765/shop"), goto)
    assert not scoring.can_match(pred_action("goto", 0.5, None, "http://127.0.0.1:8765/todo/"), goto)
    press = truth_action("press", 3.0, 3.0, T("textbox", "Search"), "Enter")
    assert scoring.can_match(pred_action("press", 3.2, T(name="something else"), "enter"), press)
    assert not scoring.can_match(pred_action("press", 3.2, None, "Tab"), press)
    scroll = truth_action("scroll", 5.0, 6.0, None, 600)
    assert scoring.can_match(pred_action("scroll", 5.5, None, 480), scroll)
    assert scoring.can_match(pred_action("scroll", 5.5, None, 880), scroll)
    assert not scoring.can_match(pred_action("scroll", 5.5, None, 200), scroll)
    assert not scoring.can_match(pred_action("scroll", 5.5, None, -600), scroll)


def test_new_truth_kinds_dblclick_hover_press_switch():
    cell = truth_action("dblclick", 3.0, 3.2, T("cell", "bram.devries@quillstone.io"))
    assert scoring.can_match(pred_action("dblclick", 3.1, T(text="bram.devries@quillstone.io")), cell)
    assert not scoring.can_match(pred_action("click", 3.1, T(text="bram.devries@quillstone.io")), cell)
    hover = truth_action("hover", 5.0, 5.8, T("button", "More actions", text="⋯"))
    assert scoring.can_match(pred_action("hover", 5.5, T(name="More actions")), hover)
    assert not scoring.can_match(pred_action("hover", 5.5, T(name="Edit")), hover)
    esc = truth_action("press", 7.0, 7.06, T("button", "Cancel"), "Escape")
    assert scoring.can_match(pred_action("press", 7.2, None, "escape"), esc)
    assert not scoring.can_match(pred_action("press", 7.2, None, "Enter"), esc)
    sel = truth_action("press", 8.0, 8.06, T("textbox", "Name"), "Control+a")
    assert scoring.can_match(pred_action("press", 8.0, None, "control+A"), sel)
    # an icon-only button: the truth has only its aria-label
    delete = truth_action("click", 9.0, 9.1, dict(T("button", "Delete"), context="Farid Haddad"))
    assert scoring.can_match(pred_action("click", 9.0, T(role="button", name="Delete")), delete)
    sw = truth_action("check", 10.0, 10.1, T("switch", "Weekly summary email", "Weekly summary email"), True)
    assert scoring.can_match(pred_action("check", 10.0, T(label="Weekly summary email"), True), sw)
    truth = {"actions": [cell, hover, esc]}
    s = scoring.score_timeline({"actions": [pred_action("click", 3.1, T(text="bram.devries@quillstone.io"))]}, truth)
    assert (s["matched"], s["recall"]) == (0, 0.0)  # a kind the analyser never emits counts as missed
    assert s["missed"][0] == "dblclick 'bram.devries@quillstone.io' @3.0s" and s["missed"][2].startswith("press")


def test_matching_is_optimal_not_greedy():
    # Prediction 0 fits both truth actions, prediction 1 only the first: greedy in time order
    # would pair 0-0 and lose a match; the optimal matching pairs 0-1 and 1-0.
    truth = {"actions": [truth_action("click", 1.0, 1.0, T(name="Save draft")),
                         truth_action("click", 1.5, 1.5, T(name="Save"))]}
    pred = {"actions": [pred_action("click", 1.2, T(text="Save")),
                        pred_action("click", 1.3, T(text="draft"))]}
    assert sorted(scoring.match_actions(pred["actions"], truth["actions"])) == [(0, 1), (1, 0)]
    assert scoring.score_timeline(pred, truth)["recall"] == 1.0


def test_matching_prefers_exact_fill_values():
    truth = [truth_action("fill", 1.0, 2.0, T(name="Note"), "a"),
             truth_action("fill", 1.0, 2.0, T(name="Note"), "b")]
    pred = [pred_action("fill", 1.5, T(name="Note"), "b"), pred_action("fill", 1.6, T(name="Note"), "a")]
    assert sorted(scoring.match_actions(pred, truth)) == [(0, 1), (1, 0)]


def test_secret_fill_exactness():
    t = truth_action("fill", 1.0, 2.0, T(name="Password"), "hunter2", secret=True)
    assert scoring.fill_value_exact(pred_action("fill", 1.0, None, None, True), t)
    assert not scoring.fill_value_exact(pred_action("fill", 1.0, None, "hunter2", True), t)   # leaked
    assert not scoring.fill_value_exact(pred_action("fill", 1.0, None, "•••••••", False), t)


def test_start_url_only_with_address_bar():
    no_chrome = dict(TRUTH, viewport={"x": 0, "y": 0, "width": 1280, "height": 800})
    assert scoring.score_timeline({"actions": []}, no_chrome)["startURL"] is None
    assert scoring.score_timeline({"actions": [], "startURL": "http://127.0.0.1:8765/todo/"}, TRUTH)["startURL"] is False


# ------------------------------------------------------------------ secrets and state

def test_secret_variable_parsing_and_environment():
    script = "\n".join([
        "#!/usr/bin/env python3",
        "# Generated by vid2auto",
        "# secret: LEDGER_PASSWORD",
        "#secret:API_TOKEN",
        "  // secret: PIN_2",
        "# secret: lower_case_is_ignored",
        "# secrets: NOT_THIS",
        "x = 1  # secret: NOT_A_HEADER_LINE",
        "# secret: LEDGER_PASSWORD",
    ])
    assert scoring.parse_secret_vars(script) == ["LEDGER_PASSWORD", "API_TOKEN", "PIN_2"]
    truth = {"actions": [truth_action("fill", 0, 1, None, "alice"),
                         truth_action("fill", 1, 2, None, "pw-1", secret=True),
                         truth_action("fill", 2, 3, None, "tok-2", secret=True)]}
    assert scoring.secret_env(script, truth) == {"LEDGER_PASSWORD": "pw-1", "API_TOKEN": "tok-2"}
    assert scoring.secret_env("print(1)\n", truth) == {}


def test_state_comparison():
    assert scoring.compare_state({"a": [1, {"b": "x"}]}, {"a": [1, {"b": "x"}]}) is None
    assert scoring.compare_state({"a": [1, {"b": "x"}]}, {"a": [1, {"b": "y"}]}) == '$.a[1].b: expected "x", got "y"'
    assert "missing" in scoring.compare_state({"a": 1, "b": 2}, {"a": 1})
    assert "unexpected" in scoring.compare_state({"a": 1}, {"a": 1, "c": 3})
    assert "2 items" in scoring.compare_state({"a": [1, 2]}, {"a": [1, 2, 3]})
    assert scoring.compare_state({"a": 1, "t": 5}, {"a": 1, "t": 9}, frozenset({"t"})) is None
    assert scoring.compare_state({"a": True}, {"a": 1}) is not None


def test_totals_and_ratchet(tmp_path, monkeypatch):
    rows = [
        {"scenario": "a", "replay": {"playwright-python": {"status": "pass"},
                                     "selenium-python": {"status": "unavailable", "reason": "x"}},
         "timeline": {"status": "scored", "predicted": 4, "matched": 3, "truth": 5, "truthFills": 2,
                      "exactFills": 1, "startURL": True},
         "_truthCount": 5, "_truthFills": 2, "_hasAddressBar": True},
        {"scenario": "b", "replay": {"playwright-python": {"status": "fail"},
                                     "selenium-python": {"status": "pass"}},
         "timeline": {"status": "unavailable", "reason": "vid2auto not found"},
         "_truthCount": 3, "_truthFills": 1, "_hasAddressBar": True},
    ]
    tot = harness.totals(rows, list(harness.ALL_TARGETS))
    assert tot["replayPassRate"] == {"playwright-python": 0.5, "selenium-python": 0.5}
    tl = tot["timeline"]
    assert (tl["precision"], tl["recall"], tl["exactFillFraction"]) == (0.75, 0.375, round(1 / 3, 4))
    assert (tl["startURLCorrect"], tl["startURLScenarios"], tl["unavailable"]) == (1, 2, 1)
    monkeypatch.setattr(harness, "RATCHET", str(tmp_path / "ratchet.json"))
    assert harness.load_ratchet() == {}
    harness.save_ratchet(harness.ratchet_figures(tot))
    saved = json.loads((tmp_path / "ratchet.json").read_text())
    assert saved["replayPassRate"]["selenium-python"] == 0.5 and saved["timeline"]["recall"] == 0.375
    assert harness.load_ratchet()["timeline.precision"] == 0.75


def _row(name, app, pw, matched, predicted, truth, exact=0, fills=0, url=True):
    return {"scenario": name, "app": app,
            "replay": {"playwright-python": {"status": pw, "reason": None if pw == "pass" else "x"},
                       "selenium-python": {"status": pw}},
            "timeline": {"status": "scored", "predicted": predicted, "matched": matched, "truth": truth,
                         "truthFills": fills, "exactFills": exact, "startURL": url, "file": "t.json"},
            "_truthCount": truth, "_truthFills": fills, "_hasAddressBar": url is not None}


def test_first_seen_is_stored_once_and_never_rewritten(tmp_path):
    path = str(tmp_path / "first-seen.json")
    first = [_row("a", "x", "fail", 1, 4, 5, 0, 2), _row("b", "y", "pass", 3, 3, 3)]
    assert first_seen.record(path, first, {"commit": "c1"}) == ["a", "b"]
    later = [_row("a", "x", "pass", 5, 5, 5, 2, 2), _row("b", "y", "pass", 3, 3, 3), _row("c", "y", "fail", 0, 2, 2)]
    assert first_seen.record(path, later, {"commit": "c2"}) == ["c"]  # a and b keep their first scores
    data = first_seen.load(path)
    assert data["scenarios"]["a"]["timeline"]["matched"] == 1
    assert data["scenarios"]["a"]["measured"]["commit"] == "c1" and data["scenarios"]["c"]["measured"]["commit"] == "c2"
    assert "file" not in data["scenarios"]["a"]["timeline"]
    # a row without every target is not a first-seen score
    partial = _row("d", "y", "pass", 1, 1, 1)
    del partial["replay"]["selenium-python"]
    assert first_seen.record(path, [partial], {}) == []


def test_first_seen_comparison_per_app_group_and_total(tmp_path):
    path = str(tmp_path / "first-seen.json")
    first_seen.record(path, [_row("a", "x", "fail", 1, 4, 5, 0, 2)], {})
    now = [_row("a", "x", "pass", 5, 5, 5, 2, 2), _row("b", "y", "pass", 3, 3, 3)]
    comp = first_seen.comparison(now, first_seen.load(path), harness.totals, list(harness.ALL_TARGETS),
                                 {"": ["y"], "new": ["x"]})
    by = {label: (n_tot, f_tot, n) for label, n_tot, f_tot, n in comp}
    assert set(by) == {"x", "y", "group new (x)", "recordings with a first-seen entry", "all recordings"}
    n_tot, f_tot, n = by["x"]
    assert n == 1 and f_tot["timeline"]["precision"] == 0.25 and f_tot["replayPassed"]["playwright-python"] == 0
    assert n_tot["timeline"]["precision"] == 1.0 and n_tot["replayPassed"]["playwright-python"] == 1
    assert by["y"][1] is None  # no first-seen entry: reported as such, never invented
    md = "\n".join(first_seen.comparison_markdown(comp))
    assert "| x | 1 | 0.25 | 0.20 | 0.00 (0/2) | 1/1 | 0/1 | 0/1 | 1 | 1.00 | 1.00 | 1.00 (2/2) | 1/1 | 1/1 | 1/1 |" in md
    assert "| y | – |" in md


def test_committed_first_seen_files_match_their_truths():
    for samples in (SAMPLES, os.path.join(SAMPLES, "heldout")):
        path = first_seen.path_for(samples)
        if not os.path.exists(path):
            continue
        for name, e in first_seen.load(path)["scenarios"].items():
            with open(os.path.join(samples, "recordings", name + ".truth.json"), encoding="utf-8") as f:
                t = json.load(f)
            assert e["app"] == harness.row_app(t) and e["truthCount"] == len(t["actions"]), name
            assert e["truthFills"] == sum(1 for a in t["actions"] if a["kind"] == "fill"), name
            if e["timeline"].get("status") == "scored":
                assert e["timeline"]["truth"] == len(t["actions"]), name
            assert set(e["replay"]) == set(first_seen.TARGETS), name


def test_a_scope_that_names_recordings_takes_them_out_of_their_apps_scopes(tmp_path, monkeypatch):
    """New recordings measured first-seen get a floor of their own: a group listing them as
    `scenario:NAME` totals them, and neither the corpus's floor nor another group takes them by app."""
    def row(scen, app, passed):
        return {"scenario": scen, "app": app,
                "replay": {t: {"status": "pass" if passed else "fail"} for t in harness.PY_TARGETS},
                "timeline": {"status": "scored", "predicted": 2, "matched": 2 if passed else 0, "truth": 2,
                             "truthFills": 0, "exactFills": 0, "startURL": True},
                "_truthCount": 2, "_truthFills": 0, "_hasAddressBar": True}
    rows = [row("todo-old", "todo", True), row("todo-new", "todo", False),
            row("docs-old", "docs", True), row("docs-new", "docs", False)]
    path = tmp_path / "ratchet.json"
    path.write_text(json.dumps({"apps": ["todo"], "replayPassRate": {}, "timeline": {}, "groups": {
        "apps5": {"apps": ["docs"]},
        "batch": {"apps": ["scenario:todo-new", "scenario:docs-new"]}}}))
    monkeypatch.setattr(harness, "RATCHET", str(path))
    scopes = harness.ratchet_scopes()
    by_scope, _ = harness.scoped_totals(rows, list(harness.ALL_TARGETS), scopes)
    assert by_scope[""]["scenarios"] == 1 and by_scope[""]["replayPassRate"]["playwright-python"] == 1.0
    assert by_scope["apps5"]["scenarios"] == 1 and by_scope["apps5"]["timeline"]["recall"] == 1.0
    assert by_scope["batch"]["scenarios"] == 2 and by_scope["batch"]["replayPassRate"]["selenium-python"] == 0.0
    assert harness.scope_title("batch", scopes["batch"]) == "batch (2 recordings by name)"
    comp = harness.first_seen.comparison(rows, {"scenarios": {}}, harness.totals, list(harness.ALL_TARGETS), scopes)
    labels = {c[0]: c[1]["scenarios"] for c in comp}
    assert labels["group apps5 (docs)"] == 1 and labels["group batch (2 recordings by name)"] == 2


def test_ratchet_scopes_keep_the_corpus_floor_apart_from_new_apps(tmp_path, monkeypatch):
    def row(scen, app, ok, matched, truth):
        return {"scenario": scen, "app": app, "replay": {t: {"status": "pass" if ok else "fail"} for t in harness.PY_TARGETS},
                "timeline": {"status": "scored", "predicted": matched, "matched": matched, "truth": truth,
                             "truthFills": 0, "exactFills": 0, "startURL": True},
                "_truthCount": truth, "_truthFills": 0, "_hasAddressBar": True}
    rows = [row("t1", "todo", True, 4, 4), row("s1", "settings", False, 1, 4), row("a1", "admin", True, 2, 4)]
    path = tmp_path / "ratchet.json"
    path.write_text(json.dumps({"apps": ["todo"], "replayPassRate": {}, "timeline": {},
                                "groups": {"new-apps": {"apps": ["settings", "admin"], "note": "first seen"}}}))
    monkeypatch.setattr(harness, "RATCHET", str(path))
    scopes = harness.ratchet_scopes()
    assert scopes == {"": ["todo"], "new-apps": ["settings", "admin"]}
    by_scope, by_app = harness.scoped_totals(rows, list(harness.ALL_TARGETS), scopes)
    assert by_scope[""]["timeline"]["recall"] == 1.0 and by_scope[""]["replayPassRate"]["playwright-python"] == 1.0
    assert by_scope["new-apps"]["timeline"]["recall"] == 0.375
    assert by_scope["new-apps"]["replayPassRate"]["selenium-python"] == 0.5
    assert set(by_app) == {"todo", "settings", "admin"}
    figs = {}
    for name, st in by_scope.items():
        figs.update(harness.ratchet_figures(st, name + "/" if name else ""))
    harness.save_ratchet(figs)
    saved = json.loads(path.read_text())
    assert saved["apps"] == ["todo"] and saved["timeline"]["recall"] == 1.0
    assert saved["groups"]["new-apps"]["note"] == "first seen"
    assert saved["groups"]["new-apps"]["apps"] == ["settings", "admin"]
    assert saved["groups"]["new-apps"]["timeline"]["recall"] == 0.375
    assert harness.load_ratchet()["new-apps/replayPassRate.playwright-python"] == 0.5


def test_committed_ratchet_is_well_formed():
    with open(os.path.join(HERE, "ratchet.json")) as f:
        r = json.load(f)
    assert set(r["replayPassRate"]) == {"playwright-python", "selenium-python"}
    assert set(r["timeline"]) == {"precision", "recall", "exactFills"}
    for g, body in (r.get("groups") or {}).items():
        assert body["apps"] and set(body["apps"]).isdisjoint(r.get("apps") or []), g
        assert set(body.get("replayPassRate") or {}) <= {"playwright-python", "selenium-python"}
        assert set(body.get("timeline") or {}) <= {"precision", "recall", "exactFills"}


def test_doc_section_replaces_only_its_markers(tmp_path):
    doc = tmp_path / "accuracy.md"
    doc.write_text("# Accuracy\n\n<!-- mockups:begin -->\nM\n<!-- mockups:end -->\n\n"
                   f"{harness.BEGIN}\nold\n{harness.END}\n\ntail\n")
    harness.write_doc(f"{harness.BEGIN}\nnew\n{harness.END}\n", str(doc))
    text = doc.read_text()
    assert "old" not in text and "new" in text and "M\n<!-- mockups:end -->" in text and text.endswith("tail\n")


# ------------------------------------------------------------------ end to end

def _truths():
    return {t["scenario"]: t for t in harness.load_truths(SAMPLES)} if os.path.isdir(SAMPLES) else {}


def _reference_pairs():
    truths = _truths()
    pairs = []
    for path in sorted(glob.glob(os.path.join(REF, "*.py"))):
        scen = os.path.basename(path).split(".")[0]
        if scen in truths:
            pairs.append((scen, path))
    return pairs


browsers = pytest.mark.skipif(replay.browsers_missing() is not None,
                              reason=f"Debian chromium/chromedriver {replay.browsers_missing()}")


@pytest.fixture(scope="module")
def servers():
    with replay.SampleServers(SAMPLES) as s:
        yield s


def test_reference_scripts_exist_for_three_scenarios():
    scens = {s for s, _ in _reference_pairs()}
    assert len(scens) >= 3, f"reference scripts cover only {sorted(scens)}"
    assert set(E2E_SCENARIOS + [WRONG_SCENARIO]) <= scens
    for s in scens:
        assert os.path.isfile(os.path.join(REF, s + ".playwright.py"))
        assert os.path.isfile(os.path.join(REF, s + ".selenium.py"))


# Two scenarios (one with a secret) x two frameworks end to end keep this file well under 90 s on
# 2 cores; `eval.py --reference` replays every reference script.
E2E_SCENARIOS = ["todo-add-items", "ledger-login-enter"]
WRONG_SCENARIO = "ledger-login-enter"
E2E = [(s, p) for s, p in _reference_pairs() if s in E2E_SCENARIOS]


@browsers
@pytest.mark.parametrize("scenario,script", E2E, ids=[os.path.basename(p) for _, p in E2E])
def test_reference_script_replays_exactly(scenario, script, servers, tmp_path):
    res = replay.replay(script, _truths()[scenario], servers, timeout=60, workdir=str(tmp_path))
    assert res["status"] == "pass", res["reason"] + "\n" + res.get("stderrTail", "")


def _make_wrong(script_text):
    """Type a different value: append an "x" to the first literal typed value of a script."""
    for pat in (r'(\.fill\(\s*")([^"]+)(")', r'(\.send_keys\(\s*")([^"]+)(")'):
        m = re.search(pat, script_text)
        if m:
            return script_text[:m.start(2)] + m.group(2) + "x" + script_text[m.end(2):]
    raise AssertionError("no literal fill/send_keys value to change")


@browsers
@pytest.mark.parametrize("suffix", [".playwright.py", ".selenium.py"])
def test_wrong_script_fails(suffix, servers, tmp_path):
    scen = WRONG_SCENARIO
    with open(os.path.join(REF, scen + suffix)) as f:
        wrong = _make_wrong(f.read())
    path = tmp_path / ("wrong" + suffix)
    path.write_text(wrong)
    res = replay.replay(str(path), _truths()[scen], servers, timeout=60, workdir=str(tmp_path))
    assert res["status"] == "fail"
    assert res["reason"].startswith("final state differs at $.email"), res["reason"]


def test_reference_timeline_scores_perfectly():
    import importlib.util
    spec = importlib.util.spec_from_file_location("timeline_from_truth", os.path.join(REF, "timeline_from_truth.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    truths = _truths()
    files = [p for p in glob.glob(os.path.join(REF, "*.timeline.json"))
             if os.path.basename(p).split(".")[0] in truths]
    assert files, "no reference timeline"
    for p in files:
        truth = truths[os.path.basename(p).split(".")[0]]
        with open(p) as f:
            committed = json.load(f)
        for tl in (mod.timeline_from_truth(truth), committed):
            s = scoring.score_timeline(tl, truth)
            assert (s["precision"], s["recall"]) == (1.0, 1.0), (
                f"{os.path.basename(p)} (re-recorded truth? run python3 {os.path.relpath(mod.__file__, REPO)}): {s}")
            assert s["exactFillFraction"] in (None, 1.0) and s["startURL"] in (None, True)


def test_unavailable_vid2auto_is_reported_never_invented(tmp_path):
    scen = _reference_pairs()[0][0]
    fake = tmp_path / "vid2auto"
    fake.write_text("#!/bin/sh\necho \"error: cannot analyse $1\" >&2\necho more >&2\nexit 65\n")
    fake.chmod(0o755)
    out = tmp_path / "eval.json"
    rc = harness.main(["--bin", str(fake), "--scenarios", scen, "--json", str(out), "--no-docs"])
    assert rc == 0  # subset runs do not check the ratchet
    summary = json.loads(out.read_text())
    row = summary["scenarios"][0]
    for t in harness.PY_TARGETS:  # one failed analysis: every target says why, none is invented
        assert row["replay"][t]["status"] == "unavailable"
        assert row["replay"][t]["reason"].startswith("error: cannot analyse ")
    assert row["timeline"]["status"] == "unavailable"
    assert summary["totals"]["replayPassRate"] == {t: 0.0 for t in harness.PY_TARGETS}
    assert summary["totals"]["timeline"]["recall"] == 0.0


def test_render_failure_is_reported_per_target(tmp_path):
    """The recording is analysed once; the scripts are rendered from its timeline. A render that
    fails makes that target unavailable while the timeline is still scored."""
    scen = _reference_pairs()[0][0]
    import importlib.util
    spec = importlib.util.spec_from_file_location("timeline_from_truth", os.path.join(REF, "timeline_from_truth.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    ref = tmp_path / "truth.timeline.json"
    ref.write_text(json.dumps(mod.timeline_from_truth(_truths()[scen])))
    fake = tmp_path / "vid2auto"
    fake.write_text("#!/bin/sh\nif [ \"$1\" = render ]; then echo \"error: unsupported target '$4'\" >&2; exit 64; fi\n"
                    f"cp '{ref}' \"$5\"\n")
    fake.chmod(0o755)
    out = tmp_path / "eval.json"
    harness.main(["--bin", str(fake), "--scenarios", scen, "--json", str(out), "--no-docs"])
    row = json.loads(out.read_text())["scenarios"][0]
    for t in harness.PY_TARGETS:
        assert row["replay"][t]["status"] == "unavailable"
        assert row["replay"][t]["reason"].startswith(f"error: unsupported target '{t}'")
    assert (row["timeline"]["precision"], row["timeline"]["recall"]) == (1.0, 1.0)


@pytest.mark.skipif(not os.access(os.path.join(REPO, ".build", "release", "vid2auto"), os.X_OK),
                    reason="release vid2auto not built (make build)")
def test_rendering_the_timeline_equals_analysing_for_the_target(tmp_path):
    """What lets the eval analyse each recording once: `vid2auto render` of a recording's
    timeline writes the same bytes as `vid2auto RECORDING --target T`."""
    binary = os.path.join(REPO, ".build", "release", "vid2auto")
    video = os.path.join(REPO, "samples", "recordings", "ledger-login-enter.mp4")
    tl = tmp_path / "t.json"
    subprocess.run([binary, video, "--target", "timeline", "-o", str(tl)], check=True, capture_output=True)
    for target in ("playwright-python", "selenium-python"):
        direct, rendered = tmp_path / f"direct.{target}", tmp_path / f"render.{target}"
        subprocess.run([binary, video, "--target", target, "-o", str(direct)], check=True, capture_output=True)
        subprocess.run([binary, "render", str(tl), "--target", target, "-o", str(rendered)], check=True,
                       capture_output=True)
        assert direct.read_bytes() == rendered.read_bytes(), target


def test_generated_script_names_do_not_shadow_the_frameworks():
    import importlib.util
    for target, name in harness.GEN_SUFFIX.items():
        stem = name.rsplit(".", 1)[0]
        assert importlib.util.find_spec(stem) is None, f"{name} would shadow the installed module {stem}"


def test_failure_reason_is_the_exception_not_a_chromedriver_frame():
    err = ("Traceback (most recent call last):\n  File \"x.py\", line 3, in <module>\n"
           "selenium.common.exceptions.TimeoutException: Message: \nStacktrace:\n"
           "#0 0x55d2 <unknown>\n#17 0x7fbc769241f5 <unknown>\n")
    assert replay._tail_reason(err) == "selenium.common.exceptions.TimeoutException: Message:"


def test_remap_origin_reaches_escaped_addresses():
    truth = {"origin": "http://127.0.0.1:8765"}
    script = ('page.goto("http://127.0.0.1:8765/shop/")\n'
              'expect(page).to_have_url(re.compile("^http:\\\\/\\\\/127\\\\.0\\\\.0\\\\.1:8765\\\\/shop"))\n'
              "wait.until(EC.url_matches(r'^http://127\\.0\\.0\\.1:8765/shop'))\n")
    out = replay.remap_origin(script, truth, 40001)
    assert "8765" not in out
    assert 'page.goto("http://127.0.0.1:40001/shop/")' in out
    assert "127\\\\.0\\\\.0\\\\.1:40001" in out and "127\\.0\\.0\\.1:40001" in out
    # the rewritten pattern still matches the remapped address
    pattern = re.search(r"url_matches\(r'(.*?)'\)", out).group(1)
    assert re.match(pattern, "http://127.0.0.1:40001/shop/cart")
    assert replay.remap_origin(script, truth, 8765) == script


def test_recordings_of_another_browser_are_totalled_apart():
    """A Firefox recording of the todo app is totalled as todo@firefox: the Chromium corpus's
    scopes (its apps) never include it, the ratchet's firefox group does."""
    assert harness.row_app({"app": "todo"}) == "todo"
    assert harness.row_app({"app": "todo", "browser": "chromium"}) == "todo"
    assert harness.row_app({"app": "todo", "browser": "firefox"}) == "todo@firefox"
    rows = [{"app": "todo"}, {"app": "todo@firefox"}]
    assert harness.scope_rows(rows, ["todo"]) == [{"app": "todo"}]
    scopes = harness.ratchet_scopes()
    truths = [json.load(open(p)) for p in glob.glob(os.path.join(REPO, "samples", "recordings", "*.truth.json"))]
    firefox_apps = {harness.row_app(t) for t in truths if t.get("browser") == "firefox"}
    if firefox_apps:
        assert set(scopes.get("firefox") or []) == firefox_apps
        for name, apps in scopes.items():
            if name != "firefox":
                assert not firefox_apps & set(apps or []), name
