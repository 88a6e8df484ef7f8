package io.jbeam.conformance;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The Java scenarios, group by group, each bound to its method through its group's dispatch switch. */
final class ScenarioCatalog {
    /** The body of one Java scenario. */
    @FunctionalInterface
    interface Body {
        void run(Trace t);
    }

    /** One scenario: its name, group, source and Java body. */
    static final class Entry {
        final String name;
        final String group;
        final String source;
        final Body body;

        Entry(String name, String group, String source, Body body) {
            this.name = name;
            this.group = group;
            this.source = source;
            this.body = body;
        }
    }

    /** The groups of erlang-semantics.md, in its order, and the class holding each one's scenarios. */
    static final Object[][] GROUPS = {
            {"A spawn/identity", SpawnScenarios.class},
            {"B messages", MessageScenarios.class},
            {"C links/exit signals", LinkScenarios.class},
            {"D monitors", MonitorScenarios.class},
            {"E registered names", RegistryScenarios.class},
            {"F timers", TimerScenarios.class},
            {"G dictionary", DictionaryScenarios.class},
            {"H process_info", ProcessInfoScenarios.class},
            {"I exceptions", ExceptionScenarios.class},
    };

    private ScenarioCatalog() {
    }

    static List<Entry> all() {
        List<Entry> entries = new ArrayList<>();
        for (Object[] g : GROUPS) {
            String group = (String) g[0];
            Class<?> cls = (Class<?>) g[1];
            List<Method> methods = new ArrayList<>();
            for (Method m : cls.getDeclaredMethods()) {
                if (m.isAnnotationPresent(Scenario.class)) methods.add(m);
            }
            methods.sort(Comparator.comparing(m -> m.getAnnotation(Scenario.class).value()));
            Object instance = newInstance(cls);
            for (Method m : methods) {
                Scenario s = m.getAnnotation(Scenario.class);
                entries.add(new Entry(s.value(), group, s.source(), bind(instance, m)));
            }
        }
        return entries;
    }

    private static Object newInstance(Class<?> cls) {
        try {
            return cls.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + cls.getName(), e);
        }
    }

    /** A {@link Body} calling {@code m} through the group's {@link ScenarioGroup#dispatch} (a direct call). */
    private static Body bind(Object instance, Method m) {
        if (Modifier.isStatic(m.getModifiers()) || m.getParameterCount() != 1 || m.getParameterTypes()[0] != Trace.class) {
            throw new IllegalStateException("a scenario is an instance method (Trace): " + m);
        }
        if (!(instance instanceof ScenarioGroup)) {
            throw new IllegalStateException(instance.getClass() + " must implement ScenarioGroup");
        }
        ScenarioGroup group = (ScenarioGroup) instance;
        String method = m.getName();
        return t -> {
            if (!group.dispatch(method, t)) {
                throw new IllegalStateException(group.getClass().getSimpleName() + ".dispatch does not know " + method);
            }
        };
    }
}
