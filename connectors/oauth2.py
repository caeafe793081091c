"""OAuth2 sign-in for ``auth = "oauth2"`` accounts (DESIGN.md §3), with the standard library.

* ``followupd login ACCOUNT``: the authorization code flow with PKCE (RFC 7636) on a
  loopback redirect, or with ``--device`` the device flow (RFC 8628) for a server with no
  browser. Either stores the refresh token in the account's token store: the system
  keyring (service ``keyring_service``, user = the account's name) or, with
  ``token_store = "file"``, a 0600 JSON file in the state dir.
* :class:`Session`: an account's access token, in memory only, refreshed 60 s before it
  expires; a rotated refresh token is stored at once. ``invalid_grant`` raises
  :class:`daemon.errors.LoginNeeded` and the refused refresh token is remembered, so no
  further token request is made until ``login`` stores a new one or the config is
  reloaded (a reload builds new sessions).
* :func:`sasl` builds the XOAUTH2 and OAUTHBEARER client responses for IMAP and SMTP.

HTTP goes through ``urllib.request``; every endpoint must be https unless its host is
loopback. Tokens are registered with :func:`daemon.logging.register_secret` the moment
they are read or received, and never appear in an error message.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import os
import secrets
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import webbrowser
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any, TextIO

from daemon.errors import CredentialError, FollowupdError, LoginNeeded, TransientMailboxError, UserError
from daemon.logging import register_secret
from daemon.paths import state_dir
from daemon.settings import AccountSettings, OAuth2Settings, Settings

#: an access token is renewed this long before the provider says it expires
REFRESH_MARGIN = 60.0
#: how long `login` waits for the browser to come back, or for the device code to be entered
LOGIN_TIMEOUT = 600.0
#: the longest error text quoted from a provider
_MAX_QUOTE = 200


class ProviderRefused(FollowupdError):
    """The provider said no to a sign-in (`followupd login` exits 1, not 2: the config is fine)."""

    def __init__(self, message: str, where: str | None = None) -> None:
        super().__init__(f"{where}: {message}" if where else message)


def _is_loopback(host: str) -> bool:
    from daemon.config import is_loopback

    return is_loopback(host)


def _check_url(url: str, what: str, where: str) -> None:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme == "https" or (parts.scheme == "http" and _is_loopback(parts.hostname or "")):
        return
    raise UserError(f"{what} {url!r} must be https:// (http:// only for a loopback host)", where)


def _client_secret(account: AccountSettings) -> str | None:
    assert account.oauth2 is not None
    source = account.oauth2.client_secret
    if source.kind == "none":
        return None
    from connectors.credentials import get_password

    return get_password(f"{account.name}: oauth2 client secret", source, account.username)


def _quote(value: object) -> str:
    text = str(value)[:_MAX_QUOTE]
    return "".join(c if c.isprintable() else "?" for c in text)


def _post(url: str, form: dict[str, str], timeout: float, where: str) -> tuple[int, dict[str, Any]]:
    """POST a form; (HTTP status, JSON body). Network trouble is transient, a non-JSON answer is not."""
    _check_url(url, "endpoint", where)
    data = urllib.parse.urlencode(form).encode()
    request = urllib.request.Request(  # noqa: S310 - https, or http to loopback: checked above
        url,
        data=data,
        headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"},
        method="POST",
    )
    try:
        # the scheme is checked above: https, or http to a loopback host
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            status, body = response.status, response.read(1 << 20)
    except urllib.error.HTTPError as exc:
        status, body = exc.code, exc.read(1 << 20)
        if status >= 500 or status == 429:
            netloc = urllib.parse.urlsplit(url).netloc
            raise TransientMailboxError(f"{where}: {netloc} answered HTTP {status}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise TransientMailboxError(
            f"{where}: cannot reach {urllib.parse.urlsplit(url).netloc}: {_quote(reason)}"
        ) from None
    try:
        parsed = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        netloc = urllib.parse.urlsplit(url).netloc
        raise CredentialError(f"{netloc} answered HTTP {status} without JSON", where) from None
    if not isinstance(parsed, dict):
        raise CredentialError(f"{urllib.parse.urlsplit(url).netloc} answered HTTP {status} with no JSON object", where)
    for key in ("access_token", "refresh_token", "device_code", "id_token"):
        if isinstance(parsed.get(key), str):
            register_secret(parsed[key])
    return status, parsed


def _error_text(answer: dict[str, Any]) -> str:
    error = _quote(answer.get("error", "error"))
    description = answer.get("error_description")
    return f"{error}: {_quote(description)}" if description else error


# ---- token store ------------------------------------------------------------------------


class TokenStore:
    """Where one account's refresh token lives: the keyring, or a 0600 file in the state dir."""

    def __init__(self, account: AccountSettings, directory: Path) -> None:
        assert account.oauth2 is not None
        self.account = account.name
        self.config: OAuth2Settings = account.oauth2
        self.path = directory / f"oauth2-{account.name}.json"

    @property
    def where(self) -> str:
        if self.config.token_file:
            return f"{self.account}: token file {self.path}"
        return f"{self.account}: keyring"

    def load(self) -> str | None:
        if self.config.token_file:
            value = self._load_file()
        else:
            from connectors.credentials import get_keyring_secret

            value = get_keyring_secret(self.account, self.config.keyring_service)
        if value:
            register_secret(value)
        return value or None

    def save(self, refresh_token: str) -> None:
        register_secret(refresh_token)
        if self.config.token_file:
            self._save_file(refresh_token)
        else:
            from connectors.credentials import set_keyring_password

            set_keyring_password(self.account, self.config.keyring_service, refresh_token)

    def _load_file(self) -> str | None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, UnicodeDecodeError) as exc:
            raise CredentialError(f"cannot read: {type(exc).__name__}", self.where) from None
        value = data.get("refresh_token") if isinstance(data, dict) else None
        return value if isinstance(value, str) else None

    def _save_file(self, refresh_token: str) -> None:
        directory = self.path.parent
        try:
            directory.mkdir(parents=True, exist_ok=True, mode=0o700)
            tmp = directory / f".{self.path.name}.{os.getpid()}.{threading.get_ident()}.tmp"
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            try:
                os.fchmod(fd, 0o600)
                os.write(fd, json.dumps({"refresh_token": refresh_token}).encode())
                os.fsync(fd)
            finally:
                os.close(fd)
            os.replace(tmp, self.path)
        except OSError as exc:
            raise CredentialError(f"cannot write: {exc.strerror or exc}", self.where) from None


