"""A private, throw-away Dovecot for the integration tests.

Each :class:`Dovecot` owns a temp dir holding its config, runtime dir, log, mail and
passwd-file, listens on loopback ports nobody else uses, and runs its master in the
foreground as our child (in its own process group) so nothing survives the session.
Users are added on demand; the passwd-file passdb re-reads the file when it changes.
"""

from __future__ import annotations

import atexit
import os
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"

_LIVE: set[Dovecot] = set()
_POOL_SIZE = 300


def dovecot_available() -> str | None:
    """None when Dovecot can run here, else the reason it cannot."""
    if not os.path.exists(DOVECOT):
        return f"dovecot not installed ({DOVECOT} missing; scripts/test installs dovecot-imapd)"
    if os.geteuid() == 0:
        try:
            import pwd

            pwd.getpwnam("dovecot")
            pwd.getpwnam("dovenull")
        except KeyError:
            return "dovecot/dovenull system users missing (install dovecot-core)"
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@dataclass(frozen=True)
class TlsFiles:
    cert: Path  # server chain, PEM
    key: Path
    ca: Path  # the CA clients must trust


@dataclass(frozen=True)
class Options:
    """What makes one Dovecot instance differ from the default one."""

    #: the post-login capability list; None keeps Dovecot's own (IDLE, UIDPLUS, MOVE, …)
    capability: str | None = None
    #: special-use attributes on Drafts/Sent/Trash/Junk; False lists them as plain folders
    special_use: bool = True
    #: folder names auto-created for every user (with special_use when enabled)
    folders: dict[str, str] = field(
        default_factory=lambda: {
            "Drafts": "\\Drafts",
            "Sent": "\\Sent",
            "Trash": "\\Trash",
            "Junk": "\\Junk",
        }
    )
    tls: TlsFiles | None = None
    #: an ``oauth2`` passdb (XOAUTH2, OAUTHBEARER) that checks bearer tokens by POSTing them
    #: to this RFC 7662 introspection URL; the passwd-file passdb stays for PLAIN/LOGIN
    oauth2_introspection_url: str | None = None


#: capabilities of a plain IMAP4rev1 server: no UIDPLUS, MOVE, IDLE, CONDSTORE or SPECIAL-USE
MINIMAL_CAPABILITY = "IMAP4rev1 LITERAL+ SASL-IR LOGIN-REFERRALS ID ENABLE NAMESPACE UNSELECT"
#: Dovecot's own list minus UIDPLUS (MOVE and IDLE stay)
NO_UIDPLUS_CAPABILITY = (
    "IMAP4rev1 LITERAL+ SASL-IR LOGIN-REFERRALS ID ENABLE IDLE SORT SORT=DISPLAY THREAD=REFERENCES "
    "THREAD=REFS THREAD=ORDEREDSUBJECT MULTIAPPEND URL-PARTIAL CATENATE UNSELECT CHILDREN NAMESPACE "
    "ESEARCH ESORT SEARCHRES WITHIN CONTEXT=SEARCH LIST-STATUS BINARY MOVE SNIPPET=FUZZY "
    "PREVIEW=FUZZY PREVIEW STATUS=SIZE SAVEDATE NOTIFY SPECIAL-USE"
)


@dataclass(frozen=True)
class User:
    name: str
    password: str


class DovecotError(RuntimeError):
    pass


