#!/usr/bin/env python3
"""Score mockup2code against real pages (Design2Code metrics).

For every design — the Design2Code sample (../shared/design2code, or
$SCREENWRIGHT_D2C) and samples/mockups/*.png — and every target, runs

    mockup2code DESIGN.png --target T -o OUT

renders OUT in headless Chromium at the design's width (the PNG's width) and
scores it against the design's reference HTML with mockup_metrics: Block,
Text, Position, Color (Design2Code's definitions) and SSIM of the screenshots
(in place of CLIP, which needs weights we do not have).  Also measured on the
candidate: the fraction of elements with position absolute/fixed, and whether
the page overflows horizontally when the viewport is 20 % narrower.

Rendering per target
  html      the file itself.
  tailwind  the file with Tailwind's browser build (@tailwindcss/browser v4,
            shipped in the PyPI package `nicegui` as static/tailwindcss.min.js)
            injected first in <head>; without it: syntax check only.
  react     .jsx (default-exported function component, sibling .css of the
            same stem if present) compiled with esbuild_py.transform, imports
            mapped to the React 18 UMD builds shipped in `dash` (dash/deps),
            rendered into #root with flushSync.
  vue       .vue single-file component split into template / script / style;
            rendered with Vue 3's browser ESM build (with the template
            compiler) shipped in `nicegui` (static/vue.esm-browser.prod.js);
            without it: syntax check only.
Needs: pip install playwright pillow numpy scipy; pip install --no-deps
nicegui dash esbuild-py; Debian's chromium at /usr/bin/chromium.

Failures are reported, never invented: a missing binary makes every row
"unavailable", a failing run records its error; a design whose run failed
counts 0 on every metric in the target's means (n_ok says how many ran).
"""
from __future__ import annotations

import argparse
import contextlib
import datetime as _dt
import glob
import html as _html
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
import mockup_metrics as mm  # noqa: E402
import mockup_components as mc  # noqa: E402
import design_fonts  # noqa: E402

TARGETS = ("html", "tailwind", "react", "vue")
EXT = {"html": ".html", "tailwind": ".html", "react": ".jsx", "vue": ".vue"}
RATCHET = HERE / "mockup-ratchet.json"
RATCHET_TOLERANCE = 0.01
BEGIN, END = "<!-- mockups:begin -->", "<!-- mockups:end -->"
SSIM_NOTE = "SSIM of the screenshots stands in for Design2Code's CLIP score (no CLIP weights offline)."


# --------------------------------------------------------------------------
# Designs
# --------------------------------------------------------------------------

def d2c_dir() -> Path:
    env = os.environ.get("SCREENWRIGHT_D2C")
    return Path(env) if env else (ROOT.parent / "shared" / "design2code")


def png_width(path: Path) -> int:
    from PIL import Image
    with Image.open(path) as im:
        return im.width


def discover(ids: list[str] | None, limit: int | None) -> tuple[list[dict], list[str]]:
    """Designs to score and notes about skipped ones."""
    designs, notes = [], []
    d = d2c_dir()
    if d.is_dir():
        idfile = d / "IDS.txt"
        names = idfile.read_text().split() if idfile.exists() else sorted(
            p.stem for p in d.glob("*.png"))
        for n in names:
            designs.append({"id": f"d2c/{n}", "name": n, "png": d / f"{n}.png", "html": d / f"{n}.html",
                            "assets": d})
    else:
        notes.append(f"Design2Code sample not found at {d}")
    for png in sorted((ROOT / "samples" / "mockups").glob("*.png")):
        designs.append({"id": f"sample/{png.stem}", "name": png.stem, "png": png,
                        "html": png.with_suffix(".html"), "assets": png.parent})
    kept = []
    for ds in designs:
        if not ds["html"].exists():
            notes.append(f"{ds['id']}: PNG only, no reference HTML - skipped")
            continue
        kept.append(ds)
    if ids:
        want = set()
        for i in ids:
            want.update(x for x in i.split(",") if x)
        kept = [ds for ds in kept if ds["id"] in want or ds["name"] in want]
    if limit:
        kept = kept[:limit]
    return kept, notes


# --------------------------------------------------------------------------
# Runtimes shipped in PyPI packages
# --------------------------------------------------------------------------

def _pkg_dir(name: str) -> Path | None:
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec and spec.submodule_search_locations:
        return Path(list(spec.submodule_search_locations)[0])
    return None


def _shipped(path: Path | None) -> str:
    """'nicegui/static/x.js (PyPI nicegui 3.18.0)' for a file inside an installed package."""
    if path is None:
        return "-"
    import importlib.metadata as md
    for parent in path.parents:
        if (parent.parent / "__init__.py").exists() or not (parent / "__init__.py").exists():
            continue
        try:
            return f"{path.relative_to(parent.parent)} (PyPI {parent.name} {md.version(parent.name)})"
        except Exception:
            break
    return str(path)


