package eu.iucplanner.scheduling.persistence;

import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.ListCrudRepository;

import eu.iucplanner.pairing.persistence.RunStatus;

/** Scheduling runs' metadata. */
public interface ScheduleRunRepository extends ListCrudRepository<ScheduleRun, UUID> {

    Page<ScheduleRun> findAllByOrderBySubmittedAtDesc(Pageable pageable);

    List<ScheduleRun> findByStatusOrderBySubmittedAtAsc(RunStatus status);
}
