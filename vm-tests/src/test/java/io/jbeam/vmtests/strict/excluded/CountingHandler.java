package io.jbeam.vmtests.strict.excluded;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;

/** In a package the agent excludes: an invocation handler that forwards by reflection and counts its runs. */
public class CountingHandler implements InvocationHandler {
    private final Object target;
    public int runs;

    public CountingHandler(Object target) {
        this.target = target;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Exception {
        runs++;
        return method.invoke(target, args);
    }
}
