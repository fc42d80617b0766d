import json, sys
s=[json.loads(l) for l in open('training/corpus/review2/sample-blind.jsonl')]
st={x['id']:x for x in map(json.loads, open('training/corpus/review2/stories-blind.jsonl'))}
a,b=int(sys.argv[1]),int(sys.argv[2])
for n,x in enumerate(s[a:b],a):
    S=st[x['id']]; sents=S['sentences']; i=x['sentence_index']
    assert sents[i]==x['text']
    print(f"=== #{n} {x['id']} [{i}/{len(sents)}] news={x['news_date']} pub={x['published']} {S['style']}")
    if len(sents)<=6:
        for j,t in enumerate(sents): print(('>> ' if j==i else '   ')+t)
    else:
        if i>2: print('   [lead] '+sents[0][:300]); 
        for j in range(max(0,i-2),min(len(sents),i+2)): print(('>> ' if j==i else '   ')+sents[j])
