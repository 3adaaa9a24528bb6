"""The interactive session: its logic driven line by line (Session), then
the real thing as a person uses it, in a terminal: through a pseudo-terminal
made with the ``pty`` module (runs everywhere), and in tmux when it is
installed (send-keys, capture-pane), in English, French and Japanese."""

import io
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import time
import uuid
from contextlib import redirect_stderr, redirect_stdout

import pytest

from multilingualprogramming._repl import Session, history_path
from support import ROOT, needs_native

pytestmark = needs_native


def feed(session, *lines):
    """Push lines as typed; returns (stdout, stderr, prompts shown after each line)."""
    out, err, prompts = io.StringIO(), io.StringIO(), []
    with redirect_stdout(out), redirect_stderr(err):
        for line in lines:
            session.push(line)
            prompts.append(session.prompt)
    return out.getvalue(), err.getvalue(), prompts


# ---- the session's logic ----

def test_expressions_echo_as_in_python():
    s = Session("fr")
    out, err, prompts = feed(s, "x = 6 * 7", "x", "afficher('vu')", "Rien", "[x, 'a']", "_", "x; x + 1")
    assert (out, err) == ("42\nvu\n[42, 'a']\n[42, 'a']\n42\n43\n", "")
    assert prompts == [">>> "] * 7


def test_blocks_end_with_an_empty_line():
    s = Session("fr")
    out, err, prompts = feed(s, "déf carré(n: entier) -> entier:", "    retour n * n", "",
                             "pour i dans intervalle(3):", "    carré(i)", "",
                             "si Faux:", "    afficher(1)", "sinon:", "    afficher(2)", "")
    assert (out, err) == ("0\n1\n4\n2\n", "")
    assert prompts == ["... ", "... ", ">>> ", "... ", "... ", ">>> ", "... ", "... ", "... ", "... ", ">>> "]
    # The compiled function runs on WebAssembly.
    assert type(s.namespace["carré"]).__name__ != "function"
    assert s.namespace["carré"](12) == 144


def test_brackets_strings_and_backslashes_continue():
    s = Session("fr")
    out, err, prompts = feed(s, "xs = [1,", "      2,", "      3]", "xs", '"""un', 'deux"""',
                             "y = 1 + \\", "    2", "y", "@staticmethod", "déf f():", "    passer", "")
    assert (out, err) == ("[1, 2, 3]\n'un\\ndeux'\n3\n", "")
    assert prompts == ["... ", "... ", ">>> ", ">>> ", "... ", ">>> ", "... ", ">>> ", ">>> ",
                       "... ", "... ", "... ", ">>> "]


def test_errors_show_where_and_the_session_goes_on():
    s = Session("fr")
    out, err, prompts = feed(s, "x = 1", "x = 1 +* 2", "x")
    assert out == "1\n"
    assert err == "<input-2>:1:8: expression attendue, trouvé '*'\n    x = 1 +* 2\n           ^\n"
    out, err, _ = feed(s, "déf f(a):", "    retour a // 0", "", "f(x)", "x")
    assert out == "1\n"
    assert err == ("Traceback (most recent call last):\n"
                   "  File \"<input-5>\", line 1, in <module>\n    f(x)\n"
                   "  File \"<input-4>\", line 2, in f\n    retour a // 0\n"
                   "           ~~^^~~\n"
                   "ZeroDivisionError: integer division or modulo by zero\n")
    out, err, _ = feed(s, "essayer:", "    passer", "")
    assert "'sauf' ou 'finalement'" in err and "<input-7>:4:1:" in err
    out, err, _ = feed(s, "si x")
    assert "<input-8>:1:5:" in err


def test_language_is_detected_from_the_first_line_that_shows_it():
    s = Session()
    settled = []
    s.on_language = lambda prog: settled.append(prog.language)
    out, err, _ = feed(s, "x = 2", "print(x)")
    assert (s.language, settled, out) == (None, [], "2\n")
    out, err, _ = feed(s, "pour i dans intervalle(x):", "    afficher(i)", "")
    assert (s.language, settled, out) == ("fr", ["fr"], "0\n1\n")
    out, err, _ = feed(s, "si x == 2: afficher('oui')")
    assert out == "oui\n"
    s = Session()
    feed(s, "for i in range(2): pass")
    assert s.language == "en"
    s = Session()
    out, err, _ = feed(s, "関数 倍(n: 整数) -> 整数:", "    戻る 2 * n", "", "倍(21)")
    assert (s.language, out) == ("ja", "42\n")