def token_store(account: AccountSettings, settings: Settings) -> TokenStore:
    return TokenStore(account, state_dir(settings))


# ---- access tokens ----------------------------------------------------------------------


class Session:
    """One account's tokens: the access token in memory, the refresh token in its store."""

    def __init__(self, account: AccountSettings, store: TokenStore, *, timeout: float = 30.0) -> None:
        if account.oauth2 is None:
            raise UserError('not an auth = "oauth2" account', account.name)
        self.account = account
        self.config = account.oauth2
        self.store = store
        self.timeout = timeout
        self._lock = threading.Lock()
        self._access: str | None = None
        self._expires = 0.0  # time.monotonic()
        #: the refresh token the provider answered invalid_grant to: never sent again
        self._refused: str | None = None
        #: token requests made (tests count them)
        self.requests = 0

    @property
    def _login_hint(self) -> str:
        return f"run `followupd login {self.account.name}` to sign in again"

    def token(self) -> str:
        """A valid access token: the one in memory, or a fresh one."""
        with self._lock:
            if self._access is not None and time.monotonic() < self._expires - REFRESH_MARGIN:
                return self._access
            return self._refresh()

    def invalidate(self) -> None:
        """The server refused the token: the next :meth:`token` refreshes."""
        with self._lock:
            self._access = None

    def _refresh(self) -> str:
        where = self.account.name
        refresh_token = self.store.load()
        if refresh_token is None:
            raise LoginNeeded(f"not signed in (no refresh token in the {self.store.where}); {self._login_hint}", where)
        if refresh_token == self._refused:
            raise LoginNeeded(f"the sign-in was revoked or has expired (invalid_grant); {self._login_hint}", where)
        form = {"grant_type": "refresh_token", "refresh_token": refresh_token, "client_id": self.config.client_id}
        secret = _client_secret(self.account)
        if secret:
            form["client_secret"] = secret
        self.requests += 1
        status, answer = _post(self.config.token_url, form, self.timeout, where)
        if answer.get("error") == "invalid_grant":
            self._refused = refresh_token
            self._access = None
            raise LoginNeeded(f"the sign-in was revoked or has expired (invalid_grant); {self._login_hint}", where)
        access = answer.get("access_token")
        if status != 200 or not isinstance(access, str) or not access:
            raise CredentialError(f"token refresh refused: {_error_text(answer)}", where)
        rotated = answer.get("refresh_token")
        if isinstance(rotated, str) and rotated and rotated != refresh_token:
            self.store.save(rotated)  # the old one may already be dead: keep the new one at once
        self._access = access
        self._expires = time.monotonic() + _expires_in(answer)
        return access


