package io.jbeam.vmtests.strict.excluded;

import io.jbeam.vmtests.strict.UnwovenSubtypePinningTest.Service;

/** In a package the agent excludes: loads unwoven, forwards to its delegate and counts its runs. */
public class CountingDecorator implements Service {
    private final Service delegate;
    public int runs;

    public CountingDecorator(Service delegate) {
        this.delegate = delegate;
    }

    @Override
    public Object next() {
        runs++;
        return delegate.next();
    }
}
