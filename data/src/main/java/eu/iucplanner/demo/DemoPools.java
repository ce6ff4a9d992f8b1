package eu.iucplanner.demo;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import eu.iucplanner.pairing.domain.ApplicantKind;
import eu.iucplanner.pairing.domain.ApplicantProfile;
import eu.iucplanner.pairing.domain.CallRules;
import eu.iucplanner.pairing.domain.Challenge;
import eu.iucplanner.pairing.domain.PairingProblem;
import eu.iucplanner.pairing.domain.ProgrammeRegion;
import eu.iucplanner.pairing.csv.ApplicantColumn;
import eu.iucplanner.pairing.csv.ApplicantCsv;
import eu.iucplanner.reference.City;
import eu.iucplanner.reference.ReferenceData;

/**
 * Seeded, reproducible demo pools drawn from the real reference cities: real names, populations, countries and
 * coordinates; the country's first official language, sometimes its others, and English for a realistic share; 1 to 4
 * challenges from the IUC topics; and a realistic share of applicants that are ineligible for each reason (towns of 50,000 to 100,000,
 * regional governments, groups of real towns without a lead authority, commitments of 12 months).
 * <p>
 * Proportions: 42 % of applicants on the EU side; of the partner side 25 % North America, 35 % Latin America and the
 * Caribbean, 40 % Asia and Australasia. About 12 % are ineligible. The reference data has 398 EU cities of more than
 * 100,000 inhabitants, so LARGE and HUGE pools use some cities twice; a repeated city gets a numbered name
 * ("Lyon (2)") and id. The same size and seed give the same pool, byte for byte.
 */
public final class DemoPools {

    public static final long DEFAULT_SEED = 1L;

    private static final double EU_SHARE = 0.42;
    private static final Map<ProgrammeRegion, Double> PARTNER_SHARES = Map.of(
            ProgrammeRegion.NORTH_AMERICA, 0.25,
            ProgrammeRegion.LATIN_AMERICA_CARIBBEAN, 0.35,
            ProgrammeRegion.ASIA, 0.40);
    private static final List<ProgrammeRegion> PARTNER_REGIONS = List.of(ProgrammeRegion.NORTH_AMERICA,
            ProgrammeRegion.LATIN_AMERICA_CARIBBEAN, ProgrammeRegion.ASIA);

    /** Shares of the pool per kind of ineligible applicant, and of eligible groups with a lead authority. */
    private static final double SMALL_TOWN_SHARE = 0.04;
    private static final double REGION_SHARE = 0.03;
    private static final double GROUP_WITHOUT_LEAD_SHARE = 0.03;
    private static final double SHORT_COMMITMENT_SHARE = 0.02;
    private static final double GROUP_WITH_LEAD_SHARE = 0.02;

    private DemoPools() {
    }

    public static PairingProblem generate(DemoPoolSize size) {
        return generate(size, DEFAULT_SEED, false);
    }

    /**
     * @param withRegionalTargets whether the call sets target pairings per partner region (35 % North America,
     *                            35 % Latin America, 30 % Asia of the pairs possible), which switches the regional
     *                            balance on
     */
    public static PairingProblem generate(DemoPoolSize size, long seed, boolean withRegionalTargets) {
        return new Generator(size, seed, withRegionalTargets).generate();
    }

    private static final class Generator {

        private final DemoPoolSize size;
        private final Random random;
        private final boolean withTargets;
        private final CallRules defaults = CallRules.defaults();
        private final ReferenceData data = ReferenceData.get();
        private final Map<ProgrammeRegion, List<City>> bigCities = new EnumMap<>(ProgrammeRegion.class);
        private final Map<ProgrammeRegion, List<City>> towns = new EnumMap<>(ProgrammeRegion.class);
        private final Map<ProgrammeRegion, Integer> nextBig = new EnumMap<>(ProgrammeRegion.class);
        private final Map<ProgrammeRegion, Integer> nextTown = new EnumMap<>(ProgrammeRegion.class);
        private final Map<Long, Integer> uses = new HashMap<>();
        private final List<ApplicantProfile> applicants = new ArrayList<>();