class Dovecot:
    """One private Dovecot master: ``start()``, ``stop()``, ``restart()``, ``new_user()``."""

    def __init__(self, root: Path | None = None, options: Options | None = None) -> None:
        self.options = options or Options()
        self.root = Path(root or tempfile.mkdtemp(prefix="fud-dc-"))
        # login processes run as dovenull and must traverse to base_dir
        os.chmod(self.root, 0o755)
        self.base_dir = self.root / "run"
        self.state_dir = self.root / "state"
        self.mail_dir = self.root / "mail"
        self.log_path = self.root / "dovecot.log"
        self.passwd = self.root / "passwd"
        self.config = self.root / "dovecot.conf"
        self.host = "127.0.0.1"
        self.port = free_port()  # plain IMAP, STARTTLS when tls is configured
        self.tls_port = free_port() if self.options.tls else None
        self._proc: subprocess.Popen[bytes] | None = None
        self._users = 0
        self._pool: list[User] = []
        self.start_seconds = 0.0
        for d in (self.state_dir, self.mail_dir):
            d.mkdir(parents=True, exist_ok=True)
        self.passwd.write_text("")
        self.passwd.chmod(0o644)
        # users exist before the server starts: logins right after adding one may miss it
        self._add_users(_POOL_SIZE)
        if os.geteuid() == 0:
            shutil.chown(self.mail_dir, "dovecot", "dovecot")
        self.config.write_text(self._config_text())

    # -- config ---------------------------------------------------------------------------
    def _config_text(self) -> str:
        o = self.options
        root = os.geteuid() == 0
        if root:
            internal, login, uid, gid = "dovecot", "dovenull", "dovecot", "dovecot"
        else:
            import grp
            import pwd

            internal = login = uid = pwd.getpwuid(os.geteuid()).pw_name
            gid = grp.getgrgid(os.getegid()).gr_name
        mailboxes = []
        for name, use in o.folders.items():
            special = f"    special_use = {use}\n" if o.special_use and use else ""
            mailboxes.append(f'  mailbox "{name}" {{\n    auto = subscribe\n{special}  }}\n')
        listeners = f"  inet_listener imap {{\n    address = {self.host}\n    port = {self.port}\n  }}\n"
        if self.tls_port:
            listeners += (
                f"  inet_listener imaps {{\n    address = {self.host}\n    port = {self.tls_port}\n"
                "    ssl = yes\n  }\n"
            )
        else:
            listeners += "  inet_listener imaps {\n    port = 0\n  }\n"
        if o.tls:
            ssl = f"ssl = required\nssl_cert = <{o.tls.cert}\nssl_key = <{o.tls.key}\ndisable_plaintext_auth = yes\n"
        else:
            ssl = "ssl = no\ndisable_plaintext_auth = no\n"
        capability = f"protocol imap {{\n  imap_capability = {o.capability}\n}}\n" if o.capability else ""
        mechanisms, oauth2_passdb = "plain login", ""
        if o.oauth2_introspection_url:
            mechanisms = "plain login xoauth2 oauthbearer"
            oauth2_conf = self.root / "dovecot-oauth2.conf.ext"
            oauth2_conf.write_text(
                "introspection_mode = post\n"
                f"introspection_url = {o.oauth2_introspection_url}\n"
                "force_introspection = yes\n"
                "username_attribute = username\n"
                "active_attribute = active\n"
                "active_value = true\n"
            )
            oauth2_conf.chmod(0o644)
            oauth2_passdb = (
                f"passdb {{\n  driver = oauth2\n  mechanisms = xoauth2 oauthbearer\n  args = {oauth2_conf}\n}}\n"
            )
        return f"""# generated by tests/dovecot.py
protocols = imap
listen = {self.host}
base_dir = {self.base_dir}
state_dir = {self.state_dir}
log_path = {self.log_path}
instance_name = fud-{self.root.name}
default_internal_user = {internal}
default_login_user = {login}
first_valid_uid = 1
first_valid_gid = 1
{ssl}auth_mechanisms = {mechanisms}
mail_location = maildir:~/Maildir
mail_fsync = never
verbose_proctitle = yes
shutdown_clients = yes
passdb {{
  driver = passwd-file
  mechanisms = plain login
  args = scheme=PLAIN username_format=%u {self.passwd}
}}
{oauth2_passdb}userdb {{
  driver = static
  args = uid={uid} gid={gid} home={self.mail_dir}/%u
}}
namespace inbox {{
  inbox = yes
  separator = /
{"".join(mailboxes)}}}
service imap-login {{
{listeners}}}
service imap {{
  process_limit = 200
}}
# tests log in with wrong passwords on purpose: no brute-force delays for later logins
auth_failure_delay = 0
service anvil {{
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
{capability}"""

    # -- users ----------------------------------------------------------------------------
    def new_user(self) -> User:
        """A user nobody has used yet: an empty mailbox for one test."""
        if not self._pool:
            self._add_users(_POOL_SIZE)
            # passwd-file is stat()ed at most once a second; make sure the next login sees it
            time.sleep(1.1)
        return self._pool.pop()

    def _add_users(self, n: int) -> None:
        users = []
        for _ in range(n):
            self._users += 1
            users.append(User(f"u{self._users:04d}-{secrets.token_hex(3)}", secrets.token_urlsafe(12)))
        with self.passwd.open("a") as f:
            f.writelines(f"{u.name}:{{PLAIN}}{u.password}::::::\n" for u in users)
        self._pool.extend(reversed(users))

    # -- lifecycle ------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def start(self, timeout: float = 15.0) -> None:
        if self.running:
            return
        t0 = time.monotonic()
        log = self.root / "master.out"
        with log.open("ab") as out:
            self._proc = subprocess.Popen(
                [DOVECOT, "-F", "-c", str(self.config)],
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
                preexec_fn=_die_with_parent,
            )
        _LIVE.add(self)
        ports = [p for p in (self.port, self.tls_port) if p]
        deadline = t0 + timeout
        while True:
            if self._proc.poll() is not None:
                raise DovecotError(f"dovecot exited with {self._proc.returncode}\n{self.diagnostics()}")
            if all(_greets(self.host, p, banner=p == self.port) for p in ports):
                break
            if time.monotonic() > deadline:
                self.stop()
                raise DovecotError(f"dovecot did not listen within {timeout}s\n{self.diagnostics()}")
            time.sleep(0.02)
        self.start_seconds = time.monotonic() - t0

    def stop(self, graceful: bool = True) -> None:
        """Stop the master and every process it started; wait until they are gone.

        ``graceful`` lets Dovecot say BYE to its clients (it takes about a second);
        otherwise the whole process group is killed at once, like a crash.
        """
        proc, self._proc = self._proc, None
        if proc is None:
            return
        if graceful and proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                pass
        # the master stops its children on SIGTERM; the process group catches stragglers
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        proc.wait(5)
        _LIVE.discard(self)

    def kill(self) -> None:
        self.stop(graceful=False)

    def restart(self) -> None:
        self.stop()
        self.start()

    def cleanup(self) -> None:
        self.stop(graceful=False)
        shutil.rmtree(self.root, ignore_errors=True)

    def diagnostics(self) -> str:
        parts = []
        for p in (self.root / "master.out", self.log_path):
            if p.exists():
                parts.append(f"--- {p}\n{p.read_text(errors='replace')[-6000:]}")
        return "\n".join(parts)

    def imap_pids(self, user: str) -> list[int]:
        """PIDs of the post-login imap processes serving ``user`` (verbose_proctitle)."""
        pids = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                cmd = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            except OSError:
                continue
            if "/imap [" in cmd and f"[{user} " in cmd and self._ours(int(entry.name)):
                pids.append(int(entry.name))
        return pids

    def _ours(self, pid: int) -> bool:
        if self._proc is None:
            return False
        try:
            return os.getpgid(pid) == self._proc.pid
        except ProcessLookupError:
            return False