def test_each_input_keeps_its_own_fstring_constants():
    s = Session("fr")
    out, err, _ = feed(s, "déf lignes(xs):", "    retour f\"{'\\n'.join(xs)}\"", "",
                       "déf tabs(xs):", "    retour f\"{'\\t'.join(xs)}\"", "",
                       "lignes(['a', 'b'])", "tabs(['a', 'b'])")
    assert (out, err) == ("'a\\nb'\n'a\\tb'\n", "")


def test_exit_ends_the_session():
    s = Session("fr")
    with pytest.raises(SystemExit) as info:
        feed(s, "exit(4)")
    assert info.value.code == 4


def test_imports_from_the_current_directory(tmp_path, monkeypatch):
    (tmp_path / "voisin.multi").write_text("déf f() -> entier:\n    retour 7\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MULTILINGUAL_CACHE_DIR", "off")
    s = Session("fr")
    try:
        out, err, _ = feed(s, "importer voisin", "voisin.f()")
    finally:
        sys.modules.pop("voisin", None)
    assert (out, err) == ("7\n", "")


def test_history_path(monkeypatch, tmp_path):
    monkeypatch.setenv("MULTILINGUAL_HISTORY", str(tmp_path / "h"))
    assert history_path() == str(tmp_path / "h")
    monkeypatch.setenv("MULTILINGUAL_HISTORY", "off")
    assert history_path() is None
    monkeypatch.delenv("MULTILINGUAL_HISTORY")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    if sys.platform.startswith("linux"):
        assert history_path() == str(tmp_path / "multilingualprogramming" / "history")


# ---- in a terminal, through a pty ----

ANSI = re.compile(r"\x1b(\[[0-9;?]*[A-Za-z]|[=>]|\][^\x07]*\x07)")


def session_env(tmp_path, **extra):
    env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "python"), TERM="xterm",
               LANG="C.UTF-8", LC_ALL="C.UTF-8", MULTILINGUAL_CACHE_DIR=str(tmp_path / "cache"),
               MULTILINGUAL_HISTORY=str(tmp_path / "history"))
    env.pop("PYTHONSTARTUP", None)
    env.update(extra)
    return env


class Terminal:
    """A process on a pseudo-terminal that is its controlling terminal."""

    def __init__(self, args, env, cwd):
        import fcntl
        import struct
        import termios
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))

        def controlling_terminal():
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)

        self.proc = subprocess.Popen(args, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=cwd,
                                     start_new_session=True, preexec_fn=controlling_terminal)
        os.close(slave)
        self.fd = master
        self.seen = ""

    def read_until(self, text, timeout=60):
        """Everything shown until ``text`` appears (escape sequences and
        carriage returns removed)."""
        deadline = time.monotonic() + timeout
        while text not in self.seen:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError("%r not shown; the screen had:\n%s" % (text, self.seen))
            ready, _, _ = select.select([self.fd], [], [], min(left, 0.2))
            if ready:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:
                    chunk = b""
                if not chunk and self.proc.poll() is not None:
                    raise AssertionError("ended before %r; the screen had:\n%s" % (text, self.seen))
                self.seen += ANSI.sub("", chunk.decode("utf-8", "replace")).replace("\r", "")
        at = self.seen.index(text) + len(text)
        shown, self.seen = self.seen[:at], self.seen[at:]
        return shown

    def type(self, keys):
        os.write(self.fd, keys.encode("utf-8"))

    def line(self, text):
        self.type(text + "\r")

    def close(self):
        try:
            return self.proc.wait(timeout=60)
        finally:
            os.close(self.fd)


needs_pty = pytest.mark.skipif(sys.platform == "win32", reason="no pseudo-terminals on Windows")


def start(tmp_path, *args, **extra):
    return Terminal([sys.executable, "-m", "multilingualprogramming", *args],
                    session_env(tmp_path, **extra), str(tmp_path))


