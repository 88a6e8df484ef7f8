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
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

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
 * The implementation must be declared here: {@code this::run} in a class that inherits {@code run} from
 * {@code Thread} names this class but runs the JDK's method.
 *
 * <p>A reference to a method of another woven class is left alone: the proxy calls it with the interface method's
 * handshake, which it accepts only when it has the same name and descriptor (then the proxy is a plain forwarder).
 * A reference through an <em>application</em> interface to code that is not woven ({@code Sink s =
 * consumer::accept} reaching {@code Consumer.andThen}'s JDK lambda, {@code Job j = thread::run}) is different: the
 * call site, whose owner is woven, stores the interface method's id, and the JDK method would pass it on to woven
 * code of the same name. Such a reference is redirected to a bridge in this class, {@code lambda$jbeam$n}, that makes
 * the call; the bridge is woven like a lambda body, so its call is pinned ({@code expect = 0}) or checked as any
 * other. Serializable lambdas keep their implementation ({@code $deserializeLambda$} compares it).
 *
 * <p>A lambda whose proxy must unbox the implementation's reference result into a primitive is left alone: the dummy
 * {@code null} a suspended implementation returns would not unbox.
 */
public final class LambdaIndex {
    private static final String BRIDGE_PREFIX = "lambda$jbeam$";

    private final Map<String, Set<Integer>> extraIds = new HashMap<>();
    private final List<MethodNode> bridges = new ArrayList<>();
    private int rewritten;

    private LambdaIndex() {
    }

    public static boolean isLambdaFactory(Handle bsm) {
        return bsm.getOwner().equals(RuntimeNames.LAMBDA_METAFACTORY)
                && (bsm.getName().equals(RuntimeNames.METAFACTORY) || bsm.getName().equals(RuntimeNames.ALT_METAFACTORY));
    }

    /**
     * Scans and rewrites the lambda factories of {@code cn}, adding bridges to its methods; {@code ids} gives
     * handshake ids, {@code kinds} and {@code policy} tell what a method reference reaches.
     */
    public static LambdaIndex rewrite(ClassNode cn, HandshakeIds ids, CallSiteKinds kinds, WeavePolicy policy) {
        LambdaIndex index = new LambdaIndex();
        for (MethodNode m : cn.methods) {
            if (m.instructions == null) continue;
            for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
                if (insn instanceof InvokeDynamicInsnNode) {
                    index.visit(cn, (InvokeDynamicInsnNode) insn, ids, kinds, policy);
                }
            }
        }
        cn.methods.addAll(index.bridges);
        return index;
    }

    private void visit(ClassNode cn, InvokeDynamicInsnNode indy, HandshakeIds ids, CallSiteKinds kinds,
            WeavePolicy policy) {
        if (!isLambdaFactory(indy.bsm) || indy.bsmArgs.length < 3 || !(indy.bsmArgs[1] instanceof Handle)) {
            return;
        }
        Handle impl = (Handle) indy.bsmArgs[1];
        if (!declaredHere(cn, impl)) {
            if (!policy.isWeavable(Type.getReturnType(indy.desc).getInternalName()) || isSerializable(indy)
                    || !reachesUnwovenCode(cn, impl, kinds, policy)) {
                return;
            }
            impl = bridge(cn, impl);
            indy.bsmArgs[1] = impl;
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

    private static boolean declaredHere(ClassNode cn, Handle impl) {
        if (!impl.getOwner().equals(cn.name) || impl.getTag() == Opcodes.H_NEWINVOKESPECIAL) {
            return false;
        }
        for (MethodNode m : cn.methods) {
            if (m.name.equals(impl.getName()) && m.desc.equals(impl.getDesc())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSerializable(InvokeDynamicInsnNode indy) {
        return indy.bsm.getName().equals(RuntimeNames.ALT_METAFACTORY) && indy.bsmArgs.length > 3
                && indy.bsmArgs[3] instanceof Integer
                && ((Integer) indy.bsmArgs[3] & RuntimeNames.FLAG_SERIALIZABLE) != 0;
    }

    /**
     * True when calling {@code impl} from this class is not a capturable call to woven code (so a proxy forwarding
     * to it with the interface method's handshake could reach woven code through a frame that is not woven), and a
     * static bridge here may call it (not {@code invokespecial}; public, or in this package).
     */
    private static boolean reachesUnwovenCode(ClassNode cn, Handle impl, CallSiteKinds kinds, WeavePolicy policy) {
        int tag = impl.getTag();
        if (tag == Opcodes.H_INVOKESPECIAL || tag < Opcodes.H_INVOKEVIRTUAL) {
            return false;
        }
        if (tag == Opcodes.H_NEWINVOKESPECIAL && policy.isWeavable(impl.getOwner())) {
            return false; // a woven constructor is pinned: it stores expect = 0 before each call
        }
        MethodInsnNode call = invoke(impl);
        CallSiteKinds.Kind k = kinds.of(call);
        if (k == CallSiteKinds.Kind.WOVEN || k == CallSiteKinds.Kind.LEAF || k == CallSiteKinds.Kind.INERT) {
            return false;
        }
        MethodResolver.Declaration d = kinds.resolve(call.owner, call.name, call.desc,
                call.getOpcode() == Opcodes.INVOKESTATIC);
        if (d == null) {
            return false;
        }
        return (d.access & Opcodes.ACC_PUBLIC) != 0 || packageOf(d.owner).equals(packageOf(cn.name));
    }

    private static String packageOf(String internalName) {
        int i = internalName.lastIndexOf('/');
        return i < 0 ? "" : internalName.substring(0, i);
    }

    private static MethodInsnNode invoke(Handle impl) {
        int op;
        switch (impl.getTag()) {
            case Opcodes.H_INVOKESTATIC: op = Opcodes.INVOKESTATIC; break;
            case Opcodes.H_INVOKEINTERFACE: op = Opcodes.INVOKEINTERFACE; break;
            case Opcodes.H_NEWINVOKESPECIAL: op = Opcodes.INVOKESPECIAL; break;
            default: op = Opcodes.INVOKEVIRTUAL;
        }
        return new MethodInsnNode(op, impl.getOwner(), impl.getName(), impl.getDesc(), impl.isInterface());
    }

    /** A private static method of {@code cn} that makes the call {@code impl} names; returns its handle. */
    private Handle bridge(ClassNode cn, Handle impl) {
        int tag = impl.getTag();
        Type target = Type.getMethodType(impl.getDesc());
        Type owner = Type.getObjectType(impl.getOwner());
        List<Type> params = new ArrayList<>();
        if (tag == Opcodes.H_INVOKEVIRTUAL || tag == Opcodes.H_INVOKEINTERFACE) {
            params.add(owner);
        }
        params.addAll(Arrays.asList(target.getArgumentTypes()));
        Type ret = tag == Opcodes.H_NEWINVOKESPECIAL ? owner : target.getReturnType();
        String desc = Type.getMethodDescriptor(ret, params.toArray(new Type[0]));
        String name = BRIDGE_PREFIX + bridges.size();
        MethodNode b = new MethodNode(Opcodes.ASM9, Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
                name, desc, null, null);
        int slot = 0;
        if (tag == Opcodes.H_NEWINVOKESPECIAL) {
            b.instructions.add(new TypeInsnNode(Opcodes.NEW, impl.getOwner()));                      // o
            b.instructions.add(new InsnNode(Opcodes.DUP));                                           // o o
        }
        for (Type p : params) {
            b.instructions.add(new VarInsnNode(p.getOpcode(Opcodes.ILOAD), slot));                 // [o o] args
            slot += p.getSize();
        }
        b.instructions.add(invoke(impl));                                                           // result
        b.instructions.add(new InsnNode(ret.getOpcode(Opcodes.IRETURN)));
        b.maxLocals = slot;
        b.maxStack = slot + 2;
        bridges.add(b);
        return new Handle(Opcodes.H_INVOKESTATIC, cn.name, name, desc, (cn.access & Opcodes.ACC_INTERFACE) != 0);
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
