#!/usr/bin/env escript
%% The fairness probe on the BEAM, the same program as io.jbeam.bench.Fairness: an echo process and a driver that
%% pings it one at a time; once the driver is warm, K spinners per scheduler (a loop of arithmetic) start and,
%% 200 ms later, the driver is told to time N round trips with erlang:monotonic_time (the first from that message).
%% Prints p50, p99, max in microseconds; with a file name, first writes every round trip there (ns, one a line, in
%% the order measured) for the report's latency chart.
%%
%%   escript bench/src/main/erlang/fairness.escript [K=2] [N=2000] [SpinSeconds=3] [LatenciesFile]
-mode(compile).

main(Args) ->
    {Numbers, File} = lists:split(min(3, length(Args)), Args),
    [K, N, Secs] = args(Numbers, [2, 2000, 3]),
    Self = self(),
    Echo = spawn(fun echo/0),
    Driver = spawn(fun() -> driver(Echo, Self, N) end),
    receive warm -> ok end,
    Start = now_ns(),
    Deadline = Start + round(Secs * 1.0e9),
    Spinners = K * erlang:system_info(schedulers_online),
    Pids = [spawn(fun() -> spin(Deadline, 1) end) || _ <- lists:seq(1, Spinners)],
    timer:sleep(200),
    Driver ! {go, now_ns()},
    receive {done, Lat, Ends} -> ok end,
    Wall = now_ns() - Start,
    SpinEnd = min(now_ns(), Deadline),
    [exit(P, kill) || P <- Pids],
    Echo ! stop,
    Written = write_latencies(File, lists:reverse(Lat)),
    Sorted = lists:sort(Lat),
    During = length([E || E <- Ends, E < SpinEnd]),
    P50 = pct(Sorted, 50) / 1000, P99 = pct(Sorted, 99) / 1000, Max = lists:last(Sorted) / 1000,
    io:format("erlang: ~b spinners, ~b pings: p50 ~.1f us, p99 ~.1f us, max ~.1f us; ~b answered while the "
              "spinners ran; ~b ms for all (OTP ~s, ~b schedulers)~n",
              [Spinners, N, P50, P99, Max, During, Wall div 1000000, erlang:system_info(otp_release),
               erlang:system_info(schedulers_online)]),
    io:format("RESULT fairness impl=erlang spinners=~b pings=~b p50_us=~.1f p99_us=~.1f max_us=~.1f during=~b "
              "wall_ms=~b otp=~s~s~n", [Spinners, N, P50, P99, Max, During, Wall div 1000000,
                                       erlang:system_info(otp_release), Written]).

%% Writes the round trips to the file named, if one is; returns the RESULT line's field naming it.
write_latencies([], _) -> "";
write_latencies([File], Lat) ->
    ok = file:write_file(File, [[integer_to_list(L), $\n] || L <- Lat]),
    " latencies=" ++ filename:basename(File).

args(Args, Defaults) ->
    [list_to_number(A) || A <- Args] ++ lists:nthtail(length(Args), Defaults).

list_to_number(S) ->
    try list_to_integer(S) catch error:badarg -> list_to_float(S) end.

now_ns() -> erlang:monotonic_time(nanosecond).

echo() ->
    receive
        P when is_pid(P) -> P ! pong, echo();
        _ -> ok
    end.

driver(Echo, Parent, N) ->
    ping(Echo, 2000),
    Parent ! warm,
    Go = receive {go, T} -> T end,
    Echo ! self(),
    receive pong -> ok end,
    T1 = now_ns(),
    {Lat, Ends} = timed(Echo, N - 1, [T1 - Go], [T1]),
    Parent ! {done, Lat, Ends}.

ping(_, 0) -> ok;
ping(Echo, I) -> Echo ! self(), receive pong -> ok end, ping(Echo, I - 1).

timed(_, 0, Lat, Ends) -> {Lat, Ends};
timed(Echo, I, Lat, Ends) ->
    T0 = now_ns(),
    Echo ! self(),
    receive pong -> ok end,
    T1 = now_ns(),
    timed(Echo, I - 1, [T1 - T0 | Lat], [T1 | Ends]).

%% A million steps of arithmetic (no calls but the loop's own), then a look at the clock.
spin(Deadline, X) ->
    X1 = inner(1000000, X),
    case now_ns() > Deadline of
        true -> X1;
        false -> spin(Deadline, X1)
    end.

inner(0, X) -> X;
inner(I, X) -> inner(I - 1, (X * 31 + I) band 16#FFFFFFFFFFFF).

pct(Sorted, P) ->
    Rank = max(1, min(length(Sorted), ceil(P / 100 * length(Sorted)))),
    lists:nth(Rank, Sorted).