def _expires_in(answer: dict[str, Any]) -> float:
    try:
        return max(float(answer.get("expires_in", 3600)), 0.0)
    except (TypeError, ValueError):
        return 3600.0


_SESSIONS: dict[str, tuple[Settings, Session]] = {}
_SESSIONS_LOCK = threading.Lock()


def session_for(account: AccountSettings, settings: Settings) -> Session:
    """The account's session, shared by its IMAP connections and [notify], per loaded config.

    A reloaded config (a new ``settings`` object) starts a new session: that is how a
    reload lets an account in "login needed" try its stored token again.
    """
    with _SESSIONS_LOCK:
        cached = _SESSIONS.get(account.name)
        if cached is not None and cached[0] is settings and cached[1].account == account:
            return cached[1]
        session = Session(account, token_store(account, settings), timeout=account.timeout_seconds)
        _SESSIONS[account.name] = (settings, session)
        return session


def sasl(mechanism: str, user: str, token: str, host: str = "", port: int = 0) -> str:
    """The client's first SASL response for XOAUTH2 or OAUTHBEARER (RFC 7628)."""
    if mechanism == "oauthbearer":
        authzid = user.replace("=", "=3D").replace(",", "=2C")
        fields = f"host={host}\x01port={port}\x01" if host else ""
        return f"n,a={authzid},\x01{fields}auth=Bearer {token}\x01\x01"
    return f"user={user}\x01auth=Bearer {token}\x01\x01"


# ---- `followupd login` ------------------------------------------------------------------


def _pkce() -> tuple[str, str]:
    verifier = secrets.token_urlsafe(64)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    return verifier, challenge


def redirect_host(config: OAuth2Settings) -> str:
    """``127.0.0.1`` (DESIGN §3), except for Microsoft Entra, which matches a registered
    ``http://localhost`` redirect only by that name (any port)."""
    host = urllib.parse.urlsplit(config.authorize_url).hostname or ""
    return "localhost" if host.endswith("login.microsoftonline.com") else "127.0.0.1"


class _Redirect(BaseHTTPRequestHandler):
    result: dict[str, str] | None = None
    expected_state = ""

    def do_GET(self) -> None:
        query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(self.path).query))
        if "code" not in query and "error" not in query:
            self.send_error(404)
            return
        if query.get("state") != self.expected_state:
            self._page(400, "This sign-in answer does not belong to the running `followupd login`.")
            return
        type(self).result = query
        if "code" in query:
            register_secret(query["code"])
            self._page(200, "followupd is signed in. You can close this tab.")
        else:
            self._page(400, f"Sign-in failed: {html.escape(_quote(query.get('error', '')))}")

    def _page(self, status: int, text: str) -> None:
        body = f"<!doctype html><title>followupd</title><p>{html.escape(text)}</p>".encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # the query holds the code: never logged
        pass


def login_loopback(
    account: AccountSettings,
    *,
    out: TextIO,
    open_browser: Callable[[str], bool] | None = webbrowser.open,
    timeout: float = LOGIN_TIMEOUT,
) -> dict[str, Any]:
    """Authorization code with PKCE on ``http://127.0.0.1:PORT/``; the token response."""
    config = account.oauth2
    assert config is not None
    where = account.name
    if not config.authorize_url:
        raise UserError("no authorize_url: set it in [accounts.oauth2], or use `followupd login --device`", where)
    _check_url(config.authorize_url, "authorize_url", where)
    verifier, challenge = _pkce()
    state = secrets.token_urlsafe(24)

    class handler(_Redirect):
        result = None
        expected_state = state

    server = HTTPServer(("127.0.0.1", 0), handler)
    server.timeout = 0.5
    try:
        redirect_uri = f"http://{redirect_host(config)}:{server.server_port}/"
        params = {
            "response_type": "code",
            "client_id": config.client_id,
            "redirect_uri": redirect_uri,
            "scope": " ".join(config.scopes),
            "state": state,
            "code_challenge": challenge,
            "code_challenge_method": "S256",
            "login_hint": account.username,
        }
        if (urllib.parse.urlsplit(config.authorize_url).hostname or "").endswith("google.com"):
            params.update(access_type="offline", prompt="consent")  # else Google gives no refresh token
        sep = "&" if "?" in config.authorize_url else "?"
        url = config.authorize_url + sep + urllib.parse.urlencode(params)
        print(f"Sign in to {account.name} ({account.username}) by opening this address in a browser:\n\n  {url}\n",
              file=out, flush=True)  # fmt: skip
        if open_browser is not None:
            try:
                open_browser(url)
            except Exception as exc:  # no browser here: the printed address is the way
                print(f"(no browser opened: {type(exc).__name__})", file=out)
        print(f"Waiting for the browser to come back to {redirect_uri} …", file=out, flush=True)
        deadline = time.monotonic() + timeout
        while handler.result is None:
            if time.monotonic() > deadline:
                raise ProviderRefused(f"no answer from the browser within {timeout:g}s; nothing was stored", where)
            server.handle_request()
        result: dict[str, str] = handler.result
    finally:
        server.server_close()
    if "code" not in result:
        raise ProviderRefused(f"the provider refused the sign-in: {_error_text(result)}", where)
    form = {
        "grant_type": "authorization_code",
        "code": result["code"],
        "redirect_uri": redirect_uri,
        "client_id": config.client_id,
        "code_verifier": verifier,
    }
    return _exchange(account, form)


