package eu.iucplanner.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FaultAndLoadTest {

    @Test
    void targetsKeepSolvingPastTheirProof() {
        assertThat(FaultAndLoad.keepSolving("{\"name\":\"Demo pool SMALL\",\"applicants\":[]}"))
                .isEqualTo("{\"stopAtProvenOptimum\":false,\"name\":\"Demo pool SMALL\",\"applicants\":[]}");
    }
}
