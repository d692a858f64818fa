package fr.cqpi.course;

/** What a platform says about a person (at launch or in its roster); null when it does not say. */
public record Person(String sub, String name, String givenName, String familyName, String email, String locale) {

    /** The name to show: {@code name}, or given and family names joined. */
    public String displayName() {
        if (name != null) {
            return name;
        }
        String joined = ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName)).strip();
        return joined.isEmpty() ? null : joined;
    }
}
