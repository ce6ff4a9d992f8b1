package eu.iucplanner.pairing.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The per-pair terms of the pairing objective, as exact integers. The constraint provider, the justifications and
 * the exact reference solver all use these functions, so they cannot drift apart.
 */
public final class PairScores {

    /** Language penalty when the two share their main (first-listed) working language. */
    public static final int LANGUAGE_SHARED_MAIN = 0;
    /** Language penalty when they share a working language that is not the main one of both. */
    public static final int LANGUAGE_SHARED_OTHER = 1;
    /** Language penalty when they share no working language at all. */
    public static final int LANGUAGE_NONE_SHARED = 3;

    private PairScores() {
    }

    /** Sum over the themes both work on of the product of their priorities (each product is 1 to 9). */
    public static int sharedChallengePoints(Applicant a, Applicant b) {
        int[] ia = a.themeIndexes();
        int[] ib = b.themeIndexes();
        int[] pa = a.themePriorities();
        int[] pb = b.themePriorities();
        int points = 0;
        int i = 0;
        int j = 0;
        while (i < ia.length && j < ib.length) {
            if (ia[i] == ib[j]) {
                points += pa[i] * pb[j];
                i++;
                j++;
            } else if (ia[i] < ib[j]) {
                i++;
            } else {
                j++;
            }
        }
        return points;
    }

    public static List<SharedChallenge> sharedChallenges(Applicant a, Applicant b) {
        int[] ia = a.themeIndexes();
        int[] ib = b.themeIndexes();
        List<SharedChallenge> shared = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < ia.length && j < ib.length) {
            if (ia[i] == ib[j]) {
                shared.add(new SharedChallenge(a.themeName(ia[i]), a.themePriorities()[i], b.themePriorities()[j]));
                i++;
                j++;
            } else if (ia[i] < ib[j]) {
                i++;
            } else {
                j++;
            }
        }
        return shared;
    }

    /** {@code |round(100 ln pa) - round(100 ln pb)|}: 0 for equal sizes, 69 for a factor 2, 230 for a factor 10. */
    public static int sizeGap(Applicant a, Applicant b) {
        return Math.abs(a.getLogPopulationCentis() - b.getLogPopulationCentis());
    }

    /**
     * 0 when both list the same main (first) working language, 1 when they share another working language, 3 when
     * they share none.
     */
    public static int languagePenalty(Applicant a, Applicant b) {
        int[] la = a.languageIds();
        int[] lb = b.languageIds();
        if (la.length == 0 || lb.length == 0) {
            return LANGUAGE_NONE_SHARED;
        }
        if (la[0] == lb[0]) {
            return LANGUAGE_SHARED_MAIN;
        }
        for (int x : la) {
            for (int y : lb) {
                if (x == y) {
                    return LANGUAGE_SHARED_OTHER;
                }
            }
        }
        return LANGUAGE_NONE_SHARED;
    }

    public static List<String> sharedLanguages(Applicant a, Applicant b) {
        List<String> shared = new ArrayList<>();
        for (String language : a.getLanguages()) {
            for (String other : b.getLanguages()) {
                if (language.equalsIgnoreCase(other) && !shared.contains(language)) {
                    shared.add(language);
                }
            }
        }
        return shared;
    }

    /** How many of the two (0, 1 or 2) stated preferred partner regions that the other one is not in. */
    public static int regionPreferenceMisses(Applicant a, Applicant b) {
        return missesPreference(a, b) + missesPreference(b, a);
    }

    static int missesPreference(Applicant who, Applicant partner) {
        return !who.getPreferredPartnerRegions().isEmpty()
                && !who.getPreferredPartnerRegions().contains(partner.getRegion()) ? 1 : 0;
    }

    /** How many of the two (0, 1 or 2) signed the Global Covenant of Mayors. */
    public static int covenantSignatories(Applicant a, Applicant b) {
        return (a.isCovenantSignatory() ? 1 : 0) + (b.isCovenantSignatory() ? 1 : 0);
    }
}
