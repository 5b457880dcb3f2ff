#!/usr/bin/env python3
"""Language server latency: how long `bedrock-lint lsp` takes to react to a keystroke
in a large workspace (issue 12).

usage: scripts/perf-lsp.py [--bin BIN] [--tree DIR] [--modules 200] [--changes 20]
                           [--module 100] [--cold 5] [--keep] [--verbose]

Generates a workspace with `scripts/gen-bench-tree.py MODULES DIR` (or uses --tree
DIR as it is when it already holds modules/), starts `BIN lsp` over stdio in it and
speaks LSP JSON-RPC (Content-Length framing) as an editor does:

  initialize (rootUri = the workspace), initialized,
  didOpen modules/mNNNNN/main.tf          -> time to its first publishDiagnostics
  CHANGES x didChange (full text, version+1, one character changed inside a
            comment or a string literal so the file stays valid)
                                          -> time to the publishDiagnostics for it
  COLD x didOpen main.tf of another module never opened before
                                          -> time to its publishDiagnostics
  shutdown, exit.

A didChange is analysed only after the server's debounce (DEBOUNCE in
crates/cli/src/lsp/server.rs, read from the source when it is found, else 200 ms);
the typing figures are printed both raw and "after debounce" (raw minus the
debounce). didOpen is analysed at once: its figures have no debounce to subtract.

Python 3 standard library only. Each wait fails after 10 s.
"""

import argparse
import json
import os
import queue
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

WAIT = 10.0  # seconds before any expected message is given up on
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class Fail(Exception):
    pass


def debounce_ms() -> tuple[float, str]:
    """The server's debounce in ms, read from its source (fallback 200)."""
    src = os.path.join(ROOT, "crates", "cli", "src", "lsp", "server.rs")
    try:
        with open(src, encoding="utf-8") as f:
            text = f.read()
        m = re.search(
            r"const\s+DEBOUNCE\s*:\s*Duration\s*=\s*Duration::from_(millis|secs)\(\s*(\d+)\s*\)",
            text,
        )
        if m:
            v = float(m.group(2)) * (1000.0 if m.group(1) == "secs" else 1.0)
            return v, "crates/cli/src/lsp/server.rs"
    except OSError:
        pass
    return 200.0, "default (DEBOUNCE not found in the source)"


def file_uri(path: str) -> str:
    # As the server's uri::from_path spells it (unreserved bytes and '/' kept).
    return "file://" + urllib.parse.quote(os.path.abspath(path), safe="/-._~")


