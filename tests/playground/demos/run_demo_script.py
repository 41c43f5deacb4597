# Runs a demo's Python script on the virtual-time loop, so its output can be compared line for
# line with the C++ model: python3 run_demo_script.py SCRIPT [the script's own arguments...]
# asyncio.run, time.perf_counter/time.time and time.sleep all follow the loop's virtual clock.
import asyncio
import os
import runpy
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'differential'))
import virtual_loop  # noqa: E402

loop = virtual_loop.VirtualLoop(max_iterations=1_000_000)


def blocking_sleep(seconds):
    # time.sleep: the loop runs nothing meanwhile, but its clock moves (countsync.py's lesson).
    loop._now += seconds


asyncio.run = lambda main, **kwargs: virtual_loop.run(main, loop=loop)
time.perf_counter = time.time = lambda: loop._now
time.sleep = blocking_sleep

script = sys.argv[1]
sys.argv = sys.argv[1:]
try:
    runpy.run_path(script, run_name='__main__')
except virtual_loop.Deadlock:
    # The C++ model's runner reports the same stall; the lines before it are what is compared.
    print('<deadlock>', flush=True)
    os._exit(0)  # skip the pending tasks' "destroyed but pending" reports at exit