@needs_pty
def test_pty_session_in_french(tmp_path):
    t = start(tmp_path)          # no arguments on a terminal: the session
    assert "language detected from what you type" in t.read_until(">>> ")
    t.line("x = 21")
    t.read_until(">>> ")
    t.line("déf double(n: entier) -> entier:")
    t.read_until("... ")
    t.line("    retour 2 * n")
    t.read_until("... ")
    t.line("")
    assert "# langue : Français (fr)" in t.read_until(">>> ")
    t.line("double(x)")
    t.read_until("double(x)\n42\n>>> ")
    t.line("afficher(1 +* 2)")
    shown = t.read_until("^\n>>> ")
    assert "<input-4>:1:13: expression attendue, trouvé '*'\n    afficher(1 +* 2)\n" \
           "                ^\n>>> " in shown
    t.type("\x1b[A\x1b[A\r")     # Up, Up, Enter: double(x) again
    t.read_until("42\n>>> ")
    t.type("dou\t")              # completion of a name of the session, with its "("
    t.type("1)\r")
    t.read_until("double(1)\n2\n>>> ")
    t.type("x = (")
    t.read_until("x = (")
    # A person's Ctrl-C comes well after the echo. One sent within
    # microseconds of it can land before readline is back in select() and
    # wait for the next key: CPython's readline loop has that window too.
    time.sleep(0.2)
    t.type("\x03")              # Ctrl-C drops the input being typed
    t.read_until("KeyboardInterrupt\n>>> ")
    t.line("x")
    t.read_until("x\n21\n>>> ")
    t.type("\x04")               # Ctrl-D
    assert t.close() == 0
    history = (tmp_path / "history").read_text(encoding="utf-8").splitlines()
    assert history[:4] == ["x = 21", "déf double(n: entier) -> entier:", "    retour 2 * n", "double(x)"]


@needs_pty
def test_pty_session_given_a_language_and_exit_status(tmp_path):
    t = start(tmp_path, "repl", "--language", "ja")
    assert "日本語 (ja)" in t.read_until(">>> ")
    t.line("毎 i 中 範囲(2):")
    t.read_until("... ")
    t.line("    表示(i * 10)")
    t.read_until("... ")
    t.line("")
    t.read_until("0\n10\n>>> ")
    t.line("exit(5)")
    assert t.close() == 5


@needs_pty
def test_interrupting_a_running_input(tmp_path):
    t = start(tmp_path, "-l", "en")
    t.read_until(">>> ")
    t.line("while True: pass")
    time.sleep(1.0)
    os.killpg(t.proc.pid, signal.SIGINT)
    t.read_until("KeyboardInterrupt\n>>> ")
    t.line("1 + 1")
    t.read_until("1 + 1\n2\n>>> ")
    t.type("\x04")
    assert t.close() == 0


@needs_pty
def test_interrupting_webassembly_in_the_session(tmp_path):
    t = start(tmp_path, "-l", "fr")
    t.read_until(">>> ")
    for line in ("déf tourne(n: entier) -> entier:", "    s = 0", "    tantque Vrai:",
                 "        s = s + n", "    retour s"):
        t.line(line)
        t.read_until("... ")
    t.line("")
    t.read_until(">>> ")
    t.line("tourne(1)")           # compiled: runs on WebAssembly until interrupted
    time.sleep(1.0)
    os.killpg(t.proc.pid, signal.SIGINT)
    shown = t.read_until("KeyboardInterrupt\n>>> ", timeout=30)
    assert "File \"<input-2>\", line 1" in shown
    t.line("tourne(0) si Faux sinon 5")
    t.read_until("5\n>>> ")
    t.type("\x04")
    assert t.close() == 0


# ---- in tmux, as a person types ----

