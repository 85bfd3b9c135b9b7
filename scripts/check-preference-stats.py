#!/usr/bin/python3
"""Compares lib/preference with the reference tools on random cases.

Draws random cases, has scripts/check-preference-stats.ts (npx tsx) compute them with
lib/preference, computes them again with the reference tools, and prints the largest relative
error per function; exits 1 when one is over the tolerance (relative 1e-9).

  normalQuantile   scipy.stats.norm.ppf(p)
  wilsonInterval   statsmodels proportion_confint(count, nobs, alpha=1 - level, method="wilson")
  bradleyTerry     statsmodels GLM(y, X, family=Binomial(), freq_weights=w).fit(tol=1e-14) (and
                   Logit(y, X).fit(method="newton") on unweighted cases), X = +1 winner / -1 loser
                   with item 0's column dropped; estimability against strong connectivity of the
                   wins graph (scipy.sparse.csgraph.connected_components(connection="strong"));
                   ridge > 0 against scipy.optimize.minimize(method="trust-exact") then
                   scipy.optimize.root(method="hybr") on -log L + ridge/2 |theta|^2 over all items
  cohenKappa       sklearn.metrics.cohen_kappa_score(a, b)
  fleissKappa      statsmodels.stats.inter_rater.fleiss_kappa(table, method="fleiss")
  fitPairwiseLogistic  sklearn LogisticRegression(penalty="l2", C=1/ridge, fit_intercept=False,
                   solver="newton-cholesky", tol=1e-12, max_iter=10000).fit(D, y, sample_weight=w)
                   (the argmin of -sum w log-lik + ridge/2 |beta|^2); log-likelihood against
                   -sklearn.metrics.log_loss(y, p, sample_weight=w, normalize=False) at sklearn's fit

Needs python3-numpy, -scipy, -statsmodels, -sklearn (Debian) and the repository's node_modules.
Usage: /usr/bin/python3 scripts/check-preference-stats.py [--cases 300] [--seed 0]
"""
import argparse
import json
import math
import pathlib
import subprocess
import sys
import warnings

import numpy as np
import scipy.optimize
import scipy.sparse.csgraph
import scipy.stats
import statsmodels.api as sm
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import cohen_kappa_score, log_loss
from statsmodels.stats.inter_rater import fleiss_kappa
from statsmodels.stats.proportion import proportion_confint

ROOT = pathlib.Path(__file__).resolve().parent.parent
TOL = 1e-9


