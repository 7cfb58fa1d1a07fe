package dev.calls.ejb.service;

import dev.calls.ejb.error.CallsException;
import dev.calls.ejb.error.DatabaseFault;
import dev.calls.ejb.model.Ids;
import dev.calls.ejb.model.Role;
import dev.calls.ejb.model.User;
import dev.calls.ejb.policy.ChannelAccessPolicy;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Optional;

/** Accounts: creating, listing, deactivating. Every method taking an {@code actorId} checks the actor may. */
@Stateless
public class UserService {

    @PersistenceContext(unitName = "calls")
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    ChannelAccessPolicy policy;

    @EJB
    AuthService auth;

    @Inject
    CallLifecycle calls;

    /** The signed-in actor; 401 when the account is gone or deactivated. */
    public User actor(String actorId) {
        User user = actorId == null ? null : em.find(User.class, actorId);
        policy.checkActive(user);
        return user;
    }

    public User get(String actorId, String userId) {
        actor(actorId);
        return require(userId);
    }

    public User create(String actorId, String username, String password, String displayName, String roles) {
        policy.checkSystemAdmin(actor(actorId));
        Role role = roles == null ? Role.SYSTEM_USER : Role.fromWire(roles).orElseThrow(() -> CallsException.badRequest(
                "api.user.roles.invalid", "'roles' must be system_user, system_guest or system_admin."));
        return register(username, password, displayName, role);
    }

    /** Creates an account without an actor: for the server's own first-start and demo setup only. */
    public User register(String username, String password, String displayName, Role role) {
        String name = InputRules.username(username);
        InputRules.password(password);
        String shown = InputRules.displayName(displayName, name);
        if (findByUsername(name).isPresent()) {
            throw CallsException.conflict("api.user.username.exists", "The username '" + name + "' is taken.");
        }
        User user = new User(Ids.newId(), name, shown, role, passwords.hash(password), System.currentTimeMillis());
        em.persist(user);
        flushUnique(em, "api.user.username.exists", "The username '" + name + "' is taken.");
        return user;
    }

    public Optional<User> findByUsername(String username) {
        return em.createQuery("SELECT u FROM User u WHERE u.username = :name", User.class)
                .setParameter("name", username)
                .getResultStream().findFirst();
    }

    /** Users by username; a non-empty {@code term} keeps those whose username or display name contains it. */
    public List<User> list(String actorId, String term, Page page) {
        policy.checkNotGuest(actor(actorId), "list users");
        if (term == null || term.isBlank()) {
            return page.of(em.createQuery("SELECT u FROM User u ORDER BY u.username", User.class));
        }
        return page.of(em.createQuery("SELECT u FROM User u WHERE LOWER(u.username) LIKE :term ESCAPE '\\' "
                + "OR LOWER(u.displayName) LIKE :term ESCAPE '\\' ORDER BY u.username", User.class)
                .setParameter("term", SearchTerm.containing(term)));
    }

    /**
     * A system admin sets a new password for a user who lost theirs; the user's sign-ins end, so whoever
     * knew the old password is signed out everywhere.
     */
    public User resetPassword(String actorId, String userId, String password) {
        policy.checkSystemAdmin(actor(actorId));
        User user = require(userId);
        InputRules.password(password);
        user.changePassword(passwords.hash(password));
        auth.revokeAll(userId);
        return user;
    }

    /**
     * Deactivating revokes every token of the user and takes them out of every call at once. Nobody
     * deactivates themselves, and the server always keeps an active system admin.
     */
    public User setActive(String actorId, String userId, boolean active) {
        policy.checkSystemAdmin(actor(actorId));
        User user = require(userId);
        if (active) {
            user.reactivate();
        } else if (user.isActive()) {
            if (userId.equals(actorId)) {
                throw CallsException.badRequest("api.user.deactivate.self",
                        "You cannot deactivate your own account; another system admin can.");
            }
            if (user.isSystemAdmin()) {
                checkAnotherAdminStays(actorId);
            }
            user.deactivate(System.currentTimeMillis());
            auth.revokeAll(userId);
            calls.removeUserEverywhere(userId);
        }
        return user;
    }

    /**
     * Refuses unless the actor is still an active system admin besides the target. The active admins are
     * locked, so two admins deactivating each other at once are serialized and the second is refused.
     */
    private void checkAnotherAdminStays(String actorId) {
        List<String> admins = em.createQuery("SELECT u FROM User u WHERE u.role = :role AND u.deleteAt = 0", User.class)
                .setParameter("role", Role.SYSTEM_ADMIN)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().map(User::getId).toList();
        if (admins.size() < 2 || !admins.contains(actorId)) {
            throw CallsException.forbidden("api.user.deactivate.last_admin",
                    "The last active system admin cannot be deactivated.");
        }
    }

    /**
     * Turns a unique-key race lost at flush time into the same 409 the check above gives; a database that cannot
     * take the write is not a conflict, and says so.
     */
    static void flushUnique(EntityManager em, String errorId, String message) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw DatabaseFault.in(e).orElseGet(() -> CallsException.conflict(errorId, message));
        }
    }

    public User require(String userId) {
        User user = Ids.isValid(userId) ? em.find(User.class, userId) : null;
        if (user == null) {
            throw CallsException.notFound("api.user.not_found", "No user with id " + userId + ".");
        }
        return user;
    }
}
