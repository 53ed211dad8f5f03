package dev.mysqlslice.model;

import java.util.List;
import java.util.Locale;

/**
 * A foreign key of the source as information_schema describes it. InnoDB applies its cascading
 * actions without writing the rows they change to the binlog, so the daemon follows them itself.
 *
 * @param name          the constraint name
 * @param child         the referencing table
 * @param childColumns  its referencing columns, in constraint order
 * @param parentSchema  the referenced table's database
 * @param parent        the referenced table
 * @param parentColumns the referenced columns, in constraint order
 * @param onUpdate      what an update of the referenced columns does to referencing rows
 * @param onDelete      what a delete of the referenced row does to referencing rows
 */
public record ForeignKey(String name, String child, List<String> childColumns, String parentSchema, String parent,
                         List<String> parentColumns, Rule onUpdate, Rule onDelete) {

    /** A referential action. */
    public enum Rule {
        CASCADE, SET_NULL, SET_DEFAULT, RESTRICT, NO_ACTION;

        /** From information_schema's text ("SET NULL", "NO ACTION", ...). */
        public static Rule of(String text) {
            return valueOf(text.trim().toUpperCase(Locale.ROOT).replace(' ', '_'));
        }

        /** Whether it changes referencing rows (which the binlog then does not show). */
        public boolean changesChildren() {
            return this == CASCADE || this == SET_NULL || this == SET_DEFAULT;
        }
    }

    public ForeignKey {
        childColumns = List.copyOf(childColumns);
        parentColumns = List.copyOf(parentColumns);
    }

    /** Whether deleting or updating a parent row may change child rows unseen by the binlog. */
    public boolean cascades() {
        return onUpdate.changesChildren() || onDelete.changesChildren();
    }
}
