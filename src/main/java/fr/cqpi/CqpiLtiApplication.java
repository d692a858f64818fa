package fr.cqpi;

import fr.cqpi.referentiel.ReferentielValidationCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CqpiLtiApplication {

    public static void main(String[] args) {
        // --cqpi.referentiel.validate=PATH checks a file and exits without a database or a server.
        var validation = ReferentielValidationCommand.fromArguments(args);
        if (validation.isPresent()) {
            System.exit(validation.get().run(System.out, System.err));
        }
        SpringApplication.run(CqpiLtiApplication.class, args);
    }
}
