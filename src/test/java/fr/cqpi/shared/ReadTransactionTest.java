package fr.cqpi.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.cqpi.support.ToolIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A page's reads in one read-only transaction: one connection, nothing written, a failed read inside survived. */
class ReadTransactionTest extends ToolIntegrationTest {

    @Autowired
    ReadTransaction readTransaction;

    @Autowired
    PlatformTransactionManager transactions;

    String twoStatementsStartedAt() {
        return jdbc.sql("select now()::text").query(String.class).single() + " / "
                + jdbc.sql("select now()::text").query(String.class).single();
    }

    @Test
    void theReadsShareOneTransaction() {
        // now() is when the transaction started: the same for both statements only inside one transaction.
        String[] inside = readTransaction.of(this::twoStatementsStartedAt).split(" / ");
        assertThat(inside[0]).isEqualTo(inside[1]);
        String[] outside = twoStatementsStartedAt().split(" / ");
        assertThat(outside[0]).isNotEqualTo(outside[1]);
    }

    @Test
    void nothingCanBeWrittenInIt() {
        assertThatThrownBy(() -> readTransaction.of(
                        () -> jdbc.sql("create temporary table written (x int)").update()))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("read-only transaction");
    }

    @Test
    void aReadThatFailedInsideDoesNotFailTheRest() {
        // As a panel's own @Transactional read refused inside the page's transaction: it marks the transaction
        // rollback-only; the page, which caught the refusal, still gets its other reads.
        TransactionTemplate inner = new TransactionTemplate(transactions);
        String result = readTransaction.of(() -> {
            try {
                inner.executeWithoutResult(status -> {
                    throw new NotFoundException("a panel's learner") {};
                });
            } catch (NotFoundException refused) {
                // left to its placeholder
            }
            return jdbc.sql("select 'still read'").query(String.class).single();
        });
        assertThat(result).isEqualTo("still read");
    }
}
