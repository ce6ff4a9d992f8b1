package eu.iucplanner.run.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import eu.iucplanner.app.IucPlannerApplication;
import eu.iucplanner.pairing.service.PairingRunKind;
import eu.iucplanner.run.persistence.RunStatus;

/**
 * A solver phase that ignores its termination (the bug a crafted weight once triggered) cannot hang the service: the
 * run ends with its best solution once the solver has not stopped within stuck-solver-grace, and its worker is
 * replaced so the queue goes on.
 */
@SpringBootTest(classes = { IucPlannerApplication.class, StuckSolverIT.Kinds.class },
        properties = { "iuc.embedded-db.data-dir=target/it-postgres-stuck-${random.uuid}",
                "iuc.runs.parallel-runs=1", "iuc.runs.stop-check-interval=PT0.1S",
                "iuc.runs.stuck-solver-grace=PT2S" })
class StuckSolverIT {

    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @TestConfiguration
    static class Kinds {
        @Bean
        ControllableRunKind controllableRunKind(PairingRunKind pairing) {
            return new ControllableRunKind(pairing);
        }
    }

    @Autowired
    RunLifecycle lifecycle;

    @Autowired
    ControllableRunKind controllable;

    @Autowired
    PairingRunKind pairing;

    @Test
    void aSolverThatIgnoresItsTerminationIsAbandonedAndTheQueueGoesOn() throws Exception {
        controllable.failLoadingWith = null;
        controllable.loading = new CountDownLatch(1);
        controllable.releaseLoading = new CountDownLatch(0);
        controllable.stuck = true;
        try {
            UUID stuck = lifecycle.submit(controllable, RunLifecycleIT.small(Duration.ofSeconds(1)), "stuck", Map.of(), null, null,
                    null).id();
            assertThat(ControllableRunKind.STUCK_ENTERED.await(2, TimeUnit.MINUTES)).isTrue();
            UUID next = lifecycle.submit(pairing, RunLifecycleIT.small(Duration.ofSeconds(1)), "next", Map.of(),
                    null, null, null).id();
            await().atMost(PATIENCE).until(() -> lifecycle.metadata(controllable, stuck).status().isFinal());
            RunMetadata abandoned = lifecycle.metadata(controllable, stuck);
            assertThat(abandoned.status()).isEqualTo(RunStatus.FAILED);
            assertThat(abandoned.failureMessage()).contains("did not stop");
            // Its worker was replaced: the next run is solved although the stuck thread still hangs.
            await().atMost(PATIENCE).until(() -> lifecycle.metadata(pairing, next).status() == RunStatus.COMPLETED);
            assertThat(ControllableRunKind.RELEASE_STUCK.getCount()).isOne();
        } finally {
            controllable.stuck = false;
            ControllableRunKind.RELEASE_STUCK.countDown();
        }
    }

}
