/**
 * Preference statistics (DESIGN: lib/preference): bootstrap confidence intervals, Wilson
 * intervals for win rates, the Bradley-Terry fit with unit-bootstrap intervals, Cohen's and
 * Fleiss' kappa, rater quality (agreement with gold and consensus, a below-chance SPRT), and a
 * learned pairwise reward (Bradley-Terry on feature differences, cross-validated by pair).
 * Pure TypeScript: no TF.js, React, Next or Prisma. */
export { pairedBootstrap, meanStatistic, quantile, seededRandom, type BootstrapOptions, type BootstrapResult, type MetricDifference, type PairedStatistic } from "./bootstrap";
export { normalQuantile } from "./normal";
export { wilsonInterval, type WilsonInterval } from "./wilson";
export { bradleyTerry, fitWins, winsMatrix, type BradleyTerryFit, type BradleyTerryOptions, type BradleyTerryResult, type Outcome } from "./bradley-terry";
export { whyNotEstimable, type NotEstimable, type NotEstimableReason } from "./comparison-graph";
export { bootstrapBradleyTerry, type BradleyTerryBootstrap, type BradleyTerryBootstrapOptions, type StrengthInterval } from "./bradley-terry-bootstrap";
export { crossValidatePairwise, fitPairwiseLogistic, standardise, type PairwiseRow } from "./pairwise-reward";
export { cohenKappa, fleissKappa, ratingsTable, type Rating, type RatingsTable } from "./kappa";
export { belowChanceSprt, raterQuality, sprtBoundaries, type AgreementCount, type RaterQuality, type RaterQualityOptions, type RaterQualityReport, type SprtBoundaries, type SprtOptions, type SprtResult } from "./rater-quality";
