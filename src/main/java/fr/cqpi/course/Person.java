package fr.cqpi.course;

/**
 * What a platform says about a person (at launch or in its roster); null when it does not say. Cleaned of what
 * PostgreSQL and the pages cannot hold, and bounded, whatever the platform sent.
 */
public record Person(String sub, String name, String givenName, String familyName, String email, String locale) {

    public Person {
        sub = PlatformText.id(sub);
        name = PlatformText.name(name);
        givenName = PlatformText.name(givenName);
        familyName = PlatformText.name(familyName);
        email = PlatformText.name(email);
        locale = PlatformText.id(locale);
    }

    /** The name to show: {@code name}, or given and family names joined. */
    public String displayName() {
        if (name != null) {
            return name;
        }
        String joined = ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName)).strip();
        return joined.isEmpty() ? null : joined;
    }
}
