package dev.calls.ear;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import dev.calls.load.LoadOptions;
import dev.calls.load.LoadReport;
import dev.calls.load.LoadRunner;
import dev.calls.load.contract.ContractSignaling;

/** The load tool's contract mode against the deployed EAR, signed in as the suite's administrator. */
final class LoadTool {

    private LoadTool() {
    }

    /** Runs the load tool with {@code options} (its command line) against the server at {@code base}. */
    static LoadReport runAgainst(URL base, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("--server", base.toString(), "--admin-password", Api.ADMIN_PASSWORD));
        args.addAll(List.of(options));
        LoadOptions parsed = LoadOptions.parse(args.toArray(String[]::new));
        try (ContractSignaling signaling = new ContractSignaling(ContractSignaling.baseOf(parsed.server()),
                parsed.adminUser(), parsed.adminPassword(), parsed.serverPid(), parsed.joinThreads())) {
            return new LoadRunner(parsed, signaling, false).run();
        }
    }
}
