"""Reference values of the drift tests, from SciPy 1.10.1 and NumPy 1.24.2 (Debian 12's python3-scipy and
python3-numpy): /usr/bin/python3 scipy_reference.py > scipy-reference.json

Each case holds its data and what scipy/numpy answer for it, computed the way Evidently 0.7 calls them; the
Java test (compute.drift.DriftTestsReferenceTest) feeds the same data to compute.drift and compares. The data are
drawn from a seeded NumPy generator and rounded, so the file is reproducible with these versions."""
import json, math, collections
import numpy as np, scipy
from scipy import stats
from scipy.spatial import distance

assert scipy.__version__ == "1.10.1", scipy.__version__
rng = np.random.default_rng(20261126)


def r(x, d=4):
    return [round(float(v), d) for v in x]


def numeric_case(name, x, y):
    x = np.asarray(x, float); y = np.asarray(y, float)
    out = {"name": name, "x": x.tolist(), "y": y.tolist()}
    ks = stats.ks_2samp(x, y)
    out["ks"] = [float(ks.statistic), float(ks.pvalue)]
    out["wassersteinNormed"] = float(stats.wasserstein_distance(x, y) / max(float(np.std(x)), 0.001))
    out["energyDistance"] = float(stats.energy_distance(x, y))
    t = stats.ttest_ind(x, y)
    out["tTest"] = [float(t.statistic), float(t.pvalue)]
    mw = stats.mannwhitneyu(x, y, alternative="less")
    out["mannWhitney"] = [float(mw.statistic), float(mw.pvalue)]
    if len(np.unique(np.concatenate([x, y]))) > 1:
        ad = stats.anderson_ksamp([x, y])
        out["andersonDarling"] = [float(ad.statistic), float(ad.significance_level)]
    if len(x) > 1 and len(y) > 1:
        cvm = stats.cramervonmises_2samp(x, y)
        out["cramerVonMises"] = [float(cvm.statistic), float(cvm.pvalue)]
    if len(x) >= 5 and len(y) >= 5 and stats.iqr(np.hstack((x, y))) > 0:
        es = stats.epps_singleton_2samp(x, y)
        out["eppsSingleton"] = [float(es.statistic), float(es.pvalue)]
    # Evidently's binning of a numerical column (reference distinct > 20: Sturges over both, else per value)
    if len(np.unique(x)) > 20:
        bins = np.histogram_bin_edges(np.concatenate([x, y]), bins="sturges")
        rp = np.histogram(x, bins)[0] / len(x); cp = np.histogram(y, bins)[0] / len(y)
        out["sturgesEdges"] = bins.tolist()
    else:
        keys = sorted(set(x) | set(y))
        rc = collections.Counter(x); cc = collections.Counter(y)
        rp = np.array([rc[k] / len(x) for k in keys]); cp = np.array([cc[k] / len(y) for k in keys])
    out["jensenShannon"] = float(distance.jensenshannon(rp, cp))
    rf, cf = fill(rp.copy()), fill(cp.copy())
    out["psi"] = float(np.sum((rf - cf) * np.log(rf / cf)))
    out["kl"] = float(stats.entropy(rf, cf))
    keys = list(set(x) | set(y))
    bins = np.histogram_bin_edges(keys, bins="sturges")
    h1 = np.histogram(x, bins=bins, density=True)[0]; h2 = np.histogram(y, bins=bins, density=True)[0]
    w = (max(bins) - min(bins)) / (len(bins) - 1)
    out["hellingerNumerical"] = math.sqrt(1 - np.clip(sum(math.sqrt(a * b) * w for a, b in zip(h1, h2)), 0, 1))
    return out


def fill(p):
    m = min(p[p != 0])
    np.place(p, p == 0, m / 10**6 if m <= 0.0001 else 0.0001)
    return p