class Server:
    """`BIN lsp` on pipes: a reader thread parses frames into a queue, another
    drains stderr (kept for error messages)."""

    def __init__(self, bin_path: str, cwd: str, verbose: bool):
        self.verbose = verbose
        self.proc = subprocess.Popen(
            [bin_path, "lsp"],
            cwd=cwd,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self.msgs: "queue.Queue[object]" = queue.Queue()
        self.stderr_tail: list[str] = []
        self.log_messages = 0
        self.next_id = 0
        threading.Thread(target=self._read_stdout, daemon=True).start()
        threading.Thread(target=self._read_stderr, daemon=True).start()

    def _read_stdout(self) -> None:
        out = self.proc.stdout
        try:
            while True:
                length = None
                while True:
                    line = out.readline()
                    if not line:
                        self.msgs.put(None)  # end of stream
                        return
                    line = line.rstrip(b"\r\n")
                    if not line:
                        break
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value.strip())
                if length is None:
                    self.msgs.put(Fail("a message without Content-Length"))
                    return
                body = out.read(length)
                if len(body) < length:
                    self.msgs.put(None)
                    return
                # Stamp on arrival: the consumer may be busy when it is queued.
                self.msgs.put((time.perf_counter(), json.loads(body)))
        except Exception as e:  # noqa: BLE001 - reported to the waiting side
            self.msgs.put(Fail(f"reading the server's output: {e}"))

    def _read_stderr(self) -> None:
        for line in self.proc.stderr:
            text = line.decode("utf-8", "replace").rstrip()
            self.stderr_tail = (self.stderr_tail + [text])[-40:]
            if self.verbose:
                print(f"[server stderr] {text}", file=sys.stderr)

    def send(self, msg: dict) -> float:
        body = json.dumps(msg).encode("utf-8")
        frame = b"Content-Length: %d\r\n\r\n" % len(body) + body
        try:
            self.proc.stdin.write(frame)
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError) as e:
            try:
                code = self.proc.wait(timeout=1)
            except subprocess.TimeoutExpired:
                code = None
            raise Fail(
                f"writing to the server: {e} (exit status {code}){self._stderr_note()}"
            ) from e
        # Taken after the write: the server can have the message from here on.
        return time.perf_counter()

    def notify(self, method: str, params) -> float:
        return self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method: str, params) -> tuple[float, dict]:
        self.next_id += 1
        rid = self.next_id
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        return self.wait(
            f"the response to {method}",
            lambda m: m.get("id") == rid and "method" not in m,
        )

    def _stderr_note(self) -> str:
        if not self.stderr_tail:
            return ""
        return "\nserver stderr (last lines):\n  " + "\n  ".join(self.stderr_tail)

    def _handle_other(self, m: dict) -> None:
        """Messages nobody waits for: log messages counted, server requests answered."""
        method = m.get("method")
        if method == "window/logMessage" or method == "window/showMessage":
            self.log_messages += 1
            if self.verbose:
                print(f"[server {method}] {m.get('params', {}).get('message')}", file=sys.stderr)
        elif method is not None and "id" in m:
            # A request from the server (e.g. client/registerCapability): accept it.
            self.send({"jsonrpc": "2.0", "id": m["id"], "result": None})

    def drain(self) -> None:
        """Handles what is already queued (from earlier steps) without waiting."""
        while True:
            try:
                item = self.msgs.get_nowait()
            except queue.Empty:
                return
            self._check(item, "(draining)")
            self._handle_other(item[1])

    def _check(self, item, what: str) -> None:
        if item is None:
            code = self.proc.poll()
            raise Fail(
                f"the server closed its output while waiting for {what}"
                f" (exit status {code}){self._stderr_note()}"
            )
        if isinstance(item, Fail):
            raise item

    def wait(self, what: str, pred) -> tuple[float, dict]:
        """The next message matching pred, with its arrival time; others are handled
        and skipped. Fails after WAIT seconds."""
        end = time.perf_counter() + WAIT
        while True:
            left = end - time.perf_counter()
            if left <= 0:
                raise Fail(f"timed out after {WAIT:.0f} s waiting for {what}{self._stderr_note()}")
            try:
                item = self.msgs.get(timeout=left)
            except queue.Empty:
                continue
            self._check(item, what)
            t, m = item
            if pred(m):
                return t, m
            self._handle_other(m)

    def diagnostics(self, uri: str) -> tuple[float, dict]:
        return self.wait(
            f"publishDiagnostics for {uri}",
            lambda m: m.get("method") == "textDocument/publishDiagnostics"
            and m.get("params", {}).get("uri") == uri,
        )

    def close(self) -> int:
        """shutdown + exit; the exit status (killed after 5 s)."""
        if self.proc.poll() is None:
            _, r = self.request("shutdown", None)
            if "error" in r:
                raise Fail(f"shutdown answered with an error: {r['error']}")
            self.notify("exit", None)
            try:
                self.proc.stdin.close()
            except OSError:
                pass
            try:
                return self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.kill()
                raise Fail("the server did not exit within 5 s of shutdown/exit")
        return self.proc.returncode

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


