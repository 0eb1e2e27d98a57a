#!/usr/bin/python3
"""The pandas peer of fundsim (issue 17): what a capable LA analyst would write instead of fundsim.

A benchmark, not a test: `bench/peer/compare.sh` runs it beside fundsim and prints both times and the
ratio. It does the same work as fundsim for the NFF-shaped formulas (formulas/nff-*.json and the demo
scenarios): the factors column-wise, each line rounded half away from zero to the penny, the MPPL, the MFG,
capping and scaling, the scaling lever bisected to the budget, grants and notional SEN, the outputs
written. Factor kinds it does not know, and filters (phases, status), are refused rather than guessed.

  peer.py run    --census C --formula F --out DIR
  peer.py sweep  --census C --formula F --vary PATH=FROM:TO:STEP [--vary ...] --out DIR
  peer.py ingest --pupils P --schools S --idaci L --bands B --census-date D --out C

Uses Debian's python3-pandas (run with /usr/bin/python3).
"""
import argparse
import copy
import json
import os
import sys

import numpy as np
import pandas as pd


# ---------------------------------------------------------------- money (docs/funding-model.md §7)
def round_half_away(x):
    t = np.trunc(x)
    frac = x - t
    return t + (frac >= 0.5) - (frac <= -0.5)


def round_penny(x):
    micro = round_half_away(np.asarray(x, dtype=float) * 1e6)
    return round_half_away(micro / 1e4) / 100.0


def pennies(x):
    """Exact sum of amounts that are whole pennies, in pounds."""
    return int(np.rint(np.asarray(x) * 100.0).astype(np.int64).sum()) / 100.0


# ---------------------------------------------------------------- formula files
def merge_patch(target, patch):
    if not isinstance(patch, dict):
        return copy.deepcopy(patch)
    out = dict(target) if isinstance(target, dict) else {}
    for k, v in patch.items():
        if v is None:
            out.pop(k, None)
        else:
            out[k] = merge_patch(out.get(k), v)
    return out


def load_formula(path):
    with open(path) as f:
        doc = json.load(f)
    if "base" in doc and "changes" in doc:  # a scenario: its changes over its base formula
        base = load_formula(os.path.join(os.path.dirname(path), doc["base"]))
        out = merge_patch(base, doc["changes"])
        out["name"] = doc.get("name", out.get("name"))
        return out
    return doc


def set_pointer(doc, pointer, value):
    keys = [k.replace("~1", "/").replace("~0", "~") for k in pointer.split("/")[1:]]
    node = doc
    for k in keys[:-1]:
        node = node[k]
    node[keys[-1]] = value


# ---------------------------------------------------------------- census
PHASE_YG = {"primary": (7, 0, 0), "secondary": (0, 3, 2), "all_through": (7, 3, 2)}


def prepare(census):
    """The census's numeric columns as numpy arrays (blank = 0), year groups defaulted by phase."""
    df = census
    cols = {}
    for name in df.columns:
        if df[name].dtype.kind in "fiub":
            cols[name] = df[name].fillna(0).to_numpy(dtype=float)
    for k, name in enumerate(("primary_year_groups", "ks3_year_groups", "ks4_year_groups")):
        default = df["phase"].map(lambda p: PHASE_YG.get(p, (np.nan,) * 3)[k])
        given = df[name] if name in df.columns else pd.Series(np.nan, index=df.index)
        cols["yg_" + name.split("_")[0]] = given.fillna(default).to_numpy(dtype=float)
    cols["yg"] = cols["yg_primary"] + cols["yg_ks3"] + cols["yg_ks4"]
    cols["nor"] = cols["nor_primary"] + cols["nor_ks3"] + cols["nor_ks4"]
    cols["phase"] = df["phase"].to_numpy()
    cols["primary"] = cols["phase"] == "primary"
    cols["has_baseline"] = (cols["mfg_baseline_pupils"] > 0).astype(float)
    return cols


