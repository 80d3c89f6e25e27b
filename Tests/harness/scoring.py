"""Scoring rules of the vid2auto eval: timeline-vs-truth matching, secrets, state comparison.

Pure functions only (no browser, no server), so `test_eval_harness.py` can pin every rule.

Timeline matching (one prediction to at most one truth action and back):
  * same `kind`;
  * time: prediction `time` within [truth.start - TIME_SLACK, truth.end + TIME_SLACK];
  * click / fill / select / check / dblclick / hover (and any other kind): compatible targets — after normalising
    (lowercase, whitespace collapsed, trimmed) some non-empty string among the prediction's
    name/text/label/placeholder equals, contains or is contained in some non-empty string among
    the truth's name/label/placeholder/text. A truth target with none of those strings accepts any
    target;
  * fill and select, where the truth names the field (a name, label or placeholder): besides, the one string
    the generated script finds the field by (`field_locator_text`: the label, else the
    placeholder, else the name — CodeGen's LocatorRanking for text fields) must be compatible with
    the truth's name/label/placeholder. A fill whose label was read from a neighbour (a nav link
    beside a search field) while its placeholder is right would otherwise match, and its script
    types into no field;
  * goto: same URL (scheme added if missing, host lowercased, trailing "/" ignored);
    press: same key name (case-insensitive: "Control+a" = "control+A"); scroll: same direction and
    |pred - truth| <= max(SCROLL_ABS_SLACK, SCROLL_REL_SLACK * |truth|). Targets are ignored.
Truth kinds (samples/README.md): goto, click, fill, press (Enter, Escape, Tab, ArrowDown, …), select,
check (checkbox, radio, role=switch; its true/false value is not compared), scroll, dblclick (target =
the element double-clicked, value null), hover (target = the element the pointer rested on so that
something opened, value null). A kind the analyser never emits simply counts as missed: a click
predicted for a truth dblclick, or nothing for a hover, is not a match.
The matching maximises the number of pairs (Hungarian algorithm on weights
1 + 0.01·[fill value exact] + 0.001·time-closeness), so ties are broken towards exact values.
precision = matched / predicted, recall = matched / truth (an empty prediction has precision 0,
unless the truth is empty too: then both are 1). exactFills = truth fills whose matched prediction has the exact value
(truth secret fill: prediction has secret=true and value null/"") / all truth fills.
"""
from __future__ import annotations

import re
import urllib.parse

TIME_SLACK = 1.0
SCROLL_ABS_SLACK = 120.0
SCROLL_REL_SLACK = 0.5
PRED_TEXT_FIELDS = ("name", "text", "label", "placeholder")
TRUTH_TEXT_FIELDS = ("name", "label", "placeholder", "text")
VALUE_ONLY_KINDS = ("goto", "press", "scroll")

SECRET_RE = re.compile(r"^\s*(#|//)\s*secret:\s*([A-Z][A-Z0-9_]*)")


# ------------------------------------------------------------------ normalisation

def norm(s) -> str:
    """Lowercase, collapse whitespace, trim; None and non-strings become ''."""
    if s is None:
        return ""
    return " ".join(str(s).split()).lower()


def norm_url(u) -> str:
    if not u:
        return ""
    u = str(u).strip()
    if "://" not in u:
        u = "http://" + u
    p = urllib.parse.urlsplit(u)
    path = p.path.rstrip("/")
    return urllib.parse.urlunsplit((p.scheme.lower(), p.netloc.lower(), path, p.query, p.fragment))


def _strings(target, fields):
    if not isinstance(target, dict):
        return []
    out = []
    for f in fields:
        v = norm(target.get(f))
        if v and v not in out:
            out.append(v)
    return out


def targets_compatible(pred_target, truth_target) -> bool:
    truth = _strings(truth_target, TRUTH_TEXT_FIELDS)
    if not truth:
        return True
    pred = _strings(pred_target, PRED_TEXT_FIELDS)
    return any(p == t or p in t or t in p for p in pred for t in truth)


FIELD_ROLES = ("textbox", "combobox", "searchbox", "spinbutton", "listbox", "slider")
FIELD_TRUTH_FIELDS = ("name", "label", "placeholder")
FIELD_KINDS = ("fill", "select")


def field_locator_text(pred_target) -> str:
    """The string a script finds a predicted field by, as CodeGen's `LocatorRanking.query` picks it:
    for a field role (or none given) the label, else the placeholder, else the name; for a role
    without one of those (nil role) the placeholder comes first, then label, text, name; for
    any other role the name, else the text, else the label. '' when none is readable."""
    if not isinstance(pred_target, dict):
        return ""
    role = pred_target.get("role")
    if role in FIELD_ROLES:
        order = ("label", "placeholder", "name")
    elif role is None:
        order = ("placeholder", "label", "text", "name")
    else:
        order = ("name", "text", "label")
    for f in order:
        v = norm(pred_target.get(f))
        if v:
            return v
    return ""


