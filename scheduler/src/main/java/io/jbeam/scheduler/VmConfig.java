package io.jbeam.scheduler;

/**
 * The settings of the VM, fixed once the schedulers start: how many schedulers, the reduction budget of a slice,
 * chaos preemption for tests, strict pinning reports, and how long an idle scheduler spins before it parks.
 *
 * <p>The agent's premain calls {@link #configure(VmConfig)} before the application runs; otherwise the first
 * {@link #get()} builds the configuration from system properties ({@code jbeam.schedulers}, {@code jbeam.reductions},
 * {@code jbeam.chaos}, {@code jbeam.seed}, {@code jbeam.strict}, {@code jbeam.spin}) and defaults.
 *
 * <p>Memory ordering: {@link #current} is volatile; a configuration is immutable once built.
 */
public final class VmConfig {
    /** Spin iterations before an idle scheduler parks (BEAM's +sbwt "short"). */
    public static final int DEFAULT_SPIN = 2_000;

    /** Volatile: written by configure (premain or a test's set-up), read by every first use. */
    private static volatile VmConfig current;
    /** Volatile: set once the schedulers start; after that the configuration cannot change. */
    private static volatile boolean frozen;

    private final int schedulers;
    private final int reductions;
    private final double chaos;
    private final long seed;
    private final boolean strict;
    private final int spin;

    private VmConfig(Builder b) {
        this.schedulers = b.schedulers;
        this.reductions = b.reductions;
        this.chaos = b.chaos;
        this.seed = b.seed;
        this.strict = b.strict;
        this.spin = b.spin;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The defaults, overridden by system properties. */
    public static VmConfig fromSystemProperties() {
        Builder b = builder();
        b.schedulers(Integer.getInteger("jbeam.schedulers", b.schedulers));
        b.reductions(Integer.getInteger("jbeam.reductions", b.reductions));
        String chaos = System.getProperty("jbeam.chaos");
        if (chaos != null) {
            b.chaos(Double.parseDouble(chaos), Long.getLong("jbeam.seed", 0L));
        }
        b.strict(Boolean.getBoolean("jbeam.strict"));
        b.spin(Integer.getInteger("jbeam.spin", b.spin));
        return b.build();
    }

    /** Installs the configuration. Fails once the schedulers have started with another one. */
    public static synchronized void configure(VmConfig config) {
        if (frozen && config != current) {
            throw new IllegalStateException("jbeam: the schedulers already run with " + current);
        }
        current = config;
    }

    /** The configuration in force (building it from system properties on first use). */
    public static VmConfig get() {
        VmConfig c = current;
        if (c == null) {
            synchronized (VmConfig.class) {
                c = current;
                if (c == null) {
                    c = current = fromSystemProperties();
                }
            }
        }
        return c;
    }

    /** Called when the schedulers start: from here on the configuration is fixed. */
    static VmConfig freeze() {
        VmConfig c = get();
        frozen = true;
        return c;
    }

    public int schedulers() {
        return schedulers;
    }

    public int reductions() {
        return reductions;
    }

    /** The probability that each yield point preempts (0: chaos off). */
    public double chaos() {
        return chaos;
    }

    public long seed() {
        return seed;
    }

    public boolean strict() {
        return strict;
    }

    public int spin() {
        return spin;
    }

    /** The budget policy of the process with this pid number: shared when fixed, its own stream under chaos. */
    public BudgetPolicy budgetFor(long pidNumber) {
        return chaos > 0 ? BudgetPolicy.chaos(chaos, seed ^ pidNumber) : fixedBudget();
    }

    private BudgetPolicy fixed;

    private BudgetPolicy fixedBudget() {
        BudgetPolicy f = fixed; // plain: racy single-check caching of an immutable object is benign
        if (f == null) {
            f = fixed = BudgetPolicy.fixed(reductions);
        }
        return f;
    }

    @Override
    public String toString() {
        return "VmConfig[schedulers=" + schedulers + ", reductions=" + reductions + ", chaos=" + chaos + ", seed="
                + seed + ", strict=" + strict + ", spin=" + spin + "]";
    }

    /** Builds a {@link VmConfig}. */
    public static final class Builder {
        private int schedulers = Runtime.getRuntime().availableProcessors();
        private int reductions = BudgetPolicy.DEFAULT_REDUCTIONS;
        private double chaos;
        private long seed;
        private boolean strict;
        private int spin = DEFAULT_SPIN;

        private Builder() {
        }

        public Builder schedulers(int n) {
            if (n < 1) throw new IllegalArgumentException("schedulers must be at least 1: " + n);
            this.schedulers = n;
            return this;
        }

        public Builder reductions(int n) {
            if (n < 1) throw new IllegalArgumentException("reductions must be at least 1: " + n);
            this.reductions = n;
            return this;
        }

        /** Preempt each yield point with probability p (0 turns chaos off); each process draws from seed ^ pid. */
        public Builder chaos(double p, long seed) {
            if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("chaos probability in [0, 1]: " + p);
            this.chaos = p;
            this.seed = seed;
            return this;
        }

        public Builder strict(boolean on) {
            this.strict = on;
            return this;
        }

        public Builder spin(int iterations) {
            if (iterations < 0) throw new IllegalArgumentException("spin must not be negative: " + iterations);
            this.spin = iterations;
            return this;
        }

        public VmConfig build() {
            return new VmConfig(this);
        }
    }
}
