package eu.iucplanner.reference;

/** An ISO 639-1 language of the reference data (npm package countries-list 3.4.1). */
public record Language(String code, String name, String nativeName) {
}
