package eu.iucplanner.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import eu.iucplanner.pairing.domain.ApplicantProfile;
import eu.iucplanner.pairing.domain.CallRules;
import eu.iucplanner.pairing.domain.PairingSolution;
import eu.iucplanner.pairing.domain.PartnerSlot;
import eu.iucplanner.pairing.domain.ProgrammeRegion;
import eu.iucplanner.reference.City;
import eu.iucplanner.reference.HolidayCalendar;
import eu.iucplanner.reference.PublicHoliday;
import eu.iucplanner.reference.ReferenceData;
import eu.iucplanner.reference.SoftPeriod;
import eu.iucplanner.scheduling.domain.ActivityPlan;
import eu.iucplanner.scheduling.domain.CalendarPeriod;
import eu.iucplanner.scheduling.domain.CooperationPair;
import eu.iucplanner.scheduling.domain.ExchangeSchedule;
import eu.iucplanner.scheduling.domain.Expert;
import eu.iucplanner.scheduling.domain.SchedulingCity;
import eu.iucplanner.scheduling.domain.SchedulingParameters;
import eu.iucplanner.scheduling.domain.WorkingWeek;
import eu.iucplanner.scheduling.solver.ExchangeScheduleFactory;

/**
 * Seeded demo scheduling problems from real cities: pairs of an EU city (more than 100,000 inhabitants) and a partner
 * city, spread round-robin over the three partner regions (or the pairs of a solved pairing demo pool), each city
 * with its public holidays (its subdivision's included), its soft periods, its weekend and its time zone from the
 * reference data, and experts who each cover two partner regions and live in an EU capital or in a city of the first
 * region they cover. The default activity plan: two study visits and the regional seminar in person, the rest online.
 */
public final class SchedulingDemos {

    private static final List<ProgrammeRegion> PARTNER_REGIONS = List.of(ProgrammeRegion.NORTH_AMERICA,
            ProgrammeRegion.LATIN_AMERICA_CARIBBEAN, ProgrammeRegion.ASIA);

    /** Where demo experts live: EU capitals, and a city in each partner region. */
    private static final List<String[]> EU_HOMES = List.of(new String[] { "BE", "Brussels" },
            new String[] { "DE", "Berlin" }, new String[] { "ES", "Madrid" }, new String[] { "IT", "Rome" },
            new String[] { "FR", "Paris" }, new String[] { "AT", "Vienna" }, new String[] { "PT", "Lisbon" },
            new String[] { "PL", "Warsaw" }, new String[] { "CZ", "Prague" });
    private static final Map<ProgrammeRegion, List<String[]>> REGION_HOMES = new EnumMap<>(Map.of(
            ProgrammeRegion.NORTH_AMERICA, List.of(new String[] { "US", "New York City" },
                    new String[] { "CA", "Toronto" }, new String[] { "US", "Chicago" }),
            ProgrammeRegion.LATIN_AMERICA_CARIBBEAN, List.of(new String[] { "MX", "Mexico City" },
                    new String[] { "CO", "Bogota" }, new String[] { "BR", "Sao Paulo" },
                    new String[] { "CL", "Santiago" }, new String[] { "PE", "Lima" }),
            ProgrammeRegion.ASIA, List.of(new String[] { "JP", "Tokyo" }, new String[] { "KR", "Seoul" },
                    new String[] { "TH", "Bangkok" }, new String[] { "ID", "Jakarta" },
                    new String[] { "MY", "Kuala Lumpur" }, new String[] { "AU", "Sydney" })));

    /** The most events a demo expert takes a month. */
    public static final int EXPERT_EVENTS_PER_MONTH = 6;

    private SchedulingDemos() {
    }

    /** The default demo: 20 pairs, 3 experts, from the first Monday of 2027, 18 months, seed 1. */
    public static ExchangeSchedule generate() {
        return generate(20, 3, LocalDate.of(2027, 1, 4), 18, 1L);
    }

    public static ExchangeSchedule generate(int pairCount, int expertCount, LocalDate start, int months, long seed) {
        Random random = new Random(seed);
        ReferenceData reference = ReferenceData.get();
        Map<String, ProgrammeRegion> regions = CallRules.defaultCountryRegions();
        Map<ProgrammeRegion, List<City>> citiesByRegion = new HashMap<>();
        for (City city : reference.cities()) {
            ProgrammeRegion region = regions.get(city.country());
            if (region != null && city.population() > CallRules.DEFAULT_POPULATION_THRESHOLD) {
                citiesByRegion.computeIfAbsent(region, r -> new ArrayList<>()).add(city);
            }
        }
        citiesByRegion.values().forEach(list -> list.sort(Comparator.comparingLong(City::geonamesId)));
        Set<Long> used = new HashSet<>();
        List<CooperationPair> pairs = new ArrayList<>();
        for (int i = 0; i < pairCount; i++) {
            ProgrammeRegion region = PARTNER_REGIONS.get(i % PARTNER_REGIONS.size());
            City eu = pick(citiesByRegion.get(ProgrammeRegion.EU), used, random);
            City partner = pick(citiesByRegion.get(region), used, random);
            pairs.add(new CooperationPair(eu.asciiName().toLowerCase().replace(' ', '-') + "-"
                    + partner.asciiName().toLowerCase().replace(' ', '-'),
                    city(String.valueOf(eu.geonamesId()), eu.name(), eu, start, months),
                    city(String.valueOf(partner.geonamesId()), partner.name(), partner, start, months), region, "en",
                    start, months));
        }
        return ExchangeScheduleFactory.create(pairs, experts(expertCount, start, months, random),
                ActivityPlan.defaults(months), SchedulingParameters.defaults());
    }

