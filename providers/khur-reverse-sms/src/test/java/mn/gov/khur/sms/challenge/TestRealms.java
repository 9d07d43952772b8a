package mn.gov.khur.sms.challenge;

import java.lang.reflect.Proxy;

import org.keycloak.models.RealmModel;

/** Minimal realms for unit tests: an id, a name, brute-force protection on. */
public final class TestRealms {

    private TestRealms() {
    }

    public static RealmModel realm(String id) {
        return (RealmModel) Proxy.newProxyInstance(RealmModel.class.getClassLoader(), new Class<?>[] {RealmModel.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getId", "getName" -> id;
                    case "isBruteForceProtected" -> true;
                    case "toString" -> "realm " + id;
                    case "hashCode" -> id.hashCode();
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