def field_compatible(pred_target, truth_target) -> bool:
    """For a fill or select: the script's locator text names the truth's field (see the module doc); true
    when the truth names no field."""
    truth = _strings(truth_target, FIELD_TRUTH_FIELDS)
    if not truth:
        return True
    p = field_locator_text(pred_target)
    return bool(p) and any(p == t or p in t or t in p for t in truth)


def values_match(kind, pred_value, truth_value) -> bool:
    """Value rule for the kinds matched on value alone (goto, press, scroll)."""
    if kind == "goto":
        return norm_url(pred_value) == norm_url(truth_value) and norm_url(truth_value) != ""
    if kind == "press":
        return norm(pred_value) == norm(truth_value) and norm(truth_value) != ""
    if kind == "scroll":
        try:
            p, t = float(pred_value), float(truth_value)
        except (TypeError, ValueError):
            return False
        if (p > 0) != (t > 0) or (p < 0) != (t < 0):
            return False
        return abs(p - t) <= max(SCROLL_ABS_SLACK, SCROLL_REL_SLACK * abs(t))
    return pred_value == truth_value


def time_ok(pred, truth) -> bool:
    try:
        t = float(pred.get("time"))
        start = float(truth.get("start"))
        end = float(truth.get("end", start) if truth.get("end") is not None else start)
    except (TypeError, ValueError):
        return False
    return start - TIME_SLACK <= t <= end + TIME_SLACK


def fill_value_exact(pred, truth) -> bool:
    if truth.get("secret"):
        return bool(pred.get("secret")) and pred.get("value") in (None, "")
    return (not pred.get("secret")) and pred.get("value") == truth.get("value")


def can_match(pred, truth) -> bool:
    kind = truth.get("kind")
    if pred.get("kind") != kind or not time_ok(pred, truth):
        return False
    if kind in VALUE_ONLY_KINDS:
        return values_match(kind, pred.get("value"), truth.get("value"))
    if kind in FIELD_KINDS and not field_compatible(pred.get("target"), truth.get("target")):
        return False
    return targets_compatible(pred.get("target"), truth.get("target"))


def _weight(pred, truth) -> float:
    w = 1.0
    if truth.get("kind") == "fill" and fill_value_exact(pred, truth):
        w += 0.01
    mid = (float(truth["start"]) + float(truth.get("end") or truth["start"])) / 2
    w += 0.001 / (1.0 + abs(float(pred["time"]) - mid))
    return w


# ------------------------------------------------------------------ matching

def _hungarian_max(weights):
    """Maximum-weight assignment on an n x m matrix (rows <= cols). Returns row -> col list."""
    n = len(weights)
    m = len(weights[0]) if n else 0
    INF = float("inf")
    # minimise cost = -weight (e-maxx formulation, 1-based)
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    p = [0] * (m + 1)
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [INF] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0 = p[j0]
            delta = INF
            j1 = 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = -weights[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j] = cur
                        way[j] = j0
                    if minv[j] < delta:
                        delta = minv[j]
                        j1 = j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    assign = [-1] * n
    for j in range(1, m + 1):
        if p[j]:
            assign[p[j] - 1] = j - 1
    return assign


def match_actions(pred_actions, truth_actions):
    """Optimal one-to-one matching; returns a list of (pred_index, truth_index)."""
    P, T = len(pred_actions), len(truth_actions)
    if P == 0 or T == 0:
        return []
    w = [[(_weight(p, t) if can_match(p, t) else 0.0) for t in truth_actions] for p in pred_actions]
    if P <= T:
        assign = _hungarian_max(w)
        pairs = [(i, j) for i, j in enumerate(assign) if j >= 0 and w[i][j] > 0]
    else:
        wt = [[w[i][j] for i in range(P)] for j in range(T)]
        assign = _hungarian_max(wt)
        pairs = [(i, j) for j, i in enumerate(assign) if i >= 0 and w[i][j] > 0]
    return sorted(pairs, key=lambda ij: ij[1])


def _ratio(num, den):
    if den == 0:
        return 1.0 if num == 0 else 0.0
    return num / den


def has_address_bar(truth) -> bool:
    """Whether the recording shows browser chrome with an address bar."""
    for key in ("addressBar", "chrome", "hasChrome"):
        if key in truth:
            return bool(truth[key])
    vp = truth.get("viewport") or {}
    return float(vp.get("y") or 0) > 0