def draw_cases(rng, n):
    ppf = list(rng.random(n)) + list(10.0 ** -rng.uniform(0, 300, n // 2)) + list(1 - 10.0 ** -rng.uniform(1, 15, n // 4))
    levels = [0.5, 0.8, 0.9, 0.95, 0.99, 0.999]
    wilson = []
    for _ in range(n):
        nobs = int(rng.integers(1, 2000))
        count = rng.integers(0, 2 * nobs + 1) / 2  # ties count half
        wilson.append([float(count), nobs, float(levels[rng.integers(len(levels))])])
    bt = [draw_bt(rng, ridge=0.0 if i % 4 else float(rng.choice([0.01, 0.1, 1.0]))) for i in range(n)]
    cohen = []
    for _ in range(n):
        m, c = int(rng.integers(2, 80)), int(rng.integers(1, 5))
        a = rng.integers(0, c, m)
        b = np.where(rng.random(m) < rng.random(), a, rng.integers(0, c + 1, m))  # b may use a label a never does
        cohen.append({"a": [f"l{x}" for x in a], "b": [f"l{x}" for x in b]})
    fleiss = []
    for _ in range(n):
        items, cats, raters = int(rng.integers(1, 40)), int(rng.integers(2, 6)), int(rng.integers(2, 9))
        bias = rng.dirichlet(np.ones(cats) * 0.7, size=items)
        fleiss.append([[int(x) for x in rng.multinomial(raters, p)] for p in bias])
    pairwise = [draw_pairwise(rng, i) for i in range(n // 2)]
    return {"ppf": [float(p) for p in ppf], "wilson": wilson, "bt": bt, "cohen": cohen, "fleiss": fleiss, "pairwise": pairwise}


def draw_pairwise(rng, i):
    """1-8 features, 5-200 rows of diffs ~ N(0, s^2), y from sigma(d . beta), both labels present;
    weights all 1, ties as two rows of 0.5, integers 1-4, or reals; ridge from 1e-3 to 10."""
    while True:
        m = int(rng.integers(1, 9))
        beta = rng.normal(0, 1, m)
        scale = float(rng.choice([0.3, 1.0, 2.0]))
        kind = i % 4
        rows = []
        for _ in range(int(rng.integers(5, 120))):
            d = rng.normal(0, scale, m)
            if kind == 1 and rng.random() < 0.25:
                rows += [[list(d), 1, 0.5], [list(d), 0, 0.5]]
                continue
            y = int(rng.random() < 1 / (1 + math.exp(-float(d @ beta))))
            rows.append([list(d), y, [1.0, 1.0, float(rng.integers(1, 5)), float(rng.uniform(0.05, 3))][kind]])
        if len({r[1] for r in rows}) == 2 and len(rows) <= 200:
            return {"ridge": float(10.0 ** rng.uniform(-3, 1)), "rows": [[[float(x) for x in d], y, w] for d, y, w in rows]}


def pairwise_reference(case):
    D = np.array([r[0] for r in case["rows"]])
    y = np.array([r[1] for r in case["rows"]], dtype=float)
    w = np.array([r[2] for r in case["rows"]])
    fit = LogisticRegression(penalty="l2", C=1 / case["ridge"], fit_intercept=False, solver="newton-cholesky", tol=1e-12, max_iter=10000)
    beta = fit.fit(D, y, sample_weight=w).coef_[0]
    ll = -float(log_loss(y, 1 / (1 + np.exp(-D @ beta)), sample_weight=w, normalize=False))
    return {"weights": [float(b) for b in beta], "logLikelihood": ll}


def draw_bt(rng, ridge):
    k = int(rng.integers(2, 9))
    theta = rng.normal(0, 1, k)
    outcomes = []
    kind = rng.integers(4)  # unweighted, integer weights, half-weight ties, real weights
    for _ in range(int(rng.integers(k, 12 * k))):
        i, j = (int(x) for x in rng.choice(k, 2, replace=False))
        if kind == 2 and rng.random() < 0.25:
            outcomes += [[i, j, 0.5], [j, i, 0.5]]
            continue
        w, l = (i, j) if rng.random() < 1 / (1 + math.exp(theta[j] - theta[i])) else (j, i)
        weight = [1.0, float(rng.integers(1, 6)), 1.0, float(rng.uniform(0.05, 3))][kind]
        outcomes.append([w, l, weight])
    return {"items": k, "ridge": ridge, "outcomes": outcomes}


def bt_reference(case, rng):
    k, ridge, out = case["items"], case["ridge"], case["outcomes"]
    wins = np.zeros((k, k))
    for w, l, x in out:
        wins[w, l] += x
    if ridge > 0:
        def f(t):
            d = t[:, None] - t[None, :]
            return float(np.sum(wins * np.logaddexp(0, -d)) + ridge / 2 * t @ t)

        def grad(t):
            p = 1 / (1 + np.exp(-(t[:, None] - t[None, :])))
            r = wins * (1 - p)
            return -(r.sum(1) - r.sum(0)) + ridge * t

        def hess(t):
            p = 1 / (1 + np.exp(-(t[:, None] - t[None, :])))
            c = (wins + wins.T) * p * (1 - p)
            return np.diag(c.sum(1)) - c + ridge * np.eye(k)

        # trust-exact stops once f can no longer tell steps apart (gradient ~1e-9); MINPACK's hybrj
        # then solves grad = 0 from there to rounding.
        res = scipy.optimize.minimize(f, np.zeros(k), jac=grad, hess=hess, method="trust-exact", options={"gtol": 1e-10})
        root = scipy.optimize.root(grad, res.x, jac=hess, method="hybr", options={"xtol": 1e-15})
        return {"estimable": True, "strengths": list(root.x - root.x[0])}
    n_strong, _ = scipy.sparse.csgraph.connected_components(wins > 0, directed=True, connection="strong")
    if n_strong > 1:
        return {"estimable": False}
    # One row per outcome in a random orientation: y = 1 with x = e_w - e_l, or y = 0 with x = e_l - e_w.
    flip = rng.random(len(out)) < 0.5
    X = np.zeros((len(out), k))
    for r, (w, l, _) in enumerate(out):
        X[r, w], X[r, l] = (-1, 1) if flip[r] else (1, -1)
    y = (~flip).astype(float)
    weights = np.array([x for _, _, x in out])
    glm = sm.GLM(y, X[:, 1:], family=sm.families.Binomial(), freq_weights=weights).fit(tol=1e-14, maxiter=200)
    ref = {"estimable": True, "strengths": [0.0] + list(glm.params), "logLikelihood": float(glm.llf)}
    if np.all(weights == 1):
        logit = sm.Logit(y, X[:, 1:]).fit(method="newton", tol=1e-14, maxiter=200, disp=0)
        ref["logit"] = [0.0] + list(logit.params)
    return ref


SMALL = 1e-6


def rel(a, b):
    """|a - b| / |b|; the absolute error |a - b| where |b| < SMALL (a strength or kappa of
    -2e-16 against an exact 0 is agreement); NaN against NaN is 0, NaN against a number inf."""
    a = float("nan") if a is None else a
    if math.isnan(a) and math.isnan(b):
        return 0.0
    if math.isnan(a) or math.isnan(b):
        return math.inf
    return abs(a - b) / (abs(b) if abs(b) >= SMALL else 1.0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=300)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    rng = np.random.default_rng(args.seed)
    cases = draw_cases(rng, args.cases)
    run = subprocess.run(["npx", "tsx", "scripts/check-preference-stats.ts"], cwd=ROOT, input=json.dumps(cases), capture_output=True, text=True, check=False)
    if run.returncode != 0:
        sys.exit(f"check-preference-stats.ts failed:\n{run.stderr}")
    ts = json.loads(run.stdout)
    errors = {}

    def record(name, a, b):
        e = rel(a, b)
        errors.setdefault(name, [0, 0.0])
        errors[name][0] += 1
        errors[name][1] = max(errors[name][1], e)

    for p, z in zip(cases["ppf"], ts["ppf"]):
        record("normalQuantile vs norm.ppf", z, float(scipy.stats.norm.ppf(p)))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for (count, nobs, level), got in zip(cases["wilson"], ts["wilson"]):
            lo, hi = proportion_confint(count, nobs, alpha=1 - level, method="wilson")
            record("wilsonInterval vs proportion_confint", got["lo"], float(lo))
            record("wilsonInterval vs proportion_confint", got["hi"], float(hi))
        for case, got in zip(cases["bt"], ts["bt"]):
            ref = bt_reference(case, rng)
            kind = "bradleyTerry ridge vs trust-exact + hybr" if case["ridge"] > 0 else "bradleyTerry vs GLM Binomial"
            record("bradleyTerry estimable vs strong connectivity", float(got["estimable"]), float(ref["estimable"]))
            if not (got["estimable"] and ref["estimable"]):
                continue
            for a, b in zip(got["strengths"], ref["strengths"]):
                record(kind, a, b)
            if "logLikelihood" in ref:
                record("bradleyTerry log-likelihood vs GLM llf", got["logLikelihood"], ref["logLikelihood"])
            for a, b in zip(got["strengths"], ref.get("logit", [])):
                record("bradleyTerry vs Logit (unweighted)", a, b)
        for case, got in zip(cases["cohen"], ts["cohen"]):
            record("cohenKappa vs cohen_kappa_score", got, float(cohen_kappa_score(case["a"], case["b"])))
        for table, got in zip(cases["fleiss"], ts["fleiss"]):
            record("fleissKappa vs fleiss_kappa", got, float(fleiss_kappa(np.array(table), method="fleiss")))
        for case, got in zip(cases["pairwise"], ts["pairwise"]):
            ref = pairwise_reference(case)
            record("fitPairwiseLogistic converged", float(not got["converged"]), 0.0)
            for a, b in zip(got["weights"], ref["weights"]):
                record("fitPairwiseLogistic vs LogisticRegression", a, b)
            record("fitPairwiseLogistic log-lik vs log_loss", got["logLikelihood"], ref["logLikelihood"])
    worst = 0.0
    for name, (n, e) in errors.items():
        print(f"{name:48s} {n:6d} values   max error {e:.2e}")
        if not name.startswith("bradleyTerry estimable"):
            worst = max(worst, e)
    mismatched = errors["bradleyTerry estimable vs strong connectivity"][1] > 0
    estimable = sum(1 for g in ts["bt"] if g["estimable"])
    print(f"Bradley-Terry cases estimable: {estimable} of {len(ts['bt'])}; estimability {'DIFFERS' if mismatched else 'agrees'} with strong connectivity")
    print(f"largest relative error {worst:.2e} (tolerance {TOL:g}; absolute error where the reference is below {SMALL:g} in magnitude)")
    sys.exit(1 if worst > TOL or mismatched else 0)


if __name__ == "__main__":
    main()
