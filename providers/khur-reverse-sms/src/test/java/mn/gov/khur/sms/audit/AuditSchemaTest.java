package mn.gov.khur.sms.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.parsers.DocumentBuilderFactory;

import jakarta.persistence.Column;
import jakarta.persistence.Table;

import org.junit.jupiter.api.Test;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The entity and the Liquibase changelog describe the same table; names fit every supported database. */
class AuditSchemaTest {

    private final JpaEntityProvider provider = new KhurSmsAuditJpaEntityProviderFactory().create(null);

    @Test
    void providerPointsAtTheChangelogOnTheClasspath() throws Exception {
        assertThat(provider.getEntities()).containsExactly(InboundSmsAuditEntity.class);
        assertThat(provider.getFactoryId()).isEqualTo("khur-sms-audit");
        try (InputStream changelog = getClass().getClassLoader().getResourceAsStream(provider.getChangelogLocation())) {
            assertThat(changelog).isNotNull();
        }
    }

    @Test
    void changelogColumnsAreTheEntityColumns() throws Exception {
        Document changelog = changelog();
        Element table = (Element) changelog.getElementsByTagName("createTable").item(0);

        assertThat(table.getAttribute("tableName"))
                .isEqualTo(InboundSmsAuditEntity.class.getAnnotation(Table.class).name())
                .isEqualTo("KHUR_SMS_INBOUND_AUDIT");
        Set<String> changelogColumns = new TreeSet<>();
        NodeList columns = table.getElementsByTagName("column");
        for (int i = 0; i < columns.getLength(); i++) {
            changelogColumns.add(((Element) columns.item(i)).getAttribute("name"));
        }
        Set<String> entityColumns = new TreeSet<>();
        for (Field field : InboundSmsAuditEntity.class.getDeclaredFields()) {
            Column column = field.getAnnotation(Column.class);
            if (column != null) {
                entityColumns.add(column.name());
            }
        }
        assertThat(changelogColumns).isEqualTo(entityColumns);
    }

    @Test
    void indexesCoverOperatorSearchesAndTheRetentionPurge() throws Exception {
        Document changelog = changelog();
        List<String> indexes = new ArrayList<>();
        NodeList created = changelog.getElementsByTagName("createIndex");
        for (int i = 0; i < created.getLength(); i++) {
            Element index = (Element) created.item(i);
            List<String> columns = new ArrayList<>();
            NodeList cols = index.getElementsByTagName("column");
            for (int j = 0; j < cols.getLength(); j++) {
                columns.add(((Element) cols.item(j)).getAttribute("name"));
            }
            indexes.add(index.getAttribute("indexName") + columns);
        }

        assertThat(indexes).containsExactlyInAnyOrder(
                "IDX_KHUR_SMS_AUDIT_SENDER[REALM_ID, SENDER_HASH]",
                "IDX_KHUR_SMS_AUDIT_USER[REALM_ID, USER_ID]",
                "IDX_KHUR_SMS_AUDIT_PROCESSED[PROCESSED_AT]");
        assertThat(indexes).allSatisfy(index -> assertThat(index.substring(0, index.indexOf('['))).hasSizeLessThanOrEqualTo(30));
    }

    private Document changelog() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(KhurSmsAuditJpaEntityProvider.CHANGELOG)) {
            return factory.newDocumentBuilder().parse(in);
        }
    }
}
