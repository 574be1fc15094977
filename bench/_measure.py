"""The measuring process of bench/jrnl_vs.py: tiny on purpose.

Linux starts a child's peak RSS (``ru_maxrss`` from ``os.wait4``) at the peak of the process it
was forked or vforked from, so the process that spawns a measured command must stay small. This
one imports only what running a command needs and holds no journal in memory: it reads a spec
(JSON) naming the command, the files to copy before each run (outside the timed section) and the
file its standard output goes to; runs it; and prints, as JSON, the wall time (perf_counter
around subprocess.Popen + os.wait4), the peak RSS (wait4's ru_maxrss), the user+system CPU time
and the exit status of every run, and its own peak RSS (VmHWM: the least wait4 can report for a child it spawns).

    python bench/_measure.py SPEC.json

SPEC: {"argv": [...], "env": {...}, "runs": 5, "warmup": true, "warmup_under_s": 2.0,
       "copies": [[src, dst], ...], "remove": [path, ...], "stdout": path, "stderr": path, "append": false}
An argument "{started}" in argv is replaced by time.time() taken just before the spawn.
"""

import json
import os
import resource
import shutil
import subprocess
import sys
import time


def own_peak_mib():
    """This process's own peak RSS (VmHWM): unlike ru_maxrss it leaves out the process this one
    was spawned from, and it is what a child spawned from here starts its ru_maxrss at."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def prepare(spec):
    for path in spec.get("remove", ()):
        try:
            os.unlink(path)
        except FileNotFoundError:
            pass
    for src, dst in spec.get("copies", ()):
        shutil.copyfile(src, dst)
        os.chmod(dst, 0o600)


def run(spec):
    prepare(spec)
    mode = "ab" if spec.get("append") else "wb"  # append: every run's output is kept
    with open(spec.get("stdout") or os.devnull, mode) as out, open(spec["stderr"], "wb") as err:
        started = time.time()
        argv = [str(started) if arg == "{started}" else arg for arg in spec["argv"]]
        begin = time.perf_counter()
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=spec.get("env"))
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - begin
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    return {
        "wall_s": wall,
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "rss_mib": usage.ru_maxrss / 1024,  # KiB on Linux
        "rc": proc.returncode,
    }


def main():
    with open(sys.argv[1]) as handle:
        spec = json.load(handle)
    at_start = own_peak_mib()
    runs = []
    warm = None
    if spec.get("warmup", True):
        warm = run(spec)
        if warm["rc"] != 0:
            runs.append(warm)  # a failure is reported, not retried
        elif warm["wall_s"] >= spec.get("warmup_under_s", 2.0):
            runs.append(warm)  # a slow command gains nothing from a warm-up: it counts
            warm = None
    while len(runs) < spec["runs"] and not any(r["rc"] for r in runs):
        runs.append(run(spec))
    print(json.dumps({
        "runs": runs,
        "warmup_discarded": warm is not None,
        "measurer_rss_at_start_mib": at_start,  # before the first spawn
        "measurer_rss_mib": own_peak_mib(),
    }))


if __name__ == "__main__":
    main()
