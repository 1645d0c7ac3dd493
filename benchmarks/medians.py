#!/usr/bin/env python3
"""Medians of a JMH JSON result (-rf json -rff FILE) and the ratio generated / hand-written.

Usage: python3 medians.py jmh-result.json
Pairs generatedX with handWrittenX (same parameters) and prints both medians and their ratio.
"""
import json
import statistics
import sys


def main(path):
    with open(path) as f:
        results = json.load(f)
    medians = {}
    for r in results:
        name = r["benchmark"].rsplit(".", 1)[1]
        params = ",".join(f"{k}={v}" for k, v in sorted(r.get("params", {}).items()))
        raw = [x for fork in r["primaryMetric"]["rawData"] for x in fork]
        medians[(name, params)] = (statistics.median(raw), r["primaryMetric"]["scoreUnit"])
    print(f"{'benchmark':<22} {'params':<20} {'median':>10}")
    for (name, params), (median, unit) in sorted(medians.items()):
        print(f"{name:<22} {params:<20} {median:>10.3f} {unit}")
    print()
    print(f"{'operation':<12} {'params':<20} {'generated':>10} {'hand':>10} {'ratio':>7}")
    for (name, params), (median, unit) in sorted(medians.items()):
        if not name.startswith("generated") or name.startswith("generatedCodec"):
            continue
        op = name[len("generated"):]
        hand = medians.get(("handWritten" + op, params))
        if hand:
            print(f"{op:<12} {params:<20} {median:>10.3f} {hand[0]:>10.3f} {median / hand[0]:>7.2f}")


if __name__ == "__main__":
    main(sys.argv[1])
