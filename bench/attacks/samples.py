"""Seeded hostile-input battery (issue 17): POSTs extreme but valid inputs and reports any 5xx or NaN.
usage: python3 THIS [SEED] [http://127.0.0.1:8080]"""
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import defective, post, report, setup  # noqa: E402

B = setup(5)
bad=[]; n=0
scales=[1e-308,1e-200,1e-10,1,1e10,1e200,1e307,1.7e308]
for est in ["auto","knn","knnBiasCorrected","gaussian","histogram"]:
  for d in [1,2,6]:
    for _ in range(12):
      sp=random.choice(scales); sq=random.choice(scales); n_=random.choice([5,30,200])
      mk=lambda s: [random.gauss(0,1)*s for _ in range(n_)] if d==1 else [[random.gauss(0,1)*s for _ in range(d)] for _ in range(n_)]
      body={"p":mk(sp),"q":mk(sq),"estimator":est}
      if random.random()<0.3: body["bootstrap"]={"resamples":20}
      s,txt=post(B, '/v1/divergences/samples',body); n+=1
      if defective(s, txt): bad.append((est,d,sp,sq,s,txt[:300]))
report(n, bad)
