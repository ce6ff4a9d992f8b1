package eu.iucplanner.pairing.domain;

/**
 * What a population figure counts: participants have declared city-proper, municipal or metropolitan figures, a
 * group of municipalities the sum of its members, and a region (a sub-national government) its own population. A call says which bases count for its threshold.
 */
public enum PopulationBasis {
    /** The city within its administrative limits, as GeoNames gives it; an applicant's plain {@code population}. */
    CITY_PROPER("city proper"),
    /** The municipality (commune, county borough, municipio), often larger than the city proper. */
    MUNICIPALITY("municipality"),
    /** The metropolitan area or agglomeration. */
    METROPOLITAN("metropolitan area"),
    /** The summed population of a group of municipalities' members. */
    GROUP_TOTAL("group total"),
    /** The population of a sub-national government's territory; a region's plain {@code population}. */
    REGION("region");

    private final String label;

    PopulationBasis(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
