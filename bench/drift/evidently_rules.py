"""Evidently 0.7's DataDriftPreset column logic, restated on pandas / numpy / scipy: the type inference
(core/datasets.py), the automatic test choice (registry.py), the cleaning (data_drift.py: +-inf to NaN, dropna)
and each test as Evidently's stattests call numpy and scipy. Not Evidently itself (it is not installable on this
machine): the same library calls in the same order, used by evidently_bench.py to time "the bare per-column
computation" and by cross-checks of the service. Python 3 with numpy 1.24, pandas 1.5, scipy 1.10 (Debian 12)."""
import json, sys, math, random, collections
import numpy as np, pandas as pd
from scipy import stats
from scipy.spatial import distance

def infer(s):
    n = s.dtype.name
    if n.startswith('float'): return 'num'
    if n.startswith('int'): return 'cat' if s.nunique() <= 10 else 'num'
    if n == 'object':
        w = s.dropna()
        if w.count() == 0: return None
        if isinstance(w.iloc[0], str) and isinstance(w.iloc[-1], str):
            return 'text' if s.nunique() > s.count() * 0.5 else 'cat'
        return None
    if n in ('bool', 'category'): return 'cat'
    return None

def keys_of(r, c): return list(set(r.dropna().unique()) | set(c.dropna().unique()))

def binned(r, c, t, fill):
    if t == 'num' and r.nunique() > 20:
        comb = np.asarray(pd.concat([r, c], axis=0).values)
        bins = np.histogram_bin_edges(comb, bins='sturges')
        rp = np.histogram(r, bins)[0] / len(r); cp = np.histogram(c, bins)[0] / len(c)
    else:
        keys = keys_of(r, c)
        rd = {**dict.fromkeys(keys, 0), **dict(r.value_counts())}; cd = {**dict.fromkeys(keys, 0), **dict(c.value_counts())}
        rp = np.array([rd[k] / len(r) for k in keys]); cp = np.array([cd[k] / len(c) for k in keys])
    if fill:
        for a in (rp, cp):
            m = min(a[a != 0]); np.place(a, a == 0, m / 10**6 if m <= 0.0001 else 0.0001)
    return rp, cp

def z(r, c):
    if r.nunique() == 1 and c.nunique() == 1 and r.unique()[0] == c.unique()[0]: return 1
    keys = sorted(keys_of(r, c))
    a = r.apply(lambda x: 0 if x == keys[0] else 1); b = c.apply(lambda x: 0 if x == keys[0] else 1)
    n1, n2 = len(a), len(b); p1 = float(sum(a)) / n1; p2 = float(sum(b)) / n2
    P = float(p1 * n1 + p2 * n2) / (n1 + n2)
    zz = (p1 - p2) / np.sqrt(P * (1 - P) * (1.0 / n1 + 1.0 / n2))
    return 2 * (1 - stats.norm.cdf(np.abs(zz)))

def chi(r, c):
    keys = keys_of(r, c)
    rd = {**dict.fromkeys(keys, 0), **dict(r.value_counts())}; cd = {**dict.fromkeys(keys, 0), **dict(c.value_counts())}
    k = c.shape[0] / r.shape[0]
    return stats.chisquare([cd[x] for x in keys], [rd[x] * k for x in keys])[1]

def hell(r, c, t):
    keys = keys_of(r, c)
    if t == 'cat':
        ref = (r.value_counts() / len(r)).to_dict(); cur = (c.value_counts() / len(c)).to_dict()
        h = sum(math.sqrt(float(ref.get(k, 0)) * float(cur.get(k, 0))) for k in keys)
    else:
        bins = np.histogram_bin_edges(keys, bins='sturges')
        h1 = np.histogram(r.to_numpy(), bins=bins, density=True)[0]; h2 = np.histogram(c.to_numpy(), bins=bins, density=True)[0]
        w = (max(bins) - min(bins)) / (len(bins) - 1)
        h = sum(math.sqrt(float(h1[i]) * float(h2[i])) * w for i in range(len(h1)))
    return math.sqrt(1 - np.clip(h, 0, 1))

