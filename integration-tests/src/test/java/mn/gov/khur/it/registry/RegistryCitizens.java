package mn.gov.khur.it.registry;

import java.time.LocalDate;

import mn.gov.khur.it.support.SandboxRegistry;
import mn.gov.khur.it.support.SandboxSubscribers;
import mn.gov.khur.it.support.TestCitizen;
import mn.gov.khur.sandbox.xyp.RegistryPerson;

/** Made-up citizens the sandbox ХУР knows, with ID-card names unlike anything a test sets elsewhere. */
final class RegistryCitizens {

    private RegistryCitizens() {
    }

    /** A newcomer whose phone is in their own name and whom the registry knows. */
    static TestCitizen newcomer() {
        TestCitizen citizen = TestCitizen.random();
        SandboxSubscribers.registerOwner(citizen.phoneE164(), citizen.registerNumber());
        return citizen;
    }

    static RegistryPerson person(TestCitizen citizen) {
        return RegistryPerson.answering(citizen.registerNumber(), "Боржигон", "Төмөрбаатар", "Ану-Ужин",
                LocalDate.of(1990, 6, 15), "Эмэгтэй");
    }
}
