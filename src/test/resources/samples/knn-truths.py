"""True KL(P || Q) for the seeded k-NN accuracy suite (KnnAccuracySuiteTest), by adaptive quadrature.

Every family is a product of one-dimensional factors (or, for the mixture, reduces to one along the direction
of its means), so each truth is a sum of one-dimensional integrals:
  gaussian   P = N(0, I_d), Q = N(mu 1, s2 I_d), mu = sqrt(0.8 / d), s2 = 1.3 (closed form, also checked here)
  relu       the coordinate-wise ReLU of the gaussian pair: per coordinate an atom at 0 plus a density on (0, inf)
  student3   P = t_3(0, 1)^d, Q = t_3(mu, sqrt(s2))^d (location-scale Student t, 3 degrees of freedom)
  mixture    P = 1/2 N(-a 1, I) + 1/2 N(a 1, I), a = 1.5 / sqrt(d) (means +-1.5 along u = 1/sqrt(d)),
             Q = N(0, (1 + a^2) I): the one-dimensional KL along u plus (d - 1) KL(N(0, 1) || N(0, 1 + a^2))
Run: python3 knn-truths.py > knn-truths.json
"""
import json
import numpy as np
from scipy import integrate, stats

S2 = 1.3
DIMS = [1, 2, 4, 8, 16, 32]


def quad(f, a, b):
    return integrate.quad(f, a, b, epsabs=1e-14, epsrel=1e-12, limit=500)[0]


def gaussian(d):
    mu = np.sqrt(0.8 / d)
    return 0.5 * d * (1 / S2 + mu * mu / S2 - 1 + np.log(S2))


def gaussian_by_quadrature(d):
    mu, s = np.sqrt(0.8 / d), np.sqrt(S2)
    return d * quad(lambda t: stats.norm.pdf(t) * (stats.norm.logpdf(t) - stats.norm.logpdf(t, mu, s)), -40, 40)


def relu(d):
    mu, s = np.sqrt(0.8 / d), np.sqrt(S2)
    ap, aq = stats.norm.cdf(0), stats.norm.cdf(-mu / s)
    cont = quad(lambda t: stats.norm.pdf(t) * (stats.norm.logpdf(t) - stats.norm.logpdf(t, mu, s)), 0, 40)
    return d * (ap * np.log(ap / aq) + cont)


def student3(d):
    mu, s = np.sqrt(0.8 / d), np.sqrt(S2)
    f = lambda t: stats.t.pdf(t, 3) * (stats.t.logpdf(t, 3) - stats.t.logpdf(t, 3, mu, s))
    return d * (quad(f, -np.inf, 0) + quad(f, 0, np.inf))


def mixture(d):
    a = 1.5 / np.sqrt(d)
    v = 1 + a * a
    lp = lambda t: np.logaddexp(stats.norm.logpdf(t, -1.5, 1), stats.norm.logpdf(t, 1.5, 1)) - np.log(2)
    along = quad(lambda t: np.exp(lp(t)) * (lp(t) - stats.norm.logpdf(t, 0, np.sqrt(v))), -40, 40)
    return along + (d - 1) * 0.5 * (1 / v - 1 + np.log(v))


out = {}
for d in DIMS:
    assert abs(gaussian(d) - gaussian_by_quadrature(d)) < 1e-12
    out[str(d)] = {"gaussian": gaussian(d), "relu": relu(d), "student3": student3(d), "mixture": mixture(d)}
print(json.dumps({"s2": S2, "truths": out}, indent=1))
