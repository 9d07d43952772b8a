package mn.gov.khur.realmapply;

import java.util.List;

/** One kind of realm configuration: what differs from the file, and how to remove each difference. */
interface Reconciler {

    /** Reads the live realm now (after the kinds before it were applied) and lists what differs. */
    List<Change> plan();
}
