package fr.cqpi.demo;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The demo mailbox page: the e-mails the tool sent, when the demo keeps them (no SMTP server configured). */
@Profile("demo")
@Controller
class DemoMailboxController {

    private final ObjectProvider<DemoMailbox> mailbox;

    DemoMailboxController(ObjectProvider<DemoMailbox> mailbox) {
        this.mailbox = mailbox;
    }

    @GetMapping("/demo/mailbox")
    String mailbox(Model model) {
        DemoMailbox kept = mailbox.getIfAvailable();
        model.addAttribute("course", DemoCourse.TITLE);
        model.addAttribute("keeping", kept != null);
        model.addAttribute("mails", kept == null ? List.of() : kept.messages());
        return "demo/mailbox";
    }
}
