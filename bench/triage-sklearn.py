# arxiv-sanity-lite's recipe run by scikit-learn itself, on the pool and trials of bench/triage.mjs, as a
# check of the TypeScript implementation in src/triage/ (same features, same SVM, so the same precision@20
# up to ties and the SVM's stopping point). Needs scikit-learn:
#   node bench/triage.mjs --only-quality --export bench/out/triage-trials.json
#   python3 bench/triage-sklearn.py bench/out/triage-trials.json
import json
import sys

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.svm import LinearSVC

data = json.load(open(sys.argv[1]))
papers, groups, top = data['papers'], data['groups'], data['top']
# The document as src/triage/tokens.ts (documentText) writes it: title, abstract, authors, joined by spaces.
docs = [' '.join([p['title'], p['abstract'], ' '.join(p['authors'])]) for p in papers]
v = TfidfVectorizer(strip_accents='unicode', lowercase=True, analyzer='word', stop_words='english',
                    token_pattern=r'(?u)\b[a-zA-Z_][a-zA-Z0-9_]+\b', ngram_range=(1, 2), max_features=20000,
                    norm='l2', use_idf=True, smooth_idf=True, sublinear_tf=True, max_df=0.10, min_df=5)
X = v.fit_transform(docs)
print(f'{X.shape[0]} papers, {X.shape[1]} terms')
results = {}
for trial in data['trials']:
    y = np.zeros(len(papers))
    y[trial['favorites']] = 1
    clf = LinearSVC(class_weight='balanced', max_iter=10000, tol=1e-6, C=0.01, dual=True)
    clf.fit(X, y)
    scores = clf.decision_function(X)
    favorites = set(trial['favorites'])
    order = sorted((i for i in range(len(papers)) if i not in favorites), key=lambda i: (-scores[i], i))
    hits = sum(groups[i] == trial['group'] for i in order[:top]) / top
    results.setdefault(trial['group'], []).append((trial['seed'], hits))
tune = data['tuneSeeds']
print('group   report  all')
means = []
for group, rows in results.items():
    report = [h for s, h in rows if s > tune]
    means.append((np.mean(report), np.mean([h for _, h in rows])))
    print(f'{group:6}  {means[-1][0]:.2f}    {means[-1][1]:.2f}')
print(f'mean    {np.mean([m[0] for m in means]):.2f}    {np.mean([m[1] for m in means]):.2f}')
