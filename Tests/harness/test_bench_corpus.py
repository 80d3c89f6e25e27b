"""The corpus section's Markdown (bench.py corpus_markdown): what issue 13 asks for, pastable
into docs/performance.md, rendered from a saved summary without running anything."""
import importlib.util, os

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("bench", os.path.join(HERE, "bench.py"))
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)


def row(name, height, ref, ours, agents, lanes, layout_after):
    return {"recording": name, "height": height, "ffmpeg_null_s": ref, "analyse_s": ours, "ratio": round(ours / ref, 3),
            "peak_rss_mb": 150.0, "ffmpeg_cpu_s": ref, "analyse_cpu_s": ours * 1.5, "cpu_ratio": 1.5,
            "profile": {"total_s": ours - 0.1, "stages": {"motion": 1.0, "layout": 0.3, "layout.after_motion": layout_after,
                                                          "plan": 0.0, "keyframes": 0.01, "agents": agents, "aggregate": 0.0},
                        "agents": [{"agent": i, "decode_s": 0.0, "analyse_s": l} for i, l in enumerate(lanes)],
                        "ocr": {"calls": 40, "cache_hits": 4, "seconds": 1.2}}}


def test_markdown_has_totals_profile_speedup_and_a_row_per_recording():
    rows = [row("a.mp4", 800, 1.0, 2.5, 1.2, [1.1, 0.9], 0.0), row("b-1080.mp4", 1080, 2.0, 4.2, 2.4, [2.3], 0.05)]
    summary = {"recordings": rows, "ffmpeg_null_s": 3.0, "analyse_s": 6.7, "ratio": 2.233, "cpu_ratio": 1.5,
               "peak_rss_mb": 150.0, "load_average": [1.5, 2.5], "commit": "abc1234", "date": "2026-12-05 01:00 UTC",
               "speedup": {"agents_1_s": 10.0, "agents_default_s": 6.0, "speedup": 1.667,
                           "pairs": [{"recording": "a.mp4", "agents_1_s": 4.0, "agents_default_s": 2.5},
                                     {"recording": "b-1080.mp4", "agents_1_s": 6.0, "agents_default_s": 3.5}]}}
    md = bench.corpus_markdown(summary)
    assert "abc1234" in md and "load average 1.5–2.5" in md
    assert "**2.23×** (≤ 2.0)" in md
    assert "**2.10×** (b-1080.mp4, ≤ 2.5)" in md          # the worst 1080p recording, named
    assert "2.50× (a.mp4)" in md                          # the worst of all
    assert "**1.67×** (≥ 1.6; 10.0 s → 6.0 s)" in md
    # The profile sums the stages over the corpus: agents 1.2 + 2.4 s; lanes busy 4.3 s of 7.2 s.
    assert "3.60 s (" in md and "4.30 s of 7.20 s" in md and "80 (8)" in md
    table = [l for l in md.splitlines() if l.startswith("| a.mp4") or l.startswith("| b-1080.mp4")]
    assert len(table) == 2
    assert "1.20 s (1.10, 0.90)" in table[0] and "4.00 / 2.50 s (1.60×)" in table[0]
    assert table[1].count("|") == table[0].count("|")


def test_markdown_without_speedup_or_profile_still_renders():
    r = row("a.mp4", 800, 1.0, 2.0, 1.0, [1.0], 0.0)
    r["profile"] = None
    md = bench.corpus_markdown({"recordings": [r], "ffmpeg_null_s": 1.0, "analyse_s": 2.0, "ratio": 2.0,
                                "peak_rss_mb": 150.0, "cpu_ratio": 1.5})
    assert "not run" in md and "| a.mp4 | 800p |" in md and "Per-stage profile" not in md
