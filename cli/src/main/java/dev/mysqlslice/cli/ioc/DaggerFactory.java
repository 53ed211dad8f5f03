package dev.mysqlslice.cli.ioc;

import java.util.Map;
import javax.inject.Provider;
import picocli.CommandLine;

/** A picocli factory that takes commands from the Dagger component and everything else from picocli. */
public final class DaggerFactory implements CommandLine.IFactory {

    private final Map<Class<?>, Provider<Object>> commands;

    public DaggerFactory(CliComponent component) {
        this.commands = component.commands();
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        Provider<Object> provider = commands.get(type);
        if (provider != null) {
            return type.cast(provider.get());
        }
        return CommandLine.defaultFactory().create(type);
    }
}
