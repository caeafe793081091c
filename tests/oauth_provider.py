"""A stand-in OAuth2 provider on 127.0.0.1 for the tests (Google and Microsoft cannot run here).

It serves what followupd and Dovecot's ``oauth2`` passdb talk to:

* ``GET /authorize`` — the authorization endpoint: checks the PKCE request and redirects
  straight back to the loopback ``redirect_uri`` with a code (the "user" always consents);
* ``POST /device`` — RFC 8628 device authorization; the code counts as entered after
  ``pending_polls`` polls;
* ``POST /token`` — authorization_code (PKCE verified), device_code and refresh_token
  grants; refresh tokens rotate (the old one dies) and ``invalid_grant`` answers a dead one;
* ``POST /introspect`` — RFC 7662 for Dovecot: ``{"active": …, "username": …}``.

``revoke(user)`` kills every token of a user, like a password change or a revoked consent.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class _Grant:
    user: str
    scope: str


@dataclass
class Provider:
    client_id: str = "followupd-test"
    #: the user every sign-in authorizes as
    user: str = ""
    #: lifetime of an access token, in seconds (followupd refreshes 60 s before it ends)
    expires_in: float = 3600.0
    #: device-flow polls answered authorization_pending before the code counts as entered
    pending_polls: int = 1
    rotate: bool = True
    #: "invalid_grant" etc.: the next refresh is refused with this error
    access: dict[str, tuple[str, float]] = field(default_factory=dict)  # token -> (user, expiry)
    refresh: dict[str, _Grant] = field(default_factory=dict)
    codes: dict[str, tuple[_Grant, str, str]] = field(default_factory=dict)  # code -> grant, challenge, redirect
    devices: dict[str, tuple[_Grant, int]] = field(default_factory=dict)
    #: (path, grant_type or "") of every request, in order
    requests: list[tuple[str, str]] = field(default_factory=list)
    introspections: int = 0

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                provider._get(self)

            def do_POST(self) -> None:
                provider._post(self)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_port
        self.url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    # -- what a test does -----------------------------------------------------------------
    def revoke(self, user: str) -> None:
        with self._lock:
            self.access = {t: v for t, v in self.access.items() if v[0] != user}
            self.refresh = {t: g for t, g in self.refresh.items() if g.user != user}

    def expire_access(self) -> None:
        """Every access token expires now (the server's view; the client's clock is its own)."""
        with self._lock:
            self.access = {t: (u, 0.0) for t, (u, _) in self.access.items()}

    def grants(self, kind: str) -> int:
        return sum(1 for _, g in self.requests if g == kind)

    # -- HTTP -----------------------------------------------------------------------------
    def _issue(self, grant: _Grant) -> dict[str, Any]:
        access, refresh = secrets.token_urlsafe(24), secrets.token_urlsafe(32)
        self.access[access] = (grant.user, time.monotonic() + self.expires_in)
        self.refresh[refresh] = grant
        return {"access_token": access, "token_type": "Bearer", "expires_in": self.expires_in,
                "refresh_token": refresh, "scope": grant.scope}  # fmt: skip

    @staticmethod
    def _reply(h: BaseHTTPRequestHandler, status: int, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode()
        h.send_response(status)
        h.send_header("Content-Type", "application/json")
        h.send_header("Content-Length", str(len(data)))
        h.end_headers()
        h.wfile.write(data)

    def _get(self, h: BaseHTTPRequestHandler) -> None:
        url = urllib.parse.urlsplit(h.path)
        q = dict(urllib.parse.parse_qsl(url.query))
        with self._lock:
            self.requests.append((url.path, ""))
            if url.path != "/authorize":
                self._reply(h, 404, {"error": "not_found"})
                return
            redirect = q.get("redirect_uri", "")
            host = urllib.parse.urlsplit(redirect).hostname
            ok = (
                q.get("response_type") == "code"
                and q.get("client_id") == self.client_id
                and q.get("code_challenge_method") == "S256"
                and q.get("code_challenge")
                and host in ("127.0.0.1", "localhost")
            )
            if not ok:
                self._reply(h, 400, {"error": "invalid_request"})
                return
            code = secrets.token_urlsafe(16)
            self.codes[code] = (_Grant(self.user, q.get("scope", "")), q["code_challenge"], redirect)
        target = redirect + "?" + urllib.parse.urlencode({"code": code, "state": q.get("state", "")})
        h.send_response(302)
        h.send_header("Location", target)
        h.send_header("Content-Length", "0")
        h.end_headers()

    def _post(self, h: BaseHTTPRequestHandler) -> None:
        length = int(h.headers.get("Content-Length") or 0)
        form = dict(urllib.parse.parse_qsl(h.rfile.read(length).decode()))
        path = urllib.parse.urlsplit(h.path).path
        with self._lock:
            self.requests.append((path, form.get("grant_type", "")))
            if path == "/introspect":
                self.introspections += 1
                entry = self.access.get(form.get("token", ""))
                active = entry is not None and entry[1] > time.monotonic()
                body: dict[str, Any] = {"active": "true" if active else "false"}
                if entry is not None and active:
                    body["username"] = entry[0]
                self._reply(h, 200, body)
                return
            if form.get("client_id") != self.client_id:
                self._reply(h, 401, {"error": "invalid_client"})
                return
            if path == "/device":
                device = secrets.token_urlsafe(16)
                self.devices[device] = (_Grant(self.user, form.get("scope", "")), self.pending_polls)
                self._reply(h, 200, {"device_code": device, "user_code": "WDJB-MJHT", "interval": 0.05,
                                     "verification_uri": f"{self.url}/device", "expires_in": 60})  # fmt: skip
                return
            if path != "/token":
                self._reply(h, 404, {"error": "not_found"})
                return
            self._token(h, form)

    def _token(self, h: BaseHTTPRequestHandler, form: dict[str, str]) -> None:
        kind = form.get("grant_type")
        if kind == "refresh_token":
            grant = self.refresh.get(form.get("refresh_token", ""))
            if grant is None:
                self._reply(h, 400, {"error": "invalid_grant", "error_description": "token revoked or expired"})
                return
            answer = self._issue(grant)
            if self.rotate:
                del self.refresh[form["refresh_token"]]
            else:
                del self.refresh[answer["refresh_token"]]
                del answer["refresh_token"]
            self._reply(h, 200, answer)
        elif kind == "authorization_code":
            entry = self.codes.pop(form.get("code", ""), None)
            verifier = form.get("code_verifier", "")
            digest = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
            if entry is None or entry[1] != digest or entry[2] != form.get("redirect_uri"):
                self._reply(h, 400, {"error": "invalid_grant", "error_description": "bad code or verifier"})
                return
            self._reply(h, 200, self._issue(entry[0]))
        elif kind == "urn:ietf:params:oauth:grant-type:device_code":
            device = self.devices.get(form.get("device_code", ""))
            if device is None:
                self._reply(h, 400, {"error": "expired_token"})
            elif device[1] > 0:
                self.devices[form["device_code"]] = (device[0], device[1] - 1)
                self._reply(h, 400, {"error": "authorization_pending"})
            else:
                del self.devices[form["device_code"]]
                self._reply(h, 200, self._issue(device[0]))
        else:
            self._reply(h, 400, {"error": "unsupported_grant_type"})