def counts_case(name, ref, cur, labels):
    ref = np.asarray(ref); cur = np.asarray(cur)
    out = {"name": name, "reference": ref.tolist(), "current": cur.tolist(), "labels": labels}
    exp = ref * (cur.sum() / ref.sum())
    with np.errstate(all="ignore"):
        chi = stats.chisquare(cur, exp)
    out["chiSquare"] = [float(chi.statistic), float(chi.pvalue)]
    if ref.sum() == cur.sum():
        g = stats.power_divergence(cur, ref, lambda_="log-likelihood")
    else:
        g = stats.power_divergence(cur, exp, lambda_="log-likelihood")
    out["gTest"] = [float(g.statistic), float(g.pvalue)]
    rs = [labels[i] for i in range(len(labels)) for _ in range(ref[i])]
    cs = [labels[i] for i in range(len(labels)) for _ in range(cur[i])]
    first = sorted(labels)[0]
    a = np.array([0 if v == first else 1 for v in rs]); b = np.array([0 if v == first else 1 for v in cs])
    n1, n2 = len(a), len(b); p1 = float(sum(a)) / n1; p2 = float(sum(b)) / n2
    P = float(p1 * n1 + p2 * n2) / (n1 + n2)
    z = (p1 - p2) / np.sqrt(P * (1 - P) * (1.0 / n1 + 1.0 / n2))
    out["zTest"] = [float(z), float(2 * (1 - stats.norm.cdf(np.abs(z))))]
    rp = ref / ref.sum(); cp = cur / cur.sum()
    out["jensenShannon"] = float(distance.jensenshannon(rp, cp))
    rf, cf = fill(rp.astype(float)), fill(cp.astype(float))
    out["psi"] = float(np.sum((rf - cf) * np.log(rf / cf)))
    out["kl"] = float(stats.entropy(rf, cf))
    out["hellinger"] = math.sqrt(1 - np.clip(sum(math.sqrt(a_ * b_) for a_, b_ in zip(ref / ref.sum(), cur / cur.sum())), 0, 1))
    if len(labels) == 2:
        out["fisherExact"] = float(stats.fisher_exact([[cur[1], cur[0]], [ref[1], ref[0]]])[1])
    # the total-variation permutation test as Evidently draws it (np.random.seed(0), choice without replacement)
    def tvd(x_, y_):
        xc = collections.Counter(x_); yc = collections.Counter(y_)
        xa = np.array([xc.get(k, 0) for k in labels]); ya = np.array([yc.get(k, 0) for k in labels])
        return 0.5 * np.sum(np.abs(xa / sum(xa) - ya / sum(ya)))
    observed = tvd(rs, cs)
    np.random.seed(0)
    stats_ = []
    for _ in range(1000):
        comb = rs + cs
        new_ref = np.random.choice(comb, len(rs), replace=False).tolist()
        rest = list((collections.Counter(comb) - collections.Counter(new_ref)).elements())
        stats_.append(tvd(new_ref, rest))
    out["totalVariation"] = [float(observed), float(sum(observed <= np.abs(np.array(stats_))) / 1000)]
    out["referenceRows"] = rs
    out["currentRows"] = cs
    return out


numeric = [
    numeric_case("normal 30 vs 40, shifted", r(rng.normal(0, 1, 30)), r(rng.normal(0.5, 1, 40))),
    numeric_case("integers with ties 15 vs 15", rng.integers(0, 6, 15).tolist(), rng.integers(1, 7, 15).tolist()),
    numeric_case("small 6 vs 8", r(rng.normal(0, 1, 6)), r(rng.normal(1, 1, 8))),
    numeric_case("uniform 300 vs 250", r(rng.uniform(0, 10, 300), 3), r(rng.uniform(0.5, 10.5, 250), 3)),
    numeric_case("lognormal 1200 vs 900", r(rng.lognormal(0, 0.5, 1200)), r(rng.lognormal(0.05, 0.55, 900))),
    numeric_case("same distribution 200 vs 200", r(rng.normal(5, 2, 200)), r(rng.normal(5, 2, 200))),
    numeric_case("ks asymptotic 12000 vs 400", r(rng.normal(0, 1, 12000), 3), r(rng.normal(0.1, 1, 400), 3)),
]
categorical = [
    counts_case("three categories", [30, 20, 10], [25, 25, 15], ["a", "b", "c"]),
    counts_case("a category new in the current window", [30, 20, 0], [25, 20, 5], ["x", "y", "z"]),
    counts_case("binary, equal sizes", [12, 8], [5, 15], ["no", "yes"]),
    counts_case("binary, unequal sizes", [40, 10], [22, 13], ["false", "true"]),
    counts_case("five categories, 400 each", [120, 100, 80, 60, 40], [95, 110, 85, 70, 40], ["e", "d", "c", "b", "a"]),
]
print(json.dumps({"scipy": scipy.__version__, "numpy": np.__version__, "numeric": numeric,
                  "categorical": categorical}))