METHODS = {
 'ks': (0.05, 'le', lambda r, c, t: stats.ks_2samp(r, c)[1]),
 'chisquare': (0.05, 'lt', lambda r, c, t: chi(r, c)),
 'z': (0.05, 'lt', lambda r, c, t: z(r, c)),
 'wasserstein': (0.1, 'ge', lambda r, c, t: stats.wasserstein_distance(r, c) / max(float(np.std(r)), 0.001)),
 'jensenshannon': (0.1, 'ge', lambda r, c, t: distance.jensenshannon(*binned(r, c, t, False))),
 'psi': (0.1, 'ge', lambda r, c, t: (lambda a, b: np.sum((a - b) * np.log(a / b)))(*binned(r, c, t, True))),
 'kl_div': (0.1, 'ge', lambda r, c, t: stats.entropy(*binned(r, c, t, True))),
 'hellinger': (0.1, 'ge', lambda r, c, t: hell(r, c, t)),
 'ed': (0.1, 'gt', lambda r, c, t: stats.energy_distance(r, c)),
 't_test': (0.05, 'lt', lambda r, c, t: stats.ttest_ind(r, c)[1]),
 'mannw': (0.05, 'lt', lambda r, c, t: stats.mannwhitneyu(x=r, y=c, alternative='less')[1]),
 'anderson': (0.1, 'lt', lambda r, c, t: stats.anderson_ksamp([r.values, c.values])[2]),
 'cramer_von_mises': (0.1, 'le', lambda r, c, t: stats.cramervonmises_2samp(r.to_numpy(), c.to_numpy()).pvalue),
 'es': (0.05, 'lt', lambda r, c, t: stats.epps_singleton_2samp(r, c)[1]),
 'g_test': (0.1, 'lt', lambda r, c, t: (lambda keys: stats.power_divergence([dict(c.value_counts()).get(k, 0) for k in keys], [dict(r.value_counts()).get(k, 0) for k in keys], lambda_='log-likelihood')[1])(keys_of(r, c))),
}

def auto(r, c, t):
    n = pd.concat([r, c]).nunique()
    if r.shape[0] <= 1000:
        if t == 'num': return ('chisquare' if n > 2 else 'z') if n <= 5 else 'ks'
        return 'chisquare' if n > 2 else 'z'
    if t == 'num': return 'jensenshannon' if n <= 5 else 'wasserstein'
    return 'jensenshannon'

def run(case):
    ref = pd.DataFrame(case['reference']); cur = pd.DataFrame(case['current'])
    pcm = case.get('per_column_method', {})
    out = {}
    for col in cur.columns:
        if col not in ref.columns: continue
        t = infer(cur[col])
        if t not in ('num', 'cat'): out[col] = {'skip': str(t)}; continue
        r = ref[col].replace([-np.inf, np.inf], np.nan).dropna(); c = cur[col].replace([-np.inf, np.inf], np.nan).dropna()
        if r.empty or c.empty: out[col] = {'skip': 'empty'}; continue
        m = pcm.get(col) or auto(r, c, t)
        thr, cmp, f = METHODS[m]
        try:
            with np.errstate(all='ignore'):
                import warnings; warnings.simplefilter('ignore')
                s = float(f(r, c, t))
        except Exception as e:
            out[col] = {'skip': 'error ' + type(e).__name__ + ' ' + str(e)[:60]}; continue
        d = {'le': s <= thr, 'lt': s < thr, 'ge': s >= thr, 'gt': s > thr}[cmp]
        out[col] = {'type': t, 'method': m, 'score': s, 'drift': bool(d), 'threshold': thr}
    return out

if __name__ == '__main__':
    print(json.dumps(run(json.load(sys.stdin))))
