#!/usr/bin/env python3
"""Draws docs/scaling.svg from docs/scaling.csv: one small log-log panel per measure (load time, full clustering
time, incremental batch time, peak heap, API p99 with and without the read cache) against the number of articles. No dependencies beyond Python 3.
Empty cells (not measured) are left out of the line and listed under the panel."""
import csv
import math
import os

HERE = os.path.dirname(os.path.abspath(__file__))
rows = list(csv.DictReader(open(os.path.join(HERE, "scaling.csv"))))
PANELS = [
    ("load_seconds", "project loader: load time (s)"),
    ("full_cluster_seconds", "full clustering (s)"),
    ("incremental_seconds", "incremental 1,000 articles (s)"),
    ("peak_heap_mib", "peak heap, clustering (MiB)"),
    ("api_p99_ms", "API p99, story detail (ms)"),
    ("api_p99_uncached_ms", "API p99, detail, no cache (ms)"),
]
W, H, PAD = 300, 220, 46


def label_of(x):
    return "%dk" % (x / 1000) if x < 1e6 else "%gM" % (x / 1e6)


out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" font-size="11">'
       % (W * len(PANELS), H + 40)]
out.append('<rect width="100%" height="100%" fill="white"/>')
xs_all = [float(r["articles"]) for r in rows]
xmin, xmax = math.log10(min(xs_all)), math.log10(max(xs_all))
for i, (key, title) in enumerate(PANELS):
    ox = i * W
    pts = [(float(r["articles"]), float(r[key])) for r in rows if r.get(key)]
    missing = [r["articles"] for r in rows if not r.get(key)]
    out.append('<text x="%d" y="16" font-weight="bold">%s</text>' % (ox + 8, title))
    x0, y0, x1, y1 = ox + PAD, H - 10, ox + W - 16, 30
    out.append('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#444"/>' % (x0, y0, x1, y0))
    out.append('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#444"/>' % (x0, y0, x0, y1))
    if not pts:
        continue
    ys = [p[1] for p in pts]
    lo, hi = math.log10(max(min(ys), 1e-3)) - 0.2, math.log10(max(ys)) + 0.2

    def px(x):
        return x0 + (math.log10(x) - xmin) / max(xmax - xmin, 1e-9) * (x1 - x0 - 10) + 5

    def py(y):
        return y0 - (math.log10(max(y, 1e-3)) - lo) / max(hi - lo, 1e-9) * (y0 - y1)

    for x in sorted(set(xs_all)):
        out.append('<text x="%.1f" y="%d" text-anchor="middle">%s</text>' % (px(x), y0 + 14, label_of(x)))
    out.append('<polyline fill="none" stroke="#1f77b4" stroke-width="2" points="%s"/>'
               % " ".join("%.1f,%.1f" % (px(x), py(y)) for x, y in pts))
    for x, y in pts:
        out.append('<circle cx="%.1f" cy="%.1f" r="3" fill="#1f77b4"/>' % (px(x), py(y)))
        out.append('<text x="%.1f" y="%.1f" text-anchor="middle">%g</text>' % (px(x), py(y) - 7, y))
    if missing:
        out.append('<text x="%d" y="%d" fill="#a00">not measured: %s</text>'
                   % (x0, H + 28, ", ".join(label_of(float(m)) for m in missing)))
out.append('<text x="8" y="%d" fill="#555">articles (log scale); values (log scale)</text>' % (H + 14))
out.append("</svg>")
open(os.path.join(HERE, "scaling.svg"), "w").write("\n".join(out) + "\n")
print("wrote docs/scaling.svg")
