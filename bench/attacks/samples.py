"""Seeded hostile-input battery (issue 17): POSTs extreme but valid inputs and reports any 5xx or NaN.
usage: python3 THIS [SEED] [http://127.0.0.1:8080]"""
import json, urllib.request, urllib.error, random, sys
B=(sys.argv[2] if len(sys.argv) > 2 else 'http://127.0.0.1:8080').rstrip('/')
def post(path, body):
    req=urllib.request.Request(B+path, data=json.dumps(body).encode(), headers={'Content-Type':'application/json'})
    try:
        with urllib.request.urlopen(req, timeout=60) as r: return r.status, r.read().decode()
    except urllib.error.HTTPError as e: return e.code, e.read().decode()
random.seed(int(sys.argv[1]) if len(sys.argv) > 1 else 5); bad=[]; n=0
scales=[1e-308,1e-200,1e-10,1,1e10,1e200,1e307,1.7e308]
for est in ["auto","knn","knnBiasCorrected","gaussian","histogram"]:
  for d in [1,2,6]:
    for _ in range(12):
      sp=random.choice(scales); sq=random.choice(scales); n_=random.choice([5,30,200])
      mk=lambda s: [random.gauss(0,1)*s for _ in range(n_)] if d==1 else [[random.gauss(0,1)*s for _ in range(d)] for _ in range(n_)]
      body={"p":mk(sp),"q":mk(sq),"estimator":est}
      if random.random()<0.3: body["bootstrap"]={"resamples":20}
      s,txt=post('/v1/divergences/samples',body); n+=1
      if s>=500 or 'NaN' in txt: bad.append((est,d,sp,sq,s,txt[:300]))
print("requests",n,"bad",len(bad))
for b in bad[:12]: print(b)
