package eu.iucplanner.pairing.persistence;

import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

public interface PairingRunPayloadRepository extends ListCrudRepository<PairingRunPayload, UUID> {
}