def find_runtimes() -> dict:
    rt: dict = {"tailwind": None, "vue": None, "react": None, "react_dom": None, "esbuild": False}
    env_tw, env_vue = os.environ.get("SCREENWRIGHT_TAILWIND_JS"), os.environ.get("SCREENWRIGHT_VUE_JS")
    ng = _pkg_dir("nicegui")
    if env_tw and Path(env_tw).is_file():
        rt["tailwind"] = Path(env_tw)
    elif ng and (ng / "static" / "tailwindcss.min.js").is_file():
        rt["tailwind"] = ng / "static" / "tailwindcss.min.js"
    if env_vue and Path(env_vue).is_file():
        rt["vue"] = Path(env_vue)
    elif ng:
        for cand in ("vue.global.prod.js", "vue.esm-browser.prod.js", "vue.esm-browser.js"):
            if (ng / "static" / cand).is_file():
                rt["vue"] = ng / "static" / cand
                break
    dash = _pkg_dir("dash")
    if dash:
        def newest(pattern):
            files = sorted(glob.glob(str(dash / "deps" / pattern)),
                           key=lambda f: [int(x) for x in re.findall(r"@(\d+)\.(\d+)\.(\d+)", f)[0]])
            return Path(files[-1]) if files else None
        rt["react"] = newest("react@18.*.min.js")
        rt["react_dom"] = newest("react-dom@18.*.min.js")
    rt["esbuild"] = importlib.util.find_spec("esbuild_py") is not None
    return rt


# --------------------------------------------------------------------------
# Syntax checks (fallbacks when a runtime is missing)
# --------------------------------------------------------------------------

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
        "track", "wbr", "path", "circle", "rect", "line", "polyline", "polygon", "ellipse", "stop", "use"}


