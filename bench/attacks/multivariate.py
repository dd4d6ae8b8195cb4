"""Seeded hostile-input battery (issue 17): POSTs extreme but valid inputs and reports any 5xx or NaN.
usage: python3 THIS [SEED] [http://127.0.0.1:8080]"""
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import defective, post, report, setup  # noqa: E402

B = setup(7)
bad=[]; n=0
V=[1e-300,1e-10,0.5,1,2,1e10,1e150,1e300]
L=[-1e300,-1,0,1e-10,1e300]
def mvn(d):
    loc=[random.choice(L) for _ in range(d)]
    k=random.choice(["covariance_matrix","scale_tril","precision_matrix","diag"])
    s=random.choice(V)
    if k=="diag":
        return {"family":"Independent","params":{"base":{"family":"Normal","params":{"loc":loc,"scale":[random.choice(V) for _ in range(d)]}},"reinterpreted_batch_ndims":1}}
    m=[[ (s if i==j else (0.5*s if random.random()<0.3 else 0)) for j in range(d)] for i in range(d)]
    if k=="scale_tril": m=[[ (s if i==j else (0.5*s if j<i else 0)) for j in range(d)] for i in range(d)]
    return {"family":"MultivariateNormal","params":{"loc":loc,k:m}}
def dirichlet(d): return {"family":"Dirichlet","params":{"concentration":[random.choice(V) for _ in range(d)]}}
def wishart(d):
    s=random.choice(V); return {"family":"Wishart","params":{"df":random.choice([d+0.5,d+1e10,1e300]),"covariance_matrix":[[s if i==j else 0 for j in range(d)] for i in range(d)]}}
def lowrank(d):
    return {"family":"LowRankMultivariateNormal","params":{"loc":[random.choice(L) for _ in range(d)],"cov_factor":[[random.choice(V+[-1e150])] for _ in range(d)],"cov_diag":[random.choice(V) for _ in range(d)]}}
for gen in [mvn,dirichlet,wishart,lowrank]:
  for d in [2,3]:
    for _ in range(60):
      p=gen(d); q=gen(d)
      if gen is mvn and random.random()<0.5: q=mvn(d)
      body={"p":p,"q":q}
      if random.random()<0.2: body["method"]="monteCarlo"; body["monteCarlo"]={"samples":200}
      s,txt=post(B, '/v1/divergences/parametric',body); n+=1
      if defective(s, txt): bad.append((gen.__name__,s,json.dumps(body)[:300],txt[:300]))
report(n, bad)
