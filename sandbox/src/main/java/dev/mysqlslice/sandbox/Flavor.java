package dev.mysqlslice.sandbox;

/** Which server family a set of binaries belongs to; the option-file section and bootstrap differ. */
public enum Flavor {
    MARIADB("mariadbd"),
    MYSQL("mysqld");

    private final String optionSection;

    Flavor(String optionSection) {
        this.optionSection = optionSection;
    }

    /** The option-file section the server reads, e.g. {@code [mariadbd]}. */
    public String optionSection() {
        return optionSection;
    }
}