        Generator(DemoPoolSize size, long seed, boolean withTargets) {
            this.size = size;
            this.random = new Random(seed);
            this.withTargets = withTargets;
            for (ProgrammeRegion region : ProgrammeRegion.values()) {
                List<City> big = new ArrayList<>();
                List<City> small = new ArrayList<>();
                for (City city : data.cities()) {
                    if (defaults.regionOf(city.country()).orElse(null) == region) {
                        (city.population() > defaults.populationThreshold() ? big : small).add(city);
                    }
                }
                java.util.Collections.shuffle(big, random);
                java.util.Collections.shuffle(small, random);
                bigCities.put(region, big);
                towns.put(region, small);
                nextBig.put(region, 0);
                nextTown.put(region, 0);
            }
        }

        PairingProblem generate() {
            int total = size.applicants();
            int eu = (int) Math.round(total * EU_SHARE);
            Map<ProgrammeRegion, Integer> perRegion = new EnumMap<>(ProgrammeRegion.class);
            perRegion.put(ProgrammeRegion.EU, eu);
            int partners = total - eu;
            int assigned = 0;
            for (int i = 0; i < PARTNER_REGIONS.size(); i++) {
                ProgrammeRegion region = PARTNER_REGIONS.get(i);
                int count = i == PARTNER_REGIONS.size() - 1 ? partners - assigned
                        : (int) Math.round(partners * PARTNER_SHARES.get(region));
                perRegion.put(region, count);
                assigned += count;
            }
            for (Map.Entry<ProgrammeRegion, Integer> entry : perRegion.entrySet()) {
                addRegion(entry.getKey(), entry.getValue());
            }
            CallRules call = new CallRules("Demo call " + size.name().toLowerCase(Locale.ROOT),
                    defaults.populationThreshold(), defaults.minimumCommitmentMonths(), defaults.countryRegions(),
                    defaults.themes(), withTargets ? targets(perRegion) : Map.of());
            return PairingProblem.of(call, applicants);
        }

        private Map<ProgrammeRegion, Integer> targets(Map<ProgrammeRegion, Integer> perRegion) {
            int possiblePairs = Math.min(perRegion.get(ProgrammeRegion.EU), size.applicants()
                    - perRegion.get(ProgrammeRegion.EU));
            Map<ProgrammeRegion, Integer> targets = new EnumMap<>(ProgrammeRegion.class);
            targets.put(ProgrammeRegion.NORTH_AMERICA, (int) Math.round(possiblePairs * 0.35));
            targets.put(ProgrammeRegion.LATIN_AMERICA_CARIBBEAN, (int) Math.round(possiblePairs * 0.35));
            targets.put(ProgrammeRegion.ASIA, (int) Math.round(possiblePairs * 0.30));
            return targets;
        }

        private void addRegion(ProgrammeRegion region, int count) {
            int smallTowns = share(count, SMALL_TOWN_SHARE);
            int regions = share(count, REGION_SHARE);
            int groupsWithoutLead = share(count, GROUP_WITHOUT_LEAD_SHARE);
            int shortCommitments = share(count, SHORT_COMMITMENT_SHARE);
            int groupsWithLead = share(count, GROUP_WITH_LEAD_SHARE);
            int cities = count - smallTowns - regions - groupsWithoutLead - shortCommitments - groupsWithLead;
            for (int i = 0; i < cities; i++) {
                applicants.add(city(region, bigCity(region), 18 + 6 * random.nextInt(4)));
            }
            for (int i = 0; i < shortCommitments; i++) {
                applicants.add(city(region, bigCity(region), 12));
            }
            for (int i = 0; i < smallTowns; i++) {
                applicants.add(city(region, town(region), 18 + 6 * random.nextInt(3)));
            }
            for (int i = 0; i < regions; i++) {
                applicants.add(regionalGovernment(region, bigCity(region)));
            }
            for (int i = 0; i < groupsWithoutLead; i++) {
                applicants.add(group(region, false));
            }
            for (int i = 0; i < groupsWithLead; i++) {
                applicants.add(group(region, true));
            }
        }

        /** Rounded share, at least one of each kind in pools of 200 or more. */
        private int share(int count, double share) {
            int value = (int) Math.round(count * share);
            return size.applicants() >= DemoPoolSize.MEDIUM.applicants() ? Math.max(1, value) : value;
        }

        private City bigCity(ProgrammeRegion region) {
            return draw(bigCities.get(region), nextBig, region);
        }

        private City town(ProgrammeRegion region) {
            return draw(towns.get(region), nextTown, region);
        }

