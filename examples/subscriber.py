#!/usr/bin/python3
"""A newswire subscriber in plain Python (Debian's python3-zmq), without
CURVE: it follows newswired's events and catches up on what it missed
through the replay socket, as docs/events.md ("Catching up") describes.
Each event is handled once, in seq order: here, printed as
"SEQ TOPIC TITLE".

usage: subscriber.py [--endpoint E] [--replay R] [--from SEQ] [--count N]

--from SEQ starts at SEQ (1: everything the journal still holds); without
it, the subscriber starts with the next event. --count N stops after N.
"""
import argparse
import json

import zmq


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--endpoint", default="tcp://127.0.0.1:5556")
    ap.add_argument("--replay", default="tcp://127.0.0.1:5557")
    ap.add_argument("--from", dest="start", type=int, default=0)
    ap.add_argument("--count", type=int, default=0)
    args = ap.parse_args()

    ctx = zmq.Context()
    sub = ctx.socket(zmq.SUB)
    sub.setsockopt(zmq.SUBSCRIBE, b"")      # every topic: seq runs over all
    sub.connect(args.endpoint)
    dealer = ctx.socket(zmq.DEALER)
    dealer.connect(args.replay)

    done = args.start - 1 if args.start > 0 else None  # highest seq handled
    waiting = {}       # live events ahead of done, by seq
    asking = False     # a replay request is out
    handled = 0

    def handle(seq, topic, event):
        nonlocal done, handled
        print(seq, topic, event.get("title") or event.get("error"),
              flush=True)
        done = seq
        handled += 1

    def ask(frm, to=None):
        nonlocal asking
        req = {"from": frm}
        if to is not None:
            req["to"] = to
        dealer.send(json.dumps(req).encode())
        asking = True

    def drain():
        """Handles the waiting events that follow done; asks for the gap
        before the next one."""
        while waiting and min(waiting) <= done + 1:
            seq = min(waiting)
            topic, event = waiting.pop(seq)
            if seq == done + 1:
                handle(seq, topic, event)
        if waiting and not asking:
            ask(done + 1, min(waiting) - 1)

    if done is not None:
        ask(done + 1)
    poller = zmq.Poller()
    poller.register(sub, zmq.POLLIN)
    poller.register(dealer, zmq.POLLIN)
    while not args.count or handled < args.count:
        ready = dict(poller.poll(1000))
        if sub in ready:
            topic, body = sub.recv_multipart()
            topic, event = topic.decode(), json.loads(body)
            if topic == "heartbeat":
                # every event up to last_seq went out before it
                last = event["last_seq"]
                if done is None:
                    done = last
                elif last > done and not asking:
                    ask(done + 1, last)
            else:
                seq = event["seq"]
                if done is None:
                    done = seq - 1
                if seq > done:
                    waiting[seq] = (topic, event)
                    drain()
        if dealer in ready:
            topic, body = dealer.recv_multipart()
            topic, event = topic.decode(), json.loads(body)
            if topic == "replay.error":
                raise SystemExit("replay refused: " + event["error"])
            if topic == "replay.end":
                asking = False
                if event["gone"]:
                    print("# part of the range is gone from the journal",
                          flush=True)
                # every event up to "to" was sent, or was not asked for
                done = max(done, event["to"])
                drain()
            elif event["seq"] > done:
                handle(event["seq"], topic, event)
    sub.close(linger=0)
    dealer.close(linger=0)
    ctx.term()


if __name__ == "__main__":
    main()
