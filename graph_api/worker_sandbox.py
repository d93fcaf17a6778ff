"""Take the network away from a query worker process before it runs any user query.

The SPARQL guard refuses ``SERVICE`` before a query reaches an engine; this is the second wall,
for the day a query slips past it. pyoxigraph 0.5 has no option to switch its SERVICE client off
(``Store.query`` takes no service handler), so the denial is made by the kernel: a seccomp
filter (libseccomp through ``pyseccomp``) makes ``socket()`` fail with ``EACCES`` for every
address family except ``AF_UNIX`` (the worker talks to the server over an inherited pipe, and
opens no socket of its own), and ``io_uring_setup()`` fail, since io_uring can open and
connect sockets without those system calls. The filter sets ``no_new_privs``, so it works
without root; it holds for every thread of the worker (TSYNC) and every thread started later,
and it cannot be lifted by the process.

Where it cannot be applied (no libseccomp, a kernel without seccomp, not Linux) the worker goes
on without it and logs a warning: the guard still refuses SERVICE.
"""

from __future__ import annotations

import errno
import logging
import socket

log = logging.getLogger(__name__)


def deny_network() -> bool:
    """Forbid this process (all its threads) to open network sockets; False if not possible."""
    try:
        import pyseccomp as seccomp

        rules = seccomp.SyscallFilter(seccomp.ALLOW)
        rules.set_attr(seccomp.Attr.CTL_TSYNC, 1)
        rules.add_rule(
            seccomp.ERRNO(errno.EACCES),
            "socket",
            seccomp.Arg(0, seccomp.NE, socket.AF_UNIX),
        )
        rules.add_rule(seccomp.ERRNO(errno.ENOSYS), "io_uring_setup")
        rules.load()
    except (ImportError, OSError, RuntimeError, AttributeError, ValueError) as error:
        log.warning(
            "query worker runs WITHOUT its network sandbox (seccomp unavailable: %s); "
            "SERVICE is still refused by the query guard",
            error,
        )
        return False
    return True