# ---------------------------------------------------------------- factors (docs/funding-model.md §3)
def factor_amount(f, c):
    kind, rate = f["kind"], f.get("rate")
    if "phases" in f or "status" in f:
        raise NotImplementedError("factor filters are not in the peer")
    if kind == "per_pupil":
        return 0.0 + rate["primary"] * c["nor_primary"] + rate["ks3"] * c["nor_ks3"] + rate["ks4"] * c["nor_ks4"]
    if kind == "per_unit":
        m = f["measure"]
        return 0.0 + rate["primary"] * c[m + "_primary"] + rate["secondary"] * c[m + "_secondary"]
    if kind == "banded":
        m, total = f["measure"], 0.0
        for band, r in rate.items():
            total = total + r["primary"] * c[f"{m}_{band}_primary"]
            total = total + r["secondary"] * c[f"{m}_{band}_secondary"]
        return total
    if kind == "per_unit_above_threshold":
        m, t = f["measure"], f["threshold"]
        funded_p = np.maximum(c[m + "_primary"] - t * c["nor_primary"], 0.0)
        funded_s = np.maximum(c[m + "_secondary"] - t * (c["nor_ks3"] + c["nor_ks4"]), 0.0)
        return 0.0 + rate["primary"] * funded_p + rate["secondary"] * funded_s
    if kind == "lump_sum":
        ph = c["phase"]
        out = np.where(ph == "primary", rate["primary"], rate["secondary"]).astype(float)
        mid = ph == "middle"
        if "middle" in rate:
            out[mid] = rate["middle"]
        else:
            out[mid] = ((c["yg_primary"] * rate["primary"] + (c["yg_ks3"] + c["yg_ks4"]) * rate["secondary"])
                        / c["yg"])[mid]
        if "all_through" in rate:
            out[ph == "all_through"] = rate["all_through"]
        return out
    if kind == "sparsity":
        ph = pd.Series(c["phase"])
        M = ph.map(f["maximum"]).to_numpy(dtype=float)
        T = ph.map(f["distance_threshold"]).to_numpy(dtype=float)
        B = ph.map(f["year_group_threshold"]).to_numpy(dtype=float)
        D = c["sparsity_distance"]
        A = c["nor"] / c["yg"]
        ok = (D > 0.8 * T) if f.get("distance_taper") else (D >= T)
        eligible = (A < B) & ok
        dw = np.where(D >= T, 1.0, (D - 0.8 * T) / (0.2 * T))
        taper = f.get("year_group_taper", "nff")
        if taper == "linear":
            yw = 1.0 - A / B
        elif taper == "none":
            yw = np.ones_like(A)
        else:
            yw = np.where(c["primary"], np.where(A < B / 2, 1.0, (B - A) / (B / 2)), 1.0 - A / B)
        return np.where(eligible, M * yw * dw, 0.0)
    if kind == "per_column":
        total = 0.0
        for col, r in rate.items():
            total = total + r * c[col]
        return total
    if kind == "actual":
        return c[f["column"]].copy()
    raise NotImplementedError(f"factor kind {kind} is not in the peer")


