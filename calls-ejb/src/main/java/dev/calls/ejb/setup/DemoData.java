package dev.calls.ejb.setup;

import dev.calls.ejb.model.Channel;
import dev.calls.ejb.model.Role;
import dev.calls.ejb.model.User;
import dev.calls.ejb.service.ChannelService;
import dev.calls.ejb.service.UserService;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * With the system property {@code calls.demo=true} (the README's run command sets it), loads a small
 * team once: three users and a guest, a public and a private channel, a direct and a group message,
 * and prints the demo credentials in the log on every start. Without the property it does nothing.
 * It goes through the ordinary services as the demo users, so the demo obeys the same rules as clients.
 */
@Singleton
@Startup
@DependsOn("AdminBootstrap")
public class DemoData {

    /** Demo accounts: username, password, display name, role. */
    static final List<String[]> ACCOUNTS = List.of(
            new String[] {"alice", "alice-demo-pass", "Alice Archer", "system_user"},
            new String[] {"bob", "bob-demo-pass", "Bob Baker", "system_user"},
            new String[] {"carol", "carol-demo-pass", "Carol Cooper", "system_user"},
            new String[] {"gus", "gus-demo-pass", "Gus Guest", "system_guest"});

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    @EJB
    UserService users;

    @EJB
    ChannelService channels;

    @PostConstruct
    void load() {
        if (!Boolean.getBoolean("calls.demo")) {
            return;
        }
        if (users.findByUsername("alice").isEmpty()) {
            User[] u = ACCOUNTS.stream()
                    .map(a -> users.register(a[0], a[1], a[2], Role.fromWire(a[3]).orElseThrow()))
                    .toArray(User[]::new);
            String alice = u[0].getId();
            Channel town = channels.create(alice, "town-square", "Town Square", "O");
            channels.addMember(u[1].getId(), town.getId(), u[1].getId());
            channels.addMember(u[2].getId(), town.getId(), u[2].getId());
            Channel project = channels.create(alice, "project-x", "Project X", "P");
            channels.addMember(alice, project.getId(), u[1].getId());
            channels.addMember(alice, project.getId(), u[3].getId());
            channels.direct(alice, List.of(alice, u[1].getId()));
            channels.group(alice, List.of(alice, u[1].getId(), u[2].getId()));
            LOG.info("Loaded the demo data");
        }
        StringBuilder block = new StringBuilder("\n=== Calls demo accounts ===\n");
        for (String[] account : ACCOUNTS) {
            block.append(String.format("  %-6s / %-16s %s%n", account[0], account[1], account[3]));
        }
        block.append("Channels: town-square (public: alice, bob, carol), project-x (private: alice, bob, gus),\n")
                .append("a direct message alice-bob and a group message alice-bob-carol.\n")
                .append("The admin account is 'admin' (see CALLS_ADMIN_PASSWORD).\n")
                .append("===========================");
        LOG.info(block);
    }
}
