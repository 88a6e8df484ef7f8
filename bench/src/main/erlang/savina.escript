#!/usr/bin/env escript
%%! +P 4194304
%% Savina's micro set and Skynet on the BEAM: the same programs, in the same shape and at the same sizes, as
%% io.jbeam.bench.SavinaBenchmark (see io.jbeam.bench.savina.SavinaSizes for the sizes and the results). Each
%% program runs once untimed, then Runs times, timed by itself with erlang:monotonic_time; every run's result is
%% checked, and a wrong one stops the script with exit status 1. Prints the best run in ms per program, and a
%% RESULT line per program for the report.
%%
%%   escript bench/src/main/erlang/savina.escript [Runs=5] [scale=1.0] [program ...]
%%
%% Programs: pingPong counting fjThroughput fjCreate threadRing chameneos big skynet (default: all).
%% scale=S multiplies the sizes as the benchmark's scale parameter does (the RESULT row carries S as given).
%% The emulator flag on the second line raises the process limit (default 262,144) above Skynet's 1,111,111.
-mode(compile).

-define(PROGRAMS, [pingPong, counting, fjThroughput, fjCreate, threadRing, chameneos, big, skynet]).
-define(TIMEOUT_MS, 300000).

main(Args) ->
    {Runs, Rest} = case Args of
                       [R | More] when hd(R) >= $0, hd(R) =< $9 -> {list_to_integer(R), More};
                       _ -> {5, Args}
                   end,
    ScaleText = case [S || "scale=" ++ S <- Rest] of [] -> "1.0"; Ss -> lists:last(Ss) end,
    Names = [list_to_atom(N) || N <- Rest, lists:prefix("scale=", N) =:= false],
    Programs = case Names of [] -> ?PROGRAMS; _ -> Names end,
    [usage(P) || P <- Programs, not lists:member(P, ?PROGRAMS)],
    Sizes = sizes(to_number(ScaleText)),
    io:format("savina: ~p~n", [Sizes]),
    [report(P, ScaleText, Runs, best(Runs, P, Sizes)) || P <- Programs],
    io:format("(OTP ~s, ~b schedulers)~n", [erlang:system_info(otp_release), erlang:system_info(schedulers_online)]).

usage(P) ->
    io:format(standard_error, "savina: no program ~p (known: ~p)~n", [P, ?PROGRAMS]),
    halt(2).

to_number(Text) ->
    try list_to_float(Text) catch error:badarg -> float(list_to_integer(Text)) end.

%% The sizes at Scale: SavinaSizes.at(Scale). Theta is Savina's angle, passed down at run time so that the
%% compiler cannot fold math:sin of a constant.
sizes(Scale) ->
    S = fun(Base) -> max(1, round(Base * Scale)) end,
    #{pings => S(40000), increments => S(1000000),
      throughput_actors => 60, throughput_messages => S(10000),
      created_actors => S(40000),
      ring_actors => 100, ring_passes => S(100000),
      chameneos => 100, meetings => S(200000),
      big_actors => 120, big_pings => S(20000),
      skynet_leaves => pow10(max(0, round(math:log10(1000000 * Scale)))),
      theta => 37.2}.

pow10(0) -> 1;
pow10(K) -> 10 * pow10(K - 1).

