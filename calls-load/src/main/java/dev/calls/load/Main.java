package dev.calls.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.calls.load.signaling.InProcessSignaling;

/**
 * The load tool's command: parses the options, starts the media engine in this JVM, runs the scenario,
 * prints the report table and writes the JSON if asked. Exit status 2 for bad options.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(LoadOptions.USAGE);
            System.exit(2);
            return;
        }
        LoadReport report;
        try (InProcessSignaling signaling = new InProcessSignaling(options.engineSockets())) {
            report = new LoadRunner(options, signaling, true).run();
        }
        System.out.print(report.table());
        if (options.jsonFile() != null) {
            Files.writeString(Path.of(options.jsonFile()), report.json());
        }
    }
}
