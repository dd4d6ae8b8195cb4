"""Seeded hostile-input battery (issue 17): kl-div tensors and drift windows with extreme values; reports 5xx or NaN.
usage: python3 THIS [SEED] [http://127.0.0.1:8080]"""
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import defective, post, report, setup  # noqa: E402

B = setup(11)
bad=[]; n=0
V=[-1.7e308,-1e300,-1,-1e-300,0,5e-324,1e-10,0.5,1,1e10,1e300,1.7e308]
for _ in range(300):
    shape=random.choice([[3],[2,3],[1,4]])
    size=1
    for s in shape: size*=s
    def t():
        flat=[random.choice(V) for _ in range(size)]
        if len(shape)==1: return flat
        return [flat[i*shape[1]:(i+1)*shape[1]] for i in range(shape[0])]
    body={"input":t(),"target":t(),"reduction":random.choice(["mean","sum","batchmean","none"]),"logTarget":random.random()<0.5}
    s,txt=post(B, '/v1/divergences/kl-div',body); n+=1
    if defective(s, txt): bad.append((s,json.dumps(body)[:200],txt[:200]))
W=[-1.7e308,-1e300,0,1e-300,1,1e300,1.7e308,None,"a","b"]
for _ in range(150):
    m=random.choice([1,5,40])
    def col(kind):
        if kind=="num": return [random.choice([v for v in W if isinstance(v,(int,float)) or v is None]) for _ in range(m)]
        return [random.choice(["a","b",None]) for _ in range(m)]
    kinds={"x":random.choice(["num","cat"]),"y":random.choice(["num","cat"])}
    ref={k:col(v) for k,v in kinds.items()}; cur={k:col(v) for k,v in kinds.items()}
    s,txt=post(B, '/v1/drift',{"reference":ref,"current":cur}); n+=1
    if defective(s, txt): bad.append((s,json.dumps({"reference":ref,"current":cur})[:300],txt[:300]))
report(n, bad)