expected(pingPong, #{pings := N}) -> N;
expected(counting, #{increments := N}) -> N;
expected(fjThroughput, #{throughput_actors := A, throughput_messages := N}) -> A * N;
expected(fjCreate, #{created_actors := N}) -> N;
expected(threadRing, #{ring_passes := R}) -> R;
expected(chameneos, #{meetings := M}) -> 2 * M;
expected(big, #{big_actors := W, big_pings := N}) -> W * N;
expected(skynet, #{skynet_leaves := L}) -> L * (L - 1) div 2.

%% The fastest of Runs timed runs, in ns, after one untimed.
best(Runs, P, Sizes) ->
    run(P, Sizes),
    lists:min([run(P, Sizes) || _ <- lists:seq(1, Runs)]).

%% One run: spawns the program's first process, which sends the result to this one; checks it.
run(P, Sizes) ->
    Self = self(),
    T0 = erlang:monotonic_time(nanosecond),
    spawn(fun() -> program(P, Sizes, Self) end),
    Result = receive R -> R after ?TIMEOUT_MS -> timeout end,
    T1 = erlang:monotonic_time(nanosecond),
    case expected(P, Sizes) of
        Result -> T1 - T0;
        Want ->
            io:format(standard_error, "savina: ~s gave ~p, expected ~p~n", [P, Result, Want]),
            halt(1)
    end.

report(P, ScaleText, Runs, Ns) ->
    Ms = Ns / 1.0e6,
    io:format("~s: ~.3f ms per run (best of ~b)~n", [P, Ms, Runs]),
    io:format("RESULT class=SavinaBenchmark row=~s,~s impl=erlang score=~.3f unit=ms/op~n", [P, ScaleText, Ms]).

program(pingPong, #{pings := N}, Result) -> ping_pong(N, Result);
program(counting, #{increments := N}, Result) -> counting(N, Result);
program(fjThroughput, #{throughput_actors := A, throughput_messages := N, theta := T}, Result) ->
    fj_throughput(A, N, T, Result);
program(fjCreate, #{created_actors := N, theta := T}, Result) -> fj_create(N, T, Result);
program(threadRing, #{ring_actors := N, ring_passes := R}, Result) -> thread_ring(N, R, Result);
program(chameneos, #{chameneos := C, meetings := M}, Result) -> chameneos(C, M, Result);
program(big, #{big_actors := W, big_pings := N}, Result) -> big(W, N, Result);
program(skynet, #{skynet_leaves := L}, Result) -> skynet(0, L, Result).

%% Savina's computation: sin(Theta) squared, checked to be positive.
compute(Theta) ->
    S = math:sin(Theta),
    case S * S of
        R when R > 0 -> R;
        R -> error({not_positive, R})
    end.

%% Sums N integers from the mailbox.
collect(0, Acc) -> Acc;
collect(N, Acc) -> receive K when is_integer(K) -> collect(N - 1, Acc + K) end.

%% --- PingPong: the pinger sends its pid, the ponger answers pong; N round trips.
ping_pong(N, Result) ->
    Ponger = spawn(fun ponger/0),
    Pongs = pinger(Ponger, N, 0),
    Ponger ! stop,
    Result ! Pongs.

pinger(_, 0, Pongs) -> Pongs;
pinger(Ponger, I, Pongs) ->
    Ponger ! self(),
    receive pong -> pinger(Ponger, I - 1, Pongs + 1) end.

ponger() ->
    receive
        stop -> ok;
        P -> P ! pong, ponger()
    end.

%% --- Counting: N increments to a counter, then a request for the count.
counting(N, Result) ->
    Counter = spawn(fun() -> counter(0) end),
    send_n(Counter, increment, N),
    Counter ! self(),
    receive Count -> Result ! Count end.

send_n(_, _, 0) -> ok;
send_n(To, Msg, N) -> To ! Msg, send_n(To, Msg, N - 1).

counter(Count) ->
    receive
        increment -> counter(Count + 1);
        From -> From ! Count
    end.

%% --- Fork-join throughput: A workers, N rounds of one message to each; each message does the computation.
fj_throughput(A, N, Theta, Result) ->
    Self = self(),
    Workers = [spawn(fun() -> fj_worker(N, 0, Theta, Self) end) || _ <- lists:seq(1, A)],
    fj_rounds(Workers, N),
    Result ! collect(A, 0).

fj_rounds(_, 0) -> ok;
fj_rounds(Workers, M) ->
    lists:foreach(fun(W) -> W ! work end, Workers),
    fj_rounds(Workers, M - 1).

fj_worker(N, N, _, Parent) -> Parent ! N;
fj_worker(N, Done, Theta, Parent) ->
    receive _ -> compute(Theta), fj_worker(N, Done + 1, Theta, Parent) end.

%% --- Fork-join create: N workers, each sent one message as soon as it exists; it computes and says done.
fj_create(N, Theta, Result) ->
    Self = self(),
    Worker = fun() -> receive _ -> compute(Theta), Self ! done end end,
    fj_spawn(N, Worker),
    Result ! count_done(N, 0).

fj_spawn(0, _) -> ok;
fj_spawn(N, Worker) -> spawn(Worker) ! work, fj_spawn(N - 1, Worker).

count_done(0, Done) -> Done;
count_done(N, Done) -> receive done -> count_done(N - 1, Done + 1) end.

%% --- ThreadRing: a token with the passes left goes round N nodes; then {exit, Left, Total} goes round once,
%% each node adding its passes; the last one sends the total to the first process.
thread_ring(N, R, Result) ->
    Self = self(),
    Ring = [spawn(fun() -> receive Next -> ring_node(Next, N, Self, 0) end end) || _ <- lists:seq(1, N)],
    [P ! Next || {P, Next} <- lists:zip(Ring, tl(Ring) ++ [hd(Ring)])],
    hd(Ring) ! R,
    receive Total -> Result ! Total end.

ring_node(Next, N, Main, Passed) ->
    receive
        0 -> Next ! {exit, N, 0}, ring_node(Next, N, Main, Passed);
        K when is_integer(K) -> Next ! K - 1, ring_node(Next, N, Main, Passed + 1);
        {exit, Left, Total} when Left > 1 -> Next ! {exit, Left - 1, Total + Passed};
        {exit, _, Total} -> Main ! Total + Passed
    end.

%% --- Chameneos: the mall pairs {meet, Colour, Pid} requests; after M meetings it answers each with exit, and
%% sums the meetings the chameneos report.
chameneos(C, M, Result) ->
    Mall = self(),
    [spawn(fun() -> chameneo(I rem 3, Mall) end) || I <- lists:seq(0, C - 1)],
    Result ! mall(M, none, 0, 0, C).

mall(_, _, C, Total, C) -> Total;
mall(Left, Waiting, Faded, Total, C) ->
    receive
        K when is_integer(K) -> mall(Left, Waiting, Faded + 1, Total + K, C);
        {meet, _, From} when Left =:= 0 -> From ! exit, mall(Left, Waiting, Faded, Total, C);
        {meet, _, _} = Meet when Waiting =:= none -> mall(Left, Meet, Faded, Total, C);
        {meet, _, _} = Meet -> element(3, Waiting) ! Meet, mall(Left - 1, none, Faded, Total, C)
    end.

chameneo(Colour, Mall) ->
    Mall ! {meet, Colour, self()},
    chameneo(Colour, Mall, 0).

chameneo(Colour, Mall, Met) ->
    receive
        exit -> Mall ! Met;
        {meet, Other, From} ->
            New = complement(Colour, Other),
            From ! {change, New},
            Mall ! {meet, New, self()},
            chameneo(New, Mall, Met + 1);
        {change, New} ->
            Mall ! {meet, New, self()},
            chameneo(New, Mall, Met + 1)
    end.

complement(A, A) -> A;
complement(A, B) -> 3 - A - B.

%% --- Big: W actors, each pinging random neighbours (Savina's 16-bit generator, seeded with its index) N times,
%% one at a time, and answering pings with pongs; a sink counts the ones done, then ends them all.
big(W, N, Result) ->
    Main = self(),
    Sink = spawn(fun() -> receive {neighbours, Nb} -> sink(W, 0, Nb, Main) end end),
    Pids = [spawn(fun() -> big_actor(I, W, N, Sink) end) || I <- lists:seq(0, W - 1)],
    Neighbours = {neighbours, list_to_tuple(Pids)},
    Sink ! Neighbours,
    [P ! Neighbours || P <- Pids],
    [P ! {pong, -1} || P <- Pids],
    receive Total -> Result ! Total end.

big_actor(I, W, N, Sink) ->
    receive {neighbours, Nb} -> big_loop(I, W, N, Sink, Nb, I, 0, -1, {ping, I}, {pong, I}) end.

big_loop(I, W, N, Sink, Nb, Random, Sent, Pinged, MyPing, MyPong) ->
    receive
        exit -> ok;
        {ping, From} ->
            element(From + 1, Nb) ! MyPong,
            big_loop(I, W, N, Sink, Nb, Random, Sent, Pinged, MyPing, MyPong);
        {pong, From} when From =/= Pinged ->
            error({unexpected_pong, I, Pinged, From});
        {pong, _} when Sent =:= N ->
            Sink ! Sent,
            big_loop(I, W, N, Sink, Nb, Random, Sent, Pinged, MyPing, MyPong);
        {pong, _} ->
            Next = (Random * 1309 + 13849) band 65535,
            Target = Next rem W,
            element(Target + 1, Nb) ! MyPing,
            big_loop(I, W, N, Sink, Nb, Next, Sent + 1, Target, MyPing, MyPong)
    end.

sink(W, Total, Nb, Main) when W =:= 0 ->
    [P ! exit || P <- tuple_to_list(Nb)],
    Main ! Total;
sink(W, Total, Nb, Main) ->
    receive K when is_integer(K) -> sink(W - 1, Total + K, Nb, Main) end.

%% --- Skynet: a node of size 1 sends its number to its parent; a larger one spawns ten children over ten equal
%% parts of its numbers and sends up the sum of what they send.
skynet(First, 1, Parent) ->
    Parent ! First;
skynet(First, Size, Parent) ->
    Self = self(),
    Part = Size div 10,
    [spawn(fun() -> skynet(First + I * Part, Part, Self) end) || I <- lists:seq(0, 9)],
    Parent ! collect(10, 0).