# ---------------------------------------------------------------- one run
def calculate(c, formula):
    """Factors, MPPL, MFG, capping; the scaling lever solved when the formula's budget asks for it."""
    n = len(c["nor"])
    raw = {fid: np.broadcast_to(factor_amount(f, c), (n,)).astype(float) for fid, f in formula["factors"].items()}
    lines = {fid: round_penny(v) for fid, v in raw.items()}
    formula_raw = sum(raw.values())
    formula_total = sum(lines.values())
    nor = c["nor"]

    mppl = formula.get("mppl")
    if mppl:
        L = mppl["level"]
        level = (c["yg_primary"] * L["primary"] + c["yg_ks3"] * L.get("ks3", L.get("secondary"))
                 + c["yg_ks4"] * L.get("ks4", L.get("secondary"))) / c["yg"]
        counted = formula_raw - sum(raw[x] for x in mppl.get("excludes", []))
        mppl_raw = np.maximum(level * nor - counted, 0.0)
    else:
        level, counted, mppl_raw = np.zeros(n), formula_raw, np.zeros(n)
    mppl_topup = round_penny(mppl_raw)

    mfg = formula.get("mfg")
    m = mfg["percent"] if mfg else 0.0
    has = c["has_baseline"] > 0
    excluded = sum(raw[x] for x in mfg.get("excludes", [])) if mfg else 0.0
    pp1 = (formula_raw + mppl_raw - excluded) / nor
    with np.errstate(divide="ignore", invalid="ignore"):
        pp0 = np.where(has, c["mfg_baseline_funding"] / np.maximum(c["mfg_baseline_pupils"], 1e-300), 0.0)
        change = np.where(has, pp1 / np.maximum(pp0, 1e-300) - 1.0, 0.0)
    mfg_raw = np.where(has, np.maximum(pp0 * (1.0 + m) - pp1, 0.0) * nor, 0.0) if mfg else np.zeros(n)
    mfg_topup = round_penny(mfg_raw)

    cappable = c["has_baseline"] * (1.0 - c["growing"])
    limit = np.maximum(counted + mppl_raw - level * nor, 0.0)
    capping = formula.get("capping", {"cap": 0.0, "scaling": 0.0})
    cap = capping["cap"]
    excess = cappable * np.maximum(change - cap, 0.0) * pp0 * nor
    before = formula_total + mppl_topup + mfg_topup

    def shares(s):
        deduction = round_penny(np.minimum(s * excess, limit))
        return before - deduction, deduction

    s = capping["scaling"]
    budget = formula.get("budget")
    out = {"available": None, "headroom": None, "lever": None}
    if budget and budget.get("solve_for", "none") != "none":
        if budget["solve_for"] != "scaling":
            raise NotImplementedError("the peer solves the scaling lever only")
        block = budget["schools_block"]
        taken = 0.0
        for d in budget.get("deductions", {}).values():
            taken += float(round_penny(d["percent"] * block if "percent" in d else d["amount"]))
        available = float(round_penny(block - taken))
        total = lambda x: pennies(shares(x)[0])  # noqa: E731
        if total(0.0) <= available:
            s = 0.0
        elif total(1.0) > available:
            raise ValueError("cannot balance by scaling")
        else:  # bisection to neighbouring doubles: the least scaling at which the total fits
            good, bad = 1.0, 0.0
            while True:
                mid = good + (bad - good) / 2
                if mid == good or mid == bad:
                    break
                if total(mid) <= available:
                    good = mid
                else:
                    bad = mid
            s = good
        out["available"] = available
        out["lever"] = s
    share, deduction = shares(s)
    if out["available"] is not None:
        out["headroom"] = float(round_penny(out["available"] - pennies(share)))
    res = {"raw": raw, "lines": lines, "formula_total": formula_total, "level": level,
           "mppl_topup": mppl_topup, "pp0": pp0, "pp1": pp1, "change": change, "mfg_topup": mfg_topup,
           "capping_deduction": deduction, "budget_share": share}
    res.update(out)
    return res


def after_share(c, formula, res):
    if formula.get("de_delegation"):
        raise NotImplementedError("de-delegation is not in the peer")
    grants = {}
    for gid, g in formula.get("grants", {}).items():
        parts = g.values() if "kind" not in g else [g]
        grants[gid] = sum(round_penny(factor_amount(p, c)) for p in parts)
    sen = sum(pct * res["lines"][fid] for fid, pct in formula.get("notional_sen", {}).items())
    return grants, round_penny(sen)


def totals(res):
    return {"total_budget_share": pennies(res["budget_share"]),
            "mfg_total": pennies(res["mfg_topup"]), "schools_on_mfg": int((res["mfg_topup"] > 0).sum()),
            "capping_total": pennies(res["capping_deduction"]),
            "schools_capped": int((res["capping_deduction"] > 0).sum()),
            "mppl_total": pennies(res["mppl_topup"]), "schools_on_mppl": int((res["mppl_topup"] > 0).sum())}


