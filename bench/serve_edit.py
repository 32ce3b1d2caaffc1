#!/usr/bin/env python3
"""Time from saving one file to the reload signal of `impact serve`.

    python3 bench/serve_edit.py IMPACT_BINARY SITE_ROOT STORY_FILE [RUNS]

Starts `impact serve --root SITE_ROOT` on a free port, waits for the first
build, then RUNS times (default 7): waits on /__impact/events as an open
page does, saves STORY_FILE with one more line (written to a scratch file
and renamed over it, as editors save) and times until the event arrives.
Prints every figure and the median in milliseconds; the last line is
`median_ms=<float>`. The story is restored at the end. Python 3 standard
library only.
"""
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port, path, timeout=60):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=timeout) as r:
        return json.loads(r.read())


def save(path, text):
    scratch = path + ".bench-tmp"
    with open(scratch, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(scratch, path)


def main():
    binary, root, story = sys.argv[1:4]
    runs = int(sys.argv[4]) if len(sys.argv) > 4 else 7
    port = free_port()
    proc = subprocess.Popen(
        [binary, "serve", "--root", root, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    original = open(story, encoding="utf-8").read()
    try:
        deadline = time.time() + 300
        while True:
            try:
                if get(port, "/__impact/status", timeout=5).get("ok"):
                    break
            except OSError:
                pass
            if time.time() > deadline or proc.poll() is not None:
                sys.exit("impact serve did not build the site")
            time.sleep(0.1)
        times = []
        for run in range(runs):
            time.sleep(0.3)
            after = get(port, "/__impact/status")["attempt"]
            answer = {}
            poll = threading.Thread(
                target=lambda: answer.update(get(port, f"/__impact/events?after={after}", 120))
            )
            poll.start()
            time.sleep(0.1)
            saved = time.perf_counter()
            save(story, f"{original}\nEdit number {run}.\n")
            poll.join()
            times.append((time.perf_counter() - saved) * 1000)
            if not answer.get("ok"):
                sys.exit(f"the rebuild failed: {answer}")
        print("save -> reload event, ms:", " ".join(f"{t:.0f}" for t in times))
        print(f"median_ms={statistics.median(times):.1f}")
    finally:
        save(story, original)
        proc.terminate()
        proc.wait(timeout=30)


if __name__ == "__main__":
    main()
