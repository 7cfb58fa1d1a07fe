package dev.calls.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.calls.load.contract.ContractSignaling;
import dev.calls.load.signaling.InProcessSignaling;
import dev.calls.load.signaling.Signaling;
import dev.calls.load.signaling.SignalingException;

/**
 * The load tool's command: parses the options, then either signs in to the server given with
 * {@code --server} and joins through its contract, or starts the media engine in this JVM; runs the
 * scenario, prints the report table and writes the JSON if asked. Exit status 2 for bad options, 1 when
 * the server refuses the preparation (sign-in, accounts, channels).
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
        try (Signaling signaling = open(options)) {
            report = new LoadRunner(options, signaling, options.server() == null).run();
        } catch (SignalingException e) {
            System.err.println("cannot run against the server: " + e.getMessage());
            System.exit(1);
            return;
        }
        System.out.print(report.table());
        if (options.jsonFile() != null) {
            Files.writeString(Path.of(options.jsonFile()), report.json());
        }
    }

    private static Signaling open(LoadOptions options) throws IOException, SignalingException {
        if (options.server() == null) {
            return new InProcessSignaling(options.engineSockets(), options.engineBindAddress());
        }
        return new ContractSignaling(ContractSignaling.baseOf(options.server()), options.adminUser(),
                options.adminPassword(), options.serverPid(), options.joinThreads());
    }
}
