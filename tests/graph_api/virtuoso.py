"""A throw-away Virtuoso Open Source server on 127.0.0.1 for the remote-engine tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox

INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
MaxClientConnections = 8
CheckpointInterval = 0
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000
DirsAllowed = ., {dir}
VADInstallDir = /usr/share/virtuoso-opensource-7/vad/

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = /var/lib/virtuoso-opensource-7/vsp
MaxClientConnections = 8
ServerThreads = 8

[SPARQL]
; rows one answer may have: above the API's max_rows and every named query's answer
ResultSetMaxRows = 200000
; seconds any query may run, whoever asks: the engine's own cap, above the per-request limit
; (RemoteStore sends its time limit as the `timeout` parameter, so the engine stops at that)
MaxQueryExecutionTime = 30
MaxQueryCostEstimationTime = 0
"""

# The engine's default graph = the loaded graphs: Virtuoso's own graphs join its private
# graphs, which the anonymous SPARQL user may not read.
PRIVATE_GROUP = "http://www.openlinksw.com/schemas/virtrdf#PrivateGraphs"
ALL_GRAPHS = "SELECT DISTINCT id_to_iri(G) FROM DB.DBA.RDF_QUAD;"  # as dba, in SQL: fast


def available() -> bool:
    return shutil.which("virtuoso-t") is not None and shutil.which("isql-vt") is not None


class Virtuoso:
    """Start ``virtuoso-t`` in the foreground with its own database in ``directory``."""

    def __init__(self, directory: Path, sql_port: int, http_port: int) -> None:
        self.directory = directory
        self.sql_port = sql_port
        self.http_port = http_port
        self.sparql = f"http://127.0.0.1:{http_port}/sparql"
        ini = directory / "virtuoso.ini"
        ini.write_text(INI.format(dir=directory, sql_port=sql_port, http_port=http_port))
        self.process = subprocess.Popen(
            ["virtuoso-t", "+foreground", "+configfile", str(ini)],
            cwd=directory,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self._wait_ready(limit=300.0)

    def _wait_ready(self, limit: float) -> None:
        deadline = time.monotonic() + limit
        probe = f"{self.sparql}?query=ASK%7B%7D"
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                log = (self.directory / "virtuoso.log").read_text(errors="replace")[-2000:]
                raise RuntimeError(f"virtuoso-t exited with {self.process.returncode}:\n{log}")
            try:
                with urllib.request.urlopen(probe, timeout=2):
                    return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"Virtuoso did not answer within {limit:g} s")

    def hide_other_graphs(self, keep: set[str]) -> None:
        """Make every graph but ``keep`` (Virtuoso's own, some made on first use) private, so
        that a query without a dataset sees exactly the union of the loaded graphs."""
        listing = self.isql(ALL_GRAPHS).split("\n")
        rule = next(i for i, line in enumerate(listing) if line.startswith("____"))
        graphs = [line.strip() for line in listing[rule + 1 :] if line.strip()][:-1]  # "N Rows."
        statements = [f"DB.DBA.RDF_GRAPH_GROUP_CREATE('{PRIVATE_GROUP}', 1);"]
        hidden = [g for g in graphs if g not in keep]
        statements += [f"DB.DBA.RDF_GRAPH_GROUP_INS('{PRIVATE_GROUP}', '{g}');" for g in hidden]
        statements.append("DB.DBA.RDF_DEFAULT_USER_PERMS_SET('nobody', 0, 1);")  # private: none
        statements.append("DB.DBA.RDF_DEFAULT_USER_PERMS_SET('nobody', 1, 0);")  # others: read
        self.isql(" ".join(statements))

    def isql(self, statements: str, timeout: float = 120.0) -> str:
        result = subprocess.run(
            ["isql-vt", f"127.0.0.1:{self.sql_port}", "dba", "dba", f"exec={statements}"],
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if result.returncode != 0 or "*** Error" in result.stdout + result.stderr:
            raise RuntimeError(f"isql failed: {result.stdout}\n{result.stderr}")
        return result.stdout

    def bulk_load(self, nquads: Path) -> None:
        """Virtuoso's bulk loader: ld_dir over a copy of the file in the allowed directory."""
        target = self.directory / "load" / "graph.nq"
        target.parent.mkdir(exist_ok=True)
        shutil.copy(nquads, target)
        self.isql(
            f"ld_dir('{target.parent}', 'graph.nq', 'urn:policygraph:unused'); "
            "rdf_loader_run(); checkpoint;"
        )
        loaded = ox.parse(path=str(nquads), format=ox.RdfFormat.N_QUADS)
        self.hide_other_graphs({quad.graph_name.value for quad in loaded})

    def cpu_seconds(self) -> float:
        """CPU time (user + system) the engine process has used so far."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
