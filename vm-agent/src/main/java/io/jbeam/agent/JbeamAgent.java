package io.jbeam.agent;

import io.jbeam.agent.weaver.ClassWeaver;
import io.jbeam.agent.weaver.WeavePolicy;
import io.jbeam.scheduler.VmConfig;
import java.lang.instrument.Instrumentation;

/** The agent's entry point: {@code -javaagent:jbeam-agent.jar[=options]} (see {@link AgentOptions}). */
public final class JbeamAgent {
    private JbeamAgent() {
    }

    public static void premain(String args, Instrumentation inst) {
        AgentOptions options = AgentOptions.parse(args);
        VmConfig.configure(toVmConfig(options));
        ClassWeaver weaver = ClassWeaver.forRuntime(new WeavePolicy(options.include(), options.exclude()));
        inst.addTransformer(new WeavingTransformer(weaver, options.dump(), options.verbose()), false);
    }

    static VmConfig toVmConfig(AgentOptions o) {
        VmConfig.Builder b = VmConfig.builder().reductions(o.reductions()).strict(o.strict());
        if (o.schedulers() > 0) {
            b.schedulers(o.schedulers());
        }
        if (o.chaos() > 0) {
            b.chaos(o.chaos(), o.seed());
        }
        return b.build();
    }

    /** {@code java -jar jbeam-agent.jar}: how to use it. */
    public static void main(String[] args) {
        System.out.println("jbeam: run your application with -javaagent:jbeam-agent.jar[=options]; options: "
                + "schedulers=N, reductions=N, chaos=P, seed=S, strict, dump=DIR, include=p1;p2, exclude=p1;p2, verbose");
    }
}
