package eu.iucplanner.pairing.solver;

import java.util.Arrays;

/**
 * The dense edge weights of a bipartite b-matching problem: one weight per (left, right) pair, or
 * {@link MaxWeightBMatching#FORBIDDEN} for a pair that may not be matched. Stored row-major as {@code int}s, four bytes
 * a pair (a 20,000-applicant pool has about 75 million pairs: 300 MB instead of the 600 MB of {@code long}s); the
 * first weight that does not fit an {@code int} switches the storage to {@code long}s, so any weight is kept exactly.
 */
public final class WeightMatrix {

    /** How a forbidden pair is stored while the storage is {@code int}. */
    static final int FORBIDDEN_INT = Integer.MIN_VALUE;

    private final int rows;
    private final int columns;
    private int[] ints;
    private long[] longs;
    private long maxAbsWeight;

    /** An {@code rows × columns} matrix with every pair forbidden. */
    public WeightMatrix(int rows, int columns) {
        if (rows < 0 || columns < 0) {
            throw new IllegalArgumentException("rows and columns must not be negative");
        }
        long size = (long) rows * columns;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("A weight matrix holds at most " + (Integer.MAX_VALUE - 8)
                    + " pairs, not " + rows + " × " + columns);
        }
        this.rows = rows;
        this.columns = columns;
        this.ints = new int[(int) size];
        Arrays.fill(ints, FORBIDDEN_INT);
    }

    /** A matrix with the given row-major weights ({@link MaxWeightBMatching#FORBIDDEN} for forbidden pairs). */
    public static WeightMatrix of(int rows, int columns, long[] weights) {
        if (weights.length != (long) rows * columns) {
            throw new IllegalArgumentException("weights must have rows × columns = " + ((long) rows * columns)
                    + " entries, not " + weights.length);
        }
        WeightMatrix matrix = new WeightMatrix(rows, columns);
        for (int k = 0; k < weights.length; k++) {
            if (weights[k] != MaxWeightBMatching.FORBIDDEN) {
                matrix.set(k / columns, k % columns, weights[k]);
            }
        }
        return matrix;
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    /** Sets the weight of (row, column); {@link MaxWeightBMatching#FORBIDDEN} forbids the pair. */
    public void set(int row, int column, long weight) {
        int k = index(row, column);
        if (weight == MaxWeightBMatching.FORBIDDEN) {
            if (longs != null) {
                longs[k] = MaxWeightBMatching.FORBIDDEN;
            } else {
                ints[k] = FORBIDDEN_INT;
            }
            return;
        }
        maxAbsWeight = Math.max(maxAbsWeight, Math.abs(weight));
        if (longs == null && (weight > Integer.MAX_VALUE || weight <= FORBIDDEN_INT)) {
            switchToLongs();
        }
        if (longs != null) {
            longs[k] = weight;
        } else {
            ints[k] = (int) weight;
        }
    }

    /** Forbids the pair (row, column). */
    public void forbid(int row, int column) {
        set(row, column, MaxWeightBMatching.FORBIDDEN);
    }

    /** The weight of (row, column), or {@link MaxWeightBMatching#FORBIDDEN}. */
    public long get(int row, int column) {
        return get(index(row, column));
    }

    public boolean isAllowed(int row, int column) {
        return get(row, column) != MaxWeightBMatching.FORBIDDEN;
    }

    /** The largest absolute value among the weights set (an upper bound once weights are overwritten). */
    public long maxAbsWeight() {
        return maxAbsWeight;
    }

    /** Row-major index k = row × columns + column. */
    long get(int k) {
        if (longs != null) {
            return longs[k];
        }
        int weight = ints[k];
        return weight == FORBIDDEN_INT ? MaxWeightBMatching.FORBIDDEN : weight;
    }

    /** The {@code int} storage, row-major with {@link #FORBIDDEN_INT}; {@code null} once it holds {@code long}s. */
    int[] intsOrNull() {
        return ints;
    }

    private int index(int row, int column) {
        if (row < 0 || row >= rows || column < 0 || column >= columns) {
            throw new IndexOutOfBoundsException("(" + row + ", " + column + ") is outside " + rows + " × " + columns);
        }
        return row * columns + column;
    }

    private void switchToLongs() {
        longs = new long[ints.length];
        for (int k = 0; k < ints.length; k++) {
            longs[k] = ints[k] == FORBIDDEN_INT ? MaxWeightBMatching.FORBIDDEN : ints[k];
        }
        ints = null;
    }
}
