"""Deterministic drift payloads: python3 gen.py [ROWS] [OUT]  (default 100000 rows -> ../payloads/drift-100k.json).

20 columns, the shape issue 16 asks for: 15 numerical (10 continuous floats, 2 floats with ~1 % missing,
3 integers with many values) and 5 categorical (3 string columns, one with missing values and one with a
category new in the current window, a boolean, an integer column with 6 values). Some columns drift (shifted
mean or scale, changed shares), the others do not. Floats are written with 6 decimals, as a DataFrame exported
with to_dict("list") and rounded typically is. The same seed gives the same bytes."""
import json, random, sys

rows = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
out = sys.argv[2] if len(sys.argv) > 2 else f"../payloads/drift-{rows // 1000}k.json"
rng = random.Random(20261126)


def floats(n, mu, sigma, missing=0.0):
    return [None if missing and rng.random() < missing else round(rng.gauss(mu, sigma), 6) for _ in range(n)]


def ints(n, mu, sigma):
    return [int(round(rng.gauss(mu, sigma))) for _ in range(n)]


def cats(n, labels, weights, missing=0.0):
    return [None if missing and rng.random() < missing else rng.choices(labels, weights)[0] for _ in range(n)]


def window(n, drifted):
    w = {}
    for i in range(10):
        shift = 0.15 if drifted and i in (1, 4, 7) else 0.0
        scale = 1.3 if drifted and i == 9 else 1.0
        w[f"f{i}"] = floats(n, 10 * i + shift * (i + 1), scale * (1 + i / 10))
    w["m0"] = floats(n, 0, 1, 0.01)
    w["m1"] = floats(n, 5 + (0.1 if drifted else 0), 2, 0.01)
    w["age"] = ints(n, 40 + (2 if drifted else 0), 12)
    w["visits"] = ints(n, 200, 60)
    w["score"] = ints(n, 600, 80)
    w["plan"] = cats(n, ["basic", "plus", "pro", "team"], [50, 25, 20, 5] if not drifted else [45, 25, 24, 6])
    w["region"] = cats(n, ["north", "south", "east", "west", "central"] if drifted else ["north", "south", "east", "west"],
                       [30, 30, 20, 20, 1] if drifted else [30, 30, 20, 20], 0.01)
    w["device"] = cats(n, ["ios", "android", "web"], [40, 40, 20])
    w["churned"] = [rng.random() < (0.12 if drifted else 0.1) for _ in range(n)]
    w["tier"] = [rng.choice([1, 2, 3, 4, 5, 6]) for _ in range(n)]
    return w


body = {"reference": window(rows, False), "current": window(rows, True)}
with open(out, "w") as f:
    json.dump(body, f, separators=(",", ":"))
print(out)
