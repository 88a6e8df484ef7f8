#!/usr/bin/env escript
%% Conformance scenario reg_unregister_by_other_process: run on Erlang/OTP, its output is the expected trace.
%% The scenario runs in a fresh process; every line is one term printed with ~w.
-mode(compile).
-compile([nowarn_unused_function]).

main(_) ->
    {Pid, Ref} = spawn_monitor(fun scenario/0),
    receive
        {'DOWN', Ref, process, Pid, normal} -> ok;
        {'DOWN', Ref, process, Pid, Reason} -> p({scenario_exit, Reason})
    end.

scenario() ->
    Me = self(),
    register(conf_reg_other, self()),
    spawn(fun() -> Me ! {done, unregister(conf_reg_other)} end),
    p(receive {done, R} -> R end),
    p(whereis(conf_reg_other)),
    p(process_info(self(), registered_name)).

%% Shared helpers (the Java side has the same ones in ScenarioBase).
p(T) -> io:format("~w~n", [T]).
c(F) -> try F() catch Class:Reason -> {caught, Class, Reason} end.
drain() -> receive M -> [M | drain()] after 0 -> [] end.
down(R) -> receive {'DOWN', R, process, _, W} -> W end.
idle() -> receive after infinity -> ok end.
pause(Ms) -> receive after Ms -> ok end.
now_us() -> erlang:monotonic_time(microsecond).
deep(0) -> exit(normal);
deep(N) -> deep(N - 1), N.
sig_order_once() ->
    {P, R} = spawn_monitor(fun sig_order_loop/0),
    [P ! may_reach || _ <- [1, 2, 3]],
    exit(P, r),
    [P ! may_not_reach || _ <- [1, 2, 3]],
    down(R).
sig_order_loop() ->
    receive may_reach -> sig_order_loop(); may_not_reach -> exit(bad) end.