# (keys typed, what then shows on the screen; tmux drops trailing spaces).
SESSIONS = {
    "en": [("def twice(n: int) -> int:", "..."), ("    return 2 * n", "..."), ("", ">>>"),
           ("twice(21)", "42"), ("print(1 +* 2)", "<input-3>:1:10:"), ("twice(4)", "8")],
    "fr": [("déf double(n: entier) -> entier:", "..."), ("    retour 2 * n", "..."), ("", ">>>"),
           ("double(21)", "42"), ("afficher(1 +* 2)", "<input-3>:1:13:"), ("double(4)", "8")],
    "ja": [("関数 倍(n: 整数) -> 整数:", "..."), ("    戻る 2 * n", "..."), ("", ">>>"),
           ("倍(21)", "42"), ("表示(1 +* 2)", "<input-3>:1:7:"), ("倍(4)", "8")],
}


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
@pytest.mark.parametrize("language", sorted(SESSIONS))
def test_tmux_session(tmp_path, language):
    socket = "ml-%s" % uuid.uuid4().hex[:12]
    env = session_env(tmp_path, TERM="screen")
    status = tmp_path / "status"
    command = "%s -m multilingualprogramming repl; echo $? > %s; sleep 30" % (sys.executable, status)

    def tmux(*args):
        return subprocess.run(["tmux", "-L", socket, "-f", "/dev/null", *args], env=env, cwd=str(tmp_path),
                              capture_output=True, text=True, timeout=30)

    def screen():
        return tmux("capture-pane", "-p", "-t", "s").stdout

    def wait_for(text, count=1):
        deadline = time.monotonic() + 60
        while screen().count(text) < count:
            assert time.monotonic() < deadline, "%r not on the screen:\n%s" % (text, screen())
            time.sleep(0.1)

    r = tmux("-u", "new-session", "-d", "-s", "s", "-x", "120", "-y", "50", command)
    assert r.returncode == 0, r.stderr
    try:
        wait_for(">>>")
        for keys, expect in SESSIONS[language]:
            before = screen().count(expect)
            tmux("send-keys", "-t", "s", "-l", keys)
            tmux("send-keys", "-t", "s", "Enter")
            wait_for(expect, before + 1)
        wait_for(">>>", 5)
        tmux("send-keys", "-t", "s", "Up", "Up", "Enter")     # history: the error line again
        wait_for(SESSIONS[language][4][1].replace("<input-3>", "<input-5>"))
        # Ctrl-D only once the next prompt is up: typed earlier, while the
        # terminal is between two reads (canonical mode), the end of file
        # can be lost when the line editor switches the terminal back
        wait_for(">>>", 6)
        tmux("send-keys", "-t", "s", "C-d")
        deadline = time.monotonic() + 60
        while not status.exists() or not status.read_text().strip():
            assert time.monotonic() < deadline, screen()
            time.sleep(0.1)
        shown = screen()
        assert status.read_text().strip() == "0"
        from multilingualprogramming._repl import message
        said = "# " + message(language, "repl.language").split("%s")[0]   # "# langue : "
        assert said in shown and "(%s)" % language in shown
        lines = shown.splitlines()
        assert lines[lines.index(">>> " + SESSIONS[language][3][0]) + 1] == "42"
        assert ">>> " + SESSIONS[language][4][0] in lines
    finally:
        tmux("kill-server")


@needs_pty
def test_pty_banner_speaks_the_locale_language(tmp_path):
    t = start(tmp_path, LANG="es_ES.UTF-8", LC_ALL="")
    shown = t.read_until(">>> ")
    assert "idioma detectado a partir de lo que escribe" in shown
    assert "exit() o Ctrl-D termina la sesión." in shown
    t.type("\x04")
    assert t.close() == 0


@pytest.mark.parametrize("env, code", [
    ({"LANG": "fr_FR.UTF-8"}, "fr"),
    ({"LC_ALL": "ja_JP.UTF-8", "LANG": "de_DE.UTF-8"}, "ja"),
    ({"LC_MESSAGES": "pt_BR", "LANG": "C"}, "pt"),
    ({"LANG": "C.UTF-8"}, "en"),
    ({"LANG": "ko_KR.UTF-8"}, "en"),     # not one of the languages
    ({}, "en"),
])
def test_locale_language(env, code):
    from multilingualprogramming._repl import locale_language
    assert locale_language(env) == code


def test_banner_texts_in_every_language_fill_their_verbs():
    from multilingualprogramming._repl import message
    codes = "ar bn da de en es fi fr hi it ja nl pl pt sv ta zh".split()
    banners = set()
    for code in codes:
        text = message(code, "repl.banner") % ("9.9.9", "3.99", "WHICH")
        assert "9.9.9" in text and "3.99" in text and "WHICH" in text
        banners.add(message(code, "repl.detected"))
        assert "exit()" in message(code, "repl.leave")
    assert len(banners) == len(codes)    # translated, not English copies
    with pytest.raises(KeyError):
        message("fr", "repl.no_such_text")
    with pytest.raises(ValueError):
        message("xx", "repl.banner")
