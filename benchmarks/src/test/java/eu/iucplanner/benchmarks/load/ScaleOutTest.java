package eu.iucplanner.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The scale-out command is chosen by its argument in the fault-load profile and reads its own options. */
class ScaleOutTest {

    @Test
    void theArgumentSelectsTheCommandWhereverMavenPutsIt() {
        assertThat(ScaleOut.selected(new String[] { "jar=/x.jar", "scale-out" })).isTrue();
        assertThat(ScaleOut.selected(new String[] { "jar=/x.jar", " scale-out quick " })).isTrue();
        assertThat(ScaleOut.selected(new String[] { "jar=/x.jar", "--scale-out" })).isTrue();
        assertThat(ScaleOut.selected(new String[] { "jar=/x.jar", "quick" })).isFalse();
        assertThat(ScaleOut.selected(new String[] { "jar=/x.jar", null, "" })).isFalse();
    }

    @Test
    void theFullRunWritesTheCommittedReportAndQuickOneUnderTarget() {
        ScaleOut.Options full = ScaleOut.Options.parse(new String[] { "jar=/x.jar", "scale-out" });
        ScaleOut.Options quick = ScaleOut.Options.parse(new String[] { "jar=/x.jar", "scale-out quick "
                + "jvm-arg=-Xmx2g" });

        assertThat(full.jar()).isEqualTo(Path.of("/x.jar"));
        assertThat(full.report()).isEqualTo(Path.of("results", "scale-out-report.md"));
        assertThat(full.smallRuns()).isEqualTo(30);
        assertThat(full.hugeTries()).isEqualTo(20);
        assertThat(full.quick()).isFalse();
        assertThat(quick.report()).isEqualTo(Path.of("target", "fault-load", "scale-out", "quick-report.md"));
        assertThat(quick.smallRuns()).isLessThan(30);
        assertThat(quick.jvmArguments()).isEqualTo(List.of("-Xmx2g"));
    }

    @Test
    void anUnknownArgumentIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> ScaleOut.Options.parse(new String[] { "scale-out", "replicas=5" }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("replicas=5")
                .hasMessageContaining("quick");
    }

    @Test
    void aFailoverIsNotWorseWhenItsScoreIsAtLeastTheStoredOne() {
        ScaleOut.FailoverTry same = failover("0hard/-28medium/57212soft", "0hard/-28medium/57212soft");
        ScaleOut.FailoverTry worse = failover("0hard/-28medium/57212soft", "0hard/-29medium/60000soft");
        ScaleOut.FailoverTry unknown = failover(null, "0hard/-28medium/57212soft");

        assertThat(same.notWorse()).isTrue();
        assertThat(worse.notWorse()).isFalse();
        assertThat(unknown.notWorse()).isFalse();
    }

    static ScaleOut.FailoverTry failover(String before, String after) {
        return new ScaleOut.FailoverTry("defaults: 6 × PT5S", "iuc-2", "iuc-3", 2.1, 34.0, 34.6, 34.7, 55.2,
                "COMPLETED", 1, before, after, "7.20, 7.66, 8.02");
    }
}
