"""A small loopback TCP proxy that the fault tests put between followupd and Dovecot.

It forwards bytes both ways until told to misbehave:

- ``stall()``: connections (open and new) are accepted but no byte passes either way;
- ``reset_all()``: every open connection is closed with an RST (``SO_LINGER`` 0);
- ``bye_all(text)``: ``* BYE text`` is sent to every client, then both sides are closed;
- ``cut_upload(marker, keep)``: once ``marker`` (e.g. ``b" APPEND "``) passes client->server,
  only ``keep`` more bytes of that stream pass after the end of the marker's line (the
  command line goes through whole), then both sides are reset: a half-written literal;
- ``drop_reply(marker)``: everything client->server passes, but once the command line
  holding ``marker`` and its ``{n}`` literal have passed whole, the server's next answer is
  swallowed and the connection reset: the request happened, its answer never arrived;
- ``trip(marker, action)``: the first client->server chunk holding ``marker`` is not passed
  on; instead the connection is reset (``"reset"``), told ``* BYE`` and closed (``"bye"``),
  or stalled for good (``"stall"``);
- ``rewrite_down(pattern, replacement)``: server->client bytes pass through ``re.sub`` (per
  chunk: for short, single-line patterns such as a response code);
- ``refuse_new(True)``: new connections are reset right after accept;
- ``heal()``: back to plain forwarding for new connections and open ones.

One selector thread does all the IO, so the test thread's orders apply between two reads.
Only for tests on 127.0.0.1: no TLS, no IPv6, nothing clever.
"""

from __future__ import annotations

import contextlib
import re
import selectors
import socket
import struct
import threading
import time
from dataclasses import dataclass, field


@dataclass
class _Pair:
    client: socket.socket
    server: socket.socket | None
    up: bytearray = field(default_factory=bytearray)  # client->server bytes seen, for markers
    cut_left: int | None = None  # bytes still allowed upstream once a cut armed
    stalled: bool = False
    literal_left: int | None = None  # literal bytes still to pass before replies are swallowed
    reply_blocked: bool = False
    closed: bool = False


def _reset(sock: socket.socket | None) -> None:
    if sock is None:
        return
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    with contextlib.suppress(OSError):
        sock.close()


