package eu.iucplanner.scheduling.service;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import eu.iucplanner.reference.City;
import eu.iucplanner.reference.ReferenceData;
import eu.iucplanner.scheduling.domain.SchedulingCity;
import eu.iucplanner.scheduling.service.ScheduleRunRequest.CityInput;

/**
 * Where a city of a request is, by the reference data: its IANA time zone and its first-level subdivision (ISO
 * 3166-2), when the request does not say. The reference city is the one of that name in that country, else the nearest
 * one within {@value #MATCH_KM} km of its coordinates (a numbered demo city such as "Lyon (2)" is Lyon); a city matched
 * by neither gets the time zone of the nearest reference city of its country and no subdivision (national holidays
 * only).
 */
final class ReferencePlaces {

    static final double MATCH_KM = 30;

    private ReferencePlaces() {
    }

    /**
     * The city with its time zone and subdivision filled in where missing (the subdivision empty when unknown); the
     * time zone stays {@code null} only for a country without any reference city.
     */
    static CityInput resolve(CityInput city) {
        if (city.timeZone() != null && city.subdivision() != null) {
            return city;
        }
        List<City> candidates = ReferenceData.get().citiesOf(city.country());
        Optional<City> match = candidates.stream()
                .filter(candidate -> candidate.name().equals(city.name()) || candidate.asciiName().equals(city.name()))
                .findFirst();
        Optional<City> nearest = city.latitude() == null || city.longitude() == null ? Optional.empty()
                : candidates.stream().min(Comparator.comparingDouble(candidate -> km(city, candidate)));
        if (match.isEmpty()) {
            match = nearest.filter(candidate -> km(city, candidate) <= MATCH_KM);
        }
        String timeZone = city.timeZone() != null ? city.timeZone()
                : match.or(() -> nearest).flatMap(City::timeZone).orElse(null);
        String subdivision = city.subdivision() != null ? city.subdivision()
                : match.flatMap(City::subdivision).orElse("");
        return city.withPlace(timeZone, subdivision);
    }

    private static double km(CityInput city, City candidate) {
        SchedulingCity from = SchedulingCity.builder("a", "a", city.country(), city.latitude(), city.longitude())
                .build();
        SchedulingCity to = SchedulingCity.builder("b", "b", candidate.country(), candidate.latitude(),
                candidate.longitude()).build();
        return from.distanceKm(to);
    }
}