        private static City draw(List<City> list, Map<ProgrammeRegion, Integer> next, ProgrammeRegion region) {
            int index = next.get(region);
            next.put(region, index + 1);
            return list.get(index % list.size());
        }

        /** The id and name of a city's next use: the first plain, later ones numbered. */
        private String[] idAndName(City city, String prefix) {
            int use = uses.merge(city.geonamesId(), 1, Integer::sum);
            String id = city.country().toLowerCase(Locale.ROOT) + "-" + prefix + city.geonamesId()
                    + (use == 1 ? "" : "-" + use);
            return new String[] { id, use == 1 ? city.name() : city.name() + " (" + use + ")" };
        }

        private ApplicantProfile city(ProgrammeRegion region, City city, int committedMonths) {
            String[] idName = idAndName(city, "");
            ApplicantProfile.Builder builder = base(region, idName[0], idName[1], city)
                    .population(city.population())
                    .committedMonths(committedMonths);
            return builder.build();
        }

        private ApplicantProfile regionalGovernment(ProgrammeRegion region, City seat) {
            String[] idName = idAndName(seat, "region-");
            return base(region, idName[0], "Regional government of " + idName[1], seat)
                    .kind(ApplicantKind.SUB_NATIONAL_GOVERNMENT)
                    .population(seat.population() * (2 + random.nextInt(3)))
                    .build();
        }

        private ApplicantProfile group(ProgrammeRegion region, boolean withLead) {
            City lead = town(region);
            List<City> members = new ArrayList<>();
            members.add(lead);
            for (City candidate : towns.get(region)) {
                if (members.size() == 3) {
                    break;
                }
                if (candidate.country().equals(lead.country()) && candidate != lead && random.nextInt(3) == 0) {
                    members.add(candidate);
                }
            }
            if (members.size() == 1) {
                members.add(town(region));
            }
            String[] idName = idAndName(lead, "group-");
            String name = "Group of " + members.stream().map(City::name).collect(Collectors.joining(", "));
            ApplicantProfile.Builder builder = base(region, idName[0], name, lead)
                    .kind(ApplicantKind.MUNICIPALITY_GROUP);
            for (City member : members) {
                builder.member(member.name(), member.population());
            }
            if (withLead) {
                builder.leadAuthorityContact("International relations office, " + lead.name() + " city hall");
            }
            return builder.build();
        }

        private ApplicantProfile.Builder base(ProgrammeRegion region, String id, String name, City city) {
            ApplicantProfile.Builder builder = ApplicantProfile.builder(id, name, city.country())
                    .coordinates(city.latitude(), city.longitude())
                    .covenantSignatory(random.nextDouble() < 0.35)
                    .maxPartners(random.nextDouble() < 0.08 ? 2 : 1);
            // The country's first official language always; its other official languages now and then, since a
            // city usually works in the language of its own region, which the reference data does not record.
            List<String> official = data.country(city.country()).orElseThrow().languages();
            Set<String> languages = new LinkedHashSet<>();
            for (int i = 0; i < official.size(); i++) {
                if (i == 0 || random.nextDouble() < 0.2) {
                    languages.add(official.get(i));
                }
            }
            if (!languages.contains("en") && random.nextDouble() < (region == ProgrammeRegion.EU ? 0.7 : 0.5)) {
                languages.add("en");
            }
            builder.languages(languages.toArray(String[]::new));
            List<String> themes = new ArrayList<>(defaults.themes());
            int challengeCount = 1 + random.nextInt(4);
            for (int i = 0; i < challengeCount; i++) {
                String theme = themes.remove(random.nextInt(themes.size()));
                builder.challenge(theme, Challenge.MIN_PRIORITY + random.nextInt(Challenge.MAX_PRIORITY));
            }
            if (region == ProgrammeRegion.EU && random.nextDouble() < 0.25) {
                builder.prefers(PARTNER_REGIONS.get(random.nextInt(PARTNER_REGIONS.size())));
            }
            return builder;
        }
    }

    /**
     * The pool as CSV in the columns of {@link ApplicantColumn} (CRLF, RFC 4180): the canonical text of a pool, used to
     * check reproducibility and served as the demo pools' CSV, which the service reads back as the same pool.
     */
    public static String toCsv(PairingProblem problem) {
        return ApplicantCsv.write(problem.applicants());
    }
}
