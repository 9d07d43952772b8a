package mn.gov.khur.registry;

import java.time.Instant;
import java.time.LocalDate;

import mn.gov.khur.common.regnum.Gender;

/**
 * What the state registry says about one person (ID-card data of {@code WS100101_getCitizenIDCardInfo}).
 *
 * @param registerNumber the register number the registry answered with, canonical; the caller compares it with
 *                       the account's before storing anything
 * @param clanName       ургийн овог (the card's "Family name"), may be empty
 * @param patronymic     эцэг/эхийн нэр (the card's "Surname"; the {@code family_name} claim)
 * @param givenName      нэр ({@code given_name})
 * @param requestId      the registry's id of the answer, kept as the source of the data
 */
public record RegistryRecord(String registerNumber, String clanName, String patronymic, String givenName,
                             LocalDate birthDate, Gender gender, String requestId, Instant fetchedAt) {
}
