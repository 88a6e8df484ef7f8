#!/usr/bin/env escript
%%! +P 4194304
%% Armstrong's ring on the BEAM, the same program as io.jbeam.bench.RingBenchmark: N processes in a ring, a token
%% (the passes made so far) passed round it 1,000,000 / N times, so every row makes 1,000,000 passes; the last
%% node's last pass comes back, and must say 1,000,000. Two timings per N: hops (the ring built once, only the
%% passes timed) and spawnAndHops (each run spawns the ring too; every node ends after its last pass). Timed by
%% itself with erlang:monotonic_time: ns per pass, best of Runs timed runs after one untimed; a human line and a
%% RESULT line per row. The emulator flag above raises the process limit (262,144 by default) for a million.
%%
%%   escript bench/src/main/erlang/ring.escript [Runs=5 [N...]]      N: default 1000 10000 100000 1000000
-mode(compile).

-define(PASSES, 1000000).
-define(TIMEOUT_MS, 120000).

main(Args) ->
    {Runs, Sizes} = case Args of
                        [] -> {5, [1000, 10000, 100000, 1000000]};
                        [R] -> {list_to_integer(R), [1000, 10000, 100000, 1000000]};
                        [R | Ns] -> {list_to_integer(R), [list_to_integer(N) || N <- Ns]}
                    end,
    [row(N, Runs) || N <- Sizes],
    io:format("(OTP ~s, ~b schedulers)~n", [erlang:system_info(otp_release), erlang:system_info(schedulers_online)]).

row(N, Runs) when ?PASSES rem N =:= 0 ->
    Laps = ?PASSES div N,
    Ring = build(N, Laps, forever),
    report(N, Laps, hops, Runs, best(Runs, fun() -> run(hd(Ring), now_ns()) end)),
    [P ! stop || P <- Ring],
    report(N, Laps, spawnAndHops, Runs,
           best(Runs, fun() -> T0 = now_ns(), run(hd(build(N, Laps, once)), T0) end)).

%% {Nanoseconds, Passes} of the fastest run.
best(Runs, F) ->
    F(),
    lists:min([F() || _ <- lists:seq(1, Runs)]).

report(N, Laps, Timed, Runs, {Ns, Passes}) ->
    Per = Ns / Passes,
    io:format("ring ~b processes x ~b laps, ~s: ~.1f ns per message, ~.2f million messages per second~n",
              [N, Laps, Timed, Per, 1000 / Per]),
    io:format("RESULT class=RingBenchmark row=~b,~s impl=erlang score=~.1f unit=ns/op runs=~b~n",
              [N, Timed, Per, Runs]).

now_ns() -> erlang:monotonic_time(nanosecond).

%% The ring's pids, first to last: spawned from the last back to the first; the last learns the first's pid from a
%% message and makes its last pass of a run to the caller.
build(N, Laps, Mode) ->
    Parent = self(),
    Last = spawn(fun() -> receive {first, First} -> pass(First, Parent, Laps, Laps, Mode) end end),
    Ring = chain(N - 1, [Last], Laps, Mode),
    Last ! {first, hd(Ring)},
    Ring.

chain(0, Ring, _, _) -> Ring;
chain(I, [Next | _] = Ring, Laps, Mode) ->
    chain(I - 1, [spawn(fun() -> pass(Next, Next, Laps, Laps, Mode) end) | Ring], Laps, Mode).

%% Passes each token on with one added, Laps times per run, the last pass to Exit; then ends (once) or waits for the
%% next run (forever) until stop.
pass(Next, Exit, 1, Laps, Mode) ->
    receive
        K when is_integer(K) ->
            Exit ! K + 1,
            case Mode of once -> ok; forever -> pass(Next, Exit, Laps, Laps, Mode) end;
        stop -> ok
    end;
pass(Next, Exit, Lap, Laps, Mode) ->
    receive
        K when is_integer(K) -> Next ! K + 1, pass(Next, Exit, Lap - 1, Laps, Mode);
        stop -> ok
    end.

%% Sends the token to the first node and waits for it to come back: {ns since T0, passes}.
run(First, T0) ->
    First ! 0,
    receive
        ?PASSES -> {now_ns() - T0, ?PASSES};
        Other when is_integer(Other) -> error({wrong_token, Other, expected, ?PASSES})
    after ?TIMEOUT_MS -> error(no_token)
    end.
