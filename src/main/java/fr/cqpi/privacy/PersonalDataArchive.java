package fr.cqpi.privacy;

import fr.cqpi.course.People;
import fr.cqpi.personaldata.PersonRef;
import fr.cqpi.personaldata.PersonalArchive;
import fr.cqpi.personaldata.PersonalData;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything the tool holds about a person, in one ZIP written to the response as it is read: {@code
 * personal-data.json} (each module's section) and the files (evidence, issued documents). Files go to the stream one
 * at a time; only the JSON sections are gathered first.
 */
@Component
public class PersonalDataArchive {

    private final List<PersonalData> modules;
    private final People people;
    private final JsonMapper json;
    private final Clock clock;

    PersonalDataArchive(List<PersonalData> modules, People people, JsonMapper json, Clock clock) {
        this.modules = modules;
        this.people = people;
        this.json = json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
        this.clock = clock;
    }

    /** The archive's file name: no name of the person in it (it may be saved in shared folders). */
    public static String fileName(long userId) {
        return "cqpi-donnees-personnelles-" + userId + ".zip";
    }

    public void write(People.Entry person, OutputStream out) throws IOException {
        PersonRef ref = new PersonRef(
                person.id(),
                person.platformId(),
                person.sub(),
                person.email(),
                people.courseIdsOfPlatform(person.platformId()),
                null);
        ZipOutputStream zip = new ZipOutputStream(out);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("generatedAt", clock.instant().toString());
        document.put(
                "about",
                "Données personnelles détenues par l'outil cqpi-lti (RGPD art. 15 et 20) ; fichiers dans evidence/ et"
                        + " documents/");
        PersonalArchive archive = new PersonalArchive() {
            @Override
            public void section(String name, Object data) {
                document.put(name, data);
            }

            @Override
            public void file(String path, byte[] content) throws IOException {
                zip.putNextEntry(new ZipEntry(path));
                zip.write(content);
                zip.closeEntry();
            }
        };
        for (PersonalData module : modules) {
            module.export(ref, archive);
        }
        zip.putNextEntry(new ZipEntry("personal-data.json"));
        zip.write(json.writeValueAsBytes(document));
        zip.closeEntry();
        zip.finish();
        zip.flush();
    }
}
