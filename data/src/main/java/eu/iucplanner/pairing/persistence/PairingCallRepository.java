package eu.iucplanner.pairing.persistence;

import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.ListCrudRepository;

/** Calls, newest first. */
public interface PairingCallRepository extends ListCrudRepository<PairingCall, UUID> {

    Page<PairingCall> findAllByOrderByCreatedAtDescIdAsc(Pageable pageable);
}
