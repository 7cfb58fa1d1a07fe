package dev.calls.ejb.setup;

import dev.calls.ejb.model.Ids;
import dev.calls.ejb.model.Role;
import dev.calls.ejb.service.UserService;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * On the first start (no users at all) creates the system administrator {@code admin} with the password
 * the operator configured ({@link AdminPassword}: the environment variable {@code CALLS_ADMIN_PASSWORD},
 * a file, or the older system property); when none is set it generates one and logs it, this once.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class AdminBootstrap {

    public static final String ADMIN_USERNAME = "admin";
    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    @PersistenceContext(unitName = "calls")
    EntityManager em;

    @EJB
    UserService users;

    @PostConstruct
    void createAdminOnFirstStart() {
        long existing = em.createQuery("SELECT COUNT(u) FROM User u", Long.class).getSingleResult();
        if (existing > 0) {
            return;
        }
        Optional<String> configured = AdminPassword.configured(System::getProperty, System::getenv);
        boolean generated = configured.isEmpty();
        String password = configured.orElseGet(Ids::newId);
        users.register(ADMIN_USERNAME, password, "System Admin", Role.SYSTEM_ADMIN);
        if (generated) {
            LOG.warnf("%n=== Calls: first start ===%nCreated the system administrator '%s' with the generated password:%n"
                    + "    %s%nIt is shown only this once. Set CALLS_ADMIN_PASSWORD or CALLS_ADMIN_PASSWORD_FILE to choose it.%n"
                    + "==========================", ADMIN_USERNAME, password);
        } else {
            LOG.infof("Created the system administrator '%s' with the configured password", ADMIN_USERNAME);
        }
    }
}
