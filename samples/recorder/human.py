"""Human-like X input through xdotool: eased, slightly curved pointer paths, jittered typing,
backspace corrections, wheel scrolling. Every event is a real X event (XTEST via xdotool).

All sleeps use the given random generator, so a scenario recorded twice with the same seed moves
in the same way (apart from scheduling noise).
"""
from __future__ import annotations

import math
import os
import subprocess
import time


def _clamp(v, lo, hi):
    return lo if v < lo else hi if v > hi else v


def _ease(u: float) -> float:
    """Minimum-jerk profile: slow start, fast middle, slow landing (what hand movements do)."""
    return u * u * u * (10 - 15 * u + 6 * u * u)


class Human:
    def __init__(self, display: str, rng, clock):
        self.env = dict(os.environ, DISPLAY=display)
        self.rng = rng
        self.clock = clock  # () -> seconds on the video timeline

    # -- plumbing ------------------------------------------------------------------------------
    def xdo(self, *args) -> str:
        r = subprocess.run(["xdotool", *[str(a) for a in args]], env=self.env,
                           capture_output=True, text=True)
        if r.returncode != 0:
            raise RuntimeError(f"xdotool {' '.join(map(str, args))}: {r.stderr.strip()}")
        return r.stdout

    def timed(self, *args) -> float:
        """Run one xdotool command; return the video time at which it took effect (midpoint)."""
        a = self.clock()
        self.xdo(*args)
        b = self.clock()
        return (a + b) / 2

    def sleep(self, lo: float, hi: float | None = None) -> None:
        time.sleep(lo if hi is None else self.rng.uniform(lo, hi))

    def position(self) -> tuple[int, int]:
        out = self.xdo("getmouselocation", "--shell")
        vals = dict(line.split("=", 1) for line in out.split() if "=" in line)
        return int(vals["X"]), int(vals["Y"])

    # -- pointer -------------------------------------------------------------------------------
    def move_to(self, x: float, y: float, speed: float = 1.0, overshoot: bool | None = None) -> None:
        """Move along a curved, eased path in 15-40 steps, like a hand on a mouse."""
        rng = self.rng
        x0, y0 = self.position()
        dx, dy = x - x0, y - y0
        dist = math.hypot(dx, dy)
        if dist < 1.5:
            return
        if overshoot is None:
            overshoot = dist > 280 and rng.random() < 0.4
        # Fitts-like duration: longer moves take longer, but not proportionally.
        duration = (0.16 + 0.085 * math.log2(1 + dist / 10)) * rng.uniform(0.85, 1.2) / speed
        steps = int(_clamp(round(12 + dist / 28), 15, 40))
        nx, ny = -dy / dist, dx / dist
        bend = _clamp(rng.uniform(0.05, 0.16) * dist, 3, 110) * rng.choice((-1, 1))
        tx, ty = x, y
        if overshoot:
            k = rng.uniform(6, 14) / dist
            tx, ty = x + dx * k + rng.uniform(-3, 3), y + dy * k + rng.uniform(-3, 3)
        a1, a2 = rng.uniform(0.2, 0.38), rng.uniform(0.62, 0.8)
        c1 = (x0 + (tx - x0) * a1 + nx * bend, y0 + (ty - y0) * a1 + ny * bend)
        c2 = (x0 + (tx - x0) * a2 + nx * bend * rng.uniform(0.2, 0.7),
              y0 + (ty - y0) * a2 + ny * bend * rng.uniform(0.2, 0.7))
        cmd: list[str] = []
        last = None
        dt = duration / steps
        for i in range(1, steps + 1):
            e = _ease(i / steps)
            m = 1 - e
            px = m ** 3 * x0 + 3 * m * m * e * c1[0] + 3 * m * e * e * c2[0] + e ** 3 * tx
            py = m ** 3 * y0 + 3 * m * m * e * c1[1] + 3 * m * e * e * c2[1] + e ** 3 * ty
            if i < steps:
                px += rng.uniform(-0.7, 0.7)
                py += rng.uniform(-0.7, 0.7)
            p = (int(round(px)), int(round(py)))
            if p == last:
                cmd += ["sleep", f"{dt * rng.uniform(0.8, 1.2):.4f}"]
                continue
            cmd += ["mousemove", str(p[0]), str(p[1]), "sleep", f"{dt * rng.uniform(0.8, 1.2):.4f}"]
            last = p
        self.xdo(*cmd[:-2])  # drop the trailing sleep
        if overshoot:
            time.sleep(rng.uniform(0.06, 0.14))
            cmd = []
            n = rng.randint(4, 7)
            for i in range(1, n + 1):
                e = _ease(i / n)
                cmd += ["mousemove", str(int(round(tx + (x - tx) * e))), str(int(round(ty + (y - ty) * e))),
                        "sleep", f"{rng.uniform(0.014, 0.024):.4f}"]
            self.xdo(*cmd[:-2])

    def click(self, hold: tuple[float, float] = (0.06, 0.13)) -> tuple[float, float]:
        """Press and release the left button; returns (down, up) video times."""
        down = self.timed("mousedown", 1)
        self.sleep(*hold)
        up = self.timed("mouseup", 1)
        return down, up

    def dblclick(self, hold=(0.05, 0.1), gap=(0.07, 0.14)) -> tuple[float, float]:
        """Two presses in quick succession without moving; returns (first down, second up)."""
        down, _ = self.click(hold)
        self.sleep(*gap)
        _, up = self.click(hold)
        return down, up

    def wheel(self, ticks: int) -> tuple[float, float]:
        """Scroll the wheel: positive ticks scroll down (button 5), negative up (button 4)."""
        button = 5 if ticks > 0 else 4
        first = last = None
        for i in range(abs(ticks)):
            t = self.timed("click", button)
            first = t if first is None else first
            last = t
            if i + 1 < abs(ticks):
                # a flick of the wheel: quick clicks, now and then a short stall
                self.sleep(0.035, 0.09) if self.rng.random() > 0.15 else self.sleep(0.15, 0.3)
        return first, last

    # -- keyboard ------------------------------------------------------------------------------
    def key(self, name: str) -> float:
        return self.timed("key", "--delay", 0, name)

    def type_text(self, text: str, wpm: float = 70) -> tuple[float, float]:
        """Type key by key with human rhythm. A "\\b" in text is a backspace: the typist pauses as
        they notice the mistake, then deletes. Returns (first key, last key) video times.
        Key times are scheduled, so the cost of starting xdotool does not slow the typist down."""
        rng = self.rng
        base = 60.0 / (wpm * 5)  # seconds per character
        first = last = None
        prev = ""
        due = time.monotonic()
        for i, ch in enumerate(text):
            if ch == "\b":
                if prev != "\b":
                    due += rng.uniform(0.25, 0.6)  # notice the typo
                gap = rng.uniform(0.07, 0.14)
            else:
                gap = _clamp(rng.gauss(base, base * 0.4), 0.03, base * 3)
                if ch in " @." or prev == "\b":
                    gap += rng.uniform(0.03, 0.12)
                if rng.random() < 0.03:
                    gap += rng.uniform(0.2, 0.5)  # hesitation
            wait = due - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            if ch == "\b":
                t = self.key("BackSpace")
            else:
                t = self.timed("type", "--delay", 0, "--", ch)
            first = t if first is None else first
            last = t
            prev = ch
            due = (due if time.monotonic() - due < 0.25 else time.monotonic()) + gap
        return first, last


def apply_backspaces(text: str, initial: str = "") -> str:
    out = list(initial)
    for ch in text:
        if ch == "\b":
            if out:
                out.pop()
        else:
            out.append(ch)
    return "".join(out)
