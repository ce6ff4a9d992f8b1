package eu.iucplanner.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import eu.iucplanner.pairing.domain.CallRules;
import eu.iucplanner.pairing.domain.ProgrammeRegion;
import eu.iucplanner.reference.City;
import eu.iucplanner.reference.HolidayCalendar;
import eu.iucplanner.reference.PublicHoliday;
import eu.iucplanner.reference.ReferenceData;
import eu.iucplanner.scheduling.domain.ActivityPlan;
import eu.iucplanner.scheduling.domain.CooperationPair;
import eu.iucplanner.scheduling.domain.ExchangeSchedule;
import eu.iucplanner.scheduling.domain.Expert;
import eu.iucplanner.scheduling.domain.SchedulingCity;
import eu.iucplanner.scheduling.domain.SchedulingParameters;
import eu.iucplanner.scheduling.solver.ExchangeScheduleFactory;

/**
 * Seeded demo scheduling problems from real cities: pairs of an EU city (more than 100,000 inhabitants) and a partner
 * city, spread round-robin over the three partner regions, with every host country's public holidays from the
 * reference data, August as the EU's holiday season, and experts who each cover two partner regions.
 */
public final class SchedulingDemos {

    private static final List<ProgrammeRegion> PARTNER_REGIONS = List.of(ProgrammeRegion.NORTH_AMERICA,
            ProgrammeRegion.LATIN_AMERICA_CARIBBEAN, ProgrammeRegion.ASIA);

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
        LocalDate end = start.plusMonths(months);
        List<CooperationPair> pairs = new ArrayList<>();
        for (int i = 0; i < pairCount; i++) {
            ProgrammeRegion region = PARTNER_REGIONS.get(i % PARTNER_REGIONS.size());
            City eu = pick(citiesByRegion.get(ProgrammeRegion.EU), used, random);
            City partner = pick(citiesByRegion.get(region), used, random);
            pairs.add(new CooperationPair(eu.asciiName().toLowerCase().replace(' ', '-') + "-"
                    + partner.asciiName().toLowerCase().replace(' ', '-'), city(eu, true, start, end),
                    city(partner, false, start, end), region, "en", start, months));
        }
        List<Expert> experts = new ArrayList<>();
        for (int k = 0; k < expertCount; k++) {
            Set<ProgrammeRegion> covered = Set.of(PARTNER_REGIONS.get(k % 3), PARTNER_REGIONS.get((k + 1) % 3));
            Set<LocalDate> unavailable = new HashSet<>();
            // Two weeks of leave in a summer, at a seeded place.
            LocalDate leave = start.plusMonths(6 + random.nextInt(3)).with(TemporalAdjusters.nextOrSame(
                    DayOfWeek.MONDAY));
            for (int d = 0; d < 14; d++) {
                unavailable.add(leave.plusDays(d));
            }
            experts.add(new Expert("expert-" + (k + 1), "Expert " + (k + 1), covered, Set.of("en", "fr", "es"),
                    unavailable, 6));
        }
        return ExchangeScheduleFactory.create(pairs, experts, ActivityPlan.defaults(months),
                SchedulingParameters.defaults());
    }

    private static City pick(List<City> cities, Set<Long> used, Random random) {
        while (true) {
            City city = cities.get(random.nextInt(cities.size()));
            if (used.add(city.geonamesId())) {
                return city;
            }
        }
    }

    private static SchedulingCity city(City city, boolean eu, LocalDate start, LocalDate end) {
        Map<LocalDate, String> holidays = new HashMap<>();
        HolidayCalendar calendar = HolidayCalendar.get();
        for (int year = start.getYear(); year <= end.getYear(); year++) {
            for (PublicHoliday holiday : calendar.holidays(city.country(), year)) {
                holidays.merge(holiday.date(), holiday.name(), (a, b) -> a + ", " + b);
            }
        }
        return new SchedulingCity(String.valueOf(city.geonamesId()), city.name(), city.country(), city.latitude(),
                city.longitude(), holidays, Set.of(), eu ? Set.of(Month.AUGUST) : Set.of(), 2);
    }
}
