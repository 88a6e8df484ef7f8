package io.jbeam.agent.weaver;

import org.objectweb.asm.ClassWriter;

/**
 * A {@link ClassWriter} computing frames with the {@link TypeOracle} instead of loading classes (loading would run
 * through the very loader that is defining the class being woven).
 */
final class HierarchyClassWriter extends ClassWriter {
    private final TypeOracle types;

    HierarchyClassWriter(int flags, TypeOracle types) {
        super(flags);
        this.types = types;
    }

    @Override
    protected String getCommonSuperClass(String type1, String type2) {
        return types.commonSuperClass(type1, type2);
    }
}
