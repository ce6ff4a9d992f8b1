package eu.iucplanner.identity.rest;

import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import eu.iucplanner.identity.persistence.AppUser;
import eu.iucplanner.identity.rest.IdentityViews.AuditView;
import eu.iucplanner.identity.rest.IdentityViews.CreatedToken;
import eu.iucplanner.identity.rest.IdentityViews.MeView;
import eu.iucplanner.identity.rest.IdentityViews.NewToken;
import eu.iucplanner.identity.rest.IdentityViews.NewUser;
import eu.iucplanner.identity.rest.IdentityViews.PasswordChange;
import eu.iucplanner.identity.rest.IdentityViews.PasswordReset;
import eu.iucplanner.identity.rest.IdentityViews.TokenView;
import eu.iucplanner.identity.rest.IdentityViews.UserChange;
import eu.iucplanner.identity.rest.IdentityViews.UserView;
import eu.iucplanner.identity.service.AuditLog;
import eu.iucplanner.identity.service.CurrentUser;
import eu.iucplanner.identity.service.PersonalTokens;
import eu.iucplanner.identity.service.Role;
import eu.iucplanner.identity.service.Users;
import eu.iucplanner.run.rest.PageView;
import eu.iucplanner.validation.RequestValidator;
import eu.iucplanner.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Users, personal API tokens, one's own profile and password, and the audit log. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Identity", description = "Users, roles, personal API tokens and the audit log.")
public class IdentityController {

    private final Users users;
    private final PersonalTokens tokens;
    private final AuditLog audit;
    private final CurrentUser current;
    private final RequestValidator validator;

    public IdentityController(Users users, PersonalTokens tokens, AuditLog audit, CurrentUser current,
            RequestValidator validator) {
        this.users = users;
        this.tokens = tokens;
        this.audit = audit;
        this.current = current;
        this.validator = validator;
    }

    @Operation(summary = "The logged-in user")
    @ApiResponse(responseCode = "200", description = "Name, roles, and how they logged in")
    @ProblemResponses(value = {}, anyLoggedInUser = true)
    @GetMapping("/me")
    public MeView me(Authentication authentication) {
        String name = authentication.getName();
        String displayName = users.byUsername(name).map(AppUser::displayName).orElse(null);
        return new MeView(name, displayName, current.roles(), current.seesPersonalData(),
                authentication.getClass().getSimpleName().replace("AuthenticationToken", "")
                        .replace("Authentication", ""));
    }

    @Operation(summary = "Change one's own password")
    @ApiResponse(responseCode = "204", description = "Changed")
    @ProblemResponses({ 400 })
    @PostMapping(path = "/me/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Void> changePassword(Authentication authentication, @RequestBody PasswordChange change) {
        RequestValidator.throwIfAny(validator.violations(change));
        users.changeOwnPassword(authentication.getName(), change.currentPassword(), change.newPassword());
        return ResponseEntity.noContent().build();
    }

    // ************************************************************************
    // Tokens
    // ************************************************************************

    @Operation(summary = "Personal API tokens", description = "One's own; an administrator may ask for everyone's.")
    @ApiResponse(responseCode = "200", description = "The tokens, newest first (never their secrets)")
    @ProblemResponses({})
    @GetMapping("/tokens")
    public List<TokenView> tokens(Authentication authentication,
            @RequestParam(defaultValue = "false") boolean everyone) {
        if (everyone && !current.roles().contains(Role.ADMIN)) {
            throw eu.iucplanner.problem.ProblemException.forbidden("Only an administrator sees everyone's tokens.");
        }
        return (everyone ? tokens.all() : tokens.of(authentication.getName())).stream().map(TokenView::of).toList();
    }

    @Operation(summary = "Create a personal API token", description = "Its secret is in this answer only; use it as "
            + "'Authorization: Bearer iuc_...'. It holds a subset of your roles and expires.")
    @ApiResponse(responseCode = "201", description = "The token and its secret")
    @ProblemResponses({ 400 })
    @PostMapping(path = "/tokens", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<CreatedToken> createToken(Authentication authentication, @RequestBody NewToken request) {
        RequestValidator.throwIfAny(validator.violations(request));
        PersonalTokens.Created created = tokens.create(authentication.getName(), request.name(), request.roles(),
                request.expiresAt() == null ? null : request.expiresAt().toInstant());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new CreatedToken(TokenView.of(created.token()), created.secret()));
    }

    @Operation(summary = "Revoke a personal API token", description = "One's own; an administrator anyone's.")
    @ApiResponse(responseCode = "200", description = "The revoked token")
    @ProblemResponses({ 404 })
    @DeleteMapping("/tokens/{id}")
    public TokenView revokeToken(Authentication authentication, @PathVariable UUID id) {
        return TokenView.of(tokens.revoke(authentication.getName(), current.roles().contains(Role.ADMIN), id));
    }

    // ************************************************************************
    // Users (ADMIN)
    // ************************************************************************

    @Operation(summary = "Users")
    @ApiResponse(responseCode = "200", description = "Every user, by name")
    @ProblemResponses({})
    @GetMapping("/users")
    public List<UserView> users() {
        return users.list().stream().map(UserView::of).toList();
    }

    @Operation(summary = "Create a local user")
    @ApiResponse(responseCode = "201", description = "The user")
    @ProblemResponses({ 400, 409 })
    @PostMapping(path = "/users", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<UserView> createUser(Authentication authentication, @RequestBody NewUser request) {
        RequestValidator.throwIfAny(validator.violations(request));
        AppUser user = users.create(authentication.getName(), request.username(), request.displayName(),
                request.password(), request.roles() == null ? java.util.Set.of() : request.roles());
        return ResponseEntity.status(HttpStatus.CREATED).body(UserView.of(user));
    }

    @Operation(summary = "Change a user's roles, name, or whether it may log in (disable, never delete)")
    @ApiResponse(responseCode = "200", description = "The user")
    @ProblemResponses({ 400, 404, 409 })
    @PatchMapping(path = "/users/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public UserView updateUser(Authentication authentication, @PathVariable UUID id,
            @RequestBody UserChange change) {
        RequestValidator.throwIfAny(validator.violations(change));
        return UserView.of(users.update(authentication.getName(), id, change.roles(), change.enabled(),
                change.displayName()));
    }

    @Operation(summary = "Set a new password for a local user")
    @ApiResponse(responseCode = "204", description = "Set")
    @ProblemResponses({ 400, 404, 409 })
    @PostMapping(path = "/users/{id}/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Void> resetPassword(Authentication authentication, @PathVariable UUID id,
            @RequestBody PasswordReset reset) {
        RequestValidator.throwIfAny(validator.violations(reset));
        users.resetPassword(authentication.getName(), id, reset.password());
        return ResponseEntity.noContent().build();
    }

    // ************************************************************************
    // Audit log (ADMIN)
    // ************************************************************************

    @Operation(summary = "The audit log, newest first", description = "Filter by the run, user or token concerned.")
    @ApiResponse(responseCode = "200", description = "One page of entries")
    @ProblemResponses({ 400 })
    @GetMapping("/audit-events")
    public PageView<AuditView> auditEvents(
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "must be 0 or more") int page,
            @RequestParam(defaultValue = "50") @Min(value = 1, message = "must be from 1 to 200")
            @Max(value = 200, message = "must be from 1 to 200") int size,
            @RequestParam(required = false) UUID target) {
        Page<AuditView> entries = audit.page(page, size, target).map(AuditView::of);
        return new PageView<>(entries.getContent(), page, size, entries.getTotalElements(), entries.getTotalPages());
    }
}
