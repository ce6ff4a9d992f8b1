package eu.iucplanner.pairing.solver;

import java.util.List;

import eu.iucplanner.pairing.domain.ThemeLimit;

/**
 * Lagrange multipliers of the theme spread ("Theme above soft cap"), the soft term the flow cannot represent: one
 * multiplier λ_t in [0, w] per theme with a soft cap, w being the constraint's soft weight per pair beyond the cap.
 * <p>
 * <b>Why the flow then gives a bound.</b> For any whole number n and any λ in [0, w],
 * {@code w·max(0, n − cap) ≥ λ·(n − cap)} (for n ≤ cap the left side is 0 and the right side is not positive; for
 * n > cap, w ≥ λ). So for every pairing S, with n_t(S) the pairs whose main shared theme is t (pinned pairs included):
 * <pre>
 * soft(S) ≤ R(S) − Σ_t λ_t·(n_t(S) − cap_t) =: L(S, λ)
 * </pre>
 * where R(S) is the soft score without the theme spread and without the cluster coherence (both penalties only take
 * from the score). R(S) is the flow's objective (per-pair weights, regional balance and country soft caps, all exact
 * in the network) plus what the pinned pairs add; and L(S, λ) is R(S) with each free pair's weight lowered by
 * λ_{mainTheme(pair)}, plus the constants of the pinned pairs and Σ_t λ_t·cap_t. The flow with the lowered weights
 * therefore returns, among the pairings with the most pairs, one that maximises L(·, λ), and it respects every hard
 * rule but the cluster coherence. Every pairing with the medium score of the optimum has the most pairs (the medium
 * level counts open places and no other term is medium), so its whole score is at most
 * {@code (hard without coherence, that medium, max L(·, λ))}; a pairing with fewer pairs is below it already at the
 * medium level. Each multiplier vector that the flow solves to optimality thus proves a bound, and the smallest of
 * them is kept. λ = 0 is the plain relaxation (the theme spread dropped).
 * <p>
 * The multipliers move by projected subgradient steps (Polyak's step towards the best actual score found): a theme
 * above its cap in the flow's pairing gets a higher multiplier, one below it a lower one. Multipliers are kept as whole
 * numbers when applied, so the lowered weights stay exact.
 */
final class ThemeMultipliers {

    private final int[] themeOfLimit;
    private final int[] caps;
    private final long weight;
    private final double[] lambda;
    private final long[] applied;
    private final int themeCount;
    private double theta = 1.0;

    /**
     * @param limits     the soft caps per theme (the call's vocabulary indexes; pinned pairs count in n_t)
     * @param themeCount one more than the highest theme index any pair can have
     * @param weight     the soft weight of each pair beyond a cap; the multipliers stay within [0, weight]
     */
    ThemeMultipliers(List<ThemeLimit> limits, int themeCount, long weight) {
        this.themeOfLimit = limits.stream().mapToInt(ThemeLimit::themeIndex).toArray();
        this.caps = limits.stream().mapToInt(ThemeLimit::softCap).toArray();
        this.weight = Math.max(0, weight);
        this.lambda = new double[limits.size()];
        this.applied = new long[limits.size()];
        this.themeCount = themeCount;
    }

    /** By how much the weight of a pair is lowered now, per main shared theme index. */
    long[] loweringByTheme() {
        long[] byTheme = new long[themeCount];
        for (int l = 0; l < themeOfLimit.length; l++) {
            if (themeOfLimit[l] >= 0 && themeOfLimit[l] < themeCount) {
                byTheme[themeOfLimit[l]] += applied[l];
            }
        }
        return byTheme;
    }

    /**
     * L(S, λ) for a pairing S with the given relaxed soft score R(S) (soft score with the theme and cluster penalties
     * added back) and pairs per main theme (indexed by theme, pinned pairs included).
     */
    long lagrangian(long relaxedSoft, int[] pairsByTheme) {
        long value = relaxedSoft;
        for (int l = 0; l < themeOfLimit.length; l++) {
            value -= applied[l] * (count(pairsByTheme, themeOfLimit[l]) - caps[l]);
        }
        return value;
    }

    /**
     * One projected subgradient step from the flow's pairing at the current multipliers.
     *
     * @param pairsByTheme the pairs per main theme of the flow's pairing at the current multipliers
     * @param value        its L(S, λ), the bound these multipliers prove
     * @param best         the best actual soft score known (a lower bound on the optimum)
     * @param sinceImproved how many steps ago the smallest bound so far was found; from 2 on, each step halves the
     *                      step length
     * @return whether the applied (whole-number) multipliers changed; if not, further steps are pointless
     */
    boolean step(int[] pairsByTheme, long value, long best, int sinceImproved) {
        if (sinceImproved >= 2) {
            theta /= 2;
        }
        double[] direction = new double[lambda.length];
        double norm = 0;
        for (int l = 0; l < lambda.length; l++) {
            double g = count(pairsByTheme, themeOfLimit[l]) - caps[l];
            if ((lambda[l] <= 0 && g < 0) || (lambda[l] >= weight && g > 0)) {
                g = 0; // the projection would undo the move
            }
            direction[l] = g;
            norm += g * g;
        }
        if (norm == 0 || value <= best) {
            return false; // complementary slackness holds, or the bound is already reached
        }
        double length = theta * (value - best) / norm;
        boolean changed = false;
        for (int l = 0; l < lambda.length; l++) {
            lambda[l] = Math.max(0, Math.min(weight, lambda[l] + length * direction[l]));
            long rounded = Math.round(lambda[l]);
            changed |= rounded != applied[l];
            applied[l] = rounded;
        }
        return changed;
    }

    private static int count(int[] pairsByTheme, int theme) {
        return theme >= 0 && theme < pairsByTheme.length ? pairsByTheme[theme] : 0;
    }
}
