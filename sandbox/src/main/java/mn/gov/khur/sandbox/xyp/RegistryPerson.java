package mn.gov.khur.sandbox.xyp;

import java.time.LocalDate;

/**
 * One person in the sandbox ХУР: the ID-card data it answers with, and how it behaves.
 *
 * @param behaviour {@code answers}, {@code refuses-consent} (every code is refused, as when the citizen declines in
 *                  the e-Mongolia app) or {@code answers-as:<register number>} (the answer carries another register
 *                  number, as a registry mix-up or a forged answer would)
 * @param phone     for newcomers in bin/dev: a phone in their own name at the sandbox subscriber lookup, or null
 */
public record RegistryPerson(String regnum, String surname, String lastname, String firstname, LocalDate birthDate,
                             String gender, String phone, String behaviour) {

    public static RegistryPerson answering(String regnum, String surname, String lastname, String firstname,
                                           LocalDate birthDate, String gender) {
        return new RegistryPerson(regnum, surname, lastname, firstname, birthDate, gender, null, "answers");
    }

    public RegistryPerson refusingConsent() {
        return new RegistryPerson(regnum, surname, lastname, firstname, birthDate, gender, phone, "refuses-consent");
    }

    public RegistryPerson answeringAs(String otherRegnum) {
        return new RegistryPerson(regnum, surname, lastname, firstname, birthDate, gender, phone, "answers-as:" + otherRegnum);
    }

    boolean refusesConsent() {
        return "refuses-consent".equals(behaviour);
    }

    /** The register number the registry puts in its answer. */
    String answeredRegnum() {
        return behaviour != null && behaviour.startsWith("answers-as:") ? behaviour.substring("answers-as:".length()) : regnum;
    }
}
