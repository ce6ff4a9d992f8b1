package eu.iucplanner.pairing.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /**
     * The common themes of a cluster: the call's themes that are a challenge of the hub and of every one of its
     * partners, in the call's order. Empty when they have none (an incoherent cluster).
     */
    public static List<String> commonThemes(Applicant hub, List<Applicant> partners) {
        int[] common = hub.themeIndexes().clone();
        int size = common.length;
        for (Applicant partner : partners) {
            int[] other = partner.themeIndexes();
            int kept = 0;
            int j = 0;
            for (int i = 0; i < size; i++) {
                while (j < other.length && other[j] < common[i]) {
                    j++;
                }
                if (j < other.length && other[j] == common[i]) {
                    common[kept++] = common[i];
                }
            }
            size = kept;
            if (size == 0) {
                return List.of();
            }
        }
        List<String> names = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            names.add(hub.themeName(common[i]));
        }
        return names;
    }

    /** The applicant's themes that are the call's, in the call's order. */
    public static List<String> themes(Applicant applicant) {
        return commonThemes(applicant, List.of());
    }

    /** Whether the hub and every one of its partners share at least one of the call's themes. */
    public static boolean isCoherent(Applicant hub, List<Applicant> partners) {
        return !commonThemes(hub, partners).isEmpty();
    }

    /**
     * The pair's main shared theme, for the theme spread: the index of the shared theme with the highest product of
     * the two priorities (the first in the call's order on a tie), or -1 when they share none.
     */
    public static int mainSharedTheme(Applicant a, Applicant b) {
        int[] ia = a.themeIndexes();
        int[] ib = b.themeIndexes();
        int[] pa = a.themePriorities();
        int[] pb = b.themePriorities();
        int best = -1;
        int bestPoints = 0;
        int i = 0;
        int j = 0;
        while (i < ia.length && j < ib.length) {
            if (ia[i] == ib[j]) {
                int points = pa[i] * pb[j];
                if (points > bestPoints) {
                    best = ia[i];
                    bestPoints = points;
                }
                i++;
                j++;
            } else if (ia[i] < ib[j]) {
                i++;
            } else {
                j++;
            }
        }
        return best;
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

    /** 1 when the pair is an earlier partnership formed again and the call penalizes that, else 0. */
    public static int earlierPair(Applicant a, Applicant b) {
        return a.formedEarlierWith(b) ? 1 : 0;
    }

    /** How many of the two (0 to 2) took part before, when the call prefers first-time participants. */
    public static int returningParticipants(Applicant a, Applicant b) {
        return a.getReturning() + b.getReturning();
    }

    /** The two applicants' population shortfalls under the call's preference, added (see Applicant). */
    public static int populationShortfall(Applicant a, Applicant b) {
        return a.getPopulationShortfall() + b.getPopulationShortfall();
    }

    /** How many of the two (0, 1 or 2) signed the Global Covenant of Mayors. */
    public static int covenantSignatories(Applicant a, Applicant b) {
        return (a.isCovenantSignatory() ? 1 : 0) + (b.isCovenantSignatory() ? 1 : 0);
    }

    /**
     * The per-pair terms of any applicant against a fixed list of others, a whole row at a time: the same numbers as
     * {@link #sharedChallengePoints}, {@link #sizeGap}, {@link #languagePenalty}, {@link #regionPreferenceMisses} and
     * {@link #covenantSignatories}, from per-column arrays built once (theme priorities by theme, log populations,
     * language bit masks, preferred-region masks), so that the exact warm start's millions of pairs cost a few array
     * reads each instead of set look-ups and merges. {@code PairWeightsTest} checks it pair by pair against the
     * functions above.
     */
    public static final class Batch {

        private final int size;
        private final int themes;
        /** priorityByTheme[theme * size + column]: the column's priority for the theme, 0 if none. */
        private final int[] priorityByTheme;
        private final int[] logPopulationCentis;
        private final int[] mainLanguage;
        private final boolean[] noLanguage;
        /** Bit per language of the columns (at most 64 distinct), or null: then languages are compared pair by pair. */
        private final long[] languageMask;
        private final Map<Integer, Integer> languageBit;
        private final int[] preferredRegionMask;
        private final int[] regionBit;
        private final boolean[] covenant;
        private final int[] shortfall;
        private final int[] returning;
        private final List<Applicant> columns;

        public Batch(List<Applicant> columns) {
            this.columns = List.copyOf(columns);
            this.size = columns.size();
            int maxTheme = -1;
            Map<Integer, Integer> bits = new HashMap<>();
            for (Applicant column : columns) {
                for (int theme : column.themeIndexes()) {
                    maxTheme = Math.max(maxTheme, theme);
                }
                for (int language : column.languageIds()) {
                    bits.putIfAbsent(language, bits.size());
                }
            }
            this.themes = maxTheme + 1;
            this.priorityByTheme = new int[themes * size];
            this.logPopulationCentis = new int[size];
            this.mainLanguage = new int[size];
            this.noLanguage = new boolean[size];
            this.languageBit = bits.size() <= Long.SIZE ? bits : null;
            this.languageMask = languageBit == null ? null : new long[size];
            this.preferredRegionMask = new int[size];
            this.regionBit = new int[size];
            this.covenant = new boolean[size];
            this.shortfall = new int[size];
            this.returning = new int[size];
            for (int j = 0; j < size; j++) {
                Applicant column = columns.get(j);
                int[] indexes = column.themeIndexes();
                int[] priorities = column.themePriorities();
                for (int k = 0; k < indexes.length; k++) {
                    priorityByTheme[indexes[k] * size + j] = priorities[k];
                }
                logPopulationCentis[j] = column.getLogPopulationCentis();
                int[] languages = column.languageIds();
                noLanguage[j] = languages.length == 0;
                mainLanguage[j] = noLanguage[j] ? 0 : languages[0];
                if (languageMask != null) {
                    for (int language : languages) {
                        languageMask[j] |= 1L << languageBit.get(language);
                    }
                }
                preferredRegionMask[j] = regionMask(column.getPreferredPartnerRegions());
                regionBit[j] = regionBit(column.getRegion());
                covenant[j] = column.isCovenantSignatory();
                shortfall[j] = column.getPopulationShortfall();
                returning[j] = column.getReturning();
            }
        }

        public int size() {
            return size;
        }

        /**
         * Fills each array's entry j with the term of the pair ({@code row}, column j); {@code shared} must be zero
         * on entry (it is accumulated theme by theme).
         */
        public void terms(Applicant row, int[] shared, int[] sizeGap, int[] language, int[] preferenceMisses,
                int[] covenantSignatories, int[] populationShortfall, int[] returningParticipants,
                int[] earlierPairs) {
            int[] indexes = row.themeIndexes();
            int[] priorities = row.themePriorities();
            for (int k = 0; k < indexes.length; k++) {
                if (indexes[k] >= themes) {
                    continue;
                }
                int base = indexes[k] * size;
                int priority = priorities[k];
                for (int j = 0; j < size; j++) {
                    shared[j] += priority * priorityByTheme[base + j];
                }
            }
            int log = row.getLogPopulationCentis();
            for (int j = 0; j < size; j++) {
                sizeGap[j] = Math.abs(log - logPopulationCentis[j]);
            }
            languages(row, language);
            int ownRegionBit = regionBit(row.getRegion());
            int ownPreferences = regionMask(row.getPreferredPartnerRegions());
            int ownCovenant = row.isCovenantSignatory() ? 1 : 0;
            for (int j = 0; j < size; j++) {
                int misses = ownPreferences != 0 && (ownPreferences & regionBit[j]) == 0 ? 1 : 0;
                misses += preferredRegionMask[j] != 0 && (preferredRegionMask[j] & ownRegionBit) == 0 ? 1 : 0;
                preferenceMisses[j] = misses;
                covenantSignatories[j] = ownCovenant + (covenant[j] ? 1 : 0);
                populationShortfall[j] = row.getPopulationShortfall() + shortfall[j];
                returningParticipants[j] = row.getReturning() + returning[j];
                earlierPairs[j] = row.formedEarlierWith(columns.get(j)) ? 1 : 0;
            }
        }

        private void languages(Applicant row, int[] language) {
            int[] own = row.languageIds();
            if (own.length == 0) {
                Arrays.fill(language, 0, size, LANGUAGE_NONE_SHARED);
                return;
            }
            if (languageMask == null) {
                for (int j = 0; j < size; j++) {
                    language[j] = languagePenalty(row, columns.get(j));
                }
                return;
            }
            long ownMask = 0;
            for (int id : own) {
                Integer bit = languageBit.get(id);
                if (bit != null) {
                    ownMask |= 1L << bit;
                }
            }
            int main = own[0];
            for (int j = 0; j < size; j++) {
                if (noLanguage[j]) {
                    language[j] = LANGUAGE_NONE_SHARED;
                } else if (mainLanguage[j] == main) {
                    language[j] = LANGUAGE_SHARED_MAIN;
                } else {
                    language[j] = (languageMask[j] & ownMask) != 0 ? LANGUAGE_SHARED_OTHER : LANGUAGE_NONE_SHARED;
                }
            }
        }

        /** A bit per region ordinal, shifted by one so that "outside the call" (null) has bit 0. */
        private static int regionBit(ProgrammeRegion region) {
            return 1 << (region == null ? 0 : region.ordinal() + 1);
        }

        private static int regionMask(Set<ProgrammeRegion> regions) {
            int mask = 0;
            for (ProgrammeRegion region : regions) {
                mask |= regionBit(region);
            }
            return mask;
        }
    }
}
