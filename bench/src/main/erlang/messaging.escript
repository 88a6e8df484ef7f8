#!/usr/bin/env escript
%% The messaging benchmarks on the BEAM, the same programs as io.jbeam.bench.MessagingBenchmark, timed by
%% themselves with erlang:monotonic_time: ping-pong (a process making round trips to an echo process), the same
%% with the pinger bound to scheduler 1 and the echo to scheduler 2 (spawn_opt's {scheduler, N}), and Armstrong's
%% ring (1000 processes, a token passed round it 1000 times). Prints ns per message and messages per second, best of
%% Runs timed runs after one untimed, and a RESULT line per shape for the report.
%%
%%   escript bench/src/main/erlang/messaging.escript [Runs=5]
-mode(compile).

main(Args) ->
    Runs = case Args of [R] -> list_to_integer(R); [] -> 5 end,
    Echo = spawn(fun echo/0),
    report(pingPong, Runs, best(Runs, fun() -> ping_pong(Echo, 100000) end)),
    BoundEcho = spawn_opt(fun echo/0, [{scheduler, 2}]),
    report(pingPongCrossScheduler, Runs, best(Runs, fun() -> ping_pong(BoundEcho, 100000, [{scheduler, 1}]) end)),
    Ring = ring(1000, self()),
    report(ring, Runs, best(Runs, fun() -> ring_run(Ring, 1000 * 1000) end)),
    io:format("(OTP ~s, ~b schedulers)~n", [erlang:system_info(otp_release), erlang:system_info(schedulers_online)]).

%% {Nanoseconds, Messages} of the fastest run.
best(Runs, F) ->
    F(),
    lists:min([F() || _ <- lists:seq(1, Runs)]).

report(Shape, Runs, {Ns, Msgs}) ->
    Per = Ns / Msgs,
    io:format("~s: ~.1f ns per message, ~.2f million messages per second~n", [Shape, Per, 1000 / Per]),
    io:format("RESULT class=MessagingBenchmark row=~s impl=erlang score=~.1f unit=ns/op runs=~b~n", [Shape, Per, Runs]).

now_ns() -> erlang:monotonic_time(nanosecond).

echo() ->
    receive
        P when is_pid(P) -> P ! pong, echo();
        _ -> ok
    end.

ping_pong(Echo, Rounds) ->
    ping_pong(Echo, Rounds, []).

ping_pong(Echo, Rounds, SpawnOpts) ->
    Self = self(),
    T0 = now_ns(),
    spawn_opt(fun() -> pinger(Echo, Rounds), Self ! done end, SpawnOpts),
    receive done -> ok end,
    {now_ns() - T0, 2 * Rounds}.

pinger(_, 0) -> ok;
pinger(Echo, I) -> Echo ! self(), receive pong -> ok end, pinger(Echo, I - 1).

ring(N, Parent) ->
    Pids = [spawn(fun() -> receive Next -> node(Next, Parent) end end) || _ <- lists:seq(1, N)],
    [P ! Next || {P, Next} <- lists:zip(Pids, tl(Pids) ++ [hd(Pids)])],
    hd(Pids).

node(Next, Parent) ->
    receive
        0 -> Parent ! done, node(Next, Parent);
        K when is_integer(K) -> Next ! K - 1, node(Next, Parent);
        _ -> ok
    end.

ring_run(First, Hops) ->
    T0 = now_ns(),
    First ! Hops - 2,
    receive done -> ok end,
    {now_ns() - T0, Hops}.
