"""eval_live --from-timelines: the offline row of a saved timeline (no analysis, no offline replay)."""
import importlib.util
import json
import os
import types

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("eval_live_saved", os.path.join(HERE, "eval_live.py"))
el = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(el)


def _truth():
    return {"scenario": "demo", "app": "todo", "startURL": "http://127.0.0.1:8765/todo/",
            "actions": [{"kind": "goto", "value": "http://127.0.0.1:8765/todo/"},
                        {"kind": "click", "target": {"name": "Add"}, "time": 1.0}]}


def _args(tmp_path):
    return types.SimpleNamespace(from_timelines=str(tmp_path / "saved"), out_dir=str(tmp_path / "out"), bin="/bin/false")


def test_a_missing_saved_timeline_is_unavailable_and_named(tmp_path):
    os.makedirs(tmp_path / "saved")
    row = el.saved_offline(_truth(), _args(tmp_path))
    assert row["timeline"]["status"] == "unavailable"
    assert "no saved timeline" in row["timeline"]["reason"]
    assert all(r["status"] == "unavailable" for r in row["replay"].values())


def test_a_saved_timeline_is_scored_not_replayed(tmp_path):
    os.makedirs(tmp_path / "saved")
    tl = {"version": 1, "startURL": "http://127.0.0.1:8765/todo/",
          "actions": [{"kind": "goto", "time": 0, "endTime": 0, "value": "http://127.0.0.1:8765/todo/"}]}
    with open(tmp_path / "saved" / "demo.json", "w") as f:
        json.dump(tl, f)
    row = el.saved_offline(_truth(), _args(tmp_path))
    assert row["timeline"]["status"] == "scored"
    assert row["timeline"]["predicted"] == 1 and row["timeline"]["truth"] == 2
    assert row["savedTimeline"].endswith("demo.json")
    assert all("not replayed" in r["reason"] for r in row["replay"].values())


def test_offline_rows_come_from_a_make_eval_json(tmp_path):
    saved = {"commit": "abc1234", "scenarios": [
        {"scenario": "demo", "app": "todo", "timeline": {"status": "scored", "precision": 1.0},
         "replay": {"playwright-python": {"status": "pass"}, "selenium-python": {"status": "fail", "reason": "x"}}}]}
    path = tmp_path / "eval.json"
    path.write_text(json.dumps(saved))
    evaluated = el.load_offline_eval(str(path))
    assert evaluated["commit"] == "abc1234"
    placeholder = {"scenario": "demo", "app": "todo", "replay": {}, "timeline": None}
    row = el.offline_row_from_eval(evaluated, _truth(), placeholder)
    assert row["replay"]["playwright-python"]["status"] == "pass"
    assert row["replay"]["selenium-python"]["status"] == "fail"
    assert row["timeline"]["precision"] == 1.0
    other = dict(_truth(), scenario="not-in-eval")
    assert el.offline_row_from_eval(evaluated, other, placeholder) is placeholder


def test_an_offline_eval_that_is_not_an_eval_json_is_one_line(tmp_path, capsys):
    path = tmp_path / "eval.json"
    path.write_text("[1, 2]")
    try:
        el.load_offline_eval(str(path))
    except SystemExit as e:
        assert "not a `make eval` JSON" in str(e.code) and str(path) in str(e.code)
    else:
        raise AssertionError("expected SystemExit")