class _TagChecker(HTMLParser):
    OPTIONAL_CLOSE = {"p", "li", "td", "th", "tr", "thead", "tbody", "tfoot", "option", "dt", "dd",
                      "html", "head", "body", "colgroup"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if tag not in self.stack:
            self.problems.append(f"stray </{tag}> at line {self.getpos()[0]}")
            return
        while self.stack and self.stack[-1] != tag:
            t = self.stack.pop()
            if t not in self.OPTIONAL_CLOSE:
                self.problems.append(f"<{t}> not closed before </{tag}> (line {self.getpos()[0]})")
        self.stack.pop()


def html_syntax(text: str) -> list[str]:
    c = _TagChecker()
    c.feed(text)
    c.close()
    left = [t for t in c.stack if t not in _TagChecker.OPTIONAL_CLOSE]
    return c.problems + ([f"unclosed: {', '.join(left)}"] if left else [])


# --------------------------------------------------------------------------
# Candidate -> renderable HTML
# --------------------------------------------------------------------------

class PrepError(Exception):
    pass


def _js_str(s: str) -> str:
    return json.dumps(s).replace("</", "<\\/")


def prep_tailwind(out: Path, rt: dict, url_for) -> Path:
    text = out.read_text(errors="replace")
    tag = f'<script src="{url_for(rt["tailwind"])}"></script>'
    # drop CDN loaders (they could not load anyway) and put the local build first in <head>
    text = re.sub(r'<script[^>]+src="[^"]*(cdn\.tailwindcss\.com|@tailwindcss/browser)[^"]*"[^>]*>\s*</script>', "", text)
    if re.search(r"<head[^>]*>", text, re.I):
        text = re.sub(r"(<head[^>]*>)", lambda m: m.group(1) + tag, text, count=1, flags=re.I)
    elif re.search(r"<html[^>]*>", text, re.I):
        text = re.sub(r"(<html[^>]*>)", lambda m: m.group(1) + "<head>" + tag + "</head>", text, count=1, flags=re.I)
    else:
        text = tag + text
    page = out.with_name(out.stem + ".render.html")
    page.write_text(text)
    return page


_IMPORT_RE = re.compile(r'^[ \t]*import\s+(?:(?P<what>[\w$*{][^;]*?)\s+from\s+)?(?P<q>["\'])(?P<mod>[^"\']+)(?P=q);?[ \t]*$', re.M)


def _rewrite_imports(js: str, css_links: list[str], base: Path, known: dict[str, str]) -> str:
    """ESM import statements (as esbuild prints them) -> lookups in __mods."""
    def repl(m):
        what, mod = m.group("what"), m.group("mod")
        if mod.endswith(".css"):
            if (base / mod).is_file():
                css_links.append(mod)
            return ""
        if re.search(r"\.(png|jpe?g|gif|svg|webp)$", mod):
            src = f"__img({_js_str(mod)})"
        elif mod in known:
            src = f"__mods[{_js_str(known[mod])}]"
        else:
            raise PrepError(f"unsupported import {mod!r}")
        if not what:
            return ""
        what = what.strip()
        out = []
        m2 = re.match(r"^\*\s+as\s+([\w$]+)$", what)
        if m2:
            return f"const {m2.group(1)} = {src};"
        default, _, named = what.partition("{")
        default = default.strip().rstrip(",").strip()
        if default:
            out.append(f"const {default} = ({src}).default || {src};")
        if named:
            names = named.rstrip("}").rstrip().rstrip("}")
            parts = []
            for n in names.split(","):
                n = n.strip()
                if not n:
                    continue
                a, _, b = n.partition(" as ")
                parts.append(f"{a.strip()}: {b.strip()}" if b else a.strip())
            out.append(f"const {{ {', '.join(parts)} }} = {src};")
        return " ".join(out)
    return _IMPORT_RE.sub(repl, js)


def _rewrite_exports(js: str) -> str:
    names = []

    def named_default(m):
        names.append(m.group(2))
        return f"{m.group(1)} {m.group(2)}"
    js = re.sub(r"^export\s+default\s+(async\s+function\*?|function\*?|class)\s+([\w$]+)", named_default, js, flags=re.M)
    js = re.sub(r"^export\s+default\s+", "__exports.default = ", js, flags=re.M)
    js = re.sub(r"^export\s+\{\s*([\w$]+)\s+as\s+default\s*\};?", r"__exports.default = \1;", js, flags=re.M)
    js = re.sub(r"^export\s+\{[^}]*\};?", "", js, flags=re.M)
    js = re.sub(r"^export\s+(?=(const|let|var|function|class|async)\b)", "", js, flags=re.M)
    for n in names:
        js += f"\n__exports.default = {n};"
    return js


def prep_react(out: Path, rt: dict, url_for) -> Path:
    import esbuild_py
    src = out.read_text(errors="replace")
    js = esbuild_py.transform(src)
    if src.strip() and not (js or "").strip():
        raise PrepError("esbuild could not compile the JSX (syntax error)")
    css = []
    js = _rewrite_imports(js, css, out.parent, {
        "react": "react", "react-dom": "react-dom", "react-dom/client": "react-dom",
        "react/jsx-runtime": "jsx-runtime"})
    js = _rewrite_exports(js)
    sib = out.with_suffix(".css")
    if sib.is_file() and sib.name not in [Path(c).name for c in css]:
        css.insert(0, sib.name)
    links = "".join(f'<link rel="stylesheet" href="{_html.escape(c)}">' for c in css)
    page = out.with_name(out.stem + ".render.html")
    page.write_text(f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Design</title>{links}</head>
<body><div id="root"></div>
<script>window.__swPending = true; setTimeout(function () {{ window.__swPending = false; }}, 10000);</script>
<script src="{url_for(rt['react'])}"></script>
<script src="{url_for(rt['react_dom'])}"></script>
<script>
(function () {{
  var __exports = {{}};
  var __mods = {{ "react": Object.assign({{ default: React }}, React),
                  "react-dom": Object.assign({{ default: ReactDOM }}, ReactDOM),
                  "jsx-runtime": {{ jsx: function (t, p, k) {{ return React.createElement(t, Object.assign({{}}, p, k === undefined ? {{}} : {{ key: k }})); }},
                                    jsxs: function (t, p, k) {{ return React.createElement(t, Object.assign({{}}, p, k === undefined ? {{}} : {{ key: k }})); }},
                                    Fragment: React.Fragment }} }};
  var __img = function (p) {{ return {{ default: p }}; }};
  try {{
    (function () {{
{js}
    }})();
    var App = __exports.default;
    if (typeof App !== "function" && !(App && App.$$typeof)) throw new Error("no default-exported component");
    var root = ReactDOM.createRoot(document.getElementById("root"));
    ReactDOM.flushSync(function () {{ root.render(React.createElement(App)); }});
  }} catch (e) {{ console.error("react render failed: " + (e && e.message || e)); }}
  window.__swPending = false;
}})();
</script>
</body></html>
""")
    return page


def split_sfc(text: str) -> dict:
    """Minimal .vue splitter: the top-level <template>, <script> (or
    <script setup>) and every <style> block."""
    parts = {"template": None, "script": None, "setup": False, "styles": [], "lang": None}
    pos = 0
    opener = re.compile(r"<(template|script|style)(\s[^>]*)?>", re.I)
    while True:
        m = opener.search(text, pos)
        if not m:
            break
        tag, attrs = m.group(1).lower(), m.group(2) or ""
        body_start = m.end()
        if tag == "template":  # nested <template> tags inside: balance them
            depth, i = 1, body_start
            tok = re.compile(r"<(/?)template(\s[^>]*)?>", re.I)
            while depth:
                t = tok.search(text, i)
                if not t:
                    raise PrepError("unclosed <template>")
                depth += -1 if t.group(1) else 1
                i = t.end()
            body, pos = text[body_start:t.start()], t.end()
            if parts["template"] is None:
                parts["template"] = body
        else:
            close = re.compile(rf"</{tag}\s*>", re.I).search(text, body_start)
            if not close:
                raise PrepError(f"unclosed <{tag}>")
            body, pos = text[body_start:close.start()], close.end()
            if tag == "script":
                parts["script"] = body
                parts["setup"] = bool(re.search(r"\bsetup\b", attrs))
                lm = re.search(r'lang="(\w+)"', attrs)
                parts["lang"] = lm.group(1) if lm else None
            else:
                parts["styles"].append(body)
    if parts["template"] is None:
        raise PrepError("no <template> block")
    return parts


def _top_level_names(js: str) -> list[str]:
    names, depth = [], 0
    for line in js.splitlines():
        if depth == 0:
            m = re.match(r"\s*(?:export\s+)?(?:async\s+)?(?:const|let|var|function\*?|class)\s+([\w$]+)", line)
            if m:
                names.append(m.group(1))
            m = re.match(r"\s*(?:const|let|var)\s+\{([^}]*)\}\s*=", line)
            if m:
                names += [p.split(":")[-1].split("=")[0].strip() for p in m.group(1).split(",") if p.strip()]
            m = re.match(r"\s*(?:const|let|var)\s+\[([^\]]*)\]\s*=", line)
            if m:
                names += [p.split("=")[0].strip() for p in m.group(1).split(",") if p.strip()]
        depth += line.count("{") + line.count("(") + line.count("[") - line.count("}") - line.count(")") - line.count("]")
        depth = max(depth, 0)
    return [n for n in dict.fromkeys(names) if re.match(r"^[\w$]+$", n)]


def prep_vue(out: Path, rt: dict, url_for) -> Path:
    sfc = split_sfc(out.read_text(errors="replace"))
    script = sfc["script"] or ""
    css: list[str] = []
    known = {"vue": "vue"}
    js = _rewrite_imports(script, css, out.parent, known) if script.strip() else ""
    if sfc["setup"]:
        names = _top_level_names(js)
        js = re.sub(r"\bdefine(Props|Emits|Expose|Options)\s*\(", "((..._a) => ({}))(", js)
        body = f"__exports.default = {{ setup() {{\n{js}\n return {{ {', '.join(names)} }}; }} }};"
    else:
        body = _rewrite_exports(js) if js else "__exports.default = {};"
    style = "\n".join(sfc["styles"])
    links = "".join(f'<link rel="stylesheet" href="{_html.escape(c)}">' for c in css)
    vue_url = url_for(rt["vue"])
    is_esm = "esm" in rt["vue"].name
    loader = (f'import * as Vue from "{vue_url}";' if is_esm else "const Vue = window.Vue;")
    classic = "" if is_esm else f'<script src="{vue_url}"></script>'
    page = out.with_name(out.stem + ".render.html")
    page.write_text(f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Design</title>{links}<style>{style}</style></head>
<body><div id="app"></div>
<script>window.__swPending = true; setTimeout(function () {{ window.__swPending = false; }}, 10000);</script>
{classic}
<script type="module">
{loader}
window.Vue = Vue;
const __mods = {{ "vue": Object.assign({{ default: Vue }}, Vue) }};
const __img = (p) => ({{ default: p }});
try {{
  const __exports = {{}};
  (function () {{
{body}
  }})();
  const comp = Object.assign({{}}, __exports.default || {{}}, {{ template: {_js_str(sfc['template'])} }});
  const app = Vue.createApp(comp);
  app.config.errorHandler = (e) => console.error("vue render failed: " + (e && e.message || e));
  app.config.warnHandler = (m) => console.error("vue warn: " + m);
  app.mount("#app");
  await Vue.nextTick();
}} catch (e) {{ console.error("vue render failed: " + (e && e.message || e)); }}
window.__swPending = false;
</script>
</body></html>
""")
    return page


def syntax_only(target: str, out: Path) -> list[str]:
    text = out.read_text(errors="replace")
    if target == "tailwind":
        return html_syntax(text)
    if target == "vue":
        sfc = split_sfc(text)
        probs = html_syntax(sfc["template"])
        if sfc["script"] and importlib.util.find_spec("esbuild_py"):
            import esbuild_py
            if sfc["script"].strip() and not esbuild_py.transform(sfc["script"]).strip():
                probs.append("script block does not compile")
        return probs
    return []


# --------------------------------------------------------------------------
# Running
# --------------------------------------------------------------------------

def run_tool(binary: Path, design: dict, target: str, out: Path, timeout: int,
             extra: tuple = ()) -> tuple[str | None, float]:
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.exists():
        out.unlink()
    cmd = [str(binary), str(design["png"]), "--target", target, "-o", str(out), *extra]
    t0 = time.perf_counter()
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return f"timed out after {timeout} s", time.perf_counter() - t0
    except OSError as e:
        return f"could not run: {e}", time.perf_counter() - t0
    dt = time.perf_counter() - t0
    if p.returncode != 0:
        tail = (p.stderr or p.stdout or "").strip().splitlines()[-1:] or [""]
        return f"exit {p.returncode}: {tail[0][:200]}", dt
    if not out.exists() or out.stat().st_size == 0:
        said = " ".join((p.stdout + " " + p.stderr).split())[:120]
        return "exit 0 but no output file written" + (f" (it printed: {said})" if said else ""), dt
    return None, dt


def copy_assets(design: dict, dest: Path):
    """Images the reference pages use (rick.jpg), so relative src= resolve."""
    for pat in ("*.jpg", "*.jpeg", "*.gif", "*.svg", "*.webp"):
        for f in design["assets"].glob(pat):
            t = dest / f.name
            if not t.exists():
                shutil.copy2(f, t)


def evaluate(args) -> dict:
    designs, notes = discover(args.ids, args.limit)
    targets = [t.strip() for t in args.targets.split(",") if t.strip()]
    for t in targets:
        if t not in TARGETS:
            raise SystemExit(f"unknown target {t!r} (known: {', '.join(TARGETS)})")
    binary = Path(args.bin)
    if not binary.is_absolute():
        binary = (ROOT / binary)
    have_bin = binary.is_file() and os.access(binary, os.X_OK)
    outdir = Path(args.out)
    if not outdir.is_absolute():
        outdir = ROOT / outdir
    outdir.mkdir(parents=True, exist_ok=True)
    if not have_bin:
        notes.append(f"mockup2code not found at {binary}: every row is 'unavailable' (build it first)")
    rt = find_runtimes()
    mode = {
        "html": "render",
        "tailwind": "render" if rt["tailwind"] else "syntax",
        "react": "render" if (rt["esbuild"] and rt["react"] and rt["react_dom"]) else "unavailable",
        "vue": "render" if rt["vue"] else "syntax",
    }
    runtime_notes = {
        "tailwind": (f"rendered with Tailwind's browser build {_shipped(rt['tailwind'])}" if rt["tailwind"]
                     else "syntax check only: no Tailwind build found (pip install --no-deps nicegui)"),
        "react": (f"JSX compiled with esbuild_py, rendered with React UMD {_shipped(rt['react'])}"
                  if mode["react"] == "render" else "unavailable: needs esbuild-py and dash (React 18 UMD builds)"),
        "vue": (f"rendered with Vue 3's browser build {_shipped(rt['vue'])}" if rt["vue"]
                else "syntax check only: no Vue 3 browser build found (pip install --no-deps nicegui)"),
        "html": "rendered as is",
    }
    rows = []
    t_start = time.perf_counter()
    print(f"{len(designs)} designs x {len(targets)} targets; bin {binary}{'' if have_bin else ' (MISSING)'}",
          file=sys.stderr)
    roots = [outdir] + [p.parent for p in (rt["tailwind"], rt["vue"], rt["react"]) if p]
    ref_fonts, fonts_note = reference_fonts(args, designs)
    if fonts_note:
        notes.append(fonts_note)
    with contextlib.ExitStack() as stack:
        r = stack.enter_context(mm.Renderer(roots))
        rr = stack.enter_context(r.sibling(**ref_fonts)) if ref_fonts else None
        for n, ds in enumerate(designs, 1):
            width = png_width(ds["png"])
            # The Design2Code references render as on the machine that drew their images
            # (design_fonts); the generated pages, and the samples, with the system's fonts.
            rref = rr if (rr is not None and ds["id"].startswith("d2c/")) else r
            ref = rref.render(ds["html"], width, overflow=False)
            ref_bad = not ref.screenshot
            ref_parts = reference_components(rref, width, args) if not ref_bad else None
            fidelity = None if ref_bad else mm.reference_fidelity(ref.screenshot, ref.height, ds["png"])
            for target in targets:
                row = {"design": ds["id"], "target": target, "width": width, "status": None,
                       "error": None, "seconds": None, "mode": mode[target]}
                rows.append(row)
                if fidelity:
                    row["reference"] = fidelity
                if ref_bad:
                    row.update(status="error", error=f"reference did not render: {ref.errors[:1]}")
                    continue
                if not have_bin:
                    row.update(status="unavailable", error=f"{binary} not found (build mockup2code first)")
                    continue
                tdir = outdir / target
                tdir.mkdir(parents=True, exist_ok=True)
                copy_assets(ds, tdir)
                out = tdir / (ds["id"].replace("/", "__") + EXT[target])
                err, dt = run_tool(binary, ds, target, out, args.timeout)
                row["seconds"] = round(dt, 3)
                if err:
                    row.update(status="failed", error=err)
                    continue
                if mode[target] == "unavailable":
                    row.update(status="unavailable", error=runtime_notes[target])
                    continue
                if mode[target] == "syntax":
                    try:
                        probs = syntax_only(target, out)
                    except PrepError as e:
                        probs = [str(e)]
                    row.update(status="syntax-ok" if not probs else "syntax-error",
                               error="; ".join(probs[:3]) or None)
                    continue
                try:
                    if target == "html":
                        page = out
                    elif target == "tailwind":
                        page = prep_tailwind(out, rt, r.url_for)
                    elif target == "react":
                        page = prep_react(out, rt, r.url_for)
                    else:
                        page = prep_vue(out, rt, r.url_for)
                except PrepError as e:
                    row.update(status="failed", error=f"could not prepare {target}: {e}")
                    continue
                cand = r.render(page, width, settle_ms=150 if target == "tailwind" else 0)
                if not cand.screenshot:
                    row.update(status="failed", error=f"render failed: {'; '.join(cand.errors[:2])}")
                    continue
                s = mm.score_render(cand, ref)
                row.update(status="ok", **{k: (round(v, 4) if isinstance(v, float) else v) for k, v in s.items()})
                component_columns(row, r, width, ref_parts, args)
                if target == "html" and args.before_after:
                    row["before"] = score_unrefined(binary, ds, tdir, r, ref, width, args.timeout)
                render_errors = [e for e in cand.errors if "render failed" in e or e.startswith("pageerror")]
                if render_errors:
                    row["page_errors"] = render_errors[:3]
            done = time.perf_counter() - t_start
            print(f"[{n}/{len(designs)}] {ds['id']} ({done:.0f}s)", file=sys.stderr)
    wall = time.perf_counter() - t_start
    summary = summarise(rows, targets, mode, runtime_notes)
    return {"generated": _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "bin": str(binary), "bin_present": have_bin, "designs": [d["id"] for d in designs],
            "reference_fonts": "design" if ref_fonts else "system",
            "notes": notes, "ssim_note": SSIM_NOTE, "wall_seconds": round(wall, 1),
            "targets": summary, "components": mc.summarise(rows, targets),
            "refinement": refinement_summary(rows), "rows": rows}


# --------------------------------------------------------------------------
# Refinement: before (--no-refine) and after (default) for every design
# --------------------------------------------------------------------------

class FontSetMissing(Exception):
    """The Design2Code references were asked for without the drawing machine's font set."""


def reference_fonts(args, designs) -> tuple[dict | None, str | None]:
    """The Design2Code references' renderer settings (`design_fonts`: DejaVu only, plus each
    page's web fonts served offline), or None and a note when `--system-fonts` asks for the
    system's fonts. Without the font set and without that flag, raises `FontSetMissing`: the
    references would wrap unlike their images and every visual figure would be off."""
    if not any(d["id"].startswith("d2c/") for d in designs):
        return None, None
    if getattr(args, "system_fonts", False):
        return None, "Design2Code references rendered with the system's fonts (--system-fonts)"
    conf, web = design_fonts.fontconfig(), design_fonts.web_fonts()
    if conf is None or web is None:
        raise FontSetMissing(f"the drawing machine's font set is not in {design_fonts.cache_dir()}: run "
                             f"`make design-fonts` first, or pass --system-fonts to score against the system's fonts")
    return {"fontconfig": conf, "web_fonts": web}, None


def score_unrefined(binary: Path, design: dict, tdir: Path, r, ref, width: int, timeout: int) -> dict:
    """The html target generated with --no-refine, scored like the refined one."""
    out = tdir / (design["id"].replace("/", "__") + ".unrefined.html")
    err, dt = run_tool(binary, design, "html", out, timeout, extra=("--no-refine",))
    if err:
        return {"status": "failed", "error": err, "seconds": round(dt, 3)}
    cand = r.render(out, width)
    if not cand.screenshot:
        return {"status": "failed", "error": "render failed", "seconds": round(dt, 3)}
    s = mm.score_render(cand, ref)
    return {"status": "ok", "seconds": round(dt, 3),
            **{k: (round(v, 4) if isinstance(v, float) else v) for k, v in s.items() if k in mm.METRICS}}


def design_mean(scores: dict) -> float:
    """One number per design: the mean of the five Design2Code metrics."""
    return sum(scores[m] for m in mm.METRICS) / len(mm.METRICS)


def refinement_summary(rows) -> dict:
    """Per design set: mean metrics before and after refinement, and the designs refinement made
    worse (mean of the five metrics down by more than 0.002)."""
    pairs = [r for r in rows if r["target"] == "html" and r["status"] == "ok"
             and r.get("before", {}).get("status") == "ok"]
    out = {}
    for name, pick in (("Design2Code", lambda d: d.startswith("d2c/")), ("samples/mockups", lambda d: not d.startswith("d2c/"))):
        ps = [r for r in pairs if pick(r["design"])]
        if not ps:
            continue
        before = {m: round(sum(r["before"][m] for r in ps) / len(ps), 4) for m in mm.METRICS}
        after = {m: round(sum(r[m] for r in ps) / len(ps), 4) for m in mm.METRICS}
        worse = [r["design"] for r in ps if design_mean(r) < design_mean(r["before"]) - 0.002]
        better = [r["design"] for r in ps if design_mean(r) > design_mean(r["before"]) + 0.002]
        secs_b = [r["before"]["seconds"] for r in ps]
        secs_a = [r["seconds"] for r in ps]
        out[name] = {"n": len(ps), "before": before, "after": after, "worse": worse, "better": len(better),
                     "seconds_before": round(sum(secs_b) / len(ps), 3), "seconds_after": round(sum(secs_a) / len(ps), 3)}
    return out


def refinement_table(result: dict) -> str:
    ref = result.get("refinement") or {}
    if not ref:
        return ""
    lines = ["| designs | | Block | Text | Position | Color | SSIM* | mean s | better / worse |", "|" + "---|" * 9]
    for name, s in ref.items():
        for when in ("before", "after"):
            vals = " | ".join(f"{s[when][m]:.3f}" for m in mm.METRICS)
            tail = f"{s['better']} / {len(s['worse'])}" if when == "after" else ""
            lines.append(f"| {name} ({s['n']}) | {when} refinement | {vals} | {s['seconds_' + when]:.2f} | {tail} |")
        if s["worse"]:
            lines.append(f"| | worse after: {', '.join(s['worse'])} | | | | | | | |")
    return "\n".join(lines)


def refinement_section(result: dict) -> str:
    t = refinement_table(result)
    if not t:
        return ""
    return ("\nRefinement (render, compare, correct; html target generated with `--no-refine` and by default,"
            " both scored the same way; \"worse\" = mean of the five metrics down by more than 0.002):\n\n" + t + "\n")


def summarise(rows, targets, mode, runtime_notes) -> dict:
    out = {}
    for t in targets:
        rs = [r for r in rows if r["target"] == t]
        ok = [r for r in rs if r["status"] == "ok"]
        attempted = [r for r in rs if r["status"] in ("ok", "failed")]
        s = {"n": len(rs), "n_ok": len(ok), "mode": mode[t], "note": runtime_notes[t],
             "failed": sum(r["status"] == "failed" for r in rs),
             "unavailable": sum(r["status"] == "unavailable" for r in rs)}
        if mode[t] == "syntax":
            s["syntax_ok"] = sum(r["status"] == "syntax-ok" for r in rs)
            s["syntax_error"] = sum(r["status"] == "syntax-error" for r in rs)
        secs = [r["seconds"] for r in rs if r["seconds"] is not None]
        s["mean_seconds"] = round(sum(secs) / len(secs), 3) if secs else None
        if ok:
            for m in mm.METRICS:
                s[m] = round(sum(r[m] for r in ok) / len(attempted), 4)  # failed runs count 0
            s["absolute_fraction"] = round(sum(r["absolute_fraction"] for r in ok) / len(ok), 4)
            s["overflow80"] = sum(bool(r["overflow80"]) for r in ok)
            fid = [r["reference"] for r in ok if r.get("reference")]
            if fid:
                # the reference render against the design image: the SSIM* a generator that drew
                # the image exactly would get, and how many references are not the image's height
                s["reference_ssim"] = round(sum(f["ssim"] for f in fid) / len(fid), 4)
                s["reference_height_off"] = sum(abs(f["height_difference"]) > 2 for f in fid)
        out[t] = s
    return out


# --------------------------------------------------------------------------
# Components and accessibility (mockup_components)
# --------------------------------------------------------------------------

def reference_components(r, width: int, args) -> dict:
    """The design's components (and axe-core's findings on it) from its rendered source HTML."""
    return {"components": mc.extract(r, width),
            "axe": None if getattr(args, "no_axe", False) else mc.axe(r, width, undecided_contrast=True)}


def component_columns(row: dict, r, width: int, ref_parts: dict | None, args) -> None:
    """Adds the component counts and axe-core's findings of the page `r` has just rendered."""
    if not ref_parts:
        return
    cand = mc.extract(r, width)
    errs = [c["error"] for c in cand + ref_parts["components"] if "error" in c]
    if errs:
        row["components_error"] = errs[0]
        return
    row["components"] = mc.match(ref_parts["components"], cand)
    if not getattr(args, "no_axe", False):
        row["axe"] = mc.axe_summary(mc.axe(r, width), ref_parts["axe"])


def component_section(result: dict) -> str:
    return mc.markdown(result["components"]) if result.get("components") else ""


# --------------------------------------------------------------------------
# Reporting
# --------------------------------------------------------------------------

def table(result: dict) -> str:
    head = "| target | Block | Text | Position | Color | SSIM* | abs-pos frac | overflow @80% | mean s | ran |"
    lines = [head, "|" + "---|" * 10]
    for t, s in result["targets"].items():
        if "block" in s:
            vals = [f"{s[m]:.3f}" for m in mm.METRICS]
            ov = f"{'yes' if s['overflow80'] else 'no'} ({s['overflow80']}/{s['n_ok']})"
            lines.append(f"| {t} | " + " | ".join(vals) + f" | {s['absolute_fraction']:.3f} | {ov} | "
                         f"{s['mean_seconds'] if s['mean_seconds'] is not None else '-'} | {s['n_ok']}/{s['n']} |")
        elif s["mode"] == "syntax" and s.get("syntax_ok", 0) + s.get("syntax_error", 0):
            lines.append(f"| {t} | syntax check only: {s['syntax_ok']} ok, {s['syntax_error']} errors | | | | | | | "
                         f"{s['mean_seconds']} | {s['syntax_ok']}/{s['n']} |")
        else:
            why = "unavailable" if s["unavailable"] else f"failed ({s['failed']})"
            lines.append(f"| {t} | {why} | | | | | | | {s['mean_seconds'] if s['mean_seconds'] is not None else '-'} | 0/{s['n']} |")
    return "\n".join(lines)


def per_set_table(result: dict) -> str:
    """Means per design set (Design2Code pages vs the project's own mockups) and target: the
    issue's targets are stated for the Design2Code sample alone."""
    lines = ["| set | target | Block | Text | Position | Color | SSIM* | ran |", "|" + "---|" * 8]
    sets = [("Design2Code", lambda d: d.startswith("d2c/")), ("samples/mockups", lambda d: not d.startswith("d2c/"))]
    for name, pick in sets:
        for t in result["targets"]:
            rs = [r for r in result["rows"] if r["target"] == t and pick(r["design"])]
            ok = [r for r in rs if r["status"] == "ok"]
            attempted = [r for r in rs if r["status"] in ("ok", "failed")]
            if not ok:
                continue
            vals = [f"{sum(r[m] for r in ok) / len(attempted):.3f}" for m in mm.METRICS]
            lines.append(f"| {name} | {t} | " + " | ".join(vals) + f" | {len(ok)}/{len(rs)} |")
    return "\n".join(lines)


def reference_line(result: dict) -> str:
    """One sentence per design set: how far the reference HTML, rendered here, is from the design
    image itself (`mockup_metrics.reference_fidelity`) — the SSIM* a generator that drew the image
    exactly would get, and how many references come out another height than the image."""
    parts = []
    for name, pick in (("Design2Code", lambda d: d.startswith("d2c/")), ("samples/mockups", lambda d: not d.startswith("d2c/"))):
        seen = {}
        for r in result["rows"]:
            if pick(r["design"]) and r.get("reference"):
                seen[r["design"]] = r["reference"]
        if seen:
            off = [f["height_difference"] for f in seen.values() if abs(f["height_difference"]) > 2]
            worst = max((abs(v) for v in off), default=0)
            parts.append(f"{name}: SSIM* {sum(f['ssim'] for f in seen.values()) / len(seen):.3f}, "
                         f"{len(off)}/{len(seen)} another height (up to {worst} px)")
    if not parts:
        return ""
    how = ("the Design2Code references with the fonts of the machine that drew their images: DejaVu only, plus "
           "the web fonts Debian packages, design_fonts.py; a web font it lacks still falls back"
           if result.get("reference_fonts") == "design" else
           "with the system's fonts: offline, web fonts fall back and Liberation stands in for Arial")
    return (f"The reference pages rendered here against their design images ({how}; where text wraps "
            "otherwise the page grows or shrinks; a generator drawing the image exactly scores this): "
            + "; ".join(parts) + ".\n")


def markdown_section(result: dict) -> str:
    n = len(result["designs"])
    d2c = sum(d.startswith("d2c/") for d in result["designs"])
    notes = "\n".join(f"- {t}: {s['note']}" for t, s in result["targets"].items())
    errs = [r for r in result["rows"] if r["status"] in ("failed", "syntax-error")]
    err_lines = "\n".join(f"- {r['design']} / {r['target']}: {r['error']}" for r in errs[:12])
    more = f"\n- … and {len(errs) - 12} more (see the JSON)" if len(errs) > 12 else ""
    return f"""{BEGIN}
## mockup2code

Measured by `make eval-mockups` (`Tests/harness/eval_mockups.py`) on {result['generated']}: {n} designs
({d2c} Design2Code pages, {n - d2c} from `samples/mockups/`), binary `{os.path.relpath(result['bin'], ROOT) if result['bin'].startswith(str(ROOT)) else result['bin']}`.
Block, Text, Position and Color follow Design2Code's metric definitions (text blocks read from the
rendered page in Chromium). SSIM*: {SSIM_NOTE} A failed run counts 0 in the means; "ran" says
how many designs produced a scored page; "overflow @80%" counts pages wider than a viewport 20 % narrower
than the design; "abs-pos frac" is the mean fraction of elements with position absolute/fixed.

{table(result)}

By design set:

{per_set_table(result)}
{reference_line(result)}{refinement_section(result)}
For comparison, GPT-4V's published Design2Code figures (whole test set, direct prompting): Block 0.624,
Text 0.977, Position 0.779, Color 0.707.

{notes}
{('Failures:' + chr(10) + err_lines + more) if errs else ''}
{component_section(result)}
{END}"""


def update_docs(result: dict, path: Path):
    section = markdown_section(result)
    if path.exists():
        text = path.read_text()
        if BEGIN in text and END in text:
            a, b = text.index(BEGIN), text.index(END) + len(END)
            text = text[:a] + section + text[b:]
        else:
            text = text.rstrip() + "\n\n" + section + "\n"
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        text = "# Accuracy\n\n" + section + "\n"
    path.write_text(text)


# --------------------------------------------------------------------------
# Ratchet (html target)
# --------------------------------------------------------------------------

def load_ratchet() -> dict:
    if RATCHET.exists() and RATCHET.read_text().strip():
        return json.loads(RATCHET.read_text())
    return {"target": "html", "designs": None, "metrics": {}}


def check_ratchet(result: dict) -> list[str]:
    rat = load_ratchet()
    if not rat.get("metrics"):
        print("ratchet: no figures recorded yet (run with --update-ratchet once mockup2code scores)", file=sys.stderr)
        return []
    s = result["targets"].get("html")
    if not s or "block" not in s:
        return ["ratchet: the html target produced no scores"]
    if rat.get("designs") and sorted(rat["designs"]) != sorted(result["designs"]):
        return [f"ratchet: recorded on {len(rat['designs'])} designs, this run scored {len(result['designs'])}: "
                "run on the same set (no --limit/--ids) to check"]
    fails = []
    for m, best in rat["metrics"].items():
        cur = s.get(m)
        if cur is None or cur < best - RATCHET_TOLERANCE:
            fails.append(f"ratchet: html {m} {cur} fell below {best} - {RATCHET_TOLERANCE}")
    return fails


def update_ratchet(result: dict) -> list[str]:
    rat = load_ratchet()
    s = result["targets"].get("html")
    if not s or "block" not in s:
        return ["ratchet not updated: the html target produced no scores"]
    if rat.get("metrics") and rat.get("designs") and sorted(rat["designs"]) != sorted(result["designs"]):
        return ["ratchet not updated: this run scored a different design set"]
    raised = []
    for m in mm.METRICS:
        old = rat["metrics"].get(m)
        if old is None or s[m] > old:
            rat["metrics"][m] = s[m]
            raised.append(f"{m} {old} -> {s[m]}")
    rat["designs"] = result["designs"]
    rat["target"] = "html"
    rat["updated"] = result["generated"]
    RATCHET.write_text(json.dumps(rat, indent=1) + "\n")
    print("ratchet: " + ("; ".join(raised) if raised else "nothing to raise"), file=sys.stderr)
    return []


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, help="score only the first N designs")
    ap.add_argument("--ids", action="append", help="design ids or names (d2c/123, 123, sample/login, login); repeatable, comma-separated")
    ap.add_argument("--targets", default=",".join(TARGETS))
    ap.add_argument("--bin", default=".build/release/mockup2code")
    ap.add_argument("--out", default=".eval-out/mockups")
    ap.add_argument("--json", help="write the JSON summary here (default OUT/summary.json)")
    ap.add_argument("--docs", default="docs/accuracy.md", help="markdown file whose mockups section is updated")
    ap.add_argument("--no-docs", action="store_true", help="do not touch the docs")
    ap.add_argument("--timeout", type=int, default=180, help="seconds allowed per mockup2code run")
    ap.add_argument("--no-before-after", dest="before_after", action="store_false",
                    help="do not also generate the html target with --no-refine (refinement before/after)")
    ap.add_argument("--check-ratchet", action="store_true")
    ap.add_argument("--update-ratchet", action="store_true")
    ap.add_argument("--ratchet", default=None, help="ratchet file (default Tests/harness/mockup-ratchet.json)")
    ap.add_argument("--no-axe", action="store_true", help="skip the axe-core accessibility check")
    ap.add_argument("--system-fonts", action="store_true",
                    help="render the Design2Code references with the system's fonts (before session 24), "
                         "not the font set of the machine that drew their images (design_fonts.py)")
    args = ap.parse_args(argv)
    if args.ratchet:
        globals()["RATCHET"] = Path(args.ratchet)

    try:
        result = evaluate(args)
    except FontSetMissing as e:
        print(f"eval-mockups: {e}", file=sys.stderr)
        return 2
    print(table(result))
    if result.get("components"):
        print(mc.table(result["components"]))
    if result.get("refinement"):
        print("\nRefinement (html target, --no-refine vs default):\n" + refinement_table(result))
    print(f"\n* {SSIM_NOTE}")
    for t, s in result["targets"].items():
        print(f"  {t}: {s['note']}")
    for note in result["notes"]:
        print(f"  note: {note}")
    print(f"  wall time {result['wall_seconds']} s for {len(result['designs'])} designs")
    jpath = Path(args.json) if args.json else (Path(args.out) if Path(args.out).is_absolute() else ROOT / args.out) / "summary.json"
    jpath.parent.mkdir(parents=True, exist_ok=True)
    jpath.write_text(json.dumps(result, indent=1, default=str) + "\n")
    print(f"  JSON: {jpath}")
    if not args.no_docs:
        docs = Path(args.docs) if Path(args.docs).is_absolute() else ROOT / args.docs
        update_docs(result, docs)
        print(f"  docs: {docs}")
    problems = []
    if args.update_ratchet:
        problems += update_ratchet(result)
        problems += mc.update_ratchet(result.get("components", {}), result["designs"], result["generated"])
    if args.check_ratchet:
        problems += check_ratchet(result)
        problems += mc.check_ratchet(result.get("components", {}), result["designs"])
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if (args.check_ratchet and problems) else 0


if __name__ == "__main__":
    sys.exit(main())
