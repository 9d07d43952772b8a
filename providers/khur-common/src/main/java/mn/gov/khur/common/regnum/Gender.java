package mn.gov.khur.common.regnum;

/** Gender as encoded in the register number (digit before the last: odd male, even female). */
public enum Gender {
    MALE,
    FEMALE
}