def cmd_run(a):
    formula = load_formula(a.formula)
    census = pd.read_csv(a.census)
    c = prepare(census)
    res = calculate(c, formula)
    grants, sen = after_share(c, formula, res)
    out = census[["urn", "laestab", "name", "phase", "status", "area"]].copy()
    out["nor"] = census["nor_primary"] + census["nor_ks3"] + census["nor_ks4"]
    for fid, v in res["lines"].items():
        out[fid] = v
    out["formula_total"] = res["formula_total"]
    out["mppl_level"] = round_penny(res["level"])
    out["mppl_topup"] = res["mppl_topup"]
    has = c["has_baseline"] > 0
    out["mfg_baseline_per_pupil"] = np.where(has, round_penny(res["pp0"]), np.nan)
    out["mfg_per_pupil"] = round_penny(res["pp1"])
    out["mfg_change"] = np.where(has, pd.Series(np.round(res["change"], 6) + 0.0).map("{:.6f}".format), "")
    out["mfg_topup"] = res["mfg_topup"]
    out["capping_deduction"] = res["capping_deduction"]
    out["budget_share"] = res["budget_share"]
    out["budget_share_per_pupil"] = round_penny(res["budget_share"] / c["nor"])
    out["delegated_budget"] = res["budget_share"]
    for gid, v in grants.items():
        out[gid] = v
    out["notional_sen"] = sen
    flags = pd.DataFrame({"new": c["has_baseline"] == 0, "mfg": res["mfg_topup"] > 0,
                          "capped": res["capping_deduction"] > 0, "mppl": res["mppl_topup"] > 0})
    out["flags"] = flags.apply(lambda row: ";".join(k for k, v in row.items() if v), axis=1)
    os.makedirs(a.out, exist_ok=True)
    out.to_csv(os.path.join(a.out, "allocations.csv"), index=False, float_format="%.2f")
    summary = {"formula": formula.get("name"), "schools": len(out), "pupils": float(c["nor"].sum())}
    summary.update(totals(res))
    summary.update({"available": res["available"], "headroom": res["headroom"], "lever": res["lever"],
                    "factors": {fid: pennies(v) for fid, v in res["lines"].items()},
                    "grants": {gid: pennies(v) for gid, v in grants.items()},
                    "notional_sen_total": pennies(sen)})
    with open(os.path.join(a.out, "summary.json"), "w") as f:
        json.dump(summary, f, indent=2)


def cmd_sweep(a):
    base = load_formula(a.formula)
    c = prepare(pd.read_csv(a.census))
    axes = []
    for spec in a.vary:
        path, rng = spec.rsplit("=", 1)
        lo, hi, step = (float(x) for x in rng.split(":"))
        k = int(round((hi - lo) / step))
        axes.append((path, [float(f"{lo + i * step:.15g}") + 0.0 for i in range(k + 1)]))
    grid = pd.MultiIndex.from_product([v for _, v in axes], names=[p for p, _ in axes]).to_frame(index=False)
    rows = []
    for values in grid.itertuples(index=False):
        f = copy.deepcopy(base)
        for (path, _), v in zip(axes, values):
            set_pointer(f, path, v)
        try:
            res = calculate(c, f)
            row = totals(res)
            row.update(status="ok", available=res["available"], headroom=res["headroom"], lever=res["lever"])
        except ValueError as e:
            row = {"status": "cannot_balance", "error": str(e)}
        rows.append(row)
    out = pd.concat([grid, pd.DataFrame(rows)], axis=1)
    os.makedirs(a.out, exist_ok=True)
    out.to_csv(os.path.join(a.out, "sweep.csv"), index=False, float_format="%.10g")


# ---------------------------------------------------------------- ingest (docs/interfaces.md §4)
YEARS = ["R"] + [str(y) for y in range(1, 12)]
FLAGS = ["fsm", "fsm6", "eal3", "lpa", "pp_ever6", "pp_plac", "pp_service"]


