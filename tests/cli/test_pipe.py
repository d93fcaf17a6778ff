"""``policygraph query … | head -1``: the reader leaves early and the command stops quietly."""

from __future__ import annotations

import shlex
import subprocess


def test_query_into_a_closed_pipe_exits_quietly(argv):
    # Every triple: megabytes of table, far past a pipe's buffer, so the write must hit EPIPE.
    process = subprocess.Popen(
        [*argv, "query", "SELECT * WHERE { ?s ?p ?o }"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    header = process.stdout.readline()  # what `head -1` reads
    process.stdout.close()  # ... before it exits
    stderr = process.stderr.read().decode()
    status = process.wait(timeout=120)
    assert b"| p" in header
    assert stderr == ""  # no traceback, no "Broken pipe" line
    assert status == 141  # as a shell reports a filter ended by SIGPIPE


def test_shell_pipe_to_head(argv):
    command = shlex.join([*argv, "query", "SELECT * WHERE { ?s ?p ?o }"])
    result = subprocess.run(
        f"{command} | head -1", shell=True, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0
    assert result.stdout.count("\n") == 1
    assert result.stderr == ""
