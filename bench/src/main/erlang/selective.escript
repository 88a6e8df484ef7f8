#!/usr/bin/env escript
%% The selective receive benchmark on the BEAM, the same program as io.jbeam.bench.SelectiveReceiveBenchmark: a
%% client with Queued messages that nothing matches in its mailbox ({junk, I}, all older than anything else) calls a
%% server, one call at a time, each with a fresh receive for the reply:
%%   atom: Server ! {call, self()}, receive pong -> ok end            (scans past the queued messages)
%%   ref:  Ref = make_ref(), Server ! {Ref, self()}, receive {Ref, pong} -> ok end
%%         (the compiler marks the mailbox at make_ref() and the receive starts there)
%% Timed by the client itself with erlang:monotonic_time: ns per call (one matching receive), best of Runs timed runs
%% after one untimed, for Queued = 0, 1000, 100000.
%%
%%   escript bench/src/main/erlang/selective.escript [Runs=5]
-mode(compile).

main(Args) ->
    Runs = case Args of [R] -> list_to_integer(R); [] -> 5 end,
    Server = spawn(fun server/0),
    [report(Queued, Tag, run(Server, Queued, Tag, Runs)) || Queued <- [0, 1000, 100000], Tag <- [atom, ref]],
    Server ! stop,
    io:format("(OTP ~s, ~b schedulers)~n", [erlang:system_info(otp_release), erlang:system_info(schedulers_online)]).

report(Queued, Tag, Ns) ->
    io:format("queued=~b tag=~s: ~.1f ns per matching receive~n", [Queued, Tag, Ns]),
    io:format("RESULT class=SelectiveReceiveBenchmark row=~b,~s impl=erlang score=~.1f unit=ns/op~n",
              [Queued, Tag, Ns]).

now_ns() -> erlang:monotonic_time(nanosecond).

server() ->
    receive
        {call, From} -> From ! pong, server();
        {Ref, From} when is_reference(Ref) -> From ! {Ref, pong}, server();
        stop -> ok
    end.

%% Calls per timed run: enough for a few milliseconds at least, fewer where each one scans 100,000 messages.
calls(100000, atom) -> 200;
calls(_, _) -> 20000.

%% Best ns per call: a client process fills its own mailbox, then times Runs + 1 batches; the queued messages stay.
run(Server, Queued, Tag, Runs) ->
    Parent = self(),
    Calls = calls(Queued, Tag),
    Client = spawn(fun() ->
        Self = self(),
        [Self ! {junk, I} || I <- lists:seq(1, Queued)],
        Times = [batch(Server, Tag, Calls) || _ <- lists:seq(0, Runs)],
        {message_queue_len, Left} = process_info(Self, message_queue_len),
        Parent ! {self(), tl(Times), Left}
    end),
    receive
        {Client, Times, Queued} -> lists:min(Times) / Calls;
        {Client, _, Left} -> error({queued, Queued, left, Left})
    end.

batch(Server, Tag, Calls) ->
    T0 = now_ns(),
    case Tag of
        atom -> calls_atom(Server, Calls);
        ref -> calls_ref(Server, Calls)
    end,
    now_ns() - T0.

calls_atom(_, 0) -> ok;
calls_atom(Server, N) ->
    Server ! {call, self()},
    receive pong -> ok end,
    calls_atom(Server, N - 1).

calls_ref(_, 0) -> ok;
calls_ref(Server, N) ->
    Ref = make_ref(),
    Server ! {Ref, self()},
    receive {Ref, pong} -> ok end,
    calls_ref(Server, N - 1).
