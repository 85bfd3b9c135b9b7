/**
 * Preference statistics (DESIGN: lib/preference): bootstrap confidence intervals today; the
 * Bradley-Terry fit, win rates, agreement and rater quality of the rating issue join here.
 * Pure TypeScript: no TF.js, React, Next or Prisma.
 */
export { pairedBootstrap, meanStatistic, quantile, seededRandom, type BootstrapOptions, type BootstrapResult, type MetricDifference, type PairedStatistic } from "./bootstrap";
