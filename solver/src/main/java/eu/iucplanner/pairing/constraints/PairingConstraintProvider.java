package eu.iucplanner.pairing.constraints;

import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.count;
import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.countBi;
import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.toList;
import static ai.timefold.solver.core.api.score.stream.Joiners.equal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.bi.BiConstraintStream;

import eu.iucplanner.pairing.domain.Applicant;
import eu.iucplanner.pairing.domain.ClusterCoherence;
import eu.iucplanner.pairing.domain.CountryLimit;
import eu.iucplanner.pairing.domain.PairScores;
import eu.iucplanner.pairing.domain.PartnerSlot;
import eu.iucplanner.pairing.domain.RegionTarget;
import eu.iucplanner.pairing.domain.SharedChallenge;
import eu.iucplanner.pairing.domain.ThemeLimit;

/**
 * The pairing objective. Hard rules make a pairing valid, the medium level counts open partner places so that the
 * number of cooperations comes first, and the soft level weighs how well the partners fit. The README's constraints
 * table gives each formula; {@link #DEFAULT_WEIGHTS} holds each default weight, which a problem overrides through its
 * {@code ConstraintWeightOverrides} (weight 0 switches a constraint off).
 */
public class PairingConstraintProvider implements ConstraintProvider {

    public static final String CROSS_REGION_PAIR = "Cross-region pair";
    public static final String INELIGIBLE_APPLICANT_PAIRED = "Ineligible applicant paired";
    public static final String PARTNER_CAPACITY_EXCEEDED = "Partner capacity exceeded";
    public static final String PAIR_FORMED_TWICE = "Pair formed twice";
    public static final String EXCLUDED_PAIR_FORMED = "Excluded pair formed";
    public static final String OPEN_PARTNER_PLACE = "Open partner place";
    public static final String SHARED_CHALLENGES = "Shared challenges";
    public static final String SIZE_SIMILARITY = "Size similarity";
    public static final String COMMON_WORKING_LANGUAGE = "Common working language";
    public static final String PREFERRED_PARTNER_REGION = "Preferred partner region";
    public static final String REGIONAL_BALANCE = "Regional balance";
    public static final String COVENANT_OF_MAYORS_SIGNATORIES = "Covenant of Mayors signatories";
    public static final String POPULATION_BELOW_THRESHOLD = "Population below threshold";
    public static final String COUNTRY_CAP_EXCEEDED = "Country cap exceeded";
    public static final String COUNTRY_ABOVE_SOFT_CAP = "Country above soft cap";
    public static final String THEME_ABOVE_SOFT_CAP = "Theme above soft cap";
    public static final String EARLIER_PAIR_FORMED_AGAIN = "Earlier pair formed again";
    public static final String RETURNING_PARTICIPANTS = "Returning participants";
    public static final String INCOHERENT_CLUSTER = "Incoherent cluster";
    public static final String CLUSTER_COHERENCE = "Cluster coherence";

    private static final HardMediumSoftLongScore ONE_HARD = HardMediumSoftLongScore.ONE_HARD;
    private static final HardMediumSoftLongScore ONE_MEDIUM = HardMediumSoftLongScore.ONE_MEDIUM;

