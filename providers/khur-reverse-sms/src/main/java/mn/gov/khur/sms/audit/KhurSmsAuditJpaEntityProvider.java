package mn.gov.khur.sms.audit;

import java.util.List;

import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;

/** Adds the audit entity and its Liquibase changelog to Keycloak's persistence unit. */
final class KhurSmsAuditJpaEntityProvider implements JpaEntityProvider {

    static final String CHANGELOG = "META-INF/khur-sms-audit-changelog.xml";

    @Override
    public List<Class<?>> getEntities() {
        return List.of(InboundSmsAuditEntity.class);
    }

    @Override
    public String getChangelogLocation() {
        return CHANGELOG;
    }

    @Override
    public String getFactoryId() {
        return KhurSmsAuditJpaEntityProviderFactory.ID;
    }

    @Override
    public void close() {
    }
}
