package io.jbeam.agent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent's options, parsed from {@code -javaagent:jbeam-agent.jar=key=value,key=value,flag}. Immutable.
 *
 * <pre>
 *   schedulers=N      scheduler threads (default: available processors)
 *   reductions=N      reductions per slice (default 4000)
 *   chaos=P           preempt each yield point with probability P, 0 &lt; P &lt;= 1 (tests)
 *   seed=S            seed of the chaos draws (default 0)
 *   strict            report every pin with its stack
 *   dump=DIR          write every woven class file (and its listing) under DIR
 *   include=p1;p2     weave only these package prefixes (dotted or slashed; ';' or ':' between several)
 *   exclude=p1;p2     never weave these package prefixes
 *   verbose           log each woven class
 * </pre>
 * An unknown or malformed option is an {@link IllegalArgumentException} naming it.
 */
public final class AgentOptions {
    public static final int DEFAULT_REDUCTIONS = 4000;

    private final int schedulers;
    private final int reductions;
    private final double chaos;
    private final long seed;
    private final boolean strict;
    private final Path dump;
    private final List<String> include;
    private final List<String> exclude;
    private final boolean verbose;

    private AgentOptions(int schedulers, int reductions, double chaos, long seed, boolean strict, Path dump,
            List<String> include, List<String> exclude, boolean verbose) {
        this.schedulers = schedulers;
        this.reductions = reductions;
        this.chaos = chaos;
        this.seed = seed;
        this.strict = strict;
        this.dump = dump;
        this.include = List.copyOf(include);
        this.exclude = List.copyOf(exclude);
        this.verbose = verbose;
    }

    public static AgentOptions parse(String args) {
        int schedulers = 0;
        int reductions = DEFAULT_REDUCTIONS;
        double chaos = 0;
        long seed = 0;
        boolean seedGiven = false;
        boolean strict = false;
        boolean verbose = false;
        Path dump = null;
        List<String> include = new ArrayList<>();
        List<String> exclude = new ArrayList<>();
        if (args != null && !args.isBlank()) {
            for (String option : args.split(",")) {
                String o = option.trim();
                if (o.isEmpty()) {
                    continue;
                }
                int eq = o.indexOf('=');
                String key = eq < 0 ? o : o.substring(0, eq).trim();
                String value = eq < 0 ? null : o.substring(eq + 1).trim();
                switch (key) {
                    case "schedulers": schedulers = positiveInt(key, value); break;
                    case "reductions": reductions = positiveInt(key, value); break;
                    case "chaos": chaos = probability(key, value); break;
                    case "seed": seed = longValue(key, value); seedGiven = true; break;
                    case "strict": strict = flag(key, value); break;
                    case "verbose": verbose = flag(key, value); break;
                    case "dump": dump = Path.of(required(key, value)); break;
                    case "include": include.addAll(prefixes(key, value)); break;
                    case "exclude": exclude.addAll(prefixes(key, value)); break;
                    default: throw new IllegalArgumentException("jbeam agent: unknown option '" + key + "' in '" + args
                            + "' (known: schedulers, reductions, chaos, seed, strict, dump, include, exclude, verbose)");
                }
            }
        }
        if (seedGiven && chaos == 0) {
            throw new IllegalArgumentException("jbeam agent: option 'seed' needs 'chaos'");
        }
        return new AgentOptions(schedulers, reductions, chaos, seed, strict, dump, include, exclude, verbose);
    }

    private static String required(String key, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("jbeam agent: option '" + key + "' needs a value (" + key + "=...)");
        }
        return value;
    }

    private static boolean flag(String key, String value) {
        if (value == null || value.equals("true")) return true;
        if (value.equals("false")) return false;
        throw new IllegalArgumentException("jbeam agent: option '" + key + "' is a flag, not '" + value + "'");
    }

    private static int positiveInt(String key, String value) {
        try {
            int n = Integer.parseInt(required(key, value));
            if (n >= 1) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("jbeam agent: option '" + key + "' needs a positive integer, not '"
                + value + "'");
    }

    private static long longValue(String key, String value) {
        try {
            return Long.parseLong(required(key, value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("jbeam agent: option '" + key + "' needs an integer, not '" + value
                    + "'");
        }
    }

    private static double probability(String key, String value) {
        try {
            double p = Double.parseDouble(required(key, value));
            if (p > 0 && p <= 1) return p;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("jbeam agent: option '" + key + "' needs a probability in (0, 1], not '"
                + value + "'");
    }

    /** Package prefixes as internal names ending in '/': {@code com.acme} and {@code com/acme/} both match com/acme/X. */
    private static List<String> prefixes(String key, String value) {
        List<String> l = new ArrayList<>();
        for (String p : required(key, value).split("[;:]")) {
            String s = p.trim().replace('.', '/');
            if (s.isEmpty()) continue;
            if (!s.matches("[\\p{javaJavaIdentifierPart}/$]+")) {
                throw new IllegalArgumentException("jbeam agent: option '" + key + "' has a malformed package '" + p
                        + "'");
            }
            l.add(s.endsWith("/") ? s : s + "/");
        }
        if (l.isEmpty()) {
            throw new IllegalArgumentException("jbeam agent: option '" + key + "' needs at least one package");
        }
        return l;
    }

    /** 0: the default (available processors). */
    public int schedulers() { return schedulers; }
    public int reductions() { return reductions; }
    /** 0: chaos off. */
    public double chaos() { return chaos; }
    public long seed() { return seed; }
    public boolean strict() { return strict; }
    /** Null: no dump. */
    public Path dump() { return dump; }
    public List<String> include() { return include; }
    public List<String> exclude() { return exclude; }
    public boolean verbose() { return verbose; }

    @Override
    public String toString() {
        return "AgentOptions[schedulers=" + schedulers + ", reductions=" + reductions + ", chaos=" + chaos + ", seed="
                + seed + ", strict=" + strict + ", dump=" + dump + ", include=" + include + ", exclude=" + exclude
                + ", verbose=" + verbose + "]";
    }
}
