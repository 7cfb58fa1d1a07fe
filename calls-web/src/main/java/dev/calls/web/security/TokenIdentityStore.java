package dev.calls.web.security;

import dev.calls.ejb.service.AuthService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/**
 * Validates sign-in tokens against the stored (hashed) tokens. The caller principal is the user id,
 * the one group is the user's role, so the container's view of the caller matches the contract's.
 */
@ApplicationScoped
public class TokenIdentityStore implements IdentityStore {

    @Inject
    AuthService auth;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof TokenCredential token)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return auth.authenticate(token.token())
                .map(user -> new CredentialValidationResult(user.getId(), Set.of(user.getRole().wire())))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return Set.of(ValidationType.VALIDATE);
    }
}
