package eu.iucplanner.pairing.persistence;

import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.ListCrudRepository;

public interface PairingRunRepository extends ListCrudRepository<PairingRun, UUID> {

    Page<PairingRun> findAllByOrderBySubmittedAtDesc(Pageable pageable);

    List<PairingRun> findByStatusOrderBySubmittedAtAsc(RunStatus status);
}
