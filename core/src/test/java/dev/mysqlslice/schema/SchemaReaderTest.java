package dev.mysqlslice.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Generated columns as MySQL 8 and MariaDB describe them in information_schema.COLUMNS. */
class SchemaReaderTest {

    @Test
    void expressionDefaultsOnMysqlAreNotGeneratedColumns() {
        // MySQL 8.0.13+: DEFAULT CURRENT_TIMESTAMP, DEFAULT (expr), ON UPDATE CURRENT_TIMESTAMP.
        assertThat(SchemaReader.isGenerated("", "DEFAULT_GENERATED")).isFalse();
        assertThat(SchemaReader.isGenerated("", "DEFAULT_GENERATED on update CURRENT_TIMESTAMP")).isFalse();
        assertThat(SchemaReader.isGenerated("", "auto_increment")).isFalse();
        assertThat(SchemaReader.isGenerated("", "INVISIBLE")).isFalse();
        assertThat(SchemaReader.isGenerated("", "")).isFalse();
        // MariaDB: NULL expression for ordinary columns.
        assertThat(SchemaReader.isGenerated(null, "")).isFalse();
    }

    @Test
    void generatedColumnsOfBothFlavorsAre() {
        assertThat(SchemaReader.isGenerated("(`price` * `qty`)", "VIRTUAL GENERATED")).isTrue();
        assertThat(SchemaReader.isGenerated("(`price` * `qty`)", "STORED GENERATED")).isTrue();
        assertThat(SchemaReader.isGenerated("`price` * `qty`", "VIRTUAL GENERATED")).isTrue();
        assertThat(SchemaReader.isGenerated(null, "PERSISTENT")).isTrue();
    }
}
