package mn.gov.khur.bench;

import java.util.List;

import mn.gov.khur.sandbox.subscribers.SubscriberLookupService;

/**
 * The sandbox subscriber lookup for scenario 5, as its own process (bin/bench starts it before
 * Keycloak, which must know its URL at start). Empty: the simulation registers each newcomer's
 * phone through {@code POST /admin/subscribers} before that newcomer's flow.
 * Arguments: port, bearer token.
 */
public final class LookupServer {

    private LookupServer() {
    }

    public static void main(String[] args) throws Exception {
        SubscriberLookupService service = SubscriberLookupService.start("127.0.0.1", Integer.parseInt(args[0]), List.of(), args[1]);
        System.out.println("bench: subscriber lookup on " + service.lookupUri());
        Thread.currentThread().join(); // until bin/bench stops it
    }
}
