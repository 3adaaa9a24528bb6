# The Python side of TestDifferential (python_test.go), run by python3 with
# the helpers of pycheck.py and a JSON file of cases. For each case it runs
#
#   cpy  the program as written, in English (PrintPython's PyPlain): the
#        oracle, which no part of our compiler has touched;
#   chk  the same program with its values recorded (PyChecked), for the
#        events that justify a WebAssembly refusal; its outcome must be
#        cpy's;
#   fb   the Python that fallback.Generate wrote from our parsed and
#        checked tree (the AUTO backend's re-run);
#
# and prints one JSON line per call: {"cpy": o, "chk": o, "fb": o,
# "ev": [events]}, where an outcome o is {"val": ...} or {"exc": ...}.
# A run that takes over two seconds (an int growing to millions of digits)
# is a "timeout", which proves nothing.

import json
import signal
import struct
import sys
import warnings


class PyTimeout(BaseException):
    pass


def alarm(signum, frame):
    raise PyTimeout()


def enc(v):
    if isinstance(v, bool):
        return "b:%d" % v
    if isinstance(v, int):
        return "i:%d" % v
    if isinstance(v, float):
        if v != v:
            return "f:nan"
        return "f:%d" % struct.unpack("<Q", struct.pack("<d", v))[0]
    if isinstance(v, str):
        return "s:%s:%d" % (v.encode("utf-8", "surrogatepass").hex(), len(v))
    return "other:" + type(v).__name__


def arg(a):
    if a["t"] == "f":
        return struct.unpack("<d", struct.pack("<Q", a["v"]))[0]
    if a["t"] == "b":
        return bool(a["v"])
    return a["v"]


def run(fn, args):
    signal.setitimer(signal.ITIMER_REAL, 2.0)
    try:
        return {"val": enc(fn(*args))}
    except PyTimeout:
        return {"exc": "timeout"}
    except Exception as e:
        return {"exc": type(e).__name__}
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def load(src, name, prelude=""):
    """The namespace of src and its function name (looked up in the
    fallback's table of names when there is one), or a description of the
    exception that loading raised."""
    ns = {}
    try:
        exec(compile(prelude, "pycheck", "exec"), ns)
        exec(compile(src, "case", "exec"), ns)
        return ns, ns["__ml_names__"][name] if "__ml_names__" in ns else ns[name]
    except Exception as e:
        return ns, "oracle error: %s: %s" % (type(e).__name__, e)


def main():
    signal.signal(signal.SIGALRM, alarm)
    warnings.simplefilter("ignore")
    with open(sys.argv[1], encoding="utf-8") as f:
        prelude = f.read()
    with open(sys.argv[2], encoding="utf-8") as f:
        cases = json.load(f)
    out = sys.stdout
    for c in cases:
        _, cpy = load(c["english"], "f")
        chk_ns, chk = load(c["checked"], "f", prelude)
        _, fb = load(c["python"], c["name"])
        for raw in c["inputs"]:
            args = [arg(a) for a in raw]
            r = {}
            for key, fn in (("cpy", cpy), ("chk", chk), ("fb", fb)):
                if isinstance(fn, str):
                    r[key] = {"exc": fn}
                    continue
                if key == "chk":
                    chk_ns["_ev"].clear()
                r[key] = run(fn, args)
                if key == "cpy" and r[key].get("exc") == "timeout":
                    r["chk"] = r["fb"] = r[key]
                    break
                if key == "chk":
                    r["ev"] = sorted(chk_ns["_ev"])
            out.write(json.dumps(r) + "\n")


main()
