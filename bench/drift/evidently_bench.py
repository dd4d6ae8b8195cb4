"""Evidently-equivalent timing of a drift payload: python3 evidently_bench.py PAYLOAD [ROUNDS]

1. If the `evidently` package is importable (pip install evidently==0.7.21): Report([DataDriftPreset()]).run(...)
   on the two DataFrames, after one warm-up run; prints `evidently_report_s` (median of ROUNDS).
2. Always: the bare per-column computation, the work Evidently's preset does per column without its report
   machinery: type inference, +-inf/NaN cleaning, the automatic test choice and the test itself, with the same
   numpy/scipy calls (evidently_rules.py); prints `bare_per_column_s` (median of ROUNDS) and the per-column split.
The DataFrames are built once, outside the timings (JSON decoding and DataFrame construction excluded: a caller
of Evidently already has its DataFrames)."""
import json, statistics, sys, time
import numpy as np, pandas as pd
import evidently_rules as rules

path = sys.argv[1]
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
with open(path) as f:
    body = json.load(f)
reference = pd.DataFrame(body["reference"])
current = pd.DataFrame(body["current"])
print(f"rows={len(reference)}/{len(current)} columns={len(current.columns)}")

try:
    from evidently import Report
    from evidently.presets import DataDriftPreset
    Report([DataDriftPreset()]).run(current_data=current, reference_data=reference)
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        Report([DataDriftPreset()]).run(current_data=current, reference_data=reference)
        times.append(time.perf_counter() - t)
    print(f"RESULT evidently_report_s={statistics.median(times):.3f}")
except ImportError:
    print("evidently not installed: Report.run not timed (pip install evidently==0.7.21 to time it)")


def bare():
    split = {}
    for col in current.columns:
        t = time.perf_counter()
        kind = rules.infer(current[col])
        if kind in ("num", "cat"):
            r = reference[col].replace([-np.inf, np.inf], np.nan).dropna()
            c = current[col].replace([-np.inf, np.inf], np.nan).dropna()
            method = rules.auto(r, c, kind)
            threshold, comparison, test = rules.METHODS[method]
            test(r, c, kind)
        split[col] = time.perf_counter() - t
    return split


bare()
runs = []
cpu = []
for _ in range(rounds):
    c0 = time.process_time()
    runs.append(bare())
    cpu.append(time.process_time() - c0)
totals = [sum(s.values()) for s in runs]
print(f"RESULT bare_per_column_s={statistics.median(totals):.3f} bare_per_column_cpu_s={statistics.median(cpu):.3f}")
slowest = sorted(runs[0].items(), key=lambda kv: -kv[1])[:5]
print("slowest columns: " + ", ".join(f"{k}={v * 1000:.0f}ms" for k, v in slowest))
