package dev.tradedesk.ui.chart;

import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.events.ChartBits;
import io.fair_acc.dataset.locks.DefaultDataSetLock;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Writes a group of ChartFX datasets in one batch: all write locks taken, the change made, all
 * released, then one invalidation per dataset.
 *
 * <p>Why "try": a ChartFX chart read-locks its datasets when it lays out and releases them in its
 * post-layout pulse listener. A layout outside the pulse (showing a stage, a snapshot) leaves them
 * read-locked by the JavaFX thread itself until the next pulse ends, and ChartFX's lock cannot
 * upgrade a read lock to a write lock: waiting would deadlock the JavaFX thread. So when a
 * dataset has readers the batch is skipped, and the caller tries again at the next pulse. Only the
 * JavaFX thread ever locks these datasets, so the check cannot race.
 *
 * <p>JavaFX thread only.
 */
final class DataSetWriteLocks {

    private final List<? extends DataSet> dataSets;

    DataSetWriteLocks(List<? extends DataSet> dataSets) {
        this.dataSets = List.copyOf(dataSets);
    }

    /**
     * Runs {@code change} under every write lock and then, if it reports a change, fires one data
     * invalidation per dataset.
     *
     * @return false, without running it, when a dataset is read-locked (retry at the next pulse)
     */
    boolean tryWrite(BooleanSupplier change) {
        for (DataSet dataSet : dataSets) {
            if (dataSet.lock() instanceof DefaultDataSetLock<?> lock && lock.getReaderCount() > 0) {
                return false;
            }
        }
        boolean changed;
        dataSets.forEach(dataSet -> dataSet.lock().writeLock());
        try {
            changed = change.getAsBoolean();
        } finally {
            for (int i = dataSets.size() - 1; i >= 0; i--) {
                dataSets.get(i).lock().writeUnLock();
            }
        }
        if (changed) {
            dataSets.forEach(dataSet -> dataSet.fireInvalidated(ChartBits.DataSetData));
        }
        return true;
    }
}