def score_timeline(timeline, truth):
    """Score one predicted timeline (docs/timeline.md) against one truth file."""
    pred = [a for a in (timeline.get("actions") or []) if isinstance(a, dict)]
    truth_actions = truth.get("actions") or []
    pairs = match_actions(pred, truth_actions)
    matched = len(pairs)
    truth_fills = [j for j, a in enumerate(truth_actions) if a.get("kind") == "fill"]
    exact = sum(1 for i, j in pairs
                if truth_actions[j].get("kind") == "fill" and fill_value_exact(pred[i], truth_actions[j]))
    matched_truth = {j for _, j in pairs}
    matched_pred = {i for i, _ in pairs}
    out = {
        "predicted": len(pred),
        "truth": len(truth_actions),
        "matched": matched,
        "precision": _ratio(matched, len(pred)) if pred or not truth_actions else 0.0,
        "recall": _ratio(matched, len(truth_actions)),
        "truthFills": len(truth_fills),
        "exactFills": exact,
        "exactFillFraction": _ratio(exact, len(truth_fills)) if truth_fills else None,
        "missed": [_describe(truth_actions[j]) for j in range(len(truth_actions)) if j not in matched_truth],
        "extra": [_describe(pred[i]) for i in range(len(pred)) if i not in matched_pred],
        "wrongFillValues": [_describe(truth_actions[j]) for i, j in pairs
                            if truth_actions[j].get("kind") == "fill"
                            and not fill_value_exact(pred[i], truth_actions[j])],
        "startURL": None,
    }
    if has_address_bar(truth):
        out["startURL"] = bool(norm_url(timeline.get("startURL")) == norm_url(truth.get("startURL"))
                               and norm_url(truth.get("startURL")))
    return out


def _describe(a):
    t = a.get("target") or {}
    label = next((t.get(f) for f in ("name", "label", "placeholder", "text") if t.get(f)), None)
    when = a.get("time", a.get("start"))
    s = f"{a.get('kind')}"
    if label:
        s += f" '{label}'"
    if a.get("kind") not in ("click", "dblclick", "hover") and not a.get("secret"):
        s += f" = {a.get('value')!r}"
    if when is not None:
        s += f" @{float(when):.1f}s"
    return s


# ------------------------------------------------------------------ secrets

def parse_secret_vars(script_text: str):
    """Environment variable names a script declares with `# secret: NAME` (or `// secret: NAME`),
    in order of first appearance."""
    names = []
    for line in script_text.splitlines():
        m = SECRET_RE.match(line)
        if m and m.group(2) not in names:
            names.append(m.group(2))
    return names


def secret_env(script_text: str, truth) -> dict:
    """Pair declared secret variables, in order, with the truth's secret fill values, in order."""
    values = [a.get("value") for a in truth.get("actions") or []
              if a.get("kind") == "fill" and a.get("secret")]
    return {name: str(value) for name, value in zip(parse_secret_vars(script_text), values)
            if value is not None}


# ------------------------------------------------------------------ final state

VOLATILE_KEYS = frozenset()  # the sample apps report no timestamps inside `state`


def strip_volatile(obj, volatile=VOLATILE_KEYS):
    if isinstance(obj, dict):
        return {k: strip_volatile(v, volatile) for k, v in obj.items() if k not in volatile}
    if isinstance(obj, list):
        return [strip_volatile(v, volatile) for v in obj]
    return obj


def first_difference(expected, actual, path="$"):
    """A short description of the first place two JSON values differ, or None if equal."""
    if type(expected) is not type(actual) and not (
            isinstance(expected, (int, float)) and isinstance(actual, (int, float))
            and not isinstance(expected, bool) and not isinstance(actual, bool)):
        return f"{path}: expected {_short(expected)}, got {_short(actual)}"
    if isinstance(expected, dict):
        for k in expected:
            if k not in actual:
                return f"{path}.{k}: missing (expected {_short(expected[k])})"
            d = first_difference(expected[k], actual[k], f"{path}.{k}")
            if d:
                return d
        for k in actual:
            if k not in expected:
                return f"{path}.{k}: unexpected {_short(actual[k])}"
        return None
    if isinstance(expected, list):
        for i, (e, a) in enumerate(zip(expected, actual)):
            d = first_difference(e, a, f"{path}[{i}]")
            if d:
                return d
        if len(expected) != len(actual):
            return f"{path}: expected {len(expected)} items, got {len(actual)}"
        return None
    if expected != actual:
        return f"{path}: expected {_short(expected)}, got {_short(actual)}"
    return None


def _short(v, n=60):
    import json
    s = json.dumps(v, ensure_ascii=False)
    return s if len(s) <= n else s[: n - 1] + "…"


def compare_state(expected, actual, volatile=VOLATILE_KEYS):
    """None when equal after dropping volatile keys, else the first difference."""
    return first_difference(strip_volatile(expected, volatile), strip_volatile(actual, volatile))
