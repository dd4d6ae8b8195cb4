package dev.divergence.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.divergence.config.ResilienceProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.resilience.InvocationRejectedException;

/** The working-memory budget: reservations add up to at most the budget, and the ones that do not fit are refused. */
class MemoryBudgetTest {

    private static final long MIB = 1 << 20;

    private static MemoryBudget budget(long heapBytes, double share) {
        return new MemoryBudget(heapBytes, new ResilienceProperties(4, 32, Duration.ofMillis(50), share,
                Duration.ofSeconds(10), Duration.ofSeconds(1)));
    }

    @Test
    void theBudgetIsItsShareOfTheHeap() {
        assertThat(budget(512 * MIB, 0.25).totalBytes()).isEqualTo(128 * MIB);
    }

    @Test
    void aReservationThatDoesNotFitBesideTheOthersIsRefusedAfterTheWaitAndFitsOnceTheyEnd() {
        MemoryBudget budget = budget(10 * MIB, 0.5); // 5 MiB
        MemoryBudget.Reservation first = budget.reserve(4 * MIB);
        assertThatThrownBy(() -> budget.reserve(2 * MIB)).isInstanceOf(InvocationRejectedException.class)
                .satisfies(e -> assertThat(((InvocationRejectedException) e).getTarget()).isSameAs(budget));
        assertThat(budget.overloadedDetail(1)).contains("divergence.resilience.working-memory-share", "5 MiB");
        first.close();
        try (MemoryBudget.Reservation second = budget.reserve(2 * MIB);
                MemoryBudget.Reservation third = budget.reserve(3 * MIB)) {
            assertThat(second).isNotNull();
            assertThat(third).isNotNull();
        }
    }
}
