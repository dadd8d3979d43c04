"""A private PostgreSQL 15 cluster for the fault scenarios, on a free loopback port: the test may
stop and restart it (the machine's shared cluster on 5432 is never touched). initdb refuses to
run as root, so the cluster runs as the `postgres` user in a directory it owns."""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.live import free_port

BIN = Path("/usr/lib/postgresql/15/bin")


def _as_postgres(*command: str) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return list(command)


@dataclass
class Cluster:
    directory: Path
    port: int

    @property
    def data(self) -> Path:
        return self.directory / "data"

    def url(self, database: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def _ctl(self, *args: str) -> None:
        subprocess.run(
            _as_postgres(str(BIN / "pg_ctl"), "-D", str(self.data), "-w", "-t", "30", *args),
            check=True,
            capture_output=True,
            timeout=60,
        )

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self._ctl("-o", options, "-l", str(self.directory / "server.log"), "start")

    def stop(self) -> None:
        """As `pg_ctlcluster … restart` does first: fast shutdown, clients disconnected."""
        self._ctl("-m", "fast", "stop")

    def createdb(self, name: str) -> str:
        subprocess.run(
            _as_postgres(
                str(BIN / "createdb"),
                "-h",
                "127.0.0.1",
                "-p",
                str(self.port),
                "-U",
                "postgres",
                name,
            ),
            check=True,
            capture_output=True,
            timeout=60,
        )
        return self.url(name)


@contextlib.contextmanager
def private_cluster() -> Iterator[Cluster]:
    directory = Path(tempfile.mkdtemp(prefix="cobrancas-faults-pg-"))
    postgres = pwd.getpwnam("postgres")
    if os.geteuid() == 0:
        os.chown(directory, postgres.pw_uid, postgres.pw_gid)
    cluster = Cluster(directory=directory, port=free_port())
    subprocess.run(
        _as_postgres(
            str(BIN / "initdb"),
            "-D",
            str(cluster.data),
            "-U",
            "postgres",
            "--auth=trust",
            "--no-sync",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        ),
        check=True,
        capture_output=True,
        timeout=120,
    )
    cluster.start()
    try:
        yield cluster
    finally:
        with contextlib.suppress(subprocess.SubprocessError):
            cluster._ctl("-m", "immediate", "stop")
        shutil.rmtree(directory, ignore_errors=True)
