package eu.iucplanner.pairing.domain;

/** WGS 84 latitude and longitude in decimal degrees. */
public record Coordinates(double latitude, double longitude) {

    public Coordinates {
        if (latitude < -90 || latitude > 90 || Double.isNaN(latitude)) {
            throw new IllegalArgumentException("latitude must be within -90..90, was " + latitude);
        }
        if (longitude < -180 || longitude > 180 || Double.isNaN(longitude)) {
            throw new IllegalArgumentException("longitude must be within -180..180, was " + longitude);
        }
    }
}
