package mn.gov.khur.selfservice.ownership;

/** The subscriber lookup's answer to "is this MSISDN registered in this citizen's name?". */
public enum PhoneOwnership {
    /** The operator has the number registered to exactly this register number. */
    MATCH,
    /** The number is registered, to someone else. */
    NO_MATCH,
    /** The operator does not know (unregistered prepaid SIM, number not in service, ...). Never treated as a match. */
    UNKNOWN
}
