package mn.gov.khur.identity.search;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * No entities, only a Liquibase changelog ({@value #CHANGELOG}) that Keycloak runs at start-up like its own: indexes
 * on Keycloak's user tables for the searches an operator makes among two million citizens. Without them PostgreSQL
 * reads every user of the realm for the admin console's search box ({@code username/email like 'x%'},
 * {@code lower(first_name/last_name) like 'x%'}) and for an attribute search ({@code lower(value) = 'x'}): 1.5 s and
 * 9.7 s at 2 M citizens, 13-25 ms with these indexes (docs/BENCHMARKS.md, "National scale"). The login paths (username, exact attribute,
 * bank link) already use Keycloak's own indexes.
 */
public final class CitizenSearchIndexes implements JpaEntityProviderFactory, JpaEntityProvider {

    public static final String ID = "khur-citizen-search-indexes";
    static final String CHANGELOG = "META-INF/khur-citizen-search-indexes-changelog.xml";

    @Override
    public List<Class<?>> getEntities() {
        return List.of();
    }

    @Override
    public String getChangelogLocation() {
        return CHANGELOG;
    }

    @Override
    public String getFactoryId() {
        return ID;
    }

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public void close() {
    }
}
