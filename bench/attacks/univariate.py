"""Seeded hostile-input battery (issue 17): POSTs extreme but valid inputs and reports any 5xx or NaN.
usage: python3 THIS [SEED] [http://127.0.0.1:8080]"""
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import defective, post, report, setup  # noqa: E402

B = setup(1)
bad=[]; n=0
P=[1e-300,1e-10,0.5,1,3,1e10,1e300]; L=[-1e300,-1,0,1e-10,1e300]; PR=[1e-300,1e-10,0.3,1-1e-10]
fams=[("Normal",lambda:{"loc":random.choice(L),"scale":random.choice(P)}),("Laplace",lambda:{"loc":random.choice(L),"scale":random.choice(P)}),
("Gumbel",lambda:{"loc":random.choice(L),"scale":random.choice(P)}),("Cauchy",lambda:{"loc":random.choice(L),"scale":random.choice(P)}),
("StudentT",lambda:{"df":random.choice(P),"loc":random.choice(L),"scale":random.choice(P)}),("Gamma",lambda:{"concentration":random.choice(P),"rate":random.choice(P)}),
("Beta",lambda:{"concentration1":random.choice(P),"concentration0":random.choice(P)}),("Exponential",lambda:{"rate":random.choice(P)}),
("Uniform",lambda:(lambda a:{"low":a,"high":a+random.choice(P)})(random.choice(L))),("Pareto",lambda:{"scale":random.choice(P),"alpha":random.choice(P)}),
("Weibull",lambda:{"scale":random.choice(P),"concentration":random.choice(P)}),("LogNormal",lambda:{"loc":random.choice(L),"scale":random.choice(P)}),
("Poisson",lambda:{"rate":random.choice([1e-300,0.5,3,1e10])}),("Bernoulli",lambda:{"probs":random.choice(PR)}),("ContinuousBernoulli",lambda:{"logits":random.choice([-1e308,-800,0,1e-10,30,1e308])}),
("HalfNormal",lambda:{"scale":random.choice(P)}),("HalfCauchy",lambda:{"scale":random.choice(P)})]
for _ in range(500):
    fp=random.choice(fams); fq=fp if random.random()<0.5 else random.choice(fams)
    body={"p":{"family":fp[0],"params":fp[1]()},"q":{"family":fq[0],"params":fq[1]()},"method":random.choice(["auto","monteCarlo"]),"monteCarlo":{"samples":300}}
    s,txt=post(B, '/v1/divergences/parametric',body); n+=1
    if defective(s, txt): bad.append((s,json.dumps(body)[:250],txt[:250]))
report(n, bad)
