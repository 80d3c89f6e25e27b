#!/usr/bin/env python3
"""The Design2Code references' fonts: the machine that drew the images, reproduced offline.

Session 23 found the harness's references unfaithful: rendered here, 34 of the 60 Design2Code pages
came out at another height than their images (1–185 px) and the images scored SSIM* 0.859 against
them.  Session 24 found why.  The images were drawn by a Chromium that had (1) only DejaVu's fonts
(Debian's fonts-dejavu-core: Sans, Serif, Sans Mono) — Arial, Helvetica, Verdana, `serif` and Times
all came out in DejaVu Sans or DejaVu Serif, not in Liberation's metric clones as they do here — and
(2) the web fonts each page loads (`@font-face` rules whose `src` is on fonts.gstatic.com: Open
Sans, Roboto, Lato, Roboto Slab, Cabin …).  Rendering the references the same way makes 48 of the
60 come out at exactly their image's height and lifts their SSIM* against the images to ≈ 0.93.

This module fetches the Debian packages with `apt-get download` into a private cache (no root,
nothing installed system-wide) and unpacks them with `dpkg -x`:
- `local/`: fonts-dejavu-core, the reference browser's only fonts (`fontconfig()`: a fontconfig
  file with the system's rules, /etc/fonts/conf.d, and that folder alone; FONTCONFIG_FILE);
- `web/`: the web fonts' families that Debian packages.  `WebFonts` answers, for one page, which
  local file stands for a web-font URL: it reads the page's `@font-face` rules (family, weight,
  style, `src` URLs) and looks the face up in `web/`, accepting it only when the family matches.
  The renderer serves those URLs from there and aborts every other outside request, as before.
  So a family is drawn in its web font exactly where the page loads it as one — a family named only
  as a local font (`font-family: Roboto, Arial`) falls back, as on the drawing machine.

Only `eval_mockups.py`'s reference renders of the Design2Code pages use this.  The generated pages
are rendered by the system's Chromium as before (the generator targets Arial, which a user's
browser has), and the sample mockups, the live grounding and the replays are untouched.

    python3 Tests/harness/design_fonts.py --fetch     # make design-fonts (once per machine)
    python3 Tests/harness/design_fonts.py             # print the fontconfig file, or why not

The cache is `.eval-out/design-fonts` in the source tree, or SCREENWRIGHT_DESIGN_FONTS.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

#: The drawing machine's own fonts (the reference browser sees these and nothing else).
LOCAL_PACKAGES = ["fonts-dejavu-core"]

#: Debian 12 packages of the web fonts the 60 Design2Code pages load with @font-face.  Families
#: they load that Debian does not package (Public Sans, Droid Serif, Montserrat, Merriweather,
#: Source Sans Pro, Playfair Display, Titillium Web, Work Sans …) fall back to DejaVu.
WEB_PACKAGES = {
    "fonts-open-sans": "Open Sans",
    "fonts-roboto-unhinted": "Roboto",
    "fonts-roboto-slab": "Roboto Slab",
    "fonts-lato": "Lato",
    "fonts-cabin": "Cabin",
    "fonts-cantarell": "Cantarell",
    "fonts-ebgaramond": "EB Garamond",
    "fonts-inter": "Inter",
}

PACKAGES = LOCAL_PACKAGES + sorted(WEB_PACKAGES)

FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<!-- written by Tests/harness/design_fonts.py: the system's rules, only the folder's fonts -->
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/conf.d</include>
  <dir>{fonts}</dir>
  <cachedir>{cache}</cachedir>
</fontconfig>
"""


def cache_dir() -> Path:
    env = os.environ.get("SCREENWRIGHT_DESIGN_FONTS")
    return Path(env) if env else ROOT / ".eval-out" / "design-fonts"


def _stamp(base: Path) -> Path:
    return base / "packages.txt"


def installed(base: Path | None = None) -> bool:
    """True when every package of PACKAGES has been unpacked into the cache."""
    base = base or cache_dir()
    st = _stamp(base)
    return st.is_file() and set(st.read_text().split()) >= set(PACKAGES)


def _conf(base: Path, name: str) -> Path:
    conf = base / f"{name}.conf"
    text = FONTS_CONF.format(fonts=(base / name).resolve(), cache=(base / "fccache" / name).resolve())
    if not conf.is_file() or conf.read_text() != text:
        conf.write_text(text)
    return conf


def fontconfig(base: Path | None = None) -> Path | None:
    """The reference browser's fontconfig file (DejaVu only), or None when the set has not been
    fetched (`make design-fonts`)."""
    base = base or cache_dir()
    return _conf(base, "local") if installed(base) else None


#: CSS font-weight → fontconfig weight.
_FC_WEIGHT = {100: 0, 200: 40, 300: 50, 400: 80, 500: 100, 600: 180, 700: 200, 800: 205, 900: 210}
_FACE = re.compile(r"@font-face\s*\{(.*?)\}", re.S | re.I)
_URL = re.compile(r"url\(\s*['\"]?(https?://[^'\")\s]+)['\"]?\s*\)", re.I)


