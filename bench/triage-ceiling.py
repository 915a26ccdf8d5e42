# How separable are the benchmark's categories from their text at all? A supervised linear SVM (one category
# against the rest, papers' feature settings approximated by scikit-learn's TfidfVectorizer) trained on
# 10, 50, 200 or all of a category's papers in four fifths of the pool, precision@20 on the held-out fifth
# (about 555 papers, ~90 per category), 5 folds. Not the benchmark's protocol (a smaller pool per ranking),
# an indication of the ceiling the labels allow. Needs scikit-learn:
#   node bench/triage.mjs --only-quality --export bench/out/triage-trials.json
#   python3 bench/triage-ceiling.py bench/out/triage-trials.json
import json
import sys

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.model_selection import StratifiedKFold
from sklearn.svm import LinearSVC

data = json.load(open(sys.argv[1]))
papers, groups = data['papers'], data['groups']
# Title twice, abstract, authors (papers' document); stems and LaTeX decoding left out.
docs = [' '.join([p['title'], p['title'], p['abstract'], ' '.join(p['authors'])]) for p in papers]
X = TfidfVectorizer(strip_accents='unicode', stop_words='english', ngram_range=(1, 2), sublinear_tf=True,
                    min_df=2, max_df=0.5, max_features=20000).fit_transform(docs)
names = sorted(set(groups))
y = np.array([names.index(g) for g in groups])
for positives in [10, 50, 200, 'all']:
    hits = {name: [] for name in names}
    for train, test in StratifiedKFold(5, shuffle=True, random_state=0).split(X, y):
        for c, name in enumerate(names):
            pos = train[y[train] == c]
            if positives == 'all':
                # Every labelled paper: the category's against the other categories'.
                neg = train[y[train] != c]
                C = 0.1
            else:
                # As "for you": a few favorites against every other paper (unlabelled, same category or not).
                pos = np.random.default_rng(c).choice(pos, positives, replace=False)
                neg = np.setdiff1d(train, pos)
                C = 0.01
            idx = np.concatenate([pos, neg])
            clf = LinearSVC(C=C, class_weight='balanced').fit(X[idx], np.isin(idx, pos).astype(int))
            top = test[np.argsort(-clf.decision_function(X[test]))[:20]]
            hits[name].append(np.mean(y[top] == c))
    means = {name: np.mean(v) for name, v in hits.items()}
    print(f'{positives!s:>4} positives  ' + '  '.join(f'{n} {m:.2f}' for n, m in means.items()) + f'  mean {np.mean(list(means.values())):.2f}')
