package io.jbeam.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jbeam.agent.weaver.CallSiteKinds;
import io.jbeam.agent.weaver.CallSiteKinds.Kind;
import io.jbeam.agent.weaver.ClassHierarchy;
import io.jbeam.agent.weaver.TypeOracle;
import io.jbeam.agent.weaver.WeavePolicy;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * A call site whose owner is woven is capturable only when the method it resolves to is declared by woven code
 * (or is abstract, or is Object's): resolution as the JVM does it, over class files.
 */
class CallSiteResolutionTest {
    private static final String S = "io/jbeam/shapes/Inherited$";
    private final CallSiteKinds kinds = new CallSiteKinds(new WeavePolicy(List.of("io/jbeam/shapes/"), List.of()),
            new TypeOracle(ClassHierarchy.of(getClass().getClassLoader()), null));

    private Kind virtual(String owner, String name, String desc) {
        return kinds.of(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, owner, name, desc, false));
    }

    private Kind itf(String owner, String name, String desc) {
        return kinds.of(new MethodInsnNode(Opcodes.INVOKEINTERFACE, owner, name, desc, true));
    }

    @Test
    void methodsInheritedFromTheJdkAreOpaque() {
        assertEquals(Kind.OPAQUE, virtual(S + "MyList", "equals", "(Ljava/lang/Object;)Z"));
        assertEquals(Kind.OPAQUE, virtual(S + "MyList", "hashCode", "()I"));
        assertEquals(Kind.OPAQUE, virtual(S + "MyList", "forEach", "(Ljava/util/function/Consumer;)V"));
        assertEquals(Kind.OPAQUE, virtual(S + "MyThread", "run", "()V"));
        assertEquals(Kind.OPAQUE, kinds.of(new MethodInsnNode(Opcodes.INVOKESPECIAL, "java/util/ArrayList", "equals",
                "(Ljava/lang/Object;)Z", false)));
    }

    @Test
    void staticAndDefaultMethodsInheritedFromAnUnwovenLibraryAreOpaque() {
        assertEquals(Kind.OPAQUE, kinds.of(new MethodInsnNode(Opcodes.INVOKESTATIC, S + "AppRendering", "render",
                "(Ljava/lang/Object;)Ljava/lang/String;", false)));
        assertEquals(Kind.OPAQUE, itf(S + "Wrapper", "render", "(Ljava/lang/Object;)Ljava/lang/String;"));
        assertEquals(Kind.OPAQUE, virtual(S + "Box", "render", "(Ljava/lang/Object;)Ljava/lang/String;"));
    }

    @Test
    void wovenDeclarationsAbstractOnesAndObjectsMethodsStayCapturable() {
        assertEquals(Kind.WOVEN, virtual(S + "Elem", "equals", "(Ljava/lang/Object;)Z"));
        assertEquals(Kind.WOVEN, virtual(S + "Box", "target", "()Lio/jbeam/shapelib/Renderer;"));
        // Declared abstract by the library interface: the receiver's class implements it.
        assertEquals(Kind.WOVEN, itf(S + "Wrapper", "target", "()Lio/jbeam/shapelib/Renderer;"));
        // Object's methods never call a method of their own name and descriptor.
        assertEquals(Kind.WOVEN, itf(S + "Wrapper", "toString", "()Ljava/lang/String;"));
        assertEquals(Kind.WOVEN, virtual(S + "Task", "hashCode", "()I"));
        // An application functional interface's abstract method.
        assertEquals(Kind.WOVEN, itf("io/jbeam/shapes/Lambdas$IntOp", "apply", "(I)I"));
    }

    @Test
    void anUnknownHierarchyIsOpaque() {
        assertEquals(Kind.OPAQUE, virtual("io/jbeam/shapes/NoSuchClass", "run", "()V"));
    }
}
