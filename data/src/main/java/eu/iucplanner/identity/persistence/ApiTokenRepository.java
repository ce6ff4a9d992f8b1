package eu.iucplanner.identity.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

public interface ApiTokenRepository extends ListCrudRepository<ApiToken, UUID> {

    Optional<ApiToken> findByTokenHash(String tokenHash);

    List<ApiToken> findByUserIdOrderByCreatedAtDesc(UUID userId);

    List<ApiToken> findAllByOrderByCreatedAtDesc();

    @Modifying
    @Query("UPDATE api_token SET last_used_at = :now WHERE id = :id")
    int touch(@Param("id") UUID id, @Param("now") Instant now);
}