def _die_with_parent() -> None:
    """In the child: get SIGTERM when the test process dies, even by SIGKILL (Linux only).

    The signal follows the *thread* that started the server, so start servers from the
    main thread.
    """
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _greets(host: str, port: int, banner: bool) -> bool:
    """True once ``host:port`` accepts a connection (and, for plain IMAP, says hello)."""
    try:
        with socket.create_connection((host, port), timeout=0.5) as s:
            if not banner:
                return True  # implicit TLS: the server waits for our ClientHello
            s.settimeout(2)
            return bool(s.recv(64))
    except OSError:
        return False


@atexit.register
def _stop_all() -> None:
    for d in list(_LIVE):
        d.stop(graceful=False)


def client_for(server: Dovecot, user: User) -> Any:
    """A second, independent IMAP session: the "other client" in tests (plain, loopback)."""
    from imapclient import IMAPClient

    c = IMAPClient(server.host, port=server.port, ssl=False, timeout=10)
    c.login(user.name, user.password)
    c.normalise_times = False
    return c


def tls_files(root: Path) -> TlsFiles:
    """A fresh CA and a server certificate for 127.0.0.1/localhost, written under ``root``."""
    import trustme

    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1", "localhost")
    root.mkdir(parents=True, exist_ok=True)
    files = TlsFiles(root / "server.pem", root / "server.key", root / "ca.pem")
    cert.private_key_pem.write_to_path(str(files.key))
    cert.cert_chain_pems[0].write_to_path(str(files.cert))
    for extra in cert.cert_chain_pems[1:]:
        with files.cert.open("ab") as f:
            f.write(extra.bytes())
    ca.cert_pem.write_to_path(str(files.ca))
    return files
