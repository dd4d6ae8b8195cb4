"""Drift from KLL sketches against drift from the raw values, on the same data (docs/scaling.md).

    python3 summaries.py [URL] [ROWS]          # default http://127.0.0.1:8080, 1,000,000 rows per window

For each column of a seeded pair of windows (Gaussian shifted by 0.1 sd, unshifted Gaussian, lognormal, exponential,
uniform) and each k, it builds both windows' sketches with POST /v1/summaries, then asks POST /v1/drift for each
method twice: from the raw values and from the sketches. It prints the exact score, the sketch's score and its
bounds, whether the exact score lies inside them, and the bytes of one sketch column. Only the service is used:
no DataSketches or Evidently needed here.
"""
import json
import random
import sys
import time
import urllib.request

URL = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080"
ROWS = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
KS = (200, 1000)
METHODS = ("ks", "wasserstein", "jensenShannon", "psi", "kl", "hellinger")


def post(path, body):
    data = json.dumps(body).encode()
    req = urllib.request.Request(URL + path, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=600) as r:
        return json.load(r)


def windows():
    rnd = random.Random(20261126)
    cols = {
        "normal+0.1sd": (lambda: rnd.gauss(0, 1), lambda: rnd.gauss(0.1, 1)),
        "normal": (lambda: rnd.gauss(0, 1), lambda: rnd.gauss(0, 1)),
        "lognormal": (lambda: rnd.lognormvariate(0, 1), lambda: rnd.lognormvariate(0, 1)),
        "exponential*1.05": (lambda: rnd.expovariate(1.0), lambda: rnd.expovariate(1 / 1.05)),
        "uniform": (rnd.random, rnd.random),
    }
    for name, (ref, cur) in cols.items():
        yield name, [ref() for _ in range(ROWS)], [cur() for _ in range(ROWS)]


def main():
    print(f"rows per window: {ROWS:,}")
    print(f"{'column':<17} {'method':<13} {'exact':>11} | " + " | ".join(
        f"k={k}: {'sketch':>11} {'bounds':>25} in" for k in KS))
    for name, ref, cur in windows():
        sketches = {}
        for k in KS:
            r = post("/v1/summaries", {"columns": {name: ref}, "kllK": k})["columns"][name]
            c = post("/v1/summaries", {"columns": {name: cur}, "kllK": k})["columns"][name]
            sketches[k] = (r, c)
        sizes = ", ".join(f"k={k} {len(json.dumps(sketches[k][0]))} B" for k in KS)
        print(f"{name}: one sketch column {sizes}")
        for method in METHODS:
            exact = post("/v1/drift", {"reference": {name: ref}, "current": {name: cur}, "method": method,
                                       "columnTypes": {name: "numerical"}})["columns"][0]
            cells = []
            for k in KS:
                r, c = sketches[k]
                t0 = time.perf_counter()
                a = post("/v1/drift", {"reference": {name: r}, "current": {name: c}, "method": method})
                ms = (time.perf_counter() - t0) * 1000
                col = a["columns"][0]
                lo, hi = col.get("scoreBounds", [col["score"], col["score"]])
                inside = lo <= exact["score"] <= hi
                cells.append(f"{col['score']:11.4g} [{lo:11.4g}, {hi:11.4g}] {'yes' if inside else 'NO'}"
                             f" {ms:5.0f}ms")
            print(f"{'':<17} {method:<13} {exact['score']:11.4g} | " + " | ".join(cells))


if __name__ == "__main__":
    main()
