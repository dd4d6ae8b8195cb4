"""Seeded hostile-input battery (issue 17): POSTs extreme but valid inputs and reports any 5xx or NaN.
usage: python3 THIS [SEED] [http://127.0.0.1:8080]"""
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import defective, post, report, setup  # noqa: E402

B = setup(3)
vals=[0,5e-324,1e-310,1e-300,1e-160,1e-10,0.3,1,1e10,1e160,1e300,1.7e308]
bad=[]; n=0

metrics=["kl","reverseKl","jeffreys","psi","jensenShannon","totalVariation","hellinger","bhattacharyya","chiSquare","crossEntropy","renyi"]
for t in ["counts","probabilities"]:
  for _ in range(400):
    k=random.choice([2,3,5])
    p=[random.choice(vals) for _ in range(k)]; q=[random.choice(vals) for _ in range(k)]
    body={"p":p,"q":q,"inputType":t,"metrics":metrics,"renyiOrders":[0.5,2,3.5],"normalize":True}
    if random.random()<0.3: body["smoothing"]={"method":"epsilon","epsilon":random.choice([1e-300,1e-9,0.1])}
    s,txt=post(B, '/v1/divergences/discrete',body); n+=1
    if defective(s, txt): bad.append((s,body,txt[:200]))
lv=[-1e308,-800,-1,0,1,800,1e308,"-Infinity"]
for t in ["logits","logProbabilities"]:
  for _ in range(300):
    k=random.choice([2,3])
    p=[random.choice(lv) for _ in range(k)]; q=[random.choice(lv) for _ in range(k)]
    s,txt=post(B, '/v1/divergences/discrete',{"p":p,"q":q,"inputType":t,"metrics":metrics,"renyiOrders":[0.5,2,3.5],"normalize":True}); n+=1
    if defective(s, txt): bad.append((s,p,q,t,txt[:200]))
report(n, bad)
