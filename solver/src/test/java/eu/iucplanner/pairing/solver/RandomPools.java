package eu.iucplanner.pairing.solver;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import eu.iucplanner.pairing.domain.Applicant;
import eu.iucplanner.pairing.domain.ApplicantProfile;
import eu.iucplanner.pairing.domain.CallRules;
import eu.iucplanner.pairing.domain.CountryLimits;
import eu.iucplanner.pairing.domain.PairRef;
import eu.iucplanner.pairing.domain.PairingProblem;
import eu.iucplanner.pairing.domain.ParticipationRules;
import eu.iucplanner.pairing.domain.PairingSolution;
import eu.iucplanner.pairing.domain.PopulationPolicy;
import eu.iucplanner.pairing.domain.ProgrammeRegion;

/** Small random pools that exercise every constraint, reproducible from a seed. */
final class RandomPools {

    private static final String[] EU_COUNTRIES = { "FR", "DE", "ES", "IT", "PL" };
    private static final String[][] PARTNER_COUNTRIES = { { "US", "CA" }, { "BR", "MX", "CO" }, { "JP", "IN" } };
    private static final String[] LANGUAGES = { "en", "fr", "es", "pt", "de" };

    private RandomPools() {
    }

    static PairingProblem generate(Random random, int maxPerSide, boolean withTargets) {
        CallRules call = CallRules.defaults();
        int euCount = 1 + random.nextInt(maxPerSide);
        int partnerCount = 1 + random.nextInt(maxPerSide);
        List<ApplicantProfile> applicants = new ArrayList<>();
        for (int i = 0; i < euCount; i++) {
            applicants.add(randomApplicant(random, call, "eu" + i, EU_COUNTRIES[random.nextInt(EU_COUNTRIES.length)],
                    true));
        }
        for (int i = 0; i < partnerCount; i++) {
            String[] region = PARTNER_COUNTRIES[random.nextInt(PARTNER_COUNTRIES.length)];
            applicants.add(randomApplicant(random, call, "p" + i, region[random.nextInt(region.length)], false));
        }
        List<PairRef> excluded = new ArrayList<>();
        if (random.nextInt(3) == 0) {
            excluded.add(new PairRef("eu" + random.nextInt(euCount), "p" + random.nextInt(partnerCount)));
        }
        if (withTargets) {
            Map<ProgrammeRegion, Integer> targets = new EnumMap<>(ProgrammeRegion.class);
            for (ProgrammeRegion region : ProgrammeRegion.values()) {
                if (region.isPartnerRegion() && random.nextBoolean()) {
                    targets.put(region, random.nextInt(3));
                }
            }
            call = call.withTargetPairs(targets);
        }
        if (random.nextInt(3) == 0) {
            // Earlier participation: penalized or excluded earlier pairs, and a preference for first-time applicants.
            ParticipationRules.EarlierPairs[] modes = ParticipationRules.EarlierPairs.values();
            call = call.withParticipation(new ParticipationRules(modes[random.nextInt(modes.length)],
                    random.nextBoolean()));
        }
        if (random.nextInt(3) == 0) {
            // Country limits: a hard cap for every country and a soft cap below it, or one country's own cap.
            Integer cap = random.nextBoolean() ? 1 + random.nextInt(2) : null;
            Integer softCap = random.nextBoolean() ? random.nextInt(2) : null;
            Map<String, Integer> own = random.nextBoolean() ? Map.of(EU_COUNTRIES[random.nextInt(EU_COUNTRIES.length)],
                    random.nextInt(2)) : Map.of();
            call = call.withCountryLimits(new CountryLimits(cap, own, softCap, Map.of()));
        }
        if (random.nextInt(3) == 0) {
            // A population preference: the towns of 80,000 become eligible, and every pair with one costs more.
            call = call.withPopulationPolicy(PopulationPolicy.PREFERENCE, 50_000, call.countedPopulationBases());
        }
        return new PairingProblem(call, applicants, List.of(), excluded, Map.of());
    }

    private static ApplicantProfile randomApplicant(Random random, CallRules call, String id, String country,
            boolean euSide) {
        ApplicantProfile.Builder builder = ApplicantProfile.builder(id, "City " + id, country)
                .population(random.nextInt(8) == 0 ? 80_000 : 100_001 + random.nextInt(3_000_000))
                .maxPartners(random.nextInt(4) == 0 ? 2 : 1)
                .covenantSignatory(random.nextInt(3) == 0);
        int languages = 1 + random.nextInt(2);
        for (int i = 0; i < languages; i++) {
            builder.languages(LANGUAGES[random.nextInt(LANGUAGES.length)]);
        }
        int challenges = 1 + random.nextInt(3);
        for (int i = 0; i < challenges; i++) {
            builder.challenge(call.themes().get(random.nextInt(5)), 1 + random.nextInt(3));
        }
        if (euSide && random.nextInt(3) == 0) {
            ProgrammeRegion[] partnerRegions = { ProgrammeRegion.NORTH_AMERICA,
                    ProgrammeRegion.LATIN_AMERICA_CARIBBEAN, ProgrammeRegion.ASIA };
            builder.prefers(partnerRegions[random.nextInt(partnerRegions.length)]);
        }
        if (random.nextInt(10) == 0) {
            builder.committedMonths(12);
        }
        if (random.nextInt(4) == 0) {
            // An earlier partner among the other side's ids (p0.. for EU applicants, eu0.. for partners).
            builder.earlierPartners((euSide ? "p" : "eu") + random.nextInt(4));
        }
        return builder.build();
    }

    /**
     * Whether one more pin of (owner, partner) keeps every country within its hard cap, counting the pins already
     * given (the service refuses pins beyond a cap).
     */
    static boolean pinFitsCountryCaps(PairingSolution solution, java.util.List<PairRef> pins, Applicant owner,
            Applicant partner) {
        java.util.Map<String, Applicant> byId = new java.util.HashMap<>();
        solution.getApplicants().forEach(applicant -> byId.put(applicant.getId(), applicant));
        for (eu.iucplanner.pairing.domain.CountryLimit limit : solution.getCountryLimits()) {
            if (limit.cap() < 0) {
                continue;
            }
            long taken = pins.stream().filter(pin -> byId.get(pin.firstId()).getProfile().country()
                    .equals(limit.country()) || byId.get(pin.secondId()).getProfile().country()
                            .equals(limit.country())).count();
            boolean mine = owner.getProfile().country().equals(limit.country())
                    || partner.getProfile().country().equals(limit.country());
            if (mine && taken + 1 > limit.cap()) {
                return false;
            }
        }
        return true;
    }
}