def cmd_ingest(a):
    p = pd.read_csv(a.pupils, dtype={"upn": str, "urn": np.int64, "nc_year": str, "enrolment": str,
                                     "lsoa": str, "entry_date": str, **{f: np.int8 for f in FLAGS}})
    p["enrolment"] = p["enrolment"].fillna("C")
    p = p[p["nc_year"].isin(YEARS) & p["enrolment"].isin(["C", "M"])]
    if p["upn"].duplicated().any():
        raise SystemExit(f"{a.pupils}: a pupil is counted twice")
    schools = pd.read_csv(a.schools)
    if not p["urn"].isin(schools["urn"]).all():
        raise SystemExit(f"{a.pupils}: a pupil's school is not in {a.schools}")
    idaci = pd.read_csv(a.idaci, dtype={"lsoa": str, "idaci_rank": np.int64})
    with open(a.bands) as f:
        bands = {k: v for k, v in json.load(f).items() if len(k) == 1}
    p = p.merge(idaci, on="lsoa", how="left")
    if p["idaci_rank"].isna().any() and p.loc[p["idaci_rank"].isna(), "lsoa"].notna().any():
        raise SystemExit(f"{a.pupils}: an LSOA is not in {a.idaci}")
    names, cuts = list(bands), list(bands.values())
    p["band"] = pd.cut(p["idaci_rank"], [0] + cuts, labels=names)
    # Mobile: joined within three years before the census day, not in August or September, except a
    # Reception pupil joining in January.
    day = pd.Timestamp(a.census_date)
    entry = pd.to_datetime(p["entry_date"], format="%Y-%m-%d")
    month = entry.dt.month
    p["mobility"] = ((entry > day - pd.DateOffset(years=3)) & (entry <= day) & ~month.isin([8, 9])
                     & ~((p["nc_year"] == "R") & (month == 1))).astype(np.int8)
    p["group"] = np.where(p["nc_year"].isin(YEARS[:7]), "primary", "secondary")
    nor = p.pivot_table(index="urn", columns="nc_year", values="upn", aggfunc="count", fill_value=0)
    nor = nor.reindex(columns=YEARS, fill_value=0)
    nor.columns = ["nor_" + ("r" if y == "R" else "y" + y) for y in YEARS]
    nor["nor_primary"] = nor.iloc[:, :7].sum(axis=1)
    nor["nor_ks3"] = nor[["nor_y7", "nor_y8", "nor_y9"]].sum(axis=1)
    nor["nor_ks4"] = nor[["nor_y10", "nor_y11"]].sum(axis=1)
    counts = p.groupby(["urn", "group"])[FLAGS[:4] + ["mobility"] + FLAGS[4:5]].sum().unstack(fill_value=0)
    counts.columns = [f"{f}_{g}" for f, g in counts.columns]
    idx = p.groupby(["urn", "band", "group"], observed=False).size().unstack(["band", "group"], fill_value=0)
    idx.columns = [f"idaci_{b}_{g}" for b, g in idx.columns]
    other = p.groupby("urn")[["pp_plac", "pp_service"]].sum()
    out = schools.merge(nor.join(counts).join(idx).join(other).fillna(0).astype(np.int64).reset_index(),
                        on="urn", how="inner")
    out.to_csv(a.out, index=False)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run")
    r.add_argument("--census", required=True)
    r.add_argument("--formula", required=True)
    r.add_argument("--out", required=True)
    s = sub.add_parser("sweep")
    s.add_argument("--census", required=True)
    s.add_argument("--formula", required=True)
    s.add_argument("--vary", action="append", required=True)
    s.add_argument("--out", required=True)
    i = sub.add_parser("ingest")
    for k in ("pupils", "schools", "idaci", "bands", "census-date", "out"):
        i.add_argument("--" + k, required=True)
    a = ap.parse_args()
    {"run": cmd_run, "sweep": cmd_sweep, "ingest": cmd_ingest}[a.cmd](a)


if __name__ == "__main__":
    sys.exit(main())
