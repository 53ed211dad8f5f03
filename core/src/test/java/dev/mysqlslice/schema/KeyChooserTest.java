package dev.mysqlslice.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mysqlslice.model.Column;
import dev.mysqlslice.model.ColumnKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyChooserTest {

    private static final Map<String, Column> COLUMNS = Map.of(
            "id", column("id", false),
            "email", column("email", false),
            "nick", column("nick", true),
            "a", column("a", false),
            "b", column("b", false));

    @Test
    void saysWhyEachUniqueKeyCannotIdentifyRows() {
        KeyChooser.Choice choice = KeyChooser.choose("k", COLUMNS, List.of(
                new IndexInfo("c1", List.of("a", "b(3)"), false, "it covers only the first 3 characters of b, so it is"
                        + " not unique on whole values"),
                new IndexInfo("nick", List.of("nick"), true)), List.of());

        assertThat(choice.key()).isEmpty();
        assertThat(choice.problem()).isEqualTo("table k has no primary key and no unique key on whole NOT NULL columns,"
                + " so its rows cannot be matched (unique key c1 (a, b(3)) cannot identify rows: it covers only the first"
                + " 3 characters of b, so it is not unique on whole values; unique key nick (nick) cannot identify rows:"
                + " it allows NULL in nick, and any number of rows may hold NULL there); add a primary key (or a unique"
                + " key on whole NOT NULL columns), or use strategy slice (which replaces the whole table)");
    }

    @Test
    void prefersThePrimaryKey() {
        KeyChooser.Choice choice = KeyChooser.choose("t", COLUMNS, List.of(
                new IndexInfo("email", List.of("email"), true),
                new IndexInfo("PRIMARY", List.of("a", "b"), true)), List.of());

        assertThat(choice.key().map(IndexInfo::name)).contains("PRIMARY");
    }

    @Test
    void fallsBackToTheNarrowestNotNullUniqueIndex() {
        KeyChooser.Choice choice = KeyChooser.choose("t", COLUMNS, List.of(
                new IndexInfo("ab", List.of("a", "b"), true),
                new IndexInfo("nick", List.of("nick"), true),
                new IndexInfo("prefix", List.of("id"), false),
                new IndexInfo("email", List.of("email"), true)), List.of());

        assertThat(choice.key().map(IndexInfo::name)).contains("email");
    }

    @Test
    void explainsATableWithoutUsableKeyAndSuggestsSlice() {
        KeyChooser.Choice choice = KeyChooser.choose("logs", COLUMNS, List.of(
                new IndexInfo("nick", List.of("nick"), true)), List.of());

        assertThat(choice.key()).isEmpty();
        assertThat(choice.problem()).contains("logs has no primary key").contains("strategy slice");
    }

    @Test
    void acceptsAConfiguredKeyOnlyWhenItIsAUsableUniqueKey() {
        List<IndexInfo> indexes = List.of(new IndexInfo("PRIMARY", List.of("id"), true),
                new IndexInfo("ab", List.of("a", "b"), true));

        assertThat(KeyChooser.choose("t", COLUMNS, indexes, List.of("A", "b")).key().map(IndexInfo::name)).contains("ab");
        assertThat(KeyChooser.choose("t", COLUMNS, indexes, List.of("email")).problem())
                .isEqualTo("columns (email) are not the primary key or a NOT NULL unique key of t; usable keys: PRIMARY (id), ab (a, b)");
    }

    private static Column column(String name, boolean nullable) {
        return new Column(name, "int", ColumnKind.SIGNED_INTEGER, nullable, false, Optional.empty(), Optional.empty());
    }
}
