package mn.gov.khur.bank;

/** Why a bank's assertion carries no usable register number. */
public enum RegisterNumberProblem {
    NONE,
    /** The claim is absent or empty. */
    MISSING,
    /** The claim is there but is not exactly one valid register number. */
    INVALID
}