def _prop(block: str, name: str) -> str | None:
    m = re.search(rf"(?:^|;|\s){name}\s*:\s*([^;]+)", block, re.I)
    return m.group(1).strip() if m else None


def css_weight(value: str | None) -> int:
    """A @font-face font-weight (keyword, number, or a variable font's range: its lower end)."""
    v = (value or "400").split()[0].lower()
    if v in ("normal", "400"):
        return 400
    if v == "bold":
        return 700
    try:
        return min(900, max(100, int(round(float(v) / 100.0)) * 100))
    except ValueError:
        return 400


def font_faces(html: str) -> list[dict]:
    """The page's @font-face rules with remote sources: family, weight, italic, urls."""
    faces = []
    for m in _FACE.finditer(html):
        block = m.group(1)
        fam, src = _prop(block, "font-family"), _prop(block, "src")
        urls = _URL.findall(block)
        if not fam or not urls:
            continue
        style = (_prop(block, "font-style") or "normal").lower()
        faces.append({"family": fam.strip("'\" "), "weight": css_weight(_prop(block, "font-weight")),
                      "italic": style.startswith(("italic", "oblique")), "urls": urls})
    return faces


class WebFonts:
    """Local files standing in for a page's web fonts (see the module's doc)."""

    def __init__(self, conf: Path):
        self.conf = Path(conf)
        self._files: dict[tuple[str, int, bool], Path | None] = {}
        self._urls: dict[str, Path] = {}

    def face_file(self, family: str, weight: int, italic: bool) -> Path | None:
        """The cache's file of `family` nearest to weight/style, or None when fontconfig's best
        match is another family (the set does not hold it)."""
        key = (family.lower(), weight, italic)
        if key not in self._files:
            pat = (re.sub(r"([-:,\\])", r"\\\1", family)
                   + f":weight={_FC_WEIGHT.get(weight, 80)}:slant={100 if italic else 0}")
            env = {**os.environ, "FONTCONFIG_FILE": str(self.conf)}
            try:
                out = subprocess.run(["fc-match", "-f", "%{family}\n%{file}", pat], env=env,
                                     capture_output=True, text=True, timeout=30).stdout
            except (OSError, subprocess.SubprocessError):
                out = ""
            fams, _, file = out.partition("\n")
            names = {f.strip().lower() for f in fams.split(",")}
            path = Path(file.strip())
            ok = family.lower() in names and path.is_file() and self.conf.parent in path.resolve().parents
            self._files[key] = path if ok else None
        return self._files[key]

    def load_page(self, html: str) -> int:
        """Maps the page's web-font URLs to local files; returns how many faces were found."""
        n = 0
        for face in font_faces(html):
            f = self.face_file(face["family"], face["weight"], face["italic"])
            if f is not None:
                n += 1
                for u in face["urls"]:
                    self._urls[u] = f
        return n

    def file_for(self, url: str) -> Path | None:
        return self._urls.get(url)


def web_fonts(base: Path | None = None) -> WebFonts | None:
    """The set's resolver, or None when it has not been fetched (`make design-fonts`)."""
    base = base or cache_dir()
    return WebFonts(_conf(base, "web")) if installed(base) else None


def fetch(base: Path | None = None) -> Path:
    """`apt-get download` the packages and `dpkg -x` them into the cache; returns the fontconfig."""
    base = (base or cache_dir()).resolve()
    if installed(base):
        return fontconfig(base)
    base.mkdir(parents=True, exist_ok=True)
    debs = base / "debs"
    debs.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=base) as tmp:
        # apt's sandbox user cannot write into a root-owned folder; a world-writable temp one works.
        os.chmod(tmp, 0o777)
        subprocess.run(["apt-get", "download", *PACKAGES], cwd=tmp, check=True)
        for f in Path(tmp).glob("*.deb"):
            f.replace(debs / f.name)
    for deb in sorted(debs.glob("*.deb")):
        name = deb.name.split("_")[0]
        if name in PACKAGES:
            subprocess.run(["dpkg", "-x", str(deb), str(base / ("local" if name in LOCAL_PACKAGES else "web"))],
                           check=True)
    _stamp(base).write_text("\n".join(sorted(PACKAGES)) + "\n")
    return fontconfig(base)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--fetch", action="store_true", help="download and unpack the set if missing")
    args = ap.parse_args(argv)
    conf = fetch() if args.fetch else fontconfig()
    if conf is None:
        print(f"design fonts not fetched into {cache_dir()} (python3 {Path(__file__).name} --fetch)",
              file=sys.stderr)
        return 1
    print(conf)
    return 0


if __name__ == "__main__":
    sys.exit(main())
