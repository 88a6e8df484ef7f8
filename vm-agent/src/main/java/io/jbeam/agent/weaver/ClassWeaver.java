package io.jbeam.agent.weaver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.JSRInlinerAdapter;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Weaves one class: the only entry point of the weaver. Thread-safe (it keeps no state between classes besides
 * shared, concurrent caches).
 *
 * <ol>
 *   <li>Read, inlining JSR/RET subroutines ({@link JSRInlinerAdapter}); a class carrying {@code @Woven} is left
 *       alone (weaving is idempotent).</li>
 *   <li>{@link LambdaIndex}: lambda factories whose implementation lies here get the {@code WovenLambda} marker;
 *       method references through an application interface to code that is not woven get a bridge here.</li>
 *   <li>{@link FiberPassingCopies}: the capturable methods that bound calls within the class reach are copied,
 *       unwoven, before any method is woven.</li>
 *   <li>Each method: {@link MethodClassifier}, then for a capturable one {@link NewDupRelocator},
 *       {@link FrameAnalyzer} and {@link ContinuationEmitter}; for a pinned one {@link PinnedEmitter}. A capturable
 *       method whose analysis fails is woven pinned. Then each copy, the same way.</li>
 *   <li>Mark with {@code @Woven} and write with frames computed over the {@link ClassHierarchy}. A method that
 *       grows past 64 KiB is woven again pinned; so is one that grows past {@link CodeSizes#WOVEN_LIMIT} while it
 *       fit unwoven: the JIT would compile it late or never (counted in {@link Result#pinnedForSize}). A pinned
 *       method has no copy.</li>
 * </ol>
 */
public final class ClassWeaver {
    private final WeavePolicy policy;
    private final LambdaIndex.HandshakeIds ids;

    public ClassWeaver(WeavePolicy policy, LambdaIndex.HandshakeIds ids) {
        this.policy = policy;
        this.ids = ids;
    }

    /** A weaver over the JVM-global id registry of the runtime. */
    public static ClassWeaver forRuntime(WeavePolicy policy) {
        return new ClassWeaver(policy, io.jbeam.scheduler.MethodIds::of);
    }

    public WeavePolicy policy() {
        return policy;
    }

    /** What weaving one class did. */
    public static final class Result {
        public final byte[] bytes;
        public final String className;
        public int capturable;
        public int pinned;
        public int callSites;
        public int pinnedCallSites;
        /** Methods woven pinned because their capture code took them past the JIT's size limit. */
        public int pinnedForSize;
        public int relocatedNews;
        public int lambdas;
        /** Fiber-passing copies written ({@link FiberPassingCopies}). */
        public int copies;
        public final List<String> notes = new ArrayList<>();
        final Set<String> capturableMethods = new HashSet<>();
        /** Each fiber-passing copy's name and descriptor: its original's. */
        final Map<String, String> copySources = new HashMap<>();

        Result(String className, byte[] bytes) {
            this.className = className;
            this.bytes = bytes;
        }

        Result copyStats(Result o) {
            capturable = o.capturable;
            pinned = o.pinned;
            callSites = o.callSites;
            pinnedCallSites = o.pinnedCallSites;
            pinnedForSize = o.pinnedForSize;
            relocatedNews = o.relocatedNews;
            lambdas = o.lambdas;
            copies = o.copies;
            notes.addAll(o.notes);
            capturableMethods.addAll(o.capturableMethods);
            copySources.putAll(o.copySources);
            return this;
        }

        @Override
        public String toString() {
            return className + ": " + capturable + " capturable, " + pinned + " pinned methods, " + callSites
                    + " capturable call sites (" + pinnedCallSites + " pinned), "
                    + (pinnedForSize == 0 ? "" : pinnedForSize + " pinned for size, ") + relocatedNews
                    + " relocated news, " + lambdas + " lambdas, " + copies + " fiber-passing copies"
                    + (notes.isEmpty() ? "" : " " + notes);
        }
    }

    /** The woven class file, or null when the class needs no weaving (or is already woven). */
    public byte[] weave(byte[] classFile, ClassLoader loader) {
        Result r = weaveWithReport(classFile, loader);
        return r == null ? null : r.bytes;
    }

    public Result weaveWithReport(byte[] classFile, ClassLoader loader) {
        ClassReader cr = new ClassReader(classFile);
        Set<String> forcePinned = new HashSet<>();
        Map<String, Integer> tooSlow = new HashMap<>(); // woven past WOVEN_LIMIT: size woven
        Map<String, Integer> originalSizes = null;
        while (true) {
            ClassNode cn = read(cr);
            if ((cn.access & Opcodes.ACC_MODULE) != 0 || isWoven(cn)) {
                return null;
            }
            TypeOracle types = new TypeOracle(ClassHierarchy.of(loader), ClassHierarchy.Info.of(cn));
            try {
                Result r = weave(cn, types, forcePinned, tooSlow);
                if (r == null) return null;
                // A method the JIT compiles unwoven but would not (or only late) woven runs pinned instead (compiled,
                // never suspending inside): weave the class again so.
                if (originalSizes == null) originalSizes = CodeSizes.of(classFile);
                boolean again = false;
                for (Map.Entry<String, Integer> e : CodeSizes.of(r.bytes).entrySet()) {
                    String key = e.getKey();
                    String source = r.copySources.getOrDefault(key, key); // a copy is as large as its original
                    if (e.getValue() > CodeSizes.WOVEN_LIMIT && r.capturableMethods.contains(key)
                            && originalSizes.getOrDefault(source, Integer.MAX_VALUE) <= CodeSizes.WOVEN_LIMIT) {
                        tooSlow.putIfAbsent(source, e.getValue());
                        forcePinned.add(source);
                        again = true;
                    }
                }
                if (!again) return r;
            } catch (MethodTooLargeException e) {
                // Pinning an original also drops its copy.
                String desc = FiberPassingCopies.originalDesc(e.getDescriptor());
                if (!forcePinned.add(e.getMethodName() + (desc == null ? e.getDescriptor() : desc))) {
                    throw e;
                }
            }
        }
    }

    private Result weave(ClassNode cn, TypeOracle types, Set<String> forcePinned, Map<String, Integer> tooSlow) {
        CallSiteKinds kinds = new CallSiteKinds(policy, types, cn);
        LambdaIndex lambdas = LambdaIndex.rewrite(cn, ids, kinds, policy);
        boolean changed = lambdas.rewrittenCount() > 0;
        Result r = new Result(cn.name, null);
        r.lambdas = lambdas.rewrittenCount();
        FiberPassingCopies copies = FiberPassingCopies.plan(cn, kinds, forcePinned);
        List<MethodNode> copyNodes = new ArrayList<>();
        for (MethodNode m : cn.methods) {
            if (copies.copyOf(m.name, m.desc) != null) {
                MethodNode c = FiberPassingCopies.copy(m); // before m is woven
                copyNodes.add(c);
                r.copySources.put(c.name + c.desc, m.name + m.desc);
            }
        }
        for (MethodNode m : cn.methods) {
            MethodClassifier.Treatment t = MethodClassifier.classify(m, kinds);
            if (t == MethodClassifier.Treatment.CAPTURABLE && forcePinned.contains(m.name + m.desc)) {
                t = MethodClassifier.Treatment.PINNED;
                Integer woven = tooSlow.get(m.name + m.desc);
                if (woven == null) {
                    r.notes.add(m.name + m.desc + " pinned: too large to capture");
                } else {
                    r.pinnedForSize++;
                    r.notes.add(m.name + m.desc + " pinned: " + woven + " bytes woven, past "
                            + CodeSizes.WOVEN_LIMIT + " (the JIT would compile it late or never)");
                }
            }
            if (t == MethodClassifier.Treatment.CAPTURABLE) {
                try {
                    r.relocatedNews += NewDupRelocator.relocate(cn, m, types, kinds);
                    Frame<BasicValue>[] frames = FrameAnalyzer.analyze(cn, m, types);
                    ContinuationEmitter e = new ContinuationEmitter(m, frames, kinds, ids, acceptedIds(m, lambdas),
                            copies, -1);
                    e.emit();
                    r.capturable++;
                    r.capturableMethods.add(m.name + m.desc);
                    r.callSites += e.callSites;
                    r.pinnedCallSites += e.pinnedCallSites;
                    changed = true;
                    continue;
                } catch (AnalyzerException e) {
                    r.notes.add(m.name + m.desc + " pinned: " + e.getMessage());
                    t = MethodClassifier.Treatment.PINNED;
                }
            }
            if (t == MethodClassifier.Treatment.PINNED) {
                PinnedEmitter.emit(m, kinds);
                r.pinned++;
                changed = true;
            }
        }
        for (MethodNode c : copyNodes) {
            weaveCopy(cn, c, types, kinds, copies, r);
            cn.methods.add(c);
            changed = true;
        }
        if (!changed) {
            return null;
        }
        if (cn.visibleAnnotations == null) {
            cn.visibleAnnotations = new ArrayList<>();
        }
        cn.visibleAnnotations.add(new AnnotationNode(RuntimeNames.WOVEN_DESC));
        ClassWriter cw = new HierarchyClassWriter(ClassWriter.COMPUTE_FRAMES, types);
        cn.accept(cw);
        return new Result(cn.name, cw.toByteArray()).copyStats(r);
    }

    /** Weaves a fiber-passing copy as its original was woven: capturable, or pinned when its analysis fails. */
    private void weaveCopy(ClassNode cn, MethodNode c, TypeOracle types, CallSiteKinds kinds,
            FiberPassingCopies copies, Result r) {
        try {
            r.relocatedNews += NewDupRelocator.relocate(cn, c, types, kinds);
            Frame<BasicValue>[] frames = FrameAnalyzer.analyze(cn, c, types);
            int passedFiber = FiberPassingCopies.fiberSlot(FiberPassingCopies.originalDesc(c.desc),
                    (c.access & Opcodes.ACC_STATIC) != 0);
            ContinuationEmitter e = new ContinuationEmitter(c, frames, kinds, ids, new int[0], copies, passedFiber);
            e.emit();
            r.capturableMethods.add(c.name + c.desc);
        } catch (AnalyzerException e) {
            PinnedEmitter.emit(c, kinds);
        }
        r.copies++;
    }

    private int[] acceptedIds(MethodNode m, LambdaIndex lambdas) {
        Set<Integer> extra = lambdas.extraIdsOf(m);
        int own = ids.of(m.name, m.desc);
        int[] a = new int[1 + extra.size()];
        a[0] = own;
        int k = 1;
        for (int id : extra) {
            if (id != own) a[k++] = id;
        }
        return k == a.length ? a : java.util.Arrays.copyOf(a, k);
    }

    static boolean isWoven(ClassNode cn) {
        if (cn.visibleAnnotations != null) {
            for (AnnotationNode a : cn.visibleAnnotations) {
                if (a.desc.equals(RuntimeNames.WOVEN_DESC)) return true;
            }
        }
        return false;
    }

    private static ClassNode read(ClassReader cr) {
        ClassNode cn = new ClassNode(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                MethodVisitor mn = super.visitMethod(access, name, descriptor, signature, exceptions);
                return new JSRInlinerAdapter(mn, access, name, descriptor, signature, exceptions);
            }
        };
        cr.accept(cn, ClassReader.SKIP_FRAMES);
        return cn;
    }
}