class TcpProxy:
    """Listens on 127.0.0.1 (a free port) and forwards to ``target_host:target_port``."""

    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.setblocking(False)
        self.port: int = self._listener.getsockname()[1]
        self.host = "127.0.0.1"
        self._sel = selectors.DefaultSelector()
        self._sel.register(self._listener, selectors.EVENT_READ, None)
        self._lock = threading.Lock()
        self._pairs: list[_Pair] = []
        self._stalled = False
        self._refuse = False
        self._cut: tuple[bytes, int] | None = None
        self._drop_reply: bytes | None = None
        self._trip: tuple[bytes, str] | None = None
        self._rewrite: tuple[bytes, bytes] | None = None
        self._orders: list[tuple[str, bytes]] = []
        self._done = threading.Event()
        #: time.monotonic() of every accepted connection
        self.accepted: list[float] = []
        #: how many cuts / dropped replies actually fired
        self.cuts = 0
        self.drops = 0
        self._thread = threading.Thread(target=self._loop, name="tcpproxy", daemon=True)
        self._thread.start()

    # -- orders from the test thread ----------------------------------------------------------
    def stall(self) -> None:
        with self._lock:
            self._stalled = True

    def heal(self) -> None:
        with self._lock:
            self._stalled = False
            self._refuse = False
            self._cut = None
            self._drop_reply = None
            self._trip = None
            self._rewrite = None
            for p in self._pairs:
                p.stalled = False

    def refuse_new(self, refuse: bool = True) -> None:
        with self._lock:
            self._refuse = refuse

    def reset_all(self) -> None:
        with self._lock:
            self._orders.append(("reset", b""))

    def bye_all(self, text: str = "Server shutting down.") -> None:
        with self._lock:
            self._orders.append(("bye", f"* BYE {text}\r\n".encode()))

    def cut_upload(self, marker: bytes, keep: int) -> None:
        with self._lock:
            self._cut = (marker, keep)

    def trip(self, marker: bytes, action: str) -> None:
        assert action in ("reset", "bye", "stall")
        with self._lock:
            self._trip = (marker, action)

    def rewrite_down(self, pattern: bytes, replacement: bytes) -> None:
        with self._lock:
            self._rewrite = (pattern, replacement)

    def drop_reply(self, marker: bytes) -> None:
        with self._lock:
            self._drop_reply = marker

    def live(self) -> int:
        with self._lock:
            return sum(1 for p in self._pairs if not p.closed)

    def wait_orders(self, timeout: float = 5.0) -> None:
        """Block until the IO thread carried out every reset/BYE order given so far."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            with self._lock:
                if not self._orders:
                    return
            time.sleep(0.01)
        raise TimeoutError("tcpproxy did not carry out its orders")

    def close(self) -> None:
        self._done.set()
        self._thread.join(timeout=5)
        with self._lock:
            for p in self._pairs:
                self._close_pair(p, rst=True)
            self._pairs.clear()
        with contextlib.suppress(OSError):
            self._listener.close()
        self._sel.close()

    def __enter__(self) -> TcpProxy:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the IO thread --------------------------------------------------------------------------
    def _close_pair(self, p: _Pair, *, rst: bool) -> None:
        if p.closed:
            return
        p.closed = True
        for s in (p.client, p.server):
            if s is None:
                continue
            with contextlib.suppress(KeyError, ValueError, OSError):
                self._sel.unregister(s)
            if rst:
                _reset(s)
            else:
                with contextlib.suppress(OSError):
                    s.close()

    def _accept(self) -> None:
        try:
            client, _ = self._listener.accept()
        except BlockingIOError:
            return
        self.accepted.append(time.monotonic())
        if self._refuse:
            _reset(client)
            return
        try:
            server = socket.create_connection(self.target, timeout=5)
        except OSError:
            _reset(client)
            return
        client.setblocking(False)
        server.setblocking(False)
        p = _Pair(client, server)
        self._pairs.append(p)
        self._sel.register(client, selectors.EVENT_READ, (p, "up"))
        self._sel.register(server, selectors.EVENT_READ, (p, "down"))

    def _carry_out_orders(self) -> None:
        orders, self._orders = self._orders, []
        for kind, data in orders:
            for p in self._pairs:
                if p.closed:
                    continue
                if kind == "bye":
                    with contextlib.suppress(OSError):
                        p.client.setblocking(True)
                        p.client.sendall(data)
                    self._close_pair(p, rst=False)
                else:
                    self._close_pair(p, rst=True)
        self._pairs = [p for p in self._pairs if not p.closed]

    def _forward(self, p: _Pair, direction: str) -> None:
        src, dst = (p.client, p.server) if direction == "up" else (p.server, p.client)
        assert src is not None and dst is not None
        try:
            data = src.recv(65536)
        except BlockingIOError:
            return
        except OSError:
            self._close_pair(p, rst=True)
            return
        if not data:
            self._close_pair(p, rst=False)
            return
        if direction == "up":
            passed = self._upstream(p, data)
            if passed is None:
                return
            data = passed
        elif self._rewrite is not None and not p.reply_blocked:
            data = re.sub(self._rewrite[0], self._rewrite[1], data)
        elif p.reply_blocked:
            # the server answered the request whose reply we swallow: now the line dies
            self.drops += 1
            self._close_pair(p, rst=True)
            return
        try:
            dst.setblocking(True)
            dst.sendall(data)
            dst.setblocking(False)
        except OSError:
            self._close_pair(p, rst=True)

    def _upstream(self, p: _Pair, data: bytes) -> bytes | None:
        """What of ``data`` goes to the server; None when the connection was cut."""
        if self._trip is not None and self._trip[0] in bytes(p.up[-len(self._trip[0]) :]) + data:
            _marker, action = self._trip
            self._trip = None
            self.cuts += 1
            if action == "stall":
                p.stalled = True
            elif action == "bye":
                with contextlib.suppress(OSError):
                    p.client.setblocking(True)
                    p.client.sendall(b"* BYE Server shutting down.\r\n")
                self._close_pair(p, rst=False)
            else:
                self._close_pair(p, rst=True)
            return None
        if p.cut_left is None and self._cut is not None:
            marker, keep = self._cut
            seen = bytes(p.up[-len(marker) :]) + data
            at = seen.find(marker)
            if at >= 0:
                line_end = seen.find(b"\r\n", at)
                if line_end >= 0:
                    # bytes of ``data`` up to and including the command line's CRLF
                    head = line_end + 2 - (len(seen) - len(data))
                    p.cut_left = keep
                    p.up.extend(data)
                    rest = data[head:]
                    allowed = rest[:keep]
                    p.cut_left -= len(allowed)
                    out = data[:head] + allowed
                    if len(rest) > keep:
                        self._send_then_cut(p, out)
                        return None
                    return out
        if p.cut_left is not None:
            allowed = data[: p.cut_left]
            p.cut_left -= len(allowed)
            if len(data) > len(allowed) or p.cut_left == 0:
                self._send_then_cut(p, allowed)
                return None
            return allowed
        if p.literal_left is not None:
            p.literal_left -= len(data)
            if p.literal_left <= 0:
                p.reply_blocked = True
        p.up.extend(data)
        if self._drop_reply is not None and p.literal_left is None:
            m = re.search(re.escape(self._drop_reply) + rb"[^\r\n]*\{(\d+)\+?\}\r\n", bytes(p.up))
            if m:
                # literal bytes already in this chunk count too
                p.literal_left = int(m.group(1)) - (len(p.up) - m.end())
                if p.literal_left <= 0:
                    p.reply_blocked = True
        del p.up[:-512]
        return data

    def _send_then_cut(self, p: _Pair, data: bytes) -> None:
        assert p.server is not None
        with contextlib.suppress(OSError):
            p.server.setblocking(True)
            p.server.sendall(data)
        self.cuts += 1
        self._close_pair(p, rst=True)

    def _loop(self) -> None:
        while not self._done.is_set():
            with self._lock:
                self._carry_out_orders()
                stalled = self._stalled
            events = self._sel.select(timeout=0.02)
            for key, _mask in events:
                with self._lock:
                    if key.data is None:
                        self._accept()
                        continue
                    if stalled:
                        continue  # accepted, but not a byte passes
                    p, direction = key.data
                    if p.stalled:
                        continue
                    if not p.closed:
                        self._forward(p, direction)
            if events and (stalled or any(p.stalled for p in self._pairs)):
                time.sleep(0.02)  # readable sockets we ignore would spin the loop
            with self._lock:
                self._pairs = [p for p in self._pairs if not p.closed]