def _exchange(account: AccountSettings, form: dict[str, str]) -> dict[str, Any]:
    assert account.oauth2 is not None
    secret = _client_secret(account)
    if secret:
        form["client_secret"] = secret
    status, answer = _post(account.oauth2.token_url, form, account.timeout_seconds, account.name)
    if status != 200 or "error" in answer:
        raise ProviderRefused(f"the provider refused the sign-in: {_error_text(answer)}", account.name)
    return answer


def login_device(
    account: AccountSettings,
    *,
    out: TextIO,
    timeout: float = LOGIN_TIMEOUT,
    sleep: Callable[[float], None] = time.sleep,
) -> dict[str, Any]:
    """The device flow (RFC 8628): print a code to enter elsewhere, poll until it is used."""
    config = account.oauth2
    assert config is not None
    where = account.name
    if not config.device_url:
        raise UserError("no device_url: set it in [accounts.oauth2], or sign in without --device", where)
    form = {"client_id": config.client_id, "scope": " ".join(config.scopes)}
    secret = _client_secret(account)
    if secret:
        form["client_secret"] = secret
    status, answer = _post(config.device_url, form, account.timeout_seconds, where)
    device_code = answer.get("device_code")
    if status != 200 or not isinstance(device_code, str):
        raise ProviderRefused(f"the provider refused the device sign-in: {_error_text(answer)}", where)
    uri = answer.get("verification_uri") or answer.get("verification_url")  # Google says _url
    print(
        f"To sign in {account.name} ({account.username}), open {_quote(uri)} on any device "
        f"and enter the code {_quote(answer.get('user_code'))}",
        file=out,
        flush=True,
    )
    if answer.get("verification_uri_complete"):
        print(f"(or open {_quote(answer['verification_uri_complete'])})", file=out, flush=True)
    interval = max(_number(answer.get("interval"), 5.0), 0.05)
    deadline = time.monotonic() + min(_number(answer.get("expires_in"), timeout), timeout)
    while True:
        sleep(interval)
        poll = {"grant_type": "urn:ietf:params:oauth:grant-type:device_code", "device_code": device_code,
                "client_id": config.client_id}  # fmt: skip
        if secret:
            poll["client_secret"] = secret
        status, answer = _post(config.token_url, poll, account.timeout_seconds, where)
        error = answer.get("error")
        if status == 200 and not error:
            return answer
        if error == "authorization_pending" and time.monotonic() < deadline:
            continue
        if error == "slow_down" and time.monotonic() < deadline:
            interval += 5
            continue
        if error in ("authorization_pending", "slow_down", "expired_token"):
            raise ProviderRefused("the code was not entered in time; nothing was stored", where)
        raise ProviderRefused(f"the provider refused the sign-in: {_error_text(answer)}", where)


def _number(value: object, default: float) -> float:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default


def store_login(account: AccountSettings, settings: Settings, answer: dict[str, Any]) -> None:
    refresh_token = answer.get("refresh_token")
    if not isinstance(refresh_token, str) or not refresh_token:
        raise ProviderRefused(
            "the provider gave no refresh token, so followupd could not stay signed in "
            "(for Google, the consent screen must be shown again: remove followupd's access at "
            "myaccount.google.com/permissions and sign in again)",
            account.name,
        )
    token_store(account, settings).save(refresh_token)


def oauth2_account(settings: Settings, name: str, config_path: str) -> AccountSettings:
    match = [a for a in settings.accounts if a.name == name]
    if not match:
        known = ", ".join(a.name for a in settings.accounts) or "none"
        raise UserError(f"no account named {name!r} in the config (accounts: {known})", config_path)
    if match[0].auth != "oauth2" or match[0].oauth2 is None:
        raise UserError('signs in with a password; `login` is for accounts with auth = "oauth2"', name)
    return match[0]
