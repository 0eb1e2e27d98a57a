#!/usr/bin/python3
"""Checks that fundsim and the pandas peer (bench/peer/peer.py) gave the same answers, and summarises the
times of bench/peer/compare.sh. A benchmark helper, not a test.

  agree.py run FUNDSIM_OUT PEER_OUT        totals of summary.json and allocations.csv compared
  agree.py sweep FUNDSIM_SWEEP PEER_SWEEP  every row's total and lever compared
  agree.py ingest FUNDSIM_CSV PEER_CSV     every count of every school compared
  agree.py times NAME FUNDSIM_TIMES PEER_TIMES   medians of `/usr/bin/time -f "%e %U %S %M"` lines, ratio
"""
import json
import os
import statistics
import sys

import pandas as pd


def run(a, b):
    sa = json.load(open(os.path.join(a, "summary.json")))
    sb = json.load(open(os.path.join(b, "summary.json")))
    worst = 0.0
    for k in ("total_budget_share", "mfg_total", "capping_total", "mppl_total", "available", "headroom",
              "notional_sen_total"):
        worst = max(worst, abs((sa[k] or 0) - (sb[k] or 0)))
    for k, v in sa["factors"].items():
        worst = max(worst, abs(v - sb["factors"][k]))
    lever_a = sa["lever"]["value"] if isinstance(sa.get("lever"), dict) else None
    la = open(os.path.join(a, "allocations.csv"), "rb").read().splitlines()
    lb = open(os.path.join(b, "allocations.csv"), "rb").read().splitlines()
    differ = sum(x != y for x, y in zip(la, lb)) + abs(len(la) - len(lb))
    print(f"  agreement: total £{sa['total_budget_share']:,.2f} (fundsim) vs £{sb['total_budget_share']:,.2f}"
          f" (peer); largest difference of any total £{worst:.2f}; lever {lever_a!r} vs {sb['lever']!r};"
          f" allocations.csv {'byte-identical' if not differ else f'{differ} of {len(la)} lines differ'}")
    return worst < 1.0


def sweep(a, b):
    da, db = pd.read_csv(a), pd.read_csv(b)
    if len(da) != len(db):
        print(f"  agreement: {len(da)} rows vs {len(db)}")
        return False
    d_total = (da["total_budget_share"] - db["total_budget_share"]).abs().max()
    d_lever = (da["lever_value"] - db["lever"]).abs().max()
    ok = int((da["status"] == "ok").sum())
    print(f"  agreement: {len(da)} rows ({ok} balanced); largest difference of a total £{d_total:.2f}, "
          f"of a lever (to 10 digits) {d_lever:.1e}")
    return d_total < 1.0


def ingest(a, b):
    da, db = pd.read_csv(a).set_index("urn"), pd.read_csv(b).set_index("urn")
    cols = [c for c in da.columns if c in db.columns and pd.api.types.is_numeric_dtype(da[c])]
    diff = (da[cols].fillna(0) - db.loc[da.index, cols].fillna(0)).abs()
    bad = int((diff > 1e-9).sum().sum())
    print(f"  agreement: {len(da)} schools vs {len(db)}; {len(cols)} numeric columns compared, "
          f"{bad} cells differ")
    return bad == 0 and len(da) == len(db)


def times(name, fa, fb, mb=None):
    def read(f):
        rows = [list(map(float, line.split())) for line in open(f) if line.strip()]
        return ([r[0] for r in rows], [r[1] + r[2] for r in rows], [r[3] / 1024 for r in rows])
    wa, ca, ma = read(fa)
    wb, cb, mbb = read(fb)
    med = statistics.median
    print(f"  {name}: fundsim wall {med(wa):.3f} s, CPU {med(ca):.3f} s, peak {med(ma):.0f} MB "
          f"(runs: {' '.join(f'{x:.2f}' for x in wa)})")
    print(f"  {name}: peer    wall {med(wb):.3f} s, CPU {med(cb):.3f} s, peak {med(mbb):.0f} MB "
          f"(runs: {' '.join(f'{x:.2f}' for x in wb)})")
    print(f"  {name}: ratio peer/fundsim, medians: wall {med(wb) / med(wa):.1f}x, CPU {med(cb) / med(ca):.1f}x")
    if mb:
        mb = float(mb)
        print(f"  {name}: {mb:.1f} MB input: fundsim {mb / med(ca):.0f} MB/s CPU ({mb / med(wa):.0f} wall), "
              f"peer {mb / med(cb):.0f} MB/s CPU")
    return True


if __name__ == "__main__":
    what, args = sys.argv[1], sys.argv[2:]
    ok = {"run": run, "sweep": sweep, "ingest": ingest, "times": times}[what](*args)
    sys.exit(0 if ok else 1)
