#!/usr/bin/env python3
"""trace-timeline.py - draw an ss trace (SS_TRACE=json) as an SVG timeline.

One lane per worker, shaded over the worker's life; each task body is a
bar coloured by its label (tasks run inside another task's taskwait are
drawn as narrower bars over it); idle time is a thin grey bar; the shade
left over is runtime work (on worker 0 also the main program's own code);
a time axis in ms and a legend. Plain Python,
no plotting library. Convert to PNG with e.g. `rsvg-convert -o t.png t.svg`.

Usage: trace-timeline.py TRACE.json [-o OUT.svg] [--width PX]
                         [--from-ms T0] [--to-ms T1] [--title TEXT]
"""
import argparse
import html
import json
import sys

PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
           "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#aec7e8", "#ffbb78"]


def nice_step(span, target=10):
    """A 1/2/5 x 10^k step giving about `target` ticks over `span`."""
    raw = span / target
    k = 10 ** len(str(int(raw))) / 10 if raw >= 1 else 1.0
    while k > raw:
        k /= 10
    for m in (1, 2, 5, 10):
        if k * m >= raw:
            return k * m
    return k * 10


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("trace")
    ap.add_argument("-o", "--output", default="-")
    ap.add_argument("--width", type=int, default=1100)
    ap.add_argument("--from-ms", type=float, default=None)
    ap.add_argument("--to-ms", type=float, default=None)
    ap.add_argument("--title", default=None)
    args = ap.parse_args()

    with open(args.trace) as f:
        trace = json.load(f)
    events = [e for e in trace["traceEvents"] if e.get("ph") == "X"]
    if not events:
        sys.exit("trace-timeline: no complete events in " + args.trace)
    names = {}
    for e in trace["traceEvents"]:
        if e.get("ph") == "M" and e.get("name") == "thread_name":
            names[e["tid"]] = e["args"]["name"]
    tids = sorted({e["tid"] for e in events} | set(names))
    t0 = min(e["ts"] for e in events) if args.from_ms is None else args.from_ms * 1000
    t1 = max(e["ts"] + e["dur"] for e in events) if args.to_ms is None else args.to_ms * 1000
    span = max(t1 - t0, 1e-3)

    labels = []  # in order of first start
    for e in sorted(events, key=lambda e: e["ts"]):
        if e.get("cat") == "task" and e["name"] not in labels:
            labels.append(e["name"])
    colour = {l: PALETTE[i % len(PALETTE)] for i, l in enumerate(labels)}

    left, right, lane, gap, top = 130, 20, 34, 10, 40 if args.title else 16
    plot_w = args.width - left - right
    axis_y = top + len(tids) * (lane + gap)
    legend_y = axis_y + 40
    height = legend_y + 20 * ((len(labels) + 5) // 6) + 10

    def x(ts):
        return left + (ts - t0) / span * plot_w

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{args.width}" '
           f'height="{height}" font-family="Helvetica, Arial, sans-serif" font-size="12">',
           f'<rect width="{args.width}" height="{height}" fill="white"/>']
    if args.title:
        out.append(f'<text x="{left}" y="22" font-size="14" font-weight="bold">'
                   f'{html.escape(args.title)}</text>')
    row = {tid: i for i, tid in enumerate(tids)}
    # A worker's lane is shaded from its start to its end (otherData).
    life = {w["worker"]: (w.get("start_us", t0), w.get("end_us", t1))
            for w in trace.get("otherData", {}).get("workers", [])}
    for tid in tids:
        y = top + row[tid] * (lane + gap)
        out.append(f'<text x="{left - 8}" y="{y + lane / 2 + 4}" text-anchor="end">'
                   f'{html.escape(names.get(tid, "worker %d" % tid))}</text>')
        a, b = life.get(tid, (t0, t1))
        a, b = max(a, t0), min(b, t1)
        if b > a:
            out.append(f'<rect x="{x(a):.2f}" y="{y}" width="{x(b) - x(a):.2f}" '
                       f'height="{lane}" fill="#ececec"/>')

    # Nesting depth per event: tasks of one lane nest (taskwait runs others).
    for tid in tids:
        mine = sorted((e for e in events if e["tid"] == tid),
                      key=lambda e: (e["ts"], -e["dur"]))
        stack = []
        for e in mine:
            while stack and stack[-1]["ts"] + stack[-1]["dur"] <= e["ts"]:
                stack.pop()
            e["_depth"] = len(stack)
            stack.append(e)
    for e in events:
        a, b = max(e["ts"], t0), min(e["ts"] + e["dur"], t1)
        if b <= a:
            continue
        y = top + row[e["tid"]] * (lane + gap)
        inset = min(e["_depth"], 3) * 5
        w = max(x(b) - x(a), 0.5)
        if e.get("cat") == "idle":
            out.append(f'<rect x="{x(a):.2f}" y="{y + lane / 2 - 2 + inset / 2:.1f}" '
                       f'width="{w:.2f}" height="4" fill="#b0b0b0"/>')
            continue
        tip = html.escape("%s #%s %s %.1f us" % (e["name"], e["args"].get("id"),
                                                  e["args"].get("location", ""), e["dur"]))
        out.append(f'<rect x="{x(a):.2f}" y="{y + inset}" width="{w:.2f}" '
                   f'height="{lane - 2 * inset}" fill="{colour[e["name"]]}" '
                   f'stroke="white" stroke-width="0.3"><title>{tip}</title></rect>')

    step = nice_step(span / 1000.0)
    out.append(f'<line x1="{left}" y1="{axis_y}" x2="{left + plot_w}" y2="{axis_y}" '
               f'stroke="black"/>')
    k = int(t0 / 1000.0 / step) + 1 if t0 > 0 else 0
    while k * step * 1000 <= t1 + 1e-9:
        ts = k * step * 1000
        if ts >= t0:
            out.append(f'<line x1="{x(ts):.2f}" y1="{axis_y}" x2="{x(ts):.2f}" '
                       f'y2="{axis_y + 5}" stroke="black"/>')
            out.append(f'<text x="{x(ts):.2f}" y="{axis_y + 18}" text-anchor="middle">'
                       f'{k * step:g}</text>')
        k += 1
    out.append(f'<text x="{left - 8}" y="{axis_y + 18}" text-anchor="end">ms</text>')

    items = [(l, colour[l]) for l in labels] + [("idle", "#b0b0b0"),
                                                  ("runtime / main", "#ececec")]
    for i, (l, c) in enumerate(items):
        lx = left + (i % 6) * 150
        ly = legend_y + (i // 6) * 20
        out.append(f'<rect x="{lx}" y="{ly - 10}" width="12" height="12" fill="{c}"/>')
        out.append(f'<text x="{lx + 18}" y="{ly}">{html.escape(l)}</text>')
    out.append("</svg>")
    text = "\n".join(out) + "\n"
    if args.output == "-":
        sys.stdout.write(text)
    else:
        with open(args.output, "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
