package mn.gov.khur.it.support.pages;

/** The end of a self-service ({@code khur-selfservice-done.ftl}); {@code data-khur-done} on {@link #DONE} says which one. */
public final class DonePage {

    public static final String DONE = "#khur-done";
    /** After a registration whose names the state registry will send later. */
    public static final String REGISTRY = "#khur-done-registry";

    private DonePage() {
    }
}
