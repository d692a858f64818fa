package fr.cqpi.shared;

import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Several reads of one page in one read-only transaction: a grid page read its learner, the evidence, the documents
 * and the livret each in a transaction of its own, one connection taken from the pool and one COMMIT round trip
 * each. Rolled back at the end, never committed: nothing in it may write, and a read inside that failed (a panel
 * refused, left to load from its URL) does not turn the end of the page into an {@code UnexpectedRollbackException}.
 */
@Component
public class ReadTransaction {

    private final TransactionTemplate template;

    ReadTransaction(PlatformTransactionManager transactions) {
        this.template = new TransactionTemplate(transactions);
        this.template.setReadOnly(true);
    }

    public <T> T of(Supplier<T> reads) {
        return template.execute(status -> {
            T result = reads.get();
            status.setRollbackOnly();
            return result;
        });
    }
}