    /**
     * The pairs of a solved pairing demo pool (e.g. {@code DemoPools.generate(DemoPoolSize.LARGE)} solved), with the
     * given number of experts. Each pair works in English (the programme's working language); pair ids are
     * {@code euId--partnerId}, as the service forms them.
     */
    public static ExchangeSchedule fromPairing(PairingSolution solution, int expertCount, LocalDate start, int months,
            long seed) {
        Random random = new Random(seed);
        Map<String, SchedulingCity> cities = new HashMap<>();
        List<CooperationPair> pairs = new ArrayList<>();
        for (PartnerSlot slot : solution.getSlots()) {
            if (slot.getPartner() == null) {
                continue;
            }
            ApplicantProfile eu = slot.getOwner().getProfile();
            ApplicantProfile partner = slot.getPartner().getProfile();
            SchedulingCity euCity = cities.computeIfAbsent(eu.id(), id -> city(id, eu.name(), referenceCity(eu),
                    start, months));
            SchedulingCity partnerCity = cities.computeIfAbsent(partner.id(), id -> city(id, partner.name(),
                    referenceCity(partner), start, months));
            pairs.add(new CooperationPair(eu.id() + "--" + partner.id(), euCity, partnerCity,
                    slot.getPartner().getRegion(), "en", start, months));
        }
        return ExchangeScheduleFactory.create(pairs, experts(expertCount, start, months, random),
                ActivityPlan.defaults(months), SchedulingParameters.defaults());
    }

    /** The reference city a demo applicant was drawn from: same country and coordinates. */
    private static City referenceCity(ApplicantProfile profile) {
        return ReferenceData.get().citiesOf(profile.country()).stream()
                .filter(city -> profile.coordinates() != null
                        && city.latitude() == profile.coordinates().latitude()
                        && city.longitude() == profile.coordinates().longitude())
                .findFirst().orElseThrow(() -> new IllegalArgumentException("No reference city at the coordinates of "
                        + profile.id()));
    }

    /**
     * Experts covering two partner regions each (round-robin), speaking English, French and Spanish, with two weeks of
     * leave in a summer at a seeded place, at most {@value #EXPERT_EVENTS_PER_MONTH} events and two long-haul trips a
     * month; even ones live in an EU capital, odd ones in a city of the first region they cover.
     */
    private static List<Expert> experts(int expertCount, LocalDate start, int months, Random random) {
        List<Expert> experts = new ArrayList<>();
        for (int k = 0; k < expertCount; k++) {
            Set<ProgrammeRegion> covered = new LinkedHashSet<>(List.of(PARTNER_REGIONS.get(k % 3),
                    PARTNER_REGIONS.get((k + 1) % 3)));
            Set<LocalDate> unavailable = new HashSet<>();
            LocalDate leave = start.plusMonths(6 + random.nextInt(3)).with(TemporalAdjusters.nextOrSame(
                    DayOfWeek.MONDAY));
            for (int d = 0; d < 14; d++) {
                unavailable.add(leave.plusDays(d));
            }
            String[] place = k % 2 == 0 ? EU_HOMES.get((k / 2) % EU_HOMES.size())
                    : REGION_HOMES.get(PARTNER_REGIONS.get(k % 3)).get((k / 2)
                            % REGION_HOMES.get(PARTNER_REGIONS.get(k % 3)).size());
            City homeCity = ReferenceData.get().city(place[0], place[1]).orElseThrow();
            SchedulingCity home = city("home-" + homeCity.geonamesId(), homeCity.name(), homeCity, start, months);
            experts.add(new Expert("expert-" + (k + 1), "Expert " + (k + 1), covered, Set.of("en", "fr", "es"),
                    unavailable, EXPERT_EVENTS_PER_MONTH, home, null, Expert.DEFAULT_LONG_HAUL_TRIPS_PER_MONTH));
        }
        return experts;
    }

    private static City pick(List<City> cities, Set<Long> used, Random random) {
        while (true) {
            City city = cities.get(random.nextInt(cities.size()));
            if (used.add(city.geonamesId())) {
                return city;
            }
        }
    }

    /**
     * A reference city as a scheduling city: its public holidays over the cooperation's years (its subdivision's own
     * included), its country's soft periods, the weekend of its subdivision, its time zone; hosting capacity 2.
     */
    public static SchedulingCity city(String id, String name, City city, LocalDate start, int months) {
        HolidayCalendar calendar = HolidayCalendar.get();
        String subdivision = city.subdivision().orElse("");
        Map<LocalDate, String> holidays = new HashMap<>();
        Set<CalendarPeriod> periods = new LinkedHashSet<>();
        int last = Math.min(start.plusMonths(months).getYear(), HolidayCalendar.LAST_YEAR);
        for (int year = Math.max(start.getYear(), HolidayCalendar.FIRST_YEAR); year <= last; year++) {
            for (PublicHoliday holiday : calendar.holidays(city.country(), subdivision, year)) {
                holidays.merge(holiday.date(), holiday.name(), (a, b) -> a.equals(b) ? a : a + ", " + b);
            }
            for (SoftPeriod period : calendar.softPeriods(city.country(), year)) {
                periods.add(new CalendarPeriod(period.start(), period.end(), period.name()));
            }
        }
        return SchedulingCity.builder(id, name, city.country(), city.latitude(), city.longitude())
                .subdivision(subdivision).timeZone(city.timeZone().orElse("UTC")).holidays(holidays)
                .softPeriods(List.copyOf(periods)).workingWeek(WorkingWeek.of(city.country(), subdivision))
                .hostingCapacity(2).build();
    }
}
