package dev.mysqlslice.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** Reads the version stamped into the jar at build time. */
public final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/mysqlslice-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        return new String[] {"mysqlslice " + properties.getProperty("version", "unknown")
                + " (Java " + System.getProperty("java.version") + ")"};
    }
}
