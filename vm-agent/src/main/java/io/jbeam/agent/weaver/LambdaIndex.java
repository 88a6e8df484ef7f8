package io.jbeam.agent.weaver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The lambdas and method references of one class whose implementation method lies in that class.
 *
 * <ol>
 *   <li>Each such {@code invokedynamic} is rewritten to {@code LambdaMetafactory.altMetafactory} with
 *       {@code FLAG_MARKERS} adding {@code WovenLambda}, keeping its flags, markers and bridges (a serializable
 *       lambda stays serializable: {@code $deserializeLambda$} checks neither flags nor markers). The proxy only
 *       forwards, so a call through it may be captured.</li>
 *   <li>The implementation method accepts, besides its own id, the handshake ids of the interface method it
 *       implements ({@code id(indy name, samMethodType)}) and of each bridge.</li>
 * </ol>
 * A reference to a method of another class is left alone: the proxy calls it with a mismatching handshake, so it
 * runs pinned (safe). A lambda whose proxy must unbox the implementation's reference result into a primitive is
 * left alone too: the dummy {@code null} a suspended implementation returns would not unbox.
 */
public final class LambdaIndex {
    private final Map<String, Set<Integer>> extraIds = new HashMap<>();
    private int rewritten;

    private LambdaIndex() {
    }

    public static boolean isLambdaFactory(Handle bsm) {
        return bsm.getOwner().equals(RuntimeNames.LAMBDA_METAFACTORY)
                && (bsm.getName().equals(RuntimeNames.METAFACTORY) || bsm.getName().equals(RuntimeNames.ALT_METAFACTORY));
    }

    /** Scans and rewrites the lambda factories of {@code cn}; {@code ids} gives handshake ids. */
    public static LambdaIndex rewrite(ClassNode cn, HandshakeIds ids) {
        LambdaIndex index = new LambdaIndex();
        for (MethodNode m : cn.methods) {
            if (m.instructions == null) continue;
            for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
                if (insn instanceof InvokeDynamicInsnNode) {
                    index.visit(cn, (InvokeDynamicInsnNode) insn, ids);
                }
            }
        }
        return index;
    }

    private void visit(ClassNode cn, InvokeDynamicInsnNode indy, HandshakeIds ids) {
        if (!isLambdaFactory(indy.bsm) || indy.bsmArgs.length < 3 || !(indy.bsmArgs[1] instanceof Handle)) {
            return;
        }
        Handle impl = (Handle) indy.bsmArgs[1];
        if (!impl.getOwner().equals(cn.name) || impl.getName().equals(RuntimeNames.CTOR)
                || impl.getTag() == Opcodes.H_NEWINVOKESPECIAL) {
            return;
        }
        Type sam = (Type) indy.bsmArgs[0];
        Type instantiated = (Type) indy.bsmArgs[2];
        Type implReturn = Type.getReturnType(impl.getDesc());
        boolean unboxes = isReference(implReturn)
                && (isPrimitive(sam.getReturnType()) || isPrimitive(instantiated.getReturnType()));
        if (unboxes) {
            return;
        }
        Set<Integer> accepted = extraIds.computeIfAbsent(impl.getName() + impl.getDesc(), k -> new LinkedHashSet<>());
        accepted.add(ids.of(indy.name, sam.getDescriptor()));
        List<Object> args = new ArrayList<>(Arrays.asList(indy.bsmArgs));
        if (indy.bsm.getName().equals(RuntimeNames.METAFACTORY)) {
            args.add(RuntimeNames.FLAG_MARKERS);
            args.add(1);
            args.add(Type.getObjectType(RuntimeNames.WOVEN_LAMBDA));
        } else {
            addMarker(args, accepted, indy.name, ids);
        }
        indy.bsm = new Handle(Opcodes.H_INVOKESTATIC, RuntimeNames.LAMBDA_METAFACTORY, RuntimeNames.ALT_METAFACTORY,
                RuntimeNames.ALT_METAFACTORY_DESC, false);
        indy.bsmArgs = args.toArray();
        rewritten++;
    }

    /** altMetafactory(sam, impl, instantiated, flags, [markerCount, markers...], [bridgeCount, bridges...]). */
    private static void addMarker(List<Object> args, Set<Integer> accepted, String name, HandshakeIds ids) {
        int flags = (Integer) args.get(3);
        int at = 4;
        Type marker = Type.getObjectType(RuntimeNames.WOVEN_LAMBDA);
        if ((flags & RuntimeNames.FLAG_MARKERS) != 0) {
            int count = (Integer) args.get(at);
            List<Object> markers = args.subList(at + 1, at + 1 + count);
            if (!markers.contains(marker)) {
                args.add(at + 1 + count, marker);
                args.set(at, count + 1);
                count++;
            }
            at += 1 + count;
        } else {
            args.set(3, flags | RuntimeNames.FLAG_MARKERS);
            args.add(at, 1);
            args.add(at + 1, marker);
            at += 2;
        }
        if ((flags & RuntimeNames.FLAG_BRIDGES) != 0) {
            int count = (Integer) args.get(at);
            for (int k = 0; k < count; k++) {
                accepted.add(ids.of(name, ((Type) args.get(at + 1 + k)).getDescriptor()));
            }
        }
    }

    private static boolean isReference(Type t) {
        return t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY;
    }

    private static boolean isPrimitive(Type t) {
        return t.getSort() >= Type.BOOLEAN && t.getSort() <= Type.DOUBLE;
    }

    /** The handshake ids a method of this class accepts besides its own (empty for most methods). */
    public Set<Integer> extraIdsOf(MethodNode m) {
        Set<Integer> s = extraIds.get(m.name + m.desc);
        return s == null ? Set.of() : s;
    }

    /** How many lambda factories were rewritten. */
    public int rewrittenCount() {
        return rewritten;
    }

    /** The id registry ({@code MethodIds.of}), behind an interface so analysis-only uses need no runtime. */
    @FunctionalInterface
    public interface HandshakeIds {
        int of(String name, String descriptor);
    }
}
