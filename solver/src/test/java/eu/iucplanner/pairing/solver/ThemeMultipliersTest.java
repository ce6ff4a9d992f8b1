package eu.iucplanner.pairing.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import eu.iucplanner.pairing.domain.ThemeLimit;

class ThemeMultipliersTest {

    private static final List<ThemeLimit> LIMITS = List.of(new ThemeLimit("Housing", 0, 2),
            new ThemeLimit("Urban mobility", 2, 3));

    @Test
    void atZeroTheLagrangianIsThePlainRelaxation() {
        ThemeMultipliers multipliers = new ThemeMultipliers(LIMITS, 3, 100);
        assertThat(multipliers.loweringByTheme()).containsExactly(0, 0, 0);
        assertThat(multipliers.lagrangian(1_000, new int[] { 5, 9, 1 })).isEqualTo(1_000);
    }

    @Test
    void aStepRaisesTheMultiplierOfAThemeAboveItsCapWithinTheWeightAndLeavesOneBelowItsCapAtZero() {
        ThemeMultipliers multipliers = new ThemeMultipliers(LIMITS, 3, 100);
        int[] counts = { 5, 9, 1 }; // Housing 3 above its cap, Urban mobility 2 below
        // Polyak: (value − best) / ‖g‖² = 600 / 9 per unit of g, so λ(Housing) = 200, projected to the weight 100.
        assertThat(multipliers.step(counts, 1_000, 400, 0)).isTrue();
        assertThat(multipliers.loweringByTheme()).containsExactly(100, 0, 0);
        // L = R − 100·(5 − 2) − 0·(1 − 3)
        assertThat(multipliers.lagrangian(1_000, counts)).isEqualTo(700);
        // Below the cap the multiplier comes down again: g = 1 − 2 = −1, step 300 / 1.
        assertThat(multipliers.step(new int[] { 1, 0, 1 }, 1_000, 700, 0)).isTrue();
        assertThat(multipliers.loweringByTheme()).containsExactly(0, 0, 0);
    }

    @Test
    void noStepOnceTheBoundIsReachedOrNoThemeCanMove() {
        ThemeMultipliers multipliers = new ThemeMultipliers(LIMITS, 3, 100);
        assertThat(multipliers.step(new int[] { 5, 0, 1 }, 500, 500, 0)).isFalse();
        assertThat(multipliers.step(new int[] { 1, 0, 1 }, 1_000, 500, 0)).isFalse(); // every theme below its cap at 0
    }
}