def edit_site(text: str) -> int:
    """Offset of one character that can change without changing the file's meaning
    much or its validity: inside a comment if there is one, else the last character
    of a plain string literal (preferring Sid / description / name values)."""
    m = re.search(r"(?m)^\s*(?:#|//)[^\n]*?[A-Za-z]", text)
    if m:
        return m.end() - 1
    for key in (r"[Ss]id", r"description", r"name"):
        m = re.search(r'(?m)^\s*' + key + r'\s*=\s*"([A-Za-z][A-Za-z0-9 _.-]*)"', text)
        if m:
            return m.end(1) - 1
    m = re.search(r'"([A-Za-z][A-Za-z0-9_.-]*)"', text)
    if m:
        return m.end(1) - 1
    raise Fail("no comment or plain string literal to edit in the file")


def variant(text: str, at: int, k: int) -> str:
    """The text with the character at `at` replaced by the k-th letter other than
    the original (distinct texts for 25 changes in a row, then they repeat)."""
    letters = [c for c in "abcdefghijklmnopqrstuvwxyz" if c != text[at].lower()]
    return text[:at] + letters[k % len(letters)] + text[at + 1 :]


def pct(values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    s = sorted(values)
    i = max(0, min(len(s) - 1, int(-(-p * len(s) // 100)) - 1))
    return s[i]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "bedrock-lint"))
    ap.add_argument("--tree", help="workspace to use (generated into it if it has no modules/)")
    ap.add_argument("--modules", type=int, default=200, help="modules to generate (default 200)")
    ap.add_argument("--changes", type=int, default=20, help="didChange rounds (default 20)")
    ap.add_argument("--module", type=int, default=100,
                    help="index of the module typed in (default 100: one that calls two child modules)")
    ap.add_argument("--cold", type=int, default=5, help="cold-module opens (default 5)")
    ap.add_argument("--keep", action="store_true", help="keep the generated workspace")
    ap.add_argument("--verbose", action="store_true", help="echo server stderr and log messages")
    args = ap.parse_args()

    bin_path = os.path.abspath(args.bin)
    if not os.access(bin_path, os.X_OK):
        print(f"perf-lsp: no executable at {bin_path} (build it or pass --bin)", file=sys.stderr)
        return 2

    made_tmp = None
    if args.tree:
        tree = os.path.abspath(args.tree)
    else:
        made_tmp = tempfile.mkdtemp(prefix="bedrock-lint-perf-lsp.")
        tree = made_tmp
    if not os.path.isdir(os.path.join(tree, "modules")):
        subprocess.run(
            [sys.executable, os.path.join(ROOT, "scripts", "gen-bench-tree.py"),
             str(args.modules), tree],
            check=True,
        )
    modules = sorted(d for d in os.listdir(os.path.join(tree, "modules")) if d.startswith("m"))
    n = len(modules)
    if n < 2:
        print(f"perf-lsp: {tree}/modules holds fewer than two modules", file=sys.stderr)
        return 2
    files = sum(
        1 for _, _, fs in os.walk(tree) for f in fs if f.endswith((".tf", ".tf.json", ".tfvars"))
    )
    typed = modules[args.module % n]
    # Cold modules: same shape as the typed one (index step of 10), never opened.
    cold_mods = []
    for k in range(n):
        cand = modules[(args.module + 50 + 10 * k) % n]
        if cand != typed and cand not in cold_mods:
            cold_mods.append(cand)
        if len(cold_mods) >= args.cold:
            break

    deb, deb_src = debounce_ms()
    try:
        out = subprocess.run([bin_path, "--version"], capture_output=True, text=True, timeout=10).stdout
        version = (out.strip().splitlines() or [""])[0]
    except (OSError, subprocess.TimeoutExpired):
        version = ""
    print(f"binary:    {bin_path} ({version or 'version unknown'})")
    print(f"workspace: {tree} ({n} modules, {files} Terraform files)")
    print(f"cores:     {os.cpu_count()}, load average {os.getloadavg()[0]:.2f}")
    print(f"debounce:  {deb:.0f} ms (from {deb_src})")

    srv = Server(bin_path, tree, args.verbose)
    status = 1
    try:
        t0 = time.perf_counter()
        _, r = srv.request(
            "initialize",
            {
                "processId": os.getpid(),
                "rootUri": file_uri(tree),
                "rootPath": tree,
                "workspaceFolders": [{"uri": file_uri(tree), "name": os.path.basename(tree)}],
                "capabilities": {},
            },
        )
        if "error" in r:
            raise Fail(f"initialize failed: {r['error']}")
        init_ms = (time.perf_counter() - t0) * 1000
        srv.notify("initialized", {})

        path = os.path.join(tree, "modules", typed, "main.tf")
        uri = file_uri(path)
        with open(path, encoding="utf-8") as f:
            original = f.read()
        at = edit_site(original)
        line = original.count("\n", 0, at) + 1
        print(f"typing in: modules/{typed}/main.tf, line {line}: "
              f"{original.splitlines()[line - 1].strip()}")

        srv.drain()
        sent = srv.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "terraform", "version": 1, "text": original}},
        )
        got, m = srv.diagnostics(uri)
        first_open_ms = (got - sent) * 1000
        first_diags = len(m["params"].get("diagnostics") or [])

        changes = []
        for k in range(args.changes):
            text = variant(original, at, k)
            srv.drain()
            sent = srv.notify(
                "textDocument/didChange",
                {"textDocument": {"uri": uri, "version": k + 2}, "contentChanges": [{"text": text}]},
            )
            got, m = srv.diagnostics(uri)
            changes.append((got - sent) * 1000)

        cold = []
        for mod in cold_mods:
            p = os.path.join(tree, "modules", mod, "main.tf")
            u = file_uri(p)
            with open(p, encoding="utf-8") as f:
                t = f.read()
            srv.drain()
            sent = srv.notify(
                "textDocument/didOpen",
                {"textDocument": {"uri": u, "languageId": "terraform", "version": 1, "text": t}},
            )
            got, _ = srv.diagnostics(u)
            cold.append((got - sent) * 1000)

        srv.drain()
        code = srv.close()
        if code != 0:
            raise Fail(f"the server exited with status {code} after shutdown/exit{srv._stderr_note()}")

        def row(name, vals, note=""):
            if not vals:
                return
            print(f"{name:<34} {len(vals):>3} {statistics.median(vals):>9.1f} "
                  f"{pct(vals, 90):>9.1f} {max(vals):>9.1f}  {note}")

        print()
        print(f"initialize: {init_ms:.1f} ms; first didOpen reported {first_diags} diagnostic(s)")
        print(f"{'latency, ms (send -> publishDiagnostics)':<34}")
        print(f"{'step':<34} {'n':>3} {'median':>9} {'p90':>9} {'max':>9}")
        row("first open (process cold)", [first_open_ms], "no debounce on open")
        row("keystroke (didChange), raw", changes, f"includes the {deb:.0f} ms debounce")
        row("keystroke, after debounce", [c - deb for c in changes], f"raw minus {deb:.0f} ms")
        row("open, cold module", cold, "no debounce on open; " + ", ".join(cold_mods))
        print()
        print(f"after debounce = latency minus the server's {deb:.0f} ms debounce: "
              "the time spent analysing and publishing.")
        if srv.log_messages:
            print(f"(the server sent {srv.log_messages} window/logMessage notification(s); "
                  "--verbose shows them)")
        status = 0
    except Fail as e:
        print(f"perf-lsp: {e}", file=sys.stderr)
        status = 1
    finally:
        srv.kill()
        if made_tmp and not args.keep:
            shutil.rmtree(made_tmp, ignore_errors=True)
        elif made_tmp:
            print(f"workspace kept: {made_tmp}")
    return status


if __name__ == "__main__":
    sys.exit(main())
