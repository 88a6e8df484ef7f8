package io.jbeam.agent.weaver;

/**
 * Every name and descriptor the weaver bakes into woven bytecode: the runtime contract of
 * {@code io.jbeam.scheduler.Fiber} and friends, in one place. Nothing here is looked up reflectively at run time;
 * woven classes link against these names through their own class loader.
 */
public final class RuntimeNames {
    // ---------------------------------------------------------------- the fiber
    public static final String FIBER = "io/jbeam/scheduler/Fiber";
    public static final String FIBER_DESC = "L" + FIBER + ";";
    public static final String CURRENT = "current";
    public static final String CURRENT_DESC = "()" + FIBER_DESC;
    public static final String STATUS = "status";
    public static final String EXPECT = "expect";
    public static final String LOOP_CHUNK = "loopChunk";
    public static final String LOOP_SPENT = "loopSpent";
    public static final String LOOP_SPENT_DESC = "(IZ)Z";
    public static final String LOOP_EXIT = "loopExit";
    public static final String LOOP_EXIT_DESC = "(I)V";
    /** Values of {@code Fiber.status}. */
    public static final int RUNNING = 0;
    public static final int CAPTURING = 1;
    public static final int REWINDING = 2;

    /** {@code ()Z}: charges an entry's reduction; false when the slice is spent or a rewind is under way. */
    public static final String CHARGE = "charge";
    public static final String CHARGE_DESC = "()Z";
    /** {@code (I)I}: -1 when {@code expect} is the given id, else 0. */
    public static final String MASK_FOR = "maskFor";
    public static final String MASK_FOR_DESC = "(I)I";
    public static final String BUDGET_EXHAUSTED = "budgetExhausted";
    public static final String BUDGET_EXHAUSTED_DESC = "(Z)Z";
    public static final String RESUMED_AT_YIELD_POINT = "resumedAtYieldPoint";
    /** Called, {@code ()V}, at the entry of each instance method of an unwoven subtype of a woven type. */
    public static final String ENTER_UNWOVEN = "enterUnwoven";
    public static final String VOID_DESC = "()V";

    // ---------------------------------------------------------------- the frame store
    public static final String PUSH_INT = "pushInt";
    public static final String PUSH_INT_DESC = "(I" + FIBER_DESC + ")V";
    public static final String PUSH_LONG = "pushLong";
    public static final String PUSH_LONG_DESC = "(J" + FIBER_DESC + ")V";
    public static final String PUSH_FLOAT = "pushFloat";
    public static final String PUSH_FLOAT_DESC = "(F" + FIBER_DESC + ")V";
    public static final String PUSH_DOUBLE = "pushDouble";
    public static final String PUSH_DOUBLE_DESC = "(D" + FIBER_DESC + ")V";
    public static final String PUSH_REF = "pushRef";
    public static final String PUSH_REF_DESC = "(Ljava/lang/Object;" + FIBER_DESC + ")V";
    public static final String PUSH_PC = "pushPc";
    public static final String PUSH_PC_DESC = "(I" + FIBER_DESC + ")V";

    public static final String POP_PC = "popPc";
    public static final String POP_INT = "popInt";
    public static final String POP_INT_DESC = "()I";
    public static final String POP_LONG = "popLong";
    public static final String POP_LONG_DESC = "()J";
    public static final String POP_FLOAT = "popFloat";
    public static final String POP_FLOAT_DESC = "()F";
    public static final String POP_DOUBLE = "popDouble";
    public static final String POP_DOUBLE_DESC = "()D";
    public static final String POP_REF = "popRef";
    public static final String POP_REF_DESC = "()Ljava/lang/Object;";

    // ---------------------------------------------------------------- markers
    public static final String WOVEN_DESC = "Lio/jbeam/scheduler/Woven;";
    public static final String WOVEN_LAMBDA = "io/jbeam/scheduler/WovenLambda";
    public static final String METHOD_IDS = "io/jbeam/scheduler/MethodIds";

    // ---------------------------------------------------------------- runtime leaves that may suspend
    public static final String ERLANG = "io/jbeam/Erlang";
    public static final String ERLANG_RECEIVE = "receive";
    public static final String ERLANG_SLEEP = "sleep";
    public static final String ERLANG_YIELD = "yield";
    public static final String COROUTINE = "io/jbeam/scheduler/Coroutine";
    public static final String YIELD_NOW = "yieldNow";

    // ---------------------------------------------------------------- lambdas
    public static final String LAMBDA_METAFACTORY = "java/lang/invoke/LambdaMetafactory";
    public static final String METAFACTORY = "metafactory";
    public static final String ALT_METAFACTORY = "altMetafactory";
    public static final String ALT_METAFACTORY_DESC = "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;"
            + "Ljava/lang/invoke/MethodType;[Ljava/lang/Object;)Ljava/lang/invoke/CallSite;";
    /** LambdaMetafactory.FLAG_SERIALIZABLE, FLAG_MARKERS, FLAG_BRIDGES. */
    public static final int FLAG_SERIALIZABLE = 1;
    public static final int FLAG_MARKERS = 2;
    public static final int FLAG_BRIDGES = 4;

    // ---------------------------------------------------------------- misc
    public static final String OBJECT = "java/lang/Object";
    public static final String MATH = "java/lang/Math";
    public static final String STRICT_MATH = "java/lang/StrictMath";
    public static final String ILLEGAL_STATE = "java/lang/IllegalStateException";
    public static final String STRING_CTOR_DESC = "(Ljava/lang/String;)V";
    public static final String CTOR = "<init>";
    public static final String CLINIT = "<clinit>";

    private RuntimeNames() {
    }
}
