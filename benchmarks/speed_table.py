#!/usr/bin/env python3
"""The speed table from one JMH JSON result of SpeedTable and SegmentSpeedTable.

Usage: python3 speed_table.py jmh.json
Benchmarks are named <struct><Read|Write><Contender> (physmapReadGenerated,
batchWriteHandWrittenSegment, ...). Prints, per struct and operation, each contender's median
ns/op over all iterations, its best (fastest) iteration, JMH's mean with its 99.9% error, the allocation per operation
(-prof gc: gc.alloc.rate.norm, B/op) and the ratios the issue asks about.
"""
import json
import re
import statistics
import sys

CONTENDERS = [
    ("Generated", "generated `ByteBuffer`"),
    ("GeneratedSegment", "generated `MemorySegment`"),
    ("HandWritten", "hand-written `ByteBuffer`"),
    ("HandWrittenSegment", "hand-written `MemorySegment`/`VarHandle`"),
    ("Jna", "JNA `Structure`"),
    ("Sbe", "SBE flyweight"),
]
STRUCTS = [("physmap", "`xen_add_to_physmap` (24 B)"), ("batch", "`memory_exchange_batch` (104 B)")]


def load(path):
    with open(path) as f:
        results = json.load(f)
    table = {}
    for r in results:
        name = r["benchmark"].rsplit(".", 1)[1]
        m = re.fullmatch(r"(physmap|batch)(Read|Write)(\w+)", name)
        if not m:
            continue
        raw = [x for fork in r["primaryMetric"]["rawData"] for x in fork]
        pm = r["primaryMetric"]
        alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
        table[m.groups()] = {
            "median": statistics.median(raw),
            "min": min(raw),
            "mean": pm["score"],
            "error": pm["scoreError"],
            "alloc": alloc["score"] if alloc else None,
        }
    return table


def fmt(x, digits=2):
    return "–" if x is None else f"{x:,.{digits}f}"


def main(path):
    t = load(path)
    print("| struct | operation | contender | median ns/op | best iteration ns/op | mean ± error ns/op | B/op |")
    print("|---|---|---|---:|---:|---:|---:|")
    for key, title in STRUCTS:
        for op in ("Read", "Write"):
            for c, label in CONTENDERS:
                v = t.get((key, op, c))
                if v is None:
                    continue
                print(f"| {title} | {op.lower()} | {label} | {fmt(v['median'])} | {fmt(v['min'])} | "
                      f"{fmt(v['mean'])} ± {fmt(v['error'])} | {fmt(v['alloc'], 0)} |")
    for stat in ("median", "min"):
        ratios(t, stat)


def ratios(t, stat):
    print()
    print(f"Ratios of the {'medians' if stat == 'median' else 'best iterations'} (time over time;"
          " below 1 means the first is faster):")
    print()
    print("| struct | operation | generated / hand-written (`ByteBuffer`) | generated / hand-written "
          "(`MemorySegment`) | JNA / generated (speed-up) | generated / SBE |")
    print("|---|---|---:|---:|---:|---:|")
    for key, title in STRUCTS:
        for op in ("Read", "Write"):
            def med(c):
                v = t.get((key, op, c))
                return v[stat] if v else None

            def ratio(a, b):
                return None if a is None or b is None else a / b

            g, gs, h, hs, j, s = (med(c) for c, _ in CONTENDERS)
            print(f"| {title} | {op.lower()} | {fmt(ratio(g, h), 3)} | {fmt(ratio(gs, hs), 3)} | "
                  f"{fmt(ratio(j, g), 1)}x | {fmt(ratio(g, s), 3)} |")


if __name__ == "__main__":
    main(sys.argv[1])
