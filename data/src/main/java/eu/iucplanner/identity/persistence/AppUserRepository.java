package eu.iucplanner.identity.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

public interface AppUserRepository extends ListCrudRepository<AppUser, UUID> {

    Optional<AppUser> findByUsername(String username);

    Optional<AppUser> findByOidcIssuerAndOidcSubject(String issuer, String subject);

    List<AppUser> findAllByOrderByUsername();

    /**
     * Creates a local user unless one of that name exists: safe when two replicas create the first administrator
     * at the same moment (exactly one insert wins).
     *
     * @return 1 when this call created it, 0 when it existed
     */
    @Modifying
    @Query("INSERT INTO app_user (id, username, display_name, password_hash, roles, enabled, source, created_at, "
            + "password_changed_at, version) VALUES (:id, :username, :displayName, :hash, :roles, TRUE, 'LOCAL', :now, "
            + ":now, 0) ON CONFLICT (username) DO NOTHING")
    int insertIfAbsent(@Param("id") UUID id, @Param("username") String username,
            @Param("displayName") String displayName, @Param("hash") String passwordHash,
            @Param("roles") String roles, @Param("now") Instant now);
}