    /** Every constraint's default weight, in the order of the README table. */
    public static final Map<String, HardMediumSoftLongScore> DEFAULT_WEIGHTS = Map.ofEntries(
            Map.entry(CROSS_REGION_PAIR, ONE_HARD),
            Map.entry(INELIGIBLE_APPLICANT_PAIRED, ONE_HARD),
            Map.entry(PARTNER_CAPACITY_EXCEEDED, ONE_HARD),
            Map.entry(PAIR_FORMED_TWICE, ONE_HARD),
            Map.entry(EXCLUDED_PAIR_FORMED, ONE_HARD),
            Map.entry(COUNTRY_CAP_EXCEEDED, ONE_HARD),
            Map.entry(INCOHERENT_CLUSTER, ONE_HARD),
            Map.entry(OPEN_PARTNER_PLACE, ONE_MEDIUM),
            Map.entry(SHARED_CHALLENGES, HardMediumSoftLongScore.ofSoft(100)),
            Map.entry(SIZE_SIMILARITY, HardMediumSoftLongScore.ofSoft(1)),
            Map.entry(COMMON_WORKING_LANGUAGE, HardMediumSoftLongScore.ofSoft(100)),
            Map.entry(PREFERRED_PARTNER_REGION, HardMediumSoftLongScore.ofSoft(300)),
            Map.entry(REGIONAL_BALANCE, HardMediumSoftLongScore.ofSoft(200)),
            Map.entry(COVENANT_OF_MAYORS_SIGNATORIES, HardMediumSoftLongScore.ofSoft(20)),
            Map.entry(POPULATION_BELOW_THRESHOLD, HardMediumSoftLongScore.ofSoft(10)),
            Map.entry(COUNTRY_ABOVE_SOFT_CAP, HardMediumSoftLongScore.ofSoft(200)),
            Map.entry(THEME_ABOVE_SOFT_CAP, HardMediumSoftLongScore.ofSoft(100)),
            Map.entry(EARLIER_PAIR_FORMED_AGAIN, HardMediumSoftLongScore.ofSoft(500)),
            Map.entry(RETURNING_PARTICIPANTS, HardMediumSoftLongScore.ofSoft(100)),
            Map.entry(CLUSTER_COHERENCE, HardMediumSoftLongScore.ofSoft(500)));

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                // Hard
                crossRegionPair(factory),
                ineligibleApplicantPaired(factory),
                partnerCapacityExceeded(factory),
                pairFormedTwice(factory),
                excludedPairFormed(factory),
                countryCapExceeded(factory),
                incoherentCluster(factory),
                // Medium
                openPartnerPlace(factory),
                // Soft
                sharedChallenges(factory),
                sizeSimilarity(factory),
                commonWorkingLanguage(factory),
                preferredPartnerRegion(factory),
                regionalBalance(factory),
                covenantOfMayorsSignatories(factory),
                populationBelowThreshold(factory),
                countryAboveSoftCap(factory),
                themeAboveSoftCap(factory),
                earlierPairFormedAgain(factory),
                returningParticipants(factory),
                clusterCoherence(factory)
        };
    }

    // A pair joins one EU-side applicant with one partner-region applicant: never EU-EU, never partner-partner.
    Constraint crossRegionPair(ConstraintFactory factory) {
        return factory.forEach(PartnerSlot.class)
                .filter(slot -> !isCrossRegion(slot.getOwner(), slot.getPartner()))
                .penalizeLong(weight(CROSS_REGION_PAIR))
                .justifyWith((slot, score) -> pair(slot, 1,
                        "%s (%s) and %s (%s) are not one EU city and one partner-region city.".formatted(
                                slot.getOwner().getName(), regionLabel(slot.getOwner()),
                                slot.getPartner().getName(), regionLabel(slot.getPartner()))))
                .asConstraint(CROSS_REGION_PAIR);
    }

    // Both applicants of a pair are eligible under the call.
    Constraint ineligibleApplicantPaired(ConstraintFactory factory) {
        return factory.forEach(PartnerSlot.class)
                .filter(slot -> !slot.getOwner().isEligible() || !slot.getPartner().isEligible())
                .penalizeLong(weight(INELIGIBLE_APPLICANT_PAIRED))
                .justifyWith((slot, score) -> {
                    Applicant ineligible = slot.getOwner().isEligible() ? slot.getPartner() : slot.getOwner();
                    return pair(slot, 1, "%s is paired with %s although it is not eligible: %s".formatted(
                            ineligible.getName(), other(slot, ineligible).getName(),
                            ineligible.getIneligibilities().get(0).message()));
                })
                .asConstraint(INELIGIBLE_APPLICANT_PAIRED);
    }

    // No applicant has more partners than its max partners; penalized by the excess.
    Constraint partnerCapacityExceeded(ConstraintFactory factory) {
        return partnerCounts(factory)
                .filter((applicant, partners) -> partners > applicant.getMaxPartners())
                .penalizeLong(weight(PARTNER_CAPACITY_EXCEEDED),
                        (applicant, partners) -> partners - applicant.getMaxPartners())
                .justifyWith((applicant, partners, score) -> new ApplicantJustification(applicant.getId(),
                        partners - applicant.getMaxPartners(),
                        "%s has %d partners but takes at most %d.".formatted(applicant.getName(), partners,
                                applicant.getMaxPartners())))
                .asConstraint(PARTNER_CAPACITY_EXCEEDED);
    }

    // The same two applicants are paired at most once.
    Constraint pairFormedTwice(ConstraintFactory factory) {
        return factory.forEachUniquePair(PartnerSlot.class,
                equal(PartnerSlot::getOwner),
                equal(PartnerSlot::getPartner))
                .penalizeLong(weight(PAIR_FORMED_TWICE))
                .justifyWith((slot, duplicate, score) -> pair(slot, 1,
                        "%s and %s are paired twice.".formatted(slot.getOwner().getName(),
                                slot.getPartner().getName())))
                .asConstraint(PAIR_FORMED_TWICE);
    }

    // A pair that either applicant, or the coordination unit, excluded is never formed.
    Constraint excludedPairFormed(ConstraintFactory factory) {
        return factory.forEach(PartnerSlot.class)
                .filter(slot -> slot.getOwner().excludes(slot.getPartner()))
                .penalizeLong(weight(EXCLUDED_PAIR_FORMED))
                .justifyWith((slot, score) -> pair(slot, 1,
                        "%s and %s are paired although the pair is excluded.".formatted(slot.getOwner().getName(),
                                slot.getPartner().getName())))
                .asConstraint(EXCLUDED_PAIR_FORMED);
    }

    // No country is in more pairs than the call's hard cap for it; penalized by the excess.
    Constraint countryCapExceeded(ConstraintFactory factory) {
        return countryPairCounts(factory)
                .filter((limit, pairs) -> limit.cap() >= 0 && pairs > limit.cap())
                .penalizeLong(weight(COUNTRY_CAP_EXCEEDED), (limit, pairs) -> pairs - limit.cap())
                .justifyWith((limit, pairs, score) -> new CountryJustification(limit.country(), pairs, limit.cap(),
                        "%s is in %s; the call allows at most %d.".formatted(limit.country(), pairings(pairs),
                                limit.cap())))
                .asConstraint(COUNTRY_CAP_EXCEEDED);
    }

    // When the call requires coherent clusters, an applicant with several partners shares a theme with all of them.
    Constraint incoherentCluster(ConstraintFactory factory) {
        return incoherentClusters(factory, ClusterCoherence.HARD)
                .penalizeLong(weight(INCOHERENT_CLUSTER))
                .justifyWith((hub, partners, score) -> cluster(hub, partners, "requires"))
                .asConstraint(INCOHERENT_CLUSTER);
    }

    // Every partner place an eligible applicant leaves open costs the same, so the most cooperations come first.
    Constraint openPartnerPlace(ConstraintFactory factory) {
        return partnerCounts(factory)
                .complement(Applicant.class, applicant -> 0)
                .filter((applicant, partners) -> applicant.isEligible()
                        && (applicant.isEuSide() || applicant.isPartnerSide())
                        && partners < applicant.getMaxPartners())
                .penalizeLong(weight(OPEN_PARTNER_PLACE),
                        (applicant, partners) -> applicant.getMaxPartners() - partners)
                .justifyWith((applicant, partners, score) -> new ApplicantJustification(applicant.getId(),
                        applicant.getMaxPartners() - partners, openPlaceSentence(applicant, partners)))
                .asConstraint(OPEN_PARTNER_PLACE);
    }

    // Partners should work on the same themes: each shared theme earns the product of both priorities.
    Constraint sharedChallenges(ConstraintFactory factory) {
        return factory.forEach(PartnerSlot.class)
                .filter(slot -> PairScores.sharedChallengePoints(slot.getOwner(), slot.getPartner()) > 0)
                .rewardLong(weight(SHARED_CHALLENGES),
                        slot -> PairScores.sharedChallengePoints(slot.getOwner(), slot.getPartner()))
                .justifyWith((slot, score) -> pair(slot,
                        PairScores.sharedChallengePoints(slot.getOwner(), slot.getPartner()),
                        sharedChallengeSentence(slot)))
                .asConstraint(SHARED_CHALLENGES);
    }

    // Partners should be of similar size: the gap in log population costs, 69 for a factor 2, 230 for a factor 10.
    Constraint sizeSimilarity(ConstraintFactory factory) {
        return factory.forEach(PartnerSlot.class)
                .filter(slot -> PairScores.sizeGap(slot.getOwner(), slot.getPartner()) > 0)
                .penalizeLong(weight(SIZE_SIMILARITY),
                        slot -> PairScores.sizeGap(slot.getOwner(), slot.getPartner()))
                .justifyWith((slot, score) -> pair(slot, PairScores.sizeGap(slot.getOwner(), slot.getPartner()),
                        "%s (%s inhabitants) and %s (%s) differ in size by a factor of %s.".formatted(
                                slot.getOwner().getName(), thousands(slot.getOwner().getPopulation()),
                                slot.getPartner().getName(), thousands(slot.getPartner().getPopulation()),
                                String.format(Locale.ROOT, "%.1f", sizeFactor(slot)))))
                .asConstraint(SIZE_SIMILARITY);
    }

    // Partners should share a working language: another than both main languages costs 1, none at all costs 3.
    Constraint commonWorkingLanguage(ConstraintFactory factory) {
        return factory.forEach(PartnerSlot.class)
                .filter(slot -> PairScores.languagePenalty(slot.getOwner(), slot.getPartner()) > 0)
                .penalizeLong(weight(COMMON_WORKING_LANGUAGE),
                        slot -> PairScores.languagePenalty(slot.getOwner(), slot.getPartner()))
                .justifyWith((slot, score) -> pair(slot,
                        PairScores.languagePenalty(slot.getOwner(), slot.getPartner()), languageSentence(slot)))
                .asConstraint(COMMON_WORKING_LANGUAGE);
    }

    // An applicant that named preferred partner regions should get a partner from one of them.
    Constraint preferredPartnerRegion(ConstraintFactory factory) {
        return factory.forEach(PartnerSlot.class)
                .filter(slot -> PairScores.regionPreferenceMisses(slot.getOwner(), slot.getPartner()) > 0)
                .penalizeLong(weight(PREFERRED_PARTNER_REGION),
                        slot -> PairScores.regionPreferenceMisses(slot.getOwner(), slot.getPartner()))
                .justifyWith((slot, score) -> pair(slot,
                        PairScores.regionPreferenceMisses(slot.getOwner(), slot.getPartner()),
                        regionPreferenceSentence(slot)))
                .asConstraint(PREFERRED_PARTNER_REGION);
    }

    // Each partner region's number of pairings should meet the call's target for it.
    Constraint regionalBalance(ConstraintFactory factory) {
        return factory.forEach(PartnerSlot.class)
                .join(RegionTarget.class, equal(slot -> slot.getPartner().getRegion(), RegionTarget::region))
                .groupBy((slot, target) -> target, countBi())
                .complement(RegionTarget.class, target -> 0)
                .filter((target, pairs) -> pairs != target.targetPairs())
                .penalizeLong(weight(REGIONAL_BALANCE), (target, pairs) -> Math.abs(pairs - target.targetPairs()))
                .justifyWith((target, pairs, score) -> new RegionBalanceJustification(target.region(), pairs,
                        target.targetPairs(), "%s has %s; the call aims for %d.".formatted(
                                capitalized(target.region().label()), pairings(pairs), target.targetPairs())))
                .asConstraint(REGIONAL_BALANCE);
    }

    // A small bonus for each Global Covenant of Mayors signatory in a pair.
    Constraint covenantOfMayorsSignatories(ConstraintFactory factory) {
        return factory.forEach(PartnerSlot.class)
                .filter(slot -> PairScores.covenantSignatories(slot.getOwner(), slot.getPartner()) > 0)
                .rewardLong(weight(COVENANT_OF_MAYORS_SIGNATORIES),
                        slot -> PairScores.covenantSignatories(slot.getOwner(), slot.getPartner()))
                .justifyWith((slot, score) -> pair(slot,
                        PairScores.covenantSignatories(slot.getOwner(), slot.getPartner()), covenantSentence(slot)))
                .asConstraint(COVENANT_OF_MAYORS_SIGNATORIES);
    }

    // Under a population preference, a pair costs more the further its members fall below the call's threshold.
    Constraint populationBelowThreshold(ConstraintFactory factory) {
        return factory.forEach(PartnerSlot.class)
                .filter(slot -> PairScores.populationShortfall(slot.getOwner(), slot.getPartner()) > 0)
                .penalizeLong(weight(POPULATION_BELOW_THRESHOLD),
                        slot -> PairScores.populationShortfall(slot.getOwner(), slot.getPartner()))
                .justifyWith((slot, score) -> pair(slot,
                        PairScores.populationShortfall(slot.getOwner(), slot.getPartner()), shortfallSentence(slot)))
                .asConstraint(POPULATION_BELOW_THRESHOLD);
    }

    // A country should not be in more pairs than the call's soft cap for it; each pair beyond costs.
    Constraint countryAboveSoftCap(ConstraintFactory factory) {
        return countryPairCounts(factory)
                .filter((limit, pairs) -> limit.softCap() >= 0 && pairs > limit.softCap())
                .penalizeLong(weight(COUNTRY_ABOVE_SOFT_CAP), (limit, pairs) -> pairs - limit.softCap())
                .justifyWith((limit, pairs, score) -> new CountryJustification(limit.country(), pairs,
                        limit.softCap(), "%s is in %s; the call prefers at most %d per country.".formatted(
                                limit.country(), pairings(pairs), limit.softCap())))
                .asConstraint(COUNTRY_ABOVE_SOFT_CAP);
    }

    // Pairs should spread across the call's themes: each pair beyond a theme's soft cap (by main shared theme) costs.
    Constraint themeAboveSoftCap(ConstraintFactory factory) {
        return factory.forEach(PartnerSlot.class)
                .join(ThemeLimit.class, equal(slot -> PairScores.mainSharedTheme(slot.getOwner(), slot.getPartner()),
                        ThemeLimit::themeIndex))
                .groupBy((slot, limit) -> limit, countBi())
                .filter((limit, pairs) -> pairs > limit.softCap())
                .penalizeLong(weight(THEME_ABOVE_SOFT_CAP), (limit, pairs) -> pairs - limit.softCap())
                .justifyWith((limit, pairs, score) -> new ThemeJustification(limit.theme(), pairs, limit.softCap(),
                        "%s is the main shared theme of %s; the call prefers at most %d per theme.".formatted(
                                limit.theme(), pairings(pairs), limit.softCap())))
                .asConstraint(THEME_ABOVE_SOFT_CAP);
    }

    // When the call penalizes it, a pair that either applicant names as an earlier partnership should not form again.
    Constraint earlierPairFormedAgain(ConstraintFactory factory) {
        return factory.forEach(PartnerSlot.class)
                .filter(slot -> PairScores.earlierPair(slot.getOwner(), slot.getPartner()) > 0)
                .penalizeLong(weight(EARLIER_PAIR_FORMED_AGAIN))
                .justifyWith((slot, score) -> pair(slot, 1, "%s and %s were partners in an earlier call."
                        .formatted(slot.getOwner().getName(), slot.getPartner().getName())))
                .asConstraint(EARLIER_PAIR_FORMED_AGAIN);
    }

    // When the call prefers first-time participants, each member of a pair that took part before costs.
    Constraint returningParticipants(ConstraintFactory factory) {
        return factory.forEach(PartnerSlot.class)
                .filter(slot -> PairScores.returningParticipants(slot.getOwner(), slot.getPartner()) > 0)
                .penalizeLong(weight(RETURNING_PARTICIPANTS),
                        slot -> PairScores.returningParticipants(slot.getOwner(), slot.getPartner()))
                .justifyWith((slot, score) -> pair(slot,
                        PairScores.returningParticipants(slot.getOwner(), slot.getPartner()),
                        returningSentence(slot)))
                .asConstraint(RETURNING_PARTICIPANTS);
    }

    // When the call prefers coherent clusters, each applicant with several partners that shares no theme with all of
    // them costs.
    Constraint clusterCoherence(ConstraintFactory factory) {
        return incoherentClusters(factory, ClusterCoherence.SOFT)
                .penalizeLong(weight(CLUSTER_COHERENCE))
                .justifyWith((hub, partners, score) -> cluster(hub, partners, "prefers"))
                .asConstraint(CLUSTER_COHERENCE);
    }

    // ************************************************************************
    // Helpers
    // ************************************************************************

    /**
     * Under the given coherence rule, each cluster (an applicant with two or more partners, whichever side it is on)
     * whose members share no theme, with its partners.
     */
    private static BiConstraintStream<Applicant, List<Applicant>> incoherentClusters(ConstraintFactory factory,
            ClusterCoherence rule) {
        return factory.forEach(PartnerSlot.class)
                .filter(slot -> slot.getOwner().getClusterCoherence() == rule)
                .map(PartnerSlot::getOwner, PartnerSlot::getPartner)
                .concat(factory.forEach(PartnerSlot.class)
                        .filter(slot -> slot.getOwner().getClusterCoherence() == rule)
                        .map(PartnerSlot::getPartner, PartnerSlot::getOwner))
                .groupBy((hub, partner) -> hub, toList((hub, partner) -> partner))
                .filter((hub, partners) -> partners.size() >= 2 && !PairScores.isCoherent(hub, partners));
    }

    private static ClusterJustification cluster(Applicant hub, List<Applicant> partners, String callWants) {
        List<Applicant> sorted = partners.stream().sorted(java.util.Comparator.comparing(Applicant::getId)).toList();
        return new ClusterJustification(hub.getId(), sorted.stream().map(Applicant::getId).toList(),
                "%s (%s) and its partners %s share no theme; the call %s one theme common to each cluster."
                        .formatted(hub.getName(), themeList(hub), joined(sorted.stream()
                                .map(partner -> "%s (%s)".formatted(partner.getName(), themeList(partner)))
                                .toList()), callWants));
    }

    private static String themeList(Applicant applicant) {
        List<String> themes = PairScores.themes(applicant);
        return themes.isEmpty() ? "no theme of the call" : String.join(", ", themes);
    }

    /** "a", "a and b", "a, b and c". */
    static String joined(List<String> parts) {
        if (parts.size() <= 1) {
            return String.join("", parts);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    private static HardMediumSoftLongScore weight(String constraintName) {
        return DEFAULT_WEIGHTS.get(constraintName);
    }

    /** Each applicant with the number of pairs it is in, as the owner of a slot or as a slot's partner. */
    private static BiConstraintStream<Applicant, Integer> partnerCounts(ConstraintFactory factory) {
        return factory.forEach(PartnerSlot.class)
                .map(PartnerSlot::getOwner)
                .concat(factory.forEach(PartnerSlot.class).map(PartnerSlot::getPartner))
                .groupBy(applicant -> applicant, count());
    }

    /** Each limited country with the number of pairs it is in (as the EU member's or the partner's country). */
    private static BiConstraintStream<CountryLimit, Integer> countryPairCounts(ConstraintFactory factory) {
        return factory.forEach(PartnerSlot.class)
                .map(slot -> slot.getOwner().getProfile().country())
                .concat(factory.forEach(PartnerSlot.class).map(slot -> slot.getPartner().getProfile().country()))
                .join(CountryLimit.class, equal(country -> country, CountryLimit::country))
                .groupBy((country, limit) -> limit, countBi());
    }

    public static boolean isCrossRegion(Applicant a, Applicant b) {
        return (a.isEuSide() && b.isPartnerSide()) || (a.isPartnerSide() && b.isEuSide());
    }

    private static PairJustification pair(PartnerSlot slot, long amount, String description) {
        return new PairJustification(slot.getOwner().getId(), slot.getPartner().getId(), amount, description);
    }

    private static Applicant other(PartnerSlot slot, Applicant one) {
        return slot.getOwner() == one ? slot.getPartner() : slot.getOwner();
    }

    private static String regionLabel(Applicant applicant) {
        return applicant.getRegion() == null ? "outside the call" : applicant.getRegion().label();
    }

    static String openPlaceSentence(Applicant applicant, int partners) {
        if (partners == 0) {
            return applicant.getMaxPartners() == 1
                    ? applicant.getName() + " is left without a partner."
                    : "%s is left without any of its %d partners.".formatted(applicant.getName(),
                            applicant.getMaxPartners());
        }
        int open = applicant.getMaxPartners() - partners;
        return "%s has %d of its %d partner places open.".formatted(applicant.getName(), open,
                applicant.getMaxPartners());
    }

    static String sharedChallengeSentence(PartnerSlot slot) {
        List<SharedChallenge> shared = PairScores.sharedChallenges(slot.getOwner(), slot.getPartner()).stream()
                .sorted(java.util.Comparator.comparingInt(SharedChallenge::points).reversed())
                .toList();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < shared.size(); i++) {
            SharedChallenge challenge = shared.get(i);
            if (i > 0) {
                text.append(i == shared.size() - 1 ? " and " : ", ");
            }
            text.append(challenge.theme()).append(" (");
            if (i == 0) {
                text.append("priority ");
            }
            text.append(challenge.firstPriority()).append(" and ").append(challenge.secondPriority()).append(')');
        }
        return "%s and %s share %s.".formatted(slot.getOwner().getName(), slot.getPartner().getName(), text);
    }

    static String languageSentence(PartnerSlot slot) {
        Applicant a = slot.getOwner();
        Applicant b = slot.getPartner();
        List<String> shared = PairScores.sharedLanguages(a, b);
        if (shared.isEmpty()) {
            return "%s (%s) and %s (%s) share no working language.".formatted(a.getName(), languages(a),
                    b.getName(), languages(b));
        }
        return "%s and %s share %s, but not their main working language.".formatted(a.getName(), b.getName(),
                String.join(", ", shared));
    }

    private static String languages(Applicant applicant) {
        return applicant.getLanguages().isEmpty() ? "none given" : String.join(", ", applicant.getLanguages());
    }

    static String regionPreferenceSentence(PartnerSlot slot) {
        Applicant a = slot.getOwner();
        Applicant b = slot.getPartner();
        StringBuilder text = new StringBuilder();
        for (Applicant who : List.of(a, b)) {
            Applicant partner = who == a ? b : a;
            if (!who.getPreferredPartnerRegions().isEmpty()
                    && !who.getPreferredPartnerRegions().contains(partner.getRegion())) {
                if (!text.isEmpty()) {
                    text.append(' ');
                }
                text.append("%s prefers a partner from %s, but %s is in %s.".formatted(who.getName(),
                        who.getPreferredPartnerRegions().stream().map(region -> region.label())
                                .collect(Collectors.joining(" or ")),
                        partner.getName(), regionLabel(partner)));
            }
        }
        return text.toString();
    }

    static String shortfallSentence(PartnerSlot slot) {
        List<String> parts = new java.util.ArrayList<>();
        for (Applicant who : List.of(slot.getOwner(), slot.getPartner())) {
            if (who.getPopulationShortfall() > 0) {
                parts.add("%s has %s inhabitants, not more than the %s the call prefers.".formatted(who.getName(),
                        who.getCountedPopulation() == null ? thousands(who.getPopulation())
                                : who.getCountedPopulation().describe(),
                        thousands(who.getPopulationThreshold())));
            }
        }
        return String.join(" ", parts);
    }

    static String returningSentence(PartnerSlot slot) {
        List<String> returning = new java.util.ArrayList<>();
        for (Applicant who : List.of(slot.getOwner(), slot.getPartner())) {
            if (who.getReturning() > 0) {
                returning.add(who.getName());
            }
        }
        return returning.size() == 2
                ? "%s and %s both took part in an earlier call; the call prefers first-time participants.".formatted(
                        returning.get(0), returning.get(1))
                : "%s took part in an earlier call; the call prefers first-time participants.".formatted(
                        returning.get(0));
    }

    static String covenantSentence(PartnerSlot slot) {
        Applicant a = slot.getOwner();
        Applicant b = slot.getPartner();
        if (a.isCovenantSignatory() && b.isCovenantSignatory()) {
            return "%s and %s are both Covenant of Mayors signatories.".formatted(a.getName(), b.getName());
        }
        Applicant signatory = a.isCovenantSignatory() ? a : b;
        return signatory.getName() + " is a Covenant of Mayors signatory.";
    }

    private static double sizeFactor(PartnerSlot slot) {
        long larger = Math.max(slot.getOwner().getPopulation(), slot.getPartner().getPopulation());
        long smaller = Math.max(1L, Math.min(slot.getOwner().getPopulation(), slot.getPartner().getPopulation()));
        return (double) larger / smaller;
    }

    private static String pairings(int count) {
        return count == 1 ? "1 pairing" : count + " pairings";
    }

    private static String thousands(long number) {
        return String.format(Locale.ROOT, "%,d", number);
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
