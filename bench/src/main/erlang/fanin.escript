#!/usr/bin/env escript
%% Many to one on the BEAM, the same program as io.jbeam.bench.FanInBenchmark: P producers each send the integers
%% 1..M (M = 1,000,000 / P) to one consumer, which adds them up and answers with the sum once all 1,000,000 have
%% arrived; the sum is checked. Each run spawns the consumer and the producers. Timed by itself with
%% erlang:monotonic_time: ns per message, best of Runs timed runs after one untimed; a human line and a RESULT line
%% per row.
%%
%%   escript bench/src/main/erlang/fanin.escript [Runs=5 [P...]]      P: default 1 10 1000
-mode(compile).

-define(MESSAGES, 1000000).
-define(TIMEOUT_MS, 120000).

main(Args) ->
    {Runs, Rows} = case Args of
                       [] -> {5, [1, 10, 1000]};
                       [R] -> {list_to_integer(R), [1, 10, 1000]};
                       [R | Ps] -> {list_to_integer(R), [list_to_integer(P) || P <- Ps]}
                   end,
    [report(P, Runs, best(Runs, fun() -> run(P) end)) || P <- Rows, ?MESSAGES rem P =:= 0],
    io:format("(OTP ~s, ~b schedulers)~n", [erlang:system_info(otp_release), erlang:system_info(schedulers_online)]).

%% Nanoseconds of the fastest run.
best(Runs, F) ->
    F(),
    lists:min([F() || _ <- lists:seq(1, Runs)]).

report(P, Runs, Ns) ->
    Per = Ns / ?MESSAGES,
    io:format("fan-in ~b producers x ~b messages: ~.1f ns per message, ~.2f million messages per second~n",
              [P, ?MESSAGES div P, Per, 1000 / Per]),
    io:format("RESULT class=FanInBenchmark row=~b impl=erlang score=~.1f unit=ns/op runs=~b~n", [P, Per, Runs]).

now_ns() -> erlang:monotonic_time(nanosecond).

run(P) ->
    M = ?MESSAGES div P,
    Expected = P * M * (M + 1) div 2,
    Parent = self(),
    T0 = now_ns(),
    Consumer = spawn(fun() -> consume(?MESSAGES, 0, Parent) end),
    [spawn(fun() -> produce(Consumer, 1, M) end) || _ <- lists:seq(1, P)],
    receive
        {sum, Expected} -> now_ns() - T0;
        {sum, Other} -> error({wrong_sum, Other, expected, Expected})
    after ?TIMEOUT_MS -> error(no_sum)
    end.

consume(0, Sum, Parent) -> Parent ! {sum, Sum};
consume(Left, Sum, Parent) -> receive I -> consume(Left - 1, Sum + I, Parent) end.

produce(_, I, M) when I > M -> ok;
produce(Consumer, I, M) -> Consumer ! I, produce(Consumer, I + 1, M).
